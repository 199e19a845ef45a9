"""The bulletin's charts and the numbers beside them: vector bar charts (reportlab.graphics) of the
存在风险 count per row of a breakdown, and the row's figures as a small table, so a printed copy can be
read exactly, not only estimated from a bar."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table

from riskdesk.domain.stats import StatsRow, Tally
from riskdesk.reports.layout import GRID, INK, MUTED, RULE, SHADE, Kit

BAR = colors.HexColor("#B3261E")
LABEL_SIZE = 7.5
ROW_PT = 15  # height of one bar's band in a horizontal chart
NUMBER_HEAD = ("清单", "已核查", "存在风险", "风险率")


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def nice_axis(top: int) -> tuple[int, int]:
    """An axis maximum and step of 1, 2 or 5 × 10ⁿ with at most five steps, the largest bar below the top."""
    if top <= 0:
        return 1, 1
    step = 1
    while True:
        for m in (1, 2, 5):
            s = m * step
            if math.ceil(top / s) <= 5:
                return s * max(1, math.ceil(top / s)), s
        step *= 10


def _axis_fonts(chart: Any, font: str) -> None:
    """Every string of the chart in the bundled font: reportlab's default Helvetica would be a second font."""
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = LABEL_SIZE - 0.5
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = LABEL_SIZE - 0.5
    chart.barLabelFormat = "%d"
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = SHADE
    chart.valueAxis.visibleGrid = 1
    chart.categoryAxis.strokeColor = RULE
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with … so that it fits ``width`` points (a chart label cannot wrap)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def vertical_bars(labels: Sequence[str], values: Sequence[int], width: float, k: Kit,
                  height: float = 55 * mm) -> Drawing:
    """One bar per label, its count above it; labels turn when they would collide and thin out past 12."""
    font = k.font.name
    n = max(1, len(values))
    slot = (width - 30) / n
    widest = max((stringWidth(s, font, LABEL_SIZE) for s in labels), default=0)
    turn = widest > slot - 2
    every = math.ceil(n / 12)
    shown = [k.plain(s) if i % every == 0 else "" for i, s in enumerate(labels)]
    bottom = (widest * 0.75 + 10) if turn else 16
    d = Drawing(width, height + bottom, initialFontName=font, initialFontSize=LABEL_SIZE)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 26, bottom, width - 30, height - 8
    chart.data = [list(values) or [0]]
    chart.categoryAxis.categoryNames = shown or [""]
    _axis_fonts(chart, font)
    top, step = nice_axis(max(values, default=0))
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = top, step
    chart.barLabels.boxAnchor = "s"  # the count sits on the bar, never across its top
    chart.barLabels.nudge = 2
    if slot < stringWidth(str(max(values, default=0)), font, LABEL_SIZE - 0.5) + 3:
        chart.barLabelFormat = None  # too narrow for the counts to stay apart: the table beside has them
    chart.barWidth = 10
    chart.groupSpacing = max(2.0, min(24.0, slot * 0.5))
    if turn:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dx = 4
        chart.categoryAxis.labels.dy = -2
    d.add(chart)
    return d


def horizontal_bars(labels: Sequence[str], values: Sequence[int], width: float, k: Kit,
                    label_width: float = 48 * mm) -> Drawing:
    """One bar per row, top to bottom in the table's order; for long lists (流程节点, 庭室)."""
    font = k.font.name
    n = max(1, len(values))
    names = [fit(k.plain(s), font, LABEL_SIZE, label_width - 6) for s in labels]
    used = min(label_width, max((stringWidth(s, font, LABEL_SIZE) for s in names), default=0) + 8)
    height = n * ROW_PT
    d = Drawing(width, height + 16, initialFontName=font, initialFontSize=LABEL_SIZE)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = used, 12, width - used - 22, height
    chart.data = [list(values) or [0]]
    chart.categoryAxis.categoryNames = names or [""]
    chart.categoryAxis.reverseDirection = 1  # the first row at the top, as in the table
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    _axis_fonts(chart, font)
    top, step = nice_axis(max(values, default=0))
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = top, step
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.nudge = 3
    chart.barWidth = 8
    chart.groupSpacing = ROW_PT - 8
    d.add(chart)
    return d


def numbers_table(rows: Sequence[StatsRow], total: Tally, k: Kit, head: str, widths: Sequence[float],
                  labels: Sequence[str] | None = None) -> Table:
    """The figures behind a chart: per row 清单 / 已核查 / 存在风险 / 风险率, then 合计."""
    cell = ParagraphStyle("b-num", parent=k.cell_center, fontSize=8, leading=10.5)
    name = ParagraphStyle("b-name", parent=k.cell, fontSize=8, leading=10.5)
    data: list[list[Any]] = [[k.text(h, k.head_cell) for h in (head, *NUMBER_HEAD)]]
    texts = labels if labels is not None else [r.label for r in rows]
    for label, r in zip(texts, rows, strict=True):
        data.append([k.text(label, name), *(k.para(v, cell) for v in _figures(r.tally))])
    data.append([k.text("合计", name), *(k.para(v, cell) for v in _figures(total))])
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(k.table_style([
        ("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("BACKGROUND", (0, -1), (-1, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
    return table


def _figures(t: Tally) -> tuple[str, str, str, str]:
    return str(t.checklists), str(t.answered), str(t.risk), percent(t.risk_rate)


def side_by_side(chart: Drawing, table: Table, chart_width: float, table_width: float, k: Kit) -> Table:
    """A chart with its numbers to the right, kept on one page."""
    outer = Table([[chart, table]], colWidths=[chart_width, table_width], hAlign="LEFT")
    outer.setStyle(k.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return outer


def caption(text: str, k: Kit) -> Any:
    style = ParagraphStyle("b-caption", parent=k.small, textColor=MUTED, spaceBefore=2, spaceAfter=2)
    return k.text(text, style)

