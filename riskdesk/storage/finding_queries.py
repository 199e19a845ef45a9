"""SQL of the 整改台账: findings, their extensions, notes and evidence files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, or_, select, update

from riskdesk.domain.findings import Extension, Finding, FindingState
from riskdesk.domain.model import Severity
from riskdesk.storage.schema import (
    cases,
    checklists,
    departments,
    evidence_files,
    finding_cases,
    finding_extensions,
    finding_notes,
    findings,
)
from riskdesk.storage.text_match import contains

_F = findings.c
_SEVERITY = {s.value: s for s in Severity}
_STATE = {s.value: s for s in FindingState}
_COLUMNS = (_F.id, _F.no, _F.kind, _F.state, _F.description, _F.severity, _F.severity_found, _F.measure,
            departments.c.name.label("department"), _F.owner, _F.supervisor, _F.due, _F.created_at, _F.created_by,
            _F.case_id, cases.c.case_no, checklists.c.stage, _F.point_id, _F.source_note, _F.result, _F.applicant,
            _F.closed_by, _F.closed_at)
_FROM = findings.outerjoin(departments, departments.c.id == _F.department_id).outerjoin(
    cases, cases.c.id == _F.case_id).outerjoin(checklists, checklists.c.id == _F.checklist_id)


@dataclass(frozen=True)
class FindingFilter:
    """Which items a ledger shows. Dates are when an item was made (the period)."""

    states: frozenset[FindingState] = frozenset()
    department: str = ""
    owner: str = ""
    stage: str = ""
    point_id: str = ""
    case_id: int | None = None
    made_from: date | None = None
    made_to: date | None = None
    search: str = ""


def next_no(conn: Connection, year: int) -> str:
    """ZG-<year>-<n>, numbered per year in the order items are made."""
    prefix = f"ZG-{year}-"
    last = conn.execute(select(func.max(_F.no)).where(_F.no.like(prefix + "%"))).scalar()
    n = int(str(last).rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{n:04d}"


def insert_finding(conn: Connection, values: dict[str, Any]) -> int:
    key = conn.execute(insert(findings).values(values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def update_finding(conn: Connection, finding_id: int, values: dict[str, Any]) -> None:
    conn.execute(update(findings).where(_F.id == finding_id).values(values))


def _to_finding(row: Any, extensions: tuple[Extension, ...]) -> Finding:
    return Finding(row.id, row.no, _STATE[row.state], row.description, _SEVERITY[row.severity],
                   _SEVERITY[row.severity_found], row.measure, row.department or "", row.owner, row.supervisor,
                   row.due, row.created_at, row.created_by, row.case_id, row.case_no or "", row.stage or "",
                   row.point_id, row.source_note, row.result, row.applicant, row.closed_by, row.closed_at,
                   row.kind == "systemic", extensions)


def extensions_of(conn: Connection, ids: list[int]) -> dict[int, tuple[Extension, ...]]:
    out: dict[int, list[Extension]] = {}
    x = finding_extensions.c
    for start in range(0, len(ids), 500):
        for fid, new_due, reason, approver, at in conn.execute(
                select(x.finding_id, x.new_due, x.reason, x.approver, x.at)
                .where(x.finding_id.in_(ids[start:start + 500])).order_by(x.id)):
            out.setdefault(fid, []).append(Extension(new_due, reason, approver, at))
    return {k: tuple(v) for k, v in out.items()}


def finding_by_id(conn: Connection, finding_id: int) -> Finding | None:
    row = conn.execute(select(*_COLUMNS).select_from(_FROM).where(_F.id == finding_id)).first()
    if row is None:
        return None
    return _to_finding(row, extensions_of(conn, [finding_id]).get(finding_id, ()))


def lock_finding(conn: Connection, finding_id: int) -> None:
    """Hold the item's row until the transaction ends: its steps are taken one at a time."""
    conn.execute(select(_F.id).where(_F.id == finding_id).with_for_update())


def finding_by_no(conn: Connection, no: str) -> Finding | None:
    found = conn.execute(select(_F.id).where(_F.no == no)).scalar()
    return None if found is None else finding_by_id(conn, int(found))


def list_findings(conn: Connection, f: FindingFilter, limit: int = 100_000) -> list[Finding]:
    conditions: list[Any] = []
    if f.states:
        conditions.append(_F.state.in_([s.value for s in f.states]))
    if f.department:
        conditions.append(departments.c.name == f.department)
    if f.owner:
        conditions.append(_F.owner == f.owner)
    if f.stage:
        conditions.append(checklists.c.stage == f.stage)
    if f.point_id:
        conditions.append(_F.point_id == f.point_id)
    if f.case_id is not None:
        conditions.append(_F.case_id == f.case_id)
    if f.made_from is not None:
        conditions.append(_F.created_at >= datetime.combine(f.made_from, datetime.min.time()))
    if f.made_to is not None:
        conditions.append(_F.created_at <= datetime.combine(f.made_to, datetime.max.time()))
    if f.search:
        conditions.append(or_(*(contains(col, f.search) for col in (_F.no, _F.description, cases.c.case_no, _F.owner))))
    rows = conn.execute(select(*_COLUMNS).select_from(_FROM).where(*conditions).order_by(_F.id).limit(limit))
    found = list(rows)
    ext = extensions_of(conn, [r.id for r in found])
    return [_to_finding(r, ext.get(r.id, ())) for r in found]


