"""Page furniture shared by the three documents: styles, header/footer with page x of y, title block,
signature lines and tick boxes. Imported only on the PDF path (it imports reportlab)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer, Table, TableStyle

from riskdesk.reports.fonts import FontInfo, KinsokuParagraph, ensure_font
from riskdesk.reports.text import markup, plain

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5F6368")
RULE = colors.HexColor("#9AA0A6")
GRID = colors.HexColor("#7A7F85")
SHADE = colors.HexColor("#EEF1F5")
NODE_SHADE = colors.HexColor("#DDE3EA")
ACCENT = colors.HexColor("#1F3A5F")
SEVERITY_COLOR = {"high": "#B3261E", "medium": "#9A5B00", "low": "#3F6B3F"}
RISK_RED = "#B3261E"


@dataclass(frozen=True)
class Chrome:
    """What every page repeats: the header line and the identifying footer."""

    title: str
    court: str
    footer_left: str
    cover: bool = False  # page 1 is a cover: only its page number, no header or footer line


class Kit:
    """Styles and text helpers bound to the registered font; one per process."""

    def __init__(self, font: FontInfo) -> None:
        self.font = font
        name = font.name
        base = ParagraphStyle("rd-body", fontName=name, fontSize=9, leading=13.5, textColor=INK, wordWrap="CJK")
        self.body = base
        self.small = ParagraphStyle("rd-small", parent=base, fontSize=8, leading=11)
        self.cell = ParagraphStyle("rd-cell", parent=base, fontSize=8.5, leading=11.5)
        self.cell_center = ParagraphStyle("rd-cell-c", parent=self.cell, alignment=TA_CENTER)
        self.head_cell = ParagraphStyle("rd-head-cell", parent=self.cell, alignment=TA_CENTER, textColor=ACCENT)
        self.court = ParagraphStyle("rd-court", parent=base, fontSize=13, leading=18, alignment=TA_CENTER)
        self.title = ParagraphStyle("rd-title", parent=base, fontSize=18, leading=26, alignment=TA_CENTER,
                                    textColor=ACCENT, spaceBefore=2, spaceAfter=4)
        self.meta = ParagraphStyle("rd-meta", parent=base, fontSize=8.5, leading=12, alignment=TA_CENTER,
                                   textColor=MUTED, spaceAfter=8)
        self.h1 = ParagraphStyle("rd-h1", parent=base, fontSize=12.5, leading=18, textColor=ACCENT,
                                 spaceBefore=10, spaceAfter=5, keepWithNext=1)
        self.h2 = ParagraphStyle("rd-h2", parent=base, fontSize=10.5, leading=15, textColor=ACCENT,
                                 spaceBefore=8, spaceAfter=4, keepWithNext=1, alignment=TA_LEFT)

    def table_style(self, commands: list[Any]) -> Any:
        """A TableStyle whose cells use the bundled font: reportlab draws even an empty cell in
        Helvetica otherwise, adding a second font to the PDF."""
        return TableStyle([("FONT", (0, 0), (-1, -1), self.font.name, 8.5), *commands])

    def esc(self, text: str, *, newlines: bool = True) -> str:
        """User or catalog text as paragraph markup: printed literally, never interpreted."""
        return markup(text, self.font.covered, self.font.replacement, newlines=newlines)

    def plain(self, text: str) -> str:
        return plain(text, self.font.covered, self.font.replacement)

    def para(self, markup_text: str, style: ParagraphStyle | None = None) -> Any:
        """A paragraph of markup that is already safe (built with :meth:`esc`)."""
        return KinsokuParagraph(markup_text, style or self.body)

    def text(self, raw: str, style: ParagraphStyle | None = None) -> Any:
        return KinsokuParagraph(self.esc(raw), style or self.body)

    def title_block(self, court: str, title: str, meta: str) -> list[Any]:
        out: list[Any] = []
        if court.strip():
            out.append(self.text(court.strip(), self.court))
        out.append(self.text(title, self.title))
        out.append(self.text(meta, self.meta))
        return out

    def signature_block(self, labels: Sequence[str] = ("承办人", "审核人", "日期")) -> Any:
        """Signature lines to sign by hand; one table row so they never split from each other."""
        # Per label: the label, the line to sign on, and a gap that keeps the lines apart.
        share = FRAME_W / len(labels)
        row: list[Any] = []
        widths: list[float] = []
        for label in labels:
            row += [self.text(f"{label}：", self.body), "", ""]
            widths += [16 * mm, share - 22 * mm, 6 * mm]
        table = Table([row], colWidths=widths, rowHeights=[12 * mm], hAlign="LEFT")
        style: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
        for k in range(len(labels)):
            style.append(("LINEBELOW", (3 * k + 1, 0), (3 * k + 1, 0), 0.6, INK))
        table.setStyle(self.table_style(style))
        return table


@cache
def kit() -> Kit:
    _name_markup_colours()
    return Kit(ensure_font())


def _name_markup_colours() -> None:
    """Let ``<font color='#1F3A5F'>`` in paragraph markup find our colours at once.

    reportlab's toColor tries a hex string last, after building a namespace of every named colour
    and an attempt to evaluate it as an expression: that cost more than laying out the text. Exact
    strings registered as extra names are looked up first. Only our own palette is added.
    """
    palette = ["#1A1A1A", "#1F3A5F", "#5F6368", "#2E6B3A", RISK_RED, *SEVERITY_COLOR.values()]
    for hex_value in palette:
        colour = colors.HexColor(hex_value)
        colors.toColor.extraColorsNS.update({hex_value: colour, hex_value.lower(): colour})


class TickBox(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """An empty square to tick by hand, drawn as a vector (the font has no ☐ glyph)."""

    def __init__(self, size: float = 3.6 * mm) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.size

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(INK)
        c.setLineWidth(0.7)
        c.rect((self._avail - self.size) / 2, 0, self.size, self.size, stroke=1, fill=0)
        c.restoreState()


def numbered_canvas(chrome: Chrome, font_name: str) -> Callable[..., Canvas]:
    """A canvas class that holds the pages back until the end so each can say 第 x 页 共 y 页."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # The page preamble would otherwise select Helvetica, a second (unembedded) font.
            if not kwargs.get("initialFontName"):
                kwargs["initialFontName"] = font_name
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's method name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            self.saveState()
            page_w, page_h = self._pagesize
            bottom = 11 * mm
            if chrome.cover and self._pageNumber == 1:
                self.setFont(font_name, 8)
                self.setFillColor(MUTED)
                self.drawCentredString(page_w / 2, bottom, f"第 1 页 共 {total} 页")
                self.restoreState()
                return
            top = page_h - 13 * mm
            self.setFont(font_name, 8.5)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_X, top, chrome.title)
            if chrome.court:
                self.drawRightString(page_w - MARGIN_X, top, chrome.court)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, top - 2.2 * mm, page_w - MARGIN_X, top - 2.2 * mm)
            self.line(MARGIN_X, bottom + 4 * mm, page_w - MARGIN_X, bottom + 4 * mm)
            self.setFont(font_name, 8)
            self.drawString(MARGIN_X, bottom, chrome.footer_left)
            self.drawRightString(page_w - MARGIN_X, bottom, f"第 {self._pageNumber} 页 共 {total} 页")
            self.restoreState()

    return NumberedCanvas


def build_pdf(story: list[Any], chrome: Chrome, *, title: str, subject: str = "", keywords: str = "",
              pagesize: tuple[float, float] = A4) -> bytes:
    """Lay out ``story`` on pages (A4 unless said) with the shared header and footer; returns the PDF bytes."""
    k = kit()
    clean = Chrome(k.plain(chrome.title), k.plain(chrome.court), k.plain(chrome.footer_left), chrome.cover)
    buf = io.BytesIO()
    page_w, page_h = pagesize
    doc = BaseDocTemplate(buf, pagesize=pagesize, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                          bottomMargin=MARGIN_BOTTOM, title=k.plain(title), subject=k.plain(subject),
                          author="RiskDesk", creator="RiskDesk", keywords=keywords)
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, page_w - 2 * MARGIN_X, page_h - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=numbered_canvas(clean, k.font.name))
    return buf.getvalue()


def gap(height_mm: float) -> Any:
    return Spacer(1, height_mm * mm)
