"""SQL of the cases table and of the per-stage counts kept on each checklist."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    Connection,
    Row,
    Select,
    String,
    and_,
    bindparam,
    func,
    insert,
    literal_column,
    or_,
    select,
    update,
)

from riskdesk.domain.case_kind import Track
from riskdesk.domain.model import Case, CaseId, CountsRow, Stage, StageCounts
from riskdesk.storage.schema import cases, checklists, departments
from riskdesk.storage.text_match import HasBigrams, contains

CASE_COLUMNS = (cases.c.id, cases.c.case_no, cases.c.cause, cases.c.parties, cases.c.judge, cases.c.created_at,
                cases.c.type_code, cases.c.track, cases.c.origin_case_no, cases.c.filed_on,
                departments.c.name.label("department"))
_CASES = cases.outerjoin(departments, departments.c.id == cases.c.department_id)
_TRACK_OF = {t.value: t for t in Track}


def to_case(row: Row[Any]) -> Case:
    return Case(CaseId(row.id), row.case_no, row.cause, row.parties, row.judge, row.created_at, row.type_code,
                _TRACK_OF.get(row.track or ""), row.origin_case_no, row.filed_on, row.department or "")


def case_id_of(conn: Connection, case_no: str) -> CaseId | None:
    found = conn.execute(select(cases.c.id).where(cases.c.case_no == case_no)).scalar()
    return None if found is None else CaseId(int(found))


def case_by_no(conn: Connection, case_no: str) -> Case | None:
    row = conn.execute(select(*CASE_COLUMNS).select_from(_CASES).where(cases.c.case_no == case_no)).first()
    return None if row is None else to_case(row)


_BY_ID = select(*CASE_COLUMNS).select_from(_CASES).where(cases.c.id == bindparam("case_id"))  # every save reads it


def case_by_id(conn: Connection, case_id: CaseId) -> Case | None:
    row = conn.execute(_BY_ID, {"case_id": case_id}).first()
    return None if row is None else to_case(row)


def cases_by_no(conn: Connection, numbers: list[str]) -> dict[str, Case]:
    """Several cases at once (a case import compares every row of a file with what is stored)."""
    out: dict[str, Case] = {}
    for start in range(0, len(numbers), 500):  # SQLite's bound-parameter limit
        chunk = numbers[start:start + 500]
        for row in conn.execute(select(*CASE_COLUMNS).select_from(_CASES).where(cases.c.case_no.in_(chunk))):
            out[row.case_no] = to_case(row)
    return out


def insert_case(conn: Connection, values: dict[str, object]) -> CaseId:
    key = conn.execute(insert(cases).values(values)).inserted_primary_key
    assert key is not None
    return CaseId(int(key[0]))


def insert_cases(conn: Connection, rows: list[dict[str, object]]) -> list[CaseId]:
    """Many cases in one statement; their ids in the order given."""
    if not rows:
        return []
    stmt = insert(cases).returning(cases.c.id, sort_by_parameter_order=True)
    return [CaseId(int(i)) for i in conn.execute(stmt, rows).scalars()]


def update_case(conn: Connection, case_id: CaseId, values: dict[str, object]) -> None:
    conn.execute(update(cases).where(cases.c.id == case_id).values(values))


def update_cases(conn: Connection, rows: list[dict[str, object]]) -> None:
    """Many cases changed in one statement; each row holds its ``case_id`` and the columns to set."""
    if not rows:
        return
    columns = [k for k in rows[0] if k != "case_id"]
    stmt = update(cases).where(cases.c.id == bindparam("case_id")).values({k: bindparam(k) for k in columns})
    conn.execute(stmt, rows)


def department_id(conn: Connection, name: str) -> int | None:
    found = conn.execute(select(departments.c.id).where(departments.c.name == name)).scalar()
    return None if found is None else int(found)


def add_department(conn: Connection, name: str) -> int:
    key = conn.execute(insert(departments).values(name=name, active=True, created_at=datetime.now())
                       ).inserted_primary_key
    assert key is not None
    return int(key[0])


def department_names(conn: Connection) -> list[str]:
    return [str(n) for n in conn.execute(select(departments.c.name).where(departments.c.active.is_(True))
                                         .order_by(departments.c.name)).scalars()]


RECENT_WINDOW = 1_000  # newest cases a search reads first (see case_search)


def case_search(term: str, limit: int, offset: int, *, recent: int | None = None) -> Select[Any]:
    """Cases whose 案号, 当事人, 案由 or 承办人 contain ``term``, newest first.

    ``recent``: only among the ``recent`` newest cases (none when there are fewer). A term most cases
    have (a 案号 being typed: ``（2023``, ``民初``) fills a page from the newest cases at once, where the
    whole search sorts tens of thousands of matches; if this finds a full page, it is the same page
    (every case outside is older than every one inside), else the caller runs the whole search.
    """
    c = cases.c
    if not term:  # newest first from ix_cases_created: the page's rows, not every case sorted
        return select(*CASE_COLUMNS).select_from(_CASES).order_by(c.created_at.desc(), c.id.desc()) \
            .limit(limit).offset(offset)
    # A term: every case is read once and the matches sorted. The same order, from an expression the index
    # does not serve: walking the index for a rare name visits every case in date order (PostgreSQL's
    # generic plan for a prepared search chooses it: 73 ms over 100,000 cases against ~30 for the scan).
    newest = func.coalesce(c.created_at, c.created_at)
    matches = or_(*(contains(col, term) for col in (c.case_no, c.parties, c.cause, c.judge)))
    if recent is not None:  # from ix_cases_created: the edge of the newest ``recent``, then those only
        edge = select(c.created_at, c.id).order_by(c.created_at.desc(), c.id.desc()).offset(recent - 1).limit(1)
        edge_at = edge.with_only_columns(c.created_at).scalar_subquery()
        edge_id = edge.with_only_columns(c.id).scalar_subquery()
        matches = and_(or_(c.created_at > edge_at, and_(c.created_at == edge_at, c.id >= edge_id)), matches)
    elif len(term) > 1:  # On PostgreSQL the bigram index (migration 0012) first finds the cases that can match.
        space = literal_column("' '", String)  # written out, not a parameter: the index's expression exactly
        searched = c.case_no + space + c.parties + space + c.cause + space + c.judge
        matches = and_(HasBigrams(searched, term), matches)
    return (select(*CASE_COLUMNS).select_from(_CASES).where(matches)
            .order_by(newest.desc(), c.id.desc()).limit(limit).offset(offset))


def counts_by_case(conn: Connection, case_ids: list[CaseId]) -> dict[CaseId, dict[Stage, StageCounts]]:
    """Per-status counts from the totals kept on each checklist (one row per case and stage)."""
    if not case_ids:
        return {}
    c = checklists.c
    stmt = select(c.case_id, c.stage, c.n_unreviewed, c.n_clear, c.n_risk, c.n_na, c.n_settled).where(
        c.case_id.in_(case_ids))
    out: dict[CaseId, dict[Stage, StageCounts]] = {}
    for case_id, stage, *kept in conn.execute(stmt):
        out.setdefault(CaseId(case_id), {})[Stage(stage)] = StageCounts.from_kept(*kept)
    return out


def all_checklist_counts(conn: Connection) -> list[CountsRow]:
    """Every checklist's kept counts, for statistics.

    Skips SQLAlchemy's row processing: for 30,000 checklists it was most of the time spent. The
    rows are plain tuples in CountsRow's field order.
    """
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    cur = dbapi.cursor()
    try:
        cur.execute("SELECT case_id, stage, n_unreviewed, n_clear, n_risk, n_na, n_settled FROM checklists")
        return cast(list[CountsRow], [CountsRow._make(r) for r in cur.fetchall()])
    finally:
        cur.close()
