"""A damaged database file: one clear line, a non-zero exit, and the file is never replaced or touched.

Damage comes in the forms a workstation produces: garbage (a file overwritten by something else), a
file cut short (copy interrupted, power cut on a bad disk) on or off a page boundary, a valid header
over garbage pages, an empty file, and a missing file beside its backups.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import random
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from riskdesk.domain.model import Stage, Status
from riskdesk.services import Services
from riskdesk.storage.backup import list_backups, restore_database
from riskdesk.storage.db import Database, DatabaseDamagedError, DatabaseError
from tests.safety.helpers import CASE, cli, cli_inproc, one_line, table_hash

# SQLite only: damaged, cut-short and missing SQLite files.
pytestmark = pytest.mark.sqlite_only

PAGE = 4096


_TEMPLATE: dict[str, Path] = {}


def make_db(db_path: Path, catalog_dir: Path) -> str:
    """A database with a case, a started checklist and answers, and its daily backup beside it.

    Built once per test session and copied: the catalog factory writes the same catalog every time.
    """
    if "db" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="riskdesk-template-"))
        atexit.register(shutil.rmtree, folder, True)
        _build(folder / db_path.name, catalog_dir)
        _TEMPLATE["db"] = folder / db_path.name
    shutil.copytree(_TEMPLATE["db"].parent, db_path.parent, dirs_exist_ok=True)
    return table_hash(db_path)


def _build(db_path: Path, catalog_dir: Path) -> None:
    svc = Services.open("sqlite:///" + str(db_path), catalog_dir)
    case = svc.cases.create(CASE, "民间借贷纠纷", "张三诉李四", "王法官")
    view = svc.checklists.open(case.id, Stage.FILING)
    for it in view.items[:30]:
        svc.answers.set_status(view.info.id, it.point.id, Status.RISK)
        svc.answers.set_note(view.info.id, it.point.id, "材料不全" * 20)
    svc.close()
    assert not db_path.with_name(db_path.name + "-wal").exists()
    assert db_path.stat().st_size > 20 * PAGE


def _garbage(p: Path) -> None:
    p.write_bytes(random.Random(1).randbytes(64 * 1024))


def _text(p: Path) -> None:
    p.write_text("这不是数据库，是一份判决书草稿。\n" * 100, encoding="utf-8")


def _cut_mid_page(p: Path) -> None:
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2 + 1000])


def _cut_on_page(p: Path) -> None:
    data = p.read_bytes()
    p.write_bytes(data[: (len(data) // PAGE // 2) * PAGE])


def _header_then_garbage(p: Path) -> None:
    data = p.read_bytes()
    p.write_bytes(data[:100] + random.Random(2).randbytes(len(data) - 100))


def _garbage_pages_after_first(p: Path) -> None:
    data = bytearray(p.read_bytes())
    rng = random.Random(3)
    for page in range(1, len(data) // PAGE):
        data[page * PAGE:(page + 1) * PAGE] = rng.randbytes(PAGE)
    p.write_bytes(bytes(data))


def _tiny(p: Path) -> None:
    p.write_bytes(b"SQLite for")


def _empty(p: Path) -> None:
    p.write_bytes(b"")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "garbage": _garbage,
    "text file": _text,
    "cut mid-page": _cut_mid_page,
    "cut on a page boundary": _cut_on_page,
    "valid header, garbage pages": _header_then_garbage,
    "garbage after page 1": _garbage_pages_after_first,
    "shorter than the header": _tiny,
    "empty (0 bytes) beside backups": _empty,
}


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
@pytest.mark.parametrize("command", [("case", "list"), ("review", CASE, "LA-001", "clear"), ("db", "backup", "-o", "B")])
def test_damaged_file_one_line_nonzero_and_untouched(tmp_path: Path, db_path: Path, catalog_dir: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     damage: Callable[[Path], None], command: tuple[str, ...]) -> None:
    make_db(db_path, catalog_dir)
    damage(db_path)
    before = _digest(db_path)
    files_before = _files(tmp_path)
    args = tuple(str(tmp_path / "b.db") if a == "B" else a for a in command)
    capsys.readouterr()
    code = cli_inproc(db_path, catalog_dir, *args)
    err = capsys.readouterr().err
    assert code != 0
    line = one_line(err)
    assert "损坏" in line or "截断" in line, line
    assert str(db_path) in line
    assert _digest(db_path) == before  # never replaced, never "repaired" into an empty database
    assert _files(tmp_path) == files_before  # no new empty file, no half backup
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # SQLite may leave an empty WAL beside it


def _files(folder: Path) -> list[str]:
    """Everything but SQLite's own -wal/-shm side files, which opening a WAL database may create."""
    return sorted(n for n in os.listdir(folder) if not n.endswith(("-wal", "-shm")))


