"""Case import: a spreadsheet of cases is checked row by row, then written in one transaction, all or nothing.

``plan`` reads the file and says what each row would do (新增, 更新 with the fields that change, 未变,
or 有误 with the reason); ``run`` writes it. A row for a case already stored changes only what the
row gives: a column the file lacks, or an empty cell, keeps the stored value, so importing the same
file again changes nothing and every change is recorded with its old and new value.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection

from riskdesk.domain.case_kind import Track
from riskdesk.domain.model import Case
from riskdesk.services.case_fields import CaseFields, CaseInput, parse_case_no
from riskdesk.services.cases import CASE_WRITERS, CaseService
from riskdesk.services.errors import InvalidInput, ServiceError
from riskdesk.services.permissions import Action, Policy
from riskdesk.sheets import Cell, SheetError, Table, read_table
from riskdesk.storage.case_queries import cases_by_no, department_names
from riskdesk.storage.db import Database, serialise

__all__ = ["COLUMNS", "CaseImportService", "FieldChange", "ImportFileError", "ImportPlan", "ImportRefused",
           "ImportResult", "Outcome", "PlanRow", "SheetError"]

# The headers each field is known by (after spaces, a BOM and a trailing * are taken off).
COLUMNS: dict[str, tuple[str, ...]] = {
    "case_no": ("案号", "案件编号", "案件号"),
    "cause": ("案由",),
    "parties": ("当事人",),
    "judge": ("承办人", "承办法官"),
    "filed": ("立案日期", "立案时间"),
    "department": ("承办部门", "庭室", "承办庭室"),
    "track": ("程序", "适用程序", "审理程序"),
    "origin": ("原审案号/执行依据", "原审案号", "执行依据", "执行依据案号", "关联案号"),
}
LABELS = {"case_no": "案号", **CaseFields.EDITABLE}
_HEADER_OF = {alias: name for name, aliases in COLUMNS.items() for alias in aliases}
_SPACES = re.compile(r"[\s\u3000\ufeff]+")
_DATE_TIME = re.compile(r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_EXCEL_EPOCH = date(1899, 12, 30)

Value = str | date


class Outcome(enum.Enum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    BAD = "bad"

    @property
    def label_zh(self) -> str:
        return {"new": "新增", "update": "更新", "unchanged": "未变", "bad": "有误"}[self.value]


class ImportFileError(InvalidInput):
    """The file as a whole cannot be imported (no 案号 column, no cases): exit status 2."""


class ImportRefused(ServiceError):
    """Rows are wrong and they were not to be skipped: nothing was written (exit status 1)."""

    def __init__(self, bad: Iterable[PlanRow]) -> None:
        self.bad = tuple(bad)
        lines = "\n".join(r.message for r in self.bad)
        super().__init__(f"有 {len(self.bad)} 行有误，未导入任何案件（改正后重新导入，或选择跳过有误的行）：\n{lines}")


@dataclass(frozen=True)
class FieldChange:
    field: str  # a CaseFields.EDITABLE key
    old: str
    new: str

    def __str__(self) -> str:
        return f"{LABELS[self.field]}：{self.old or '（空）'} → {self.new or '（空）'}"


@dataclass(frozen=True)
class PlanRow:
    """What one row of the file does. ``case_no`` is normalised when it could be read."""

    row: int
    case_no: str
    outcome: Outcome
    reason: str = ""  # why the row is wrong
    changes: tuple[FieldChange, ...] = ()
    given: Mapping[str, Value] | None = None  # the row's non-empty values by field
    stored: Case | None = None  # the case as it was when the row was checked
    fields: CaseFields | None = None  # what the case will be

    @property
    def message(self) -> str:
        return f"第 {self.row} 行：{self.reason}"

    @property
    def detail(self) -> str:
        """For a person: the reason, or the changes."""
        return self.reason or "；".join(str(c) for c in self.changes)


@dataclass(frozen=True)
class ImportPlan:
    source: Path
    header_row: int
    columns: tuple[tuple[str, str], ...]  # (field, header as written), in the file's order
    ignored: tuple[str, ...]  # headers no field is known by
    rows: tuple[PlanRow, ...]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    @property
    def bad(self) -> tuple[PlanRow, ...]:
        return tuple(r for r in self.rows if r.outcome is Outcome.BAD)

    @property
    def to_write(self) -> int:
        return self.count(Outcome.NEW) + self.count(Outcome.UPDATE)

    def summary(self) -> str:
        return (f"新增 {self.count(Outcome.NEW)} 件，更新 {self.count(Outcome.UPDATE)} 件，"
                f"未变 {self.count(Outcome.UNCHANGED)} 件，有误 {len(self.bad)} 行")


@dataclass(frozen=True)
class ImportResult:
    new: int
    updated: int
    unchanged: int
    skipped: tuple[PlanRow, ...]  # the wrong rows left out
    dry_run: bool = False

    def summary(self) -> str:
        return f"新增 {self.new} 件，更新 {self.updated} 件，未变 {self.unchanged} 件，跳过 {len(self.skipped)} 件"


class CaseImportService:
    def __init__(self, db: Database, cases: CaseService, policy: Policy) -> None:
        self._db = db
        self._cases = cases
        self._policy = policy

    def plan(self, path: Path | str) -> ImportPlan:
        """Read and check every row; nothing is written. SheetError / ImportFileError for a file that cannot be used."""
        self._policy.require(Action.IMPORT_CASES)
        source = Path(path)
        table = read_table(source, is_header=_has_case_no_header)
        positions, columns, ignored = match_headers(table)
        if "case_no" not in positions:
            found = "、".join(f"“{h.strip()}”" for h in table.headers if h.strip()) or "（空）"
            raise ImportFileError(f"{source.name} 中没有“案号”列：第 {table.header_row} 行的表头是 {found}；"
                                  f"案号列的表头应为{'、'.join(COLUMNS['case_no'])}之一")
        today = date.today()
        read = [r for r in (_read_row(number, cells, positions) for number, cells in table.rows) if r is not None]
        if not read:
            raise ImportFileError(f"{source.name} 中除表头（第 {table.header_row} 行）外没有案件")
        rows = _mark_duplicates(read)
        with self._db.reading() as conn:
            stored = cases_by_no(conn, [r.case_no for r in rows if r.outcome is not Outcome.BAD])
            planned = tuple(self._within_rights(conn, [r if r.outcome is Outcome.BAD else
                                                       decide(r, stored.get(r.case_no), today) for r in rows]))
        return ImportPlan(source, table.header_row, columns, ignored, planned)

    def run(self, plan: ImportPlan, *, skip_bad: bool = False, dry_run: bool = False) -> ImportResult:
        """Write the plan in one transaction; ImportRefused (nothing written) when rows are wrong and not skipped.

        Each row is checked again against the database as it is inside the transaction, so a case
        changed or added elsewhere since the preview is updated, not duplicated or overwritten unseen.
        """
        self._policy.require(Action.IMPORT_CASES)
        bad = plan.bad
        if bad and not skip_bad:
            raise ImportRefused(bad)
        if dry_run:
            return ImportResult(plan.count(Outcome.NEW), plan.count(Outcome.UPDATE), plan.count(Outcome.UNCHANGED),
                                bad, dry_run=True)
        good = [r for r in plan.rows if r.outcome is not Outcome.BAD]
        now = datetime.now()
        with self._db.writing() as conn:
            serialise(conn, CASE_WRITERS)
            stored = cases_by_no(conn, [r.case_no for r in good])
            rows = self._within_rights(conn, [r if stored.get(r.case_no) == r.stored else
                                              decide(r, stored.get(r.case_no), now.date()) for r in good])
            late = tuple(r for r in rows if r.outcome is Outcome.BAD)
            if late and not skip_bad:
                raise ImportRefused(late)
            new = [r.fields for r in rows if r.outcome is Outcome.NEW and r.fields is not None]
            self._cases.insert_many(conn, new, now)
            updates = [r for r in rows if r.outcome is Outcome.UPDATE]
            self._cases.apply_many(conn, [(stored[r.case_no], r.fields) for r in updates if r.fields is not None], now)
        unchanged = sum(1 for r in rows if r.outcome is Outcome.UNCHANGED)
        return ImportResult(len(new), len(updates), unchanged, tuple(sorted(bad + late, key=lambda r: r.row)))

    def _within_rights(self, conn: Connection, rows: list[PlanRow]) -> list[PlanRow]:
        """On a shared database a row may change only a case the account may change (what the case holds is
        not shown), and name only a 庭室 the admin has added."""
        if not self._policy.shared:
            return rows
        mine = self._policy.changeable(conn, [r.stored.id for r in rows if r.stored is not None])
        known = set(department_names(conn))
        out = []
        for r in rows:
            reason = ""
            if r.stored is not None and r.stored.id not in mine:
                reason = f"案件 {r.case_no} 已存在，您无权修改（不由您承办）"
            elif r.fields is not None and r.fields.department and r.fields.department not in known:
                reason = f"庭室“{r.fields.department}”不存在；共享数据库的庭室由信息技术管理员添加"
            out.append(PlanRow(r.row, r.case_no, Outcome.BAD, reason, given=r.given) if reason else r)
        return out


def normalise_header(text: str) -> str:
    return _SPACES.sub("", text).replace("／", "/").rstrip("*＊")


def match_headers(table: Table) -> tuple[dict[str, list[int]], tuple[tuple[str, str], ...], tuple[str, ...]]:
    """Column positions of each known field, (field, header) in file order, and the headers not known."""
    positions: dict[str, list[int]] = {}
    columns: list[tuple[str, str]] = []
    ignored: list[str] = []
    for i, header in enumerate(table.headers):
        key = normalise_header(header)
        name = _HEADER_OF.get(key)
        if name is not None:
            positions.setdefault(name, []).append(i)
            columns.append((name, header.strip()))
        elif key:
            ignored.append(header.strip())
    return positions, tuple(columns), tuple(ignored)


def _has_case_no_header(cells: list[Cell]) -> bool:
    """The header row is the one with a 案号 column: a title or a note above it is passed over."""
    return any(isinstance(c, str) and _HEADER_OF.get(normalise_header(c)) == "case_no" for c in cells)


def _read_row(number: int, cells: list[Cell], positions: dict[str, list[int]]) -> PlanRow | None:
    """A row's values by field, its 案号 read; None for a row with nothing in the known columns."""
    given: dict[str, Value] = {}
    problems: list[str] = []
    for name, where in positions.items():
        values = [v for i in where if i < len(cells) and (v := _value(name, cells[i])) != ""]
        distinct = list(dict.fromkeys(values))
        if len(distinct) > 1:
            problems.append(f"{LABELS[name]}有两个不同的值：{'、'.join(str(v) for v in distinct)}")
        if distinct:
            given[name] = distinct[0]
    if not given:
        return None
    raw = given.get("case_no")
    if not isinstance(raw, str) or not raw:
        return PlanRow(number, "", Outcome.BAD, "案号为空", given=given)
    try:
        case_no = parse_case_no(raw)
    except InvalidInput as exc:
        return PlanRow(number, raw, Outcome.BAD, str(exc), given=given)
    if problems:
        return PlanRow(number, case_no, Outcome.BAD, "；".join(problems), given=given)
    return PlanRow(number, case_no, Outcome.NEW, given=given)


