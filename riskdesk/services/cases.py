"""Use cases for cases: create, find, and list them with their progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from riskdesk.domain.case_number import CaseNumber, CaseNumberError
from riskdesk.domain.model import MAX_FIELD_LENGTH, Case, CaseId, CaseSummary, CountsTable, Stage, StageCounts
from riskdesk.services.errors import DuplicateCase, InvalidInput, NotFound
from riskdesk.storage.case_queries import (
    all_checklist_counts,
    case_by_id,
    case_by_no,
    case_id_of,
    case_search,
    counts_by_case,
    insert_case,
    to_case,
)
from riskdesk.storage.db import Database


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
                if case_id_of(conn, number) is not None:
                    raise DuplicateCase(f"案号 {number} 已存在，不能重复创建")
                new_id = insert_case(conn, values)
        except IntegrityError as exc:  # a second process created it between our check and insert
            raise DuplicateCase(f"案号 {number} 已存在，不能重复创建") from exc
        return Case(new_id, number, cause, parties, judge, now)

    def get(self, case_no: str) -> Case:
        number = parse_case_no(case_no)
        with self._db.reading() as conn:
            found = case_by_no(conn, number)
        if found is None:
            raise NotFound(f"没有找到案号为 {number} 的案件")
        return found

    def get_by_id(self, case_id: CaseId) -> Case:
        with self._db.reading() as conn:
            found = case_by_id(conn, case_id)
        if found is None:
            raise NotFound(f"没有找到编号为 {case_id} 的案件")
        return found

    def list(self, query: CaseQuery | None = None) -> list[CaseSummary]:
        """Cases matching the search (案号 / 当事人 / 案由 / 承办人), newest first, with progress."""
        q = query or CaseQuery()
        with self._db.reading() as conn:
            found = [to_case(row) for row in conn.execute(case_search(q.search.strip(), q.limit, q.offset))]
            counts = counts_by_case(conn, [case.id for case in found])
        return [CaseSummary(case, counts.get(case.id, {})) for case in found]

    def counts(self, case_id: CaseId) -> dict[Stage, StageCounts]:
        with self._db.reading() as conn:
            return counts_by_case(conn, [case_id]).get(case_id, {})

    def all_counts(self) -> CountsTable:
        """Per-status counts of every case and stage in one query, for statistics."""
        with self._db.reading() as conn:
            return CountsTable(all_checklist_counts(conn))
