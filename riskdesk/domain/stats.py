"""Court statistics: periods, breakdowns and the figures counted for them.

A checklist counts in the month it was started (核查开始月份): that never changes, so a period's
figures do not move when a case is edited later. The SPC uses its quality indicators 供研判, not to
rank judges: per-person figures exist only where the court turns them on (services.stats).
"""

from __future__ import annotations

import calendar
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date

from riskdesk.domain.model import Status


class Breakdown(enum.Enum):
    STAGE = "stage"
    NODE = "node"
    POINT = "point"
    DEPARTMENT = "department"
    MONTH = "month"
    PERSON = "person"  # 承办人: only where the court turned per-person figures on

    @property
    def label_zh(self) -> str:
        return _BREAKDOWN_ZH[self]

    @classmethod
    def parse(cls, text: str) -> Breakdown:
        key = text.strip().lower()
        for b in cls:
            if key in (b.value, b.label_zh):
                return b
        raise ValueError(f"分组“{text}”无法识别：应为 " + "、".join(f"{b.value}（{b.label_zh}）" for b in cls))


_BREAKDOWN_ZH = {Breakdown.STAGE: "环节", Breakdown.NODE: "流程节点", Breakdown.POINT: "风险点",
                 Breakdown.DEPARTMENT: "庭室", Breakdown.MONTH: "月份", Breakdown.PERSON: "承办人"}

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_RANGE = re.compile(r"^(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)\s*(?:\.\.|~|至)\s*(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)$")


def month_key(d: date) -> int:
    """2026-03-15 → 202603: how months are stored and compared."""
    return d.year * 100 + d.month


@dataclass(frozen=True)
class Period:
    """Whole months from ``first`` to ``last`` (inclusive), with the label a bulletin prints."""

    first: date
    last: date
    label: str

    @classmethod
    def parse(cls, text: str) -> Period:
        """``YYYY``, ``YYYY-Qn``, ``YYYY-MM`` or ``YYYY-MM..YYYY-MM`` (a custom range of months; either end
        may be a bare year)."""
        t = text.strip()
        if m := _YEAR.match(t):
            y = _year(m.group(1))
            return cls(date(y, 1, 1), date(y, 12, 31), f"{y}年")
        if m := _QUARTER.match(t):
            y, q = _year(m.group(1)), int(m.group(2))
            return cls(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), f"{y}年第{'一二三四'[q - 1]}季度")
        if m := _MONTH.match(t):
            y, mo = _year(m.group(1)), _month(m.group(2), t)
            return cls(date(y, mo, 1), _month_end(y, mo), f"{y}年{mo}月")
        if m := _RANGE.match(t):
            a, b = _month_of(m.group(1), t), _month_of(m.group(2), t, end=True)
            if b < a:
                raise ValueError(f"统计期间“{text}”的结束早于开始")
            first, last = date(a[0], a[1], 1), _month_end(*b)
            return cls(first, last, f"{a[0]}年{a[1]}月至{b[0]}年{b[1]}月")
        raise ValueError(f"统计期间“{text}”无法识别：应为 2026、2026-Q3、2026-07 、2026-01..2026-06 或 2024..2026")

    @classmethod
    def year(cls, y: int) -> Period:
        return cls.parse(str(y))

    @property
    def months(self) -> list[int]:
        out, y, m = [], self.first.year, self.first.month
        while (y, m) <= (self.last.year, self.last.month):
            out.append(y * 100 + m)
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    @property
    def first_month(self) -> int:
        return month_key(self.first)

    @property
    def last_month(self) -> int:
        return month_key(self.last)

    def __contains__(self, d: date) -> bool:
        return self.first <= d <= self.last


def _year(text: str) -> int:
    y = int(text)
    if not 2000 <= y <= 2099:
        raise ValueError(f"年份 {y} 超出范围（2000–2099）")
    return y


def _month(text: str, whole: str) -> int:
    m = int(text)
    if not 1 <= m <= 12:
        raise ValueError(f"统计期间“{whole}”的月份 {m} 不存在")
    return m


def _month_of(text: str, whole: str, *, end: bool = False) -> tuple[int, int]:
    """``YYYY-MM`` (a day after it is ignored); a bare year is its first month, or its last at the end."""
    parts = text.split("-")
    if len(parts) == 1:
        return _year(parts[0]), 12 if end else 1
    return _year(parts[0]), _month(parts[1], whole)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


@dataclass(frozen=True)
class Tally:
    """Counts of one row of a breakdown. ``clear``, ``risk`` and ``na`` are human answers only;
    ``settled`` the points set aside by case type; ``checklists`` the checklists the row covers."""

    checklists: int = 0
    unreviewed: int = 0
    clear: int = 0
    risk: int = 0
    na: int = 0
    settled: int = 0

    @property
    def answered(self) -> int:
        return self.clear + self.risk + self.na

    @property
    def applicable(self) -> int:
        return self.unreviewed + self.clear + self.risk + self.na

    @property
    def risk_rate(self) -> float | None:
        """存在风险 over the applicable human answers (无风险 or 存在风险), as StageCounts counts it."""
        judged = self.clear + self.risk
        return self.risk / judged if judged else None

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Tally)))

    @classmethod
    def total(cls, tallies: Iterable[Tally]) -> Tally:
        out = cls()
        for t in tallies:
            out = out + t
        return out

    @classmethod
    def of_status(cls, status: Status, n: int = 1) -> Tally:
        return cls(**{status.value: n})

    def as_dict(self) -> dict[str, int | float | None]:
        rate = self.risk_rate
        return {"checklists": self.checklists, "answered": self.answered, "risk": self.risk, "clear": self.clear,
                "na": self.na, "settled": self.settled, "unreviewed": self.unreviewed,
                "risk_rate": round(rate, 4) if rate is not None else None}


@dataclass(frozen=True)
class StatsRow:
    key: str
    label: str
    tally: Tally


@dataclass(frozen=True)
class StatsTable:
    """One breakdown: its rows add up to ``total`` in every answer count (and in ``checklists`` where
    a checklist belongs to one row only: by stage, department and month)."""

    by: Breakdown
    rows: tuple[StatsRow, ...]
    total: Tally

    def as_dict(self) -> dict[str, object]:
        return {"by": self.by.value,
                "rows": [{"key": r.key, "label": r.label, **r.tally.as_dict()} for r in self.rows],
                "total": self.total.as_dict()}


@dataclass(frozen=True)
class ChecklistFigures:
    started: int = 0
    submitted: int = 0
    approved: int = 0


@dataclass(frozen=True)
class FindingFigures:
    """The 整改 items opened in a period (梳理) and where they stand today: 已销号, dismissed after review,
    整改中 (still open) and, of those, 逾期 (past their due date). ``opened`` = closed + dismissed + open_now."""

    opened: int = 0
    closed: int = 0
    dismissed: int = 0
    open_now: int = 0
    overdue: int = 0
    median_days_to_close: float | None = None

    @property
    def closed_rate(self) -> float | None:
        return self.closed / self.opened if self.opened else None


def median(values: list[int]) -> float | None:
    if not values:
        return None
    s = sorted(values)
    mid = len(s) // 2
    return float(s[mid]) if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
