"""Turning any text (catalog wording or what a user typed) into safe reportlab paragraph markup.

Pure Python on purpose: no reportlab import, so the rules can be tested and reused cheaply.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from xml.sax.saxutils import escape

# C0/C1 control characters (except tab and newlines, handled below) and lone surrogates: a PDF
# cannot show them and the paragraph parser may choke on them, so they are dropped.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_NEWLINES = re.compile("\r\n|\r|\u2028|\u2029")

# Shown instead of a character the font has no glyph for, so the reader sees that something was there.
REPLACEMENT = "□"
FALLBACK_REPLACEMENT = "?"


def strip_controls(text: str) -> str:
    """Drop control characters; tabs become spaces and every newline style becomes ``\\n``."""
    text = _NEWLINES.sub("\n", text)
    return _CONTROL.sub("", text.replace("\t", " "))


def replace_missing(text: str, covered: Container[int], replacement: str = REPLACEMENT) -> str:
    """Replace characters the font cannot draw by ``replacement``.

    Invisible format characters (zero-width joiners, variation selectors after an emoji) that the
    font lacks are dropped instead: they carry no content of their own, and a box for each would
    turn one emoji into three.
    """
    if isinstance(covered, frozenset | set):
        if covered.issuperset(map(ord, text.replace("\n", ""))):
            return text  # the common case, checked in C: nothing to replace
    elif all(ord(ch) in covered or ch == "\n" for ch in text):
        return text
    out = []
    for ch in text:
        if ch == "\n" or ord(ch) in covered:
            out.append(ch)
        elif unicodedata.category(ch) in ("Cf", "Mn") or 0xFE00 <= ord(ch) <= 0xFE0F:
            continue
        else:
            out.append(replacement)
    return "".join(out)


def markup(text: str, covered: Container[int], replacement: str = REPLACEMENT, *, newlines: bool = True) -> str:
    """Paragraph markup that prints ``text`` literally: cleaned, escaped, newlines as ``<br/>``."""
    clean = replace_missing(strip_controls(text), covered, replacement)
    safe = escape(clean)
    if newlines:
        return safe.replace("\n", "<br/>")
    return safe.replace("\n", " ")


def plain(text: str, covered: Container[int], replacement: str = REPLACEMENT) -> str:
    """Cleaned text for drawing straight onto a canvas (no markup, one line)."""
    return replace_missing(strip_controls(text), covered, replacement).replace("\n", " ")
