"""Automatic backups: daily with a 7-copy rotation, pre-migration copies kept, and backup/restore by hand."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from riskdesk.domain.model import Stage, Status
from riskdesk.services import Services
from riskdesk.storage import migrate
from riskdesk.storage.backup import DAILY_KEEP, backup_dir, daily_backup, list_backups, pre_migration_backup
from riskdesk.storage.db import Database
from tests.safety.helpers import CASE, cli, table_hash

# SQLite only: automatic and manual backups are copies of the SQLite file.
pytestmark = pytest.mark.sqlite_only


def _names(db_path: Path) -> list[str]:
    return sorted(p.name for p in backup_dir(db_path).glob("*.db"))


def test_first_start_of_the_day_makes_one_backup(db_path: Path, catalog_dir: Path) -> None:
    url = "sqlite:///" + str(db_path)
    Services.open(url, catalog_dir).close()
    Services.open(url, catalog_dir).close()
    assert _names(db_path) == [f"daily-{datetime.now():%Y-%m-%d}.db"]


def test_seven_daily_backups_are_kept_and_pre_migration_ones_never_rotate(db_path: Path, catalog_dir: Path) -> None:
    svc = Services.open("sqlite:///" + str(db_path), catalog_dir, backups=False)  # only the fake days below
    svc.cases.create(CASE)
    svc.close()
    pre = [pre_migration_backup(db_path, "0001"), pre_migration_backup(db_path, "0002")]
    start = datetime(2024, 1, 28)
    made = []
    for day in range(12):
        out = daily_backup(db_path, start + timedelta(days=day))
        assert out is not None
        made.append(out.name)
        assert daily_backup(db_path, start + timedelta(days=day, hours=5)) is None  # once a day
    daily = [n for n in _names(db_path) if n.startswith("daily-")]
    assert daily == made[-DAILY_KEEP:]  # the newest seven days, across a month end
    assert daily[0] == "daily-2024-02-02.db"
    assert all(p.exists() for p in pre)
    for p in list_backups(db_path):
        conn = sqlite3.connect(p)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM cases").fetchone() == (1,)
        conn.close()


def test_a_migration_takes_a_backup_first_and_it_survives_rotation(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database("sqlite:///" + str(path))
    migrate.upgrade(db, "0001")
    db.close()
    db = Database("sqlite:///" + str(path))
    backup = migrate.upgrade(db)
    db.close()
    assert backup is not None and backup.name.startswith("pre-migration-0001-")
    for day in range(DAILY_KEEP + 3):
        daily_backup(path, datetime(2024, 5, 1) + timedelta(days=day))
    assert backup.exists()


def test_cli_backup_and_restore_round_trip(tmp_path: Path, db_path: Path, catalog_dir: Path) -> None:
    svc = Services.open("sqlite:///" + str(db_path), catalog_dir)
    case = svc.cases.create(CASE, "民间借贷纠纷")
    view = svc.checklists.open(case.id, Stage.FILING)
    svc.answers.set_status(view.info.id, "LA-001", Status.RISK)
    svc.answers.set_note(view.info.id, "LA-001", "材料不全")
    svc.close()
    saved = table_hash(db_path)
    out = tmp_path / "手工备份.db"
    proc = cli(db_path, catalog_dir, "db", "backup", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert str(out) in proc.stdout
    # Work goes on after the backup ...
    svc = Services.open("sqlite:///" + str(db_path), catalog_dir)
    svc.answers.set_status(view.info.id, "LA-002", Status.CLEAR)
    svc.close()
    after = table_hash(db_path)
    assert after != saved
    # ... then the backup is restored: exactly the saved state, and the replaced file is kept.
    proc = cli(db_path, catalog_dir, "db", "restore", str(out))
    assert proc.returncode == 0, proc.stderr
    assert table_hash(db_path) == saved
    kept = [p for p in tmp_path.iterdir() if ".replaced-" in p.name and p.suffix == ".db"]
    assert len(kept) == 1 and table_hash(kept[0]) == after
    assert str(kept[0]) in proc.stdout
    proc = cli(db_path, catalog_dir, "db", "check")
    assert proc.returncode == 0 and "完好" in proc.stdout
