"""Answering modal dialogs from a test: poll until the dialog is up, then act on it.

A one-shot timer that fires before the dialog is shown misses it and leaves ``exec()`` waiting
forever; polling cannot miss, and after its deadline it closes whatever modal is open so the test
fails with a message instead of hanging.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication, QWidget

W = TypeVar("W", bound=QWidget)
POLL_MS = 10


class ModalWatch:
    """What happened: ``acted`` lists the dialogs acted on; ``missed`` is True when none came in time."""

    def __init__(self, timer: QTimer) -> None:
        self.acted: list[QWidget] = []
        self.missed = False
        self.timer = timer

    def stop(self) -> None:
        self.timer.stop()


_active: list[ModalWatch] = []


def stop_all() -> None:
    """End every watch (after each test): one test's watch must never answer the next test's dialog."""
    for watch in _active:
        watch.stop()
    _active.clear()


def when_modal(kind: type[W], act: Callable[[W], None], *, times: int = 1, timeout_ms: int = 10_000) -> ModalWatch:
    """Each time a modal ``kind`` comes up (up to ``times``), call ``act`` on it (it must close it)."""
    timer = QTimer()
    watch = ModalWatch(timer)
    _active.append(watch)
    clock = QElapsedTimer()
    clock.start()
    timer.setInterval(POLL_MS)
    current: list[QWidget] = []

    def poll() -> None:
        shown = QApplication.activeModalWidget()
        if isinstance(shown, kind) and shown.isVisible() and shown not in current:
            current[:] = [shown]
            watch.acted.append(shown)
            act(shown)
            if len(watch.acted) >= times:
                timer.stop()
            return
        if clock.elapsed() > timeout_ms:
            timer.stop()
            watch.missed = True
            if shown is not None:
                shown.close()  # never leave exec() waiting: the test fails on ``missed`` instead

    timer.timeout.connect(poll)
    timer.start()
    return watch


def save_as(path: object) -> Callable[[object], None]:
    """Act on a QFileDialog as a user does: go to the folder and type the name into the dialog's box
    (selectFile() with a whole path can leave the suggested name in place on Qt's own dialog)."""
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog, QLineEdit

    target = Path(str(path))

    def act(dlg: object) -> None:
        assert isinstance(dlg, QFileDialog)
        dlg.setDirectory(str(target.parent))
        box = dlg.findChild(QLineEdit, "fileNameEdit")
        if box is not None:
            box.setText(target.name)
        else:
            dlg.selectFile(str(target))
        dlg.accept()

    return act
