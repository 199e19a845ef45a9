"""Use cases for cases: create, find, list with progress, and settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Row, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from riskdesk.domain.case_number import CaseNumber, CaseNumberError
from riskdesk.domain.model import MAX_FIELD_LENGTH, Case, CaseSummary, CountsTable, Stage, StageCounts
from riskdesk.services.errors import DuplicateCase, InvalidInput, NotFound
from riskdesk.storage.db import Database
from riskdesk.storage.queries import all_checklist_counts
from riskdesk.storage.schema import cases, checklists, settings

SETTING_KEYS = {"court": "法院名称", "reviewer": "承办人"}


_CASE_COLUMNS = (cases.c.id, cases.c.case_no, cases.c.cause, cases.c.parties, cases.c.judge, cases.c.created_at)


def to_case(row: Row[tuple[int, str, str, str, str, datetime]]) -> Case:
    return Case(row.id, row.case_no, row.cause, row.parties, row.judge, row.created_at)


def clean_field(value: str | None, label: str) -> str:
    text = (value or "").strip()
    if "\x00" in text:
        raise InvalidInput(f"{label}含有无效字符（NUL），请重新输入")
    if len(text) > MAX_FIELD_LENGTH:
        raise InvalidInput(f"{label}过长（{len(text)} 个字符），最多 {MAX_FIELD_LENGTH} 个字符")
    return text


def parse_case_no(text: str) -> str:
    try:
        return str(CaseNumber.parse(text, max_year=datetime.now().year + 1))
    except CaseNumberError as exc:
        raise InvalidInput(f"案号有误：{exc}") from exc


@dataclass(frozen=True)
class CaseQuery:
    search: str = ""
    limit: int = 200
    offset: int = 0


class CaseService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(self, case_no: str, cause: str = "", parties: str = "", judge: str = "") -> Case:
        number = parse_case_no(case_no)
        now = datetime.now()
        cause, parties, judge = clean_field(cause, "案由"), clean_field(parties, "当事人"), clean_field(judge, "承办人")
        values = {"case_no": number, "cause": cause, "parties": parties, "judge": judge, "created_at": now,
                  "updated_at": now}
        try:
            with self._db.writing() as conn:
                if conn.execute(select(cases.c.id).where(cases.c.case_no == number)).first() is not None:
                    raise DuplicateCase(f"案号 {number} 已存在，不能重复创建")
                key = conn.execute(insert(cases).values(values)).inserted_primary_key
                assert key is not None
                new_id = int(key[0])
        except IntegrityError as exc:  # a second process created it between our check and insert
            raise DuplicateCase(f"案号 {number} 已存在，不能重复创建") from exc
        return Case(new_id, number, cause, parties, judge, now)

    def get(self, case_no: str) -> Case:
        number = parse_case_no(case_no)
        with self._db.reading() as conn:
            row = conn.execute(select(*_CASE_COLUMNS).where(cases.c.case_no == number)).first()
        if row is None:
            raise NotFound(f"没有找到案号为 {number} 的案件")
        return to_case(row)

    def get_by_id(self, case_id: int) -> Case:
        with self._db.reading() as conn:
            row = conn.execute(select(*_CASE_COLUMNS).where(cases.c.id == case_id)).first()
        if row is None:
            raise NotFound(f"没有找到编号为 {case_id} 的案件")
        return to_case(row)

    def list(self, query: CaseQuery | None = None) -> list[CaseSummary]:
        """Cases matching the search (案号 / 当事人 / 案由 / 承办人), newest first, with progress."""
        q = query or CaseQuery()
        c = cases.c
        stmt = select(*_CASE_COLUMNS).order_by(
            c.created_at.desc(), c.id.desc())
        term = q.search.strip()
        if term:
            like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stmt = stmt.where(
                or_(
                    c.case_no.like(like, escape="\\"),
                    c.parties.like(like, escape="\\"),
                    c.cause.like(like, escape="\\"),
                    c.judge.like(like, escape="\\"),
                )
            )
        stmt = stmt.limit(q.limit).offset(q.offset)
        with self._db.reading() as s:
            found = [to_case(row) for row in s.execute(stmt)]
            counts = counts_by_case(s, [case.id for case in found])
        return [CaseSummary(case, counts.get(case.id, {})) for case in found]

    def counts(self, case_id: int) -> dict[Stage, StageCounts]:
        with self._db.reading() as s:
            return counts_by_case(s, [case_id]).get(case_id, {})

    def all_counts(self) -> CountsTable:
        """Per-status counts of every case and stage in one query, for statistics."""
        with self._db.reading() as s:
            return CountsTable(all_checklist_counts(s))


def counts_by_case(s: Connection, case_ids: list[int] | None) -> dict[int, dict[Stage, StageCounts]]:
    """Per-status counts from the totals kept on each checklist (one row per case and stage)."""
    c = checklists.c
    stmt = select(c.case_id, c.stage, c.n_unreviewed, c.n_clear, c.n_risk, c.n_na)
    if case_ids is not None:
        if not case_ids:
            return {}
        stmt = stmt.where(c.case_id.in_(case_ids))
    out: dict[int, dict[Stage, StageCounts]] = {}
    for case_id, stage, unreviewed, clear, risk, na in s.execute(stmt):
        out.setdefault(case_id, {})[Stage(stage)] = StageCounts(
            total=unreviewed + clear + risk + na, unreviewed=unreviewed, clear=clear, risk=risk, na=na
        )
    return out


class SettingsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str) -> str:
        self._check_key(key)
        return self._read(key)

    def set(self, key: str, value: str) -> None:
        self._check_key(key)
        self._write(key, clean_field(value, SETTING_KEYS[key]))

    def all(self) -> dict[str, str]:
        with self._db.reading() as conn:
            found = dict(conn.execute(select(settings.c.key, settings.c.value)
                                      .where(settings.c.key.in_(list(SETTING_KEYS)))).tuples().all())
        return {k: found.get(k, "") for k in SETTING_KEYS}

    # Where the reviewer left off, per database (not per machine): which case and stage were open.
    STATE_KEYS = ("state.last_case_id", "state.last_stage")

    def recall(self, key: str) -> str:
        self._check_state_key(key)
        return self._read(key)

    def remember(self, key: str, value: str) -> None:
        self.remember_all({key: value})

    def remember_all(self, values: dict[str, str]) -> None:
        """Store several state values; one read when nothing changed (a read costs no lock and no disk flush)."""
        for key in values:
            self._check_state_key(key)
        with self._db.reading() as conn:
            rows = conn.execute(select(settings.c.key, settings.c.value).where(settings.c.key.in_(list(values))))
            stored = {str(key): str(value) for key, value in rows}
        changed = {k: v for k, v in values.items() if stored.get(k) != v}
        if changed:
            self._write_all(changed)

    def _read(self, key: str) -> str:
        with self._db.reading() as conn:
            value = conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()
        return str(value) if value is not None else ""

    def _write(self, key: str, value: str) -> None:
        self._write_all({key: value})

    def _write_all(self, values: dict[str, str]) -> None:
        with self._db.writing() as conn:
            for key, value in values.items():
                done = conn.execute(update(settings).where(settings.c.key == key).values(value=value)).rowcount
                if not done:
                    conn.execute(insert(settings).values(key=key, value=value))

    def _check_state_key(self, key: str) -> None:
        if key not in self.STATE_KEYS:
            raise InvalidInput(f"unknown state key {key!r}")

    @staticmethod
    def _check_key(key: str) -> None:
        if key not in SETTING_KEYS:
            raise InvalidInput(f"未知的设置项 {key!r}；可用的有：{', '.join(SETTING_KEYS)}")
