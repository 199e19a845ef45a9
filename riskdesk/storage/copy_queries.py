"""SQL of moving cases from one database into another (services.db_copy): read a source, write a target.

Dialect-neutral Core only: rows are inserted without their primary keys (the target numbers them; the
ids are read back with RETURNING in parameter order) and every id a row refers to is mapped. Lists of
ids are sent in chunks of 500 (SQLite's bound-parameter limit). Each function runs in the caller's
transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, insert, select, update

from riskdesk.domain.people import Role
from riskdesk.storage.schema import (
    answer_versions,
    case_assignments,
    cases,
    catalog_entries,
    catalog_points,
    catalog_versions,
    checklists,
    departments,
    events,
    evidence_files,
    finding_extensions,
    finding_notes,
    findings,
    people,
    users,
)

Row = dict[str, Any]
# A point's current answer, by stage and the content hash of the point answered: (status code, note).
Answers = dict[tuple[str, str], tuple[int, str]]
_CHUNK = 500
# Accounts a case goes to when their 姓名 is its 承办人 (an assistant is assigned, not an owner).
OWNER_ROLES = (Role.JUDGE.value, Role.DIVISION_HEAD.value)


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _rows(conn: Connection, stmt: Any, shared: tuple[str, ...] = ()) -> list[Row]:
    """The rows as dicts; the values of the ``shared`` columns, which repeat from row to row (a point's
    hash, an author's name), kept once each instead of once per row (a third of a move's memory)."""
    rows = [dict(r) for r in conn.execute(stmt).mappings()]
    if shared:
        seen: dict[Any, Any] = {}
        for row in rows:
            for key in shared:
                row[key] = seen.setdefault(row[key], row[key])
    return rows


def _rows_in(conn: Connection, table: Table, column: str, ids: Iterable[Any]) -> list[Row]:
    out: list[Row] = []
    for chunk in _chunks(sorted(set(ids))):
        out += _rows(conn, select(table).where(table.c[column].in_(chunk)))
    return out


@dataclass
class Snapshot:
    """What a source database holds that a move may copy (read in one transaction)."""

    cases: list[Row]  # with ``department`` (the 庭室's name)
    checklists: list[Row]
    versions: list[Row]  # with ``point_hash``, ``point_id`` and the author's ``actor``, ``actor_login``, ``actor_role``
    events: list[Row]  # those about a case or a 整改项
    findings: list[Row]
    extensions: list[Row]
    notes: list[Row]
    other: dict[str, int] = field(default_factory=dict)  # rows of tables a move does not copy, by table


def snapshot(conn: Connection) -> Snapshot:
    d = departments.c
    case_rows = _rows(conn, select(cases, d.name.label("department"))
                      .select_from(cases.outerjoin(departments, d.id == cases.c.department_id)).order_by(cases.c.id))
    v, p = answer_versions.c, people.c
    versions = _rows(conn, select(answer_versions, catalog_points.c.content_hash.label("point_hash"),
                                  catalog_points.c.point_id,
                                  p.name.label("actor"), p.login.label("actor_login"), p.role.label("actor_role"))
                     .select_from(answer_versions.join(people, p.id == v.actor_id)
                                  .join(catalog_points, catalog_points.c.ref == v.point_ref)).order_by(v.seq),
                     shared=("point_hash", "point_id", "actor", "actor_login", "actor_role"))
    e = events.c
    about_cases = _rows(conn, select(events).where((e.case_id.is_not(None)) | (e.finding_id.is_not(None)))
                        .order_by(e.seq))
    f = findings.c
    return Snapshot(
        cases=case_rows,
        checklists=_rows(conn, select(checklists).order_by(checklists.c.id)),
        versions=versions,
        events=about_cases,
        findings=_rows(conn, select(findings, d.name.label("department"))
                       .select_from(findings.outerjoin(departments, d.id == f.department_id)).order_by(f.id)),
        extensions=_rows(conn, select(finding_extensions).order_by(finding_extensions.c.id)),
        notes=_rows(conn, select(finding_notes).order_by(finding_notes.c.id)),
        other={"users": _count(conn, users), "case_assignments": _count(conn, case_assignments),
               "events_without_case": _count(conn, events) - len(about_cases)},
    )


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def case_ids_by_no(conn: Connection, numbers: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for chunk in _chunks(numbers):
        out.update({str(no): int(i) for no, i in conn.execute(select(cases.c.case_no, cases.c.id)
                                                              .where(cases.c.case_no.in_(chunk)))})
    return out


def current_answers(conn: Connection, case_ids: list[int]) -> dict[int, Answers]:
    """Each case's answers as they stand (the newest version of every point content it was answered on).

    A version that says unreviewed with no note is the same as no answer, and is left out.
    """
    v, cl = answer_versions.c, checklists.c
    out: dict[int, Answers] = {i: {} for i in case_ids}
    for chunk in _chunks(case_ids):
        rows = conn.execute(select(cl.case_id, cl.stage, catalog_points.c.content_hash, v.status, v.note)
                            .select_from(answer_versions.join(checklists, cl.id == v.checklist_id)
                                         .join(catalog_points, catalog_points.c.ref == v.point_ref))
                            .where(cl.case_id.in_(chunk)).order_by(v.checklist_id, v.point_ref, v.rev))
        for case_id, stage, point_hash, status, note in rows:
            out[int(case_id)][(str(stage), str(point_hash))] = (int(status), str(note))
    return {i: {k: a for k, a in answers.items() if a != (0, "")} for i, answers in out.items()}


def point_ids(conn: Connection, hashes: Iterable[str]) -> dict[str, str]:
    """Content hash → point id (to name a point without showing its answer)."""
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(set(hashes))):
        out.update({str(h): str(pid) for h, pid in conn.execute(
            select(catalog_points.c.content_hash, catalog_points.c.point_id)
            .where(catalog_points.c.content_hash.in_(chunk)))})
    return out


def department_ids(conn: Connection) -> dict[str, int]:
    return {str(n): int(i) for i, n in conn.execute(select(departments.c.id, departments.c.name))}


def owner_accounts(conn: Connection) -> dict[str, list[tuple[int, str]]]:
    """姓名 → [(user id, login)] of the active accounts that own the cases they handle."""
    u = users.c
    out: dict[str, list[tuple[int, str]]] = {}
    for uid, login, name in conn.execute(select(u.id, u.login, u.name)
                                         .where(u.active.is_(True), u.role.in_(OWNER_ROLES)).order_by(u.login)):
        out.setdefault(str(name), []).append((int(uid), str(login)))
    return out


# -- the catalog ---------------------------------------------------------------------------------------


def catalog_rows(conn: Connection, fingerprints: set[str], hashes: set[str]) -> tuple[list[Row], list[Row], list[Row]]:
    """(versions, entries, points) a set of checklists and answers was made against."""
    versions = _rows_in(conn, catalog_versions, "fingerprint", fingerprints)
    entries = _rows_in(conn, catalog_entries, "fingerprint", fingerprints)
    wanted = hashes | {str(e["point_hash"]) for e in entries}
    return versions, entries, _rows_in(conn, catalog_points, "content_hash", wanted)


def ensure_catalog(conn: Connection, versions: list[Row], entries: list[Row], points: list[Row]) -> dict[str, int]:
    """Record the catalog versions and point contents the target lacks; content hash → the target's ref.

    A point content the target already has keeps its ref there; a new one gets the next free number.
    """
    hashes = [str(p["content_hash"]) for p in points]
    refs = refs_by_hash(conn, hashes)
    next_ref = int(conn.execute(select(func.coalesce(func.max(catalog_points.c.ref), 0))).scalar_one()) + 1
    new_points = []
    for p in points:
        if p["content_hash"] not in refs:
            refs[p["content_hash"]] = next_ref
            new_points.append({**p, "ref": next_ref})
            next_ref += 1
    if new_points:
        conn.execute(insert(catalog_points), new_points)
    known = {str(r["fingerprint"]) for r in _rows_in(conn, catalog_versions, "fingerprint",
                                                     [v["fingerprint"] for v in versions])}
    fresh = [v for v in versions if v["fingerprint"] not in known]
    if fresh:
        conn.execute(insert(catalog_versions), fresh)
        fps = {v["fingerprint"] for v in fresh}
        conn.execute(insert(catalog_entries), [e for e in entries if e["fingerprint"] in fps])
    return refs


def refs_by_hash(conn: Connection, hashes: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for chunk in _chunks(sorted(set(hashes))):
        out.update({str(h): int(r) for h, r in conn.execute(select(catalog_points.c.content_hash, catalog_points.c.ref)
                                                           .where(catalog_points.c.content_hash.in_(chunk)))})
    return out


# -- writing -------------------------------------------------------------------------------------------


def insert_rows(conn: Connection, table: Table, rows: list[Row]) -> list[int]:
    """Insert rows without their ids; the ids the target gave them, in the order given."""
    if not rows:
        return []
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [int(i) for i in conn.execute(stmt, rows).scalars()]


def insert_plain(conn: Connection, table: Table, rows: list[Row]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def person_ids(conn: Connection, authors: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], int]:
    """(name, login, role) → the target's number for that author (made when missing)."""
    p = people.c
    out: dict[tuple[str, str, str], int] = {}
    for key in sorted(set(authors)):
        name, login, role = key
        found = conn.execute(select(p.id).where(p.name == name, p.login == login, p.role == role)).scalar()
        if found is None:
            found = conn.execute(insert(people).values(name=name, login=login, role=role)).inserted_primary_key[0]  # type: ignore[index]
        out[key] = int(found)
    return out


def missing_files(conn: Connection, shas: Iterable[str]) -> set[str]:
    wanted = sorted({s for s in shas if s})
    have: set[str] = set()
    for chunk in _chunks(wanted):
        have |= {str(s) for s in conn.execute(select(evidence_files.c.sha256)
                                              .where(evidence_files.c.sha256.in_(chunk))).scalars()}
    return set(wanted) - have


def file_rows(conn: Connection, shas: Iterable[str]) -> list[Row]:
    return _rows_in(conn, evidence_files, "sha256", shas)


def set_counts_many(conn: Connection, rows: list[Row]) -> None:
    """The kept per-status counts of many checklists in one statement (each row: ``cl`` and the ``n_*`` columns)."""
    if rows:
        columns = [k for k in rows[0] if k != "cl"]
        conn.execute(update(checklists).where(checklists.c.id == bindparam("cl"))
                     .values({k: bindparam(k) for k in columns}), rows)
