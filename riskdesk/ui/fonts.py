"""The bundled CJK font, so Chinese renders on a workstation that has none installed."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from riskdesk.paths import font_file

UI_POINT_SIZE = 10


def register_bundled_font(app: QApplication) -> str:
    """Register WenQuanYi Micro Hei (the file the PDFs embed too) and make it the UI font."""
    font_id = QFontDatabase.addApplicationFont(str(font_file()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return ""
    font = QFont(families[0], UI_POINT_SIZE)
    app.setFont(font)
    return families[0]
