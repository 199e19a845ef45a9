"""《风险防控工作通报》 for court leaders: a cover, the key figures, a chart with its numbers per breakdown
(环节, 流程节点, 月份, 庭室), the points most often found at risk with their 操作指引, and how the figures
are counted. Figures are for 研判: there is no section per judge, whatever the court's settings."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Table

from riskdesk.domain.stats import Breakdown, StatsTable
from riskdesk.reports.bulletin_charts import (
    caption,
    horizontal_bars,
    numbers_table,
    percent,
    side_by_side,
    vertical_bars,
)
from riskdesk.reports.data import Bulletin, BulletinPoint
from riskdesk.reports.guidance import CHINESE_NUMERALS, CIRCLED
from riskdesk.reports.layout import ACCENT, FRAME_W, GRID, MUTED, RISK_RED, SHADE, Chrome, Kit, build_pdf, gap, kit

TITLE = "风险防控工作通报"
CHART_W = 92 * mm
TABLE_W = FRAME_W - CHART_W - 4 * mm
# Side tables: the row's name, then 清单 / 已核查 / 存在风险 / 风险率.
SIDE_COLS = (TABLE_W - 56 * mm, 12 * mm, 14 * mm, 16 * mm, 14 * mm)
WIDE_COLS = (FRAME_W - 4 * 20 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm)


def build_bulletin(b: Bulletin) -> bytes:
    k = kit()
    story: list[Any] = _cover(b, k)
    sections = [("主要数据", _key_figures(b, k)),
                ("分环节情况", _by_stage(b, k)),
                ("分流程节点情况", _by_node(b, k)),
                ("分月份情况", _by_month(b, k))]
    departments = b.tables.get(Breakdown.DEPARTMENT)
    if departments is not None and len(departments.rows) > 1:  # one 庭室's own bulletin: nothing to compare
        sections.append(("分庭室情况", _by_department(departments, k)))
    sections.append(("风险较集中的风险点及操作指引", _top_points(b, k)))
    sections.append(("统计口径", _notes(b, k)))
    for i, (heading, body) in enumerate(sections):
        story.append(CondPageBreak(50 * mm))
        story.append(k.text(f"{CHINESE_NUMERALS[i]}、{heading}", k.h1))
        story += body
    footer = f"RiskDesk · {TITLE} · {b.period.label} · {b.scope} · 制发于 {b.made_on:%Y-%m-%d}"
    return build_pdf(story, Chrome(TITLE, b.court, footer, cover=True), title=f"{b.court}{TITLE}（{b.period.label}）",
                     subject=f"{TITLE} {b.period.label} {b.scope}")


def _cover(b: Bulletin, k: Kit) -> list[Any]:
    court = ParagraphStyle("b-court", parent=k.court, fontSize=17, leading=26)
    title = ParagraphStyle("b-title", parent=k.title, fontSize=30, leading=42, spaceBefore=6, spaceAfter=0)
    label = ParagraphStyle("b-label", parent=k.body, fontSize=12, leading=20, textColor=MUTED, alignment=2)
    value = ParagraphStyle("b-value", parent=k.body, fontSize=12, leading=20)
    d = b.made_on
    rows = [("统计期间", b.period.label), ("统计范围", b.scope), ("制发日期", f"{d.year}年{d.month}月{d.day}日")]
    meta = Table([[k.text(f"{a}：", label), k.text(v, value)] for a, v in rows], colWidths=[40 * mm, 80 * mm])
    meta.setStyle(k.table_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    rule = Table([[""]], colWidths=[120 * mm], rowHeights=[2])
    rule.setStyle(k.table_style([("LINEABOVE", (0, 0), (-1, 0), 1.6, ACCENT)]))
    note = ParagraphStyle("b-cover-note", parent=k.small, textColor=MUTED, alignment=1)
    out: list[Any] = [gap(55)]
    if b.court.strip():
        out.append(k.text(b.court.strip(), court))
    out += [k.text(TITLE, title), gap(6), rule, gap(14), meta, gap(95),
            k.text("本通报由 RiskDesk 依据风险核查记录和整改台账生成，供研判风险、改进工作参考，"
                   "不作为对法官个人考核排名的依据。", note),
            PageBreak()]
    return out


def _key_figures(b: Bulletin, k: Kit) -> list[Any]:
    c, t, f = b.checklists, b.total, b.findings
    median = "—" if f.median_days_to_close is None else f"{f.median_days_to_close:g}"
    cards: list[list[tuple[str, int | str, str]]] = [
        [("开始核查清单", c.started, "份"), ("提交审核", c.submitted, "份"), ("审核通过", c.approved, "份"),
         ("已核查风险点", t.answered, "项")],
        [("无风险", t.clear, "项"), ("存在风险", t.risk, "项"), ("风险率", percent(t.risk_rate), ""),
         ("不适用", t.na, "项")],
        [("梳理整改项", f.opened, "条"), ("已销号", f.closed, "条"), ("整改中", f.open_now, "条"),
         ("其中逾期", f.overdue, "条")],
    ]
    big = ParagraphStyle("b-big", parent=k.body, fontSize=17, leading=21, alignment=1, textColor=ACCENT)
    red = ParagraphStyle("b-big-red", parent=big, textColor=RISK_RED)
    small = ParagraphStyle("b-card", parent=k.small, alignment=1, textColor=MUTED)
    data: list[list[Any]] = []
    for row in cards:
        cells: list[Any] = []
        for name, value, unit in row:
            style = red if name in ("存在风险", "风险率", "其中逾期") and value not in (0, "—") else big
            unit_mark = f"<font size=9>{unit}</font>" if unit else ""
            cells.append([k.para(f"{value}{unit_mark}", style), k.text(name, small)])
        data.append(cells)
    table = Table(data, colWidths=[FRAME_W / 4] * 4, hAlign="LEFT")
    table.setStyle(k.table_style([("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                                  ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 5),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    summary = (f"{b.period.label}，{_scope_words(b.scope)}共开始核查清单 {c.started} 份，提交审核 {c.submitted} 份，"
               f"审核通过 {c.approved} 份。适用风险点 {t.applicable} 项，已核查 {t.answered} 项"
               f"（未核查 {t.unreviewed} 项），其中无风险 {t.clear} 项、存在风险 {t.risk} 项、不适用 {t.na} 项，"
               f"风险率 {percent(t.risk_rate)}。")
    rect = (f"本期梳理整改项 {f.opened} 条，已销号 {f.closed} 条，经复核无需整改 {f.dismissed} 条，"
            f"整改中 {f.open_now} 条（其中逾期 {f.overdue} 条）；销号用时中位数 {median} 日。")
    if f.opened == 0:
        rect = "本期未梳理整改项。"
    intro = ParagraphStyle("b-intro", parent=k.body, fontSize=10, leading=16, firstLineIndent=20, spaceAfter=6)
    return [k.text(summary, intro), k.text(rect, intro), gap(1), table]


def _scope_words(scope: str) -> str:
    if scope == "全院":
        return "全院"
    if scope == "本人承办案件":
        return "本人承办的案件"
    return scope


def _by_stage(b: Bulletin, k: Kit) -> list[Any]:
    table = b.tables[Breakdown.STAGE]
    if not table.rows:
        return [_nothing(k)]
    chart = vertical_bars([r.label for r in table.rows], [r.tally.risk for r in table.rows], CHART_W, k,
                          height=48 * mm)
    numbers = numbers_table(table.rows, table.total, k, "环节", SIDE_COLS)
    return [KeepTogether([side_by_side(chart, numbers, CHART_W + 4 * mm, TABLE_W, k),
                          caption("图：各环节存在风险项数（表中风险率 = 存在风险 ÷（无风险 + 存在风险））", k)])]


def _by_node(b: Bulletin, k: Kit) -> list[Any]:
    table = b.tables[Breakdown.NODE]
    rows = [r for r in table.rows if r.tally.answered or r.tally.risk]
    if not rows:
        return [_nothing(k)]
    chart = horizontal_bars([r.label for r in rows], [r.tally.risk for r in rows], FRAME_W, k, label_width=62 * mm)
    numbers = numbers_table(table.rows, table.total, k, "流程节点", WIDE_COLS)
    return [chart, caption("图：各流程节点存在风险项数（只画出已有核查结果的节点）", k), gap(2), numbers,
            caption("表中“清单”为该节点涉及的清单数（一份清单涉及多个节点），合计为期间内全部清单。", k)]


def _by_month(b: Bulletin, k: Kit) -> list[Any]:
    table = b.tables[Breakdown.MONTH]
    keys = [int(r.key) for r in table.rows]
    one_year = len({m // 100 for m in keys}) == 1
    short = [f"{m % 100}月" if one_year else f"{m // 100 % 100}年{m % 100}月" for m in keys]
    values = [r.tally.risk for r in table.rows]
    words = "图：各月存在风险项数（按清单开始核查的月份计）"
    if len(keys) <= 6:
        chart = vertical_bars(short, values, CHART_W, k, height=48 * mm)
        numbers = numbers_table(table.rows, table.total, k, "月份", SIDE_COLS, labels=short if one_year else None)
        return [KeepTogether([side_by_side(chart, numbers, CHART_W + 4 * mm, TABLE_W, k), caption(words, k)])]
    chart = vertical_bars(short, values, FRAME_W, k, height=50 * mm)
    return [KeepTogether([chart, caption(words, k)]), gap(2), numbers_table(table.rows, table.total, k, "月份",
                                                                           WIDE_COLS)]


def _by_department(table: StatsTable, k: Kit) -> list[Any]:
    labels = [r.label for r in table.rows]
    values = [r.tally.risk for r in table.rows]
    words = "图：各庭室存在风险项数（按案件承办庭室计）"
    if len(table.rows) <= 8:
        chart = horizontal_bars(labels, values, CHART_W, k, label_width=26 * mm)
        numbers = numbers_table(table.rows, table.total, k, "庭室", SIDE_COLS)
        return [KeepTogether([side_by_side(chart, numbers, CHART_W + 4 * mm, TABLE_W, k), caption(words, k)])]
    chart = horizontal_bars(labels, values, FRAME_W, k, label_width=40 * mm)
    return [chart, caption(words, k), gap(2), numbers_table(table.rows, table.total, k, "庭室", WIDE_COLS)]


def _top_points(b: Bulletin, k: Kit) -> list[Any]:
    if not b.top_points:
        return [k.text("本期没有存在风险的核查结果。", k.body)]
    out: list[Any] = [k.text(f"按存在风险次数排列的前 {len(b.top_points)} 个风险点，附其操作指引，"
                             "供各庭室对照提示承办人：", k.body), gap(1)]
    head = ParagraphStyle("b-point", parent=k.body, fontSize=10, leading=15, backColor=SHADE,
                          borderPadding=(3, 4, 3, 4), spaceBefore=7, spaceAfter=4)
    step = ParagraphStyle("b-step", parent=k.body, leftIndent=22, firstLineIndent=-11, spaceAfter=1)
    for i, p in enumerate(b.top_points, 1):
        out.append(KeepTogether(_point(i, p, k, head, step)))
    return out


def _point(i: int, p: BulletinPoint, k: Kit, head: ParagraphStyle, step: ParagraphStyle) -> list[Any]:
    gray = MUTED.hexval()[2:]
    figures = f"存在风险 {p.risk} 次，风险率 {percent(p.risk_rate)}"
    lines = [k.para(f"{i}．{k.esc(p.point_id)}　{k.esc(p.title)}"
                    f"<font size=8.5 color='#{gray}'>　{k.esc(p.where)}</font>"
                    f"<font size=8.5 color='{RISK_RED}'>　{figures}</font>", head)]
    if p.guidance:
        lines.append(k.para("<font color='#1F3A5F'>操作指引：</font>", k.body))
    for n, text in enumerate(p.guidance):
        mark = CIRCLED[n] if n < len(CIRCLED) else f"{n + 1}."
        lines.append(k.para(mark + k.esc(text), step))
    return lines


def _notes(b: Bulletin, k: Kit) -> list[Any]:
    items = [
        "清单按开始核查的月份计入统计期间，此后案件信息的修改不改变其所属期间；庭室按案件的承办庭室计。",
        "已核查：承办人作出“无风险”“存在风险”或“不适用”判断的风险点；按案件类型不适用的风险点不计入。",
        "风险率 = 存在风险 ÷（无风险 + 存在风险），不适用与未核查不计入分母。",
        "整改项按建立的日期计入统计期间，庭室按整改项的责任部门计；已销号、整改中、逾期为制发日的状态，"
        "逾期指整改中且已过整改时限；销号用时为建立到销号的日数。",
        "各环节、各月份、各庭室的数字相加等于合计；流程节点的“清单”一栏因一份清单涉及多个节点，不相加。",
        "本通报只列环节、流程节点、月份、庭室和风险点的情况，不列法官个人数据。",
    ]
    if b.scope == "本人承办案件":
        items.insert(0, "本通报只统计制发人本人承办（或协助办理）的案件。")
    style = ParagraphStyle("b-note", parent=k.body, leftIndent=14, firstLineIndent=-14, spaceAfter=2)
    return [k.text(f"{n}. {text}", style) for n, text in enumerate(items, 1)]


def _nothing(k: Kit) -> Any:
    return k.text("本期没有核查记录。", k.body)
