"""Use cases for cases: create, find, list with progress, and settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from riskdesk.domain.case_number import CaseNumber, CaseNumberError
from riskdesk.domain.model import MAX_FIELD_LENGTH, Case, CaseSummary, CountsTable, Stage, StageCounts
from riskdesk.services.errors import DuplicateCase, InvalidInput, NotFound
from riskdesk.storage.db import Database
from riskdesk.storage.orm import CaseRow, ChecklistRow, SettingRow, table_of
from riskdesk.storage.queries import all_checklist_counts

SETTING_KEYS = {"court": "法院名称", "reviewer": "承办人"}


def to_case(row: CaseRow) -> Case:
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
        row = CaseRow(
            case_no=number,
            cause=clean_field(cause, "案由"),
            parties=clean_field(parties, "当事人"),
            judge=clean_field(judge, "承办人"),
            created_at=now,
            updated_at=now,
        )
        try:
            with self._db.writing() as s:
                if s.scalar(select(CaseRow.id).where(CaseRow.case_no == number)) is not None:
                    raise DuplicateCase(f"案号 {number} 已存在，不能重复创建")
                s.add(row)
                s.flush()
                return to_case(row)
        except IntegrityError as exc:  # a second process created it between our check and insert
            raise DuplicateCase(f"案号 {number} 已存在，不能重复创建") from exc

    def get(self, case_no: str) -> Case:
        number = parse_case_no(case_no)
        with self._db.reading() as s:
            row = s.scalar(select(CaseRow).where(CaseRow.case_no == number))
            if row is None:
                raise NotFound(f"没有找到案号为 {number} 的案件")
            return to_case(row)

    def get_by_id(self, case_id: int) -> Case:
        with self._db.reading() as s:
            row = s.get(CaseRow, case_id)
            if row is None:
                raise NotFound(f"没有找到编号为 {case_id} 的案件")
            return to_case(row)

    def list(self, query: CaseQuery | None = None) -> list[CaseSummary]:
        """Cases matching the search (案号 / 当事人 / 案由 / 承办人), newest first, with progress."""
        q = query or CaseQuery()
        c = table_of(CaseRow).c  # Core rows: this list is on screen at every start
        stmt = select(c.id, c.case_no, c.cause, c.parties, c.judge, c.created_at).order_by(
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
            cases = [Case(*row) for row in s.execute(stmt)]
            counts = counts_by_case(s, [c.id for c in cases])
        return [CaseSummary(c, counts.get(c.id, {})) for c in cases]

    def counts(self, case_id: int) -> dict[Stage, StageCounts]:
        with self._db.reading() as s:
            return counts_by_case(s, [case_id]).get(case_id, {})

    def all_counts(self) -> CountsTable:
        """Per-status counts of every case and stage in one query, for statistics."""
        with self._db.reading() as s:
            return CountsTable(all_checklist_counts(s))


def counts_by_case(s: Session, case_ids: list[int] | None) -> dict[int, dict[Stage, StageCounts]]:
    """Per-status counts from the totals kept on each checklist (one row per case and stage)."""
    c = table_of(ChecklistRow).c
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
        with self._db.reading() as s:
            row = s.get(SettingRow, key)
            return row.value if row else ""

    def set(self, key: str, value: str) -> None:
        self._check_key(key)
        text = clean_field(value, SETTING_KEYS[key])
        with self._db.writing() as s:
            row = s.get(SettingRow, key)
            if row is None:
                s.add(SettingRow(key=key, value=text))
            else:
                row.value = text

    def all(self) -> dict[str, str]:
        with self._db.reading() as s:
            found = {r.key: r.value for r in s.scalars(select(SettingRow).where(SettingRow.key.in_(SETTING_KEYS)))}
        return {k: found.get(k, "") for k in SETTING_KEYS}

    # Where the reviewer left off, per database (not per machine): which case and stage were open.
    STATE_KEYS = ("state.last_case_id", "state.last_stage")

    def recall(self, key: str) -> str:
        self._check_state_key(key)
        with self._db.reading() as s:
            row = s.get(SettingRow, key)
            return row.value if row else ""

    def remember(self, key: str, value: str) -> None:
        self._check_state_key(key)
        with self._db.writing() as s:
            row = s.get(SettingRow, key)
            if row is None:
                s.add(SettingRow(key=key, value=value))
            elif row.value != value:
                row.value = value

    def _check_state_key(self, key: str) -> None:
        if key not in self.STATE_KEYS:
            raise InvalidInput(f"unknown state key {key!r}")

    @staticmethod
    def _check_key(key: str) -> None:
        if key not in SETTING_KEYS:
            raise InvalidInput(f"未知的设置项 {key!r}；可用的有：{', '.join(SETTING_KEYS)}")
