"""Databases written by every earlier schema revision upgrade with every row intact.

The files in fixtures/ were made by make_fixtures.py with the migrations of their time and are not
regenerated: they stand for the databases already sitting on court workstations.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from riskdesk.domain.model import SettingKey, Stage, Status
from riskdesk.services import Services
from riskdesk.storage import migrate
from riskdesk.storage.backup import list_backups
from tests.safety.make_fixtures import FIXTURES, REVISIONS

# SQLite only: committed SQLite files of each earlier schema.
pytestmark = pytest.mark.sqlite_only


def _dump(path: Path) -> dict[str, tuple[list[str], set[tuple[object, ...]]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'"):
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            out[table] = (cols, set(conn.execute(f'SELECT * FROM "{table}"')))
        return out
    finally:
        conn.close()


def test_there_is_a_fixture_for_every_earlier_revision() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    revisions = {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}
    earlier = revisions - {migrate.SCHEMA_HEAD}
    assert earlier <= set(REVISIONS), f"add {sorted(earlier - set(REVISIONS))} to make_fixtures.REVISIONS and run it"


@pytest.mark.parametrize("revision", REVISIONS)
def test_old_database_upgrades_with_every_row_intact(tmp_path: Path, catalog_dir: Path, revision: str) -> None:
    fixture = FIXTURES / f"schema-{revision}.db"
    path = tmp_path / "riskdesk.db"
    shutil.copy(fixture, path)
    old = _dump(path)
    assert sum(len(rows) for _, rows in old.values()) > 300

    svc = Services.open("sqlite:///" + str(path), catalog_dir)
    try:
        assert migrate.current_revision(svc.db) == migrate.SCHEMA_HEAD
        assert [p for p in list_backups(path) if p.name.startswith(f"pre-migration-{revision}-")]
        # The services read the old answers, shown against the catalog they were given with.
        view = svc.checklists.existing(svc.cases.get("（2023）内0602民初1号").id, Stage.FILING)
        assert view is not None and view.upgrade_available
        assert view.items[0].result.status is Status.RISK
        assert view.items[0].result.note.startswith("第1项备注")
        assert view.counts.risk == 10 and view.counts.clear == 10 and view.counts.na == 10
        assert svc.settings.get(SettingKey.COURT) == "鄂尔多斯市东胜区人民法院"
    finally:
        svc.close()

    new = _dump(path)
    for table, (cols, rows) in old.items():
        new_cols, new_rows = new[table]
        assert new_cols[: len(cols)] == cols or set(cols) <= set(new_cols), table
        idx = [new_cols.index(c) for c in cols]
        projected = {tuple(r[i] for i in idx) for r in new_rows}
        assert projected == rows, f"{table}: rows changed by the upgrade"
    # The pre-migration backup is the file exactly as it was.
    backup = next(p for p in list_backups(path) if p.name.startswith("pre-migration-"))
    assert _dump(backup) == old
