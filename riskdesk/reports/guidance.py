"""《X环节风险提示与操作指引》: the flowchart, then every point node by node."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak

from riskdesk.domain.catalog import RiskPoint
from riskdesk.domain.model import Severity
from riskdesk.reports.data import CatalogSheet
from riskdesk.reports.flowchart import flowchart
from riskdesk.reports.layout import FRAME_W, MUTED, SEVERITY_COLOR, SHADE, Chrome, Kit, build_pdf, gap, kit

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
CHINESE_NUMERALS = "一二三四五六七八九十"


def guidance_title(sheet: CatalogSheet) -> str:
    return f"《{sheet.stage.label_zh}环节风险提示与操作指引》"


def sheet_meta(sheet: CatalogSheet) -> str:
    d = sheet.printed_on
    return (f"目录版本：{sheet.catalog_version}　目录指纹：{sheet.catalog_fingerprint[:12]}　"
            f"印制日期：{d.year}年{d.month}月{d.day}日")


def sheet_footer(sheet: CatalogSheet) -> str:
    return f"RiskDesk · 目录 {sheet.catalog_version} · 指纹 {sheet.catalog_fingerprint[:12]}"


class _Styles:
    """Hanging-indent styles: labels sit in a gutter, text and numbered steps align to its right."""

    def __init__(self, k: Kit) -> None:
        font = k.font.name
        size = k.body.fontSize
        self.gutter = stringWidth("风险提示：", font, size)
        self.step = stringWidth("①", font, size) + 1.5
        self.point = ParagraphStyle("g-point", parent=k.body, fontSize=10, leading=15, backColor=SHADE,
                                    borderPadding=(3, 4, 3, 4), spaceBefore=9, spaceAfter=5, keepWithNext=1)
        self.field = ParagraphStyle("g-field", parent=k.body, leftIndent=self.gutter,
                                    firstLineIndent=-self.gutter, spaceAfter=2)
        self.first_step = ParagraphStyle("g-step1", parent=k.body, leftIndent=self.gutter + self.step,
                                         firstLineIndent=-(self.gutter + self.step), spaceAfter=1)
        self.step_style = ParagraphStyle("g-step", parent=k.body, leftIndent=self.gutter + self.step,
                                         firstLineIndent=-self.step, spaceAfter=1)
        self.intro = ParagraphStyle("g-intro", parent=k.body, firstLineIndent=2 * size, spaceAfter=4)


def build_guidance(sheet: CatalogSheet) -> bytes:
    k = kit()
    st = _Styles(k)
    points = sheet.points
    high = sum(1 for p in points if p.severity is Severity.HIGH)
    local = sum(1 for p in points if p.local_practice)
    title = guidance_title(sheet)
    story: list[Any] = k.title_block(sheet.court, title, sheet_meta(sheet))
    intro = (f"本指引按{sheet.stage.label_zh}流程顺序列出 {len(sheet.nodes)} 个流程节点、{len(points)} 个风险点，"
             f"其中高风险 {high} 个。每个风险点载明风险提示、操作指引、法律依据和期限，供承办人逐项对照执行。")
    if local:
        intro += f"标注“本院做法”的 {local} 个风险点为本院实践要求，非法律、司法解释的统一规定。"
    story.append(k.text(intro, st.intro))
    story.append(k.text("一、流程图", k.h1))
    story.append(flowchart(sheet.nodes, FRAME_W, k))
    story.append(gap(3))
    story.append(k.text("二、风险点与操作指引", k.h1))
    for i, node in enumerate(sheet.nodes):
        story.append(CondPageBreak(45 * mm))
        node_high = sum(1 for p in node.points if p.severity is Severity.HIGH)
        numeral = CHINESE_NUMERALS[i] if i < len(CHINESE_NUMERALS) else str(i + 1)
        story.append(k.para(f"（{numeral}）{k.esc(node.name)}"
                            f"<font size=8.5 color='#5F6368'>　节点 {k.esc(node.id)} · 风险点 {len(node.points)} 项"
                            f" · 高风险 {node_high} 项</font>", k.h2))
        for p in node.points:
            story.append(CondPageBreak(28 * mm))
            story += _point(p, k, st)
    return build_pdf(story, Chrome(title, sheet.court, sheet_footer(sheet)), title=title,
                     subject=f"{sheet.stage_name} {sheet.catalog_version}")


def severity_tag(severity: Severity) -> str:
    return f"<font color='{SEVERITY_COLOR[severity.value]}'>【{severity.label_zh}】</font>"


def severity_mark(severity: Severity) -> str:
    """The bare 高 / 中 / 低 in its colour, for narrow table columns."""
    return f"<font color='{SEVERITY_COLOR[severity.value]}'>{severity.label_zh}</font>"


def _point(p: RiskPoint, k: Kit, st: _Styles) -> list[Any]:
    gray = MUTED.hexval()[2:]
    tags = severity_tag(p.severity)
    if p.local_practice:
        tags += "<font color='#1F3A5F'>【本院做法】</font>"
    applies = "、".join(m.label_zh for m in p.applies_to)
    head = (f"{k.esc(p.id)}　{k.esc(p.title)}　{tags}"
            f"<font size=8 color='#{gray}'>　{k.esc(p.type.value)} · {k.esc(applies)}</font>")
    out: list[Any] = [k.para(head, st.point)]
    out.append(k.para(_label("风险提示") + k.esc(p.risk), st.field))
    for n, step in enumerate(p.guidance):
        mark = CIRCLED[n] if n < len(CIRCLED) else f"{n + 1}."
        if n == 0:
            out.append(k.para(_label("操作指引") + mark + k.esc(step), st.first_step))
        else:
            out.append(k.para(mark + k.esc(step), st.step_style))
    basis = "；".join(c.label() for c in p.basis)
    out.append(k.para(_label("法律依据") + k.esc(basis), st.field))
    if p.deadline:
        out.append(k.para(_label("办理期限") + k.esc(p.deadline), st.field))
    if p.note:
        out.append(k.para(_label("补充说明") + k.esc(p.note), st.field))
    return out


def _label(text: str) -> str:
    return f"<font color='#1F3A5F'>{text}：</font>"
