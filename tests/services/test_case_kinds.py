"""Checklists fit the case: points settled by case type, 程序 and 执行依据; the origin's open risks."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from riskdesk.domain.case_kind import Track
from riskdesk.domain.events import EventKind
from riskdesk.domain.model import Stage, Status
from riskdesk.services import Services
from riskdesk.services.case_fields import CaseInput
from riskdesk.services.errors import InvalidInput
from riskdesk.storage.events import case_events
from tests.catalog_factory import write_catalog

# In the test catalog every point is civil; these are not.
TWEAKS = {
    "LA-001": {"applies_to": ["criminal"]},
    "LA-002": {"applies_to": ["civil", "criminal", "administrative"]},
    "LA-003": {"procedures": ["second_instance"]},
    "LA-004": {"tracks": ["simple", "small_claims"]},
    "ZX-001": {"applies_to": ["criminal"]},
    "ZX-002": {"applies_to": ["civil", "criminal"], "procedures": ["enforcement_objection"]},
}


@pytest.fixture
def svc(tmp_path: Path, db_url: str) -> Services:
    catalog = write_catalog(tmp_path / "kinds", tweak=TWEAKS)
    services = Services.open(db_url, catalog, actor_name="王法官")
    yield services  # type: ignore[misc]
    services.close()


def _statuses(svc: Services, case_id: int, stage: Stage) -> dict[str, Status]:
    return {it.point.id: it.result.status for it in svc.checklists.open(case_id, stage).items}  # type: ignore[arg-type]


def test_a_criminal_first_instance_settles_the_points_that_cannot_apply(svc: Services) -> None:
    case = svc.cases.create("(2024)内0602刑初5号")
    view = svc.checklists.open(case.id, Stage.FILING)
    st = {it.point.id: it.result.status for it in view.items}
    assert st["LA-001"] is Status.UNREVIEWED and st["LA-002"] is Status.UNREVIEWED  # criminal / all kinds
    assert st["LA-005"] is Status.SETTLED  # civil only
    assert st["LA-003"] is Status.SETTLED  # civil and second instance only
    counts = view.counts
    assert (counts.applicable, counts.settled, counts.reviewed) == (2, 98, 0)
    kept = svc.cases.counts(case.id)[Stage.FILING]
    assert (kept.applicable, kept.settled, kept.unreviewed) == (2, 98, 2)


def test_a_settled_point_answered_by_a_person_counts_as_a_human_answer(svc: Services) -> None:
    case = svc.cases.create("(2024)内0602刑初5号")
    cl = svc.checklists.open(case.id, Stage.FILING).info.id
    saved = svc.answers.set_status(cl, "LA-050", Status.RISK)
    assert saved.counts.risk == 1 and saved.counts.settled == 97 and saved.counts.applicable == 3
    with pytest.raises(InvalidInput, match="案件类型"):
        svc.answers.set_status(cl, "LA-051", Status.SETTLED)


def test_procedures_and_tracks_settle_points(svc: Services) -> None:
    first = svc.cases.create(CaseInput("(2024)内0602民初7号", track="普通"))
    appeal = svc.cases.create("(2024)内06民终8号")
    st = _statuses(svc, first.id, Stage.FILING)
    assert st["LA-003"] is Status.SETTLED and st["LA-004"] is Status.SETTLED and st["LA-001"] is Status.SETTLED
    assert st["LA-005"] is Status.UNREVIEWED
    st = _statuses(svc, appeal.id, Stage.FILING)
    assert st["LA-003"] is Status.UNREVIEWED  # second instance
    assert st["LA-004"] is Status.UNREVIEWED  # a 程序 nobody chose (二审 has none) leaves the point open


def test_setting_the_origin_later_settles_only_what_nobody_answered(svc: Services) -> None:
    case = svc.cases.create("(2024)内0602执9号")
    cl = svc.checklists.open(case.id, Stage.ENFORCEMENT).info.id
    before = _statuses(svc, case.id, Stage.ENFORCEMENT)
    assert before["ZX-001"] is Status.UNREVIEWED and before["ZX-010"] is Status.UNREVIEWED  # branch unknown yet
    assert before["ZX-002"] is Status.SETTLED  # 执行异议 only
    svc.answers.set_status(cl, "ZX-010", Status.CLEAR)
    changed = svc.cases.update(case.id, CaseInput("(2024)内0602执9号", origin="(2023)内0602刑初1号"))
    assert changed.changed == ("origin",)
    after = _statuses(svc, case.id, Stage.ENFORCEMENT)
    assert after["ZX-001"] is Status.UNREVIEWED  # criminal: applies
    assert after["ZX-011"] is Status.SETTLED  # civil only, nobody answered it
    assert after["ZX-010"] is Status.CLEAR  # a person's answer stays
    kept = svc.cases.counts(case.id)[Stage.ENFORCEMENT]
    assert kept.settled == sum(1 for s in after.values() if s is Status.SETTLED)
    # And back: with a civil origin the civil points return.
    svc.cases.update(case.id, CaseInput("(2024)内0602执9号", origin="(2023)内0602民初1号"))
    again = _statuses(svc, case.id, Stage.ENFORCEMENT)
    assert again["ZX-011"] is Status.UNREVIEWED and again["ZX-001"] is Status.SETTLED
    with svc.db.reading() as conn:
        updates = [e for e in case_events(conn, case.id) if e.kind is EventKind.CASE_UPDATED]
    assert [(e.field, e.old, e.new) for e in updates] == [
        ("原审案号/执行依据", "", "（2023）内0602刑初1号"),
        ("原审案号/执行依据", "（2023）内0602刑初1号", "（2023）内0602民初1号")]


def test_the_origin_s_open_risks_follow_the_case(svc: Services) -> None:
    trial = svc.cases.create("(2024)内0602民初3号")
    view = svc.checklists.open(trial.id, Stage.FILING)
    svc.answers.set_status(view.info.id, "LA-006", Status.RISK)
    svc.answers.set_note(view.info.id, "LA-006", "送达地址未确认")
    svc.answers.set_status(view.info.id, "LA-007", Status.CLEAR)
    enforcement = svc.cases.create(CaseInput("(2024)内0602执4号", origin="(2024)内0602民初3号"))
    risks = svc.cases.origin_risks(enforcement)
    assert [(r.case_no, r.stage, r.point_id, r.note) for r in risks] == [
        ("（2024）内0602民初3号", Stage.FILING, "LA-006", "送达地址未确认")]
    assert svc.cases.origin_risks(svc.cases.create(CaseInput("(2024)内0602执5号", origin="(2019)内0602民初1号"))) == []


def test_case_fields_are_stored_and_checked(svc: Services) -> None:
    case = svc.cases.create(CaseInput("(2024)内0602民初11号", "借款合同纠纷", "甲诉乙", "王法官",
                                      filed="2024-03-15", department="民一庭", track="简易"))
    stored = svc.cases.get(case.case_no)
    assert (stored.filed_on, stored.department, stored.track, stored.type_code) == (
        date(2024, 3, 15), "民一庭", Track.SIMPLE, "民初")
    assert svc.cases.departments() == ["民一庭"]
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    bad = [
        (CaseInput("(2024)内06民终1号", track="简易"), "不适用于民终"),
        (CaseInput("(2024)内0602民初12号", filed=tomorrow), "晚于今天"),
        (CaseInput("(2024)内0602民初12号", filed="2023-12-31"), "早于案号的收案年度"),
        (CaseInput("(2024)内0602民初12号", filed="15/03/2024"), "无法识别"),
        (CaseInput("(2024)内0602执12号", origin="(2024)内0602执12号"), "不能是本案自己"),
        (CaseInput("(2024)内0602执12号", origin="2024民初1号"), "原审案号/执行依据有误"),
        (CaseInput("(2024)内0602民初12号", department="庭" * 101), "承办部门过长"),
    ]
    for given, message in bad:
        with pytest.raises(InvalidInput, match=message):
            svc.cases.create(given)
