"""The audit record's entries: what happened to a case, an answer or a checklist, by whom, and why."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from riskdesk.domain.people import Actor


class EventKind(enum.Enum):
    CASE_CREATED = "case.created"
    CASE_UPDATED = "case.updated"
    ANSWER_STATUS = "answer.status"
    ANSWER_NOTE = "answer.note"
    CHECKLIST_STATE = "checklist.state"
    FINDING = "finding"  # field: the FindingAction
    # A shared database's accounts and 庭室, as an admin manages them (a password never appears).
    USER_ADDED = "user.added"
    USER_CHANGED = "user.changed"
    DEPARTMENT_ADDED = "department.added"
    # Cases moved in from another database (riskdesk db copy): one per case, and one for the whole move.
    CASE_COPIED = "case.copied"
    DATABASE_COPIED = "database.copied"


@dataclass(frozen=True)
class NewEvent:
    """An entry to append; the log gives it its number, time stamp and place in the chain."""

    kind: EventKind
    actor: Actor
    case_id: int | None = None
    checklist_id: int | None = None
    point_id: str = ""
    field: str = ""
    old: str = ""
    new: str = ""
    reason: str = ""
    finding_id: int | None = None


@dataclass(frozen=True)
class Event:
    seq: int
    at: datetime
    actor: str
    actor_login: str
    actor_role: str
    kind: EventKind
    case_id: int | None
    checklist_id: int | None
    point_id: str
    field: str
    old: str
    new: str
    reason: str
    finding_id: int | None = None
