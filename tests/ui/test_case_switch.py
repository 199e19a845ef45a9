"""Going from case to case in the same stage: the tree keeps its rows and shows the other case's answers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from riskdesk.domain.model import Stage, Status
from riskdesk.ui.labels import status_text
from riskdesk.ui.main_window import MainWindow
from riskdesk.ui.models.checklist_model import Column, PointIdRole


def _shown(win: MainWindow) -> dict[str, str]:
    """Point id -> status text as the tree shows it."""
    tree = win.checklist.tree
    out = {}
    for pid in tree.visible_point_ids():
        idx = tree.checklist_model.index_of_point(pid)
        out[pid] = str(idx.siblingAtColumn(Column.STATUS).data(Qt.ItemDataRole.DisplayRole))
    return out


def test_switching_cases_in_a_stage_shows_each_case_own_answers(
        qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    svc = win.services
    first = svc.cases.create("(2024)内0602民初21号")
    second = svc.cases.create("(2024)内0602民初22号")
    one = svc.checklists.open(first.id, Stage.FILING)
    svc.answers.set_status(one.info.id, "LA-001", Status.RISK)
    svc.answers.set_note(one.info.id, "LA-001", "第一案的备注")
    two = svc.checklists.open(second.id, Stage.FILING)
    svc.answers.set_status(two.info.id, "LA-002", Status.CLEAR)
    win.cases.refresh()

    win.open_case(first.id, Stage.FILING)
    rows_before = win.checklist.tree.checklist_model.index_of_point("LA-050")
    risk, clear, unreviewed = (status_text(s) for s in (Status.RISK, Status.CLEAR, Status.UNREVIEWED))
    assert _shown(win)["LA-001"] == risk and _shown(win)["LA-002"] == unreviewed

    win.open_case(second.id, Stage.FILING)
    shown = _shown(win)
    assert shown["LA-001"] == unreviewed and shown["LA-002"] == clear
    assert len(shown) == 100
    # Same points, so the rows were kept (an index into them stays valid) and only answers changed.
    assert rows_before.isValid() and rows_before.data(PointIdRole) == "LA-050"
    note_cell = win.checklist.tree.checklist_model.index_of_point("LA-001").siblingAtColumn(Column.NOTE)
    assert note_cell.data(Qt.ItemDataRole.DisplayRole) == ""
    assert win.checklist.detail.note.toPlainText() == ""

    # The cursor is where this case was left, and keys act on this case, not on the one before.
    assert win.checklist.current_point() == "LA-002"
    win.checklist.tree.setFocus()
    qtbot.keyClick(win.checklist.tree, Qt.Key.Key_2)
    assert svc.checklists.open(second.id, Stage.FILING).items[1].result.status is Status.RISK
    assert svc.checklists.open(first.id, Stage.FILING).items[0].result.note == "第一案的备注"


def test_a_status_filter_follows_the_case_shown(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    svc = win.services
    first = svc.cases.create("(2024)内0602民初23号")
    second = svc.cases.create("(2024)内0602民初24号")
    for case, point in ((first, "LA-003"), (second, "LA-007")):
        view = svc.checklists.open(case.id, Stage.FILING)
        svc.answers.set_status(view.info.id, point, Status.RISK)
    win.cases.refresh()
    win.open_case(first.id, Stage.FILING)
    panel = win.checklist
    panel.filters.status.setCurrentIndex(panel.filters.status.findData(Status.RISK))
    assert list(_shown(win)) == ["LA-003"]
    win.open_case(second.id, Stage.FILING)
    assert list(_shown(win)) == ["LA-007"]
    assert panel.current_point() == "LA-007"


def test_the_last_point_comes_back_with_the_view(services: object) -> None:
    from riskdesk.services import Services

    assert isinstance(services, Services)
    case = services.cases.create("(2024)内0602民初25号")
    view = services.checklists.open(case.id, Stage.TRIAL)
    assert view.info.last_point_id == ""
    point = view.items[4].point.id
    services.answers.set_status(view.info.id, point, Status.NA)
    assert services.checklists.open(case.id, Stage.TRIAL).info.last_point_id == point


def test_a_node_filter_does_not_empty_another_stage(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    case = win.services.cases.create("(2024)内0602民初26号")
    win.cases.refresh()
    win.open_case(case.id, Stage.FILING)
    panel = win.checklist
    panel.filters.node.setCurrentIndex(panel.filters.node.findData("L02"))
    assert len(_shown(win)) == 25
    win.switch_stage(Stage.TRIAL)
    # The trial stage has no node L02: the filter list shows its own nodes and every point is there.
    assert panel.filters.node.currentData() == ""
    assert len(_shown(win)) == 100
    assert panel.current_point().startswith("SP-")
