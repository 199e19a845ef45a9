"""Copies of the database file: before migrations, once a day, on request; and restoring one.

Copies are made with SQLite's online backup API, which gives a consistent snapshot even while
another connection is writing, and includes what is still in the WAL file.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

BACKUP_DIR = "backups"
DAILY_KEEP = 7
_DAILY_PREFIX = "daily-"
_PRE_MIGRATION_PREFIX = "pre-migration-"


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR


def copy_database(source: Path, dest: Path) -> Path:
    """Write a consistent copy of ``source`` to ``dest`` (replaced atomically when done)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(tmp)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")
        finally:
            out.close()
    finally:
        src.close()
    tmp.replace(dest)
    return dest


def verify_database(path: Path) -> str:
    """``ok`` or SQLite's description of what is wrong with the file."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("PRAGMA integrity_check").fetchone()
            conn.execute("SELECT count(*) FROM cases").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return str(row[0]) if row else "empty answer"


def pre_migration_backup(db_path: Path, from_revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = backup_dir(db_path) / f"{_PRE_MIGRATION_PREFIX}{from_revision}-{stamp}.db"
    return copy_database(db_path, dest)


def daily_backup(db_path: Path, today: datetime | None = None) -> Path | None:
    """Make today's backup unless it exists; keep the newest DAILY_KEEP daily copies."""
    if not db_path.exists():
        return None
    day = (today or datetime.now()).strftime("%Y-%m-%d")
    folder = backup_dir(db_path)
    dest = folder / f"{_DAILY_PREFIX}{day}.db"
    if dest.exists():
        return None
    copy_database(db_path, dest)
    dailies = sorted(folder.glob(f"{_DAILY_PREFIX}*.db"))
    for old in dailies[:-DAILY_KEEP]:
        old.unlink(missing_ok=True)
    return dest


def list_backups(db_path: Path) -> list[Path]:
    """Newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.db"), key=lambda p: p.stat().st_mtime, reverse=True)


def restore_database(backup: Path, db_path: Path) -> Path | None:
    """Put ``backup`` in place of ``db_path``; the file it replaces is kept beside it, never deleted.

    Returns where the replaced file was kept (None when there was none).
    """
    verdict = verify_database(backup)
    if verdict != "ok":
        raise ValueError(f"备份文件不可用：{backup}（{verdict}）")
    kept: Path | None = None
    if db_path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = db_path.with_name(f"{db_path.stem}.replaced-{stamp}{db_path.suffix}")
        shutil.copy2(db_path, kept)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            if kept is not None:
                shutil.copy2(side, kept.with_name(kept.name + suffix))
            side.unlink()
    copy_database(backup, db_path)
    return kept
