"""A PostgreSQL server a user can meet in a bad way: each failure is one Chinese line, exit status 1, no traceback.

Everything here happens on the real throwaway server (tests/pg.py): a port nobody listens on, a wrong
password, a database that is not there, an account that may not change the schema, a database in
read-only mode, a hot standby (pg_basebackup -R), a transaction the server refuses to serialise, a dropped connection, a full disk (a
tablespace on a small tmpfs, when the tests run as root). The busy server (lock timeout) is in
test_locks, which runs on both back ends.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from riskdesk.domain.model import Stage, Status
from riskdesk.services import Services
from riskdesk.storage import migrate
from riskdesk.storage.db import Database, DatabaseFullError, DatabaseReadOnlyError
from riskdesk.storage.db_errors import ConcurrentChangeError, SchemaUpgradeDeniedError, ServerPermissionError
from tests.pg import APP, OWNER, PgCluster, PgDatabase, free_port, url
from tests.safety.helpers import CASE, cli, cli_inproc, one_line, table_hash

pytestmark = pytest.mark.pg


@pytest.fixture
def saved(pg: PgDatabase, catalog_dir: Path) -> Iterator[tuple[Services, int]]:
    svc = Services.open(pg.app_url, catalog_dir, actor_name="王法官")
    case = svc.cases.create(CASE, "民间借贷纠纷")
    checklist = svc.checklists.open(case.id, Stage.FILING).info.id
    svc.answers.set_status(checklist, "LA-001", Status.RISK)
    yield svc, checklist
    svc.close()


def _fails(db: str, catalog: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert cli_inproc(db, catalog, *(args or ("case", "list"))) == 1
    return one_line(capsys.readouterr().err)


# -- reaching the server ---------------------------------------------------------------------------

def test_nobody_listening_on_the_port(catalog_dir: Path) -> None:
    port = free_port()
    proc = cli(f"postgresql+psycopg://riskdesk_app:x@127.0.0.1:{port}/riskdesk", catalog_dir, "case", "list")
    assert proc.returncode == 1
    line = one_line(proc.stderr)
    assert f"无法连接数据库服务器 127.0.0.1:{port}/riskdesk" in line and "x@" not in line


def test_a_host_that_does_not_resolve(catalog_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _fails("postgresql+psycopg://u:secret@no-such-host.invalid/riskdesk?connect_timeout=2", catalog_dir, capsys)
    assert "无法连接数据库服务器 no-such-host.invalid" in line and "secret" not in line


def test_a_wrong_password(pg: PgDatabase, catalog_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _fails(url(APP, pg.name, pg.port, password="wrong"), catalog_dir, capsys)
    assert "拒绝登录" in line and APP in line and "wrong" not in line


def test_a_database_that_is_not_there(pg: PgDatabase, catalog_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _fails(url(APP, "nosuchdb", pg.port), catalog_dir, capsys)
    assert "上没有名为 nosuchdb 的数据库" in line


def test_a_dropped_connection_is_replaced_before_the_next_save(pg_cluster: PgCluster, pg: PgDatabase,
                                                               saved: tuple[Services, int]) -> None:
    svc, checklist = saved
    pg_cluster.sql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{pg.name}' "
                   "AND pid <> pg_backend_pid()")
    assert svc.answers.set_status(checklist, "LA-002", Status.CLEAR).result.status is Status.CLEAR


def test_a_database_closed_to_connections_is_one_line(pg_cluster: PgCluster, pg: PgDatabase, catalog_dir: Path,
                                                      saved: tuple[Services, int],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    svc, checklist = saved
    pg_cluster.sql(f"ALTER DATABASE {pg.name} ALLOW_CONNECTIONS false",
                   f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{pg.name}'")
    try:
        with pytest.raises(Exception, match="数据库服务器") as info:
            svc.answers.set_status(checklist, "LA-002", Status.CLEAR)
        assert type(info.value).__module__.startswith("riskdesk")
        assert "数据库服务器" in _fails(pg.app_url, catalog_dir, capsys)
    finally:
        pg_cluster.sql(f"ALTER DATABASE {pg.name} ALLOW_CONNECTIONS true")


# -- what the account may do -----------------------------------------------------------------------

def test_the_application_role_cannot_migrate_an_empty_database(pg_cluster: PgCluster, catalog_dir: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    empty = pg_cluster.create_database(migrated=False)
    line = _fails(empty.app_url, catalog_dir, capsys)
    assert "无权修改数据库结构" in line and "现为 空库" in line and APP in line
    # The owner can, and then the application role works.
    assert cli_inproc(empty.owner_url, catalog_dir, "case", "list") == 0
    assert cli_inproc(empty.app_url, catalog_dir, "case", "add", CASE) == 0
    pg_cluster.drop_database(empty.name)


def test_the_application_role_cannot_upgrade_an_older_schema(pg_cluster: PgCluster, catalog_dir: Path) -> None:
    old = pg_cluster.create_database(migrated=False, grants=False)
    db = Database(old.owner_url)
    migrate.upgrade(db, "0003")
    db.close()
    pg_cluster.grant_app(old.name)
    with pytest.raises(SchemaUpgradeDeniedError, match="现为 0003，本程序需要 " + migrate.SCHEMA_HEAD):
        Services.open(old.app_url, catalog_dir)
    # Nothing was changed: still 0003; the owner's upgrade then brings the new tables, granted by default.
    app = Database(old.app_url)
    assert migrate.current_revision(app) == "0003"
    app.close()
    Services.open(old.owner_url, catalog_dir).close()
    with Services.open(old.app_url, catalog_dir, actor_name="王法官") as svc:
        svc.cases.create(CASE)
    pg_cluster.drop_database(old.name)


def test_the_application_role_may_not_change_the_schema_or_the_revision(pg: PgDatabase) -> None:
    db = Database(pg.app_url)
    try:
        for statement in ("ALTER TABLE cases ADD COLUMN x integer", "DROP TABLE settings",
                          "UPDATE alembic_version SET version_num = '0001'", "DELETE FROM cases",
                          "CREATE TABLE t (x integer)"):
            with pytest.raises(ServerPermissionError, match=f"数据库账户 {APP} .*没有这项操作的权限"):
                with db.writing() as conn:
                    conn.execute(text(statement))
    finally:
        db.close()


# -- refused saves ---------------------------------------------------------------------------------

def test_a_read_only_server_refuses_saves_and_still_reads(pg_cluster: PgCluster, pg: PgDatabase, catalog_dir: Path,
                                                          saved: tuple[Services, int],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    svc, checklist = saved
    svc.close()
    pg_cluster.sql(f"ALTER DATABASE {pg.name} SET default_transaction_read_only = on")  # as a standby behaves
    before = table_hash(pg.owner_url)
    with Services.open(pg.app_url, catalog_dir, actor_name="王法官") as ro:
        assert ro.checklists.open_by_case_no(CASE, Stage.FILING).items[0].result.status is Status.RISK
        for edit in (lambda: ro.answers.set_status(checklist, "LA-002", Status.CLEAR),
                     lambda: ro.cases.create("(2024)内0602民初124号")):
            with pytest.raises(DatabaseReadOnlyError, match="只允许读取"):
                edit()
    assert "只允许读取" in _fails(pg.app_url, catalog_dir, capsys, "review", CASE, "LA-003", "risk")
    assert cli_inproc(pg.app_url, catalog_dir, "case", "show", CASE) == 0
    assert table_hash(pg.owner_url) == before


def test_a_standby_server_refuses_saves_and_still_reads(pg_cluster: PgCluster, pg: PgDatabase, catalog_dir: Path,
                                                        saved: tuple[Services, int],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    svc, checklist = saved
    port = pg_cluster.start_standby()
    standby = url(APP, pg.name, port)
    try:
        with Services.open(standby, catalog_dir, actor_name="王法官") as ro:
            assert ro.checklists.open_by_case_no(CASE, Stage.FILING).items[0].result.status is Status.RISK
            with pytest.raises(DatabaseReadOnlyError, match=f"127.0.0.1:{port}/{pg.name} 当前只允许读取"):
                ro.answers.set_status(checklist, "LA-002", Status.CLEAR)
        assert "只允许读取" in _fails(standby, catalog_dir, capsys, "review", CASE, "LA-003", "risk")
    finally:
        pg_cluster.stop_standby()


def test_a_transaction_the_server_cannot_serialise(pg: PgDatabase, saved: tuple[Services, int]) -> None:
    svc, _ = saved
    other = Database(pg.app_url)
    try:
        with pytest.raises(ConcurrentChangeError, match="同时修改了相同的数据") as info:
            with svc.db.writing() as conn:
                conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
                conn.execute(text("SELECT cause FROM cases")).all()
                with other.writing() as c2:
                    c2.execute(text("UPDATE cases SET cause = '借款合同纠纷'"))
                conn.execute(text("UPDATE cases SET cause = '买卖合同纠纷'"))
        assert "请刷新后重试" in str(info.value)
    finally:
        other.close()
    assert svc.cases.get(CASE).cause == "借款合同纠纷"


def test_a_deadlock_fails_one_of_the_two_with_the_same_message(pg: PgDatabase, saved: tuple[Services, int]) -> None:
    svc, _ = saved
    svc.cases.create("(2024)内0602民初124号")
    other = Database(pg.app_url)
    first_locked, second_locked = threading.Event(), threading.Event()
    outcome: list[BaseException | None] = []

    def one(db: Database, first: str, second: str, mine: threading.Event, theirs: threading.Event) -> None:
        try:
            with db.writing() as conn:
                conn.execute(text(f"UPDATE cases SET judge = 'x' WHERE case_no LIKE '%{first}号'"))
                mine.set()
                theirs.wait(10)
                conn.execute(text(f"UPDATE cases SET judge = 'y' WHERE case_no LIKE '%{second}号'"))
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome.append(exc)

    threads = [threading.Thread(target=one, args=(svc.db, "123", "124", first_locked, second_locked)),
               threading.Thread(target=one, args=(other, "124", "123", second_locked, first_locked))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    other.close()
    failed = [o for o in outcome if o is not None]
    assert len(outcome) == 2 and len(failed) == 1 and isinstance(failed[0], ConcurrentChangeError), outcome


@pytest.fixture
def small_tablespace(pg_cluster: PgCluster) -> Iterator[str]:
    """A tablespace on a 2 MB tmpfs: the server's disk, full after a few saves (needs root to mount)."""
    if os.geteuid() != 0:
        pytest.skip("a full server disk is simulated with a small tmpfs, which needs root to mount")
    where = pg_cluster.root / "small"
    where.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,uid=postgres,mode=0700", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {proc.stderr.strip()}")
    pg_cluster.sql(f"CREATE TABLESPACE small LOCATION '{where}'", f"GRANT CREATE ON TABLESPACE small TO {OWNER}")
    try:
        yield "small"
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_full_server_disk_refuses_the_save_and_keeps_what_was_saved(pg_cluster: PgCluster, pg: PgDatabase,
                                                                      saved: tuple[Services, int],
                                                                      small_tablespace: str) -> None:
    import random

    svc, checklist = saved
    # Every RiskDesk table (whatever tables this schema has) onto the small disk.
    pg_cluster.sql(f"ALTER TABLE ALL IN TABLESPACE pg_default OWNED BY {OWNER} SET TABLESPACE {small_tablespace}",
                   db=pg.name)
    svc.db.engine.dispose()
    case_id = svc.cases.get(CASE).id
    checklists = [checklist] + [svc.checklists.open(case_id, stage).info.id for stage in (Stage.TRIAL, Stage.ENFORCEMENT)]
    before = table_hash(pg.owner_url)
    rnd = random.Random(5)
    try:
        with pytest.raises(DatabaseFullError, match="数据库服务器 .* 的磁盘空间已满") as info:
            for cl, prefix in zip(checklists, ("LA", "SP", "ZX"), strict=True):
                for n in range(2, 101):  # random CJK text: the server cannot compress it away
                    note = "".join(chr(rnd.randint(0x4E00, 0x9FA5)) for _ in range(9000))
                    svc.answers.set_note(cl, f"{prefix}-{n:03d}", note)
                    before = table_hash(pg.owner_url)
        assert "已保存的数据不受影响" in str(info.value)
        assert table_hash(pg.owner_url) == before  # the failed transaction left no trace
        assert svc.checklists.open_by_case_no(CASE, Stage.FILING).items[0].result.status is Status.RISK
    finally:
        svc.close()
        pg_cluster.drop_database(pg.name)
        pg_cluster.sql(f"DROP TABLESPACE {small_tablespace}")


