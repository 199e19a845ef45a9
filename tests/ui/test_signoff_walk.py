"""Sign-off in the window, by keyboard: submit, return with a comment, fix, resubmit, approve; then a change
to the approved checklist asks for a reason and reopens it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from riskdesk.domain.model import Stage, Status
from riskdesk.domain.signoff import ChecklistState
from riskdesk.ui.main_window import MainWindow
from tests.ui.modal import when_modal

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _answer(*texts: str) -> Callable[[QInputDialog], None]:
    """Answer the next input dialogs with these texts, in turn."""
    queue = list(texts)

    def act(dlg: QInputDialog) -> None:
        dlg.setTextValue(queue.pop(0))
        dlg.accept()

    return act


def _keys(qtbot: QtBot, win: MainWindow, key: Qt.Key, *answers: str) -> None:
    watch = when_modal(QInputDialog, _answer(*answers), times=len(answers))
    qtbot.keyClick(win, key, CTRL_SHIFT)
    assert not watch.missed and len(watch.acted) == len(answers)
    win.activateWindow()  # a desktop's window manager does this when a dialog closes
    assert QTest.qWaitForWindowActive(win, 3000)


def test_submit_return_fix_resubmit_approve_and_reopen(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    svc = win.services
    case = svc.cases.create("(2024)内0602民初123号")
    view = svc.checklists.open(case.id, Stage.FILING)
    for it in view.items:  # the walk itself is test_walk's; here the checklist starts fully answered
        svc.answers.set_status(view.info.id, it.point.id, Status.CLEAR)
    win.cases.refresh()
    win.open_case(case.id, Stage.FILING)
    panel, banner = win.checklist, win.checklist.banners.signoff_bar

    _keys(qtbot, win, Qt.Key.Key_S, "王法官")  # submit, as the configured reviewer
    assert banner.isVisible() and "已由 王法官 提交审核" in banner.text()
    assert "待审核 1" in win.queue_button.text()
    qtbot.keyClick(panel.tree, Qt.Key.Key_2)  # answers wait while the checklist is with its reviewer
    assert panel.banners.error_bar.isVisible() and "撤回" in panel.banners.error_bar.text()

    _keys(qtbot, win, Qt.Key.Key_R, "LA-002 请核对送达回证", "李庭长")  # the reviewer returns it
    assert "已被 李庭长 退回" in banner.text() and "LA-002 请核对送达回证" in banner.text()
    assert "被退回 1" in win.queue_button.text()

    assert panel.tree.select_point("LA-002")
    qtbot.keyClick(panel.tree, Qt.Key.Key_2)  # the judge fixes it …
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up)
    qtbot.keyClick(panel.tree, Qt.Key.Key_E)
    from tests.ui.typing import type_text

    type_text(panel.detail.note, "送达回证缺失，已补送")
    qtbot.keyClick(panel.detail.note, Qt.Key.Key_Escape)
    _keys(qtbot, win, Qt.Key.Key_S, "王法官")  # … and resubmits

    seen: list[str] = []

    def approve(dlg: QInputDialog) -> None:
        seen.append(dlg.labelText())
        dlg.setTextValue("同意" if len(seen) == 1 else "李庭长")
        dlg.accept()

    watch = when_modal(QInputDialog, approve, times=2)
    qtbot.keyClick(win, Qt.Key.Key_A, CTRL_SHIFT)
    assert not watch.missed and "退回后修改的内容" in seen[0] and "LA-002" in seen[0]
    assert "已由 李庭长 审核通过" in banner.text()
    win.activateWindow()
    assert QTest.qWaitForWindowActive(win, 3000)

    # A change to the approved checklist asks why, and the checklist is a draft again.
    assert panel.tree.select_point("LA-005")
    watch = when_modal(QInputDialog, _answer("复查发现诉状副本未送达"))
    qtbot.keyClick(panel.tree, Qt.Key.Key_2)
    assert not watch.missed
    assert "审核通过后有修改" in banner.text()
    signoff = svc.signoff.signoff(view.info.id)
    assert signoff.state is ChecklistState.DRAFT and signoff.approved_before
    history = svc.answers.history(view.info.id, "LA-005")
    assert history[-1].new == "risk" and history[-1].reason == "复查发现诉状副本未送达"
