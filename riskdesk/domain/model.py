"""Stages, statuses and the plain records the services hand to the UI, CLI and reports."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple, NewType

from riskdesk.domain.case_kind import CaseProfile, Track
from riskdesk.domain.signoff import ChecklistState
from riskdesk.domain.stage import Stage as Stage  # re-exported: most code knows Stage from here

# Row ids of the database, typed so that a case id cannot be passed where a checklist id is meant.
CaseId = NewType("CaseId", int)
ChecklistId = NewType("ChecklistId", int)


class Status(enum.Enum):
    """The answer for one risk point.

    SETTLED is not a person's answer: the point cannot apply to a case of this kind, procedure or
    程序 (不适用（案件类型）), so RiskDesk set it aside when the checklist was made. A reviewer may
    still answer it; then it counts as a human answer like any other.
    """

    UNREVIEWED = "unreviewed"
    CLEAR = "clear"
    RISK = "risk"
    NA = "na"
    SETTLED = "settled"

    @property
    def human(self) -> bool:
        """An answer a person gave (clear, risk or not applicable)."""
        return self in (Status.CLEAR, Status.RISK, Status.NA)

    @property
    def label_zh(self) -> str:
        return _STATUS_ZH[self]

    @classmethod
    def parse(cls, text: str) -> Status:
        key = text.strip().lower()
        for status in cls:
            if status is not Status.SETTLED and key in (status.value, status.label_zh):
                return status
        raise ValueError(f"状态 {text!r} 无法识别：应为 unreviewed、clear、risk 或 na")


_STATUS_ZH = {
    Status.UNREVIEWED: "未核查",
    Status.CLEAR: "无风险",
    Status.RISK: "存在风险",
    Status.NA: "不适用",
    Status.SETTLED: "不适用（案件类型）",
}


class Severity(enum.Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label_zh(self) -> str:
        return {"high": "高", "medium": "中", "low": "低"}[self.value]


# Notes are part of the case record, but a 1 MB paste is a mistake, not a note.
MAX_NOTE_LENGTH = 10_000
MAX_FIELD_LENGTH = 500


class AnswerField(enum.Enum):
    """The two parts of an answer a reviewer changes; the value is the change log's ``field``."""

    STATUS = "status"
    NOTE = "note"


class SettingKey(enum.Enum):
    """Settings a person sets (court and reviewer) and where the window was left."""

    COURT = "court"
    REVIEWER = "reviewer"
    LAST_CASE = "state.last_case_id"
    LAST_STAGE = "state.last_stage"

    @property
    def label_zh(self) -> str:
        return {"court": "法院名称", "reviewer": "承办人"}.get(self.value, self.value)

    @property
    def user_facing(self) -> bool:
        return self in (SettingKey.COURT, SettingKey.REVIEWER)


@dataclass(frozen=True)
class Case:
    id: CaseId
    case_no: str
    cause: str
    parties: str
    judge: str
    created_at: datetime
    type_code: str = ""
    track: Track | None = None  # 程序 chosen by the court
    origin: str | None = None  # 原审案号 / 执行依据
    filed_on: date | None = None  # 立案日期
    department: str = ""  # 承办部门（庭室）

    @property
    def profile(self) -> CaseProfile:
        return CaseProfile.of(self.type_code, self.origin, self.track)


