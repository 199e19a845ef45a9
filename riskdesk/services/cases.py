"""Use cases for cases: create, change, find, and list them with their progress."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from riskdesk.domain.events import EventKind, NewEvent
from riskdesk.domain.model import Case, CaseId, CaseSummary, CountsTable, Stage, StageCounts
from riskdesk.domain.people import Role
from riskdesk.services.case_fields import CaseFields, CaseInput, clean_field, parse_case_no
from riskdesk.services.errors import DuplicateCase, InvalidInput, NotFound
from riskdesk.services.permissions import Action, CaseAction, Policy
from riskdesk.services.session import Session
from riskdesk.storage import access_queries as access
from riskdesk.storage import case_queries as q
from riskdesk.storage.db import Database, serialise
from riskdesk.storage.events import append_event, append_events
from riskdesk.storage.user_queries import user_by_login

__all__ = ["CaseInput", "CaseQuery", "CaseService", "OriginRisk", "clean_field", "parse_case_no"]

# Writers of cases (and of the 庭室 they name) go one at a time: each checks what is stored, then writes.
# On SQLite every writer holds the file anyway; on a server this keeps two users from creating the same
# 案号 or 庭室 at once, or recording a case's old value after someone else changed it.
CASE_WRITERS = "cases"

# Called with the case before and after its 庭室, 执行依据 or 程序 changed: settles or brings back
# unanswered points and moves the case's statistics.
Reshelve = Callable[[Connection, Case, Case], None]
_RESHELVING = frozenset({"origin", "track", "department"})
# (stage, point id, note) of a case's 存在风险 answers (the origin's), read for another case (whose reader sees them).
OpenRisks = Callable[[CaseId, CaseId], list[tuple[Stage, str, str]]]


@dataclass(frozen=True)
class CaseQuery:
    search: str = ""
    limit: int = 200
    offset: int = 0


@dataclass(frozen=True)
class OriginRisk:
    """An open risk of the case this one came from (原审 / 执行依据): a 存在风险 answer and its note."""

    case_no: str
    stage: Stage
    point_id: str
    note: str


@dataclass(frozen=True)
class CaseChanged:
    case: Case
    changed: tuple[str, ...]  # field names (CaseFields.EDITABLE keys)


class CaseService:
    def __init__(self, db: Database, session: Session, reshelve: Reshelve, open_risks: OpenRisks,
                 policy: Policy) -> None:
        self._db = db
        self._session = session
        self._reshelve = reshelve
        self._open_risks = open_risks
        self._policy = policy

    # -- writing -------------------------------------------------------------------------------------
    def create(self, case: CaseInput | str, cause: str = "", parties: str = "", judge: str = "") -> Case:
        """A new case; the 案号 must not exist yet (``case`` may be a bare 案号)."""
        self._policy.require(Action.CREATE_CASES)
        given = case if isinstance(case, CaseInput) else CaseInput(case, cause, parties, judge)
        fields = self._defaults(given).check()
        try:
            with self._db.writing() as conn:
                return self.insert(conn, fields, datetime.now())
        except IntegrityError as exc:  # a second process created it between our check and insert
            raise DuplicateCase(f"案号 {fields.case_no} 已存在，不能重复创建") from exc

    def insert(self, conn: Connection, fields: CaseFields, now: datetime) -> Case:
        """Insert inside the caller's transaction (an import adds thousands in one)."""
        serialise(conn, CASE_WRITERS)
        if q.case_id_of(conn, fields.case_no) is not None:
            raise DuplicateCase(f"案号 {fields.case_no} 已存在，不能重复创建")
        owner, assignee = self._policy.new_case_owner()
        new_id = q.insert_case(conn, _values(fields, now, self._department_id(conn, fields.department), owner))
        if assignee is not None:
            access.assign(conn, [new_id], assignee)
        append_event(conn, NewEvent(EventKind.CASE_CREATED, self._session.actor, case_id=new_id,
                                    new=fields.case_no), now)
        return Case(new_id, fields.case_no, fields.cause, fields.parties, fields.judge, now, fields.type_code,
                    fields.track, fields.origin, fields.filed, fields.department)

    def insert_many(self, conn: Connection, many: builtins.list[CaseFields], now: datetime) -> builtins.list[CaseId]:
        """New cases (the caller has made sure none exists) in the caller's transaction, a statement for all
        of them and one for their record instead of six per case: an import of 10,000 rows."""
        departments = {name: self._department_id(conn, name) for name in {f.department for f in many}}
        owner, assignee = self._policy.new_case_owner()
        ids = q.insert_cases(conn, [_values(f, now, departments[f.department], owner) for f in many])
        if assignee is not None:
            access.assign(conn, ids, assignee)
        append_events(conn, [NewEvent(EventKind.CASE_CREATED, self._session.actor, case_id=case_id, new=f.case_no)
                             for case_id, f in zip(ids, many, strict=True)], now)
        return ids

    def update(self, case_id: CaseId, given: CaseInput) -> CaseChanged:
        """Change a case's fields (not its 案号); every changed field is recorded with its old value."""
        self._policy.check_case(CaseAction.CHANGE, case_id=case_id)
        fields = given.check()
        with self._db.writing() as conn:
            return self.apply(conn, case_id, fields, datetime.now())

    def apply(self, conn: Connection, case_id: CaseId, fields: CaseFields, now: datetime) -> CaseChanged:
        serialise(conn, CASE_WRITERS)  # the old values recorded below are the ones being replaced
        stored = q.case_by_id(conn, case_id)
        if stored is None:
            raise NotFound(f"没有找到编号为 {case_id} 的案件")
        if stored.case_no != fields.case_no:
            raise NotFound(f"案号 {fields.case_no} 与案件 {stored.case_no} 不符")
        before = _fields_of(stored)
        changed = tuple(f for f in CaseFields.EDITABLE if before.shown(f) != fields.shown(f))
        if not changed:
            return CaseChanged(stored, ())
        q.update_case(conn, case_id, _changed_values(fields, now, self._department_id(conn, fields.department)))
        for f in changed:
            append_event(conn, NewEvent(EventKind.CASE_UPDATED, self._session.actor, case_id=case_id,
                                        field=CaseFields.EDITABLE[f], old=before.shown(f), new=fields.shown(f)), now)
        case = q.case_by_id(conn, case_id)
        assert case is not None
        if _RESHELVING & set(changed):
            self._reshelve(conn, stored, case)
        return CaseChanged(case, changed)

    def apply_many(self, conn: Connection, changes: builtins.list[tuple[Case, CaseFields]], now: datetime) -> int:
        """``apply`` for many cases at once (each as stored in this transaction, and its new fields): one
        statement for the cases and one for the record; cases whose 庭室, 原审案号 or 程序 changed are reshelved.
        Returns how many cases changed."""
        departments = {name: self._department_id(conn, name) for name in {f.department for _, f in changes}}
        rows: builtins.list[dict[str, object]] = []
        events: builtins.list[NewEvent] = []
        reshelve: builtins.list[Case] = []
        for stored, fields in changes:
            before = _fields_of(stored)
            changed = [f for f in CaseFields.EDITABLE if before.shown(f) != fields.shown(f)]
            if not changed:
                continue
            rows.append({**_changed_values(fields, now, departments[fields.department]), "case_id": stored.id})
            events += [NewEvent(EventKind.CASE_UPDATED, self._session.actor, case_id=stored.id,
                                field=CaseFields.EDITABLE[f], old=before.shown(f), new=fields.shown(f)) for f in changed]
            if _RESHELVING & set(changed):
                reshelve.append(stored)
        q.update_cases(conn, rows)
        append_events(conn, events, now)
        for old in reshelve:
            case = q.case_by_id(conn, old.id)
            assert case is not None
            self._reshelve(conn, old, case)
        return len(rows)

    def _department_id(self, conn: Connection, name: str) -> int | None:
        if not name:
            return None
        found = q.department_id(conn, name)
        if found is None and self._session.shared:
            raise InvalidInput(f"庭室“{name}”不存在；共享数据库的庭室由信息技术管理员添加")
        # A single seat makes its 庭室 as they are first named.
        return found if found is not None else q.add_department(conn, name)

    def _defaults(self, given: CaseInput) -> CaseInput:
        """On a shared database a new case is in its creator's 庭室, and a judge's own unless named otherwise."""
        account = self._policy.account()
        if account is None:
            return given
        judge = given.judge or ("" if account.role is Role.ASSISTANT else account.name)
        return replace(given, department=given.department or account.department, judge=judge)

    def assign(self, case_id: CaseId, login: str) -> None:
        """Let another account (an assistant, a judge) work on the case; someone who may change it decides."""
        self._policy.check_case(CaseAction.ASSIGN, case_id=case_id)
        with self._db.writing() as conn:
            user = user_by_login(conn, login.strip().lower())
            if user is None or not user.account.active:
                raise NotFound(f"没有登录名为 {login.strip()} 的在用账户")
            access.assign(conn, [case_id], user.account.id)

    def assignees(self, case_id: CaseId) -> builtins.list[str]:
        """The logins assigned to the case besides its owner."""
        self._policy.check_case(CaseAction.READ, case_id=case_id)
        with self._db.reading() as conn:
            return access.assigned_logins(conn, case_id)

    # -- reading -------------------------------------------------------------------------------------
    def get(self, case_no: str) -> Case:
        number = parse_case_no(case_no)
        self._policy.check_case(CaseAction.READ, case_no=number)
        with self._db.reading() as conn:
            found = q.case_by_no(conn, number)
        if found is None:
            raise NotFound(f"没有找到案号为 {number} 的案件")
        return found

    def get_by_id(self, case_id: CaseId) -> Case:
        self._policy.check_case(CaseAction.READ, case_id=case_id)
        with self._db.reading() as conn:
            found = q.case_by_id(conn, case_id)
        if found is None:
            raise NotFound(f"没有找到编号为 {case_id} 的案件")
        return found

    def list(self, query: CaseQuery | None = None) -> list[CaseSummary]:
        """Cases matching the search (案号 / 当事人 / 案由 / 承办人), newest first, with progress."""
        qy = query or CaseQuery()
        term = qy.search.strip()
        readable = access.scope_clause(self._policy.read_scope())  # what the account may read, in SQL

        def page(conn: Connection, recent: int | None = None) -> builtins.list[Case]:
            stmt = q.case_search(term, qy.limit, qy.offset, recent=recent)
            return [q.to_case(row) for row in conn.execute(stmt if readable is None else stmt.where(readable))]

        with self._db.reading() as conn:
            found = page(conn, q.RECENT_WINDOW) if term else []  # a full page there is the page (case_search)
            if len(found) < qy.limit:
                found = page(conn)
            counts = q.counts_by_case(conn, [case.id for case in found])
        return [CaseSummary(case, counts.get(case.id, {})) for case in found]

    def counts(self, case_id: CaseId) -> dict[Stage, StageCounts]:
        self._policy.check_case(CaseAction.READ, case_id=case_id)
        with self._db.reading() as conn:
            return q.counts_by_case(conn, [case_id]).get(case_id, {})

    def all_counts(self) -> CountsTable:
        """Per-status counts of every case (the account may read) and stage in one query, for statistics."""
        self._policy.require(Action.STATISTICS)
        scope = self._policy.read_scope()
        with self._db.reading() as conn:
            if scope.everything:
                return CountsTable(q.all_checklist_counts(conn))
            return CountsTable(access.checklist_counts_in_scope(conn, scope))

    def departments(self) -> builtins.list[str]:
        self._policy.require(Action.LIST_DEPARTMENTS)
        with self._db.reading() as conn:
            return q.department_names(conn)

    def origin_risks(self, case: Case) -> builtins.list[OriginRisk]:
        """The open risks of the case this one came from, if it is in this database.

        They are part of this case's file (what its judgment left open), so whoever may read this case
        sees them, even when the origin case itself belongs to another 庭室.
        """
        self._policy.check_case(CaseAction.READ, case_id=case.id)
        if not case.origin:
            return []
        with self._db.reading() as conn:
            origin_id = q.case_id_of(conn, case.origin)
        if origin_id is None:
            return []
        return [OriginRisk(case.origin, stage, pid, note) for stage, pid, note in self._open_risks(origin_id, case.id)]


def _values(fields: CaseFields, now: datetime, department_id: int | None, owner: int | None) -> dict[str, object]:
    return {"case_no": fields.case_no, "cause": fields.cause, "parties": fields.parties, "judge": fields.judge,
            "owner_user_id": owner, "created_at": now, "updated_at": now, "type_code": fields.type_code,
            "track": fields.track.value if fields.track else None, "origin_case_no": fields.origin,
            "filed_on": fields.filed, "department_id": department_id}


def _changed_values(fields: CaseFields, now: datetime, department_id: int | None) -> dict[str, object]:
    return {"cause": fields.cause, "parties": fields.parties, "judge": fields.judge, "updated_at": now,
            "track": fields.track.value if fields.track else None, "origin_case_no": fields.origin,
            "filed_on": fields.filed, "department_id": department_id}


def _fields_of(case: Case) -> CaseFields:
    return CaseFields(case.case_no, case.type_code, case.cause, case.parties, case.judge, case.origin, case.filed_on,
                      case.department, case.track)
