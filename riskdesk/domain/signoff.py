"""Sign-off of a stage checklist: the judge submits it, a reviewer approves or returns it.

States (JSON values): draft 填写中 → submitted 已提交 → approved 已审核 or returned 已退回. The
submitter may withdraw before a decision. An approved checklist is locked: changing an answer needs
a reason, and the checklist goes back to draft (the approval stays in its history) for a new approval.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class ChecklistState(enum.Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"

    @property
    def label_zh(self) -> str:
        return _STATE_ZH[self]


_STATE_ZH = {ChecklistState.DRAFT: "填写中", ChecklistState.SUBMITTED: "已提交",
             ChecklistState.RETURNED: "已退回", ChecklistState.APPROVED: "已审核"}


class SignoffAction(enum.Enum):
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    APPROVE = "approve"
    RETURN = "return"
    REOPEN = "reopen"  # an approved answer was changed, with a reason

    @property
    def label_zh(self) -> str:
        return _ACTION_ZH[self]


_ACTION_ZH = {SignoffAction.SUBMIT: "提交", SignoffAction.WITHDRAW: "撤回", SignoffAction.APPROVE: "审核通过",
              SignoffAction.RETURN: "退回", SignoffAction.REOPEN: "修改已审核的清单"}

S, A = ChecklistState, SignoffAction
TRANSITIONS: dict[tuple[ChecklistState, SignoffAction], ChecklistState] = {
    (S.DRAFT, A.SUBMIT): S.SUBMITTED,
    (S.RETURNED, A.SUBMIT): S.SUBMITTED,
    (S.SUBMITTED, A.WITHDRAW): S.DRAFT,
    (S.SUBMITTED, A.APPROVE): S.APPROVED,
    (S.SUBMITTED, A.RETURN): S.RETURNED,
    (S.APPROVED, A.REOPEN): S.DRAFT,
}
del S, A


@dataclass(frozen=True)
class SignOff:
    """A checklist's state and who moved it there: the last submission and the decision on it."""

    state: ChecklistState
    submitted_by: str = ""
    submitted_at: datetime | None = None
    reviewed_by: str = ""
    reviewed_at: datetime | None = None
    decision: SignoffAction | None = None  # approve or return, for the last submission
    comment: str = ""  # the reviewer's comment (a return's reason)
    approved_before: bool = False  # approved once, then changed: a new approval is needed

    def as_dict(self) -> dict[str, object]:
        return {
            "state": self.state.value,
            "submitted_by": self.submitted_by or None,
            "submitted_at": self.submitted_at.isoformat(timespec="seconds") if self.submitted_at else None,
            "reviewed_by": self.reviewed_by or None,
            "reviewed_at": self.reviewed_at.isoformat(timespec="seconds") if self.reviewed_at else None,
            "comment": self.comment or None,
        }
