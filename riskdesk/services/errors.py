"""Errors a service raises for the user to read; messages are Chinese, the interface's default."""

from __future__ import annotations

from datetime import datetime

from riskdesk.domain.errors import RiskDeskError


class ServiceError(RiskDeskError):
    """Base: the request was refused and nothing was changed."""


class InvalidInput(ServiceError):
    """Input the user can correct: the command line exits with status 2."""

    exit_status = 2


class NotFound(ServiceError):
    pass


class DuplicateCase(ServiceError):
    pass


class StaleResult(ServiceError):
    """The answer changed elsewhere since it was shown; saving would overwrite someone's work."""

    def __init__(self, point_id: str, current_status: str, current_by: str) -> None:
        self.point_id = point_id
        super().__init__(
            f"{point_id} 已被其他窗口或用户修改（现为“{current_status}”，修改人：{current_by or '未知'}），"
            "为避免覆盖，本次修改未保存。请刷新后重新确认。"
        )


class PermissionDenied(ServiceError):
    """The account's role does not allow this (or not on this case); nothing was read or changed."""


class LoginFailed(ServiceError):
    """Wrong login or password, a disabled account, or a locked one; the message says which it may say."""


class AccountLocked(LoginFailed):
    """Too many wrong passwords: the account is locked until ``until``."""

    def __init__(self, until: datetime) -> None:
        self.until = until
        super().__init__(f"连续输错密码次数过多，账户已锁定，请于 {until:%H:%M} 后再试（或请管理员重置密码）")
