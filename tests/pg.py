"""A throwaway PostgreSQL cluster for the tests: initdb + pg_ctl in a temporary folder, on a free port.

Debian's server binaries refuse to run as root, so as root the cluster is made and run by the
``postgres`` user (``runuser``); otherwise by the current user. The socket lives in the same folder,
the server listens on 127.0.0.1 only, and fsync is off (nothing in it outlives the run).

Roles, as README's 多人共用 section sets them up for a court:

- ``postgres``: the cluster's superuser; the harness creates and drops databases with it.
- ``riskdesk_owner``: owns each database and runs the migrations.
- ``riskdesk_app``: what RiskDesk connects as at work: SELECT, INSERT, UPDATE on every table and
  USAGE on every sequence, granted by :data:`APP_GRANTS` to whatever tables the migrations made.

Each test gets its own database, copied (``CREATE DATABASE … TEMPLATE``) from a template migrated to
the schema head once per run.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

OWNER, APP, ADMIN = "riskdesk_owner", "riskdesk_app", "postgres"
PASSWORDS = {ADMIN: "admin-pw", OWNER: "owner-pw", APP: "app-pw"}
TEMPLATE = "riskdesk_template"

# README's grants for the application role (kept word for word in step with it by a test).
APP_GRANTS = """\
REVOKE ALL ON DATABASE {db} FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CONNECT ON DATABASE {db} TO riskdesk_app;
GRANT USAGE ON SCHEMA public TO riskdesk_app;
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO riskdesk_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO riskdesk_app;
REVOKE INSERT, UPDATE ON alembic_version FROM riskdesk_app;
ALTER DEFAULT PRIVILEGES FOR ROLE riskdesk_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO riskdesk_app;
ALTER DEFAULT PRIVILEGES FOR ROLE riskdesk_owner IN SCHEMA public GRANT USAGE ON SEQUENCES TO riskdesk_app;
"""


class PgUnavailable(RuntimeError):
    """No PostgreSQL server binaries here, or the cluster would not start; the message says which."""


def find_bindir() -> Path:
    """The newest server binaries: Debian's /usr/lib/postgresql/N/bin, else initdb on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise PgUnavailable("no PostgreSQL server binaries (initdb, pg_ctl) found: apt-get install postgresql")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def url(user: str, db: str, port: int, password: str | None = None, **query: str) -> str:
    pw = PASSWORDS[user] if password is None else password
    tail = "?" + "&".join(f"{k}={quote(v)}" for k, v in query.items()) if query else ""
    return f"postgresql+psycopg://{user}:{quote(pw)}@127.0.0.1:{port}/{db}{tail}"


@dataclass(frozen=True)
class PgDatabase:
    name: str
    port: int

    @property
    def app_url(self) -> str:
        return url(APP, self.name, self.port)

    @property
    def owner_url(self) -> str:
        return url(OWNER, self.name, self.port)

    @property
    def admin_url(self) -> str:
        return url(ADMIN, self.name, self.port)


