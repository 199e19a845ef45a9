"""The audit record read back: check the whole chain, and list everything that happened to a case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from riskdesk.domain.events import Event, EventKind
from riskdesk.domain.model import CaseId, Stage
from riskdesk.domain.signoff import ChecklistState, SignoffAction
from riskdesk.services.case_fields import parse_case_no
from riskdesk.services.errors import NotFound
from riskdesk.services.permissions import Action, CaseAction, Policy
from riskdesk.storage import chain
from riskdesk.storage.answer_queries import NAMED_VERSIONS, VERSION_COLUMNS, to_version
from riskdesk.storage.case_queries import case_id_of
from riskdesk.storage.db import Database
from riskdesk.storage.events import case_events
from riskdesk.storage.schema import answer_versions, catalog_points, checklists, people

ChainVerdict = chain.ChainVerdict


@dataclass(frozen=True)
class LogEntry:
    """One entry of a case's record: who (and in which role), when, what, from what to what, and why."""

    seq: int
    at: datetime
    who: str
    role: str
    what: str
    old: str
    new: str
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {"seq": self.seq, "at": self.at.isoformat(timespec="seconds"), "who": self.who,
                "role": self.role or None, "what": self.what, "old": self.old, "new": self.new,
                "reason": self.reason or None}


class AuditService:
    def __init__(self, db: Database, policy: Policy) -> None:
        self._db = db
        self._policy = policy

    def verify(self) -> ChainVerdict:
        """Walk the whole record; the first entry changed, deleted or inserted by hand is named (no content shown)."""
        self._policy.require(Action.VERIFY_AUDIT)
        with self._db.reading() as conn:
            return chain.verify(conn)

    def tip(self) -> tuple[int, str]:
        self._policy.require(Action.VERIFY_AUDIT)
        with self._db.reading() as conn:
            return chain.tip(conn)

    def case_log(self, case_no: str) -> list[LogEntry]:
        number = parse_case_no(case_no)
        self._policy.check_case(CaseAction.HISTORY, case_no=number)
        with self._db.reading() as conn:
            case_id = case_id_of(conn, number)
            if case_id is None:
                raise NotFound(f"没有找到案号为 {number} 的案件")
            out = [self._event_entry(e) for e in case_events(conn, case_id)]
            out += self._answer_entries(conn, case_id)
        return sorted(out, key=lambda e: e.seq)

    @staticmethod
    def _event_entry(e: Event) -> LogEntry:
        if e.kind is EventKind.CHECKLIST_STATE:
            what = f"清单{SignoffAction(e.field).label_zh}"
            old, new = ChecklistState(e.old).label_zh, ChecklistState(e.new).label_zh
        elif e.kind is EventKind.CASE_CREATED:
            what, old, new = "新建案件", "", e.new
        elif e.kind is EventKind.CASE_COPIED:
            what, old, new = "迁入案件", "", e.reason
        else:
            what, old, new = f"修改{e.field}", e.old, e.new
        return LogEntry(e.seq, e.at, e.actor, e.actor_role, what, old, new, e.reason)

    @staticmethod
    def _answer_entries(conn: Connection, case_id: CaseId) -> list[LogEntry]:
        v, cl = answer_versions.c, checklists.c
        rows = conn.execute(
            select(v.seq, cl.stage, catalog_points.c.point_id, people.c.role, *VERSION_COLUMNS)
            .select_from(NAMED_VERSIONS.join(checklists, cl.id == v.checklist_id)
                         .join(catalog_points, catalog_points.c.ref == v.point_ref))
            .where(cl.case_id == case_id).order_by(v.checklist_id, v.point_ref, v.rev))
        out: list[LogEntry] = []
        before: dict[tuple[str, int], tuple[str, str]] = {}
        for seq, stage, point_id, role, *rest in rows:
            ver = to_version(tuple(rest))  # the version columns, in order
            key = (stage, ver.point_ref)
            old_status, old_note = before.get(key, ("未核查", ""))
            label = f"{Stage(stage).label_zh} {point_id}"
            if ver.status.label_zh != old_status:
                out.append(LogEntry(seq, ver.at, ver.actor, role, f"{label} 核查结果", old_status,
                                    ver.status.label_zh, ver.reason))
            if ver.note != old_note:
                out.append(LogEntry(seq, ver.at, ver.actor, role, f"{label} 备注", old_note, ver.note, ver.reason))
            before[key] = (ver.status.label_zh, ver.note)
        return out
