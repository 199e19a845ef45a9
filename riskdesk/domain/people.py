"""Who acts: a person's name and, on a shared database, their account and role."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import NewType

UserId = NewType("UserId", int)


class Role(enum.Enum):
    """One role per account on a shared database; a single-seat file has no roles."""

    ASSISTANT = "assistant"  # 法官助理 / 书记员
    JUDGE = "judge"  # 承办法官
    DIVISION_HEAD = "division_head"  # 庭长
    MANAGEMENT = "management"  # 审管办
    ADMIN = "admin"  # 信息技术管理员

    @property
    def label_zh(self) -> str:
        return _ROLE_ZH[self]

    @classmethod
    def parse(cls, text: str) -> Role:
        key = text.strip().lower()
        for role in cls:
            if key in (role.value, role.label_zh):
                return role
        raise ValueError(f"角色“{text}”无法识别：应为 " + "、".join(f"{r.value}（{r.label_zh}）" for r in cls))


_ROLE_ZH = {Role.ASSISTANT: "法官助理/书记员", Role.JUDGE: "承办法官", Role.DIVISION_HEAD: "庭长",
            Role.MANAGEMENT: "审管办", Role.ADMIN: "信息技术管理员"}


@dataclass(frozen=True)
class Actor:
    """The person a change is recorded against.

    ``user_id`` and ``role`` are None on a single-seat database, where the person is a name typed in
    the settings (or given with ``--by``) and may do everything a judge does.
    """

    name: str
    role: Role | None = None
    user_id: UserId | None = None
    login: str = ""
    department: str = ""

    @property
    def shared(self) -> bool:
        return self.user_id is not None


@dataclass(frozen=True)
class Account:
    """A user account of a shared database, as the services hand it out (never with its password hash)."""

    id: UserId
    login: str
    name: str
    role: Role
    department_id: int | None = None
    department: str = ""
    active: bool = True
    must_change_password: bool = False
    locked_until: datetime | None = None
    failed_attempts: int = 0
    password_changed_at: datetime | None = None
    created_at: datetime | None = None

    @property
    def actor(self) -> Actor:
        return Actor(self.name, self.role, self.id, self.login, self.department)


@dataclass(frozen=True)
class CaseScope:
    """Which cases someone may read (or change), as the storage layer turns it into SQL.

    ``everything``: every case. Otherwise the union of: the cases of account ``user_id`` (its owner,
    assigned to it, or — with no owner account, from before accounts — whose 承办人 text is ``name``)
    and the cases of 庭室 ``department_id``. Neither given: no case at all.
    """

    everything: bool = False
    user_id: UserId | None = None
    name: str = ""
    department_id: int | None = None

    @property
    def nothing(self) -> bool:
        return not self.everything and self.user_id is None and self.department_id is None
