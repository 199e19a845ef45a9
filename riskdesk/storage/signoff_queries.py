"""SQL of sign-off: a checklist's state, its state changes (events), and the checklists waiting on someone."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection, select, update

from riskdesk.domain.events import Event, EventKind
from riskdesk.domain.model import CaseId, ChecklistId
from riskdesk.storage.answer_queries import NAMED_VERSIONS, VERSION_COLUMNS, Version, to_version
from riskdesk.storage.events import checklist_events
from riskdesk.storage.schema import answer_versions, cases, checklists


class Waiting(NamedTuple):
    """A checklist in a queue (待审核, 被退回)."""

    checklist_id: ChecklistId
    case_id: CaseId
    case_no: str
    stage: str
    judge: str
    department_id: int | None
    owner: str  # who moved it into this state (the submitter, the reviewer who returned it)
    since: datetime | None


def set_state(conn: Connection, checklist_id: ChecklistId, state: str) -> None:
    conn.execute(update(checklists).where(checklists.c.id == checklist_id).values(state=state))


def state_events(conn: Connection, checklist_id: ChecklistId) -> list[Event]:
    return [e for e in checklist_events(conn, checklist_id) if e.kind is EventKind.CHECKLIST_STATE]


def in_state(conn: Connection, state: str, limit: int = 500) -> list[tuple[ChecklistId, CaseId, str, str, str,
                                                                            int | None]]:
    c, cl = cases.c, checklists.c
    rows = conn.execute(select(cl.id, cl.case_id, c.case_no, cl.stage, c.judge, c.department_id)
                        .join(cases, c.id == cl.case_id).where(cl.state == state).order_by(cl.id).limit(limit))
    return [(ChecklistId(a), CaseId(b), d, e, f, g) for a, b, d, e, f, g in rows]


def count_in_state(conn: Connection, state: str) -> int:
    from sqlalchemy import func

    return int(conn.execute(select(func.count()).select_from(checklists).where(checklists.c.state == state))
               .scalar_one())


def versions_since(conn: Connection, checklist_id: ChecklistId, seq: int) -> list[tuple[str, Version]]:
    """(point id, version) of every answer change after chain entry ``seq``, in order."""
    from riskdesk.storage.schema import catalog_points

    v = answer_versions.c
    rows = conn.execute(select(catalog_points.c.point_id, *VERSION_COLUMNS).select_from(
        NAMED_VERSIONS.join(catalog_points, catalog_points.c.ref == v.point_ref))
        .where(v.checklist_id == checklist_id, v.seq > seq).order_by(v.seq))
    return [(str(row[0]), to_version(tuple(row[1:]))) for row in rows]


def previous_version(conn: Connection, checklist_id: ChecklistId, point_ref: int, rev: int) -> Version | None:
    if rev <= 1:
        return None
    v = answer_versions.c
    row = conn.execute(select(*VERSION_COLUMNS).select_from(NAMED_VERSIONS)
                       .where(v.checklist_id == checklist_id, v.point_ref == point_ref, v.rev == rev - 1)).first()
    return None if row is None else to_version(tuple(row))
