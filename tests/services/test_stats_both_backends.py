"""Statistics on each back end: every breakdown's SQL (grouping by an expression, sums, the month of a
date) and the one-shot recount after an upgrade, done by whoever opens the database next (on a server the
application role, which may not delete a row)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text

from riskdesk.domain.model import SettingKey, Severity, Stage, Status
from riskdesk.domain.stats import Breakdown, Period
from riskdesk.services import Services
from riskdesk.services.case_fields import CaseInput

THIS_YEAR = Period.year(date.today().year)


def _fill(svc: Services) -> None:
    """Three cases in two 庭室 and none, answered a little; per-person figures on."""
    svc.settings.set(SettingKey.PERSON_FIGURES, "1")
    for no, dept, judge, answers in (
        ("(2024)内0602民初1号", "民一庭", "王法官", {"LA-001": Status.RISK, "LA-002": Status.CLEAR}),
        ("(2024)内0602民初2号", "民二庭", "李法官", {"LA-001": Status.RISK, "LA-003": Status.NA}),
        ("(2024)内0602民初3号", "", "王法官", {"LA-002": Status.RISK}),
    ):
        case = svc.cases.create(CaseInput(no, department=dept, judge=judge))
        cl = svc.checklists.open(case.id, Stage.FILING).info.id
        for point, status in answers.items():
            svc.answers.set_status(cl, point, status)
    svc.findings.manual("卷宗缺页", Severity.LOW, owner="王法官")


def _figures(svc: Services) -> dict[str, object]:
    board = svc.stats.dashboard(THIS_YEAR, today=date.today())
    return {"total": board.total, "checklists": board.checklists, "findings": board.findings,
            **{by.value: board.tables[by].as_dict() for by in board.tables}}


def test_every_breakdown_adds_up(services: Services) -> None:
    _fill(services)
    board = services.stats.dashboard(THIS_YEAR, today=date.today())
    assert (board.total.risk, board.total.clear, board.total.na) == (3, 1, 1)
    assert (board.checklists.started, board.findings.opened) == (3, 1)
    assert set(board.tables) == set(Breakdown)
    for by, table in board.tables.items():
        assert sum(r.tally.risk for r in table.rows) == 3, by
        assert sum(r.tally.clear + r.tally.na + r.tally.unreviewed + r.tally.settled for r in table.rows) == \
            board.total.clear + board.total.na + board.total.unreviewed + board.total.settled, by
    month = date.today().year * 100 + date.today().month
    assert [r.key for r in board.tables[Breakdown.MONTH].rows if r.tally.risk] == [str(month)]
    assert {r.label: r.tally.risk for r in board.tables[Breakdown.PERSON].rows} == {"王法官": 2, "李法官": 1}
    assert sorted(r.tally.risk for r in board.tables[Breakdown.DEPARTMENT].rows) == [1, 1, 1]
    # The cases behind a bar, by stage, month, 庭室, person and point.
    assert len(services.stats.risk_cases(THIS_YEAR, None, Breakdown.STAGE, "filing")) == 3
    assert len(services.stats.risk_cases(THIS_YEAR, None, Breakdown.MONTH, str(month))) == 3
    assert len(services.stats.risk_cases(THIS_YEAR, None, Breakdown.PERSON, "王法官")) == 2
    assert [no for _, no in services.stats.risk_cases(THIS_YEAR, None, Breakdown.POINT, "LA-001")] == [
        "（2024）内0602民初2号", "（2024）内0602民初1号"]
    one = services.stats.dashboard(THIS_YEAR, "民一庭", today=date.today())
    assert (one.total.risk, one.total.clear) == (1, 1)


def test_an_upgrades_recount_is_done_once_by_the_next_to_open_it(services: Services, db_url: str,
                                                                 catalog_dir: Path) -> None:
    _fill(services)
    before = _figures(services)
    with services.db.writing() as conn:  # figures gone wrong, and the mark a migration leaves
        conn.execute(text("UPDATE point_tallies SET n_risk = n_risk + 7"))
        conn.execute(text("INSERT INTO settings (key, value) VALUES (:k, '1')"),
                     {"k": SettingKey.REBUILD_TALLIES.value})
    assert _figures(services) != before
    again = Services.open(db_url, catalog_dir)  # on PostgreSQL: the application role
    try:
        assert _figures(again) == before
        with again.db.reading() as conn:
            assert conn.execute(text("SELECT value FROM settings WHERE key = :k"),
                                {"k": SettingKey.REBUILD_TALLIES.value}).scalar() == ""
        assert again.stats.rebuild_if_marked() is None  # done: not again
    finally:
        again.close()


def test_demo_data_then_cases_made_by_hand(services: Services) -> None:
    """Demo data gives its rows their ids (a bulk insert); on a server the sequences must move past them."""
    from riskdesk.services.demo_data import generate

    assert generate(services.db, services.catalogs, 30, 1) == 30
    case = services.cases.create("(2027)内0602民初99999号")
    view = services.checklists.open(case.id, Stage.FILING)
    services.answers.set_status(view.info.id, "LA-001", Status.RISK)
    assert len(services.cases.list()) == 31
    assert services.stats.dashboard(Period.parse("2020-01..2099-12"), today=date.today()).checklists.started > 30
