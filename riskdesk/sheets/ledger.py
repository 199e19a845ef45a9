"""整改台账 as an .xlsx workbook: one row per item (a header row with filters, frozen panes, dates as
dates), and a sheet of totals per division."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from riskdesk.domain.findings import Finding, Totals
from riskdesk.domain.stage import Stage
from riskdesk.sheets.writing import save_workbook

HEADERS = ("编号", "状态", "是否逾期", "案号", "环节", "风险点", "问题描述", "风险等级", "初始等级", "整改措施",
           "责任部门", "责任人", "督办领导", "原定整改时限", "现整改时限", "延期次数", "建立日期", "销号日期", "销号审核人",
           "整改结果说明")
WIDTHS = (14, 10, 8, 24, 6, 9, 48, 8, 8, 40, 12, 10, 10, 12, 12, 8, 12, 12, 10, 40)


def write_ledger(path: Path, title: str, items: list[Finding], rows: list[Totals], total: Totals, today: date) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "整改台账"
    ws.append(list(HEADERS))
    for f in items:
        stage = Stage(f.stage).label_zh if f.stage else ""
        ws.append([f.no, f.state.label_zh, "是" if f.overdue(today) else "否", f.case_no, stage, f.point_id,
                   f.description, f.severity.label_zh, f.severity_found.label_zh, f.measure, f.department, f.owner,
                   f.supervisor, f.due, f.current_due, len(f.extensions), f.created_at.date(),
                   f.closed_at.date() if f.closed_at else None, f.closed_by, f.result])
    bold, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDE5EE")
    red = Font(color="C62828", bold=True)
    for cell in ws[1]:
        cell.font, cell.fill = bold, head_fill
    for col in (14, 15, 17, 18):  # dates as dates
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = "yyyy-mm-dd"
    for (cell,) in ws.iter_rows(min_row=2, min_col=3, max_col=3):
        if cell.value == "是":
            cell.font = red
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{max(1, len(items) + 1)}"
    sums = wb.create_sheet("汇总")
    sums.append([title])
    sums.append(["责任部门", "梳理", "已销号", "整改中", "待销号", "经复核无需整改", "逾期"])
    for t in [*rows, total]:
        sums.append([t.department, t.found, t.closed, t.in_progress, t.pending_close, t.dismissed, t.overdue])
    for cell in sums[2]:
        cell.font, cell.fill = bold, head_fill
    for cell in sums[sums.max_row]:
        cell.font = bold
    sums.column_dimensions["A"].width = 18
    sums.freeze_panes = "B3"
    return save_workbook(wb, path)
