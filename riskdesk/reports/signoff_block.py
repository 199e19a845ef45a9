"""The parts of a case report that say who signed it off, and how to check that it is still current."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table

from riskdesk.domain.signoff import ChecklistState, SignOff, SignoffAction
from riskdesk.reports.layout import FRAME_W, GRID, INK, SHADE, Kit

QR_SIZE = 34 * mm


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else "—"


def signoff_table(signoff: SignOff, single_seat: bool, k: Kit) -> Any:
    """提交人 / 审核人 / 意见 of one stage's checklist, as recorded (not signature lines to fill in)."""
    decision = {SignoffAction.APPROVE: "审核通过", SignoffAction.RETURN: "退回"}.get(signoff.decision, "—") \
        if signoff.decision else "—"
    state = signoff.state.label_zh
    if signoff.state is ChecklistState.DRAFT and signoff.approved_before:
        state += "（审核通过后有修改，待重新审核）"
    label = ParagraphStyle("s-label", parent=k.cell, alignment=1)
    rows = [
        [k.text("审核状态", label), k.text(state, k.cell), k.text("审核结论", label), k.text(decision, k.cell)],
        [k.text("提交人", label), k.text(f"{signoff.submitted_by or '—'}　{_when(signoff.submitted_at)}", k.cell),
         k.text("审核人", label), k.text(f"{signoff.reviewed_by or '—'}　{_when(signoff.reviewed_at)}", k.cell)],
        [k.text("审核意见", label), k.text(signoff.comment or "—", k.cell), "", ""],
    ]
    lw = 18 * mm
    vw = (FRAME_W - 2 * lw) / 2
    t = Table(rows, colWidths=[lw, vw, lw, vw], hAlign="LEFT")
    t.setStyle(k.table_style([
        ("SPAN", (1, 2), (3, 2)), ("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("BACKGROUND", (0, 0), (0, -1), SHADE), ("BACKGROUND", (2, 0), (2, 1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    out = [t]
    if single_seat and (signoff.submitted_by or signoff.reviewed_by):
        out.append(k.text("（单机数据库上的审核：提交人、审核人为操作时填写的姓名，未经账号验证。）", k.small))
    return out


def verification_block(code: str, k: Kit) -> Any:
    """A QR code of the report's verification code, and the command that checks it."""
    widget = QrCodeWidget(code, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0],
                      initialFontName=k.font.name)  # else its graphics state names Helvetica, not embedded
    drawing.add(widget)
    small = ParagraphStyle("v-code", parent=k.small, fontSize=6.5, leading=8.5)
    text = [
        k.text("核对本报告是否为最新：扫描二维码，或在装有 RiskDesk 的电脑上运行", k.small),
        k.text("riskdesk verify 报告文件.pdf　或　riskdesk verify --code 校验码", k.small),
        k.text("结果为“一致”表示打印后核查记录和审核状态均未改变；否则列出此后由谁在何时改了什么。", k.small),
        k.text(f"校验码：{code}", small),
    ]
    t = Table([[drawing, text]], colWidths=[QR_SIZE + 4 * mm, FRAME_W - QR_SIZE - 4 * mm], hAlign="LEFT")
    t.setStyle(k.table_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    return t
