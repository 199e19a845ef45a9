"""Opening the SQLite database: URL resolution, connection pragmas, damage checks, transactions.

Every connection runs with foreign keys on, WAL journaling and ``synchronous=FULL`` so that a
commit that returned is on disk even if the workstation loses power a moment later.

A writer waits for another process's lock up to the busy timeout: 5 s unless the caller says
otherwise (the composition root reads ``RISKDESK_BUSY_TIMEOUT_MS``; tests use a short one).
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import DBAPIError, OperationalError

from riskdesk.domain.errors import RiskDeskError
from riskdesk.storage.backup_names import has_own_backups

DEFAULT_BUSY_TIMEOUT_MS = 5000
_SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseError(RiskDeskError):
    """The database cannot be used; the message is for the user (Chinese first)."""


class DatabaseDamagedError(DatabaseError):
    """The file at the database path is not a readable SQLite database."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        super().__init__(
            f"数据库文件已损坏或不是 RiskDesk 数据库：{path}（{detail}）。"
            "RiskDesk 不会覆盖它；请用 “riskdesk db restore 备份文件” 从备份恢复。"
        )


class DatabaseMissingError(DatabaseDamagedError):
    """The file is gone but its automatic backups are there: moved, deleted, or a drive not connected."""

    def __init__(self, path: Path) -> None:
        self.path = path
        DatabaseError.__init__(
            self,
            f"数据库文件不存在：{path}，但同一文件夹的 backups 中有自动备份，文件可能被移动、删除或所在磁盘未连接。"
            "RiskDesk 不会新建空数据库；请用 “riskdesk db restore 备份文件” 恢复，或用 --db 指定正确的文件。",
        )


class BackupUnusableError(DatabaseError):
    """The file offered as a backup fails SQLite's check or is not a RiskDesk database."""

    exit_status = 2


class DatabaseBusyError(DatabaseError):
    def __init__(self) -> None:
        super().__init__("数据库正被另一个程序长时间占用，本次保存未完成，请稍后重试。")


class DatabaseReadOnlyError(DatabaseError):
    def __init__(self) -> None:
        super().__init__("数据库文件是只读的，无法保存。请检查文件权限或联系信息技术人员。")


class DatabaseFullError(DatabaseError):
    def __init__(self) -> None:
        super().__init__("磁盘空间已满，本次保存未完成。请释放磁盘空间后重试，已保存的数据不受影响。")


class DatabaseIOError(DatabaseError):
    def __init__(self) -> None:
        super().__init__(
            "读写数据库文件时出错（磁盘 I/O 错误），本次操作未完成。可能是磁盘已满、网络盘断开或硬件故障，"
            "请联系信息技术人员；已保存的数据不受影响。"
        )


class DatabaseUnreachableError(DatabaseError):
    def __init__(self, path: Path | None) -> None:
        super().__init__(f"无法打开数据库文件 {path or ''}：请检查文件及其所在文件夹的权限，或磁盘是否已连接。")


def resolve_url(db: str | None, default_path: Callable[[], Path]) -> str:
    """``--db`` accepts a file path or an SQLAlchemy URL; nothing means the per-user default file.

    ``default_path`` is a callable: finding the per-user folder imports platformdirs, which a start
    with ``--db`` does not need.
    """
    text = db or str(default_path())
    if "://" in text:
        url = make_url(text)
        if url.get_backend_name() != "sqlite":
            raise DatabaseError(f"只支持 SQLite 数据库，收到的是 {url.get_backend_name()}")
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def sqlite_path(url: str | URL) -> Path | None:
    """The file behind a sqlite URL, or None for an in-memory database.

    Understands SQLite URI filenames (``sqlite:///file:/x.db?mode=ro&uri=true``), which is how a
    read-only opening is asked for; without this the ``file:`` prefix would be taken as a folder name.
    """
    parsed = make_url(url) if isinstance(url, str) else url
    database = parsed.database
    if not database or database == ":memory:":
        return None
    if str(parsed.query.get("uri", "")).lower() in ("true", "1") and database.startswith("file:"):
        from urllib.parse import unquote, urlsplit

        name = unquote(urlsplit(database).path)
        if not name or name == ":memory:" or parsed.query.get("mode") == "memory":
            return None
        return Path(name)
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
    if not head and has_own_backups(path):
        # A 0-byte file where RiskDesk has kept backups once held data: SQLite would quietly treat it
        # as a new empty database and the migration would write a fresh schema into it.
        raise DatabaseDamagedError(path, "文件为空（0 字节），可能被截断")
    if head:
        _check_length(path)


