"""Smoke test: the window on a PostgreSQL database (as the application role): a new case, a point answered by key."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from riskdesk.domain.model import Stage, Status
from riskdesk.ui.main_window import MainWindow
from tests.ui.test_walk import _create_case_by_keyboard

pytestmark = pytest.mark.pg


def test_the_window_answers_a_point_on_a_server(qtbot: QtBot, make_server_window: Callable[[], MainWindow]) -> None:
    win = make_server_window()
    assert win.services.db.path is None
    _create_case_by_keyboard(qtbot, win, "(2024)内0602民初123号")
    panel = win.checklist
    assert win.case is not None and panel.current_point() == "LA-001"
    qtbot.waitUntil(panel.tree.hasFocus, timeout=2000)
    qtbot.keyClick(panel.tree, Qt.Key.Key_2)
    assert panel.current_point() == "LA-002"
    assert win.tabs.tabText(0).startswith("立案  1/100")
    case_id = win.case.id
    win.close()
    again = make_server_window()  # the same database, another window: what the server holds
    view = again.services.checklists.open(case_id, Stage.FILING)
    assert (view.items[0].result.status, view.items[0].result.updated_by) == (Status.RISK, "王法官")
    assert again.checklist.current_point() == "LA-002"
