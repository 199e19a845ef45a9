"""Who may do what: the one policy every service asks before it reads or changes anything.

On a single-seat file (no accounts) everything is allowed, as before accounts existed, except
managing accounts (there are none: ``riskdesk server init`` makes the first). On a shared database:

- 法官助理/书记员 and 承办法官 read and change their own cases: those whose owner is their account,
  those assigned to them, and (with no owner account: cases from before accounts) those whose
  承办人 text is their 姓名;
- 庭长 reads the cases of their 庭室 and their own, and changes only their own;
- 审管办 reads every case and changes none;
- 信息技术管理员 manages accounts, 庭室 and the court's name, and reads no case content;
- a checklist is submitted (and withdrawn) by whoever may change the case, and approved or returned by
  the 庭长 of the case's 庭室 unless it is a case they handle themselves.

The window only hides what this policy would refuse; the refusal itself is here.
"""

from __future__ import annotations

import enum
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from riskdesk.domain.model import CaseId
from riskdesk.domain.people import Account, CaseScope, Role, UserId
from riskdesk.services.errors import PermissionDenied
from riskdesk.storage.access_queries import case_access, case_ids_in_scope
from riskdesk.storage.db import Database

if TYPE_CHECKING:
    from riskdesk.services.session import Session


class Action(enum.Enum):
    """What a role may do or not, whatever the case (the value names it in a refusal)."""

    READ_CASES = "查看案件"
    CREATE_CASES = "新建案件"
    IMPORT_CASES = "导入案件"
    STATISTICS = "查看统计"
    PRINT_CATALOG = "打印风险提示与操作指引和空白核查清单"
    SET_COURT = "修改法院名称"
    SET_REVIEWER = "指定核查人"
    MANAGE_USERS = "管理用户账户"
    MANAGE_DEPARTMENTS = "添加庭室"
    LIST_DEPARTMENTS = "查看庭室"
    VERIFY_AUDIT = "校验审计记录"
    MOVE_DATABASE = "迁移数据库（db copy）"
    # For the window to offer sign-off only where it can happen (each checklist is checked by check_case).
    SUBMIT_CHECKLISTS = "提交清单审核"
    REVIEW_CHECKLISTS = "审核清单"


class CaseAction(enum.Enum):
    """What someone does to one case: reading needs the case in their read scope, the rest in their change scope."""

    READ = "查看案件"
    HISTORY = "查看修改记录"
    REPORT = "打印案件核查报告"
    CHANGE = "修改案件"
    START = "开始核查清单"
    ANSWER = "填写核查结果"
    UPGRADE = "升级核查清单"
    ASSIGN = "分配案件"
    SUBMIT = "提交或撤回清单"
    REVIEW = "审核清单（通过或退回）"

    @property
    def writes(self) -> bool:
        return self not in (CaseAction.READ, CaseAction.HISTORY, CaseAction.REPORT)


_WORKERS = frozenset({Action.READ_CASES, Action.CREATE_CASES, Action.IMPORT_CASES, Action.STATISTICS,
                      Action.PRINT_CATALOG, Action.LIST_DEPARTMENTS, Action.VERIFY_AUDIT, Action.SUBMIT_CHECKLISTS})
ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.ASSISTANT: _WORKERS,
    Role.JUDGE: _WORKERS,
    Role.DIVISION_HEAD: _WORKERS | {Action.REVIEW_CHECKLISTS},
    Role.MANAGEMENT: frozenset({Action.READ_CASES, Action.STATISTICS, Action.PRINT_CATALOG, Action.LIST_DEPARTMENTS,
                                Action.VERIFY_AUDIT}),
    Role.ADMIN: frozenset({Action.PRINT_CATALOG, Action.SET_COURT, Action.MANAGE_USERS, Action.MANAGE_DEPARTMENTS,
                           Action.LIST_DEPARTMENTS, Action.VERIFY_AUDIT, Action.MOVE_DATABASE}),
}
SINGLE_SEAT_REFUSED = frozenset({Action.MANAGE_USERS})
_HINTS = {
    Action.SET_REVIEWER: "共享数据库上核查人就是登录的账户",
    Action.MANAGE_USERS: "请由信息技术管理员操作",
    Action.MANAGE_DEPARTMENTS: "请由信息技术管理员添加",
    Action.SET_COURT: "请由信息技术管理员设置",
    Action.MOVE_DATABASE: "请由信息技术管理员操作",
}
_EVERYTHING = CaseScope(everything=True)
_NOTHING = CaseScope()


def read_scope(account: Account) -> CaseScope:
    if account.role is Role.MANAGEMENT:
        return _EVERYTHING
    if account.role is Role.ADMIN:
        return _NOTHING
    own = CaseScope(user_id=account.id, name=account.name)
    return replace(own, department_id=account.department_id) if account.role is Role.DIVISION_HEAD else own


def change_scope(account: Account) -> CaseScope:
    if account.role in (Role.ASSISTANT, Role.JUDGE, Role.DIVISION_HEAD):
        return CaseScope(user_id=account.id, name=account.name)
    return _NOTHING


def review_scope(account: Account) -> CaseScope:
    """The cases whose checklists the account reviews: a 庭长's 庭室 (less their own, see check_case)."""
    if account.role is Role.DIVISION_HEAD and account.department_id is not None:
        return CaseScope(department_id=account.department_id)
    return _NOTHING


