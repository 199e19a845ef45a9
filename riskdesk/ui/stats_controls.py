"""Parts of the 统计 window: the period chooser, the key figure tiles and the Top-N risk points with guidance."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.stats import ChecklistFigures, FindingFigures, Period, Tally
from riskdesk.services.stats import TopPoint
from riskdesk.ui.labels import OVERDUE_COLOUR, stage_text
from riskdesk.ui.models.stats_table_model import rate_text

_KINDS = ("year", "quarter", "month", "custom")


class PeriodSelector(QWidget):
    """年 / 季度 / 月 / 自定义 (a range of whole months); the current year unless changed.
    Signals: changed(Period) after every change (a custom range never ends before it starts)."""

    changed = Signal(object)

    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = today or date.today()
        self.kind = QComboBox()
        for key, text in zip(_KINDS, (self.tr("Year"), self.tr("Quarter"), self.tr("Month"),
                                      self.tr("Custom months")), strict=True):
            self.kind.addItem(text, key)
        self.kind.setAccessibleName(self.tr("Kind of period"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2099)
        self.year.setValue(today.year)
        self.year.setKeyboardTracking(False)  # one reload when the year is typed, not one per digit
        self.year.setAccessibleName(self.tr("Year"))
        self.quarter = QComboBox()
        for q in range(1, 5):
            self.quarter.addItem(self.tr("Quarter %1").replace("%1", str(q)), q)
        self.quarter.setCurrentIndex((today.month - 1) // 3)
        self.month = QComboBox()
        locale = QLocale()
        for m in range(1, 13):
            self.month.addItem(locale.monthName(m, QLocale.FormatType.LongFormat), m)
        self.month.setCurrentIndex(today.month - 1)
        self.start = self._month_edit(QDate(today.year, 1, 1))
        self.end = self._month_edit(QDate(today.year, today.month, 1))
        self.until = QLabel(self.tr("to"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.kind, self.year, self.quarter, self.month, self.start, self.until, self.end):
            lay.addWidget(w)
        self._show_parts()
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.year.valueChanged.connect(lambda _v: self._emit())
        self.quarter.currentIndexChanged.connect(lambda _i: self._emit())
        self.month.currentIndexChanged.connect(lambda _i: self._emit())
        self.start.dateChanged.connect(lambda _d: self._range_changed(self.start))
        self.end.dateChanged.connect(lambda _d: self._range_changed(self.end))

    def _month_edit(self, first: QDate) -> QDateEdit:
        edit = QDateEdit(first)
        edit.setDisplayFormat("yyyy-MM")
        edit.setDateRange(QDate(2000, 1, 1), QDate(2099, 12, 31))
        edit.setKeyboardTracking(False)
        return edit

    def text(self) -> str:
        """The period as Period.parse reads it (and the command line's --period takes it)."""
        kind, y = self.kind.currentData(), self.year.value()
        if kind == "quarter":
            return f"{y}-Q{self.quarter.currentData()}"
        if kind == "month":
            return f"{y}-{self.month.currentData():02d}"
        if kind == "custom":
            a, b = self.start.date(), self.end.date()
            return f"{a.year()}-{a.month():02d}..{b.year()}-{b.month():02d}"
        return str(y)

    def value(self) -> Period:
        return Period.parse(self.text())

    def _show_parts(self) -> None:
        kind = self.kind.currentData()
        self.year.setVisible(kind != "custom")
        self.quarter.setVisible(kind == "quarter")
        self.month.setVisible(kind == "month")
        for w in (self.start, self.until, self.end):
            w.setVisible(kind == "custom")

    def _kind_changed(self) -> None:
        self._show_parts()
        self._emit()

    def _range_changed(self, moved: QDateEdit) -> None:
        a, b = self.start.date(), self.end.date()
        if a > b:  # keep the range the right way round: move the other end along
            other = self.end if moved is self.start else self.start
            other.blockSignals(True)
            other.setDate(moved.date())
            other.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.value())


