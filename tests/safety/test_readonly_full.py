"""A read-only database and a full disk: edits are refused with a clear message, nothing is damaged.

How read-only is simulated: CI runs the tests as root, and chmod does not stop root (``open`` with
write access succeeds whatever the mode bits say; checked: a root process writes to a 0o444 file in
a 0o555 folder). So the tests chmod the file and its folder as a court PC would have them AND, when
running as root, open the database through SQLite's ``mode=ro`` URI, which is what the file
permissions make SQLite do for an ordinary user: the same SQLITE_READONLY error on the first write.

A full disk is simulated with ``PRAGMA max_page_count`` at the file's current size: SQLite then
fails a growing write with SQLITE_FULL, the same code ENOSPC produces.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from riskdesk.domain.model import SettingKey, Stage, Status
from riskdesk.services import Services
from riskdesk.storage.db import DatabaseFullError, DatabaseReadOnlyError
from tests.safety.helpers import CASE, cli_inproc, one_line, table_hash

# SQLite only: a read-only SQLite file and a full disk under it (the server's own: tests/safety/test_postgres_failures.py).
pytestmark = pytest.mark.sqlite_only


def _integrity(db_path: Path) -> str:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def saved(services: Services) -> int:
    case = services.cases.create(CASE, "民间借贷纠纷")
    view = services.checklists.open(case.id, Stage.FILING)
    services.answers.set_status(view.info.id, "LA-001", Status.RISK)
    services.answers.set_note(view.info.id, "LA-001", "材料不全")
    return view.info.id


@pytest.fixture
def read_only_url(db_path: Path, services: Services, saved: int) -> Iterator[str]:
    services.close()  # fold the WAL in: the read-only opener cannot
    folder = db_path.parent
    modes = {p: stat.S_IMODE(p.stat().st_mode) for p in (db_path, folder)}
    db_path.chmod(0o444)
    folder.chmod(0o555)
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    yield f"sqlite:///file:{db_path}?mode=ro&uri=true" if as_root else "sqlite:///" + str(db_path)
    for p, mode in modes.items():
        p.chmod(mode)


def test_read_only_database_opens_for_reading_and_refuses_edits(db_path: Path, catalog_dir: Path, saved: int,
                                                                 read_only_url: str) -> None:
    before = table_hash(db_path)
    svc = Services.open(read_only_url, catalog_dir)
    try:
        assert svc.db.path == db_path  # the URI form still names the real file (backups, messages)
        view = svc.checklists.open_by_case_no(CASE, Stage.FILING)  # reading works: the judge can look and print
        assert view.items[0].result.note == "材料不全"
        for edit in (
            lambda: svc.answers.set_status(saved, "LA-002", Status.CLEAR),
            lambda: svc.answers.set_note(saved, "LA-001", "补充"),
            lambda: svc.cases.create("(2024)内0602民初124号"),
            lambda: svc.settings.set(SettingKey.COURT, "东胜区人民法院"),
        ):
            with pytest.raises(DatabaseReadOnlyError, match="只读"):
                edit()
    finally:
        svc.close()
    assert table_hash(db_path) == before
    assert _integrity(db_path) == "ok"


def test_read_only_database_in_the_cli_is_one_line(db_path: Path, catalog_dir: Path, read_only_url: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = table_hash(db_path)
    capsys.readouterr()
    assert cli_inproc(read_only_url, catalog_dir, "review", CASE, "LA-003", "risk") == 1
    assert "只读" in one_line(capsys.readouterr().err)
    assert cli_inproc(read_only_url, catalog_dir, "case", "show", CASE) == 0
    assert table_hash(db_path) == before


def _limit_to_current_size(dbapi_conn: Any, _record: Any) -> None:
    pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
    dbapi_conn.execute(f"PRAGMA max_page_count={pages}")


def test_full_disk_refuses_the_save_and_keeps_what_was_saved(db_path: Path, services: Services, saved: int) -> None:
    services.db.engine.dispose()
    event.listen(services.db.engine, "connect", _limit_to_current_size)
    before = table_hash(db_path)
    big = "卷宗材料核对记录。" * 900  # < the note limit, but several pages: the file must grow
    with pytest.raises(DatabaseFullError, match="磁盘空间已满") as info:
        for point in ("LA-002", "LA-003", "LA-004", "LA-005"):
            services.answers.set_note(saved, point, big)
    assert "已保存的数据不受影响" in str(info.value)
    assert table_hash(db_path) == before  # the failed transaction left no trace
    assert _integrity(db_path) == "ok"
    # Space freed: the same save now works, and the earlier answer is still there.
    services.db.engine.dispose()
    event.remove(services.db.engine, "connect", _limit_to_current_size)
    services.answers.set_note(saved, "LA-002", big)
    items = services.checklists.open_by_case_no(CASE, Stage.FILING).items
    assert items[0].result.note == "材料不全" and items[1].result.note == big
