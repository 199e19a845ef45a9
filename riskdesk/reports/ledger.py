"""《整改台账》 as a court hands it in: A4 landscape, the totals per division and for the court first
(梳理 N 条、已销号 M 条、整改中 K 条、逾期 L 条), then every item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table

from riskdesk.domain.findings import Finding, Totals
from riskdesk.reports.layout import GRID, INK, MARGIN_X, RISK_RED, SHADE, Chrome, build_pdf, gap, kit

TITLE = "《整改台账》"
PAGE_W = landscape(A4)[0] - 2 * MARGIN_X


@dataclass(frozen=True)
class LedgerSheet:
    court: str
    period: str
    items: tuple[Finding, ...]
    rows: tuple[Totals, ...]
    total: Totals
    printed_on: date


def build_ledger(sheet: LedgerSheet) -> bytes:
    k = kit()
    meta = f"{sheet.period}　打印日期：{sheet.printed_on:%Y-%m-%d}"
    story: list[Any] = k.title_block(sheet.court, TITLE, meta)
    story.append(k.text(f"全院{sheet.total.sentence()}。", k.body))
    story.append(gap(2))
    story.append(_totals(sheet, k))
    story.append(gap(4))
    story.append(k.text("整改项明细", k.h1))
    story.append(_items(sheet, k))
    footer = f"RiskDesk · 整改台账 · {sheet.total.sentence()}"
    return build_pdf(story, Chrome(TITLE, sheet.court, footer), title=f"{sheet.court}整改台账", subject="整改台账",
                     pagesize=landscape(A4))


def _totals(sheet: LedgerSheet, k: Any) -> Any:
    head = ["责任部门", "梳理", "已销号", "整改中", "待销号", "无需整改", "逾期"]
    data: list[list[Any]] = [[k.text(h, k.head_cell) for h in head]]
    for t in [*sheet.rows, sheet.total]:
        overdue = f"<font color='{RISK_RED}'>{t.overdue}</font>" if t.overdue else "0"
        data.append([k.text(t.department, k.cell)] + [k.para(str(v), k.cell_center) for v in
                                                      (t.found, t.closed, t.in_progress, t.pending_close, t.dismissed)]
                    + [k.para(overdue, k.cell_center)])
    table = Table(data, colWidths=[50 * mm] + [22 * mm] * 6, hAlign="LEFT", repeatRows=1)
    table.setStyle(k.table_style([("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BOX", (0, 0), (-1, -1), 0.8, INK),
                                  ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("BACKGROUND", (0, -1), (-1, -1), SHADE),
                                  ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def _items(sheet: LedgerSheet, k: Any) -> Any:
    small = ParagraphStyle("l-small", parent=k.cell, fontSize=7.5, leading=10)
    head = ["编号", "状态", "案号 / 风险点", "问题描述", "等级", "责任部门 / 责任人", "整改时限", "整改措施 / 结果"]
    data: list[list[Any]] = [[k.text(h, k.head_cell) for h in head]]
    for f in sheet.items:
        due = f"{f.current_due:%Y-%m-%d}"
        if f.extensions:
            due += f"<br/><font size=6.5 color='#5F6368'>原定 {f.due:%Y-%m-%d}，延期 {len(f.extensions)} 次</font>"
        if f.overdue(sheet.printed_on):
            due = f"<font color='{RISK_RED}'>{due}<br/>逾期</font>"
        state = f.state.label_zh
        data.append([
            k.text(f.no, small), k.text(state, small),
            k.text(f"{f.case_no or '—'}\n{f.point_id}", small), k.text(f.description[:300], small),
            k.text(f.severity.label_zh, small), k.text(f"{f.department or '—'}\n{f.owner}", small),
            k.para(due, small), k.text((f.result or f.measure)[:300], small),
        ])
    widths = [24 * mm, 16 * mm, 36 * mm, 0.0, 10 * mm, 28 * mm, 24 * mm, 60 * mm]
    widths[3] = PAGE_W - sum(widths)
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(k.table_style([("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BOX", (0, 0), (-1, -1), 0.8, INK),
                                  ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
    return table
