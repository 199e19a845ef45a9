"""Use cases for one answer: set a point's status or note, and read its history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from riskdesk.domain.events import NewEvent
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
from riskdesk.domain.signoff import ChecklistState
from riskdesk.services.catalog_store import CatalogStore
from riskdesk.services.checklists import result_of
from riskdesk.services.errors import InvalidInput, NotFound, ServiceError, StaleResult
from riskdesk.services.permissions import CaseAction, Policy
from riskdesk.services.session import Session
from riskdesk.storage import answer_queries as q
from riskdesk.storage import tally_queries as tq
from riskdesk.storage.case_queries import case_by_id
from riskdesk.storage.catalog_queries import point_ids_of
from riskdesk.storage.checklist_queries import StoredChecklist, checklist_by_id
from riskdesk.storage.db import Database
from riskdesk.storage.events import append_event


def clean_note(note: str) -> str:
    if "\x00" in note:
        note = note.replace("\x00", "")
    if len(note) > MAX_NOTE_LENGTH:
        raise InvalidInput(f"备注过长（{len(note)} 个字符），最多 {MAX_NOTE_LENGTH} 个字符；请精简后再保存")
    return note


class ChecklistLocked(ServiceError):
    """The checklist is with its reviewer: answers wait until it is withdrawn or decided."""


class ReasonRequired(InvalidInput):
    """An approved checklist's answer changes only with a reason (the CLI's ``--reason``)."""


# Called when an approved answer is changed: the checklist goes back to draft, with the reason; returns
# the event to append once the answer version is in.
Reopen = Callable[[Connection, StoredChecklist, str], NewEvent]


class AnswerService:
    def __init__(self, db: Database, session: Session, catalogs: CatalogStore, reopen: Reopen,
                 policy: Policy) -> None:
        self._db = db
        self._session = session
        self._catalogs = catalogs
        self._reopen = reopen
        self._policy = policy

    def set_status(self, checklist_id: ChecklistId, point_id: str, status: Status,
                   expected_revision: int | None = None, reason: str = "") -> AnswerSaved:
        """Save a status (the reviewer moves on, so the position is remembered with it)."""
        self._policy.check_case(CaseAction.ANSWER, checklist_id=checklist_id)
        if status is Status.SETTLED:
            raise InvalidInput("“不适用（案件类型）”由案件类型决定，不能作为核查结果填写；请选择“不适用”并在备注中说明")
        return self._save(checklist_id, point_id, AnswerField.STATUS, status, None, expected_revision, reason)

    def set_note(self, checklist_id: ChecklistId, point_id: str, note: str,
                 expected_revision: int | None = None, reason: str = "") -> AnswerSaved:
        self._policy.check_case(CaseAction.ANSWER, checklist_id=checklist_id)
        return self._save(checklist_id, point_id, AnswerField.NOTE, None, clean_note(note), expected_revision,
                          reason)

    def history(self, checklist_id: ChecklistId, point_id: str) -> list[HistoryEntry]:
        """Every change of one point's answer, oldest first (a catalog change starts it afresh)."""
        self._policy.check_case(CaseAction.HISTORY, checklist_id=checklist_id)
        with self._db.reading() as conn:
            refs = [ref for ref, (pid, _) in point_ids_of(conn, self._refs_in(conn, checklist_id)).items()
                    if pid == point_id]
            versions = q.point_versions(conn, checklist_id, refs)
        out: list[HistoryEntry] = []
        prev: dict[int, q.Version] = {}
        for v in versions:
            before = prev.get(v.point_ref)
            old_status = before.status if before else Status.UNREVIEWED
            old_note = before.note if before else ""
            if v.status is not old_status:
                out.append(HistoryEntry(v.at, v.actor, AnswerField.STATUS, old_status.value, v.status.value, v.reason))
            if v.note != old_note:
                out.append(HistoryEntry(v.at, v.actor, AnswerField.NOTE, old_note, v.note, v.reason))
            prev[v.point_ref] = v
        return out

    @staticmethod
    def _refs_in(conn: Connection, checklist_id: ChecklistId) -> list[int]:
        return sorted({v.point_ref for v in q.versions_of(conn, checklist_id)})

    def _save(self, checklist_id: ChecklistId, point_id: str, field: AnswerField, status: Status | None,
              note: str | None, expected_revision: int | None, reason: str) -> AnswerSaved:
        reason = reason.strip()
        try:
            with self._db.writing() as conn:
                # First the checklist's row: saves of one checklist (and its sign-off) go one after another,
                # so the answer read below is the latest; other checklists' saves go on meanwhile.
                cl = checklist_by_id(conn, checklist_id, lock=True)
                case = case_by_id(conn, cl.case_id) if cl is not None else None
                if cl is None or case is None:
                    raise NotFound(f"清单 {checklist_id} 不存在")
                stage = Stage(cl.stage)
                point = next((p for p in self._catalogs.points_of(conn, cl.catalog_fingerprint, stage)
                              if p.id == point_id), None)
                ref = self._catalogs.refs_for(conn, [point]).get(point.content_hash) if point else None
                if point is None or ref is None:
                    raise NotFound(f"风险点 {point_id} 不在这份清单中")
                latest = q.latest_version(conn, checklist_id, ref)
                before = result_of(point, latest, case.profile.applies(point))
                if expected_revision is not None and before.revision != expected_revision:
                    raise StaleResult(point_id, before.status.label_zh, before.updated_by)
                state = ChecklistState(cl.state)
                if state is ChecklistState.SUBMITTED:
                    raise ChecklistLocked(f"{stage.label_zh}环节清单已提交审核，修改前请先撤回（或等待审核结果）")
                now = datetime.now()
                result = self._changed(before, status, note, now)
                reopened = None
                if state is ChecklistState.APPROVED and result is not before:
                    if not reason:
                        raise ReasonRequired(f"{stage.label_zh}环节清单已审核通过，修改核查结果须说明理由（--reason）")
                    reopened = self._reopen(conn, cl, reason)
                if result is not before:
                    q.move_count(conn, checklist_id, before.status, result.status)
                    tq.bump(conn, tq.key_of(conn, checklist_id), before.point_id, before.status, result.status)
                if field is AnswerField.STATUS:
                    q.remember_position(conn, checklist_id, point_id)
                # The audit chain last: its head is held from here to the commit (storage.chain).
                if result is not before:
                    q.add_version(conn, checklist_id, ref, result.revision, now, self._session.actor,
                                  result.status, result.note, reason if reopened is not None else "")
                if reopened is not None:
                    append_event(conn, reopened, now)
                    state = ChecklistState.DRAFT
                counts = q.checklist_counts(conn, checklist_id)
        except IntegrityError as exc:  # another seat saved the same answer in between (server database)
            raise StaleResult(point_id, "已变更", "其他用户") from exc
        return AnswerSaved(cl.case_id, stage, result, counts, state)

    def _changed(self, before: Result, status: Status | None, note: str | None, now: datetime) -> Result:
        """The answer after this change (``before`` itself when nothing changes)."""
        new_status = before.status if status is None else status
        if new_status is Status.SETTLED:  # a note on a point set aside: it stays set aside (no version)
            new_status = Status.UNREVIEWED if note else Status.SETTLED
        new_note = before.note if note is None else note
        if new_status is before.status and new_note == before.note:
            return before
        return Result(before.point_id, before.point_hash, new_status, new_note, now.replace(microsecond=0),
                      self._session.actor.name, before.revision + 1)
