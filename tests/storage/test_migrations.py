"""Migrations on each back end: from empty, and from the previous revision with data in it.

On PostgreSQL they run as the owner role, on an empty database (the application role cannot; see
tests/safety/test_postgres_failures.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from riskdesk.storage import migrate
from riskdesk.storage.db import Database
from riskdesk.storage.schema import metadata


def _url(path: Path) -> str:
    return "sqlite:///" + str(path)


@pytest.fixture
def empty_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A database with nothing in it: a new SQLite file, or an empty PostgreSQL database as its owner."""
    if backend == "sqlite":
        yield _url(tmp_path / "old.db")
        return
    cluster = request.getfixturevalue("pg_cluster")
    db = cluster.create_database(migrated=False, grants=False)
    yield db.owner_url
    cluster.drop_database(db.name)


def _run(db: Database, script: str) -> None:
    with db.engine.begin() as conn:
        for statement in filter(str.strip, script.split(";")):
            conn.execute(text(statement))


def test_migrate_from_empty_creates_the_schema(empty_url: str) -> None:
    db = Database(empty_url)
    assert migrate.upgrade(db) is None  # nothing to back up on a new file
    assert migrate.current_revision(db) == migrate.SCHEMA_HEAD
    with db.engine.connect() as conn:
        insp = inspect(conn)
        for table in metadata.sorted_tables:
            cols = {c["name"] for c in insp.get_columns(table.name)}
            assert cols == {c.name for c in table.columns}, table.name
            indexes = {i["name"] for i in insp.get_indexes(table.name)}
            assert {i.name for i in table.indexes} <= indexes, table.name
            foreign = {(tuple(f["constrained_columns"]), f["referred_table"]) for f in insp.get_foreign_keys(table.name)}
            assert foreign == {((fk.parent.name,), fk.column.table.name) for fk in table.foreign_keys}, table.name
    db.close()


def test_0001_results_index_is_partial(empty_url: str) -> None:
    """One active answer per point, any number retired (until 0005 moves answers to versions): the
    unique index is partial on both back ends, or the upgrade through 0004 fails on a retired answer."""
    db = Database(empty_url)
    migrate.upgrade(db, "0001")
    with db.engine.connect() as conn:
        if db.backend == "postgresql":
            definition = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_results_active_point'"))
        else:
            definition = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'uq_results_active_point'"))
        assert "WHERE retired_at IS NULL" in str(definition.scalar()).replace("(", "").replace(")", "")
    db.close()


def test_schema_head_matches_alembic_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(cfg).get_current_head() == migrate.SCHEMA_HEAD


@pytest.mark.sqlite_only  # SQLite's pragmas (a server's session settings: test_postgres_failures)
def test_pragmas_are_set(tmp_path: Path) -> None:
    db = Database(_url(tmp_path / "p.db"))
    migrate.upgrade(db)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    db.close()


