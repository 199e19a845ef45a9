"""Two users writing the same thing at the same moment (each back end): the second waits, then sees the first.

One writer is stopped inside its transaction right after a given statement (an SQLAlchemy hook on its
own engine: the database is real), the other starts the same change, and the first is let go. On
SQLite the second waits for the file's write lock; on PostgreSQL for a row lock (``SELECT … FOR
UPDATE``: the chain head, which every answer, finding and sign-off takes first), an advisory lock
(``storage.db.serialise``) or a row another writer has just inserted (``INSERT … ON CONFLICT``). Without
them the server would run both at READ COMMITTED: a lost update, or a duplicate-key error for the second user.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from riskdesk.domain.model import SettingKey, Severity, Stage, Status
from riskdesk.services import Services
from riskdesk.services.case_fields import CaseInput
from riskdesk.services.errors import InvalidInput, LoginFailed, StaleResult
from tests.catalog_factory import write_catalog

CASE = "(2024)内0602民初123号"


class Paused:
    """Runs ``action`` on a thread that stops right after its first statement containing ``marker``."""

    def __init__(self, svc: Services, marker: str, action: Callable[[], object]) -> None:
        self.marker, self.action = marker, action
        self.reached, self.go = threading.Event(), threading.Event()
        self.outcome: list[object] = []
        self.thread = threading.Thread(target=self._run)
        event.listen(svc.db.engine, "after_cursor_execute", self._after)
        self.engine = svc.db.engine

    def _after(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.current_thread() is self.thread and self.marker in statement and not self.reached.is_set():
            self.reached.set()
            self.go.wait(30)

    def _run(self) -> None:
        try:
            self.outcome.append(self.action())
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            self.outcome.append(exc)

    def start(self) -> Paused:
        self.thread.start()
        assert self.reached.wait(30), f"never ran {self.marker}"
        return self

    def finish(self) -> object:
        self.go.set()
        self.thread.join(30)
        event.remove(self.engine, "after_cursor_execute", self._after)
        return self.outcome[0]


def meanwhile(action: Callable[[], object]) -> Callable[[], object]:
    """Start ``action`` on another thread; check it is still waiting; the returned call waits for its outcome."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(action())
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(0.4)
    assert thread.is_alive(), f"did not wait for the other writer: {outcome}"

    def result() -> object:
        thread.join(30)
        return outcome[0]
    return result


@pytest.fixture
def two(db_url: str, catalog_dir: Path) -> Iterator[tuple[Services, Services]]:
    a = Services.open(db_url, catalog_dir, actor_name="甲")
    b = Services.open(db_url, catalog_dir, actor_name="乙")
    yield a, b
    a.close()
    b.close()


def test_two_saves_of_one_point_the_second_based_on_the_old_value_is_refused(two: tuple[Services, Services]) -> None:
    a, b = two
    cl = a.checklists.open(a.cases.create(CASE).id, Stage.FILING).info.id
    first = Paused(a, "FROM answer_versions", lambda: a.answers.set_status(cl, "LA-001", Status.RISK, expected_revision=0))
    first.start()
    second = meanwhile(lambda: b.answers.set_status(cl, "LA-001", Status.CLEAR, expected_revision=0))
    saved = first.finish()
    assert isinstance(second(), StaleResult)
    assert saved.result.revision == 1  # type: ignore[attr-defined]
    view = b.checklists.open(a.cases.get(CASE).id, Stage.FILING)
    assert view.items[0].result.status is Status.RISK
    assert b.cases.counts(view.info.case_id)[Stage.FILING].as_dict() == {
        "total": 100, "applicable": 100, "unreviewed": 99, "clear": 0, "risk": 1, "na": 0, "settled": 0}


def test_two_saves_of_one_point_without_a_revision_both_count_once_each(two: tuple[Services, Services]) -> None:
    a, b = two
    case = a.cases.create(CASE)
    cl = a.checklists.open(case.id, Stage.FILING).info.id
    first = Paused(a, "FROM answer_versions", lambda: a.answers.set_status(cl, "LA-001", Status.RISK))
    first.start()
    second = meanwhile(lambda: b.answers.set_status(cl, "LA-001", Status.CLEAR))
    first.finish()
    after = second()
    assert after.result.revision == 2 and after.counts.clear == 1 and after.counts.risk == 0  # type: ignore[attr-defined]
    assert [(h.who, h.old, h.new) for h in a.answers.history(cl, "LA-001")] == [
        ("甲", "unreviewed", "risk"), ("乙", "risk", "clear")]
    assert a.cases.counts(case.id)[Stage.FILING].unreviewed == 99


def test_two_users_opening_a_new_stage_get_one_checklist(two: tuple[Services, Services]) -> None:
    a, b = two
    case = a.cases.create(CASE)
    first = Paused(a, "INSERT INTO checklists", lambda: a.checklists.open(case.id, Stage.TRIAL).info.id)
    first.start()
    second = meanwhile(lambda: b.checklists.open(case.id, Stage.TRIAL).info.id)
    assert first.finish() == second()
    with a.db.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM checklists")).scalar() == 1
        # Its points are counted once in the statistics.
        assert conn.execute(text("SELECT sum(n_unreviewed + n_settled) FROM point_tallies")).scalar() == \
            conn.execute(text("SELECT n_unreviewed + n_settled FROM checklists")).scalar()