def _mark_duplicates(rows: list[PlanRow]) -> list[PlanRow]:
    """Every row whose 案号 another row has too is wrong, and names the other rows."""
    where: dict[str, list[int]] = {}
    for r in rows:
        if r.outcome is not Outcome.BAD:
            where.setdefault(r.case_no, []).append(r.row)
    out = []
    for r in rows:
        seen = where.get(r.case_no, []) if r.outcome is not Outcome.BAD else []
        if len(seen) > 1:
            others = "、".join(f"第 {n} 行" for n in seen if n != r.row)
            r = PlanRow(r.row, r.case_no, Outcome.BAD, f"案号 {r.case_no} 与{others}重复", given=r.given)
        out.append(r)
    return out


def decide(row: PlanRow, stored: Case | None, today: date) -> PlanRow:
    """New, changed (with the changes), unchanged, or wrong: the row's values over the stored case's."""
    given = dict(row.given or {})
    before = _stored_fields(stored) if stored is not None else None
    base: dict[str, object] = {f: getattr(before, f) for f in CaseFields.EDITABLE} if before is not None else {}
    merged = {**base, **given}
    filed, track = merged.get("filed"), merged.get("track")
    try:
        fields = CaseInput(row.case_no, _str(merged.get("cause")), _str(merged.get("parties")),
                           _str(merged.get("judge")), _opt(merged.get("origin")),
                           filed if isinstance(filed, str | date) else None, _opt(merged.get("department")),
                           track if isinstance(track, str | Track) else None).check(today)
    except InvalidInput as exc:
        return PlanRow(row.row, row.case_no, Outcome.BAD, str(exc), given=row.given, stored=stored)
    if before is None:
        return PlanRow(row.row, row.case_no, Outcome.NEW, given=row.given, fields=fields)
    changes = tuple(FieldChange(f, before.shown(f), fields.shown(f)) for f in CaseFields.EDITABLE
                    if before.shown(f) != fields.shown(f))
    return PlanRow(row.row, row.case_no, Outcome.UPDATE if changes else Outcome.UNCHANGED, changes=changes,
                   given=row.given, stored=stored, fields=fields)


def _stored_fields(case: Case) -> CaseFields:
    return CaseFields(case.case_no, case.type_code, case.cause, case.parties, case.judge, case.origin, case.filed_on,
                      case.department, case.track)


def _str(value: object) -> str:
    return "" if value is None else str(value)


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _value(name: str, cell: Cell) -> Value:
    """A cell as the field takes it: a date for 立案日期 where it is one, else text ("" for empty)."""
    return _date_value(cell) if name == "filed" else _text(cell)


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat(sep=" ")
    return cell.strip() if isinstance(cell, str) else str(cell)


def _date_value(cell: Cell) -> Value:
    if isinstance(cell, date):  # datetime too
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if 19000101 <= cell <= 29991231 and float(cell).is_integer():
            return str(int(cell))  # 20240315
        if 20000 <= cell <= 80000:  # a date cell that lost its date format: Excel's day number
            return _EXCEL_EPOCH + timedelta(days=int(cell))
    text = _text(cell)
    match = _DATE_TIME.match(text)
    return match.group(1) if match else text
