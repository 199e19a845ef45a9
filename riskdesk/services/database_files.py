"""The database file itself: back it up, check it, restore it, and explain what went wrong with it.

Used by ``riskdesk db …`` and by the window when it finds the file damaged at start-up, so that
neither talks to the storage layer directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from riskdesk.services.errors import InvalidInput, NotFound
from riskdesk.storage import backup as backups
from riskdesk.storage.db import DatabaseDamagedError, check_file, translate_error

__all__ = ["DatabaseDamagedError", "FileCheck", "backup_to", "check", "describe_failure", "newest_good_backup",
           "restore_from"]


@dataclass(frozen=True)
class FileCheck:
    ok: bool
    detail: str
    backups: tuple[Path, ...]  # this database's automatic copies, newest first


def backup_to(db_path: Path, target: Path) -> Path:
    """A checked copy of the database at ``target``; a copy that fails the check replaces nothing."""
    if not db_path.exists():
        raise NotFound(f"数据库文件不存在：{db_path}")
    check_file(db_path)
    target = target.expanduser().resolve()
    if target == db_path.resolve():
        raise InvalidInput("备份文件不能是数据库文件本身")
    # Written beside the target first: a damaged copy must not replace a good backup of the same name.
    part = target.with_name(target.name + ".check")
    backups.copy_database(db_path, part)
    verdict = backups.verify_database(part)
    if not verdict.ok:
        part.unlink(missing_ok=True)
        raise DatabaseDamagedError(db_path, f"完整性检查未通过：{verdict}；未生成备份")
    part.replace(target)
    return target


def restore_from(backup: Path, db_path: Path) -> Path | None:
    """Put a checked backup in place of the database; returns where the replaced file was kept."""
    if not backup.is_file():
        raise InvalidInput(f"备份文件不存在：{backup}")
    return backups.restore_database(backup, db_path)


def check(db_path: Path) -> FileCheck:
    if not db_path.exists():
        raise NotFound(f"数据库文件不存在：{db_path}")
    verdict = backups.verify_database(db_path)
    return FileCheck(verdict.ok, str(verdict), tuple(backups.list_backups(db_path)))


def newest_good_backup(db_path: Path) -> Path | None:
    return backups.newest_good_backup(db_path)


def describe_failure(exc: BaseException, db_path: Path | None) -> str:
    """One readable line for a database failure that no layer below put into words."""
    nice = translate_error(exc, db_path)
    if nice is not None:
        return str(nice)
    orig = getattr(exc, "orig", None) or exc
    return "数据库操作失败：" + (str(orig).splitlines() or [""])[0]

