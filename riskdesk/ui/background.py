"""Work that must not hold up the window: the day's automatic backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from riskdesk.domain.errors import RiskDeskError
from riskdesk.services import take_daily_backup


class _Signals(QObject):
    finished = Signal(str, bool)  # message ("" when all went well), whether it is serious


class DailyBackupTask(QRunnable):
    """Copies and checks the database on a worker thread (its own SQLite connections)."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.signals = _Signals()

    def run(self) -> None:
        try:
            warning = take_daily_backup(self.db_path)
        except RiskDeskError as exc:  # the check found damage (or the file failed): the user must hear of it now
            self.signals.finished.emit(str(exc), True)
            return
        except Exception as exc:  # noqa: BLE001 - a backup problem is reported, never fatal
            self.signals.finished.emit(f"自动备份失败：{exc}", False)
            return
        self.signals.finished.emit(warning, False)


def start_daily_backup(db_path: Path | None, on_done: object) -> DailyBackupTask | None:
    if db_path is None:
        return None
    task = DailyBackupTask(db_path)
    task.setAutoDelete(False)
    task.signals.finished.connect(on_done)
    QThreadPool.globalInstance().start(task)
    return task