def test_two_workstations_recording_a_new_catalog_at_once(tmp_path: Path, db_url: str) -> None:
    new = write_catalog(tmp_path / "v2", "v2", tweak={"LA-002": {"risk": "改写后的风险提示。"}})
    a, b = Services.open(db_url, new, actor_name="甲"), Services.open(db_url, new, actor_name="乙")
    try:
        first = Paused(a, "INSERT INTO catalog_versions", a.catalogs.register)
        first.start()
        second = meanwhile(b.catalogs.register)
        assert first.finish() == second()
        with a.db.reading() as conn:
            assert conn.execute(text("SELECT count(*) FROM catalog_versions")).scalar() == 1
    finally:
        a.close()
        b.close()


def test_two_new_cases_naming_the_same_new_department(two: tuple[Services, Services]) -> None:
    a, b = two
    first = Paused(a, "INSERT INTO departments", lambda: a.cases.create(CaseInput(CASE, department="民一庭")))
    first.start()
    second = meanwhile(lambda: b.cases.create(CaseInput("(2024)内0602民初124号", department="民一庭")))
    first.finish()
    assert second().department == "民一庭"  # type: ignore[attr-defined]
    assert a.cases.departments() == ["民一庭"]


def test_a_case_changed_by_two_users_records_the_value_each_one_replaced(two: tuple[Services, Services]) -> None:
    from riskdesk.storage.events import case_events

    a, b = two
    case = a.cases.create(CaseInput(CASE, judge="王法官"))
    first = Paused(a, "UPDATE cases", lambda: a.cases.update(case.id, CaseInput(CASE, judge="李法官")))
    first.start()
    second = meanwhile(lambda: b.cases.update(case.id, CaseInput(CASE, judge="赵法官")))
    first.finish()
    second()
    with a.db.reading() as conn:
        changes = [(e.actor, e.old, e.new) for e in case_events(conn, case.id) if e.field]
    assert changes == [("甲", "王法官", "李法官"), ("乙", "李法官", "赵法官")]


def test_two_users_saving_the_same_setting(two: tuple[Services, Services]) -> None:
    a, b = two
    first = Paused(a, "INSERT INTO settings", lambda: a.settings.set(SettingKey.COURT, "甲法院"))
    first.start()
    second = meanwhile(lambda: b.settings.set(SettingKey.COURT, "乙法院"))
    first.finish()
    second()
    with a.db.reading() as conn:
        assert conn.execute(text("SELECT value FROM settings WHERE key = 'court'")).all() == [("乙法院",)]


def test_checklists_of_two_cases_started_at_once_are_both_counted(two: tuple[Services, Services]) -> None:
    """Same month, same 庭室, same stage: the same statistics rows, each made by whoever comes first."""
    a, b = two
    one, other = a.cases.create(CASE), b.cases.create("(2024)内0602民初124号")
    first = Paused(a, "INSERT INTO point_tallies", lambda: a.checklists.open(one.id, Stage.FILING))
    first.start()
    second = meanwhile(lambda: b.checklists.open(other.id, Stage.FILING))
    first.finish()
    second()
    with a.db.reading() as conn:
        rows, least, most = conn.execute(text("SELECT count(*), min(n_unreviewed + n_settled), "
                                              "max(n_unreviewed + n_settled) FROM point_tallies")).one()
    assert (rows, least, most) == (100, 2, 2)


def test_two_findings_made_at_once_get_the_next_two_numbers(two: tuple[Services, Services]) -> None:
    a, b = two
    first = Paused(a, "INSERT INTO findings", lambda: a.findings.manual("卷宗缺页", Severity.LOW, owner="甲"))
    first.start()
    second = meanwhile(lambda: b.findings.manual("送达回证缺失", Severity.LOW, owner="乙"))
    made = [first.finish().finding.no, second().finding.no]  # type: ignore[attr-defined]
    assert [n.rsplit("-", 1)[1] for n in made] == ["0001", "0002"]


def test_two_first_admins_at_once_the_second_is_told_there_is_one(two: tuple[Services, Services]) -> None:
    a, b = two
    first = Paused(a, "INSERT INTO users", lambda: a.auth.init_server("admin", "张管理员", "first-password-1"))
    first.start()
    second = meanwhile(lambda: b.auth.init_server("boss", "李管理员", "other-password-2"))
    first.finish()
    assert isinstance(second(), InvalidInput)
    with a.db.reading() as conn:
        assert conn.execute(text("SELECT login FROM users")).all() == [("admin",)]


def test_two_wrong_passwords_at_once_both_count(db_url: str, catalog_dir: Path) -> None:
    setup = Services.open(db_url, catalog_dir)
    setup.auth.init_server("admin", "张管理员", "right-password-1")
    setup.close()
    a, b = Services.open(db_url, catalog_dir), Services.open(db_url, catalog_dir)
    try:
        first = Paused(a, "UPDATE users", lambda: a.auth.login("admin", "wrong-password"))
        first.start()
        second = meanwhile(lambda: b.auth.login("admin", "wrong-password"))
        assert isinstance(first.finish(), LoginFailed) and isinstance(second(), LoginFailed)
        with a.db.reading() as conn:
            assert conn.execute(text("SELECT failed_attempts FROM users")).scalar() == 2
    finally:
        a.close()
        b.close()


def test_a_department_added_while_a_new_case_names_it(two: tuple[Services, Services]) -> None:
    a, b = two
    first = Paused(a, "INSERT INTO departments", lambda: a.auth.add_department("民二庭"))
    first.start()
    second = meanwhile(lambda: b.cases.create(CaseInput(CASE, department="民二庭")))
    assert first.finish() == "民二庭"
    assert second().department == "民二庭"  # type: ignore[attr-defined]
    assert a.cases.departments() == ["民二庭"]
