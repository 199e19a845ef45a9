"""整改项: a risk found, tracked to 销号 — an owner, a deadline that only grows by recorded extensions,
evidence, and a closing done by someone else than the owner and the applicant."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from riskdesk.domain.model import Severity

# Days to put a risk right, by level, unless the court sets its own (设置 ▸ 整改时限).
DEFAULT_DUE_DAYS = {Severity.HIGH: 15, Severity.MEDIUM: 30, Severity.LOW: 60}
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
SYSTEMIC_CASES = 3  # the same point at risk in this many cases of one division within a period
SYSTEMIC_DAYS = 90


class FindingState(enum.Enum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    PENDING_CLOSE = "pending_close"
    CLOSED = "closed"
    DISMISSED = "dismissed"

    @property
    def label_zh(self) -> str:
        return _STATE_ZH[self]

    @property
    def settled(self) -> bool:
        """Closed or dismissed: no longer counted as open, never overdue."""
        return self in (FindingState.CLOSED, FindingState.DISMISSED)

    @classmethod
    def parse(cls, text: str) -> FindingState:
        key = text.strip().lower()
        for state in cls:
            if key in (state.value, state.label_zh):
                return state
        raise ValueError(f"整改状态“{text}”无法识别：应为 " + "、".join(f"{s.value}（{s.label_zh}）" for s in cls))


_STATE_ZH = {FindingState.OPEN: "待整改", FindingState.IN_PROGRESS: "整改中", FindingState.PENDING_CLOSE: "待销号",
             FindingState.CLOSED: "已销号", FindingState.DISMISSED: "经复核无需整改"}


class FindingAction(enum.Enum):
    CREATE = "create"
    UPDATE = "update"  # 整改措施, 责任人, 责任部门, 督办领导 changed
    PROGRESS = "progress"  # a progress note
    EVIDENCE = "evidence"
    EXTEND = "extend"
    SEVERITY = "severity"
    APPLY = "apply"  # 申请销号
    CLOSE = "close"  # 销号
    RETURN = "return"  # 销号申请被退回
    DISMISS = "dismiss"
    REOPEN = "reopen"

    @property
    def label_zh(self) -> str:
        return _ACTION_ZH[self]


_ACTION_ZH = {
    FindingAction.CREATE: "建立", FindingAction.UPDATE: "修改", FindingAction.PROGRESS: "进展",
    FindingAction.EVIDENCE: "上传证据", FindingAction.EXTEND: "延期", FindingAction.SEVERITY: "调整风险等级",
    FindingAction.APPLY: "申请销号", FindingAction.CLOSE: "销号", FindingAction.RETURN: "退回销号申请",
    FindingAction.DISMISS: "经复核无需整改", FindingAction.REOPEN: "重新整改",
}

F, A = FindingState, FindingAction
TRANSITIONS: dict[tuple[FindingState, FindingAction], FindingState] = {
    (F.OPEN, A.PROGRESS): F.IN_PROGRESS,
    (F.IN_PROGRESS, A.PROGRESS): F.IN_PROGRESS,
    (F.OPEN, A.APPLY): F.PENDING_CLOSE,
    (F.IN_PROGRESS, A.APPLY): F.PENDING_CLOSE,
    (F.PENDING_CLOSE, A.CLOSE): F.CLOSED,
    (F.PENDING_CLOSE, A.RETURN): F.IN_PROGRESS,
    (F.OPEN, A.DISMISS): F.DISMISSED,
    (F.IN_PROGRESS, A.DISMISS): F.DISMISSED,
    (F.PENDING_CLOSE, A.DISMISS): F.DISMISSED,
    (F.CLOSED, A.REOPEN): F.IN_PROGRESS,
    (F.DISMISSED, A.REOPEN): F.IN_PROGRESS,
}
del F, A


@dataclass(frozen=True)
class Extension:
    new_due: date
    reason: str
    approver: str
    at: datetime


@dataclass(frozen=True)
class Finding:
    id: int
    no: str  # 编号, e.g. ZG-2026-0007
    state: FindingState
    description: str  # 问题描述
    severity: Severity  # as now (changed only with a reason)
    severity_found: Severity  # as first found
    measure: str  # 整改措施
    department: str  # 责任部门
    owner: str  # 责任人 (one person)
    supervisor: str  # 督办领导
    due: date  # 整改时限 as first set: never changed in place
    created_at: datetime
    created_by: str
    case_id: int | None = None
    case_no: str = ""
    stage: str = ""
    point_id: str = ""
    source_note: str = ""  # the 存在风险 answer's note as it was when the item was made
    result: str = ""  # 整改结果说明
    applicant: str = ""  # who applied for 销号
    closed_by: str = ""
    closed_at: datetime | None = None
    systemic: bool = False  # 共性问题, flagged from several cases
    extensions: tuple[Extension, ...] = field(default_factory=tuple)

    @property
    def current_due(self) -> date:
        """The deadline now: the last extension's date, else the original one."""
        return self.extensions[-1].new_due if self.extensions else self.due

    def overdue(self, today: date) -> bool:
        return not self.state.settled and self.state is not FindingState.PENDING_CLOSE and self.current_due < today

    def days_left(self, today: date) -> int:
        return (self.current_due - today).days


@dataclass(frozen=True)
class Totals:
    """梳理 N 条、已销号 M 条、整改中 K 条、逾期 L 条 (and dismissed, and 待销号)."""

    department: str
    found: int
    closed: int
    in_progress: int
    pending_close: int
    dismissed: int
    overdue: int

    @classmethod
    def of(cls, department: str, items: list[Finding], today: date) -> Totals:
        def count(state: FindingState) -> int:
            return sum(1 for f in items if f.state is state)

        return cls(department, len(items), count(FindingState.CLOSED),
                   count(FindingState.OPEN) + count(FindingState.IN_PROGRESS), count(FindingState.PENDING_CLOSE),
                   count(FindingState.DISMISSED), sum(1 for f in items if f.overdue(today)))

    def sentence(self) -> str:
        return (f"梳理 {self.found} 条，已销号 {self.closed} 条，整改中 {self.in_progress} 条，"
                f"待销号 {self.pending_close} 条，逾期 {self.overdue} 条")


def default_due(severity: Severity, found: date, days: dict[Severity, int] | None = None) -> date:
    return found + timedelta(days=(days or DEFAULT_DUE_DAYS)[severity])