class PgCluster:
    """Start with :meth:`start`, end with :meth:`stop` (which also removes every file)."""

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="riskdesk-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.as_user = "postgres" if os.geteuid() == 0 else None
        self._names = itertools.count(1)
        self.started = False
        self.template_ready = False
        self.standby: Path | None = None
        self._admin: Any = None

    # -- the server ----------------------------------------------------------------------------------
    def _run(self, *cmd: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        full = [str(self.bindir / cmd[0]), *cmd[1:]]
        if self.as_user:
            full = ["runuser", "-u", self.as_user, "--", *full]
        proc = subprocess.run(full, capture_output=True, text=True, timeout=120, cwd=self.root)
        if check and proc.returncode != 0:
            raise PgUnavailable(f"{cmd[0]} failed ({proc.returncode}): {(proc.stderr or proc.stdout).strip()[-800:]}")
        return proc

    def start(self) -> None:
        if self.as_user:
            shutil.chown(self.root, self.as_user, self.as_user)
        pwfile = self.root / "pw"
        pwfile.write_text(PASSWORDS[ADMIN] + "\n")
        if self.as_user:
            shutil.chown(pwfile, self.as_user)
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, "--pwfile", str(pwfile), "-E", "UTF8",
                  "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync")
        pwfile.unlink()
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300 "
                   "-c shared_buffers=32MB -c log_min_messages=fatal")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "server.log"), "-w",
                  "-t", "60", "start")
        self.started = True
        self.sql(f"CREATE ROLE {OWNER} LOGIN PASSWORD '{PASSWORDS[OWNER]}' CREATEDB",
                 f"CREATE ROLE {APP} LOGIN PASSWORD '{PASSWORDS[APP]}'")

    def start_standby(self) -> int:
        """A hot standby of this cluster (pg_basebackup -R) on another port; its port. Stopped by :meth:`stop`."""
        standby = self.root / "standby"
        env_pw = self.root / "pgpass"
        env_pw.write_text(f"127.0.0.1:{self.port}:*:{ADMIN}:{PASSWORDS[ADMIN]}\n")
        env_pw.chmod(0o600)
        if self.as_user:
            shutil.chown(env_pw, self.as_user, self.as_user)
        full = [str(self.bindir / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(self.port), "-U", ADMIN,
                "-D", str(standby), "-R", "-X", "stream", "--no-sync", "--checkpoint=fast"]
        if self.as_user:
            full = ["runuser", "-u", self.as_user, "--", "env", f"PGPASSFILE={env_pw}", *full]
        else:
            full = ["env", f"PGPASSFILE={env_pw}", *full]
        proc = subprocess.run(full, capture_output=True, text=True, timeout=120, cwd=self.root)
        if proc.returncode != 0:
            raise PgUnavailable(f"pg_basebackup failed: {proc.stderr.strip()[-800:]}")
        port = free_port()
        options = (f"-p {port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off -c hot_standby=on "
                   "-c max_connections=300 -c shared_buffers=32MB")
        self._run("pg_ctl", "-D", str(standby), "-o", options, "-l", str(self.root / "standby.log"), "-w", "-t", "60",
                  "start")
        self.standby = standby
        return port

    def stop_standby(self) -> None:
        if self.standby is not None:
            self._run("pg_ctl", "-D", str(self.standby), "-m", "immediate", "-w", "stop", check=False)
            shutil.rmtree(self.standby, ignore_errors=True)
            self.standby = None

    def stop(self) -> None:
        self.stop_standby()
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        if self.started:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)

    def enable_tls(self) -> Path:
        """Turn on TLS with a certificate for localhost and 127.0.0.1 from a test CA; the CA's certificate."""
        tls = self.root / "tls"
        tls.mkdir(exist_ok=True)

        def openssl(*args: str) -> None:
            subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=tls, timeout=60)

        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=RiskDesk test CA",
                "-keyout", "ca.key", "-out", "ca.crt")
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key",
                "-out", "server.csr")
        (tls / "san.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days",
                "2", "-extfile", "san.ext", "-out", "server.crt")
        (tls / "server.key").chmod(0o600)
        if self.as_user:
            for f in ("server.key", "server.crt"):
                shutil.chown(tls / f, self.as_user, self.as_user)
        self.sql("ALTER SYSTEM SET ssl = on", f"ALTER SYSTEM SET ssl_cert_file = '{tls / 'server.crt'}'",
                 f"ALTER SYSTEM SET ssl_key_file = '{tls / 'server.key'}'", "SELECT pg_reload_conf()")
        time.sleep(0.3)  # the postmaster reloads its configuration asynchronously
        return tls / "ca.crt"

    def admin(self) -> Any:
        """An autocommit psycopg connection as the superuser to the ``postgres`` database."""
        import psycopg

        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(host="127.0.0.1", port=self.port, user=ADMIN, password=PASSWORDS[ADMIN],
                                          dbname="postgres", autocommit=True)
        return self._admin

    def sql(self, *statements: str, db: str | None = None) -> None:
        """Run statements as the superuser (in ``db``, or in the ``postgres`` database)."""
        import psycopg

        if db is None:
            for s in statements:
                self.admin().execute(s)  # type: ignore[arg-type]
            return
        with psycopg.connect(host="127.0.0.1", port=self.port, user=ADMIN, password=PASSWORDS[ADMIN], dbname=db,
                             autocommit=True) as conn:
            for s in statements:
                conn.execute(s)  # type: ignore[arg-type]

    # -- databases -----------------------------------------------------------------------------------
    def create_database(self, *, migrated: bool = True, grants: bool = True) -> PgDatabase:
        """A new database owned by riskdesk_owner: a copy of the migrated template, or empty."""
        name = f"t{next(self._names)}"
        if migrated:
            self._ensure_template()
            self.sql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} OWNER {OWNER}")
        else:
            self.sql(f"CREATE DATABASE {name} OWNER {OWNER}")
            if grants:
                self.grant_app(name)
        return PgDatabase(name, self.port)

    def drop_database(self, name: str) -> None:
        self.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def grant_app(self, name: str) -> None:
        """README's grants, run as the owner (so that its default privileges are the owner's)."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=OWNER, password=PASSWORDS[OWNER], dbname=name,
                             autocommit=True) as conn:
            for statement in APP_GRANTS.format(db=name).strip().splitlines():
                if "alembic_version" in statement and not conn.execute(
                        "SELECT to_regclass('alembic_version')").fetchone()[0]:  # type: ignore[index]
                    continue
                conn.execute(statement)  # type: ignore[arg-type]

    def _ensure_template(self) -> None:
        if self.template_ready:
            return
        from riskdesk.storage import migrate
        from riskdesk.storage.db import Database

        self.sql(f"CREATE DATABASE {TEMPLATE} OWNER {OWNER}")
        db = Database(url(OWNER, TEMPLATE, self.port))
        try:
            migrate.upgrade(db)
        finally:
            db.close()
        self.grant_app(TEMPLATE)
        self.template_ready = True

    def time_create_database(self, n: int = 20) -> float:
        """Median seconds to create (and drop) a database from the migrated template."""
        self._ensure_template()
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            db = self.create_database()
            times.append(time.perf_counter() - t0)
            self.drop_database(db.name)
        return sorted(times)[len(times) // 2]
