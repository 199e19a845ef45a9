"""Checking what a person or a spreadsheet gives for a case: 案号, 案由 …, 立案日期, 庭室, 程序, 原审案号."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

from riskdesk.domain.case_kind import CASE_TYPES, Track
from riskdesk.domain.case_number import CaseNumber, CaseNumberError
from riskdesk.domain.model import MAX_FIELD_LENGTH
from riskdesk.services.errors import InvalidInput

MAX_DEPARTMENT_LENGTH = 100
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")


def clean_field(value: str | None, label: str, limit: int = MAX_FIELD_LENGTH) -> str:
    text = (value or "").strip()
    if "\x00" in text:
        raise InvalidInput(f"{label}含有无效字符（NUL），请重新输入")
    if len(text) > limit:
        raise InvalidInput(f"{label}过长（{len(text)} 个字符），最多 {limit} 个字符")
    return text


def parse_case_no(text: str, label: str = "案号") -> str:
    try:
        return str(CaseNumber.parse(text, max_year=datetime.now().year + 1))
    except CaseNumberError as exc:
        raise InvalidInput(f"{label}有误：{exc}") from exc


def parse_date(value: str | date | None, label: str = "立案日期") -> date | None:
    """YYYY-MM-DD (and the other ways courts write a date), a date, or nothing."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = re.sub(r"\s+", "", str(value))
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InvalidInput(f"{label}“{value}”无法识别：应为 YYYY-MM-DD，例如 2024-03-15")


def parse_track(value: str | Track | None) -> Track | None:
    if value is None or isinstance(value, Track):
        return value
    if not value.strip():
        return None
    try:
        return Track.parse(value)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc


@dataclass(frozen=True)
class CaseInput:
    """A case as typed or imported; ``check`` turns it into :class:`CaseFields` or says what is wrong."""

    case_no: str
    cause: str = ""
    parties: str = ""
    judge: str = ""
    origin: str | None = None
    filed: str | date | None = None
    department: str | None = None
    track: str | Track | None = None

    def check(self, today: date | None = None) -> CaseFields:
        number = parse_case_no(self.case_no)
        parsed = CaseNumber.parse(number)
        origin = parse_case_no(self.origin, "原审案号/执行依据") if self.origin and self.origin.strip() else None
        if origin == number:
            raise InvalidInput("原审案号/执行依据不能是本案自己")
        filed = parse_date(self.filed)
        now = today or date.today()
        if filed is not None:
            if filed > now:
                raise InvalidInput(f"立案日期 {filed} 晚于今天")
            if filed.year < parsed.year:
                raise InvalidInput(f"立案日期 {filed} 早于案号的收案年度 {parsed.year} 年")
        track = parse_track(self.track)
        allowed = CASE_TYPES[parsed.case_type].tracks if parsed.case_type in CASE_TYPES else ()
        if track is not None and track not in allowed:
            choices = "、".join(t.label_zh for t in allowed) or "无（该类案件不区分程序）"
            raise InvalidInput(f"程序“{track.label_zh}”不适用于{parsed.case_type}案件；可选：{choices}")
        return CaseFields(number, parsed.case_type, clean_field(self.cause, "案由"),
                          clean_field(self.parties, "当事人"), clean_field(self.judge, "承办人"), origin, filed,
                          clean_field(self.department, "承办部门", MAX_DEPARTMENT_LENGTH), track)


@dataclass(frozen=True)
class CaseFields:
    """A case's checked fields, ready to store."""

    case_no: str
    type_code: str
    cause: str
    parties: str
    judge: str
    origin: str | None
    filed: date | None
    department: str
    track: Track | None

    # The fields a later import or edit may change, with their Chinese names for the record.
    EDITABLE: ClassVar[dict[str, str]] = {"cause": "案由", "parties": "当事人", "judge": "承办人", "origin": "原审案号/执行依据",
                "filed": "立案日期", "department": "承办部门", "track": "程序"}

    def shown(self, field: str) -> str:
        value = getattr(self, field)
        if value is None:
            return ""
        if isinstance(value, Track):
            return value.label_zh
        return str(value)
