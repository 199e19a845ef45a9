"""The day's backup runs after the window is shown, on a worker thread; a failure is a warning, not a stop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from riskdesk.storage.backup import backup_dir
from riskdesk.ui.main_window import MainWindow


def test_daily_backup_in_the_background(qtbot: QtBot, make_window: Callable[[], MainWindow], db_path: Path) -> None:
    win = make_window()
    win.services.cases.create("(2024)内0602民初1号")
    for old in backup_dir(db_path).glob("daily-*.db"):
        old.unlink()  # Services.open already took today's copy; take it again from the window
    win.start_daily_backup()
    qtbot.waitUntil(lambda: any(backup_dir(db_path).glob("daily-*.db")), timeout=10_000)


def test_a_backup_that_cannot_be_written_is_a_warning(qtbot: QtBot, make_window: Callable[[], MainWindow],
                                                     db_path: Path) -> None:
    win = make_window()
    backups = backup_dir(db_path)
    for old in backups.glob("*"):
        old.unlink()
    backups.rmdir()
    backups.write_text("a file where the backups folder should be", encoding="utf-8")
    win.start_daily_backup()
    qtbot.waitUntil(lambda: "自动备份" in win.statusBar().currentMessage(), timeout=10_000)
    assert win.isVisible()
