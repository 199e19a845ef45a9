"""Opening the SQLite database: URL resolution, connection pragmas, damage checks, sessions.

Every connection runs with foreign keys on, WAL journaling and ``synchronous=FULL`` so that a
commit that returned is on disk even if the workstation loses power a moment later.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_S = 5.0
_SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseError(Exception):
    """The database cannot be used; the message is for the user (Chinese first)."""


class DatabaseDamagedError(DatabaseError):
    """The file at the database path is not a readable SQLite database."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        super().__init__(
            f"数据库文件已损坏或不是 RiskDesk 数据库：{path}（{detail}）。"
            "RiskDesk 不会覆盖它；请用 “riskdesk db restore 备份文件” 从备份恢复。"
        )


class DatabaseBusyError(DatabaseError):
    def __init__(self) -> None:
        super().__init__("数据库正被另一个程序长时间占用，本次保存未完成，请稍后重试。")


class DatabaseReadOnlyError(DatabaseError):
    def __init__(self) -> None:
        super().__init__("数据库文件是只读的，无法保存。请检查文件权限或联系信息技术人员。")


class DatabaseFullError(DatabaseError):
    def __init__(self) -> None:
        super().__init__("磁盘空间已满，本次保存未完成。请释放磁盘空间后重试，已保存的数据不受影响。")


def resolve_url(db: str | os.PathLike[str] | None, default_path: Path) -> str:
    """``--db`` accepts a file path or an SQLAlchemy URL; nothing means the per-user default file."""
    if db is None or str(db) == "":
        env = os.environ.get("RISKDESK_DB", "")
        db = env or default_path
    text = str(db)
    if "://" in text:
        url = make_url(text)
        if url.get_backend_name() != "sqlite":
            raise DatabaseError(f"只支持 SQLite 数据库，收到的是 {url.get_backend_name()}")
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    """The file behind a sqlite URL, or None for an in-memory database."""
    database = make_url(url).database
    if not database or database == ":memory:":
        return None
    return Path(database)


def check_file(path: Path) -> None:
    """Refuse a file that exists but is not SQLite, before SQLite gets a chance to touch it."""
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseDamagedError(path, "这是一个文件夹")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"无法读取数据库文件 {path}：{exc.strerror}") from exc
    if head and head != _SQLITE_HEADER:
        raise DatabaseDamagedError(path, "文件头不是 SQLite 格式")
    if 0 < len(head) < len(_SQLITE_HEADER):
        raise DatabaseDamagedError(path, "文件被截断")


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # isolation_level=None hands transaction control to SQLAlchemy's "begin" event below.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()
    if mode and str(mode[0]).lower() not in ("wal", "memory"):
        # A read-only directory cannot hold the -wal file; keep the rollback journal then.
        cur.execute("PRAGMA journal_mode=DELETE")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _on_begin(conn: Any) -> None:
    # Writers take the lock up front (BEGIN IMMEDIATE): in WAL mode a deferred transaction that
    # later tries to write fails at once with SQLITE_BUSY instead of waiting for the busy timeout.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def translate_error(exc: BaseException) -> DatabaseError | None:
    """A plain-language DatabaseError for the SQLite failures a user can meet, else None."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    text = str(orig).lower()
    if "database is locked" in text or "database is busy" in text:
        return DatabaseBusyError()
    if "readonly" in text or "read-only" in text or "attempt to write a readonly" in text:
        return DatabaseReadOnlyError()
    if "database or disk is full" in text or "disk i/o error" in text and "full" in text:
        return DatabaseFullError()
    if "file is not a database" in text or "malformed" in text:
        return DatabaseError("数据库文件已损坏，请从备份恢复（riskdesk db restore）。")
    return None


class Database:
    """The engine plus read and write session factories. Services own the transactions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = sqlite_path(url)
        if self.path is not None:
            check_file(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        event.listen(self.engine, "connect", _on_connect)
        event.listen(self.engine, "begin", _on_begin)
        self._read = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._write_engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._write = sessionmaker(bind=self._write_engine, expire_on_commit=False)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._guard(), self._read.begin() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on any error."""
        with self._guard(), self._write.begin() as session:
            yield session

    @contextmanager
    def writing_core(self) -> Iterator[Connection]:
        """A write transaction on a bare connection: no Session, for the per-key-press hot path."""
        with self._guard(), self._write_engine.begin() as conn:
            yield conn

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except (OperationalError, DBAPIError) as exc:
            nice = translate_error(exc)
            if nice is not None:
                raise nice from exc
            raise

    def close(self) -> None:
        self.engine.dispose()
