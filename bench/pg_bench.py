"""``python -m bench.pg_bench``: the large-court figures on a PostgreSQL server, as one JSON object.

The court (the demo data's 100,000 cases, ``RISKDESK_BENCH_PG_CASES``) is generated once into a cluster
kept under bench/.cache/pg-N/ (owned by ``postgres`` when run as root), which is started for the run on
a free port and stopped again. Everything is measured as the application role over TCP, as a seat
connects. Figures (ms, medians unless the key says p99):

- ``pg_search_100k_ms``: case search, first page (200), by a 案号 fragment and by a name (the slower);
- ``pg_open_checklist_100k_ms``: a 审判 checklist of a case spread across the database;
- ``pg_counts_100k_ms``: ``svc.cases.all_counts`` over every case;
- ``pg_stats_dashboard_100k_ms`` (and ``…_all_ms``): bench/stats_bench.py's dashboard figures;
- ``pg_commit_p99_ms``: the 99th percentile of every commit of 20 writers for 30 s, each saving as a
  person at the keyboard does at a fast pace (a save every 0.25–0.75 s, ~0.5 s on average: 40 saves a
  second for the court), on a copy of the court's database (the cached one is never written to).
  For comparison ``pg_commit_1writer_*`` (one writer alone, no pause, 10 s) and ``pg_commit_flat_out_*``
  (the 20 writers with no pause at all, 30 s: the server's saves per second when every seat saves as
  fast as it can, and the CPU milliseconds a save costs the writer and the server). The writer
  processes run on the server's machine, so the server and the writers share its cores. The writers
  start, connect, and then all begin at the same moment; each one's first save (which compiles its
  statements and reads the catalog) is left out.

``RISKDESK_BENCH_PG_URL`` (an application-role URL) measures an existing server's migrated database
instead, generating into it if it has no case, and lets the writers save into it (the smoke test's way).
``RISKDESK_BENCH_QUICK=1``: a few hundred cases, a few writers for a few seconds.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.timing import median_ms  # noqa: E402
from tests.pg import APP, OWNER, PgCluster, PgUnavailable, free_port, url  # noqa: E402

QUICK = os.environ.get("RISKDESK_BENCH_QUICK") == "1"
CACHE = Path(os.environ.get("RISKDESK_BENCH_CACHE", str(ROOT / "bench" / ".cache")))
DB = "riskdesk"
WRITERS, WRITE_SECONDS = (4, 3.0) if QUICK else (20, 30.0)
PACE_MS = 500  # a person's pace: each writer waits 0.25–0.75 s between saves (bench/writers.py)
TARGETS = {"pg_search_100k_ms": 50, "pg_open_checklist_100k_ms": 20, "pg_counts_100k_ms": 1000,
           "pg_commit_p99_ms": 20, "pg_stats_dashboard_100k_ms": 1000}
# A court's server as README's 多人共用 section sets one up: durable commits; a little more cache than
# Debian's default. (Generating runs without fsync: nothing is measured then.)
_RUNS = itertools.count(1)
SERVER = "-c shared_buffers=256MB -c max_connections=100"
FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def log(message: str) -> None:
    print(f"[pg_bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class CachedCluster(PgCluster):
    """A cluster whose data directory outlives the run: made once under ``root``, then only started and stopped."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        shutil.rmtree(self.root, ignore_errors=True)  # PgCluster made a temporary folder: this one lives in root
        self.root = root
        self.data = root / "data"
        self.ready = root / "ready"

    def start(self, options: str = SERVER) -> None:  # type: ignore[override]
        self.root.mkdir(parents=True, exist_ok=True)
        if self.as_user:
            shutil.chown(self.root, self.as_user, self.as_user)
        if not self.data.exists():
            super().start()  # initdb, start (without fsync) and the roles
            self.admin().close()
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        self.port = free_port()
        self._run("pg_ctl", "-D", str(self.data), "-o", f"-p {self.port} -k {self.root} "
                  f"-c listen_addresses=127.0.0.1 -c log_min_messages=fatal {options}",
                  "-l", str(self.root / "server.log"), "-w", "-t", "120", "start")
        self.started = True

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        if self.started:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "300", "stop", check=False)
            self.started = False

    def postmaster_pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def wipe(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def generate_into(app_url: str, cases: int) -> float:
    """The demo data (seed 1) into an empty migrated database; the seconds it took."""
    from riskdesk.bootstrap import StartOptions, open_services
    from riskdesk.services.demo_data import generate

    svc = open_services(StartOptions(app_url), backups=False)
    t0 = time.perf_counter()
    step = max(cases // 20, 1)

    def progress(done: int) -> None:
        if done % step < 250 or done == cases:
            rate = done / (time.perf_counter() - t0)
            log(f"generated {done}/{cases} cases, {rate:.0f}/s, ~{(cases - done) / rate / 60:.1f} min left")

    try:
        generate(svc.db, svc.catalogs, cases, 1, progress=progress)
    finally:
        svc.close()
    return time.perf_counter() - t0


def prepared_cluster(cases: int) -> tuple[CachedCluster, dict[str, float]]:
    """The cached cluster with the court in database ``riskdesk``, started; (cluster, generation figures)."""
    cluster = CachedCluster(CACHE / f"pg-{cases}")
    out: dict[str, float] = {}
    if cluster.data.exists() and not cluster.ready.exists():
        log(f"{cluster.root} was left half made: starting again")
        cluster.wipe()
    if not cluster.ready.exists():
        cluster.start(f"{SERVER} {FAST}")
        try:
            cluster.sql(f"CREATE DATABASE {DB} OWNER {OWNER}")
            _migrate(url(OWNER, DB, cluster.port))
            cluster.grant_app(DB)
            out["pg_generate_s"] = round(generate_into(url(APP, DB, cluster.port), cases), 1)
            cluster.sql("VACUUM ANALYZE", db=DB)
        finally:
            cluster.stop()
        cluster.ready.write_text(json.dumps(out) + "\n")
    else:
        out = json.loads(cluster.ready.read_text())
    cluster.start()
    _migrate(url(OWNER, DB, cluster.port))  # a court generated by an older RiskDesk: upgraded as a court's would be
    return cluster, out


def _migrate(owner_url: str) -> None:
    from riskdesk.storage import migrate
    from riskdesk.storage.db import Database

    db = Database(owner_url)
    try:
        migrate.upgrade(db)
    finally:
        db.close()


def measure(app_url: str) -> dict[str, float]:
    """Search, checklist, counts and dashboard figures on the court behind ``app_url`` (read only)."""
    from bench.stats_bench import measure as measure_stats
    from riskdesk.bootstrap import StartOptions, open_services
    from riskdesk.domain.model import Stage
    from riskdesk.services import CaseQuery

    out: dict[str, float] = {}
    svc = open_services(StartOptions(app_url), backups=False)
    try:
        out["pg_search_case_no_ms"] = median_ms(lambda: svc.cases.list(CaseQuery("（2023）内0602民初1", limit=200)))
        out["pg_search_name_ms"] = median_ms(lambda: svc.cases.list(CaseQuery("王伟", limit=200)))
        out["pg_search_100k_ms"] = max(out["pg_search_case_no_ms"], out["pg_search_name_ms"])
        with svc.db.reading() as conn:
            with_trial = [row[0] for row in conn.exec_driver_sql(
                "SELECT case_id FROM checklists WHERE stage = 'trial' ORDER BY case_id").all()]
            out["pg_cases"] = conn.exec_driver_sql("SELECT count(*) FROM cases").scalar_one()
        ids = iter([with_trial[(i * 97) % len(with_trial)] for i in range(100)])
        out["pg_open_checklist_100k_ms"] = median_ms(lambda: svc.checklists.open(next(ids), Stage.TRIAL), runs=21)
        out["pg_counts_100k_ms"] = median_ms(svc.cases.all_counts, runs=5)
    finally:
        svc.close()
    stats = measure_stats(app_url, runs=1 if QUICK else 5)
    out["pg_stats_dashboard_100k_ms"] = stats["stats_dashboard_ms"]
    out["pg_stats_dashboard_all_100k_ms"] = stats["stats_dashboard_all_ms"]
    return out


def commit_latency(app_url: str, writers: int = WRITERS, seconds: float = WRITE_SECONDS, pause_ms: int = 0,
                   key: str = "pg_commit", server_pid: int | None = None) -> dict[str, float]:
    """Every commit's ms of ``writers`` processes saving (bench/writers.py, ``pause_ms`` between saves):
    p50, p99, max, saves a second, and the CPU ms per save of the writers (and of the server, whose
    postmaster is ``server_pid``, when it runs here)."""
    from riskdesk.bootstrap import StartOptions, open_services
    from riskdesk.domain.model import Stage
    from riskdesk.paths import catalog_dir

    svc = open_services(StartOptions(app_url), backups=False)
    try:
        run = next(_RUNS)  # the writers' cases: numbers the demo data (2020–2025) never gives
        shared = svc.checklists.open(svc.cases.create(f"(2026)内0602民初{run}000号").id, Stage.FILING).info.id
        own = [svc.checklists.open(svc.cases.create(f"(2026)内0602民初{run}{k + 1:03d}号").id, Stage.FILING).info.id
               for k in range(writers)]
    finally:
        svc.close()
    per = 100 // writers
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start_at = time.time() + 2 + 1.5 * writers  # when all have started and connected: then all save
    procs = [subprocess.Popen(
        [sys.executable, "-m", "bench.writers", app_url, str(catalog_dir()), str(seconds), str(k), str(own[k]),
         str(shared), ",".join(f"LA-{i:03d}" for i in range(k * per + 1, (k + 1) * per + 1)), str(pause_ms),
         str(start_at)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
        for k in range(writers)]
    time.sleep(max(0.0, start_at - time.time()))
    server_cpu = _server_cpu_ms(server_pid)
    ms: list[float] = []
    errors, saves, writer_cpu = 0, 0, 0.0
    for p in procs:
        stdout, stderr = p.communicate(timeout=seconds + 600)
        if p.returncode != 0:
            raise RuntimeError(f"a writer failed: {stderr[-2000:]}")
        report = json.loads(stdout.strip().splitlines()[-1])
        ms.extend(report["ms"][1:])  # the first save of a seat compiles its statements and reads the catalog
        errors += len(report["errors"])
        saves += len(report["ms"])
        writer_cpu += report["cpu_ms"]
    server_cpu = _server_cpu_ms(server_pid) - server_cpu
    ms.sort()

    def pct(q: float) -> float:
        return round(ms[min(len(ms) - 1, int(q * len(ms)))], 2)

    out = {f"{key}_p50_ms": pct(0.5), f"{key}_p99_ms": pct(0.99), f"{key}_max_ms": round(ms[-1], 2),
           f"{key}s": len(ms), f"{key}_errors": errors, f"{key}_saves_per_s": round(saves / seconds, 1),
           f"{key}_writer_cpu_ms_per_save": round(writer_cpu / max(saves, 1), 2)}
    if server_pid is not None:
        out[f"{key}_server_cpu_ms_per_save"] = round(server_cpu / max(saves, 1), 2)
    return {"pg_writers": writers, **out} if key == "pg_commit" else out


def _server_cpu_ms(postmaster: int | None) -> float:
    """CPU ms used so far by the server on this machine: its processes now, and (in the postmaster's
    children's times) the backends that have ended."""
    if postmaster is None:
        return 0.0
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()  # from the state on: ppid is [1]
        except OSError:  # gone meanwhile
            continue
        if entry.name == str(postmaster):
            total += sum(int(f) for f in fields[11:15])  # utime, stime, and its reaped children's
        elif int(fields[1]) == postmaster:
            total += int(fields[11]) + int(fields[12])
    return total * 1000 / tick


def all_commit_figures(app_url: str, server_pid: int | None = None) -> dict[str, float]:
    """20 writers at a person's pace (the target); for comparison one writer alone, and the 20 flat out."""
    out = commit_latency(app_url, pause_ms=PACE_MS, server_pid=server_pid)
    out.update(commit_latency(app_url, 1, WRITE_SECONDS / 3, key="pg_commit_1writer", server_pid=server_pid))
    out.update(commit_latency(app_url, key="pg_commit_flat_out", server_pid=server_pid))
    return out


@contextmanager
def copy_of(cluster: PgCluster, name: str) -> Iterator[str]:
    """A throwaway copy of database ``name`` (CREATE DATABASE … TEMPLATE); its application-role URL."""
    copy = f"{name}_writers"
    cluster.sql(f"DROP DATABASE IF EXISTS {copy}", f"CREATE DATABASE {copy} TEMPLATE {name} OWNER {OWNER}")
    try:
        yield url(APP, copy, cluster.port)
    finally:
        cluster.sql(f"DROP DATABASE IF EXISTS {copy} WITH (FORCE)")


def run() -> dict[str, Any]:
    cases = int(os.environ.get("RISKDESK_BENCH_PG_CASES", "300" if QUICK else "100000"))
    figures: dict[str, float] = {}
    given = os.environ.get("RISKDESK_BENCH_PG_URL")
    if given:
        with _connect(given) as conn:
            if not conn.execute("SELECT count(*) FROM cases").fetchone()[0]:
                figures["pg_generate_s"] = round(generate_into(given, cases), 1)
        figures.update(measure(given))
        figures.update(all_commit_figures(given))  # the given database is the caller's to throw away
    else:
        cluster, made = prepared_cluster(cases)
        try:
            figures.update(made)
            figures.update(measure(url(APP, DB, cluster.port)))
            with copy_of(cluster, DB) as writers_url:
                figures.update(all_commit_figures(writers_url, cluster.postmaster_pid()))
        finally:
            cluster.stop()
    return {**figures, "targets": TARGETS, "met": {k: figures[k] <= v for k, v in TARGETS.items() if k in figures}}


def _connect(sqlalchemy_url: str) -> Any:
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(sqlalchemy_url)
    return psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password, dbname=u.database,
                           autocommit=True)


def main() -> None:
    try:
        report = run()
    except PgUnavailable as exc:
        sys.exit(f"pg_bench: {exc}")
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
