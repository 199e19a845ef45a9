"""Use cases for one answer: set a point's status or note, and read its history."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from riskdesk.domain.model import (
    MAX_NOTE_LENGTH,
    AnswerField,
    AnswerSaved,
    ChecklistId,
    HistoryEntry,
    Result,
    Stage,
    Status,
)
from riskdesk.services.errors import InvalidInput, NotFound, StaleResult
from riskdesk.services.permissions import CaseAction, Policy
from riskdesk.services.session import Session
from riskdesk.storage import answer_queries as q
from riskdesk.storage.checklist_queries import checklist_by_id
from riskdesk.storage.db import Database


def clean_note(note: str) -> str:
    if "\x00" in note:
        note = note.replace("\x00", "")
    if len(note) > MAX_NOTE_LENGTH:
        raise InvalidInput(f"备注过长（{len(note)} 个字符），最多 {MAX_NOTE_LENGTH} 个字符；请精简后再保存")
    return note


class AnswerService:
    def __init__(self, db: Database, session: Session, policy: Policy) -> None:
        self._db = db
        self._session = session
        self._policy = policy

    def set_status(self, checklist_id: ChecklistId, point_id: str, status: Status,
                   expected_revision: int | None = None) -> AnswerSaved:
        """Save a status (the reviewer moves on, so the position is remembered with it)."""
        self._policy.check_case(CaseAction.ANSWER, checklist_id=checklist_id)
        if status is Status.SETTLED:
            raise InvalidInput("“不适用（案件类型）”由案件类型决定，不能作为核查结果填写；请选择“不适用”并在备注中说明")
        return self._save(checklist_id, point_id, AnswerField.STATUS, status.value, expected_revision, remember=True)

    def set_note(self, checklist_id: ChecklistId, point_id: str, note: str,
                 expected_revision: int | None = None) -> AnswerSaved:
        self._policy.check_case(CaseAction.ANSWER, checklist_id=checklist_id)
        return self._save(checklist_id, point_id, AnswerField.NOTE, clean_note(note), expected_revision,
                          remember=False)

    def history(self, checklist_id: ChecklistId, point_id: str) -> list[HistoryEntry]:
        self._policy.check_case(CaseAction.HISTORY, checklist_id=checklist_id)
        with self._db.reading() as conn:
            return q.answer_history(conn, checklist_id, point_id)

    def _save(self, checklist_id: ChecklistId, point_id: str, field: AnswerField, value: str,
              expected_revision: int | None, *, remember: bool) -> AnswerSaved:
        by = self._session.actor.name
        with self._db.writing() as conn:
            row = q.stored_answer(conn, checklist_id, point_id)
            cl = checklist_by_id(conn, checklist_id)
            if row is None or cl is None:
                raise NotFound(f"风险点 {point_id} 不在这份清单中")
            result = Result(point_id, row.point_hash, q.STATUS_OF[row.status], row.note, row.updated_at,
                            row.updated_by, row.revision)
            if expected_revision is not None and row.revision != expected_revision:
                raise StaleResult(point_id, result.status.label_zh, row.updated_by)
            if (row.status if field is AnswerField.STATUS else row.note) != value:
                now = datetime.now()
                q.write_answer(conn, checklist_id, row, field, value, by, now)
                changed = {"status": q.STATUS_OF[value]} if field is AnswerField.STATUS else {"note": value}
                result = replace(result, updated_at=now, updated_by=by, revision=row.revision + 1, **changed)
            if remember:
                q.remember_position(conn, checklist_id, point_id)
            counts = q.checklist_counts(conn, checklist_id)
        return AnswerSaved(cl.case_id, Stage(cl.stage), result, counts)
