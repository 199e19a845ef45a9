"""Two processes on one database: short locks are waited out, long ones refused clearly, stale edits refused.

The other process holds what a save needs: SQLite's write lock (``BEGIN IMMEDIATE``), or on PostgreSQL
every table ``IN EXCLUSIVE MODE`` (readers go on, writers wait: what SQLite's write lock does).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from riskdesk.bootstrap import BUSY_TIMEOUT_ENV, Environment
from riskdesk.domain.model import AnswerSaved, Stage, Status
from riskdesk.services import Services
from riskdesk.services.errors import StaleResult
from riskdesk.storage.db import DatabaseBusyError
from tests.pg import PgDatabase
from tests.safety.helpers import CASE, cli_inproc, one_line, table_hash

# Holds the write lock until told to let go (a line on stdin): no test depends on how long it sleeps.
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""
PG_HOLDER = """
import sys, psycopg
conn = psycopg.connect(sys.argv[1])
tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
conn.execute("LOCK TABLE " + ", ".join('"%s"' % t for t in tables) + " IN EXCLUSIVE MODE")
print("locked", flush=True)
sys.stdin.readline()
conn.commit()
"""


class Holder:
    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc

    def release(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.write("go\n")
            self.proc.stdin.flush()
        self.proc.wait(timeout=30)

    @property
    def holding(self) -> bool:
        return self.proc.poll() is None


@pytest.fixture
def checklist(services: Services) -> int:
    case = services.cases.create(CASE)
    return services.checklists.open(case.id, Stage.FILING).info.id


@pytest.fixture
def lock(tmp_path: Path, pg_db: PgDatabase | None) -> Iterator[Callable[[], Holder]]:
    """Start another process that holds the write lock until released; waits until it has it."""
    held: list[Holder] = []
    script, target = (HOLDER, str(tmp_path / "riskdesk.db")) if pg_db is None else (
        PG_HOLDER, pg_db.owner_url.replace("postgresql+psycopg://", "postgresql://"))

    def hold() -> Holder:
        proc = subprocess.Popen([sys.executable, "-c", script, target], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        held.append(Holder(proc))
        return held[-1]

    yield hold
    for holder in held:
        holder.release()


def test_a_short_lock_is_waited_out(services: Services, checklist: int, lock: Callable[[], Holder]) -> None:
    holder = lock()
    saved: list[AnswerSaved | BaseException] = []

    def save() -> None:
        try:
            saved.append(services.answers.set_status(checklist, "LA-001", Status.RISK))
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            saved.append(exc)

    worker = threading.Thread(target=save)
    worker.start()
    worker.join(0.3)
    # Still waiting for the other process (the busy timeout is 5 s), not failed at once.
    assert worker.is_alive() and holder.holding and saved == []
    holder.release()
    worker.join(30)
    assert len(saved) == 1 and isinstance(saved[0], AnswerSaved), saved
    assert saved[0].result.status is Status.RISK


def test_a_long_lock_gives_a_clear_message_and_changes_nothing(db_url: str, catalog_dir: Path, services: Services,
                                                               checklist: int, lock: Callable[[], Holder]) -> None:
    other = Services.open(db_url, catalog_dir, busy_timeout_ms=300)
    assert other.db.busy_timeout_ms == 300
    before = table_hash(db_url)
    holder = lock()
    with pytest.raises(DatabaseBusyError, match="正被另一个程序长时间占用"):
        other.answers.set_status(checklist, "LA-001", Status.RISK)
    assert holder.holding  # refused while the other program still held the lock: it did not wait it out
    holder.release()
    assert table_hash(db_url) == before
    # Once the other program lets go, the same save works.
    assert other.answers.set_status(checklist, "LA-001", Status.RISK).result.status is Status.RISK
    other.close()


def test_a_long_lock_in_the_cli_is_one_line(db_url: str, catalog_dir: Path, services: Services, checklist: int,
                                            lock: Callable[[], Holder], monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "200")
    holder = lock()
    capsys.readouterr()
    assert cli_inproc(db_url, catalog_dir, "review", CASE, "LA-002", "clear") == 1
    assert "长时间占用" in one_line(capsys.readouterr().err)
    holder.release()


def test_a_bad_timeout_value_falls_back_to_the_default(db_url: str) -> None:
    from riskdesk.storage.db import Database

    assert Environment.read({BUSY_TIMEOUT_ENV: "fünf"}).busy_timeout_ms is None
    assert Environment.read({BUSY_TIMEOUT_ENV: "250"}).busy_timeout_ms == 250
    db = Database(db_url, busy_timeout_ms=None)
    assert db.busy_timeout_ms == 5000
    db.close()


def test_an_edit_based_on_a_stale_value_is_refused(db_url: str, catalog_dir: Path, services: Services,
                                                   checklist: int) -> None:
    """Two windows show LA-001 at the same revision; the second save would overwrite the first."""
    other = Services.open(db_url, catalog_dir)
    try:
        seen = services.checklists.open_by_case_no(CASE, Stage.FILING).items[0].result
        seen_other = other.checklists.open_by_case_no(CASE, Stage.FILING).items[0].result
        assert seen.revision == seen_other.revision
        first = services.answers.set_status(checklist, "LA-001", Status.RISK, expected_revision=seen.revision).result
        before = table_hash(db_url)
        with pytest.raises(StaleResult, match="已被其他窗口或用户修改") as info:
            other.session.act_as("李助理")
            other.answers.set_status(checklist, "LA-001", Status.CLEAR, expected_revision=seen_other.revision)
        assert "存在风险" in str(info.value) and "王法官" in str(info.value)
        with pytest.raises(StaleResult):
            other.session.act_as("李助理")
            other.answers.set_note(checklist, "LA-001", "无问题", expected_revision=seen_other.revision)
        assert table_hash(db_url) == before  # refused: nothing written, nothing lost
        # After refreshing, the second window can save on top of what it now sees.
        fresh = other.checklists.open_by_case_no(CASE, Stage.FILING).items[0].result
        assert (fresh.status, fresh.revision) == (Status.RISK, first.revision)
        other.session.act_as("李助理")
        other.answers.set_note(checklist, "LA-001", "已核对", expected_revision=fresh.revision)
        history = services.answers.history(checklist, "LA-001")
        assert [(h.who, h.field.value, h.new) for h in history] == [("王法官", "status", "risk"), ("李助理", "note", "已核对")]
    finally:
        other.close()
