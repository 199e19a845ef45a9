"""Each database's automatic copies are its own, with several databases (and other files) in one folder.

Copies live in ``backups/<name>/``; copies RiskDesk 0.1 wrote straight into ``backups/`` are still
found, and a database only ever sees, is refused over, or is offered its own copies.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from riskdesk.services import Services
from riskdesk.storage.backup import adopt_legacy_backups, backup_dir, list_backups, newest_good_backup
from riskdesk.storage.db import DatabaseMissingError
from tests.safety.helpers import cli

# SQLite only: backup folders beside the SQLite file.
pytestmark = pytest.mark.sqlite_only

TODAY = f"daily-{datetime.now():%Y-%m-%d}.db"


def _make(path: Path, catalog_dir: Path, case_no: str) -> None:
    """A database with one case, then opened again as the next start would: the day's copy holds the case."""
    with Services.open("sqlite:///" + str(path), catalog_dir, backups=False) as svc:
        svc.cases.create(case_no)
    Services.open("sqlite:///" + str(path), catalog_dir).close()


def _cases(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT case_no FROM cases ORDER BY id")]
    finally:
        conn.close()


@pytest.mark.parametrize("names", [("a", "b"), ("a", "b", "c")])
def test_every_database_in_a_folder_gets_its_own_daily_copy(tmp_path: Path, catalog_dir: Path,
                                                           names: tuple[str, ...]) -> None:
    for i, name in enumerate(names, start=1):
        _make(tmp_path / f"{name}.db", catalog_dir, f"(2024)内0602民初{i}号")
    for i, name in enumerate(names, start=1):
        db = tmp_path / f"{name}.db"
        assert backup_dir(db) == tmp_path / "backups" / name
        assert [p.name for p in list_backups(db)] == [TODAY]
        assert _cases(list_backups(db)[0]) == [f"（2024）内0602民初{i}号"]


def test_a_missing_database_is_refused_and_offered_only_its_own_copy(tmp_path: Path, catalog_dir: Path) -> None:
    a, b, c = (tmp_path / f"{n}.db" for n in "abc")
    _make(a, catalog_dir, "(2024)内0602民初1号")
    _make(b, catalog_dir, "(2024)内0602民初2号")
    _make(c, catalog_dir, "(2024)内0602民初3号")
    b.unlink()
    with pytest.raises(DatabaseMissingError):
        Services.open("sqlite:///" + str(b), catalog_dir)
    offered = newest_good_backup(b)
    assert offered is not None and offered.parent == tmp_path / "backups" / "b"
    assert _cases(offered) == ["（2024）内0602民初2号"]
    proc = cli(b, catalog_dir, "case", "list")
    assert proc.returncode == 1 and "数据库文件不存在" in proc.stderr
    assert not b.exists()


def test_a_new_database_beside_others_simply_starts(tmp_path: Path, catalog_dir: Path) -> None:
    _make(tmp_path / "a.db", catalog_dir, "(2024)内0602民初1号")
    _make(tmp_path / "b.db", catalog_dir, "(2024)内0602民初2号")
    new = tmp_path / "new.db"
    proc = cli(new, catalog_dir, "case", "add", "(2024)内0602民初9号")
    assert proc.returncode == 0, proc.stderr
    assert _cases(new) == ["（2024）内0602民初9号"]
    assert [p.parent.name for p in list_backups(new)] == ["new"]  # its own copy, made at its first start


def _legacy_layout(tmp_path: Path, catalog_dir: Path, db: Path, case_no: str) -> Path:
    """A database with its copies where RiskDesk 0.1 put them: straight into backups/."""
    _make(db, catalog_dir, case_no)
    own = backup_dir(db)
    flat = tmp_path / "backups"
    for copy in own.glob("*.db"):
        copy.replace(flat / "daily-2024-05-01.db")
    own.rmdir()
    return flat / "daily-2024-05-01.db"


def test_copies_made_under_the_old_names_are_still_found_and_moved_in(tmp_path: Path, catalog_dir: Path) -> None:
    db = tmp_path / "riskdesk.db"
    old = _legacy_layout(tmp_path, catalog_dir, db, "(2024)内0602民初1号")
    assert list_backups(db) == [old]  # found where 0.1 left it
    moved = adopt_legacy_backups(db)
    assert [p.name for p in moved] == ["daily-2024-05-01.db"] and moved[0].parent == backup_dir(db)
    assert not old.exists()
    Services.open("sqlite:///" + str(db), catalog_dir).close()
    assert sorted(p.name for p in list_backups(db)) == sorted(["daily-2024-05-01.db", TODAY])


def test_a_missing_database_with_only_old_copies_is_still_refused(tmp_path: Path, catalog_dir: Path) -> None:
    db = tmp_path / "riskdesk.db"
    old = _legacy_layout(tmp_path, catalog_dir, db, "(2024)内0602民初1号")
    db.unlink()
    with pytest.raises(DatabaseMissingError):
        Services.open("sqlite:///" + str(db), catalog_dir)
    assert newest_good_backup(db) == old


def test_old_copies_beside_two_databases_go_to_the_one_whose_cases_they_hold(tmp_path: Path,
                                                                           catalog_dir: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    old_a = _legacy_layout(tmp_path, catalog_dir, a, "(2024)内0602民初1号")
    old_b = old_a.with_name("daily-2024-05-02.db")
    _make(b, catalog_dir, "(2024)内0602民初2号")
    shutil.copy(b, old_b)  # as 0.1 would have copied b on another day
    # Neither database claims the other's old copy, and neither is refused or offered the other's.
    assert old_a not in list_backups(b) and old_b not in list_backups(a)
    assert [p.name for p in adopt_legacy_backups(a)] == ["daily-2024-05-01.db"]
    assert [p.name for p in adopt_legacy_backups(b)] == ["daily-2024-05-02.db"]
    assert _cases(newest_good_backup(a) or a) == ["（2024）内0602民初1号"]
    assert all(_cases(p) == ["（2024）内0602民初2号"] for p in list_backups(b))


def test_an_unrelated_backups_folder_is_left_alone(tmp_path: Path, catalog_dir: Path) -> None:
    other = tmp_path / "backups"
    (other / "photos").mkdir(parents=True)
    for name in ("photos.db", "photos/library.db", "riskdesk-old-export.db"):
        conn = sqlite3.connect(other / name)
        conn.execute("CREATE TABLE t (x)")
        conn.close()
    db = tmp_path / "riskdesk.db"
    proc = cli(db, catalog_dir, "case", "add", "(2024)内0602民初1号")  # not refused as "missing"
    assert proc.returncode == 0, proc.stderr
    assert [p.name for p in list_backups(db)] == [TODAY]
    assert sorted(p.name for p in other.rglob("*.db") if "riskdesk" not in p.parent.name) == [
        "library.db", "photos.db", "riskdesk-old-export.db"]
