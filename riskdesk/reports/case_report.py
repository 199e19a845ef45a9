"""《案件风险核查报告》: the case header, then per started stage its summary, the risks and every answer."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Table

from riskdesk.domain.model import Result, Status
from riskdesk.reports.data import CaseReport, CaseStageReport
from riskdesk.reports.guidance import CHINESE_NUMERALS, severity_mark, severity_tag
from riskdesk.reports.layout import ACCENT, FRAME_W, GRID, INK, RISK_RED, SHADE, Chrome, Kit, build_pdf, gap, kit
from riskdesk.reports.signoff_block import signoff_table, verification_block

TITLE = "《案件风险核查报告》"
NOTE_CLIP = 200  # characters of a note shown in the all-points table
NAME_CLIP = 40  # a reviewer's name is short; anything longer is cut rather than overflow a cell
STATUS_COLOR = {Status.RISK: RISK_RED, Status.CLEAR: "#2E6B3A", Status.NA: "#5F6368", Status.UNREVIEWED: "#9A5B00",
                Status.SETTLED: "#9E9E9E"}


def build_case_report(report: CaseReport) -> bytes:
    k = kit()
    c = report.case
    printed = report.printed_at.strftime("%Y-%m-%d %H:%M")
    meta = f"打印时间：{printed}　记录指纹：{report.record_fingerprint[:16]}"
    story: list[Any] = k.title_block(report.court, TITLE, meta)
    story.append(_case_header(report, k))
    story += _origin_risks(report, k)
    for i, stage in enumerate(report.stages):
        story += _stage_section(i, stage, k, report)
    story.append(CondPageBreak(80 * mm))
    story.append(gap(4))
    closing: list[Any] = [
        k.text(f"本报告依据 RiskDesk 数据库中的核查记录生成，打印时间 {printed}。", k.small),
        k.text(f"记录指纹（SHA-256，按风险点编号、状态、备注、修改时间、修改人计算）：{report.record_fingerprint}",
               k.small),
        gap(2),
    ]
    if report.verification_code:
        closing += [verification_block(report.verification_code, k), gap(2)]
    closing.append(k.signature_block())
    story.append(KeepTogether(closing))
    footer = f"RiskDesk · 案号 {c.case_no} · 记录指纹 {report.record_fingerprint[:12]} · 打印于 {printed}"
    return build_pdf(story, Chrome(TITLE, report.court, footer), title=f"{c.case_no} 风险核查报告",
                     subject="案件风险核查报告", keywords=report.verification_code)


def _case_header(report: CaseReport, k: Kit) -> Any:
    c = report.case
    label = ParagraphStyle("c-label", parent=k.cell, textColor=ACCENT, alignment=1)
    lw = 18 * mm
    vw = (FRAME_W - 2 * lw) / 2
    filed = c.filed_on.isoformat() if c.filed_on else "—"
    rows = [
        [k.text("案号", label), k.text(c.case_no, k.cell), k.text("案由", label), k.text(c.cause, k.cell)],
        [k.text("当事人", label), k.text(c.parties, k.cell), "", ""],
        [k.text("案件类型", label), k.text(c.profile.describe(), k.cell), k.text("立案日期", label), k.text(filed, k.cell)],
        [k.text("承办人", label), k.text(c.judge, k.cell), k.text("承办部门", label), k.text(c.department or "—", k.cell)],
        [k.text("原审/依据", label), k.text(c.origin or "—", k.cell), k.text("法院", label),
         k.text(report.court, k.cell)],
    ]
    t = Table(rows, colWidths=[lw, vw, lw, vw], minRowHeights=[8 * mm] * len(rows), hAlign="LEFT")
    t.setStyle(k.table_style([
        ("SPAN", (1, 1), (3, 1)),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("BACKGROUND", (0, 0), (0, -1), SHADE),
        *[("BACKGROUND", (2, r), (2, r), SHADE) for r in (0, 2, 3, 4)],
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return t


def _origin_risks(report: CaseReport, k: Kit) -> list[Any]:
    """The risks the case this one came from left open: an enforcement judge starts knowing them."""
    if not report.case.origin:
        return []
    out: list[Any] = [gap(2), k.text(f"原审/执行依据案件 {report.case.origin} 的存在风险", k.h2)]
    if not report.origin_risks:
        out.append(k.text("该案件在本数据库中没有记录存在风险的风险点（或该案件不在本数据库中）。", k.body))
    note_style = ParagraphStyle("c-origin", parent=k.body, leftIndent=4 * mm, spaceAfter=1)
    for r in report.origin_risks:
        note = k.esc(r.note) if r.note.strip() else "<font color='#5F6368'>（未填写备注）</font>"
        out.append(k.para(f"{k.esc(r.stage.label_zh)} {k.esc(r.point_id)}　{k.esc(r.title)}", k.body))
        out.append(k.para(f"<font color='#1F3A5F'>备注：</font>{note}", note_style))
    return out


def _stage_section(i: int, stage: CaseStageReport, k: Kit, report: CaseReport) -> list[Any]:
    numeral = CHINESE_NUMERALS[i] if i < len(CHINESE_NUMERALS) else str(i + 1)
    n = stage.counts
    out: list[Any] = [
        CondPageBreak(60 * mm),
        k.text(f"{numeral}、{stage.stage.label_zh}环节", k.h1),
        k.text(f"核查所依据的目录：版本 {stage.catalog_version}，指纹 {stage.catalog_fingerprint[:12]}。"
               f"已核查 {n.reviewed} / {n.applicable} 项适用的风险点" +
               (f"；另有 {n.settled} 项按案件类型不适用，未列入核查。" if n.settled else "。"), k.small),
        gap(1.5),
        _summary(stage, k),
    ]
    signoff = report.signoffs.get(stage.stage)
    if signoff is not None:
        out += [gap(1.5), *signoff_table(signoff, report.single_seat, k)]
    out.append(k.text("（一）存在风险的风险点", k.h2))
    risks = [(p, r) for p, r in stage.items if r.status is Status.RISK]
    if not risks:
        out.append(k.text("本环节未记录存在风险的风险点。", k.body))
    note_style = ParagraphStyle("c-note", parent=k.body, leftIndent=4 * mm, spaceAfter=1)
    head_style = ParagraphStyle("c-risk", parent=k.body, spaceBefore=5, keepWithNext=1)
    for p, r in risks:
        out.append(k.para(f"{k.esc(p.id)}　{k.esc(p.title)}　{severity_tag(p.severity)}", head_style))
        note = k.esc(r.note) if r.note.strip() else "<font color='#5F6368'>（未填写备注）</font>"
        out.append(k.para(f"<font color='#1F3A5F'>备注：</font>{note}", note_style))
        out.append(k.para(f"<font size=7.5 color='#5F6368'>{_who(r, k)}</font>", note_style))
    # No keepWithNext here: glued to a long table it would push the whole table to the next page.
    out.append(CondPageBreak(30 * mm))
    out.append(k.text("（二）全部风险点核查结果", ParagraphStyle("c-h2", parent=k.h2, keepWithNext=0)))
    out.append(_all_points(stage, k))
    settled = [p.id for p, r in stage.items if r.status is Status.SETTLED]
    if settled:
        out.append(gap(1.5))
        out.append(k.text(f"按案件类型不适用（{len(settled)} 项，未核查）：" + "、".join(settled), k.small))
    long_notes = [(p, r) for p, r in stage.items if r.status is not Status.RISK and len(r.note) > NOTE_CLIP]
    if long_notes:
        out.append(k.text("（三）较长备注全文", k.h2))
        for p, r in long_notes:
            out.append(k.para(f"{k.esc(p.id)}　{k.esc(p.title)}　"
                              f"<font color='{STATUS_COLOR[r.status]}'>{r.status.label_zh}</font>", head_style))
            out.append(k.para(f"<font color='#1F3A5F'>备注：</font>{k.esc(r.note)}", note_style))
    return out


def _table_note(r: Result, k: Kit) -> str:
    """A long note would fill pages of a narrow column; the table shows its start and says where the rest is."""
    if len(r.note) <= NOTE_CLIP:
        return k.esc(r.note)
    where = "（一）" if r.status is Status.RISK else "（三）"
    return (k.esc(r.note[:NOTE_CLIP]) + f"<font color='#5F6368'>……（共 {len(r.note)} 字，全文见本环节{where}）</font>")


def _summary(stage: CaseStageReport, k: Kit) -> Any:
    n = stage.counts
    rate = f"{n.risk_rate:.1%}" if n.risk_rate is not None else "—"
    labels = ["适用风险点", Status.CLEAR.label_zh, Status.RISK.label_zh, Status.NA.label_zh, Status.UNREVIEWED.label_zh,
              "风险发现率", "按案件类型不适用"]
    values: list[object] = [n.applicable, n.clear, n.risk, n.na, n.unreviewed, rate, n.settled]
    t = Table([[k.text(x, k.head_cell) for x in labels],
               [k.para(f"<font color='{RISK_RED if j == 2 and v else '#1A1A1A'}'>{v}</font>", k.cell_center)
                for j, v in enumerate(values)]],
              colWidths=[FRAME_W / 7] * 7, hAlign="LEFT")
    t.setStyle(k.table_style([("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BOX", (0, 0), (-1, -1), 0.8, INK),
                           ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return t


def _who(r: Result, k: Kit, sep: str = "　") -> str:
    if r.updated_at is None:
        return "—" if sep == "<br/>" else "尚未核查"
    name = r.updated_by if len(r.updated_by) <= NAME_CLIP else r.updated_by[:NAME_CLIP] + "…"
    by = k.esc(name, newlines=False) if name else "未署名"
    return f"{by}{sep}{r.updated_at.strftime('%Y-%m-%d %H:%M')}"


def _all_points(stage: CaseStageReport, k: Kit) -> Any:
    small = ParagraphStyle("c-small", parent=k.cell, fontSize=7.5, leading=10)
    head = [k.text(h, k.head_cell) for h in ("编号", "风险点", "等级", "核查结果", "备注", "核查人 / 时间")]
    data: list[list[Any]] = [head]
    for p, r in stage.items:
        if r.status is Status.SETTLED:
            continue  # listed by number under the table
        color = STATUS_COLOR[r.status]
        data.append([
            k.text(p.id, k.cell), k.text(p.title, k.cell), k.para(severity_mark(p.severity), k.cell_center),
            k.para(f"<font color='{color}'>{r.status.label_zh}</font>", k.cell_center),
            k.para(_table_note(r, k), k.cell), k.para(_who(r, k, "<br/>"), small),
        ])
    widths = [15 * mm, 50 * mm, 9 * mm, 16 * mm, 0.0, 27 * mm]
    widths[4] = FRAME_W - sum(widths)
    # Every cell is clipped (notes, names) so a row always fits on a page: reportlab's splitInRow
    # left a stray header row at the foot of the page when tried here.
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(k.table_style([
        ("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return t
