"""Shared fixtures: a real database on each back end, a synthetic catalog; Qt runs offscreen.

Back ends: a test that uses ``db_url`` (or ``services``, built on it) runs twice, on an SQLite file in
tmp_path (id ``sqlite``) and on a fresh database of a throwaway PostgreSQL cluster (id ``pg``, see
tests/pg.py) — unless it is marked ``sqlite_only`` (it is about SQLite files) or drives the window.
Without PostgreSQL server binaries the ``pg`` runs are skipped with one line; with ``CI=true`` that
ends the run as a failure instead.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the parsed-catalog cache out of the user's profile.
os.environ.setdefault("RISKDESK_CACHE_DIR", tempfile.mkdtemp(prefix="riskdesk-test-cache-"))

from riskdesk.services import Services  # noqa: E402
from tests import chain_guard  # noqa: E402
from tests.catalog_factory import write_catalog  # noqa: E402
from tests.pg import PgCluster, PgDatabase, PgUnavailable, find_bindir  # noqa: E402

PG_SKIPPED = "PostgreSQL tests skipped"

chain_guard.install()

REPO = Path(__file__).resolve().parent.parent


def _drives_the_window(names: object) -> bool:
    return "qtbot" in names or "qapp" in names  # type: ignore[operator]


def _ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _pg_missing() -> str:
    """Why the PostgreSQL runs cannot happen here, or "" (a quick look: the cluster itself starts later)."""
    import importlib.util

    if importlib.util.find_spec("psycopg") is None:
        return "psycopg is not installed"
    try:
        find_bindir()
    except PgUnavailable as exc:
        return str(exc)
    return ""


@pytest.hookimpl(trylast=True)  # after -m/-k have deselected: CI=true -m "not pg" needs no server
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _drives_the_window(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
    if _ci() and any(item.get_closest_marker("pg") for item in items) and (missing := _pg_missing()):
        raise pytest.UsageError(f"CI=true but the PostgreSQL tests cannot run: {missing}")


# Where the one-line reason for skipped PostgreSQL runs is reported: the pytest.skip in pg_cluster.
_SKIP_LINE = next(n for n, line in enumerate(Path(__file__).read_text(encoding="utf-8").splitlines())
                  if line.strip().startswith("pytest.skip(reason)"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Every skipped PostgreSQL run reports the same place, so ``-ra`` folds them into one line."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.skipped and isinstance(report.longrepr, tuple) and PG_SKIPPED in report.longrepr[2]:
        report.longrepr = (__file__, _SKIP_LINE, report.longrepr[2])


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test on a database runs on both back ends, except SQLite-file tests and the window's."""
    if "backend" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only") or _drives_the_window(metafunc.fixturenames):
        return  # the backend fixture's default: sqlite, and no [sqlite] in the test's name
    metafunc.parametrize("backend", [pytest.param("sqlite", id="sqlite"),
                                     pytest.param("pg", id="pg", marks=pytest.mark.pg)], indirect=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """One throwaway PostgreSQL cluster for the whole run (started by the first test that needs it)."""
    cluster: PgCluster | None = None
    try:
        import psycopg  # noqa: F401

        cluster = PgCluster()
        cluster.start()
    except (ImportError, PgUnavailable) as exc:
        if cluster is not None:
            cluster.stop()
        reason = f"{PG_SKIPPED}: {exc}".splitlines()[0]
        if _ci():
            pytest.fail(f"CI=true but the PostgreSQL server could not be started: {exc}", pytrace=False)
        pytest.skip(reason)  # (_SKIP_LINE)
    yield cluster
    cluster.stop()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def pg_db(backend: str, request: pytest.FixtureRequest) -> Iterator[PgDatabase | None]:
    """The test's own PostgreSQL database (a copy of the migrated template) when it runs on ``pg``."""
    if backend != "pg":
        yield None
        return
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    db = cluster.create_database()
    yield db
    cluster.drop_database(db.name)


@pytest.fixture
def pg(pg_cluster: PgCluster) -> Iterator[PgDatabase]:
    """A fresh PostgreSQL database for a test about the server only (marked ``pg``)."""
    db = pg_cluster.create_database()
    yield db
    pg_cluster.drop_database(db.name)


@pytest.fixture
def db_url(backend: str, tmp_path: Path, pg_db: PgDatabase | None) -> str:
    """The test's database: an SQLite file in tmp_path, or a PostgreSQL database as the application role."""
    if pg_db is not None:
        return pg_db.app_url
    return "sqlite:///" + str(tmp_path / "riskdesk.db")


@pytest.fixture(autouse=True)
def _modal_watches_end_with_their_test() -> Iterator[None]:
    yield
    modal = sys.modules.get("tests.ui.modal")
    if modal is not None:
        modal.stop_all()


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    return write_catalog(tmp_path / "catalog")


@pytest.fixture
def db_path(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """The SQLite file (of ``db_url`` on sqlite); a test on ``pg`` asking for it is a mistake in the test."""
    callspec = getattr(request.node, "callspec", None)
    if callspec is not None and callspec.params.get("backend") == "pg":
        raise RuntimeError("db_path on the pg back end: use db_url, or mark the test sqlite_only")
    return tmp_path / "riskdesk.db"


@pytest.fixture
def services(db_url: str, catalog_dir: Path) -> Iterator[Services]:
    svc = Services.open(db_url, catalog_dir, actor_name="王法官")
    yield svc
    svc.close()
