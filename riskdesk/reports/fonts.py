"""The bundled font and Chinese line breaking. Imported only on the PDF path (it imports reportlab)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, repeat
from operator import mul
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines

from riskdesk.paths import font_file
from riskdesk.reports.text import FALLBACK_REPLACEMENT, REPLACEMENT

FONT_NAME = "WQYMicroHei"

# Chinese punctuation that must never open a line (GB/T 15834 and common court house style).
# reportlab's table is Japanese-oriented and lacks the full-width comma, semicolon, colon, closing
# quotes and book-title marks, so a line could start with "，" or "》".
CHINESE_CANNOT_START = "，。、；：！？）》”’」』】〕〉．…—·％%"

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
    nothing sticks out of its column. It also measures each fragment in one go and builds lines
    without per-character objects: the stock splitter spent most of a document's build time there.
    """
    if any(hasattr(f, "cbDefn") for f in frags):  # inline images: none in our documents; keep stock behaviour
        return rl_paragraph.cjkFragSplit(frags, max_widths, calc_bounds)
    cannot_start = rl_paragraph.ALL_CANNOT_START
    chars: list[str] = []
    owner: list[int] = []  # index into frags of each character
    widths: list[float] = []
    hard_breaks: list[int] = []  # positions of <br/>: no characters, but they end the line
    run_ends: list[int] = []  # per fragment: the index just past its last character
    for k, f in enumerate(frags):
        text = f.text or ""
        if not text:
            if hasattr(f, "lineBreak"):
                hard_breaks.append(len(chars))
            chars.append("")
            owner.append(k)
            widths.append(0.0)
            run_ends.append(len(chars))
            continue
        chars.extend(text)
        owner.extend([k] * len(text))
        widths.extend(_char_widths(text, f.fontName, f.fontSize))
        run_ends.append(len(chars))
    # Where each line ends is found by bisecting the running total of widths: one search per line
    # instead of a Python step per character.
    ends = list(accumulate(widths, initial=0.0))  # ends[i] = width of chars[:i]
    lines: list[Any] = []
    n = len(chars)
    start = 0
    next_hard = 0  # index into hard_breaks
    max_width = max_widths[0]
    while start < n:
        fit = bisect_right(ends, ends[start] + max_width + _FUZZ, start) - 1  # chars[start:fit] fit
        while next_hard < len(hard_breaks) and hard_breaks[next_hard] < start:
            next_hard += 1
        hard = hard_breaks[next_hard] if next_hard < len(hard_breaks) else n
        line_break = hard < fit  # a <br/> has no width: reached when everything before it fits
        if line_break:
            brk = hard + 1
        elif fit >= n:
            break  # the rest fits on this line
        else:
            brk = max(fit, start + 1)  # the first character that does not fit opens the next line
            brk = _latin_break(chars, start, brk)
            while brk > start + 1 and (_in(chars, brk, cannot_start) or _in(chars, brk - 1, CANNOT_END)):
                brk -= 1
        lines.append(_line(frags, chars, owner, run_ends, ends, start, brk, max_width, line_break))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start = brk
        while not line_break and start < n and chars[start] == " ":  # no leading space after a Latin break
            start += 1
    if start < n:
        lines.append(_line(frags, chars, owner, run_ends, ends, start, n, max_width, False))
    return ParaLines(kind=1, lines=lines)


def _char_widths(text: str, font_name: str, size: float) -> list[float]:
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    if isinstance(font, TTFont) and face is not None:  # the glyph table lookup TTFont.stringWidth does, per character
        units = map(face.charWidths.get, map(ord, text), repeat(face.defaultWidth))
        return list(map(mul, units, repeat(0.001 * size)))  # iterated in C: this runs for every character
    return [pdfmetrics.stringWidth(c, font_name, size) for c in text]


def _line(frags: list[Any], chars: list[str], owner: list[int], run_ends: list[int], ends: list[float],
          start: int, end: int, max_width: float, line_break: bool) -> Any:
    """One FragLine (as reportlab's makeCJKParaLine builds it): runs of characters of the same fragment."""
    words: list[Any] = []
    max_size = max_ascent = min_descent = 0.0
    j = start
    while j < end:
        k = owner[j]
        run_end = min(end, run_ends[k])
        f = frags[k]
        ascent, descent = pdfmetrics.getAscentDescent(f.fontName, f.fontSize)
        max_size = max(max_size, f.fontSize)
        max_ascent = max(max_ascent, ascent)
        min_descent = min(min_descent, descent)
        word = f.clone()
        word.text = "".join(chars[j:run_end])
        words.append(word)
        j = run_end
    width = ends[end] - ends[start]
    return FragLine(kind=1, extraSpace=max_width - width, wordCount=1, words=words, fontSize=max_size,
                    ascent=max_ascent, descent=min_descent, maxWidth=max_width, currentWidth=width,
                    lineBreak=line_break)


def _in(chars: list[str], k: int, table: str) -> bool:
    # An empty string (a <br/>) is "in" every string, hence the explicit check.
    return k < len(chars) and bool(chars[k]) and chars[k] in table


def _latin_break(chars: list[str], start: int, brk: int) -> int:
    """Inside Latin text or digits, break after a space or a CJK character rather than mid-word."""
    if brk >= len(chars) or not chars[brk] or ord(chars[brk]) >= 0x3000 or chars[brk] == " ":
        return brk
    limit = (start + brk) // 2
    for j in range(brk - 1, limit, -1):
        c = chars[j]
        if c == " " or (c and ord(c) >= 0x3000):
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