class FigureTiles(QWidget):
    """The key figures of the period and scope; ``values[key]`` is each figure's label (tests read them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        groups = (
            (self.tr("Checklists"), (("started", self.tr("Started")), ("submitted", self.tr("Submitted")),
                                     ("approved", self.tr("Approved")))),
            (self.tr("Risk points"), (("answered", self.tr("Applicable points answered")),
                                      ("risk", self.tr("Risk found")), ("rate", self.tr("Risk rate")))),
            (self.tr("Rectification"), (("opened", self.tr("Items opened")), ("closed", self.tr("Closed")),
                                        ("open", self.tr("Being rectified")), ("overdue", self.tr("Overdue")),
                                        ("median", self.tr("Median days to close")))),
        )
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for title, tiles in groups:
            box = QGroupBox(title)
            grid = QGridLayout(box)
            grid.setContentsMargins(8, 4, 8, 6)
            grid.setHorizontalSpacing(18)
            for col, (key, caption) in enumerate(tiles):
                value = QLabel("—")
                value.setObjectName(f"tile_{key}")
                value.setStyleSheet("font-size:17pt;font-weight:600")
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                text = QLabel(caption)
                text.setStyleSheet("color:#616161")
                value.setAccessibleName(caption)
                grid.addWidget(value, 0, col)
                grid.addWidget(text, 1, col)
                self.values[key] = value
            lay.addWidget(box, len(tiles))
        self.values["overdue"].setToolTip(self.tr("Items still open whose deadline has passed"))
        self.values["opened"].setToolTip(self.tr("Rectification items made in the period, whatever their state now"))

    def show_figures(self, checklists: ChecklistFigures, total: Tally, findings: FindingFigures) -> None:
        median = findings.median_days_to_close
        texts = {
            "started": checklists.started, "submitted": checklists.submitted, "approved": checklists.approved,
            "answered": total.answered, "risk": total.risk, "rate": rate_text(total.risk_rate),
            "opened": findings.opened, "closed": findings.closed, "open": findings.open_now,
            "overdue": findings.overdue, "median": "—" if median is None else f"{median:g}",
        }
        for key, value in texts.items():
            self.values[key].setText(str(value))
        colour = OVERDUE_COLOUR if findings.overdue else "inherit"
        self.values["overdue"].setStyleSheet(f"font-size:17pt;font-weight:600;color:{colour}")
        self.values["opened"].setToolTip(self.tr("Made in the period: %1; dismissed after review: %2")
                                         .replace("%1", str(findings.opened)).replace("%2", str(findings.dismissed)))


class TopPoints(QSplitter):
    """The risk points found most often, and the selected one's 操作指引 (what to do about it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Most frequent risk points"))
        self.list.setAlternatingRowColors(True)
        self.guidance = QTextBrowser()
        self.guidance.setAccessibleName(self.tr("Guidance"))
        self.guidance.setFrameShape(QFrame.Shape.StyledPanel)
        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("&Most frequent risk points"))
        title.setBuddy(self.list)
        col.addWidget(title)
        col.addWidget(self.list, 1)
        self.addWidget(left)
        self.addWidget(self.guidance)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self._points: list[TopPoint] = []
        self.list.currentRowChanged.connect(self._show)

    def set_points(self, points: tuple[TopPoint, ...]) -> None:
        self._points = list(points)
        self.list.clear()
        for i, p in enumerate(points, start=1):
            text = self.tr("%1. %2 %3 — risk found %4 (rate %5)").replace("%1", str(i)).replace("%2", p.point_id) \
                .replace("%3", p.title).replace("%4", str(p.risk)).replace("%5", rate_text(p.risk_rate))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p.point_id)
            item.setToolTip(text)
            self.list.addItem(item)
        if points:
            self.list.setCurrentRow(0)
        else:
            self.guidance.setHtml(f"<p style='color:#757575'>{html.escape(self.tr('No risk found in this period.'))}</p>")

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._points):
            return
        p = self._points[row]
        where = " · ".join(x for x in (stage_text(p.stage) if p.stage else "", p.node_name) if x)
        none = self.tr("The catalog gives no guidance for this point.")
        steps = "".join(f"<li>{html.escape(g)}</li>" for g in p.guidance) or f"<li>{html.escape(none)}</li>"
        found = self.tr("Risk found %1 time(s); risk rate %2").replace("%1", str(p.risk)) \
            .replace("%2", rate_text(p.risk_rate))
        self.guidance.setHtml(
            f"<h3>{html.escape(p.point_id)} {html.escape(p.title)}</h3>"
            f"<p style='color:#616161'>{html.escape(where)}</p><p>{html.escape(found)}</p>"
            f"<h4>{html.escape(self.tr('Guidance'))}</h4><ol>{steps}</ol>")
