"""Opening the database: URL resolution, connection settings, damage checks, transactions.

Two back ends behind one ``Database``: a local SQLite file (the default) and a PostgreSQL server
(``postgresql+psycopg://…``, see ``storage.postgres``, loaded only then).

On SQLite every connection runs with foreign keys on, WAL journaling and ``synchronous=FULL`` so that
a commit that returned is on disk even if the workstation loses power a moment later; writers take
the file's write lock up front (``BEGIN IMMEDIATE``).

A writer waits for another program's lock up to the busy timeout: 5 s unless the caller says
otherwise (the composition root reads ``RISKDESK_BUSY_TIMEOUT_MS``; tests use a short one). On
PostgreSQL the same value is the ``lock_timeout``.
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import DBAPIError

from riskdesk.storage import chain
from riskdesk.storage.backup_names import has_own_backups
from riskdesk.storage.db_errors import (
    BackupUnusableError,
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseError,
    DatabaseFullError,
    DatabaseIOError,
    DatabaseMissingError,
    DatabaseReadOnlyError,
    DatabaseUnreachableError,
)

__all__ = ["BackupUnusableError", "Database", "DatabaseBusyError", "DatabaseDamagedError", "DatabaseError",
           "DatabaseFullError", "DatabaseIOError", "DatabaseMissingError", "DatabaseReadOnlyError",
           "DatabaseUnreachableError", "check_file", "check_missing", "next_ids", "resolve_url", "serialise", "sqlite_path",
           "translate_error"]

DEFAULT_BUSY_TIMEOUT_MS = 5000
_SQLITE_HEADER = b"SQLite format 3\x00"


def resolve_url(db: str | None, default_path: Callable[[], Path]) -> str:
    """``--db`` accepts a file path or an SQLAlchemy URL; nothing means the per-user default file.

    ``default_path`` is a callable: finding the per-user folder imports platformdirs, which a start
    with ``--db`` does not need.
    """
    text = db or str(default_path())
    if "://" in text:
        try:
            url = make_url(text)
        except Exception as exc:  # noqa: BLE001 - SQLAlchemy's ArgumentError, or a ValueError from a bad port
            raise DatabaseError(f"数据库地址无法识别：{exc}") from None
        if url.get_backend_name() == "sqlite":
            return text
        if url.get_backend_name() in ("postgresql", "postgres"):
            from riskdesk.storage import postgres

            return postgres.normalise_url(url)
        raise DatabaseError(f"不支持 {url.get_backend_name()} 数据库：请给出本机 SQLite 数据库文件的路径，"
                            "或 PostgreSQL 服务器的地址 postgresql+psycopg://…")
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def sqlite_path(url: str | URL) -> Path | None:
    """The file behind a sqlite URL, or None for an in-memory database or another back end (a server).

    Understands SQLite URI filenames (``sqlite:///file:/x.db?mode=ro&uri=true``), which is how a
    read-only opening is asked for; without this the ``file:`` prefix would be taken as a folder name.
    """
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() != "sqlite":
        return None
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


def _from_driver(exc: BaseException, driver: str) -> bool:
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return type(orig).__module__.split(".")[0] == driver


def translate_error(exc: BaseException, path: Path | None = None, url: str | URL | None = None) -> DatabaseError | None:
    """A plain-language DatabaseError for the database failures a user can meet, else None.

    SQLite damage becomes DatabaseDamagedError (with the path) so that the window can offer a backup;
    a PostgreSQL failure (``url`` names the server in the message) is put into words by ``storage.postgres``.
    """
    if isinstance(exc, DatabaseError):
        return exc
    if _from_driver(exc, "psycopg"):
        from riskdesk.storage import postgres

        parsed = make_url(url) if isinstance(url, str) else url
        return postgres.translate(exc, parsed, postgres.describe(parsed) if parsed is not None else "")
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
    """The engine plus read and write transactions. Services own the transactions.

    ``path`` is the SQLite file (None on a server); ``where`` names the database in messages.
    """

    def __init__(self, url: str, *, busy_timeout_ms: int | None = None) -> None:
        self.url = url
        parsed = make_url(url)
        self.backend = "postgresql" if parsed.get_backend_name() in ("postgresql", "postgres") else \
            parsed.get_backend_name()
        self.path = sqlite_path(parsed)
        self.busy_timeout_ms = DEFAULT_BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
        self.user = parsed.username or ""
        if self.backend == "postgresql":
            from riskdesk.storage import postgres

            self.where = postgres.describe(parsed)
            self.engine: Engine = postgres.create(parsed, self.busy_timeout_ms)
            self._write_engine: Engine = self.engine.execution_options(isolation_level="READ COMMITTED")
            # Not postgresql_readonly: SQLAlchemy resets it to an explicit READ WRITE after each use,
            # which would override a database the server keeps read-only (default_transaction_read_only).
            self._read_engine: Engine = self.engine.execution_options(isolation_level="REPEATABLE READ")
            self._probe_server()
            return
        self.where = str(self.path or url)
        if self.path is not None:
            check_missing(self.path)
            check_file(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = create_engine(url, connect_args={"timeout": self.busy_timeout_ms / 1000})
        timeout = self.busy_timeout_ms
        event.listen(self.engine, "connect", lambda dbapi_conn, _record: _on_connect(dbapi_conn, timeout))
        event.listen(self.engine, "begin", _on_begin)
        self._write_engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._read_engine = self.engine
        if self.path is not None and self.path.exists():
            self._probe()

    @property
    def is_sqlite(self) -> bool:
        return self.backend == "sqlite"

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

    def _probe_server(self) -> None:
        """Connect once now: an unreachable server, a wrong password or a missing database is said at start."""
        from riskdesk.storage import postgres

        try:
            with self._guard(), self.engine.connect() as conn:
                postgres.check_server(conn, self.where)
        except BaseException:
            self.engine.dispose()
            raise

    # Core connections only: sqlalchemy.orm stays out of start-up altogether.
    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """One read transaction (a consistent snapshot)."""
        with self._guard(), self._read_engine.begin() as conn:
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back on error.

        SQLite: the write lock is taken up front. PostgreSQL: READ COMMITTED; what is read to be
        changed is read ``FOR UPDATE``. The events recorded in the block join the audit chain just
        before the commit (storage.chain: its head is the transaction's last lock).
        """
        with self._guard(), self._write_engine.begin() as conn:
            chain.forget(conn)
            yield conn
            chain.flush(conn)

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except Exception as exc:
            if isinstance(exc, DBAPIError | sqlite3.DatabaseError) or _from_driver(exc, "psycopg"):
                nice = translate_error(exc, self.path, self.url)
                if nice is not None:
                    raise nice from exc
            raise

    def close(self) -> None:
        self.engine.dispose()


def serialise(conn: Connection, name: str) -> None:
    """Make writers that pass the same ``name`` go one after another, each until its transaction ends.

    For a writer that checks a row is absent and then adds it (the catalog, a checklist, a 庭室): a
    second writer waits, then sees the first one's row. SQLite's writers hold the whole file already.
    """
    if conn.dialect.name == "postgresql":
        from riskdesk.storage import postgres

        postgres.serialise(conn, name)


CHECKLISTS_HELD = "riskdesk.checklists_held"  # key in ``Connection.info``: see hold_checklists


def hold_checklists(conn: Connection) -> None:
    """Keep every other writer from changing any checklist (answers, sign-off, new checklists) until this
    transaction ends; they wait, reads go on.

    For a change of the whole database (a move of cases into it, a recount of the tallies). An answer
    takes its checklist's row first, so once this holds the table no writer holds a row this transaction
    could wait for while that writer waits for the audit chain. SQLite's writers hold the whole file already.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("LOCK TABLE checklists IN EXCLUSIVE MODE"))
    conn.info[CHECKLISTS_HELD] = True


def next_ids(conn: Connection, table: Table, n: int) -> list[int]:
    """``n`` unused values of ``table``'s ``id`` for rows inserted with their ids given (a bulk insert that
    needs them for the rows referring to it).

    SQLite: after the largest stored (its writer holds the file). PostgreSQL: from the column's sequence,
    which ids given explicitly would leave behind, so the next row inserted without one would take an id
    already used; ``nextval`` needs only the USAGE the application role has (``setval`` would need UPDATE).
    """
    if n <= 0:
        return []
    if conn.dialect.name == "postgresql":
        rows = conn.execute(text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
                            {"t": table.name, "n": n})
        return [int(i) for (i,) in rows]
    first = int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1
    return list(range(first, first + n))
