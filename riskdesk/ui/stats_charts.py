"""Charts of one breakdown, drawn with QPainter (no QtCharts: one module less to ship and to start).

Horizontal bars for stages, nodes, points, 庭室 and persons (long Chinese names read best on the left);
a line for months. Both draw the rows in the order the table beside them shows, so sorting the table
sorts the bars; a click on a bar (or a month's point) emits ``row_clicked`` with that row's position.
"""

from __future__ import annotations

import enum
import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from riskdesk.domain.stats import StatsRow, Tally
from riskdesk.ui.models.stats_table_model import rate_text

translate = QCoreApplication.translate
_PAD = 10
_GRID = QColor("#e0e0e0")
_TEXT = QColor("#37474f")
_MUTED = QColor("#757575")
_SELECTED_BAND = QColor("#e3f2fd")


class Metric(enum.Enum):
    """What the length of a bar (or the height of a point) shows."""

    RISK = "risk"
    RATE = "rate"
    ANSWERED = "answered"

    def of(self, t: Tally) -> float | None:
        if self is Metric.RISK:
            return float(t.risk)
        if self is Metric.ANSWERED:
            return float(t.answered)
        rate = t.risk_rate
        return None if rate is None else rate * 100

    def text(self, t: Tally) -> str:
        """The figure written beside a bar: the metric first, the risk count or rate after it."""
        both = translate("StatsChart", "%1 (%2)")
        if self is Metric.RISK:
            return both.replace("%1", str(t.risk)).replace("%2", rate_text(t.risk_rate))
        if self is Metric.RATE:
            return both.replace("%1", rate_text(t.risk_rate)).replace("%2", f"{t.risk}/{t.clear + t.risk}")
        return str(t.answered)

    def short(self, t: Tally) -> str:
        """The figure alone (above a month's point, where there is no room for two)."""
        return {Metric.RISK: str(t.risk), Metric.RATE: rate_text(t.risk_rate), Metric.ANSWERED: str(t.answered)}[self]

    @property
    def colour(self) -> QColor:
        return QColor({Metric.RISK: "#c62828", Metric.RATE: "#b26a00", Metric.ANSWERED: "#1565c0"}[self])

    @property
    def label(self) -> str:
        return {
            Metric.RISK: translate("StatsChart", "Risk found (rate)"),
            Metric.RATE: translate("StatsChart", "Risk rate % (risk found / answered yes or no)"),
            Metric.ANSWERED: translate("StatsChart", "Points answered"),
        }[self]


def nice_ceiling(value: float) -> float:
    """The axis end just above ``value``: a round multiple of a power of ten (300 for 287, not 500)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * power:
            return step * power
    return 10 * power


class StatsChart(QWidget):
    """Rows, the metric and the selected row; subclasses lay out and draw. Signals: row_clicked(position)."""

    row_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[StatsRow] = []
        self.measure = Metric.RISK
        self.selected = -1
        self.empty_text = translate("StatsChart", "No figures for this period and scope.")
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_rows(self, rows: list[StatsRow], selected: int = -1) -> None:
        self.rows = list(rows)
        self.selected = selected
        self.updateGeometry()  # the bar chart's height follows its rows
        self.update()

    def set_metric(self, metric: Metric) -> None:
        self.measure = metric
        self.update()

    def select(self, position: int) -> None:
        if position != self.selected:
            self.selected = position
            self.update()

    def bar_rects(self) -> list[QRectF]:
        """Where each row's bar (or point) is drawn, in widget coordinates: tests click their centres."""
        raise NotImplementedError

    def hit_rects(self) -> list[QRectF]:
        """Where a click selects each row: larger than the bar, so a short bar is easy to hit."""
        raise NotImplementedError

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton:
            for i, rect in enumerate(self.hit_rects()):
                if rect.contains(event.position()):
                    self.select(i)
                    self.row_clicked.emit(i)
                    return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = next((i for i, r in enumerate(self.hit_rects()) if r.contains(event.position())), -1)
        self.setToolTip(f"{self.rows[hit].label}\n{self.measure.text(self.rows[hit].tally)}" if hit >= 0 else "")
        super().mouseMoveEvent(event)

    def _scale(self) -> float:
        values = [v for r in self.rows if (v := self.measure.of(r.tally)) is not None]
        return nice_ceiling(max(values, default=0.0))

    def _empty(self, p: QPainter) -> bool:
        if self.rows:
            return False
        p.setPen(_MUTED)
        p.drawText(QRectF(self.rect()), int(Qt.AlignmentFlag.AlignCenter), self.empty_text)
        return True


