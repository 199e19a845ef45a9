"""Court statistics against a hand count: generated cases, then answers, moves and new checklists made
through the services, counted again from each checklist as the window shows it."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from riskdesk.domain.model import CaseId, Stage, Status
from riskdesk.domain.stats import Breakdown, Period, StatsTable, Tally
from riskdesk.services import Services
from riskdesk.services.case_fields import CaseInput
from riskdesk.services.demo_data import generate
from riskdesk.services.errors import NotFound

FIELDS = ("unreviewed", "clear", "risk", "na", "settled")


@pytest.fixture
def court(services: Services) -> Iterator[Services]:
    """60 generated cases over six years, then what a working day adds through the services."""
    generate(services.db, services.catalogs, 60, seed=5)
    rows = _checklists(services)
    for n, (case_id, _no, _dept, stage, _month) in enumerate(rows[:12]):
        view = services.checklists.existing(CaseId(case_id), Stage(stage))
        assert view is not None
        for item in view.items[:5]:
            if item.result.status is not Status.SETTLED:
                services.answers.set_status(view.info.id, item.point.id, (Status.RISK, Status.CLEAR, Status.NA)[n % 3])
    moved = services.cases.get(rows[0][1])  # a case moves to another 庭室: its figures move with it
    services.cases.update(moved.id, CaseInput(moved.case_no, judge=moved.judge, department="审判监督庭"))
    fresh = services.cases.create(CaseInput("（2026）内0602民初9001号", judge="王法官", department="民一庭"))
    cl = services.checklists.open(fresh.id, Stage.FILING).info.id
    services.answers.set_status(cl, "LA-001", Status.RISK)
    services.answers.set_status(cl, "LA-002", Status.CLEAR)
    for n, case_no in enumerate(("（2026）内0602民初9002号", "（2026）内0602民初9003号")):  # submitted, approved
        done = services.cases.create(CaseInput(case_no, judge="王法官", department="民一庭"))
        view = services.checklists.open(done.id, Stage.FILING)
        for item in view.items:
            if item.result.status is not Status.SETTLED:
                services.answers.set_status(view.info.id, item.point.id, Status.CLEAR)
        services.session.act_as("王法官")
        services.signoff.submit(view.info.id)
        if n:
            services.session.act_as("张庭长")
            services.signoff.approve(view.info.id)
    yield services


def _checklists(svc: Services) -> list[tuple[int, str, str, str, int]]:
    """(case id, 案号, 庭室, stage, month started) of every checklist, read straight from the tables."""
    with svc.db.reading() as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.id, c.case_no, coalesce(d.name, ''), cl.stage, cl.created_at FROM checklists cl "
            "JOIN cases c ON c.id = cl.case_id LEFT JOIN departments d ON d.id = c.department_id "
            "ORDER BY cl.id").all()
    return [(cid, no, dept, stage, int(str(at)[:4] + str(at)[5:7])) for cid, no, dept, stage, at in rows]


def _hand_count(svc: Services, period: Period) -> dict[str, Counter[tuple[str, str]]]:
    """Each checklist's counts as its view shows them, summed by stage, 庭室, month and point."""
    out: dict[str, Counter[tuple[str, str]]] = {"stage": Counter(), "department": Counter(), "month": Counter(),
                                                "point": Counter(), "checklists": Counter()}
    for case_id, _no, dept, stage, month in _checklists(svc):
        if not period.first_month <= month <= period.last_month:
            continue
        view = svc.checklists.existing(CaseId(case_id), Stage(stage))
        assert view is not None
        keys = {"stage": stage, "department": dept or "（未指定庭室）", "month": str(month)}
        for by, key in keys.items():
            out["checklists"][(by, key)] += 1
            for name in FIELDS:
                out[by][(key, name)] += getattr(view.counts, name)
        for item in view.items:
            out["point"][(item.point.id, item.result.status.value)] += 1
    return out


def _by_label(table: StatsTable) -> dict[str, Tally]:
    return {r.label if table.by is Breakdown.DEPARTMENT else r.key: r.tally for r in table.rows}


@pytest.mark.parametrize("period_text", [None, "2024", "2026-Q4", "2021-03..2023-08"])
def test_breakdowns_match_a_hand_count_and_add_up(court: Services, period_text: str | None) -> None:
    period = Period.parse(period_text) if period_text else court.stats.whole_period()
    hand = _hand_count(court, period)
    for by in (Breakdown.STAGE, Breakdown.DEPARTMENT, Breakdown.MONTH):
        table = court.stats.table(by, period)
        got = _by_label(table)
        for key, t in got.items():
            for name in FIELDS:
                assert getattr(t, name) == hand[by.value][(key, name)], (by, key, name)
            assert t.checklists == hand["checklists"][(by.value, key)], (by, key)
        counted = {k for k, _ in hand[by.value]} if by is not Breakdown.MONTH else set(got)
        assert counted <= set(got)
        assert table.total == Tally.total(r.tally for r in table.rows), by  # rows add up, checklists included
    points = court.stats.table(Breakdown.POINT, period)
    for r in points.rows:
        for name in FIELDS:
            assert getattr(r.tally, name) == hand["point"][(r.key, name)], (r.key, name)
    stage_total = court.stats.table(Breakdown.STAGE, period).total
    for by in (Breakdown.NODE, Breakdown.POINT):  # the same answers, grouped otherwise
        table = court.stats.table(by, period)
        summed = Tally.total(r.tally for r in table.rows)
        assert (summed.risk, summed.clear, summed.na, summed.unreviewed, summed.settled) == \
            (stage_total.risk, stage_total.clear, stage_total.na, stage_total.unreviewed, stage_total.settled)
        assert table.total.checklists == stage_total.checklists