def test_damaged_file_in_a_real_process(tmp_path: Path, db_path: Path, catalog_dir: Path) -> None:
    make_db(db_path, catalog_dir)
    _header_then_garbage(db_path)
    before = _digest(db_path)
    proc = cli(db_path, catalog_dir, "case", "list")
    assert proc.returncode == 1
    assert "数据库文件已损坏" in one_line(proc.stderr)
    assert _digest(db_path) == before


def test_missing_file_beside_backups_is_not_replaced_by_an_empty_one(db_path: Path, catalog_dir: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    make_db(db_path, catalog_dir)
    db_path.rename(db_path.with_name("moved.db"))
    assert cli_inproc(db_path, catalog_dir, "case", "list") == 1
    assert "数据库文件不存在" in one_line(capsys.readouterr().err)
    assert not db_path.exists()


def test_empty_new_file_without_backups_is_simply_a_new_database(tmp_path: Path, catalog_dir: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    # "touch riskdesk.db" or a crash before the very first commit: nothing was ever in it.
    path = tmp_path / "new.db"
    path.write_bytes(b"")
    assert cli_inproc(path, catalog_dir, "case", "add", CASE) == 0


def test_damage_found_while_working_is_reported_as_damage(db_path: Path, catalog_dir: Path) -> None:
    make_db(db_path, catalog_dir)
    svc = Services.open("sqlite:///" + str(db_path), catalog_dir)
    try:
        svc.db.engine.dispose()
        _garbage_pages_after_first(db_path)
        with pytest.raises(DatabaseDamagedError) as info:
            svc.cases.list()
        assert info.value.path == db_path and "已损坏" in str(info.value)
    finally:
        svc.close()


def test_db_check_names_the_damage(db_path: Path, catalog_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_db(db_path, catalog_dir)
    _garbage_pages_after_first(db_path)
    assert cli_inproc(db_path, catalog_dir, "db", "check") == 1
    out = capsys.readouterr().out
    assert "有问题" in out and "backups" in out


@pytest.mark.parametrize("damage", [_garbage, _header_then_garbage, _cut_on_page], ids=["garbage", "header", "cut"])
def test_restore_from_backup_keeps_the_damaged_file(tmp_path: Path, db_path: Path, catalog_dir: Path,
                                                    damage: Callable[[Path], None],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    good = make_db(db_path, catalog_dir)
    assert cli_inproc(db_path, catalog_dir, "db", "backup", "-o", str(tmp_path / "hand.db")) == 0
    damage(db_path)
    damaged = db_path.read_bytes()
    capsys.readouterr()
    assert cli_inproc(db_path, catalog_dir, "db", "restore", str(tmp_path / "hand.db")) == 0
    out = capsys.readouterr().out
    kept = [p for p in tmp_path.iterdir() if ".replaced-" in p.name and p.suffix == ".db"]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged and str(kept[0]) in out
    assert table_hash(db_path) == good
    assert cli_inproc(db_path, catalog_dir, "case", "show", CASE) == 0


def test_restore_refuses_a_damaged_backup(tmp_path: Path, db_path: Path, catalog_dir: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    good = make_db(db_path, catalog_dir)
    bad = tmp_path / "bad.db"
    _garbage(bad)
    assert cli_inproc(db_path, catalog_dir, "db", "restore", str(bad)) == 2
    assert "备份文件不可用" in one_line(capsys.readouterr().err)
    assert table_hash(db_path) == good


def test_daily_backup_of_a_damaged_database_does_not_rotate_out_good_ones(db_path: Path, catalog_dir: Path) -> None:
    from datetime import datetime

    from riskdesk.storage.backup import daily_backup

    make_db(db_path, catalog_dir)
    for day in range(1, 8):
        daily_backup(db_path, datetime(2024, 3, day))
    before = sorted(p.name for p in list_backups(db_path))
    _garbage_pages_after_first(db_path)
    with pytest.raises(DatabaseDamagedError):
        daily_backup(db_path, datetime(2024, 3, 9))
    assert sorted(p.name for p in list_backups(db_path)) == before


def test_restore_refuses_while_another_window_has_the_database_open(tmp_path: Path, db_path: Path,
                                                                    catalog_dir: Path) -> None:
    good = make_db(db_path, catalog_dir)
    backup = tmp_path / "b.db"
    restore_database_source = Database("sqlite:///" + str(db_path))
    try:
        with restore_database_source.reading() as s:  # a window: an open connection
            s.exec_driver_sql("SELECT 1")
            from riskdesk.storage.backup import copy_database

            copy_database(db_path, backup)
            with pytest.raises(DatabaseError, match="正在被"):
                restore_database(backup, db_path)
    finally:
        restore_database_source.close()
    assert table_hash(db_path) == good
    assert not [p for p in tmp_path.iterdir() if ".replaced-" in p.name]
