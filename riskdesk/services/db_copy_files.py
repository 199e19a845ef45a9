"""The two databases of ``riskdesk db copy`` before any service opens them.

The source is never opened for writing: an SQLite file is copied (read-only, with SQLite's backup API)
into a work folder and that copy is migrated and read. The target must be a RiskDesk database no newer
than this program; a dry run of a target that does not exist yet, or is at an older schema, plans
against a copy in the work folder, so that a dry run writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect

from riskdesk.services.errors import InvalidInput, NotFound
from riskdesk.storage import backup
from riskdesk.storage.db import Database, DatabaseDamagedError, DatabaseError, check_file, resolve_url, sqlite_path
from riskdesk.storage.migrate import KNOWN_REVISIONS, SCHEMA_HEAD, current_revision


@dataclass(frozen=True)
class Prepared:
    """A database ready to be opened: the URL to open, and how to name it to the user."""

    url: str
    label: str
    path: Path | None  # the real file (not a work copy), when there is one
    fresh: bool = False  # the target does not exist yet: a new single-seat file


def _url(text: str) -> str:
    return resolve_url(text, lambda: Path("riskdesk.db"))


def _revision(url: str, label: str) -> str | None:
    """The schema revision; refuses a database newer than this program or one that is not RiskDesk's."""
    db = Database(url)
    try:
        with db.reading() as conn:
            names = set(inspect(conn).get_table_names())
        revision = current_revision(db)
    finally:
        db.close()
    if revision is None and names:
        raise InvalidInput(f"{label} 不是 RiskDesk 数据库（没有 RiskDesk 的数据库结构版本）")
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise InvalidInput(f"{label} 由更新版本的 RiskDesk 写入（数据库结构版本 {revision}，本程序只认识到 "
                           f"{SCHEMA_HEAD}）：请安装新版 RiskDesk 后再迁移；未作任何改动")
    return revision


def _checked(path: Path, label: str) -> None:
    try:
        check_file(path)
    except DatabaseDamagedError as exc:
        raise InvalidInput(f"{label} 不是 RiskDesk 数据库或已损坏：{path}") from exc


def prepare_source(text: str, work: Path) -> Prepared:
    """The source as a migrated copy in ``work`` (a server database is read where it is)."""
    url = _url(text)
    path = sqlite_path(url)
    if path is None:
        if _revision(url, "源数据库") != SCHEMA_HEAD:
            raise InvalidInput("源数据库的结构版本较旧：请先用本程序打开一次（升级）后再迁移")
        return Prepared(url, url, None)
    label = f"源数据库 {path}"
    if not path.is_file():
        raise NotFound(f"源数据库文件不存在：{path}")
    _checked(path, label)
    if path.stat().st_size == 0:
        raise InvalidInput(f"{label} 是空文件，不是 RiskDesk 数据库")
    copy = work / "source.db"
    try:
        backup.copy_database(path, copy)
    except DatabaseError as exc:
        raise InvalidInput(f"{label} 无法读取：{exc}") from exc
    url = "sqlite:///" + str(copy)
    if _revision(url, label) is None:
        raise InvalidInput(f"{label} 不是 RiskDesk 数据库（没有 RiskDesk 的数据库结构版本）")
    return Prepared(url, str(path), path)


def prepare_target(text: str, work: Path, *, dry_run: bool, source: Prepared) -> Prepared:
    """The target to open: itself, or for a dry run that would otherwise migrate or create it, a copy."""
    url = _url(text)
    path = sqlite_path(url)
    if path is None:
        revision = _revision(url, "目标数据库")
        if dry_run and revision != SCHEMA_HEAD:
            raise InvalidInput("目标数据库的结构版本较旧：请先用本程序打开一次（升级）后再试运行")
        return Prepared(url, url, None)
    if source.path is not None and path.resolve() == source.path.resolve():
        raise InvalidInput("源数据库和目标数据库是同一个文件")
    label = f"目标数据库 {path}"
    if not path.exists():
        if not dry_run:
            return Prepared(url, str(path), path, fresh=True)
        return Prepared("sqlite:///" + str(work / "target-new.db"), str(path), path, fresh=True)
    if path.is_dir():
        raise InvalidInput(f"{label} 是一个文件夹")
    _checked(path, label)
    revision = _revision(url, label) if path.stat().st_size else None
    if dry_run and revision != SCHEMA_HEAD:
        copy = work / "target.db"
        backup.copy_database(path, copy)
        return Prepared("sqlite:///" + str(copy), str(path), path)
    return Prepared(url, str(path), path)
