"""打印 / 导出 from the window: real PDFs saved, and printed through a QPrinter into a PDF file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from riskdesk.domain.model import Stage
from riskdesk.ui.main_window import MainWindow
from riskdesk.ui.print_dialog import PrintDialog
from riskdesk.ui.printing import print_pdfs
from tests.ui.modal import when_modal


def _open_case(win: MainWindow, qtbot: QtBot) -> None:
    case = win.services.cases.create("(2024)内0602民初77号", "民间借贷纠纷", "张三诉李四")
    win.cases.refresh()
    win.open_case(case.id, Stage.TRIAL)
    qtbot.keyClick(win.checklist.tree, Qt.Key.Key_2)


def test_ctrl_p_opens_the_print_dialog(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    _open_case(win, qtbot)
    watch = when_modal(PrintDialog, lambda dlg: dlg.reject())
    qtbot.keyClick(win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not watch.missed and len(watch.acted) == 1


def test_save_each_document(qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path) -> None:
    win = make_window()
    _open_case(win, qtbot)
    dlg = PrintDialog(win.services, win.case, win.stage, win)
    qtbot.addWidget(dlg)
    dlg.group.button(PrintDialog.CHOICES.index("case")).setChecked(True)
    assert dlg.run("save", tmp_path / "report.pdf")
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "report.pdf").pages)
    assert "（2024）内0602民初77号" in text and "SP-001" in text
    dlg.group.button(PrintDialog.CHOICES.index("guidance_all")).setChecked(True)
    folder = tmp_path / "all"
    folder.mkdir()
    assert dlg.run("save", folder)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{s}环节风险提示与操作指引.pdf" for s in ("立案", "审判", "执行"))
    dlg.group.button(PrintDialog.CHOICES.index("blank")).setChecked(True)
    assert dlg.run("save", tmp_path / "blank.pdf")
    assert "SP-100" in "".join(p.extract_text() for p in PdfReader(tmp_path / "blank.pdf").pages)


def test_print_renders_every_page_onto_the_printer(qapp: QApplication, services: object, tmp_path: Path) -> None:
    from riskdesk.services import Services

    assert isinstance(services, Services)
    data = services.reports.blank_pdf(Stage.FILING)
    pages = len(PdfReader(__import__("io").BytesIO(data)).pages)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    assert print_pdfs([data, data], None, printer) == 2 * pages
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2 * pages