@dataclass(frozen=True)
class StageCounts:
    """How many points of one stage's checklist are in each status.

    ``applicable`` leaves out the points settled by case type; progress (37/100) and rates are
    counted over those. ``reviewed`` counts human answers.
    """

    total: int
    unreviewed: int = 0
    clear: int = 0
    risk: int = 0
    na: int = 0
    settled: int = 0

    @classmethod
    def of(cls, statuses: Iterable[Status]) -> StageCounts:
        by = dict.fromkeys(Status, 0)
        for status in statuses:
            by[status] += 1
        return cls(sum(by.values()), by[Status.UNREVIEWED], by[Status.CLEAR], by[Status.RISK], by[Status.NA],
                   by[Status.SETTLED])

    @classmethod
    def from_kept(cls, unreviewed: int, clear: int, risk: int, na: int, settled: int) -> StageCounts:
        return cls(unreviewed + clear + risk + na + settled, unreviewed, clear, risk, na, settled)

    @property
    def applicable(self) -> int:
        return self.total - self.settled

    @property
    def reviewed(self) -> int:
        return self.clear + self.risk + self.na

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.unreviewed == 0

    @property
    def risk_rate(self) -> float | None:
        """存在风险 over the points a person found to apply and answered (clear or risk)."""
        judged = self.clear + self.risk
        return self.risk / judged if judged else None

    def as_dict(self) -> dict[str, int]:
        return {
            "total": self.total,
            "applicable": self.applicable,
            "unreviewed": self.unreviewed,
            "clear": self.clear,
            "risk": self.risk,
            "na": self.na,
            "settled": self.settled,
        }


@dataclass(frozen=True)
class CaseSummary:
    """A case with its progress per started stage, for the case list."""

    case: Case
    counts: dict[Stage, StageCounts] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    """One answer: the status and note a reviewer gave a risk point."""

    point_id: str
    point_hash: str
    status: Status
    note: str
    updated_at: datetime | None
    updated_by: str
    revision: int


@dataclass(frozen=True)
class HistoryEntry:
    """One change of one answer, from the change log."""

    at: datetime
    who: str
    field: AnswerField
    old: str
    new: str
    reason: str = ""  # why an approved answer was changed


@dataclass(frozen=True)
class AnswerSaved:
    """What one saved answer changed: the answer itself and its checklist's new counts.

    Services return it; the window hands it to everything that shows progress (tab bar, case
    list, status bar) instead of each of them asking again.
    """

    case_id: CaseId
    stage: Stage
    result: Result
    counts: StageCounts
    state: ChecklistState = ChecklistState.DRAFT  # an approved checklist changed with a reason is draft again


@dataclass(frozen=True)
class ChecklistInfo:
    id: ChecklistId
    case_id: CaseId
    stage: Stage
    catalog_version: str
    catalog_fingerprint: str
    created_at: datetime
    last_point_id: str = ""  # where the reviewer was when the checklist was last left


class CountsRow(NamedTuple):
    """One checklist's kept counts, as the statistics query returns them (a plain tuple underneath)."""

    case_id: int
    stage: str
    unreviewed: int
    clear: int
    risk: int
    na: int
    settled: int


class CountsTable:
    """Per-status counts of every case and stage, kept as plain rows.

    Statistics over a court's whole history read tens of thousands of these; building an object per
    row cost more than the query, so StageCounts are made only for the rows someone asks about.
    """

    def __init__(self, rows: list[CountsRow]) -> None:
        self.rows = rows
        self._index: dict[tuple[int, str], int] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def get(self, case_id: int, stage: Stage) -> StageCounts | None:
        if self._index is None:
            self._index = {(r.case_id, r.stage): i for i, r in enumerate(self.rows)}
        i = self._index.get((case_id, stage.value))
        if i is None:
            return None
        row = self.rows[i]
        return StageCounts.from_kept(row.unreviewed, row.clear, row.risk, row.na, row.settled)

    def stage_summary(self, stage: Stage) -> tuple[int, int, StageCounts]:
        """(cases that started this stage, cases that finished it, summed counts) for statistics."""
        started = finished = 0
        for row in self.rows:
            if row.stage == stage.value:
                started += 1
                finished += row.unreviewed == 0
        return started, finished, self.totals(stage)

    def totals(self, stage: Stage | None = None) -> StageCounts:
        """Sum over every case (of one stage, or of all)."""
        u = c = r = n = s = 0
        for row in self.rows:
            if stage is None or row.stage == stage.value:
                u += row.unreviewed
                c += row.clear
                r += row.risk
                n += row.na
                s += row.settled
        return StageCounts.from_kept(u, c, r, n, s)