class BarChart(StatsChart):
    """Horizontal bars, one row each: the name (elided, whole in the tooltip), the bar, the figure."""

    def _row_height(self) -> int:
        return max(26, self.fontMetrics().height() + 12)

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        wanted = max((metrics.horizontalAdvance(r.label) for r in self.rows), default=0) + 8
        return min(wanted, max(80, int(self.width() * 0.38)))

    def _value_width(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(self.measure.text(r.tally)) for r in self.rows), default=0) + 10

    def sizeHint(self) -> QSize:
        return QSize(480, self.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 2 * _PAD + self.fontMetrics().height() + 8 + max(1, len(self.rows)) * self._row_height())

    def _top(self) -> int:
        return _PAD + self.fontMetrics().height() + 8  # below the metric's caption

    def hit_rects(self) -> list[QRectF]:
        h = self._row_height()
        return [QRectF(_PAD, self._top() + i * h, self.width() - 2 * _PAD, h) for i in range(len(self.rows))]

    def bar_rects(self) -> list[QRectF]:
        h = self._row_height()
        left = _PAD + self._label_width()
        span = max(10, self.width() - left - self._value_width() - _PAD)
        scale = self._scale()
        out = []
        for i, r in enumerate(self.rows):
            v = self.measure.of(r.tally) or 0.0
            out.append(QRectF(left, self._top() + i * h + 4, max(3.0, span * v / scale), h - 8))
        return out

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if self._empty(p):
            return
        metrics = QFontMetrics(self.font())
        p.setPen(_MUTED)
        p.drawText(QRectF(_PAD, _PAD, self.width() - 2 * _PAD, metrics.height()),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.measure.label)
        label_w = self._label_width()
        colour = self.measure.colour
        pale = QColor(colour)
        pale.setAlpha(150)
        for i, (band, bar, r) in enumerate(zip(self.hit_rects(), self.bar_rects(), self.rows, strict=True)):
            if i == self.selected:
                p.fillRect(band, _SELECTED_BAND)
            p.setPen(_TEXT)
            name = metrics.elidedText(r.label, Qt.TextElideMode.ElideRight, label_w - 8)
            p.drawText(QRectF(band.left(), band.top(), label_w - 8, band.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), name)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour if i == self.selected else pale)
            p.drawRoundedRect(bar, 2, 2)
            p.setPen(_TEXT)
            p.drawText(QRectF(bar.right() + 6, band.top(), self._value_width(), band.height()),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.measure.text(r.tally))
        p.end()


class LineChart(StatsChart):
    """Months in turn: a line through each month's figure, the axis on the left, short month names below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.axis_labels: list[str] = []

    def set_axis_labels(self, labels: list[str]) -> None:
        self.axis_labels = labels
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 320)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 200)

    def _plot(self) -> QRectF:
        metrics = self.fontMetrics()
        left = _PAD + metrics.horizontalAdvance("00000") + 8
        top = _PAD + metrics.height() + 8 + metrics.height()  # the caption, then room for the values above points
        bottom = self.height() - _PAD - metrics.height() - 6
        right = _PAD + metrics.horizontalAdvance("0000") // 2 + 6  # room for the last month's figure
        return QRectF(left, top, max(10, self.width() - left - right), max(10, bottom - top))

    def _points(self) -> list[QPointF | None]:
        plot, scale, n = self._plot(), self._scale(), len(self.rows)
        step = plot.width() / max(1, n - 1) if n > 1 else 0
        out: list[QPointF | None] = []
        for i, r in enumerate(self.rows):
            v = self.measure.of(r.tally)
            x = plot.left() + (i * step if n > 1 else plot.width() / 2)
            out.append(None if v is None else QPointF(x, plot.bottom() - plot.height() * v / scale))
        return out

    def _x(self, i: int) -> float:
        plot, n = self._plot(), len(self.rows)
        return plot.left() + (i * plot.width() / (n - 1) if n > 1 else plot.width() / 2)

    def hit_rects(self) -> list[QRectF]:
        plot, n = self._plot(), len(self.rows)
        half = (plot.width() / (n - 1) if n > 1 else plot.width()) / 2
        return [QRectF(self._x(i) - half, plot.top() - 20, 2 * half, plot.height() + 40) for i in range(n)]

    def bar_rects(self) -> list[QRectF]:
        plot = self._plot()
        return [QRectF(pt.x() - 6, pt.y() - 6, 12, 12) if pt is not None
                else QRectF(self._x(i) - 6, plot.bottom() - 6, 12, 12) for i, pt in enumerate(self._points())]

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: PLR0915 - one drawing, top to bottom
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if self._empty(p):
            return
        metrics = QFontMetrics(self.font())
        plot, scale = self._plot(), self._scale()
        p.setPen(_MUTED)
        p.drawText(QRectF(_PAD, _PAD, self.width() - 2 * _PAD, metrics.height()),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.measure.label)
        for k in range(5):  # four steps of the axis
            y = plot.bottom() - plot.height() * k / 4
            p.setPen(QPen(_GRID, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(_MUTED)
            value = scale * k / 4
            text = f"{value:g}" if value != int(value) else str(int(value))
            p.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
        if 0 <= self.selected < len(self.rows):
            x = self._x(self.selected)
            p.fillRect(QRectF(x - 14, plot.top() - 4, 28, plot.height() + 8), _SELECTED_BAND)
        labels = self.axis_labels if len(self.axis_labels) == len(self.rows) else [r.label for r in self.rows]
        widest = max(metrics.horizontalAdvance(t) for t in labels) + 8
        every = max(1, math.ceil(widest / max(1.0, plot.width() / max(1, len(self.rows)))))
        p.setPen(_TEXT)
        for i, text in enumerate(labels):
            if i % every == 0 or i == self.selected:
                p.drawText(QRectF(self._x(i) - widest / 2, plot.bottom() + 4, widest, metrics.height()),
                           int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)
        points = self._points()
        colour = self.measure.colour
        p.setPen(QPen(colour, 2))
        for a, b in zip(points, points[1:], strict=False):
            if a is not None and b is not None:
                p.drawLine(a, b)
        show_values = len(self.rows) <= 12  # beyond a year the figures would run into each other
        for i, (pt, r) in enumerate(zip(points, self.rows, strict=True)):
            if pt is None:
                continue
            p.setPen(QPen(colour, 2))
            p.setBrush(colour if i == self.selected else QColor("white"))
            radius = 5.5 if i == self.selected else 4.0
            p.drawEllipse(pt, radius, radius)
            if show_values or i == self.selected:
                p.setPen(_TEXT)
                p.drawText(QRectF(pt.x() - 40, pt.y() - metrics.height() - 6, 80, metrics.height()),
                           int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), self.measure.short(r.tally))
        p.end()