def test_kept_tallies_equal_a_recount_from_the_answers(court: Services) -> None:
    period = court.stats.whole_period()
    before = {by: court.stats.table(by, period) for by in (Breakdown.STAGE, Breakdown.DEPARTMENT, Breakdown.MONTH,
                                                           Breakdown.POINT)}
    assert court.stats.rebuild() == len(_checklists(court))
    for by, table in before.items():
        assert court.stats.table(by, period) == table, by


def test_dashboard_figures_and_the_cases_behind_a_bar(court: Services) -> None:
    today = date.today()
    period = Period.parse(str(today.year))
    board = court.stats.dashboard(period, top=5)
    in_period = [r for r in _checklists(court) if period.first_month <= r[4] <= period.last_month]
    assert board.checklists.started == len(in_period)
    with court.db.reading() as conn:
        states = {state: n for state, n in conn.exec_driver_sql("SELECT state, count(*) FROM checklists GROUP BY state")}
    assert states.get("approved") == 1 and states.get("submitted") == 1
    assert (board.checklists.submitted, board.checklists.approved) == (2, 1)
    assert board.total == board.tables[Breakdown.STAGE].total
    assert [t.risk for t in board.top_points] == sorted((t.risk for t in board.top_points), reverse=True)
    assert all(t.guidance for t in board.top_points)
    assert Breakdown.PERSON not in board.tables  # no per-person figures unless the court turns them on
    filing = {c for c, _no, _d, stage, _m in in_period if stage == "filing"}
    behind = court.stats.risk_cases(period, None, Breakdown.STAGE, "filing")
    with_risk = {c for c in filing if any(it.result.status is Status.RISK
                                          for it in court.checklists.existing(CaseId(c), Stage.FILING).items)}
    assert {int(c) for c, _ in behind} == with_risk
    department = court.stats.dashboard(period, "民一庭")
    assert department.scope == "民一庭" and department.checklists.started <= board.checklists.started
    with pytest.raises(NotFound, match="没有名为“不存在庭”的庭室"):
        court.stats.dashboard(period, "不存在庭")


def test_findings_figures(services: Services) -> None:
    case = services.cases.create(CaseInput("（2026）内0602民初77号", judge="王法官", department="民一庭"))
    cl = services.checklists.open(case.id, Stage.FILING).info.id
    for pid in ("LA-001", "LA-002", "LA-003"):
        services.answers.set_status(cl, pid, Status.RISK)
        services.findings.from_answer(cl, pid)
    items = services.findings.list()
    services.session.act_as("张庭长")  # a reviewer other than the 责任人
    services.findings.dismiss(items[0].id, "经复核，材料已补齐")
    today = date.today()
    later = date(today.year + 1, 12, 31)  # every open item is past its deadline by then
    figures = services.stats.dashboard(Period.parse(f"{today.year}"), today=later).findings
    assert (figures.opened, figures.dismissed, figures.open_now, figures.overdue) == (3, 1, 2, 2)
    assert figures.closed == 0 and figures.median_days_to_close is None


def test_whole_period_starts_at_the_first_checklist(services: Services) -> None:
    empty = services.stats.whole_period(date(2026, 11, 29))
    assert (empty.first, empty.last) == (date(2026, 11, 1), date(2026, 11, 30))
    generate(services.db, services.catalogs, 5, seed=2)
    whole = services.stats.whole_period(date(2026, 11, 29))
    assert whole.first.year >= 2020 and whole.first.day == 1 and whole.label.startswith("全部（")
    assert datetime(2026, 11, 29).date() in whole


@pytest.mark.sqlite_only
def test_the_migration_counts_checklists_as_a_rebuild_does(tmp_path: Path, catalog_dir: Path) -> None:
    import shutil

    from tests.safety.make_fixtures import FIXTURES

    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-0009.db", path)
    svc = Services.open(f"sqlite:///{path}", catalog_dir, backups=False)
    try:
        def kept() -> set[tuple[object, ...]]:
            conn = sqlite3.connect(path)
            try:
                return set(conn.execute("SELECT * FROM checklist_tallies WHERE n != 0").fetchall())
            finally:
                conn.close()

        migrated = kept()
        assert migrated and sum(int(str(r[4])) for r in migrated) == len(_checklists(svc))
        svc.stats.rebuild()
        assert kept() == migrated
    finally:
        svc.close()