def check_missing(path: Path) -> None:
    """A missing file beside its own backups is refused, not silently replaced with an empty database."""
    if not path.exists() and has_own_backups(path):
        raise DatabaseMissingError(path)


def _check_length(path: Path) -> None:
    """Catch a file cut short on a page boundary, which the 16-byte header check cannot see.

    The header records the page size and (when its "valid-for" counter matches) the number of pages.
    With a non-empty WAL file the main file may legitimately lag behind, so only a file without one
    is judged.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return
    with path.open("rb") as fh:
        header = fh.read(100)
    size = path.stat().st_size
    if len(header) < 100:
        raise DatabaseDamagedError(path, "文件被截断")
    raw_page = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if raw_page == 1 else raw_page
    if page_size < 512 or page_size & (page_size - 1):
        raise DatabaseDamagedError(path, "文件头中的页大小无效")
    change_counter, pages, valid_for = struct.unpack(">I", header[24:28])[0], struct.unpack(">I", header[28:32])[0], \
        struct.unpack(">I", header[92:96])[0]
    if size % page_size:
        raise DatabaseDamagedError(path, "文件长度不是整页，文件被截断")
    if pages and change_counter == valid_for and size < pages * page_size:
        raise DatabaseDamagedError(path, f"文件被截断（应有 {pages} 页，实有 {size // page_size} 页）")


def _on_connect(dbapi_conn: sqlite3.Connection, busy_timeout_ms: int) -> None:
    # isolation_level=None hands transaction control to SQLAlchemy's "begin" event below.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
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


def translate_error(exc: BaseException, path: Path | None = None) -> DatabaseError | None:
    """A plain-language DatabaseError for the SQLite failures a user can meet, else None.

    Damage becomes DatabaseDamagedError (with the path) so that the window can offer a backup.
    """
    if isinstance(exc, DatabaseError):
        return exc
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    text = str(orig).lower()
    if "database is locked" in text or "database is busy" in text or "database table is locked" in text:
        return DatabaseBusyError()
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnlyError()
    if "database or disk is full" in text:
        return DatabaseFullError()
    if "file is not a database" in text or "malformed" in text or "database corrupt" in text:
        if path is None:
            return DatabaseError("数据库文件已损坏，请从备份恢复（riskdesk db restore）。")
        return DatabaseDamagedError(path, "SQLite 报告：" + str(orig))
    if "disk i/o error" in text:
        return DatabaseIOError()
    if "unable to open database file" in text:
        return DatabaseUnreachableError(path)
    return None


class Database:
    """The engine plus read and write session factories. Services own the transactions."""

    def __init__(self, url: str, *, busy_timeout_ms: int | None = None) -> None:
        self.url = url
        self.path = sqlite_path(url)
        if self.path is not None:
            check_missing(self.path)
            check_file(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.busy_timeout_ms = DEFAULT_BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
        self.engine: Engine = create_engine(url, connect_args={"timeout": self.busy_timeout_ms / 1000})
        timeout = self.busy_timeout_ms
        event.listen(self.engine, "connect", lambda dbapi_conn, _record: _on_connect(dbapi_conn, timeout))
        event.listen(self.engine, "begin", _on_begin)
        self._write_engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        if self.path is not None and self.path.exists():
            self._probe()

    def _probe(self) -> None:
        """Read the schema and the schema revision once, as start-up does next, under the error guard.

        A valid header over garbage pages then fails here as DatabaseDamagedError (which the window
        answers by offering a backup) instead of as a raw "file is not a database" traceback from
        the migration check. Damage deeper in the file is found by the daily backup's check.
        """
        try:
            with self._guard(), self.engine.connect() as conn:
                names = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars())
                if "alembic_version" in names:
                    conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
        except BaseException:
            self.engine.dispose()
            raise

    # Core connections only: sqlalchemy.orm stays out of start-up altogether.
    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """One read transaction (a consistent snapshot)."""
        with self._guard(), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction, lock taken up front: committed when the block ends, rolled back on error."""
        with self._guard(), self._write_engine.begin() as conn:
            yield conn

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
            nice = translate_error(exc, self.path)
            if nice is not None:
                raise nice from exc
            raise

    def close(self) -> None:
        self.engine.dispose()
