"""A PostgreSQL server through psycopg 3: the URL, the engine's session settings and the server's failures.

Loaded only for a ``postgresql`` URL, and psycopg with it: a start on an SQLite file imports neither.

Transactions: writers run at READ COMMITTED and lock what they read before changing it (``SELECT …
FOR UPDATE``; SQLite ignores it, its writers hold the whole file). Readers run at REPEATABLE READ:
one consistent snapshot for the whole transaction, as an SQLite read transaction has.
A lock waited for longer than the busy timeout fails (``lock_timeout``) with the busy message.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import DBAPIError

from riskdesk.storage.db_errors import (
    ConcurrentChangeError,
    DatabaseBusyError,
    DatabaseError,
    DatabaseFullError,
    DatabaseReadOnlyError,
    ServerBusyError,
    ServerDatabaseMissingError,
    ServerLoginError,
    ServerPermissionError,
    ServerUnreachableError,
)

DRIVER = "postgresql+psycopg"
DEFAULT_CONNECT_TIMEOUT_S = 10
_BACKENDS = ("postgresql", "postgres")


def normalise_url(url: URL) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3; another driver is refused with a message."""
    driver = url.drivername.partition("+")[2]  # get_driver_name() would say psycopg2 for a bare postgresql://
    if driver not in ("", "psycopg"):
        raise DatabaseError(f"不支持 PostgreSQL 驱动 {driver}：请使用 postgresql+psycopg://…（psycopg 3）")
    return url.set(drivername=DRIVER).render_as_string(hide_password=False)


def is_postgresql(url: URL) -> bool:
    return url.get_backend_name() in _BACKENDS


def describe(url: URL) -> str:
    """Where the database is, for messages: ``host:port/name`` (never the password), or the service name."""
    query = url.query
    service = query.get("service")
    host = url.host or query.get("host") or ""
    if isinstance(host, tuple):
        host = ",".join(host)
    port = url.port or query.get("port")
    where = f"{host}:{port}" if host and port else str(host or "")
    name = url.database or ""
    if service and not where and not name:
        return f"service={service}"
    return f"{where or '本机'}/{name}" if name else (where or "本机")


def create(url: URL, busy_timeout_ms: int) -> Engine:
    """The engine; every new connection gets the lock timeout and is checked for a UTF8 database."""
    query = url.query
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in query:
        connect_args["connect_timeout"] = DEFAULT_CONNECT_TIMEOUT_S
    if "application_name" not in query:
        connect_args["application_name"] = "RiskDesk"
    # pre_ping: a window stays open all day, and a server restart or a dropped network connection
    # must cost a reconnect, not the next save.
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
    timeout = int(busy_timeout_ms)

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        # 0 would mean "wait for ever" to PostgreSQL; SQLite's busy timeout 0 means "do not wait".
        cur.execute(f"SET lock_timeout = {max(timeout, 1)}")
        cur.close()
        dbapi_conn.commit()

    event.listen(engine, "connect", on_connect)
    return engine


def check_server(conn: Connection, where: str) -> None:
    """Refuse a database whose text is not stored as UTF8 (Chinese text would be mangled or refused)."""
    dbapi = conn.connection.dbapi_connection
    encoding = dbapi.info.parameter_status("server_encoding") if dbapi is not None else None
    if encoding and encoding.upper() not in ("UTF8", "UTF-8"):
        raise DatabaseError(f"数据库 {where} 的字符编码是 {encoding}，RiskDesk 需要 UTF8 编码的数据库"
                            "（createdb -E UTF8 -T template0 …，见 README 多人共用一节）。")


def serialise(conn: Connection, name: str) -> None:
    """Writers passing the same ``name`` go one after another until their transactions end.

    A transaction-level advisory lock on a 63-bit key derived from the name: where a writer checks
    that a row is absent and then inserts it, a second writer waits and then sees the first one's row.
    """
    key = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big") >> 1
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


def is_driver_error(exc: BaseException) -> bool:
    return type(exc).__module__.split(".")[0] == "psycopg"


_UNREACHABLE = ("connection refused", "could not connect", "timeout expired", "failed to resolve host",
                "could not translate host name", "no route to host", "network is unreachable",
                "is the server running", "connection timed out", "name or service not known")
_LOST = ("server closed the connection", "terminating connection", "consuming input failed",
         "the connection is lost", "connection is closed", "ssl syscall error", "eof detected")
_TLS = ("certificate verify failed", "ssl error", "server does not support ssl", "certificate")
_LOGIN = ("password authentication failed", "authentication failed", "no password supplied",
          "role \"", "pg_hba.conf", "fe_sendauth")


def translate(exc: BaseException, url: URL | None, where: str) -> DatabaseError | None:
    """A plain-language DatabaseError for a PostgreSQL failure a user can meet, else None."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    state = str(getattr(orig, "sqlstate", None) or "")
    message = str(orig)
    low = message.lower()
    user = (url.username if url is not None else None) or ""
    name = (url.database if url is not None else None) or ""
    if state in ("55P03", "57014"):  # lock_not_available (lock_timeout), query_canceled (statement_timeout)
        return DatabaseBusyError()
    if state in ("40001", "40P01"):  # serialization_failure, deadlock_detected
        return ConcurrentChangeError()
    if state == "25006":  # read_only_sql_transaction: read-only mode or a standby
        return DatabaseReadOnlyError(where)
    if state == "53100" or "no space left on device" in low:
        return DatabaseFullError(where)
    if state == "22001":  # string_data_right_truncation: longer than the column (SQLite would have taken it)
        return DatabaseError(f"有一项内容超过了数据库允许的长度，本次保存未完成，已保存的数据不受影响（{_first_line(message)}）。"
                             "请缩短后重试。")
    if "nul (0x00)" in low or state == "22021":  # NUL in text: the services strip or refuse it; a last guard
        return DatabaseError("有一项内容含有数据库不能保存的字符（NUL），本次保存未完成，已保存的数据不受影响。")
    if state == "42501":  # insufficient_privilege
        return ServerPermissionError(where, user, _first_line(message))
    if state == "53300" or "too many clients" in low or "remaining connection slots" in low:
        return ServerBusyError(where)
    if "definition of service" in low:  # ?service=NAME not in the service file
        service = url.query.get("service", "") if url is not None else ""
        return DatabaseError(f"连接设置中没有名为 {service} 的数据库服务：请检查服务文件（~/.pg_service.conf，或环境变量 "
                             "PGSERVICEFILE 所指的文件；见 README 多人共用一节）。")
    if state == "3D000" or ("database \"" in low and "does not exist" in low):
        return ServerDatabaseMissingError(where, name)
    if state in ("28P01", "28000") or any(s in low for s in _LOGIN):
        return ServerLoginError(where, user)
    if state.startswith("08") or state in ("57P01", "57P02", "57P03") or any(s in low for s in _LOST):
        return ServerUnreachableError(where, lost=True)
    if any(s in low for s in _TLS):
        return DatabaseError(f"无法与数据库服务器 {where} 建立加密连接：服务器证书未通过验证（证书不是所配置的 CA 签发，或与服务器名称"
                             f"不符），或服务器未启用 TLS（{_first_line(message)}）。请联系信息技术人员。")
    if any(s in low for s in _UNREACHABLE) or low.startswith("connection failed"):
        return ServerUnreachableError(where, _first_line(message))
    return None


def _first_line(message: str) -> str:
    line = (message.strip().splitlines() or [""])[0]
    return line.removeprefix("connection failed: ")[:300]
