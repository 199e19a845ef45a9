"""Where a database's automatic backups live, and which copies are its own.

Each database keeps its copies in a folder of its own, ``backups/<name>/`` beside it (``<name>`` is
the file name without ``.db``), so two databases in one folder never share or take each other's
copies. RiskDesk up to 0.1 wrote them straight into ``backups/``; those copies are still found: they
belong to the database when it is the only one in the folder (the usual case: one ``riskdesk.db``
per user folder). With several databases in the folder, :func:`storage.backup.adopt_legacy_backups`
moves each old copy into the folder of the database whose cases it holds.

Only files named as RiskDesk names its copies count: an unrelated ``backups`` folder with other
SQLite files in it is left alone.
"""

from __future__ import annotations

from pathlib import Path

BACKUP_DIR = "backups"
DAILY_PREFIX = "daily-"
PRE_MIGRATION_PREFIX = "pre-migration-"
_PATTERNS = (f"{DAILY_PREFIX}*.db", f"{PRE_MIGRATION_PREFIX}*.db")
# Files beside a database that are not other databases.
_NOT_A_DATABASE = ("-wal", "-shm", "-journal", ".part", ".check")


def backup_root(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR


def own_backup_dir(db_path: Path) -> Path:
    """``backups/riskdesk/`` for ``riskdesk.db``; ``backups/x.sqlite/`` for a file not ending in .db."""
    name = db_path.stem if db_path.suffix == ".db" else db_path.name
    return backup_root(db_path) / name


def copies_in(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for pattern in _PATTERNS for p in folder.glob(pattern) if p.is_file())


def legacy_copies(db_path: Path) -> list[Path]:
    """Copies RiskDesk 0.1 wrote straight into ``backups/`` (of whichever database was there)."""
    return copies_in(backup_root(db_path))


def other_databases(db_path: Path) -> list[Path]:
    """Other database files in the same folder (by RiskDesk's naming), which may own legacy copies."""
    folder = db_path.parent
    if not folder.is_dir():
        return []
    out = []
    for p in folder.glob("*.db"):
        if p.name == db_path.name or p.name.endswith(_NOT_A_DATABASE) or ".replaced-" in p.name:
            continue
        if ".orphan-" in p.name or not p.is_file():
            continue
        out.append(p)
    return out


def legacy_copies_are_mine(db_path: Path) -> bool:
    """Old flat copies belong to this database when no other database in the folder could own them."""
    return not other_databases(db_path)


def own_copies(db_path: Path) -> list[Path]:
    """This database's copies: its own folder, plus old flat copies when they can only be its own."""
    found = copies_in(own_backup_dir(db_path))
    if legacy_copies_are_mine(db_path):
        found += legacy_copies(db_path)
    return found


def has_own_backups(db_path: Path) -> bool:
    return bool(own_copies(db_path))
