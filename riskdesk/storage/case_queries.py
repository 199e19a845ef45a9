"""SQL of the cases table and of the per-stage counts kept on each checklist."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Row, Select, insert, or_, select

from riskdesk.domain.model import Case, CaseId, CountsRow, Stage, StageCounts
from riskdesk.storage.schema import cases, checklists

CASE_COLUMNS = (cases.c.id, cases.c.case_no, cases.c.cause, cases.c.parties, cases.c.judge, cases.c.created_at)


def to_case(row: Row[tuple[int, str, str, str, str, datetime]]) -> Case:
    return Case(CaseId(row.id), row.case_no, row.cause, row.parties, row.judge, row.created_at)


def case_id_of(conn: Connection, case_no: str) -> CaseId | None:
    found = conn.execute(select(cases.c.id).where(cases.c.case_no == case_no)).scalar()
    return None if found is None else CaseId(int(found))


def case_by_no(conn: Connection, case_no: str) -> Case | None:
    row = conn.execute(select(*CASE_COLUMNS).where(cases.c.case_no == case_no)).first()
    return None if row is None else to_case(row)


def case_by_id(conn: Connection, case_id: CaseId) -> Case | None:
    row = conn.execute(select(*CASE_COLUMNS).where(cases.c.id == case_id)).first()
    return None if row is None else to_case(row)


def insert_case(conn: Connection, values: dict[str, object]) -> CaseId:
    key = conn.execute(insert(cases).values(values)).inserted_primary_key
    assert key is not None
    return CaseId(int(key[0]))


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def case_search(term: str, limit: int, offset: int) -> Select[tuple[int, str, str, str, str, datetime]]:
    """Cases whose 案号, 当事人, 案由 or 承办人 contain ``term``, newest first."""
    c = cases.c
    stmt = select(*CASE_COLUMNS).order_by(c.created_at.desc(), c.id.desc())
    if term:
        like = _like(term)
        stmt = stmt.where(or_(c.case_no.like(like, escape="\\"), c.parties.like(like, escape="\\"),
                              c.cause.like(like, escape="\\"), c.judge.like(like, escape="\\")))
    return stmt.limit(limit).offset(offset)


def counts_by_case(conn: Connection, case_ids: list[CaseId]) -> dict[CaseId, dict[Stage, StageCounts]]:
    """Per-status counts from the totals kept on each checklist (one row per case and stage)."""
    if not case_ids:
        return {}
    c = checklists.c
    stmt = select(c.case_id, c.stage, c.n_unreviewed, c.n_clear, c.n_risk, c.n_na).where(c.case_id.in_(case_ids))
    out: dict[CaseId, dict[Stage, StageCounts]] = {}
    for case_id, stage, unreviewed, clear, risk, na in conn.execute(stmt):
        out.setdefault(CaseId(case_id), {})[Stage(stage)] = StageCounts(
            unreviewed + clear + risk + na, unreviewed, clear, risk, na)
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
        cur.execute("SELECT case_id, stage, n_unreviewed, n_clear, n_risk, n_na FROM checklists")
        return cast(list[CountsRow], [CountsRow._make(r) for r in cur.fetchall()])
    finally:
        cur.close()
