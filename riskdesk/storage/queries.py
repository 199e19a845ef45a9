"""Queries too hot for ORM rows: plain tuples straight from the SQLite cursor."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Connection


def all_checklist_counts(s: Connection) -> list[tuple[int, str, int, int, int, int]]:
    """(case_id, stage, unreviewed, clear, risk, na) for every checklist, from the kept counts.

    Skips SQLAlchemy's row processing: for 30,000 checklists it was most of the time spent.
    """
    dbapi = s.connection.dbapi_connection
    assert dbapi is not None
    cur = dbapi.cursor()
    try:
        cur.execute("SELECT case_id, stage, n_unreviewed, n_clear, n_risk, n_na FROM checklists")
        return cast(list[tuple[int, str, int, int, int, int]], cur.fetchall())
    finally:
        cur.close()
