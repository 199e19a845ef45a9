"""SQL of who may see a case: a CaseScope as a WHERE clause, case assignments, counts within a scope.

The same clause filters case lists and statistics and decides a single case's access, so what a
person may open and what their lists show never disagree.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import ColumnElement, Connection, and_, case, delete, false, insert, or_, select, true, update

from riskdesk.domain.model import CaseId, CountsRow
from riskdesk.domain.people import CaseScope
from riskdesk.storage.schema import case_assignments, cases, checklists, users

_C, _A = cases.c, case_assignments.c


def scope_clause(scope: CaseScope) -> ColumnElement[bool] | None:
    """A condition on ``cases`` for the cases in ``scope``; None when the scope is every case."""
    if scope.everything:
        return None
    parts: list[ColumnElement[bool]] = []
    if scope.user_id is not None:
        parts.append(_C.owner_user_id == scope.user_id)
        parts.append(_C.id.in_(select(_A.case_id).where(_A.user_id == scope.user_id)))
        if scope.name:  # cases from before accounts: their 承办人 text names the judge
            parts.append(and_(_C.owner_user_id.is_(None), _C.judge == scope.name))
    if scope.department_id is not None:
        parts.append(_C.department_id == scope.department_id)
    return or_(*parts) if parts else false()


def case_access(conn: Connection, scope: CaseScope, *, case_id: int | None = None, case_no: str | None = None,
                checklist_id: int | None = None) -> tuple[str, bool] | None:
    """(案号, whether the case is in ``scope``) of the case named by id, 案号 or one of its checklists;
    None when there is no such case."""
    clause = scope_clause(scope)
    allowed = case((clause, True), else_=False) if clause is not None else true()
    stmt = select(_C.case_no, allowed)
    if checklist_id is not None:
        stmt = stmt.select_from(cases.join(checklists, checklists.c.case_id == _C.id)).where(
            checklists.c.id == checklist_id)
    elif case_id is not None:
        stmt = stmt.where(_C.id == case_id)
    else:
        stmt = stmt.where(_C.case_no == case_no)
    row = conn.execute(stmt).first()
    return None if row is None else (str(row[0]), bool(row[1]))


def case_ids_in_scope(conn: Connection, scope: CaseScope, case_ids: list[CaseId]) -> set[CaseId]:
    """Which of ``case_ids`` are in ``scope`` (a case import checks every row it would change)."""
    clause = scope_clause(scope)
    found: set[CaseId] = set()
    for start in range(0, len(case_ids), 500):  # SQLite's bound-parameter limit
        stmt = select(_C.id).where(_C.id.in_(case_ids[start:start + 500]))
        found.update(CaseId(int(i)) for i in conn.execute(stmt if clause is None else stmt.where(clause)).scalars())
    return found


def checklist_counts_in_scope(conn: Connection, scope: CaseScope) -> list[CountsRow]:
    """The kept counts of every checklist of the cases in ``scope`` (statistics of what one may read)."""
    c = checklists.c
    stmt = select(c.case_id, c.stage, c.n_unreviewed, c.n_clear, c.n_risk, c.n_na, c.n_settled)
    clause = scope_clause(scope)
    if clause is not None:
        stmt = stmt.join(cases, _C.id == c.case_id).where(clause)
    return cast(list[CountsRow], [CountsRow._make(r) for r in conn.execute(stmt).tuples()])


def set_owner(conn: Connection, case_ids: list[CaseId], user_id: int) -> None:
    for start in range(0, len(case_ids), 500):
        conn.execute(update(cases).where(_C.id.in_(case_ids[start:start + 500])).values(owner_user_id=user_id))


def assign(conn: Connection, case_ids: list[CaseId], user_id: int) -> None:
    """Add ``user_id`` to the people working on each case (those already assigned are left as they are)."""
    for start in range(0, len(case_ids), 500):
        chunk = case_ids[start:start + 500]
        have = set(conn.execute(select(_A.case_id).where(_A.user_id == user_id, _A.case_id.in_(chunk))).scalars())
        rows = [{"case_id": i, "user_id": user_id} for i in chunk if i not in have]
        if rows:
            conn.execute(insert(case_assignments), rows)


def unassign(conn: Connection, case_id: CaseId, user_id: int) -> bool:
    return bool(conn.execute(delete(case_assignments).where(_A.case_id == case_id, _A.user_id == user_id)).rowcount)


def assigned_logins(conn: Connection, case_id: CaseId) -> list[str]:
    rows = conn.execute(select(users.c.login).join(case_assignments, _A.user_id == users.c.id)
                        .where(_A.case_id == case_id).order_by(users.c.login))
    return [str(login) for login in rows.scalars()]


def owner_of(conn: Connection, case_id: CaseId) -> int | None:
    found = conn.execute(select(_C.owner_user_id).where(_C.id == case_id)).scalar()
    return None if found is None else int(found)