def test_a_value_longer_than_its_column_is_one_line(pg: PgDatabase, catalog_dir: Path, saved: tuple[Services, int],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The columns' lengths hold on a server (SQLite ignores them); the services check the fields a person types,
    not yet a --by name: a 600-character one is refused in one line, nothing saved."""
    before = table_hash(pg.owner_url)
    line = _fails(pg.app_url, catalog_dir, capsys, "review", CASE, "LA-002", "risk", "--by", "王" * 600)
    assert "超过了数据库允许的长度" in line
    assert table_hash(pg.owner_url) == before


# -- what is for SQLite files only -----------------------------------------------------------------

@pytest.mark.parametrize("args", [("db", "backup", "-o", "x.db"), ("db", "restore", "x.db"), ("db", "check")])
def test_file_commands_point_to_pg_dump(pg: PgDatabase, catalog_dir: Path, args: tuple[str, ...],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli_inproc(pg.app_url, catalog_dir, *args) == 2
    line = one_line(capsys.readouterr().err)
    assert "pg_dump" in line and "pg_restore" in line and "README" in line


def test_a_server_database_has_no_file(pg: PgDatabase) -> None:
    from riskdesk.bootstrap import Environment, StartOptions
    from riskdesk.storage.db import sqlite_path

    assert sqlite_path(pg.app_url) is None
    assert StartOptions(pg.app_url).database_file(Environment()) is None
    db = Database(pg.app_url)
    assert db.path is None and db.where == f"127.0.0.1:{pg.port}/{pg.name}" and "app-pw" not in db.where
    db.close()


def test_session_settings_whatever_the_server_defaults(pg_cluster: PgCluster, pg: PgDatabase) -> None:
    """Writers at READ COMMITTED, readers at REPEATABLE READ, even where the DBA made SERIALIZABLE the default;
    the busy timeout as lock_timeout; RiskDesk named in pg_stat_activity."""
    pg_cluster.sql(f"ALTER DATABASE {pg.name} SET default_transaction_isolation = 'serializable'")
    db = Database(pg.app_url, busy_timeout_ms=1234)
    try:
        for _ in range(2):  # a connection back from a reader must not carry its level into a writer, nor back
            with db.writing() as conn:
                assert conn.execute(text("SHOW transaction_isolation")).scalar() == "read committed"
                assert conn.execute(text("SHOW transaction_read_only")).scalar() == "off"
                assert conn.execute(text("SHOW lock_timeout")).scalar() == "1234ms"
                assert conn.execute(text("SHOW application_name")).scalar() == "RiskDesk"
            with db.reading() as conn:
                assert conn.execute(text("SHOW transaction_isolation")).scalar() == "repeatable read"
    finally:
        db.close()


def test_a_database_not_in_utf8_is_refused(pg_cluster: PgCluster) -> None:
    from riskdesk.storage.db import DatabaseError

    pg_cluster.sql(f"CREATE DATABASE latin OWNER {OWNER} ENCODING 'LATIN1' TEMPLATE template0 "
                   "LC_COLLATE 'C' LC_CTYPE 'C'")
    try:
        with pytest.raises(DatabaseError, match="字符编码是 LATIN1，RiskDesk 需要 UTF8"):
            Database(url(OWNER, "latin", pg_cluster.port))
    finally:
        pg_cluster.drop_database("latin")
