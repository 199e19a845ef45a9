"""SQL of a stage checklist: find, start, read its answers and points, move it to a newer catalog.

Opening a checklist happens on every case and stage switch, so its statements are built once.
Each function runs inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection, bindparam, func, insert, select, update

from riskdesk.domain.catalog import RiskPoint, point_from_content
from riskdesk.domain.model import CaseId, ChecklistId, Result, Stage
from riskdesk.storage.answer_queries import STATUS_OF
from riskdesk.storage.schema import catalog_entries, catalog_points, catalog_versions, checklists, results

_R, _CL = results, checklists


class StoredChecklist(NamedTuple):
    id: ChecklistId
    case_id: CaseId
    stage: str
    catalog_fingerprint: str
    created_at: datetime
    last_point_id: str


class ActiveRow(NamedTuple):
    """An active answer row, for a catalog upgrade."""

    id: int
    point_id: str
    point_hash: str


_RESULT_COLUMNS = (_R.c.point_id, _R.c.point_hash, _R.c.status, _R.c.note, _R.c.updated_at, _R.c.updated_by,
                   _R.c.revision)
_CHECKLIST_COLUMNS = (_CL.c.id, _CL.c.case_id, _CL.c.stage, _CL.c.catalog_fingerprint, _CL.c.created_at,
                      _CL.c.last_point_id)
_FIND = select(*_CHECKLIST_COLUMNS).where(_CL.c.case_id == bindparam("case"), _CL.c.stage == bindparam("stage"))
_BY_ID = select(*_CHECKLIST_COLUMNS).where(_CL.c.id == bindparam("cl"))
_ACTIVE = select(*_RESULT_COLUMNS).where(_R.c.checklist_id == bindparam("cl"), _R.c.retired_at.is_(None))
_CATALOG_VERSION = select(catalog_versions.c.version).where(catalog_versions.c.fingerprint == bindparam("fp"))
_ANY_RETIRED = select(_R.c.id).where(_R.c.checklist_id == bindparam("cl"), _R.c.retired_at.is_not(None)).limit(1)


def _to_result(row: tuple[str, str, str, str, datetime | None, str, int]) -> Result:
    pid, point_hash, status, note, updated_at, updated_by, revision = row
    return Result(pid, point_hash, STATUS_OF[status], note, updated_at, updated_by, revision)


def find_checklist(conn: Connection, case_id: CaseId, stage: Stage) -> StoredChecklist | None:
    row = conn.execute(_FIND, {"case": case_id, "stage": stage.value}).first()
    return None if row is None else StoredChecklist(*row)


def checklist_by_id(conn: Connection, checklist_id: ChecklistId) -> StoredChecklist | None:
    row = conn.execute(_BY_ID, {"cl": checklist_id}).first()
    return None if row is None else StoredChecklist(*row)


def start_checklist(conn: Connection, case_id: CaseId, stage: Stage, fingerprint: str,
                    points: Iterable[RiskPoint], settled: set[str]) -> ChecklistId:
    """A new checklist with one answer row per point: unreviewed, or settled by case type."""
    rows = list(points)
    n_settled = sum(1 for p in rows if p.id in settled)
    key = conn.execute(insert(_CL).values(
        case_id=case_id, stage=stage.value, catalog_fingerprint=fingerprint, created_at=datetime.now(),
        last_point_id="", n_unreviewed=len(rows) - n_settled, n_clear=0, n_risk=0, n_na=0,
        n_settled=n_settled)).inserted_primary_key
    assert key is not None
    checklist_id = ChecklistId(int(key[0]))
    insert_unanswered(conn, checklist_id, rows, settled)
    return checklist_id


def insert_unanswered(conn: Connection, checklist_id: ChecklistId, points: Iterable[RiskPoint],
                      settled: set[str]) -> None:
    values = [{"checklist_id": checklist_id, "point_id": p.id, "point_hash": p.content_hash,
               "status": "settled" if p.id in settled else "unreviewed", "note": "", "updated_at": None,
               "updated_by": "", "revision": 0, "retired_at": None} for p in points]
    if values:
        conn.execute(insert(_R), values)


def checklists_of_case(conn: Connection, case_id: CaseId) -> list[StoredChecklist]:
    return [StoredChecklist(*row) for row in conn.execute(select(*_CHECKLIST_COLUMNS).where(_CL.c.case_id == case_id))]


def resettle(conn: Connection, checklist_id: ChecklistId, settle: set[str], unsettle: set[str]) -> bool:
    """Set aside (or bring back) points nobody has answered, after the case's kind or 程序 changed.

    A point a person has answered (revision > 0) is never touched. True when anything changed.
    """
    r = _R.c
    changed = 0
    for ids, old, new in ((settle, "unreviewed", "settled"), (unsettle, "settled", "unreviewed")):
        if ids:
            changed += conn.execute(update(_R).where(
                r.checklist_id == checklist_id, r.retired_at.is_(None), r.revision == 0, r.status == old,
                r.point_id.in_(ids)).values(status=new)).rowcount
    return changed > 0


def active_answers(conn: Connection, checklist_id: ChecklistId) -> dict[str, Result]:
    return {row[0]: _to_result(row._tuple()) for row in conn.execute(_ACTIVE, {"cl": checklist_id})}


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


def retired_answers(conn: Connection, checklist_id: ChecklistId, point_ids: set[str]) -> dict[str, Result]:
    """Answers retired by a catalog upgrade, for points not answered since (the latest one per point)."""
    r = _R.c
    if not point_ids or conn.execute(_ANY_RETIRED, {"cl": checklist_id}).first() is None:
        return {}
    rows = conn.execute(
        select(*_RESULT_COLUMNS)
        .where(r.checklist_id == checklist_id, r.retired_at.is_not(None), r.point_id.in_(point_ids), r.revision > 0)
        .order_by(r.retired_at)
    )
    return {row[0]: _to_result(row._tuple()) for row in rows}


def last_worked_stage(conn: Connection, case_id: CaseId) -> Stage | None:
    """The stage whose checklist got the latest answer; None when nothing was answered yet."""
    latest = func.max(_R.c.updated_at)
    row = conn.execute(
        select(_CL.c.stage, latest)
        .join(_R, _R.c.checklist_id == _CL.c.id)
        .where(_CL.c.case_id == case_id, _R.c.updated_at.is_not(None))
        .group_by(_CL.c.stage)
        .order_by(latest.desc())
        .limit(1)
    ).first()
    return Stage(row[0]) if row else None


def active_rows(conn: Connection, checklist_id: ChecklistId) -> list[ActiveRow]:
    r = _R.c
    rows = conn.execute(select(r.id, r.point_id, r.point_hash)
                        .where(r.checklist_id == checklist_id, r.retired_at.is_(None)))
    return [ActiveRow(*row) for row in rows]


def retire_answers(conn: Connection, row_ids: list[int], now: datetime) -> None:
    """Set answers aside (never deleted): they stay readable with their history."""
    if row_ids:
        conn.execute(update(_R).where(_R.c.id.in_(row_ids)).values(retired_at=now))


def set_catalog(conn: Connection, checklist_id: ChecklistId, fingerprint: str) -> None:
    conn.execute(update(_CL).where(_CL.c.id == checklist_id).values(catalog_fingerprint=fingerprint))
