"""SQL of the statistics tables: point tallies kept in step with answers, and the reads a dashboard makes.

Each function runs inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    bindparam,
    case,
    func,
    insert,
    literal,
    select,
    update,
)

from riskdesk.domain.model import CaseId, ChecklistId, Stage, Status
from riskdesk.domain.people import CaseScope
from riskdesk.domain.stats import Period, Tally, month_key
from riskdesk.storage.access_queries import scope_clause
from riskdesk.storage.answer_queries import STATUS_CODE
from riskdesk.storage.schema import (
    answer_versions,
    cases,
    catalog_points,
    checklist_tallies,
    checklists,
    departments,
    findings,
    point_tallies,
)

_T, _CL = point_tallies, checklists
COUNTED = (Status.UNREVIEWED, Status.CLEAR, Status.RISK, Status.NA, Status.SETTLED)
_COLUMNS = tuple(f"n_{st.value}" for st in COUNTED)
RISK_CODE = STATUS_CODE[Status.RISK]


class TallyKey(NamedTuple):
    """Where a checklist's points are counted: the month it was started, its case's 庭室 (0: none), the stage."""

    month: int
    department_id: int
    stage: str

    @classmethod
    def of(cls, started: datetime, department_id: int | None, stage: Stage) -> TallyKey:
        return cls(month_key(started), department_id or 0, stage.value)


_KEY_OF = (select(_CL.c.created_at, cases.c.department_id, _CL.c.stage)
           .join(cases, cases.c.id == _CL.c.case_id).where(_CL.c.id == bindparam("cl")))
_WHERE_KEY = and_(_T.c.month == bindparam("k_month"), _T.c.department_id == bindparam("k_dept"),
                  _T.c.stage == bindparam("k_stage"), _T.c.point_id == bindparam("k_pid"))
_BUMP = update(_T).where(_WHERE_KEY).values(
    {c: _T.c[c] + case((bindparam("new") == c, 1), else_=0) - case((bindparam("old") == c, 1), else_=0)
     for c in _COLUMNS})


def key_of(conn: Connection, checklist_id: ChecklistId) -> TallyKey:
    started, department_id, stage = conn.execute(_KEY_OF, {"cl": checklist_id}).one()
    return TallyKey.of(started, department_id, Stage(stage))


def bump(conn: Connection, key: TallyKey, point_id: str, old: Status, new: Status) -> None:
    """One answer moved from ``old`` to ``new``."""
    if old is new:
        return
    params = {"k_month": key.month, "k_dept": key.department_id, "k_stage": key.stage, "k_pid": point_id,
              "old": f"n_{old.value}", "new": f"n_{new.value}"}
    if conn.execute(_BUMP, params).rowcount == 0:  # a row the tallies never had: counted from here on
        add(conn, {(key, point_id): _delta(old, new)})


def _delta(old: Status, new: Status) -> dict[str, int]:
    out = dict.fromkeys(_COLUMNS, 0)
    out[f"n_{old.value}"] -= 1
    out[f"n_{new.value}"] += 1
    return out


def counts_of(statuses: Mapping[str, Status], sign: int = 1) -> dict[str, dict[str, int]]:
    """Per point id, the columns one checklist adds (``sign`` 1) or takes away (-1)."""
    out: dict[str, dict[str, int]] = {}
    for point_id, status in statuses.items():
        row = dict.fromkeys(_COLUMNS, 0)
        row[f"n_{status.value}"] = sign
        out[point_id] = row
    return out


STATE_MARK = "#"  # a change's "point" of "#approved": the checklist itself, counted by its sign-off state


def add(conn: Connection, changes: Mapping[tuple[TallyKey, str], Mapping[str, int]]) -> None:
    """Add each row's numbers to the stored row of its key and point (made when missing); rows whose
    point is ``#state`` count checklists instead (column ``n``).

    On SQLite an update first, then an insert of what was missing: a key's rows exist after a checklist
    of that month and 庭室 has started, so the insert is rare, and the writer holds the whole file.
    On PostgreSQL two writers can both find a row missing (two checklists of one month and 庭室 started
    at once, each only under its own lock): there, one ``INSERT … ON CONFLICT DO UPDATE`` adds to the
    row whoever made it.
    """
    states = {(k, pid[1:]): int(n.get("n", 0)) for (k, pid), n in changes.items() if pid.startswith(STATE_MARK)}
    changes = {kp: n for kp, n in changes.items() if not kp[1].startswith(STATE_MARK)}
    _add_checklists(conn, {kp: n for kp, n in states.items() if n})
    if not changes:
        return
    if conn.dialect.name == "postgresql":
        _upsert(conn, changes)
        return
    rows = [{"k_month": k.month, "k_dept": k.department_id, "k_stage": k.stage, "k_pid": pid,
             **{f"d_{c}": n.get(c, 0) for c in _COLUMNS}} for (k, pid), n in changes.items()]
    add_stmt = update(_T).where(_WHERE_KEY).values({c: _T.c[c] + bindparam(f"d_{c}") for c in _COLUMNS})
    existing = _existing(conn, {k for k, _ in changes})
    missing = [r for r in rows if (r["k_month"], r["k_dept"], r["k_stage"], r["k_pid"]) not in existing]
    present = [r for r in rows if (r["k_month"], r["k_dept"], r["k_stage"], r["k_pid"]) in existing]
    if present:
        conn.execute(add_stmt, present)
    if missing:
        conn.execute(insert(_T), [{"month": r["k_month"], "department_id": r["k_dept"], "stage": r["k_stage"],
                                   "point_id": r["k_pid"], **{c: r[f"d_{c}"] for c in _COLUMNS}} for r in missing])


_CT = checklist_tallies
_WHERE_STATE = and_(_CT.c.month == bindparam("k_month"), _CT.c.department_id == bindparam("k_dept"),
                    _CT.c.stage == bindparam("k_stage"), _CT.c.state == bindparam("k_state"))


def _add_checklists(conn: Connection, deltas: Mapping[tuple[TallyKey, str], int]) -> None:
    if not deltas:
        return
    if conn.dialect.name == "postgresql":  # two checklists of one month and 庭室 may start at once
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt = pg_insert(_CT)
        stmt = stmt.on_conflict_do_update(
            index_elements=[_CT.c.month, _CT.c.department_id, _CT.c.stage, _CT.c.state],
            set_={"n": _CT.c.n + stmt.excluded.n})
        conn.execute(stmt, [{"month": k.month, "department_id": k.department_id, "stage": k.stage, "state": state,
                             "n": deltas[(k, state)]} for k, state in sorted(deltas)])
        return
    rows = [{"k_month": k.month, "k_dept": k.department_id, "k_stage": k.stage, "k_state": state, "d": n}
            for (k, state), n in deltas.items()]
    stored = {(r.month, r.department_id, r.stage, r.state) for r in conn.execute(
        select(_CT.c.month, _CT.c.department_id, _CT.c.stage, _CT.c.state)
        .where(_CT.c.month.in_(sorted({k.month for k, _ in deltas}))))}
    present = [r for r in rows if (r["k_month"], r["k_dept"], r["k_stage"], r["k_state"]) in stored]
    missing = [r for r in rows if (r["k_month"], r["k_dept"], r["k_stage"], r["k_state"]) not in stored]
    if present:
        conn.execute(update(_CT).where(_WHERE_STATE).values(n=_CT.c.n + bindparam("d")), present)
    if missing:
        conn.execute(insert(_CT), [{"month": r["k_month"], "department_id": r["k_dept"], "stage": r["k_stage"],
                                    "state": r["k_state"], "n": r["d"]} for r in missing])


def _upsert(conn: Connection, changes: Mapping[tuple[TallyKey, str], Mapping[str, int]]) -> None:
    from sqlalchemy.dialects.postgresql import insert as pg_insert  # not loaded on an SQLite start

    stmt = pg_insert(_T)
    stmt = stmt.on_conflict_do_update(index_elements=[_T.c.month, _T.c.department_id, _T.c.stage, _T.c.point_id],
                                      set_={c: _T.c[c] + stmt.excluded[c] for c in _COLUMNS})
    # In key order: two writers adding to the same rows lock them in the same order (no deadlock).
    rows = [{"month": k.month, "department_id": k.department_id, "stage": k.stage, "point_id": pid,
             **{c: changes[(k, pid)].get(c, 0) for c in _COLUMNS}} for k, pid in sorted(changes)]
    conn.execute(stmt, rows)


def _existing(conn: Connection, keys: set[TallyKey]) -> set[tuple[int, int, str, str]]:
    out: set[tuple[int, int, str, str]] = set()
    for k in keys:
        rows = conn.execute(select(_T.c.point_id).where(_T.c.month == k.month, _T.c.department_id == k.department_id,
                                                        _T.c.stage == k.stage))
        out |= {(k.month, k.department_id, k.stage, pid) for (pid,) in rows}
    return out


def zero_all(conn: Connection) -> None:
    """Every tally to 0 before a recount. Not a DELETE: on a server the application role may not delete
    (README 多人共用), and a row of zeros counts nothing (a case moved to another 庭室 leaves them too)."""
    conn.execute(update(_T).values(dict.fromkeys(_COLUMNS, 0)))
    conn.execute(update(_CT).values(n=0))


def all_checklists(conn: Connection) -> list[tuple[ChecklistId, CaseId]]:
    return [(ChecklistId(i), CaseId(c)) for i, c in conn.execute(select(_CL.c.id, _CL.c.case_id).order_by(_CL.c.id))]


# -- reading -------------------------------------------------------------------------------------------


class Filter(NamedTuple):
    """What a figure counts: a period, and optionally one 庭室 or a given set of cases."""

    period: Period
    department_id: int | None = None  # None: the whole court
    cases_of: CaseScope | None = None  # only the cases a person may read (their own); None: no limit

    def where_cases(self) -> ColumnElement[bool] | None:
        return None if self.cases_of is None else scope_clause(self.cases_of)


def _tally_of(row: Any, checklists_n: int = 0) -> Tally:
    return Tally(checklists_n, *(int(getattr(row, c) or 0) for c in _COLUMNS))


def point_rows(conn: Connection, f: Filter, group: str) -> list[tuple[str, Tally]]:
    """Summed tallies grouped by ``stage``, ``point_id``, ``department_id`` or ``month``."""
    column = _T.c[group]
    stmt: Select[Any] = (select(column.label("k"), *(func.sum(_T.c[c]).label(c) for c in _COLUMNS))
                         .where(_T.c.month.between(f.period.first_month, f.period.last_month)).group_by(column))
    if f.department_id is not None:
        stmt = stmt.where(_T.c.department_id == f.department_id)
    return [(str(row.k), _tally_of(row)) for row in conn.execute(stmt)]


def _in_period(f: Filter) -> ColumnElement[bool]:
    first = datetime.combine(f.period.first, datetime.min.time())
    last = datetime.combine(f.period.last, datetime.max.time())
    clause: ColumnElement[bool] = _CL.c.created_at.between(first, last)
    if f.department_id is not None:
        clause = and_(clause, cases.c.department_id == f.department_id)
    return clause


def checklist_rows(conn: Connection, f: Filter, group: str) -> list[tuple[str, Tally, int, int]]:
    """Checklists started in the period, grouped by ``stage``, ``department``, ``month`` or ``person`` (承办人):
    (key, summed kept counts with the number of checklists, submitted, approved)."""
    key: ColumnElement[Any]
    if group == "stage":
        key = _CL.c.stage
    elif group == "department":
        key = func.coalesce(cases.c.department_id, literal(0))
    elif group == "person":
        key = cases.c.judge
    else:
        key = func.extract("year", _CL.c.created_at) * 100 + func.extract("month", _CL.c.created_at)
    submitted = func.sum(case((_CL.c.state.in_(("submitted", "approved")), 1), else_=0))
    approved = func.sum(case((_CL.c.state == "approved", 1), else_=0))
    stmt = (select(key.label("k"), func.count().label("n"), submitted.label("sub"), approved.label("appr"),
                   *(func.sum(_CL.c[c]).label(c) for c in _COLUMNS))
            .select_from(_CL.join(cases, cases.c.id == _CL.c.case_id)).where(_in_period(f)).group_by(key))
    if (clause := f.where_cases()) is not None:
        stmt = stmt.where(clause)
    return [(str(row.k) if group in ("stage", "person") else str(int(row.k)), _tally_of(row, int(row.n)),
             int(row.sub or 0), int(row.appr or 0)) for row in conn.execute(stmt)]


class ChecklistCell(NamedTuple):
    """Checklists started in one month, for one 庭室 (0: none) and stage."""

    stage: str
    department_id: int
    month: int
    checklists: int
    submitted: int
    approved: int


def checklist_cells(conn: Connection, f: Filter) -> list[ChecklistCell]:
    """The period's checklists counted by stage, 庭室 and month at once: one pass over them serves
    every breakdown of a dashboard. From the kept tallies, unless the figure is of given cases."""
    if f.cases_of is None:
        return _kept_cells(conn, f)
    month = func.extract("year", _CL.c.created_at) * 100 + func.extract("month", _CL.c.created_at)
    department = func.coalesce(cases.c.department_id, literal(0))
    submitted = func.sum(case((_CL.c.state.in_(("submitted", "approved")), 1), else_=0))
    approved = func.sum(case((_CL.c.state == "approved", 1), else_=0))
    stmt = (select(_CL.c.stage, department.label("d"), month.label("m"), func.count().label("n"),
                   submitted.label("sub"), approved.label("appr"))
            .select_from(_CL.join(cases, cases.c.id == _CL.c.case_id)).where(_in_period(f))
            .group_by(_CL.c.stage, department, month))
    if (clause := f.where_cases()) is not None:
        stmt = stmt.where(clause)
    return [ChecklistCell(str(r.stage), int(r.d), int(r.m), int(r.n), int(r.sub or 0), int(r.appr or 0))
            for r in conn.execute(stmt)]


def _kept_cells(conn: Connection, f: Filter) -> list[ChecklistCell]:
    stmt = (select(_CT.c.stage, _CT.c.department_id, _CT.c.month, _CT.c.state, _CT.c.n)
            .where(_CT.c.month.between(f.period.first_month, f.period.last_month), _CT.c.n != 0))
    if f.department_id is not None:
        stmt = stmt.where(_CT.c.department_id == f.department_id)
    cells: dict[tuple[str, int, int], list[int]] = {}
    for r in conn.execute(stmt):
        cell = cells.setdefault((str(r.stage), int(r.department_id), int(r.month)), [0, 0, 0])
        cell[0] += int(r.n)
        cell[1] += int(r.n) if r.state in ("submitted", "approved") else 0
        cell[2] += int(r.n) if r.state == "approved" else 0
    return [ChecklistCell(stage, dept, month, *counts) for (stage, dept, month), counts in sorted(cells.items())]


def point_rows_by_stage(conn: Connection, f: Filter) -> list[tuple[str, str, Tally]]:
    """Summed tallies per (stage, point): the stage, node and point breakdowns from one read."""
    stmt: Select[Any] = (select(_T.c.stage, _T.c.point_id, *(func.sum(_T.c[c]).label(c) for c in _COLUMNS))
                         .where(_T.c.month.between(f.period.first_month, f.period.last_month))
                         .group_by(_T.c.stage, _T.c.point_id))
    if f.department_id is not None:
        stmt = stmt.where(_T.c.department_id == f.department_id)
    return [(str(row.stage), str(row.point_id), _tally_of(row)) for row in conn.execute(stmt)]


def checklists_in(conn: Connection, f: Filter) -> list[tuple[ChecklistId, CaseId]]:
    """The checklists a figure counts (for a scope the tallies do not cover: one person's cases)."""
    stmt = (select(_CL.c.id, _CL.c.case_id).select_from(_CL.join(cases, cases.c.id == _CL.c.case_id))
            .where(_in_period(f)).order_by(_CL.c.id))
    if (clause := f.where_cases()) is not None:
        stmt = stmt.where(clause)
    return [(ChecklistId(i), CaseId(c)) for i, c in conn.execute(stmt)]


def point_refs(conn: Connection, point_ids: list[str]) -> list[int]:
    """The content refs a point has had (one per wording it was answered against)."""
    if not point_ids:
        return []
    rows = conn.execute(select(catalog_points.c.ref).where(catalog_points.c.point_id.in_(point_ids),
                                                           catalog_points.c.ref.is_not(None)))
    return [int(r) for (r,) in rows]


def first_started(conn: Connection) -> datetime | None:
    """When the first checklist was started (None in an empty database)."""
    value: datetime | None = conn.execute(select(func.min(_CL.c.created_at))).scalar()
    return value


def department_names(conn: Connection) -> dict[int, str]:
    return {int(i): n for i, n in conn.execute(select(departments.c.id, departments.c.name))}


def department_id(conn: Connection, name: str) -> int | None:
    found = conn.execute(select(departments.c.id).where(departments.c.name == name)).scalar()
    return None if found is None else int(found)


class FindingRow(NamedTuple):
    state: str
    created_at: datetime
    closed_at: datetime | None
    due: date


def finding_rows(conn: Connection, f: Filter) -> list[FindingRow]:
    """The 整改 items opened in the period (in the 庭室, or of the given cases)."""
    first = datetime.combine(f.period.first, datetime.min.time())
    last = datetime.combine(f.period.last, datetime.max.time())
    stmt = (select(findings.c.state, findings.c.created_at, findings.c.closed_at, findings.c.due)
            .where(findings.c.created_at.between(first, last)))
    if f.department_id is not None:
        stmt = stmt.where(findings.c.department_id == f.department_id)
    if (clause := f.where_cases()) is not None:
        stmt = stmt.where(findings.c.case_id.in_(select(cases.c.id).where(clause)))
    return [FindingRow(*row) for row in conn.execute(stmt)]


def risk_cases(conn: Connection, f: Filter, stage: str | None, point_refs: Iterable[int] | None,
               limit: int, *, judge: str | None = None) -> list[tuple[CaseId, str]]:
    """Cases behind a bar, newest first: a checklist of the period (and stage) whose answer is 存在风险 —
    to one of the points (by their content refs) when given, to any point otherwise."""
    stmt = (select(cases.c.id, cases.c.case_no).select_from(_CL.join(cases, cases.c.id == _CL.c.case_id))
            .where(_in_period(f)).order_by(_CL.c.created_at.desc(), _CL.c.id.desc()).limit(limit))
    if stage is not None:
        stmt = stmt.where(_CL.c.stage == stage)
    if judge is not None:
        stmt = stmt.where(cases.c.judge == judge)
    if (clause := f.where_cases()) is not None:
        stmt = stmt.where(clause)
    if point_refs is None:
        stmt = stmt.where(_CL.c.n_risk > 0)
    else:
        v, newer = answer_versions.alias("v"), answer_versions.alias("newer")
        newest = ~select(newer.c.rev).where(newer.c.checklist_id == v.c.checklist_id,
                                            newer.c.point_ref == v.c.point_ref, newer.c.rev > v.c.rev).exists()
        stmt = stmt.where(select(v.c.rev).where(v.c.checklist_id == _CL.c.id, v.c.point_ref.in_(sorted(point_refs)),
                                                v.c.status == RISK_CODE, newest).exists())
    seen: dict[CaseId, str] = {}
    for i, no in conn.execute(stmt):
        seen.setdefault(CaseId(int(i)), str(no))
    return list(seen.items())
