"""Another seat changes the open checklist while this window is in the background: coming back shows
it as it is now, and a note typed here is neither lost nor written over theirs unseen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from riskdesk.domain.model import Stage, Status
from riskdesk.services import Services
from riskdesk.ui.labels import status_text
from riskdesk.ui.main_window import MainWindow
from riskdesk.ui.models.checklist_model import Column


def _status_shown(win: MainWindow, pid: str) -> str:
    idx = win.checklist.tree.checklist_model.index_of_point(pid)
    return str(idx.siblingAtColumn(Column.STATUS).data(Qt.ItemDataRole.DisplayRole))


def _away_and_back(qtbot: QtBot, win: MainWindow, meanwhile: Callable[[], None]) -> None:
    other = QWidget()  # another program's window takes the focus
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    assert QTest.qWaitForWindowActive(other, 3000)
    meanwhile()
    other.close()
    win.activateWindow()
    assert QTest.qWaitForWindowActive(win, 3000)


def test_coming_back_shows_what_another_seat_changed(qtbot: QtBot, make_window: Callable[[], MainWindow],
                                                     db_path: Path, catalog_dir: Path) -> None:
    win = make_window()
    svc = win.services
    case = svc.cases.create("(2024)内0602民初31号")
    win.cases.refresh()
    win.open_case(case.id, Stage.FILING)
    cl = win.checklist.view.info.id  # type: ignore[union-attr]
    assert _status_shown(win, "LA-003") == status_text(Status.UNREVIEWED)
    seat = Services.open("sqlite:///" + str(db_path), catalog_dir)
    try:
        seat.session.act_as("李助理")
        _away_and_back(qtbot, win, lambda: seat.answers.set_status(cl, "LA-003", Status.RISK))
        assert _status_shown(win, "LA-003") == status_text(Status.RISK)
        assert "其他" in win.checklist.banners.offer_bar.text()
        # Nothing changed meanwhile: nothing is read again (the rows stay the same objects).
        before = win.checklist.view
        _away_and_back(qtbot, win, lambda: None)
        assert win.checklist.view is before
    finally:
        seat.close()


def test_a_note_typed_here_is_kept_when_the_same_answer_changed_elsewhere(
        qtbot: QtBot, make_window: Callable[[], MainWindow], db_path: Path, catalog_dir: Path) -> None:
    win = make_window()
    svc = win.services
    case = svc.cases.create("(2024)内0602民初32号")
    win.cases.refresh()
    win.open_case(case.id, Stage.FILING)
    cl = win.checklist.view.info.id  # type: ignore[union-attr]
    win.checklist.tree.setFocus()
    qtbot.keyClick(win.checklist.tree, Qt.Key.Key_E)  # into the note of LA-001
    win.checklist.detail.note.insertPlainText("本席的备注")  # as an input method commits it
    seat = Services.open("sqlite:///" + str(db_path), catalog_dir)
    try:
        seat.session.act_as("李助理")
        _away_and_back(qtbot, win, lambda: seat.answers.set_note(cl, "LA-001", "另一席位的备注"))
    finally:
        seat.close()
    stored = svc.checklists.open(case.id, Stage.FILING).items[0].result
    # Theirs was saved first, so ours was refused as stale: theirs stays, ours is still on screen, unsaved.
    assert stored.note == "另一席位的备注"
    assert win.checklist.detail.note.toPlainText() == "本席的备注"
