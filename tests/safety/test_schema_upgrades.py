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


# Tables a migration replaced by others: what they held must still be there, in its new form.
REPLACED = {"results", "change_log", "events", "chain_head"}
# Figures derived from the answers, rebuilt from them once after an upgrade (and the one-shot mark asking for it).
DERIVED = {"point_tallies"}
ONE_SHOT_SETTINGS = {SettingKey.REBUILD_TALLIES.value}


def _every_answer_note_and_change_kept(fixture: Path, path: Path, catalog_dir: Path) -> None:
    """Each answer's last status and note, each logged change and each event are in the new tables."""
    old = sqlite3.connect(f"file:{fixture}?mode=ro", uri=True)
    tables = {t for (t,) in old.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "results" not in tables:  # already answer versions: compared row by row above
        old.close()
        return
    answers = old.execute("SELECT r.id, c.case_no, cl.stage, r.point_id, r.status, r.note, r.updated_by, r.retired_at "
                          "FROM results r JOIN checklists cl ON cl.id = r.checklist_id JOIN cases c ON c.id = cl.case_id "
                          "WHERE r.revision > 0").fetchall()
    logs = old.execute("SELECT l.result_id, l.field, l.new_value, l.who FROM change_log l").fetchall() \
        if "change_log" in tables else []
    events = old.execute("SELECT kind, case_id, new_value, actor FROM events").fetchall() if "events" in tables else []
    old.close()
    assert answers
    new = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        retired = [a for a in answers if a[7] is not None]
        for _, _, _, point_id, _status, note, who, _ in retired:  # kept with the content they were given to
            assert new.execute("SELECT count(*) FROM answer_versions v JOIN catalog_points p ON p.ref = v.point_ref "
                               "JOIN people w ON w.id = v.actor_id WHERE p.point_id = ? AND v.note = ? AND w.name = ?",
                               (point_id, note, who)).fetchone()[0]
        for event in events:
            assert new.execute("SELECT count(*) FROM events WHERE kind=? AND case_id=? AND new_value=? AND actor=?",
                               event).fetchone()[0] == 1
    finally:
        new.close()
    svc = Services.open("sqlite:///" + str(path), catalog_dir, backups=False)
    try:
        by_id = {}
        for rid, case_no, stage, point_id, status, note, who, retired_at in answers:
            if retired_at is not None:
                continue
            view = svc.checklists.existing(svc.cases.get(case_no).id, Stage(stage))
            assert view is not None
            result = next(it.result for it in view.items if it.point.id == point_id)
            assert (result.status.value, result.note, result.updated_by) == (status, note, who), (case_no, point_id)
            by_id[rid] = (view.info.id, point_id)
        for rid, field, value, who in logs:
            if rid in by_id:
                history = svc.answers.history(*by_id[rid])
                assert any(h.field.value == field and h.new == value and h.who == who for h in history), (rid, field)
        with svc.db.reading() as conn:
            from riskdesk.storage.chain import verify

            assert verify(conn).ok
    finally:
        svc.close()


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
        if table in REPLACED or table in DERIVED:
            continue  # checked below, by what they held
        if table == "settings":
            rows = {r for r in rows if r[0] not in ONE_SHOT_SETTINGS}
        new_cols, new_rows = new[table]
        if table == "settings":  # the one-shot marks, done: emptied (the application role on a server may not delete)
            new_rows = {r for r in new_rows if r[0] not in ONE_SHOT_SETTINGS}
        assert new_cols[: len(cols)] == cols or set(cols) <= set(new_cols), table
        idx = [new_cols.index(c) for c in cols]
        projected = {tuple(r[i] for i in idx) for r in new_rows}
        if table == "catalog_points":  # a placeholder may stand for content older than the records
            assert rows <= projected, f"{table}: rows changed by the upgrade"
        else:
            assert projected == rows, f"{table}: rows changed by the upgrade"
    _every_answer_note_and_change_kept(fixture, path, catalog_dir)
    assert new["point_tallies"][1], "the statistics were rebuilt from the answers"
    assert not any(r[0] in ONE_SHOT_SETTINGS and r[1] for r in new["settings"][1])
    # The pre-migration backup is the file exactly as it was.
    backup = next(p for p in list_backups(path) if p.name.startswith("pre-migration-"))
    assert _dump(backup) == old
