"""Two processes on one database: short locks are waited out, long ones refused clearly, stale edits refused."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from riskdesk.domain.model import Stage, Status
from riskdesk.services import Services
from riskdesk.services.errors import StaleResult
from riskdesk.storage.db import BUSY_TIMEOUT_ENV, DatabaseBusyError
from tests.safety.helpers import CASE, cli_inproc, one_line, table_hash

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


@pytest.fixture
def checklist(services: Services) -> int:
    case = services.cases.create(CASE)
    return services.review.open(case.id, Stage.FILING).info.id


@pytest.fixture
def lock_for(db_path: Path) -> Iterator[object]:
    """Start another process that holds the write lock for ``seconds``; waits until it has it."""
    procs: list[subprocess.Popen[str]] = []

    def hold(seconds: float) -> subprocess.Popen[str]:
        proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path), str(seconds)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        procs.append(proc)
        return proc

    yield hold
    for proc in procs:
        proc.wait(timeout=10)


def test_a_short_lock_is_waited_out(services: Services, checklist: int, lock_for: object) -> None:
    holder = lock_for(1.0)  # type: ignore[operator]
    t0 = time.monotonic()
    result = services.review.set_status(checklist, "LA-001", Status.RISK, "王法官")
    waited = time.monotonic() - t0
    assert result.status is Status.RISK
    assert 0.5 < waited < 4.5, waited  # it waited for the other process instead of failing
    holder.wait(timeout=5)


def test_a_long_lock_gives_a_clear_message_and_changes_nothing(db_path: Path, catalog_dir: Path, services: Services,
                                                               checklist: int, lock_for: object,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "300")  # instead of 5 s; read when a Database is opened
    other = Services.open("sqlite:///" + str(db_path), catalog_dir)
    assert other.db.busy_timeout_ms == 300
    before = table_hash(db_path)
    holder = lock_for(2.5)  # type: ignore[operator]
    t0 = time.monotonic()
    with pytest.raises(DatabaseBusyError, match="正被另一个程序长时间占用"):
        other.review.set_status(checklist, "LA-001", Status.RISK, "王法官")
    assert time.monotonic() - t0 < 2.0
    holder.wait(timeout=5)
    assert table_hash(db_path) == before
    # Once the other program lets go, the same save works.
    assert other.review.set_status(checklist, "LA-001", Status.RISK, "王法官").status is Status.RISK
    other.close()


def test_a_long_lock_in_the_cli_is_one_line(db_path: Path, catalog_dir: Path, services: Services, checklist: int,
                                            lock_for: object, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "200")
    holder = lock_for(2.5)  # type: ignore[operator]
    capsys.readouterr()
    assert cli_inproc(db_path, catalog_dir, "review", CASE, "LA-002", "clear") == 1
    assert "长时间占用" in one_line(capsys.readouterr().err)
    holder.wait(timeout=5)


def test_a_bad_timeout_value_falls_back_to_the_default(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from riskdesk.storage.db import Database

    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "fünf")
    db = Database("sqlite:///" + str(db_path))
    assert db.busy_timeout_ms == 5000
    db.close()


def test_an_edit_based_on_a_stale_value_is_refused(db_path: Path, catalog_dir: Path, services: Services,
                                                   checklist: int) -> None:
    """Two windows show LA-001 at the same revision; the second save would overwrite the first."""
    other = Services.open("sqlite:///" + str(db_path), catalog_dir)
    try:
        seen = services.review.open_by_case_no(CASE, Stage.FILING).items[0].result
        seen_other = other.review.open_by_case_no(CASE, Stage.FILING).items[0].result
        assert seen.revision == seen_other.revision
        first = services.review.set_status(checklist, "LA-001", Status.RISK, "王法官", expected_revision=seen.revision)
        before = table_hash(db_path)
        with pytest.raises(StaleResult, match="已被其他窗口或用户修改") as info:
            other.review.set_status(checklist, "LA-001", Status.CLEAR, "李助理", expected_revision=seen_other.revision)
        assert "存在风险" in str(info.value) and "王法官" in str(info.value)
        with pytest.raises(StaleResult):
            other.review.set_note(checklist, "LA-001", "无问题", "李助理", expected_revision=seen_other.revision)
        assert table_hash(db_path) == before  # refused: nothing written, nothing lost
        # After refreshing, the second window can save on top of what it now sees.
        fresh = other.review.open_by_case_no(CASE, Stage.FILING).items[0].result
        assert (fresh.status, fresh.revision) == (Status.RISK, first.revision)
        other.review.set_note(checklist, "LA-001", "已核对", "李助理", expected_revision=fresh.revision)
        history = services.review.history(checklist, "LA-001")
        assert [(h[1], h[2], h[4]) for h in history] == [("王法官", "status", "risk"), ("李助理", "note", "已核对")]
    finally:
        other.close()
