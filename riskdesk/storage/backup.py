"""Copies of the database file: before migrations, once a day, on request; and restoring one.

Copies are made with SQLite's online backup API, which gives a consistent snapshot even while
another connection is writing, and includes what is still in the WAL file. A copy is written to a
``.part`` file, synced, and only then renamed into place, so a power cut never leaves half a backup
under a backup's name.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from riskdesk.storage.backup_names import (
    DAILY_PREFIX,
    PRE_MIGRATION_PREFIX,
    legacy_copies,
    legacy_copies_are_mine,
    other_databases,
    own_backup_dir,
    own_copies,
)
from riskdesk.storage.db import (
    BackupUnusableError,
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseError,
    translate_error,
)

DAILY_KEEP = 7


def backup_dir(db_path: Path) -> Path:
    """The folder of this database's automatic copies."""
    return own_backup_dir(db_path)


@dataclass(frozen=True)
class Verdict:
    """SQLite's judgement of a database file: ``ok``, or what is wrong with it."""

    ok: bool
    detail: str = ""

    def __str__(self) -> str:
        return "ok" if self.ok else self.detail


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:  # Windows cannot open a folder; its rename is durable enough there
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _uri(path: Path, mode: str) -> str:
    from urllib.parse import quote

    return f"file:{quote(str(path))}?mode={mode}"


def copy_database(source: Path, dest: Path) -> Path:
    """Write a consistent copy of ``source`` to ``dest`` (replaced atomically when done).

    On failure (disk full, damaged source) no ``.part`` file is left behind and ``dest`` is untouched;
    SQLite failures become a DatabaseError with a message for the user.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(_uri(source, "ro"), uri=True)
        try:
            out = sqlite3.connect(tmp)
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode=DELETE")
            finally:
                out.close()
        finally:
            src.close()
        _fsync(tmp)
        tmp.replace(dest)
        _fsync(dest.parent)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        nice = translate_error(exc, source)
        raise (nice or DatabaseError(f"无法复制数据库 {source}：{exc}")) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest


def _check(path: Path, pragma: str) -> Verdict:
    try:
        conn = sqlite3.connect(_uri(path, "ro"), uri=True)
        try:
            row = conn.execute(f"PRAGMA {pragma}").fetchone()
            conn.execute("SELECT count(*) FROM cases").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return Verdict(False, str(exc))
    detail = str(row[0]) if row else "empty answer"
    return Verdict(detail == "ok", detail)


def verify_database(path: Path) -> Verdict:
    """SQLite's full integrity check of a RiskDesk database file (it must hold the cases table)."""
    return _check(path, "integrity_check")


def _quick_check(path: Path) -> Verdict:
    return _check(path, "quick_check")


