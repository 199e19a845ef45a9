"""From the 统计 window: 导出 Excel and 通报 PDF of the period and scope shown, saved where the user says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from riskdesk.ui.main_window import MainWindow
from tests.ui.modal import save_as, when_modal
from tests.ui.test_stats_window import CTRL, _cases


def test_excel_and_bulletin_of_what_is_shown(qtbot: QtBot, make_window: Callable[[], MainWindow],
                                              tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    win = make_window()
    _cases(win.services)
    qtbot.keyClick(win, Qt.Key.Key_T, CTRL)
    stats = win.stats_window
    assert stats is not None
    qtbot.waitUntil(stats.isVisible, timeout=3000)
    saved = when_modal(QFileDialog, save_as(tmp_path / "统计"))  # the suffix is added
    qtbot.mouseClick(stats.xlsx_button, Qt.MouseButton.LeftButton)
    assert not saved.missed
    book = load_workbook(tmp_path / "统计.xlsx")
    stages = list(book["按环节"].iter_rows(values_only=True))
    board = win.services.stats.dashboard(stats.current_period(), stats.department())
    assert stages[-1][0] == "合计" and stages[-1][3] == board.total.risk == 4
    saved = when_modal(QFileDialog, save_as(tmp_path / "通报.pdf"))
    qtbot.mouseClick(stats.bulletin_button, Qt.MouseButton.LeftButton)
    assert not saved.missed
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "通报.pdf").pages)
    assert "风险防控工作通报" in text and stats.current_period().label in text
