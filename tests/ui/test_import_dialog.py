"""文件 ▸ 导入案件 as a user meets it: the menu by keyboard, a preview naming the wrong row, skip it, import,
and the new cases in the case list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from riskdesk.ui.import_dialog import ImportDialog
from riskdesk.ui.main_window import MainWindow
from riskdesk.ui.models.case_table_model import CaseColumn
from tests.services.test_case_import import ROWS
from tests.sheet_files import write_xlsx
from tests.ui.modal import when_modal

RED = "#c62828"


def _listed(win: MainWindow) -> list[str]:
    model = win.cases.model
    return sorted(model.data(model.index(r, CaseColumn.CASE_NO)) for r in range(model.rowCount()))


def _row(dlg: ImportDialog, row: int) -> list[str]:
    return [dlg.model.data(dlg.model.index(row, c)) for c in range(dlg.model.columnCount())]


def test_import_from_the_file_menu_with_a_bad_row_skipped(qtbot: QtBot, make_window: Callable[[], MainWindow],
                                                          tmp_path: Path) -> None:
    win = make_window()
    path = write_xlsx(tmp_path / "案件清单.xlsx", [*ROWS, ["2024民初6号", "借款合同纠纷"]])
    seen: dict[str, object] = {}

    def preview_and_import(dlg: ImportDialog) -> None:
        # No asserts in here: this runs inside the dialog's event loop.
        seen["import enabled at first"] = dlg.import_button.isEnabled()
        dlg.load(path)
        seen["first row"] = _row(dlg, 0)
        seen["colour"] = dlg.model.data(dlg.model.index(0, 3), Qt.ItemDataRole.ForegroundRole).color().name()
        seen["summary"] = dlg.summary.text()
        seen["import enabled with a bad row"] = dlg.import_button.isEnabled()
        dlg.skip_bad.setFocus()
        qtbot.keyClick(dlg.skip_bad, Qt.Key.Key_Space)
        seen["import enabled when skipping"] = dlg.import_button.isEnabled()
        qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)

    done = when_modal(QMessageBox, lambda box: (seen.__setitem__("message", box.text()), box.accept()))
    dialog = when_modal(ImportDialog, preview_and_import)
    # 文件(F) ▸ 导入案件(I)…, by keyboard.
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    file_menu = win.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu) and win.import_action in file_menu.actions()
    qtbot.waitUntil(file_menu.isVisible, timeout=3000)
    qtbot.keyClick(file_menu, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: bool(dialog.acted) or dialog.missed, timeout=10_000)
    assert not dialog.missed and not done.missed
    assert seen["import enabled at first"] is False
    assert seen["first row"] == ["5", "2024民初6号", "有误",
                                 "案号有误：案号应以带括号的收案年度开头，例如（2024）内0602民初123号"]
    assert seen["colour"] == RED
    assert "新增 3 件，更新 0 件，未变 0 件，有误 1 行" in str(seen["summary"])
    assert seen["import enabled with a bad row"] is False and seen["import enabled when skipping"] is True
    assert seen["message"] == "新增 3 件，更新 0 件，未变 0 件，跳过 1 件。"
    win.activateWindow()
    assert QTest.qWaitForWindowActive(win, 3000)
    assert _listed(win) == ["（2024）内0602执3号", "（2024）内0602民初1号", "（2024）内0602民初2号"]


def test_preview_of_a_file_already_imported_offers_nothing_to_import(qtbot: QtBot,
                                                                     make_window: Callable[[], MainWindow],
                                                                     tmp_path: Path) -> None:
    win = make_window()
    path = write_xlsx(tmp_path / "a.xlsx", ROWS)
    win.services.imports.run(win.services.imports.plan(path))
    dlg = ImportDialog(win.services, win)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.load(path)
    assert [_row(dlg, r)[2] for r in range(3)] == ["未变"] * 3
    assert not dlg.import_button.isEnabled() and not dlg.skip_bad.isEnabled()
    assert "无需导入" in dlg.summary.text()


def test_a_file_that_cannot_be_read_is_refused_with_a_message(qtbot: QtBot, make_window: Callable[[], MainWindow],
                                                              tmp_path: Path) -> None:
    win = make_window()
    path = tmp_path / "cases.xlsx"
    path.write_text("案号\n(2024)内0602民初1号\n", encoding="utf-8")
    dlg = ImportDialog(win.services, win)
    qtbot.addWidget(dlg)
    dlg.show()
    said: list[str] = []
    watch = when_modal(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    assert not dlg.load(path)
    assert not watch.missed and "不是有效的 Excel 工作簿" in said[0]
    assert dlg.model.rowCount() == 0 and not dlg.import_button.isEnabled()


def test_sorting_by_row_and_back_to_errors_first(qtbot: QtBot, make_window: Callable[[], MainWindow],
                                                 tmp_path: Path) -> None:
    win = make_window()
    dlg = ImportDialog(win.services, win)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.load(write_xlsx(tmp_path / "a.xlsx", [*ROWS, ["2024民初6号"]]))
    assert [_row(dlg, r)[0] for r in range(4)] == ["5", "2", "3", "4"]
    dlg.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [_row(dlg, r)[0] for r in range(4)] == ["2", "3", "4", "5"]
    dlg.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert [_row(dlg, r)[0] for r in range(4)] == ["5", "2", "3", "4"]