def pre_migration_backup(db_path: Path, from_revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = backup_dir(db_path) / f"{PRE_MIGRATION_PREFIX}{from_revision}-{stamp}.db"
    return copy_database(db_path, dest)


def daily_backup(db_path: Path, today: datetime | None = None) -> Path | None:
    """Make today's backup unless it exists; keep the newest DAILY_KEEP daily copies.

    The copy is checked before the oldest daily one is dropped: copying a damaged database every day
    would otherwise push the last good backups out of the rotation within a week.
    """
    if not db_path.exists():
        return None
    if not os.access(db_path, os.W_OK) or not os.access(db_path.parent, os.W_OK):
        # A database this process cannot write cannot change either: yesterday's copy is still current.
        return None
    adopt_legacy_backups(db_path)
    day = (today or datetime.now()).strftime("%Y-%m-%d")
    folder = backup_dir(db_path)
    dest = folder / f"{DAILY_PREFIX}{day}.db"
    if dest.exists():
        return None
    copy_database(db_path, dest)
    verdict = _quick_check(dest)
    if not verdict.ok:
        dest.unlink(missing_ok=True)
        raise DatabaseDamagedError(db_path, f"完整性检查未通过：{verdict}")
    dailies = sorted(folder.glob(f"{DAILY_PREFIX}*.db"))
    for old in dailies[:-DAILY_KEEP]:
        old.unlink(missing_ok=True)
    return dest


def list_backups(db_path: Path) -> list[Path]:
    """This database's automatic copies (never another database's), newest first."""
    return sorted(own_copies(db_path), key=lambda p: p.stat().st_mtime, reverse=True)


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest automatic backup of this database that passes SQLite's integrity check."""
    for candidate in list_backups(db_path):
        if verify_database(candidate).ok:
            return candidate
    return None


def _first_case(path: Path) -> tuple[str, str] | None:
    """The oldest case's number and creation time: what a database and its copies have in common."""
    try:
        conn = sqlite3.connect(_uri(path, "ro"), uri=True)
        try:
            row = conn.execute("SELECT case_no, created_at FROM cases ORDER BY id LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return (str(row[0]), str(row[1])) if row else None


def adopt_legacy_backups(db_path: Path) -> list[Path]:
    """Move copies RiskDesk 0.1 wrote straight into ``backups/`` into this database's own folder.

    Alone in its folder, a database takes them all. Beside other databases it takes only the copies
    that hold its own first case; the others stay for the database they belong to.
    """
    old = legacy_copies(db_path)
    if not old or not db_path.exists():
        return []
    if legacy_copies_are_mine(db_path):
        mine = old
    else:
        mark = _first_case(db_path)
        others = {_first_case(p) for p in other_databases(db_path)}
        mine = [p for p in old if mark is not None and mark not in others and _first_case(p) == mark]
    folder = backup_dir(db_path)
    moved = []
    for copy in mine:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / copy.name
        if target.exists():
            continue
        copy.replace(target)
        moved.append(target)
    if moved:
        _fsync(folder)
    return moved


def _refuse_if_in_use(db_path: Path) -> None:
    """Restoring under an open window would send that window's next saves into the replaced file.

    Switching the journal mode to DELETE needs the database to itself, so it fails while any other
    connection is open; it also folds the WAL into the file, so the copy kept below is one file.
    A damaged file is not asked: switching its journal mode would rewrite header bytes of the very
    file that is about to be kept as evidence (RiskDesk would not have it open anyway).
    """
    if not _quick_check(db_path).ok:
        return
    try:
        conn = sqlite3.connect(_uri(db_path, "rw"), uri=True, timeout=1.0)
    except sqlite3.Error:
        return
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.OperationalError as exc:
        if isinstance(translate_error(exc), DatabaseBusyError):
            raise DatabaseError(
                f"数据库 {db_path} 正在被 RiskDesk 窗口或其他程序使用，未恢复。请先关闭所有 RiskDesk 窗口再恢复。"
            ) from exc
    except sqlite3.DatabaseError:
        return
    finally:
        conn.close()


def restore_database(backup: Path, db_path: Path) -> Path | None:
    """Put ``backup`` in place of ``db_path``; the file it replaces is kept beside it, never deleted.

    Returns where the replaced file was kept (None when there was none).
    """
    verdict = verify_database(backup)
    if not verdict.ok:
        raise BackupUnusableError(f"备份文件不可用：{backup}（{verdict}）")
    kept: Path | None = None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if db_path.exists():
        _refuse_if_in_use(db_path)
        kept = db_path.with_name(f"{db_path.stem}.replaced-{stamp}{db_path.suffix}")
        n = 1
        while kept.exists():  # two restores in one second must not overwrite the first kept file
            n += 1
            kept = db_path.with_name(f"{db_path.stem}.replaced-{stamp}-{n}{db_path.suffix}")
        shutil.copy2(db_path, kept)
        _fsync(kept)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            if kept is not None:
                shutil.copy2(side, kept.with_name(kept.name + suffix))
                side.unlink()
            else:  # a WAL without its database may still hold answers: set aside, not deleted
                side.replace(db_path.with_name(f"{db_path.stem}.orphan-{stamp}{db_path.suffix}{suffix}"))
    _fsync(db_path.parent)
    copy_database(backup, db_path)
    return kept
