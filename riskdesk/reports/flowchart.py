"""The flowchart of a stage's nodes, drawn as vector boxes and arrows (reportlab graphics)."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from riskdesk.domain.catalog import Node
from riskdesk.domain.model import Severity
from riskdesk.reports.fonts import CHINESE_CANNOT_START
from riskdesk.reports.layout import ACCENT, INK, MUTED, SEVERITY_COLOR, SHADE, Kit

PER_ROW = 4
BOX_H = 19 * mm
H_GAP = 9 * mm  # room for the arrow between two boxes
V_GAP = 10 * mm  # room for the elbow connector from one row to the next
NAME_SIZE = 9
COUNT_SIZE = 7.5


def flowchart(nodes: tuple[Node, ...], width: float, kit: Kit) -> Any:
    """Boxes left to right in process order, wrapping to further rows; each row's end joins the next row's start."""
    font = kit.font.name
    n = len(nodes)
    rows = max(1, (n + PER_ROW - 1) // PER_ROW)
    box_w = (width - (PER_ROW - 1) * H_GAP) / PER_ROW
    height = rows * BOX_H + (rows - 1) * V_GAP + 2
    d = Drawing(width, height)
    # The renderer starts every drawing in Helvetica unless told otherwise, which would put a second font in the PDF.
    d.initialFontName = font
    for i, node in enumerate(nodes):
        row, col = divmod(i, PER_ROW)
        x = col * (box_w + H_GAP)
        y = height - 1 - (row + 1) * BOX_H - row * V_GAP
        _box(d, node, i + 1, x, y, box_w, font, kit)
        if i + 1 < n:
            if col + 1 < PER_ROW:
                _arrow(d, x + box_w, y + BOX_H / 2, x + box_w + H_GAP, y + BOX_H / 2)
            else:  # elbow: down from this box, back left, down into the first box of the next row
                cx, mid = x + box_w / 2, y - V_GAP / 2
                first = box_w / 2
                d.add(Line(cx, y, cx, mid, strokeColor=ACCENT, strokeWidth=0.9))
                d.add(Line(cx, mid, first, mid, strokeColor=ACCENT, strokeWidth=0.9))
                _arrow(d, first, mid, first, y - V_GAP)
    return d


def _box(d: Drawing, node: Node, number: int, x: float, y: float, w: float, font: str, kit: Kit) -> None:
    high = sum(1 for p in node.points if p.severity is Severity.HIGH)
    d.add(Rect(x, y, w, BOX_H, rx=2 * mm, ry=2 * mm, fillColor=SHADE, strokeColor=ACCENT, strokeWidth=0.9))
    name_lines = _wrap(f"{number}. {kit.plain(node.name)}", font, NAME_SIZE, w - 4 * mm)[:2]
    count = f"风险点 {len(node.points)} 项"
    top = y + BOX_H - 4.2 * mm - (0 if len(name_lines) == 2 else 1.8 * mm)
    for k, line in enumerate(name_lines):
        d.add(String(x + w / 2, top - k * (NAME_SIZE + 2), line, fontName=font, fontSize=NAME_SIZE,
                     fillColor=INK, textAnchor="middle"))
    base = y + 2.6 * mm
    if high:
        left = f"{count} · "
        right = f"高风险 {high} 项"
        total = stringWidth(left + right, font, COUNT_SIZE)
        x0 = x + (w - total) / 2
        d.add(String(x0, base, left, fontName=font, fontSize=COUNT_SIZE, fillColor=MUTED))
        d.add(String(x0 + stringWidth(left, font, COUNT_SIZE), base, right, fontName=font, fontSize=COUNT_SIZE,
                     fillColor=colors.HexColor(SEVERITY_COLOR["high"])))
    else:
        d.add(String(x + w / 2, base, f"{count} · 无高风险", fontName=font, fontSize=COUNT_SIZE, fillColor=MUTED,
                     textAnchor="middle"))


def _arrow(d: Drawing, x1: float, y1: float, x2: float, y2: float) -> None:
    head = 2.2 * mm
    d.add(Line(x1, y1, x2, y2, strokeColor=ACCENT, strokeWidth=0.9))
    if y1 == y2:  # horizontal, pointing right
        pts = [x2, y2, x2 - head, y2 + head / 2, x2 - head, y2 - head / 2]
    else:  # vertical, pointing down
        pts = [x2, y2, x2 - head / 2, y2 + head, x2 + head / 2, y2 + head]
    d.add(Polygon(pts, fillColor=ACCENT, strokeColor=ACCENT, strokeWidth=0.5))


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Character wrap for a box label (closing marks stay on their line); a long name ends in …."""
    lines: list[str] = []
    current = ""
    for ch in text:
        if current and ch not in CHINESE_CANNOT_START and stringWidth(current + ch, font, size) > width:
            lines.append(current)
            current = ch
        else:
            current += ch
    if current:
        lines.append(current)
    if len(lines) > 2:
        last = lines[1]
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines = [lines[0], last + "…"]
    return lines
