"""Print finished PDFs through Qt's print dialog: QtPdf renders each page onto the QPrinter."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

PRINT_DPI = 300


def print_pdfs(documents: list[bytes], parent: QWidget | None, printer: QPrinter | None = None) -> int:
    """Ask for a printer (unless one is given) and print every page; returns the pages printed."""
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("无法开始打印：打印机不可用")
    pages = 0
    try:
        for data in documents:
            pages += _print_one(data, printer, painter, first=pages == 0)
    finally:
        painter.end()
    return pages


def _print_one(data: bytes, printer: QPrinter, painter: QPainter, *, first: bool) -> int:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    if doc.status() != QPdfDocument.Status.Ready:
        raise OSError("无法读取生成的 PDF")
    target = printer.pageLayout().paintRectPixels(printer.resolution())
    for page in range(doc.pageCount()):
        if not (first and page == 0):
            printer.newPage()
        points = doc.pagePointSize(page)
        # Render at the printer's resolution (capped), then fit the page into the printable area.
        dpi = min(printer.resolution(), PRINT_DPI)
        size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
        image: QImage = doc.render(page, size)
        scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
        # The painter's origin is the printable area's corner (QPrinter is not in full-page mode).
        painter.drawImage(QRect(QPoint(0, 0), scaled), image)
    count = doc.pageCount()
    doc.close()
    return count
