"""The bundled font and Chinese line breaking. Imported only on the PDF path (it imports reportlab)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paragraph import Paragraph, ParaLines, cjkU, makeCJKParaLine

from riskdesk.paths import font_file
from riskdesk.reports.text import FALLBACK_REPLACEMENT, REPLACEMENT

FONT_NAME = "WQYMicroHei"

# Chinese punctuation that must never open a line (GB/T 15834 and common court house style).
# reportlab's table is Japanese-oriented and lacks the full-width comma, semicolon, colon, closing
# quotes and book-title marks, so a line could start with "，" or "》".
CHINESE_CANNOT_START = "，。、；：！？）》”’」』】〕〉．…—·％"

# Opening marks that must not be left dangling at the end of a line.
CANNOT_END = "（《“‘「『【〔〈([{"


@dataclass(frozen=True)
class FontInfo:
    name: str
    covered: frozenset[int]
    replacement: str


@cache
def extend_kinsoku_table() -> str:
    """Add Chinese closing punctuation to reportlab's cannot-start-a-line table, once per process.

    paragraph.py holds its own copy of the string (``from textsplit import ALL_CANNOT_START``), so
    both module globals are updated.
    """
    from reportlab.lib import textsplit

    extra = "".join(ch for ch in CHINESE_CANNOT_START if ch not in textsplit.ALL_CANNOT_START)
    table: str = textsplit.ALL_CANNOT_START + extra
    textsplit.ALL_CANNOT_START = table
    rl_paragraph.ALL_CANNOT_START = table
    return table


@cache
def ensure_font() -> FontInfo:
    """Register the bundled font (subfont 0 of the TTC, embedded as a TrueType subset) once."""
    extend_kinsoku_table()
    font = TTFont(FONT_NAME, str(font_file()), subfontIndex=0)
    pdfmetrics.registerFont(font)
    covered = frozenset(font.face.charToGlyph)
    replacement = REPLACEMENT if ord(REPLACEMENT) in covered else FALLBACK_REPLACEMENT
    return FontInfo(FONT_NAME, covered, replacement)


_FUZZ = 1e-6


def kinsoku_split(frags: list[Any], max_widths: list[float], calc_bounds: bool) -> Any:
    """Character-by-character line breaking for Chinese that never starts a line with closing punctuation.

    reportlab's own CJK splitter lets at most one such mark hang past the margin, so "…条”，" can
    still leave "，" at the start of the next line. Here the break moves back instead until the next
    line starts with an ordinary character and the line does not end on an opening mark;
    nothing sticks out of its column.
    """
    cannot_start = rl_paragraph.ALL_CANNOT_START
    units: list[Any] = []
    for f in frags:
        text = f.text
        if text:
            units.extend(cjkU(t, f, "utf8") for t in text)
        else:  # a <br/> or an inline image carries no characters
            units.append(cjkU(text, f, "utf8"))
    lines: list[Any] = []
    n = len(units)
    start = i = 0
    used = 0.0
    max_width = max_widths[0]
    while i < n:
        u = units[i]
        i += 1
        used += u.width
        line_break = hasattr(u.frag, "lineBreak")
        if not line_break and used <= max_width + _FUZZ:
            continue
        if line_break:
            brk = i
        else:
            brk = max(i - 1, start + 1)  # the overflowing character opens the next line
            brk = _latin_break(units, start, brk)
            while brk > start + 1 and (_in(units, brk, cannot_start) or _in(units, brk - 1, CANNOT_END)):
                brk -= 1
        width = sum(x.width for x in units[start:brk])
        lines.append(makeCJKParaLine(units[start:brk], max_width, width, max_width - width, line_break, calc_bounds))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start = i = brk
        while not line_break and start < n and units[start] == " ":  # no leading space after a Latin break
            start = i = start + 1
        used = 0.0
    if start < n:
        width = sum(x.width for x in units[start:])
        lines.append(makeCJKParaLine(units[start:], max_width, width, max_width - width, False, calc_bounds))
    return ParaLines(kind=1, lines=lines)


def _in(units: list[Any], k: int, table: str) -> bool:
    # An empty unit (a <br/> or an image) is "in" every string, hence the explicit check.
    return k < len(units) and bool(units[k]) and units[k] in table


def _latin_break(units: list[Any], start: int, brk: int) -> int:
    """Inside Latin text or digits, break after a space or a CJK character rather than mid-word."""
    if brk >= len(units) or not units[brk] or ord(units[brk][0]) >= 0x3000 or units[brk] == " ":
        return brk
    limit = (start + brk) // 2
    for j in range(brk - 1, limit, -1):
        c = units[j]
        if c == " " or (c and ord(c[0]) >= 0x3000):
            return j + 1
    return brk


class KinsokuParagraph(Paragraph):  # type: ignore[misc]  # reportlab ships no type hints
    """A Paragraph whose CJK wrapping follows :func:`kinsoku_split` (use with ``wordWrap='CJK'``)."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802 - reportlab's method name
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        self.height = 0
        rl_paragraph._handleBulletWidth(self.bulletText, self.style, maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara  # the second half of a paragraph split across pages keeps its lines
        if not self.frags:
            style = self.style
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName, textColor=style.textColor,
                             lines=[], ascent=style.fontSize, descent=-0.2 * style.fontSize)
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return kinsoku_split(self.frags, list(maxWidths), auto not in ("", "off"))
