"""Court statistics as an .xlsx workbook: a 概要 sheet of the key figures, one sheet per breakdown
(numbers as numbers, rates as percentages, a 合计 row) and the top risk points with their 操作指引."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from riskdesk.domain.stats import Breakdown, ChecklistFigures, FindingFigures, StatsTable, Tally
from riskdesk.sheets.writing import save_workbook

HEADERS = ("名称", "检查单", "已作答", "存在风险", "无风险", "不适用", "按案件类型免查", "未核查", "存在风险率")
WIDTHS = (44, 10, 10, 10, 10, 10, 14, 10, 12)
SHEET_NAMES = {Breakdown.STAGE: "按环节", Breakdown.NODE: "按流程节点", Breakdown.POINT: "按风险点",
               Breakdown.DEPARTMENT: "按庭室", Breakdown.MONTH: "按月份", Breakdown.PERSON: "按承办人"}


@dataclass(frozen=True)
class TopRow:
    point_id: str
    title: str
    node: str
    risk: int
    risk_rate: float | None
    guidance: str


@dataclass(frozen=True)
class StatsWorkbook:
    """What the workbook holds; the service fills it from one dashboard."""

    court: str
    period_label: str
    scope_label: str
    made_on: date
    checklists: ChecklistFigures
    total: Tally
    findings: FindingFigures
    tables: Sequence[StatsTable]
    top: Sequence[TopRow]


def _row(label: str, t: Tally) -> list[Any]:
    return [label, t.checklists, t.answered, t.risk, t.clear, t.na, t.settled, t.unreviewed, t.risk_rate]


def write_stats(path: Path, book: StatsWorkbook) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDE5EE")
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "概要"
    f = book.findings
    for line in (
        [f"{book.court}风险防控统计"], ["统计期间", book.period_label], ["统计范围", book.scope_label],
        ["制表日期", book.made_on], [],
        ["检查单已开始", book.checklists.started], ["检查单已提交审核", book.checklists.submitted],
        ["检查单已审核通过", book.checklists.approved], ["适用风险点已作答", book.total.answered],
        ["存在风险", book.total.risk], ["无风险", book.total.clear], ["不适用", book.total.na],
        ["存在风险率（存在风险 ÷ 无风险与存在风险之和）", book.total.risk_rate], [],
        ["整改项：梳理", f.opened], ["整改项：已销号", f.closed], ["整改项：整改中", f.open_now],
        ["整改项：其中逾期", f.overdue], ["整改项：经复核无需整改", f.dismissed],
        ["销号用时中位数（天）", f.median_days_to_close],
    ):
        summary.append(line)
    summary["A1"].font = Font(bold=True, size=14)
    summary["B4"].number_format = "yyyy-mm-dd"
    summary["B13"].number_format = "0.0%"
    summary.column_dimensions["A"].width = 44
    summary.column_dimensions["B"].width = 24

    for table in book.tables:
        ws = wb.create_sheet(SHEET_NAMES[table.by])
        ws.append(list(HEADERS))
        for r in table.rows:
            ws.append(_row(r.label, r.tally))
        ws.append(_row("合计", table.total))
        for cell in ws[1]:
            cell.font, cell.fill = bold, head_fill
        for cell in ws[ws.max_row]:
            cell.font = bold
        for (cell,) in ws.iter_rows(min_row=2, min_col=len(HEADERS), max_col=len(HEADERS)):
            cell.number_format = "0.0%"
        for i, width in enumerate(WIDTHS, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "B2"
        if table.by in (Breakdown.NODE, Breakdown.POINT):  # rows of points and nodes overlap in checklists
            ws.append([])
            ws.append(["注：一份检查单含多个流程节点和风险点，各行“检查单”数不相加；其余各列相加等于合计。"])

    top = wb.create_sheet("重点风险点")
    top.append(["名次", "风险点", "名称", "流程节点", "存在风险", "存在风险率", "操作指引"])
    for i, t in enumerate(book.top, start=1):
        top.append([i, t.point_id, t.title, t.node, t.risk, t.risk_rate, t.guidance])
    for cell in top[1]:
        cell.font, cell.fill = bold, head_fill
    for (cell,) in top.iter_rows(min_row=2, min_col=6, max_col=6):
        cell.number_format = "0.0%"
    for col, width in zip("ABCDEFG", (6, 10, 36, 20, 10, 12, 80), strict=True):
        top.column_dimensions[col].width = width

    return save_workbook(wb, path)