def test_upgrade_from_previous_revision_keeps_every_row(empty_url: str) -> None:
    db = Database(empty_url)
    migrate.upgrade(db, "0001")
    _run(db, """
        INSERT INTO cases (id, case_no, cause, parties, judge, created_at, updated_at)
          VALUES (1, '（2023）内0602民初1号', '民间借贷纠纷', '张三诉李四', '王法官', '2023-05-01 09:00:00', '2023-05-01 09:00:00');
        INSERT INTO catalog_versions VALUES ('fp1', '2023.1', '2023-05-01 09:00:00');
        INSERT INTO catalog_points VALUES ('h1', 'LA-001', '{}');
        INSERT INTO catalog_entries VALUES ('fp1', 'LA-001', 'filing', 0, 'L01', '接待', 'h1');
        INSERT INTO checklists (id, case_id, stage, catalog_fingerprint, created_at, last_point_id)
          VALUES (1, 1, 'filing', 'fp1', '2023-05-01 09:00:00', 'LA-001');
        INSERT INTO results (id, checklist_id, point_id, point_hash, status, note, updated_at, updated_by, revision)
          VALUES (1, 1, 'LA-001', 'h1', 'risk', '材料不全', '2023-05-01 10:00:00', '王法官', 3);
        INSERT INTO settings VALUES ('court', '东胜区人民法院')
        """)
    db.close()

    db = Database(empty_url)
    backup = migrate.upgrade(db)
    assert migrate.current_revision(db) == migrate.SCHEMA_HEAD
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT case_no, parties, type_code FROM cases").all() == [
            ("（2023）内0602民初1号", "张三诉李四", "民初")]
        # An answer from before the change log: one version with its last state.
        assert conn.exec_driver_sql("SELECT status, note, name, rev FROM answer_versions JOIN people "
                                    "ON people.id = actor_id").all() == [
            (2, "材料不全", "王法官", 1)
        ]
        assert conn.exec_driver_sql("SELECT value FROM settings WHERE key='court'").scalar() == "东胜区人民法院"
        assert conn.exec_driver_sql("SELECT n_risk, n_settled FROM checklists").one() == (1, 0)
    db.close()
    if db.backend != "sqlite":
        assert backup is None  # a server's backups are pg_dump's (README), not RiskDesk's
        return
    # The backup is the database as it was before the migration.
    assert backup is not None and backup.exists() and "pre-migration-0001" in backup.name
    old = sqlite3.connect(backup)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert old.execute("SELECT note FROM results").fetchone() == ("材料不全",)
    old.close()


def test_upgrade_to_0003_fills_the_kept_counts(empty_url: str) -> None:
    db = Database(empty_url)
    migrate.upgrade(db, "0002")
    _run(db, """
        INSERT INTO cases VALUES (1, '（2023）内0602民初1号', '', '', '', '2023-05-01 09:00:00', '2023-05-01 09:00:00');
        INSERT INTO catalog_versions VALUES ('fp1', '2023.1', '2023-05-01 09:00:00');
        INSERT INTO checklists (id, case_id, stage, catalog_fingerprint, created_at, last_point_id)
          VALUES (1, 1, 'filing', 'fp1', '2023-05-01 09:00:00', '');
        INSERT INTO results (checklist_id, point_id, point_hash, status, retired_at) VALUES
          (1, 'LA-001', 'h', 'risk', NULL), (1, 'LA-002', 'h', 'risk', NULL), (1, 'LA-003', 'h', 'clear', NULL),
          (1, 'LA-004', 'h', 'unreviewed', NULL), (1, 'LA-001', 'old', 'na', '2023-06-01 00:00:00')
        """)
    db.close()
    db = Database(empty_url)
    migrate.upgrade(db, "0003")
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT n_unreviewed, n_clear, n_risk, n_na FROM checklists").one()
    assert tuple(row) == (1, 1, 2, 0)  # the retired answer is not counted
    db.close()


def test_known_revisions_list_every_script() -> None:
    names = sorted(p.name[:4] for p in (migrate.MIGRATIONS_DIR / "versions").glob("0*.py"))
    assert tuple(names) == migrate.KNOWN_REVISIONS and names[-1] == migrate.SCHEMA_HEAD


def test_a_database_from_a_newer_riskdesk_is_refused_untouched(tmp_path: Path, empty_url: str) -> None:
    from riskdesk.storage.db import DatabaseError
    from tests.safety.helpers import table_hash

    db = Database(empty_url)
    migrate.upgrade(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num='0099'")
    db.close()
    target = db.path or empty_url
    before = table_hash(target)
    raw = db.path.read_bytes() if db.path else b""
    db = Database(empty_url)
    with pytest.raises(DatabaseError, match="更新版本的 RiskDesk"):
        migrate.upgrade(db)
    db.close()
    assert table_hash(target) == before
    assert (db.path.read_bytes() if db.path else b"") == raw
    assert not list((tmp_path / "backups").rglob("pre-migration-*"))
