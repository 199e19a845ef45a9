"""The blank paper checklist: one row per point with tick boxes, to fill in by hand."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Table

from riskdesk.reports.data import CatalogSheet
from riskdesk.reports.guidance import CHINESE_NUMERALS, severity_mark, sheet_footer, sheet_meta
from riskdesk.reports.layout import (
    ACCENT,
    FRAME_W,
    GRID,
    INK,
    NODE_SHADE,
    SHADE,
    Chrome,
    Kit,
    TickBox,
    build_pdf,
    gap,
    kit,
)

CHOICES = ("无风险", "存在风险", "不适用")
# 编号, 风险点, 等级, three tick columns, 备注; the title takes what is left.
ID_W, LEVEL_W, TICK_W, NOTE_W = 15 * mm, 10 * mm, 15 * mm, 36 * mm
TITLE_W = FRAME_W - ID_W - LEVEL_W - 3 * TICK_W - NOTE_W
ROW_H = 8 * mm  # tall enough to tick and to write a few words by hand


def blank_title(sheet: CatalogSheet) -> str:
    return f"《{sheet.stage.label_zh}环节风险核查清单》"


def build_blank(sheet: CatalogSheet) -> bytes:
    k = kit()
    title = blank_title(sheet)
    story: list[Any] = k.title_block(sheet.court, title, sheet_meta(sheet))
    story.append(_fill_in_line(k))
    story.append(gap(3))
    story.append(k.text("请逐项核查，在相应方框内打“√”；存在风险的，在备注栏简要写明情况及处理意见。", k.small))
    story.append(gap(1.5))
    story.append(_checklist_table(sheet, k))
    story.append(gap(4))
    story.append(KeepTogether([
        k.text("核查意见：", k.body),
        _writing_lines(2, k),
        gap(2),
        k.signature_block(),
    ]))
    return build_pdf(story, Chrome(title, sheet.court, sheet_footer(sheet)), title=title,
                     subject=f"{sheet.stage_name} {sheet.catalog_version}")


def _fill_in_line(k: Kit) -> Any:
    """案号 / 案由 to write in by hand, on underlined blanks."""
    label = ParagraphStyle("b-label", parent=k.body, fontSize=10)
    row = [k.text("案号：", label), "", "", k.text("案由：", label), ""]
    widths = [12 * mm, 68 * mm, 8 * mm, 12 * mm, FRAME_W - 100 * mm]
    t = Table([row], colWidths=widths, rowHeights=[10 * mm], hAlign="LEFT")
    t.setStyle(k.table_style([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (1, 0), (1, 0), 0.6, INK), ("LINEBELOW", (4, 0), (4, 0), 0.6, INK),
    ]))
    return t


def _writing_lines(n: int, k: Kit) -> Any:
    t = Table([[""]] * n, colWidths=[FRAME_W], rowHeights=[8 * mm] * n)
    t.setStyle(k.table_style([("LINEBELOW", (0, 0), (-1, -1), 0.5, GRID)]))
    return t


def _checklist_table(sheet: CatalogSheet, k: Kit) -> Any:
    cell = k.cell
    center = k.cell_center
    head = [k.text(h, k.head_cell) for h in ("编号", "风险点", "等级", *CHOICES, "备注")]
    data: list[list[Any]] = [head]
    heights: list[float] = [0]
    style: list[Any] = [
        ("FONT", (0, 0), (-1, -1), k.font.name, 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i, node in enumerate(sheet.nodes):
        r = len(data)
        numeral = CHINESE_NUMERALS[i] if i < len(CHINESE_NUMERALS) else str(i + 1)
        data.append([k.para(f"（{numeral}）{k.esc(node.name)}", ParagraphStyle("b-node", parent=cell,
                                                                             textColor=ACCENT)),
                     "", "", "", "", "", ""])
        heights.append(0)
        style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), NODE_SHADE)]
        for p in node.points:
            data.append([k.text(p.id, cell), k.text(p.title, cell), k.para(severity_mark(p.severity), center),
                         TickBox(), TickBox(), TickBox(), ""])
            heights.append(ROW_H)
    # Minimum heights, not fixed ones: a 30-character title wraps to two lines and must not spill.
    table = Table(data, colWidths=[ID_W, TITLE_W, LEVEL_W, TICK_W, TICK_W, TICK_W, NOTE_W],
                  minRowHeights=heights, repeatRows=1)
    table.setStyle(k.table_style(style))
    return table
