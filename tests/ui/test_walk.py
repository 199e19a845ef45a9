"""A judge's day, by keyboard: new case, walk all 100 立案 points, a note, restart, everything still there."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from riskdesk.domain.model import Stage, Status
from riskdesk.ui.case_dialog import NewCaseDialog
from riskdesk.ui.main_window import MainWindow
from tests.ui.modal import when_modal
from tests.ui.typing import type_text

KEYS = {Status.CLEAR: Qt.Key.Key_1, Status.RISK: Qt.Key.Key_2, Status.NA: Qt.Key.Key_3}
PATTERN = [Status.CLEAR, Status.CLEAR, Status.RISK, Status.NA, Status.CLEAR]


def _create_case_by_keyboard(qtbot: QtBot, win: MainWindow, case_no: str) -> None:
    seen: list[object] = []

    def fill(dlg: NewCaseDialog) -> None:
        # No asserts in here: this runs inside the dialog's event loop.
        seen.append(dlg.focusWidget() is dlg.case_no)
        type_text(dlg.case_no, case_no)
        qtbot.keyClick(dlg.case_no, Qt.Key.Key_Tab)
        type_text(dlg.cause, "民间借贷纠纷")
        qtbot.keyClick(dlg.cause, Qt.Key.Key_Tab)
        type_text(dlg.parties, "张三诉李四")
        qtbot.keyClick(dlg.parties, Qt.Key.Key_Return)

    watch = when_modal(NewCaseDialog, fill)
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not watch.missed and seen == [True], "Ctrl+N must open the new-case dialog with the cursor in the case number"
    # A desktop's window manager reactivates the main window when the dialog closes; offscreen has none.
    win.activateWindow()
    assert QTest.qWaitForWindowActive(win, 3000)


def test_walk_all_filing_points_and_find_them_after_restart(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    _create_case_by_keyboard(qtbot, win, "(2024)内0602民初123号")
    assert win.case is not None and win.case.case_no == "（2024）内0602民初123号"
    assert win.stage is Stage.FILING
    panel = win.checklist
    assert panel.current_point() == "LA-001"
    qtbot.waitUntil(panel.tree.hasFocus, timeout=2000)

    for i in range(100):
        assert panel.current_point() == f"LA-{i + 1:03d}"
        qtbot.keyClick(panel.tree, KEYS[PATTERN[i % len(PATTERN)]])
    # The last key saved LA-100 and stayed there.
    assert panel.current_point() == "LA-100"
    # A note: E to edit, type, Esc back to the list.
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up)
    assert panel.current_point() == "LA-099"
    qtbot.keyClick(panel.tree, Qt.Key.Key_E)
    assert panel.detail.note.hasFocus()
    type_text(panel.detail.note, "原告未提交借条原件")
    qtbot.keyClick(panel.detail.note, Qt.Key.Key_Escape)
    assert panel.tree.hasFocus()
    assert re.fullmatch(r"已于 \d\d:\d\d:\d\d 保存", win.save_label.text()), win.save_label.text()
    assert win.tabs.tabText(0).startswith("立案  100/100")
    assert panel.banners.complete_bar.isVisible() and "已全部核查完毕" in panel.banners.complete_bar.text()

    case_id = win.case.id
    win.close()
    # What the database holds, independently of the window.
    view = win.services.checklists.open(case_id, Stage.FILING)
    assert [it.result.status for it in view.items] == [PATTERN[i % len(PATTERN)] for i in range(100)]
    assert view.items[98].result.note == "原告未提交借条原件"
    assert all(it.result.updated_by == "王法官" for it in view.items)

    again = make_window()
    assert again.case is not None and again.case.id == case_id
    assert again.stage is Stage.FILING
    assert again.checklist.current_point() == "LA-099"
    assert again.checklist.detail.note.toPlainText() == "原告未提交借条原件"
    items = again.checklist.tree.checklist_model.items()
    assert [it.result.status for it in items] == [PATTERN[i % len(PATTERN)] for i in range(100)]


def test_note_saves_while_typing_and_on_close(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    case = win.services.cases.create("(2024)内0602民初7号")
    win.cases.refresh()
    win.open_case(case.id)
    panel = win.checklist
    qtbot.keyClick(panel.tree, Qt.Key.Key_E)
    type_text(panel.detail.note, "第一句")
    qtbot.waitUntil(lambda: not panel.detail.note_pending, timeout=3000)
    view = win.services.checklists.open(case.id, Stage.FILING)
    assert view.items[0].result.note == "第一句"
    # Typed and closed at once, before the pause: the close still saves it.
    type_text(panel.detail.note, "，第二句")
    win.close()
    view = win.services.checklists.open(case.id, Stage.FILING)
    assert view.items[0].result.note == "第一句，第二句"


def test_stage_keys_and_next_unreviewed(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    case = win.services.cases.create("(2024)内0602执9号")
    win.cases.refresh()
    win.open_case(case.id)
    assert win.stage is Stage.ENFORCEMENT  # an enforcement case opens at its own stage
    assert win.tabs.shown() == {Stage.ENFORCEMENT}
    qtbot.keyClick(win, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert win.stage is Stage.ENFORCEMENT
    panel = win.checklist
    assert panel.current_point() == "ZX-001"
    qtbot.keyClick(panel.tree, Qt.Key.Key_1)
    qtbot.keyClick(panel.tree, Qt.Key.Key_1)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up)
    assert panel.current_point() == "ZX-001"
    qtbot.keyClick(panel.tree, Qt.Key.Key_N)
    assert panel.current_point() == "ZX-003"
    # 审判 is not a stage of an 执 case: Ctrl+2 asks first, and "No" changes nothing.
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Callable[[QMessageBox], None]:
        def act(box: QMessageBox) -> None:
            asked.append(box.text())
            box.button(button).click()
        return act

    watch = when_modal(QMessageBox, answer(QMessageBox.StandardButton.No))
    qtbot.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert not watch.missed and "审判" in asked[0] and win.stage is Stage.ENFORCEMENT
    assert win.tabs.shown() == {Stage.ENFORCEMENT} and panel.current_point() == "ZX-003"
    win.activateWindow()  # a desktop's window manager does this when the message box closes
    assert QTest.qWaitForWindowActive(win, 3000)
    watch = when_modal(QMessageBox, answer(QMessageBox.StandardButton.Yes))
    qtbot.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert not watch.missed and len(asked) == 2
    assert win.stage is Stage.TRIAL and panel.current_point() == "SP-001"
    assert win.tabs.shown() == {Stage.ENFORCEMENT, Stage.TRIAL}  # opened on purpose: its tab stays
    win.activateWindow()
    assert QTest.qWaitForWindowActive(win, 3000)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Escape)
    assert win.cases.table.hasFocus()


def test_duplicate_case_is_refused_in_the_dialog(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    win.services.cases.create("(2024)内0602民初5号")
    dlg = NewCaseDialog(win.services, parent=win)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(dlg.case_no, "2024民初")
    assert "开头" in dlg.feedback.text()
    dlg.case_no.clear()
    type_text(dlg.case_no, "（2024）内0602民初5号")
    assert "将保存为" in dlg.feedback.text()
    qtbot.keyClick(dlg.case_no, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.created is None
    assert "已存在" in dlg.feedback.text()
