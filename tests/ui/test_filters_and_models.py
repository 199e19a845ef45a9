"""Filters, case search and the item models (qtmodeltester)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from riskdesk.domain.model import Severity, Stage, Status
from riskdesk.ui.main_window import MainWindow
from tests.ui.typing import type_text


def _visible_ids(win: MainWindow) -> list[str]:
    return win.checklist.tree.visible_point_ids()


def _walk_some(win: MainWindow, qtbot: QtBot) -> None:
    case = win.services.cases.create("(2024)内0602民初8号", parties="张三诉李四")
    win.cases.refresh()
    win.open_case(case.id)
    for key in (Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_2):
        qtbot.keyClick(win.checklist.tree, key)


def test_status_severity_node_and_text_filters(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    _walk_some(win, qtbot)
    panel = win.checklist
    panel.filters.status.setCurrentIndex(panel.filters.status.findData(Status.RISK))
    assert _visible_ids(win) == ["LA-001", "LA-004"]
    panel.filters.status.setCurrentIndex(panel.filters.status.findData(Status.UNREVIEWED))
    assert len(_visible_ids(win)) == 96 and "LA-001" not in _visible_ids(win)
    panel.clear_filters()
    panel.filters.severity.setCurrentIndex(panel.filters.severity.findData(Severity.HIGH))
    visible = _visible_ids(win)
    assert visible and all(win.services.catalogs.catalog.point(p).severity is Severity.HIGH for p in visible)
    panel.clear_filters()
    panel.filters.node.setCurrentIndex(panel.filters.node.findData("L02"))
    assert _visible_ids(win) == [f"LA-{i:03d}" for i in range(26, 51)]
    panel.clear_filters()
    type_text(panel.filters.text, "LA-07")
    assert _visible_ids(win) == [f"LA-{i:03d}" for i in range(70, 80)]
    panel.clear_filters()
    assert len(_visible_ids(win)) == 100


def test_answer_under_a_filter_keeps_the_cursor_and_moves_on(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    _walk_some(win, qtbot)
    panel = win.checklist
    panel.filters.status.setCurrentIndex(panel.filters.status.findData(Status.UNREVIEWED))
    assert panel.current_point() == "LA-005"
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_1)
    assert panel.current_point() == "LA-006"
    view = win.services.checklists.open(win.case.id, Stage.FILING)  # type: ignore[union-attr]
    assert view.items[4].result.status is Status.CLEAR


def test_case_search_filters_as_you_type(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    for no, parties, cause in (("(2024)内0602民初1号", "张三诉李四", "民间借贷纠纷"),
                               ("(2024)内0602民初2号", "甲公司诉乙公司", "买卖合同纠纷"),
                               ("(2024)内0602执3号", "王五申请执行赵六", "借款合同纠纷")):
        win.services.cases.create(no, cause, parties)
    win.cases.refresh()
    assert win.cases.model.rowCount() == 3
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.cases.search.hasFocus()
    type_text(win.cases.search, "甲公司")
    qtbot.waitUntil(lambda: win.cases.model.rowCount() == 1, timeout=2000)
    assert win.cases.model.summary(0).case.case_no == "（2024）内0602民初2号"
    win.cases.search.clear()
    type_text(win.cases.search, "执3")
    qtbot.waitUntil(lambda: win.cases.model.rowCount() == 1, timeout=2000)
    type_text(win.cases.search, "x")
    qtbot.waitUntil(lambda: win.cases.model.rowCount() == 0, timeout=2000)
    win.cases.search.clear()
    qtbot.waitUntil(lambda: win.cases.model.rowCount() == 3, timeout=2000)
    # Enter in the list opens the selected case.
    win.cases.focus_table()
    qtbot.keyClick(win.cases.table, Qt.Key.Key_Return)
    assert win.case is not None


def test_models_pass_qtmodeltester(qtbot: QtBot, qtmodeltester: object, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    _walk_some(win, qtbot)
    qtmodeltester.check(win.cases.model)  # type: ignore[attr-defined]
    qtmodeltester.check(win.checklist.tree.checklist_model)  # type: ignore[attr-defined]
    panel = win.checklist
    panel.filters.status.setCurrentIndex(panel.filters.status.findData(Status.RISK))
    qtmodeltester.check(win.checklist.tree.proxy)  # type: ignore[attr-defined]
