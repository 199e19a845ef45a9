"""Who may see and work which 整改 items on a shared database (a single seat allows everything).

- 审管办 sees every item, makes items by hand and 共性问题, and supervises every item;
- a 庭长 sees and supervises the items of their 庭室 (and those of the cases they may read), and makes
  items by hand for their 庭室;
- 承办法官 and 法官助理 see the items of the cases they may read and those they are 责任人 of, make an
  item from an answer of a case they may change, and report progress and evidence on them;
- supervising — changing an item, extending its deadline, its level, 销号, returning, dismissing,
  reopening — is for a 庭长 of the item's 庭室 or 审管办 (the service adds its own rules: not the
  责任人, not the applicant);
- an admin sees none.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from riskdesk.domain.findings import Finding, FindingAction
from riskdesk.domain.model import CaseId
from riskdesk.domain.people import Account, Role
from riskdesk.services.errors import PermissionDenied
from riskdesk.services.permissions import Action, CaseAction, Policy
from riskdesk.storage.db import Database


class FindingRight(enum.Enum):
    READ = "查看整改项"
    CREATE_MANUAL = "建立整改项"
    SYSTEMIC = "建立共性问题整改项"
    WORK = "报告整改进展"
    SUPERVISE = "督办整改项"


_WORK = {FindingAction.PROGRESS, FindingAction.EVIDENCE, FindingAction.APPLY}
_SUPERVISORS = (Role.DIVISION_HEAD, Role.MANAGEMENT)


def right_for(action: FindingAction) -> FindingRight:
    return FindingRight.WORK if action in _WORK else FindingRight.SUPERVISE


class FindingAccess:
    def __init__(self, db: Database, policy: Policy) -> None:
        self._db = db
        self._policy = policy

    def visible(self, items: Iterable[Finding]) -> list[Finding]:
        """The items the acting person may see, in the order given."""
        found = list(items)
        self._policy.require(Action.READ_CASES)  # an admin reads no case content, nor the items about it
        account = self._policy.account()
        if account is None or account.role is Role.MANAGEMENT:
            return found
        case_ids = sorted({CaseId(f.case_id) for f in found if f.case_id is not None})
        with self._db.reading() as conn:
            readable = self._policy.readable(conn, case_ids)
        return [f for f in found if self._sees(account, f, readable)]

    def check(self, right: FindingRight, item: Finding | None = None, *, department: str = "") -> None:
        account = self._policy.account()
        if account is None:
            return
        if right is FindingRight.READ:
            if item is not None and not self.visible([item]):
                raise PermissionDenied(f"{_who(account)}无权查看整改项 {item.no}：它不属于您的案件或庭室")
            return
        if right is FindingRight.SYSTEMIC:
            if account.role is not Role.MANAGEMENT:
                raise PermissionDenied(f"{_who(account)}无权{right.value}：共性问题由审管办建立")
            return
        if right is FindingRight.CREATE_MANUAL:
            if account.role is Role.MANAGEMENT:
                return
            if account.role is Role.DIVISION_HEAD and department in ("", account.department):
                return
            raise PermissionDenied(f"{_who(account)}无权{right.value}：案件以外的整改项由庭长（本庭室）或审管办建立")
        assert item is not None
        if self._supervises(account, item):
            return
        if right is FindingRight.WORK and self._works_on(account, item):
            return
        why = ("督办（修改、延期、销号、退回、复核、重新整改）由本庭室庭长或审管办进行" if right is FindingRight.SUPERVISE
               else "进展和证据由责任人或案件承办人报告")
        raise PermissionDenied(f"{_who(account)}无权{right.value}（{item.no}）：{why}")

    def check_from_answer(self, case_id: int, department: str) -> None:
        """An item from an answer: whoever may change the case, or a supervisor of its 庭室."""
        account = self._policy.account()
        if account is None or account.role is Role.MANAGEMENT:
            return
        if account.role is Role.DIVISION_HEAD and department and department == account.department:
            return
        self._policy.check_case(CaseAction.CHANGE, case_id=case_id)

    @staticmethod
    def _supervises(account: Account, item: Finding) -> bool:
        if account.role is Role.MANAGEMENT:
            return True
        return account.role is Role.DIVISION_HEAD and bool(item.department) and item.department == account.department

    def _works_on(self, account: Account, item: Finding) -> bool:
        if item.owner == account.name:
            return True
        return item.case_id is not None and self._policy.may_change_case(item.case_id)

    @staticmethod
    def _sees(account: Account, item: Finding, readable: set[CaseId]) -> bool:
        if item.owner == account.name:
            return True
        if item.case_id is not None and CaseId(item.case_id) in readable:
            return True
        return account.role in _SUPERVISORS and bool(item.department) and item.department == account.department


def _who(account: Account) -> str:
    return f"{account.role.label_zh}（{account.name}）"
