"""Connecting to a PostgreSQL server the ways README tells court IT to: URLs, a libpq service file with a
password file (no password in RiskDesk's settings), TLS with ``sslmode=verify-full``, and README's roles."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from riskdesk.storage.db import DatabaseError, resolve_url
from tests.conftest import REPO
from tests.pg import APP, APP_GRANTS, PASSWORDS, PgCluster, PgDatabase

pytestmark = pytest.mark.pg
CASE = "(2024)内0602民初1号"


def _default() -> Path:
    raise AssertionError("not used")


@pytest.mark.parametrize(("given", "resolved"), [
    ("postgresql+psycopg://app:pw@db.court.local:5432/riskdesk", "postgresql+psycopg://app:pw@db.court.local:5432/riskdesk"),
    ("postgresql://app@db.court.local/riskdesk", "postgresql+psycopg://app@db.court.local/riskdesk"),
    ("postgres://app@db.court.local/riskdesk", "postgresql+psycopg://app@db.court.local/riskdesk"),
    ("postgresql+psycopg:///?service=riskdesk", "postgresql+psycopg:///?service=riskdesk"),
])
def test_server_urls_mean_psycopg_3(given: str, resolved: str) -> None:
    assert resolve_url(given, _default) == resolved


@pytest.mark.parametrize(("given", "message"), [
    ("postgresql+psycopg2://app@db/riskdesk", "不支持 PostgreSQL 驱动 psycopg2"),
    ("mysql://app@db/riskdesk", "不支持 mysql 数据库"),
    ("postgresql+psycopg://app@db:port/riskdesk", "数据库地址无法识别"),
])
def test_other_urls_are_refused_in_one_line(given: str, message: str) -> None:
    with pytest.raises(DatabaseError, match=message):
        resolve_url(given, _default)


def _riskdesk(url: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **env}
    full.pop("RISKDESK_DB", None)
    return subprocess.run([sys.executable, "-m", "riskdesk", "--db", url, *args], capture_output=True, text=True,
                          encoding="utf-8", env=full, timeout=60)


@pytest.fixture
def tls(pg_cluster: PgCluster) -> Iterator[Path]:
    ca = pg_cluster.enable_tls()
    yield ca
    pg_cluster.sql("ALTER SYSTEM RESET ssl", "SELECT pg_reload_conf()")


def _service_files(tmp_path: Path, pg: PgDatabase, *extra: str) -> dict[str, str]:
    """README's service file and password file, at paths given by PGSERVICEFILE and PGPASSFILE."""
    service = tmp_path / "pg_service.conf"
    service.write_text("\n".join(["[riskdesk]", "host=localhost", f"port={pg.port}", f"dbname={pg.name}", f"user={APP}",
                                  *extra]) + "\n")
    password = tmp_path / "pgpass"
    password.write_text(f"localhost:{pg.port}:{pg.name}:{APP}:{PASSWORDS[APP]}\n")
    password.chmod(0o600)
    return {"PGSERVICEFILE": str(service), "PGPASSFILE": str(password)}


def test_a_service_file_and_a_password_file(tmp_path: Path, pg: PgDatabase, catalog_dir: Path) -> None:
    env = {**_service_files(tmp_path, pg), "RISKDESK_CATALOG": str(catalog_dir)}
    url = "postgresql+psycopg:///?service=riskdesk"
    assert _riskdesk(url, env, "case", "add", CASE).returncode == 0
    assert "（2024）内0602民初1号" in _riskdesk(url, env, "case", "list").stdout
    # The same through RISKDESK_DB, and a service that is not in the file is one clear line.
    proc = subprocess.run([sys.executable, "-m", "riskdesk", "case", "list"], capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, **env, "RISKDESK_DB": url}, timeout=60)
    assert "（2024）内0602民初1号" in proc.stdout
    wrong = _riskdesk("postgresql+psycopg:///?service=other", env, "case", "list")
    assert wrong.returncode == 1 and "没有名为 other 的数据库服务" in wrong.stderr and "Traceback" not in wrong.stderr


def test_tls_verify_full_through_the_service_file(tmp_path: Path, pg: PgDatabase, catalog_dir: Path, tls: Path) -> None:
    env = {**_service_files(tmp_path, pg, "sslmode=verify-full", f"sslrootcert={tls}"),
           "RISKDESK_CATALOG": str(catalog_dir)}
    url = "postgresql+psycopg:///?service=riskdesk"
    assert _riskdesk(url, env, "case", "add", CASE).returncode == 0
    code = ("from riskdesk.storage.db import Database; from sqlalchemy import text;"
            f"db = Database({url!r});"
            "c = db.engine.connect(); print(c.execute(text('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()'))"
            ".scalar()); c.close(); db.close()")
    used = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, **env},
                          timeout=60)
    assert used.stdout.strip() == "True", used.stderr
    # A server whose certificate the CA did not sign is refused, in one line.
    other_ca = tmp_path / "other-ca.crt"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=other",
                    "-keyout", str(tmp_path / "other.key"), "-out", str(other_ca)], check=True, capture_output=True)
    env = {**_service_files(tmp_path, pg, "sslmode=verify-full", f"sslrootcert={other_ca}"),
           "RISKDESK_CATALOG": str(catalog_dir)}
    refused = _riskdesk(url, env, "case", "list")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "证书" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1, refused.stderr


def test_readme_sets_up_the_roles_the_tests_use() -> None:
    """README's SQL for the application role is the harness's, statement for statement."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for statement in APP_GRANTS.format(db="riskdesk").strip().splitlines():
        assert statement in readme, statement
    assert re.search(r"CREATE ROLE riskdesk_app LOGIN", readme)


def test_pg_dump_and_pg_restore_as_readme_says(tmp_path: Path, pg_cluster: PgCluster, pg: PgDatabase,
                                               catalog_dir: Path) -> None:
    """README's backup: pg_dump -Fc as the owner; restore: pg_restore into a new database; RiskDesk works on it."""
    from riskdesk.domain.model import Stage, Status
    from riskdesk.services import Services
    from tests.pg import OWNER
    from tests.safety.helpers import table_hash

    with Services.open(pg.app_url, catalog_dir, actor_name="王法官") as svc:
        cl = svc.checklists.open(svc.cases.create(CASE).id, Stage.FILING).info.id
        svc.answers.set_status(cl, "LA-001", Status.RISK)
    dump = tmp_path / "riskdesk.dump"
    env = {**os.environ, "PGPASSWORD": PASSWORDS[OWNER]}
    where = ["-h", "127.0.0.1", "-p", str(pg.port), "-U", OWNER]
    subprocess.run([str(pg_cluster.bindir / "pg_dump"), *where, "-Fc", "-f", str(dump), pg.name], check=True, env=env,
                   timeout=120)
    restored = pg_cluster.create_database(migrated=False, grants=False)
    subprocess.run([str(pg_cluster.bindir / "pg_restore"), *where, "-d", restored.name, str(dump)], check=True,
                   env=env, timeout=120)
    assert table_hash(restored.owner_url) == table_hash(pg.owner_url)
    with Services.open(restored.app_url, catalog_dir, actor_name="王法官") as svc:  # grants came back with it
        assert svc.checklists.open_by_case_no(CASE, Stage.FILING).items[0].result.status is Status.RISK
        svc.answers.set_status(cl, "LA-002", Status.CLEAR)  # sequences restored too: new rows get new ids
        svc.cases.create("(2024)内0602民初2号")
    pg_cluster.drop_database(restored.name)
