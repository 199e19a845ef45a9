"""SQL of user accounts and 庭室 as an admin manages them. Each function runs in the caller's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Row, exists, insert, select, update

from riskdesk.domain.people import Account, Role, UserId
from riskdesk.storage.schema import departments, users

_U = users.c
_ROLE_OF = {r.value: r for r in Role}
_COLUMNS = (_U.id, _U.login, _U.name, _U.role, _U.department_id, departments.c.name.label("department"), _U.active,
            _U.must_change_password, _U.locked_until, _U.failed_attempts, _U.password_changed_at, _U.created_at,
            _U.password_hash)
_USERS = users.outerjoin(departments, departments.c.id == _U.department_id)


class StoredUser(NamedTuple):
    """An account and its password hash: the hash stays in the services, never in an Account."""

    account: Account
    password_hash: str


def _to_user(row: Row[Any]) -> StoredUser:
    account = Account(UserId(row.id), row.login, row.name, _ROLE_OF[row.role], row.department_id,
                      row.department or "", bool(row.active), bool(row.must_change_password), row.locked_until,
                      int(row.failed_attempts), row.password_changed_at, row.created_at)
    return StoredUser(account, row.password_hash)


def has_users(conn: Connection) -> bool:
    """A database with an account is shared: everyone logs in."""
    return bool(conn.execute(select(exists().where(_U.id.is_not(None)))).scalar())


def user_by_login(conn: Connection, login: str) -> StoredUser | None:
    row = conn.execute(select(*_COLUMNS).select_from(_USERS).where(_U.login == login)).first()
    return None if row is None else _to_user(row)


def user_by_id(conn: Connection, user_id: int) -> StoredUser | None:
    row = conn.execute(select(*_COLUMNS).select_from(_USERS).where(_U.id == user_id)).first()
    return None if row is None else _to_user(row)


def all_users(conn: Connection) -> list[Account]:
    return [_to_user(r).account for r in conn.execute(select(*_COLUMNS).select_from(_USERS).order_by(_U.login))]


def insert_user(conn: Connection, login: str, name: str, role: Role, department_id: int | None, password_hash: str,
                must_change: bool, now: datetime) -> UserId:
    key = conn.execute(insert(users).values(
        login=login, name=name, role=role.value, department_id=department_id, active=True,
        password_hash=password_hash, must_change_password=must_change, failed_attempts=0, locked_until=None,
        password_changed_at=now, created_at=now)).inserted_primary_key
    assert key is not None
    return UserId(int(key[0]))


def update_user(conn: Connection, user_id: int, **values: object) -> None:
    conn.execute(update(users).where(_U.id == user_id).values(**values))


def departments_with_ids(conn: Connection) -> list[tuple[int, str]]:
    """Every active 庭室 as (id, name), by name."""
    d = departments.c
    return [(int(i), str(n)) for i, n in conn.execute(select(d.id, d.name).where(d.active.is_(True)).order_by(d.name))]