def _why(role: Role, action: CaseAction) -> str:
    if role is Role.ADMIN:
        return "信息技术管理员只管理用户和庭室，不查看案件内容"
    if action is CaseAction.REVIEW:
        return "庭长审核本庭室他人承办案件的清单，不审核自己承办的" if role is Role.DIVISION_HEAD else "清单由庭长审核"
    if role is Role.MANAGEMENT:
        return "审管办只能查看案件，不能修改"
    if role is Role.DIVISION_HEAD:
        return "庭长只能修改自己承办的案件" if action.writes else "该案件不属于您的庭室，也不由您承办"
    return "该案件不由您承办，也未分配给您"


def _who(account: Account) -> str:
    return f"{account.role.label_zh}（{account.name}）"


class Policy:
    def __init__(self, db: Database, session: Session) -> None:
        self._db = db
        self._session = session

    @property
    def shared(self) -> bool:
        return self._session.shared

    def account(self, *, password_change: bool = False) -> Account | None:
        """The acting account (None on a single seat); refuses a missing, disabled or must-change one."""
        if not self._session.shared:
            return None
        self._session.actor  # noqa: B018 - raises LoginRequired before anyone has signed in
        account = self._session.account
        if account is None or not account.active:
            self._session.sign_out()
            raise PermissionDenied("账户已停用或不存在，请联系信息技术管理员")
        if account.must_change_password and not password_change:
            raise PermissionDenied("密码已由管理员设置或重置：请先修改密码（窗口中会提示；命令行：riskdesk user passwd）")
        return account

    # -- what a role may do ------------------------------------------------------------------------
    def allows(self, action: Action) -> bool:
        """For the window, to hide what would be refused: never raises."""
        try:
            self.require(action)
        except PermissionDenied:
            return False
        return True

    def require(self, action: Action) -> None:
        account = self.account()
        if account is None:
            if action in SINGLE_SEAT_REFUSED:
                raise PermissionDenied(f"这是单机数据库（没有账户），无法{action.value}：请先用 riskdesk server init "
                                       "--admin 登录名 创建第一个管理员账户")
            return
        if action not in ROLE_ACTIONS[account.role]:
            hint = _HINTS.get(action, "")
            raise PermissionDenied(f"{_who(account)}无权{action.value}" + (f"：{hint}" if hint else ""))

    # -- what someone may do to a case -------------------------------------------------------------
    def check_case(self, action: CaseAction, *, case_id: int | None = None, case_no: str | None = None,
                   checklist_id: int | None = None) -> None:
        """Refuse ``action`` on the case (named by id, 案号 or checklist) unless it is in the account's scope.

        A case that does not exist passes: the service then says it was not found.
        """
        account = self.account()
        if account is None:
            return
        review = action is CaseAction.REVIEW
        scope = review_scope(account) if review else change_scope(account) if action.writes else read_scope(account)
        if scope.everything:
            return
        if scope.nothing:
            raise PermissionDenied(f"{_who(account)}无权{action.value}：{_why(account.role, action)}")
        with self._db.reading() as conn:
            found = case_access(conn, scope, case_id=case_id, case_no=case_no, checklist_id=checklist_id)
            if review and found is not None and found[1]:  # a 庭长 does not review the cases they handle
                own = case_access(conn, change_scope(account), case_id=case_id, case_no=case_no,
                                  checklist_id=checklist_id)
                found = (found[0], own is not None and not own[1])
        if found is not None and not found[1]:
            raise PermissionDenied(f"{_who(account)}无权{action.value}（{found[0]}）：{_why(account.role, action)}")

    def case_refusal(self, action: CaseAction, case_id: int) -> str:
        """For the window, to disable what would be refused: the refusal's message, "" when allowed."""
        try:
            self.check_case(action, case_id=case_id)
        except PermissionDenied as exc:
            return str(exc)
        return ""

    def may_change_case(self, case_id: int) -> bool:
        return not self.case_refusal(CaseAction.ANSWER, case_id)

    def read_scope(self) -> CaseScope:
        """The cases lists and statistics show (everything on a single seat); refuses a role that reads none."""
        self.require(Action.READ_CASES)
        account = self.account()
        return _EVERYTHING if account is None else read_scope(account)

    def readable(self, conn: Connection, case_ids: list[CaseId]) -> set[CaseId]:
        """Which of ``case_ids`` the acting person may read (inside the caller's transaction)."""
        scope = self.read_scope()
        return set(case_ids) if scope.everything else case_ids_in_scope(conn, scope, case_ids) if case_ids else set()

    def changeable(self, conn: Connection, case_ids: list[CaseId]) -> set[CaseId]:
        """Which of ``case_ids`` the acting person may change (inside the caller's transaction)."""
        account = self.account()
        if account is None:
            return set(case_ids)
        return case_ids_in_scope(conn, change_scope(account), case_ids) if case_ids else set()

    def new_case_owner(self) -> tuple[UserId | None, UserId | None]:
        """(owner, assignee) of a case the acting person creates: a judge or 庭长 owns it, an assistant is
        assigned to it (its 承办人 text names the judge); nobody on a single seat."""
        account = self.account()
        if account is None:
            return None, None
        if account.role is Role.ASSISTANT:
            return None, account.id
        return account.id, None
