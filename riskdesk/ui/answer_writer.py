"""Saves answers through the services: status keys at once, notes as typed, with retry on failure.

A save refused because the answer changed elsewhere (stale) is reported so the checklist reloads;
a note that could not be saved (locked, read-only, disk full) stays on screen and is retried.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from riskdesk.domain.errors import RiskDeskError
from riskdesk.domain.model import AnswerSaved, ChecklistId, Status
from riskdesk.services import Services
from riskdesk.services.answers import ChecklistLocked
from riskdesk.services.errors import InvalidInput, StaleResult

NOTE_RETRY_MS = 5000


class AnswerWriter(QObject):
    """Signals: saved(AnswerSaved); failed(str) with the message to show; stale() after a save was
    refused because someone else changed the answer first; note_failed(str) when a note must wait."""

    saved = Signal(object)
    failed = Signal(str)
    stale = Signal()
    note_failed = Signal(str)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._retry: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(NOTE_RETRY_MS)
        self._timer.timeout.connect(self._run_retry)

    def save_status(self, checklist_id: ChecklistId, point_id: str, status: Status, revision: int,
                    what: str, reason: str = "") -> AnswerSaved | None:
        return self._attempt(
            lambda: self._services.answers.set_status(checklist_id, point_id, status, revision, reason), what, None)

    def save_note(self, checklist_id: ChecklistId, point_id: str, text: str, revision: int, what: str,
                  retry: Callable[[], None], reason: str = "") -> AnswerSaved | None:
        """Save a note; on failure ``retry`` runs every few seconds until a save succeeds."""
        return self._attempt(
            lambda: self._services.answers.set_note(checklist_id, point_id, text, revision, reason), what, retry)

    def _attempt(self, save: Callable[[], AnswerSaved], what: str,
                 retry: Callable[[], None] | None) -> AnswerSaved | None:
        try:
            change = save()
        except StaleResult as exc:
            self.failed.emit(f"{what}: {exc}")
            self.stale.emit()
            return None
        except (ChecklistLocked, InvalidInput) as exc:  # waiting for review, a reason missing: no retry
            self.failed.emit(f"{what}: {exc}")
            return None
        except RiskDeskError as exc:
            self.failed.emit(f"{what}: {exc}")
            if retry is not None:
                self.note_failed.emit(str(exc))
                self._retry = retry
                self._timer.start()
            return None
        self._timer.stop()
        self._retry = None
        self.saved.emit(change)
        return change

    def stop_retrying(self) -> None:
        self._timer.stop()
        self._retry = None

    def _run_retry(self) -> None:
        if self._retry is not None:
            self._retry()
        else:
            self._timer.stop()