def open_finding_for(conn: Connection, checklist_id: int, point_id: str) -> int | None:
    """An item already made from this answer and not closed or dismissed (one per risk)."""
    found = conn.execute(select(_F.id).where(
        _F.checklist_id == checklist_id, _F.point_id == point_id,
        _F.state.not_in([FindingState.CLOSED.value, FindingState.DISMISSED.value]))).scalar()
    return None if found is None else int(found)


def add_extension(conn: Connection, finding_id: int, new_due: date, reason: str, approver: str, at: datetime) -> None:
    conn.execute(insert(finding_extensions).values(finding_id=finding_id, new_due=new_due, reason=reason,
                                                   approver=approver, at=at))


def add_note(conn: Connection, finding_id: int, at: datetime, who: str, kind: str, text: str,
             file: tuple[str, str, int] | None = None) -> None:
    name, sha, size = file or ("", "", 0)
    conn.execute(insert(finding_notes).values(finding_id=finding_id, at=at, who=who, kind=kind, text=text,
                                              file_name=name, sha256=sha, size=size))


def notes_of(conn: Connection, finding_id: int) -> list[tuple[datetime, str, str, str, str, str, int]]:
    n = finding_notes.c
    return [tuple(r) for r in conn.execute(
        select(n.at, n.who, n.kind, n.text, n.file_name, n.sha256, n.size).where(n.finding_id == finding_id)
        .order_by(n.id))]


def store_file(conn: Connection, sha256: str, content: bytes) -> None:
    exists = conn.execute(select(evidence_files.c.sha256).where(evidence_files.c.sha256 == sha256)).first()
    if exists is None:
        conn.execute(insert(evidence_files).values(sha256=sha256, content=content))


def file_content(conn: Connection, sha256: str) -> bytes | None:
    value = conn.execute(select(evidence_files.c.content).where(evidence_files.c.sha256 == sha256)).scalar()
    return None if value is None else bytes(value)


def findings_with_file(conn: Connection, sha256: str) -> list[int]:
    n = finding_notes.c
    return [int(i) for (i,) in conn.execute(select(n.finding_id).where(n.sha256 == sha256).distinct())]


def link_cases(conn: Connection, finding_id: int, case_ids: list[int]) -> None:
    if case_ids:
        conn.execute(insert(finding_cases), [{"finding_id": finding_id, "case_id": c} for c in case_ids])


def linked_cases(conn: Connection, finding_id: int) -> list[str]:
    return [str(n) for n in conn.execute(select(cases.c.case_no).join(
        finding_cases, finding_cases.c.case_id == cases.c.id).where(finding_cases.c.finding_id == finding_id)
        .order_by(cases.c.case_no)).scalars()]


def systemic_exists(conn: Connection, point_id: str, department_id: int | None, since: datetime) -> bool:
    return conn.execute(select(_F.id).where(
        _F.kind == "systemic", _F.point_id == point_id, _F.department_id == department_id,
        _F.created_at >= since)).first() is not None


def systemic_candidates(conn: Connection, since_stamp: int, min_cases: int) -> list[tuple[str, int | None, list[int]]]:
    """(point id, division, cases) where one point was found at risk in ``min_cases`` or more cases of one
    division since then (answer versions marked 存在风险)."""
    from riskdesk.storage.schema import answer_versions, catalog_points

    v = answer_versions.c
    rows = conn.execute(
        select(catalog_points.c.point_id, cases.c.department_id, cases.c.id).distinct()
        .select_from(answer_versions.join(checklists, checklists.c.id == v.checklist_id)
                     .join(cases, cases.c.id == checklists.c.case_id)
                     .join(catalog_points, catalog_points.c.ref == v.point_ref))
        .where(v.status == 2, v.at >= since_stamp))
    grouped: dict[tuple[str, int | None], list[int]] = {}
    for point_id, dept, case_id in rows:
        grouped.setdefault((str(point_id), dept), []).append(int(case_id))
    return [(pid, dept, sorted(ids)) for (pid, dept), ids in sorted(grouped.items(), key=lambda kv: str(kv[0]))
            if len(ids) >= min_cases]


def department_name(conn: Connection, department_id: int | None) -> str:
    if department_id is None:
        return ""
    return str(conn.execute(select(departments.c.name).where(departments.c.id == department_id)).scalar() or "")
