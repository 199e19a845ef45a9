"""Accounts of a shared database: log in, change or reset a password, manage users and 庭室.

Five wrong passwords in a row lock an account for 15 minutes; a successful login clears the count.
An unknown login and a wrong password get the same message (and take as long). A password set by an
admin (a new account, a reset) must be changed at the next login. Every change an admin makes is
written to the audit record, never with a password in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from riskdesk.domain.events import EventKind, NewEvent
from riskdesk.domain.people import Account, Actor, Role
from riskdesk.services.case_fields import clean_field
from riskdesk.services.cases import CASE_WRITERS
from riskdesk.services.errors import AccountLocked, InvalidInput, LoginFailed, NotFound, PermissionDenied
from riskdesk.services.passwords import burn_time, hash_password, verify_password
from riskdesk.services.permissions import Action, Policy
from riskdesk.services.session import Session
from riskdesk.storage import user_queries as q
from riskdesk.storage.case_queries import add_department, department_id
from riskdesk.storage.db import Database, serialise
from riskdesk.storage.events import append_event

MAX_FAILED = 5
LOCK_FOR = timedelta(minutes=15)
MIN_PASSWORD = 8
WRONG = "登录名或密码错误"
ALREADY_SHARED = "这个数据库已有账户（已是共享数据库）：请由管理员用 riskdesk user add 添加用户"
NO_ACCOUNTS = "这是单机数据库（没有账户），没有密码可修改"
# Writers of accounts go one at a time (storage.db.serialise): each checks what is stored — no account
# yet, the login free, the failed-password count — and then writes it.
ACCOUNT_WRITERS = "accounts"
_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")


@dataclass(frozen=True)
class Credentials:
    login: str
    password: str = field(repr=False)


def clean_login(login: str) -> str:
    text = login.strip().lower()
    if not _LOGIN.match(text):
        raise InvalidInput(f"登录名“{login.strip()}”不可用：2 到 40 个字符，只用英文字母、数字和 . _ -，以字母或数字开头")
    return text


def check_new_password(password: str, login: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"密码太短：至少 {MIN_PASSWORD} 个字符")
    if password.strip().lower() == login.lower():
        raise InvalidInput("密码不能与登录名相同")
    if "\x00" in password:
        raise InvalidInput("密码含有无效字符（NUL）")


class AccountService:
    def __init__(self, db: Database, session: Session, policy: Policy) -> None:
        self._db = db
        self._session = session
        self._policy = policy

    def _now(self) -> datetime:
        return self._session.clock()

    # -- signing in ----------------------------------------------------------------------------------
    def login(self, login: str, password: str) -> Account:
        """Check the password and sign the account in; LoginFailed (AccountLocked) says why not."""
        if not self._session.shared:
            raise LoginFailed("这是单机数据库（没有账户），无需登录")
        name = login.strip().lower()
        with self._db.reading() as conn:
            stored = q.user_by_login(conn, name)
        if stored is None:
            burn_time(password)
            raise LoginFailed(WRONG)
        now = self._now()
        locked = stored.account.locked_until
        if locked is not None and now < locked:
            raise AccountLocked(locked)
        ok = verify_password(password, stored.password_hash)
        until: datetime | None = None
        with self._db.writing() as conn:
            serialise(conn, ACCOUNT_WRITERS)  # two wrong passwords at once count twice
            fresh = q.user_by_login(conn, name)
            assert fresh is not None
            account = fresh.account
            if ok and (account.failed_attempts or account.locked_until):
                q.update_user(conn, account.id, failed_attempts=0, locked_until=None)
            elif not ok:
                expired = account.locked_until is not None and now >= account.locked_until
                failed = (0 if expired else account.failed_attempts) + 1
                until = now + LOCK_FOR if failed >= MAX_FAILED else None
                q.update_user(conn, account.id, failed_attempts=0 if until else failed, locked_until=until)
        if not ok:
            if until is not None:
                raise LoginFailed(f"{WRONG}；连续输错 {MAX_FAILED} 次，账户已锁定，请于 {until:%H:%M} 后再试")
            raise LoginFailed(WRONG)
        if not account.active:
            raise LoginFailed("账户已停用，请联系信息技术管理员")
        self._session.sign_in(account)
        return account

    def change_password(self, old: str, new: str) -> None:
        """The signed-in person's own password (also when an admin's reset requires it)."""
        account = self._policy.account(password_change=True)
        if account is None:
            raise PermissionDenied(NO_ACCOUNTS)
        check_new_password(new, account.login)
        if new == old:
            raise InvalidInput("新密码不能与原密码相同")
        with self._db.reading() as conn:
            stored = q.user_by_id(conn, account.id)
        if stored is None or not verify_password(old, stored.password_hash):
            raise LoginFailed("原密码不正确，密码未修改")
        now = self._now()
        with self._db.writing() as conn:
            q.update_user(conn, account.id, password_hash=hash_password(new), must_change_password=False,
                          password_changed_at=now, failed_attempts=0, locked_until=None)
            self._record(conn, EventKind.USER_CHANGED, account.login, "password", "", "修改", now)
            fresh = q.user_by_id(conn, account.id)
        self._session.sign_in(fresh.account if fresh else None)

    # -- managing accounts (admin) -------------------------------------------------------------------
    def init_server(self, login: str, name: str, password: str) -> Account:
        """Make a database shared: its first account, an admin. Only while there is no account at all."""
        login = clean_login(login)
        name = clean_field(name, "姓名", 100) or login
        check_new_password(password, login)
        now = self._now()
        with self._db.writing() as conn:
            serialise(conn, ACCOUNT_WRITERS)  # two first admins at once: the second finds the first
            if q.has_users(conn):
                raise InvalidInput(ALREADY_SHARED)
            user_id = q.insert_user(conn, login, name, Role.ADMIN, None, hash_password(password), False, now)
            self._record(conn, EventKind.USER_ADDED, login, "role", "", Role.ADMIN.value, now,
                         actor=Actor(name, Role.ADMIN, user_id, login))
            stored = q.user_by_id(conn, user_id)
        assert stored is not None
        self._session.shared = True  # from now on everyone, this session too, signs in
        self._session.sign_out()
        return stored.account

    def add_user(self, login: str, name: str, role: Role | str, department: str, password: str, *,
                 must_change: bool = True) -> Account:
        self._policy.require(Action.MANAGE_USERS)
        login = clean_login(login)
        name = clean_field(name, "姓名", 100)
        if not name:
            raise InvalidInput("姓名不能为空")
        role = _role(role)
        check_new_password(password, login)
        now = self._now()
        try:
            with self._db.writing() as conn:
                serialise(conn, ACCOUNT_WRITERS)
                dept = self._department(conn, department, required=role is Role.DIVISION_HEAD)
                if q.user_by_login(conn, login) is not None:
                    raise InvalidInput(f"登录名 {login} 已存在")
                user_id = q.insert_user(conn, login, name, role, dept, hash_password(password), must_change, now)
                self._record(conn, EventKind.USER_ADDED, login, "role", "", role.value, now)
                stored = q.user_by_id(conn, user_id)
        except IntegrityError as exc:  # added by someone else a moment ago
            raise InvalidInput(f"登录名 {login} 已存在") from exc
        assert stored is not None
        return stored.account

    def list_users(self) -> list[Account]:
        self._policy.require(Action.MANAGE_USERS)
        with self._db.reading() as conn:
            return q.all_users(conn)

    def disable_user(self, login: str) -> Account:
        return self._set_active(login, False)

    def enable_user(self, login: str) -> Account:
        return self._set_active(login, True)

    def reset_password(self, login: str, new_password: str) -> Account:
        """An admin sets a new password (and unlocks the account); its owner must change it at the next login."""
        me = self._admin()
        target = self._user(login)
        if target.id == me.id:
            raise InvalidInput("自己的密码请用“修改密码”修改")
        check_new_password(new_password, target.login)
        now = self._now()
        with self._db.writing() as conn:
            q.update_user(conn, target.id, password_hash=hash_password(new_password), must_change_password=True,
                          password_changed_at=now, failed_attempts=0, locked_until=None)
            self._record(conn, EventKind.USER_CHANGED, target.login, "password", "", "重置", now)
        return self._user(target.login)

    # -- 庭室 ------------------------------------------------------------------------------------------
    def add_department(self, name: str) -> str:
        self._policy.require(Action.MANAGE_DEPARTMENTS)
        name = clean_field(name, "庭室名称", 100)
        if not name:
            raise InvalidInput("庭室名称不能为空")
        with self._db.writing() as conn:
            serialise(conn, CASE_WRITERS)  # case writers add a 庭室 they name too (single seat), under this name
            if department_id(conn, name) is not None:
                raise InvalidInput(f"庭室“{name}”已存在")
            add_department(conn, name)
            if self._session.shared:
                self._record(conn, EventKind.DEPARTMENT_ADDED, "", "name", "", name, self._now())
        return name

    def list_departments(self) -> list[str]:
        self._policy.require(Action.LIST_DEPARTMENTS)
        with self._db.reading() as conn:
            return [n for _, n in q.departments_with_ids(conn)]

    # -- helpers -------------------------------------------------------------------------------------
    def _admin(self) -> Account:
        self._policy.require(Action.MANAGE_USERS)
        account = self._policy.account()
        assert account is not None  # a single seat was refused above
        return account

    def _user(self, login: str) -> Account:
        with self._db.reading() as conn:
            stored = q.user_by_login(conn, login.strip().lower())
        if stored is None:
            raise NotFound(f"没有登录名为 {login.strip()} 的用户")
        return stored.account

    def _set_active(self, login: str, active: bool) -> Account:
        me = self._admin()
        target = self._user(login)
        if target.id == me.id and not active:
            raise InvalidInput("不能停用自己的账户")
        if target.active != active:
            with self._db.writing() as conn:
                q.update_user(conn, target.id, active=active, failed_attempts=0, locked_until=None)
                self._record(conn, EventKind.USER_CHANGED, target.login, "active", _yes(target.active), _yes(active),
                             self._now())
        return self._user(target.login)

    def _department(self, conn: Connection, name: str, *, required: bool) -> int | None:
        name = (name or "").strip()
        if not name:
            if required:
                raise InvalidInput("庭长必须属于一个庭室（--department）")
            return None
        found = department_id(conn, name)
        if found is None:
            known = "、".join(n for _, n in q.departments_with_ids(conn)) or "（还没有庭室，请先用 riskdesk dept add 添加）"
            raise InvalidInput(f"庭室“{name}”不存在；已有：{known}")
        return found

    def _record(self, conn: Connection, kind: EventKind, login: str, what: str, old: str, new: str, now: datetime,
                *, actor: Actor | None = None) -> None:
        """An admin's change in the audit record (``server init``'s against the new admin)."""
        append_event(conn, NewEvent(kind, actor or self._session.actor, field=what, old=old, new=new,
                                    reason=f"账户 {login}" if login else ""), now)


def _role(role: Role | str) -> Role:
    if isinstance(role, Role):
        return role
    try:
        return Role.parse(role)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc


def _yes(flag: bool) -> str:
    return "启用" if flag else "停用"
