"""SQL of a stage checklist: find it, start it, read the points it was answered against.

Opening a checklist happens on every case and stage switch, so its statements are built once.
Each function runs inside the caller's transaction.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection, bindparam, func, insert, select, update

from riskdesk.domain.catalog import RiskPoint, point_from_content
from riskdesk.domain.model import CaseId, ChecklistId, Stage, StageCounts
from riskdesk.storage.chain import from_stamp
from riskdesk.storage.schema import answer_versions, catalog_entries, catalog_points, catalog_versions, checklists

_V, _CL = answer_versions, checklists


class StoredChecklist(NamedTuple):
    id: ChecklistId
    case_id: CaseId
    stage: str
    catalog_fingerprint: str
    created_at: datetime
    last_point_id: str
    state: str


_CHECKLIST_COLUMNS = (_CL.c.id, _CL.c.case_id, _CL.c.stage, _CL.c.catalog_fingerprint, _CL.c.created_at,
                      _CL.c.last_point_id, _CL.c.state)
_FIND = select(*_CHECKLIST_COLUMNS).where(_CL.c.case_id == bindparam("case"), _CL.c.stage == bindparam("stage"))
_BY_ID = select(*_CHECKLIST_COLUMNS).where(_CL.c.id == bindparam("cl"))
_BY_ID_LOCKED = _BY_ID.with_for_update()
_CATALOG_VERSION = select(catalog_versions.c.version).where(catalog_versions.c.fingerprint == bindparam("fp"))


def find_checklist(conn: Connection, case_id: CaseId, stage: Stage) -> StoredChecklist | None:
    row = conn.execute(_FIND, {"case": case_id, "stage": stage.value}).first()
    return None if row is None else StoredChecklist(*row)


def checklist_by_id(conn: Connection, checklist_id: ChecklistId, *, lock: bool = False) -> StoredChecklist | None:
    """``lock``: hold the checklist's row until the transaction ends (its answers, counts and state are
    changed by one writer at a time; PostgreSQL only, SQLite's writer holds the file)."""
    row = conn.execute(_BY_ID_LOCKED if lock else _BY_ID, {"cl": checklist_id}).first()
    return None if row is None else StoredChecklist(*row)


def checklists_of_case(conn: Connection, case_id: CaseId) -> list[StoredChecklist]:
    return [StoredChecklist(*row) for row in conn.execute(select(*_CHECKLIST_COLUMNS).where(_CL.c.case_id == case_id))]


def start_checklist(conn: Connection, case_id: CaseId, stage: Stage, fingerprint: str,
                    counts: StageCounts) -> ChecklistId:
    """A new checklist. No answer rows: a point nobody has answered has no version yet."""
    key = conn.execute(insert(_CL).values(
        case_id=case_id, stage=stage.value, catalog_fingerprint=fingerprint, created_at=datetime.now(),
        last_point_id="", n_unreviewed=counts.unreviewed, n_clear=0, n_risk=0, n_na=0,
        n_settled=counts.settled, state="draft")).inserted_primary_key
    assert key is not None
    return ChecklistId(int(key[0]))


def catalog_version(conn: Connection, fingerprint: str) -> str:
    return str(conn.execute(_CATALOG_VERSION, {"fp": fingerprint}).scalar() or "")


def stored_points(conn: Connection, fingerprint: str, stage: Stage) -> list[RiskPoint]:
    """An older catalog's points of one stage, exactly as they were when its checklists were answered."""
    e, p = catalog_entries.c, catalog_points.c
    rows = conn.execute(
        select(e.node_id, e.node_name, p.content_json)
        .join(catalog_points, p.content_hash == e.point_hash)
        .where(e.fingerprint == fingerprint, e.stage == stage.value)
        .order_by(e.position)
    )
    return [point_from_content(json.loads(js), stage, nid, nname) for nid, nname, js in rows]


def last_worked_stage(conn: Connection, case_id: CaseId) -> Stage | None:
    """The stage whose checklist got the latest answer; None when nothing was answered yet."""
    latest = func.max(_V.c.seq)
    row = conn.execute(
        select(_CL.c.stage, latest)
        .join(_V, _V.c.checklist_id == _CL.c.id)
        .where(_CL.c.case_id == case_id)
        .group_by(_CL.c.stage)
        .order_by(latest.desc())
        .limit(1)
    ).first()
    return Stage(row[0]) if row else None


def last_answered_at(conn: Connection, checklist_id: ChecklistId) -> datetime | None:
    value = conn.execute(select(func.max(_V.c.at)).where(_V.c.checklist_id == checklist_id)).scalar()
    return None if value is None else from_stamp(int(value))


def change_mark(conn: Connection, checklist_id: ChecklistId) -> tuple[int, str, str]:
    """What changes whenever anyone changes the checklist: its last answer's place in the audit chain,
    its sign-off state and its catalog (a read of the checklist's own rows: cheap enough on every focus)."""
    last = conn.execute(select(func.max(answer_versions.c.seq)).where(
        answer_versions.c.checklist_id == checklist_id)).scalar()
    row = conn.execute(select(checklists.c.state, checklists.c.catalog_fingerprint)
                       .where(checklists.c.id == checklist_id)).one_or_none()
    return (int(last or 0), *(row if row is not None else ("", "")))


def set_catalog(conn: Connection, checklist_id: ChecklistId, fingerprint: str) -> None:
    conn.execute(update(_CL).where(_CL.c.id == checklist_id).values(catalog_fingerprint=fingerprint))
