"""Services on a real database (each back end): cases, checklists, answers, notes, settings, catalog upgrades."""

from __future__ import annotations

from pathlib import Path

import pytest

from riskdesk.domain.model import MAX_NOTE_LENGTH, SettingKey, Stage, Status
from riskdesk.services import CaseQuery, Services
from riskdesk.services.errors import DuplicateCase, InvalidInput, NotFound, StaleResult
from tests.catalog_factory import write_catalog

CASE = "(2024)内0602民初123号"


def test_create_and_get_case(services: Services) -> None:
    case = services.cases.create(CASE, cause="民间借贷纠纷", parties="张三诉李四", judge="王法官")
    assert case.case_no == "（2024）内0602民初123号"
    again = services.cases.get("（2024）内0602民初123号")
    assert again == case


def test_duplicate_case_is_refused_in_any_spelling(services: Services) -> None:
    services.cases.create(CASE)
    with pytest.raises(DuplicateCase, match="已存在"):
        services.cases.create(" （2024）内0602 民初123号 ")


def test_malformed_case_number_is_refused(services: Services) -> None:
    with pytest.raises(InvalidInput, match="案号有误"):
        services.cases.create("2024民初1号")
    assert services.cases.list() == []


def test_search_matches_case_no_parties_and_cause(services: Services) -> None:
    services.cases.create(CASE, cause="民间借贷纠纷", parties="张三诉李四")
    services.cases.create("(2024)内0602民初124号", cause="买卖合同纠纷", parties="甲公司诉乙公司")
    services.cases.create("(2024)内0602执55号", cause="借款合同纠纷", parties="100%_公司")
    assert [r.case.case_no for r in services.cases.list(CaseQuery("张三"))] == ["（2024）内0602民初123号"]
    assert len(services.cases.list(CaseQuery("纠纷"))) == 3
    assert len(services.cases.list(CaseQuery("124"))) == 1
    assert len(services.cases.list(CaseQuery("%"))) == 1  # a literal percent sign, not a wildcard
    assert len(services.cases.list(CaseQuery("_"))) == 1
    # Latin letters match in either case on both back ends (SQLite's LIKE; PostgreSQL's ILIKE).
    services.cases.create("(2024)内0602民初125号", parties="ABC科技有限公司诉李四")
    assert [r.case.parties for r in services.cases.list(CaseQuery("abc"))] == ["ABC科技有限公司诉李四"]


def test_ledger_search_matches_as_the_case_search_does(services: Services) -> None:
    """整改台账's search: any of 编号, description, 案号, 责任人; a literal % or _; Latin letters in either case."""
    from riskdesk.domain.model import Severity
    from riskdesk.services.findings import FindingFilter

    services.findings.manual("ABC科技有限公司的送达回证缺失", Severity.LOW, owner="王法官")
    services.findings.manual("卷宗缺页 100%_", Severity.LOW, owner="Li Ming")
    found = {term: [f.description for f in services.findings.list(FindingFilter(search=term))]
             for term in ("abc", "li ming", "%", "_", "缺")}
    assert found == {"abc": ["ABC科技有限公司的送达回证缺失"], "li ming": ["卷宗缺页 100%_"], "%": ["卷宗缺页 100%_"],
                     "_": ["卷宗缺页 100%_"], "缺": ["ABC科技有限公司的送达回证缺失", "卷宗缺页 100%_"]}


def test_open_checklist_starts_100_unreviewed_points(services: Services) -> None:
    case = services.cases.create(CASE)
    view = services.checklists.open(case.id, Stage.FILING)
    assert len(view.items) == 100
    assert view.counts.unreviewed == 100
    assert view.items[0].point.id == "LA-001"
    assert view.info.catalog_version == "test-1"
    assert not view.upgrade_available
    assert services.checklists.open(case.id, Stage.FILING).info.id == view.info.id


def test_status_and_note_are_saved_with_history(services: Services) -> None:
    case = services.cases.create(CASE)
    view = services.checklists.open(case.id, Stage.FILING)
    saved = services.answers.set_status(view.info.id, "LA-001", Status.RISK)
    r = saved.result
    assert (r.status, r.updated_by, r.revision) == (Status.RISK, "王法官", 1)
    # The change carries what every progress display needs: no one has to count again.
    assert (saved.case_id, saved.stage) == (case.id, Stage.FILING)
    assert (saved.counts.risk, saved.counts.unreviewed, saved.counts.total) == (1, 99, 100)
    r = services.answers.set_note(view.info.id, "LA-001", "材料不全", expected_revision=1).result
    assert r.note == "材料不全" and r.revision == 2
    reopened = services.checklists.open(case.id, Stage.FILING)
    assert reopened.items[0].result.status is Status.RISK
    assert reopened.items[0].result.note == "材料不全"
    assert reopened.counts.risk == 1
    history = services.answers.history(view.info.id, "LA-001")
    assert [(h.field.value, h.old, h.new) for h in history] == [("status", "unreviewed", "risk"), ("note", "", "材料不全")]
    assert services.checklists.open(view.info.case_id, view.info.stage).info.last_point_id == "LA-001"


def test_stale_revision_is_refused_and_nothing_is_overwritten(services: Services) -> None:
    case = services.cases.create(CASE)
    cl = services.checklists.open(case.id, Stage.TRIAL).info.id
    services.session.act_as("甲")
    services.answers.set_status(cl, "SP-001", Status.CLEAR, expected_revision=0)
    with pytest.raises(StaleResult, match="已被其他窗口或用户修改"):
        services.session.act_as("乙")
        services.answers.set_status(cl, "SP-001", Status.RISK, expected_revision=0)
    assert services.checklists.open(case.id, Stage.TRIAL).items[0].result.status is Status.CLEAR


def test_note_length_is_capped_with_a_message(services: Services) -> None:
    case = services.cases.create(CASE)
    cl = services.checklists.open(case.id, Stage.FILING).info.id
    with pytest.raises(InvalidInput, match="备注过长"):
        services.session.act_as("甲")
        services.answers.set_note(cl, "LA-002", "字" * (MAX_NOTE_LENGTH + 1))
    services.session.act_as("甲")
    r = services.answers.set_note(cl, "LA-002", "a\x00b<b>&").result
    assert r.note == "ab<b>&"


def test_unknown_point_is_not_found(services: Services) -> None:
    case = services.cases.create(CASE)
    cl = services.checklists.open(case.id, Stage.FILING).info.id
    with pytest.raises(NotFound):
        services.session.act_as("甲")
        services.answers.set_status(cl, "SP-001", Status.CLEAR)


def test_counts_per_case_and_stage(services: Services) -> None:
    a = services.cases.create(CASE)
    b = services.cases.create("(2024)内0602民初124号")
    cl = services.checklists.open(a.id, Stage.FILING).info.id
    services.checklists.open(a.id, Stage.ENFORCEMENT)
    for pid, st in (("LA-001", Status.CLEAR), ("LA-002", Status.RISK), ("LA-003", Status.NA)):
        services.session.act_as("甲")
        services.answers.set_status(cl, pid, st)
    counts = services.cases.counts(a.id)
    assert counts[Stage.FILING].as_dict() == {"total": 100, "applicable": 100, "unreviewed": 97, "clear": 1,
                                              "risk": 1, "na": 1, "settled": 0}
    assert counts[Stage.ENFORCEMENT].reviewed == 0
    assert Stage.TRIAL not in counts
    assert services.cases.counts(b.id) == {}
    listed = {r.case.case_no: r.counts for r in services.cases.list()}
    assert listed["（2024）内0602民初123号"][Stage.FILING].risk == 1


def test_settings_round_trip(services: Services) -> None:
    assert services.settings.get(SettingKey.COURT) == ""
    services.settings.set(SettingKey.COURT, " 鄂尔多斯市东胜区人民法院 ")
    services.settings.set(SettingKey.REVIEWER, "王法官")
    assert services.settings.user_settings() == {SettingKey.COURT: "鄂尔多斯市东胜区人民法院",
                                                 SettingKey.REVIEWER: "王法官"}
    with pytest.raises(InvalidInput, match="承办人过长"):
        services.settings.set(SettingKey.REVIEWER, "王" * 501)


def test_catalog_upgrade_carries_forward_only_unchanged_points(tmp_path: Path, db_url: str) -> None:
    url = db_url
    old_dir = write_catalog(tmp_path / "v1", "v1")
    svc = Services.open(url, old_dir)
    case = svc.cases.create(CASE)
    cl = svc.checklists.open(case.id, Stage.FILING).info.id
    for pid in ("LA-001", "LA-002", "LA-003"):
        svc.session.act_as("甲")
        svc.answers.set_status(cl, pid, Status.RISK)
        svc.session.act_as("甲")
        svc.answers.set_note(cl, pid, f"{pid} 的备注")
    svc.close()

    new_dir = write_catalog(
        tmp_path / "v2", "v2",
        tweak={"LA-002": {"risk": "改写后的风险提示。"}, "LA-003": {"title": "完全不同的新风险点", "severity": "low"}},
    )
    svc = Services.open(url, new_dir)
    view = svc.checklists.open(case.id, Stage.FILING)
    # Until upgraded, the checklist shows what was answered, as it was.
    assert view.upgrade_available
    assert view.info.catalog_version == "v1"
    assert view.items[1].point.risk.startswith("立案第2项")
    assert set(view.changed_points) >= {"LA-002", "LA-003"}
    report = svc.checklists.upgrade(cl)
    assert "LA-001" in report.carried and len(report.carried) == 98
    assert report.changed == ("LA-002", "LA-003") and report.retired == () and report.added == ()
    after = svc.checklists.open(case.id, Stage.FILING)
    assert not after.upgrade_available
    by_id = {it.point.id: it.result for it in after.items}
    assert by_id["LA-001"].status is Status.RISK and by_id["LA-001"].note == "LA-001 的备注"
    assert by_id["LA-002"].status is Status.UNREVIEWED
    assert by_id["LA-003"].status is Status.UNREVIEWED and by_id["LA-003"].note == ""
    # The retired answers are still in the database with their history.
    assert [h.new for h in svc.answers.history(cl, "LA-003")] == ["risk", "LA-003 的备注"]
    svc.close()


def test_kept_counts_match_the_results_after_any_sequence_of_answers(services: Services) -> None:
    import random

    from sqlalchemy import text

    rnd = random.Random(7)
    case = services.cases.create(CASE)
    cl = services.checklists.open(case.id, Stage.FILING).info.id
    for _ in range(400):
        pid = f"LA-{rnd.randint(1, 100):03d}"
        services.answers.set_status(cl, pid, rnd.choice([st for st in Status if st is not Status.SETTLED]))
    # The counts kept on the checklist, moved answer by answer, equal the answers counted afresh.
    kept = services.cases.counts(case.id)[Stage.FILING]
    assert kept == services.checklists.open(case.id, Stage.FILING).counts
    with services.db.reading() as s:
        latest = dict(s.execute(text("SELECT point_ref, status FROM answer_versions WHERE checklist_id=:c "
                                     "ORDER BY rev"), {"c": cl}).all())
    assert kept.risk == sum(1 for code in latest.values() if code == 2)


def test_after_an_upgrade_changed_points_show_their_previous_answer(tmp_path: Path, db_url: str) -> None:
    url = db_url
    svc = Services.open(url, write_catalog(tmp_path / "v1", "v1"))
    case = svc.cases.create(CASE)
    cl = svc.checklists.open(case.id, Stage.FILING).info.id
    svc.session.act_as("甲")
    svc.answers.set_status(cl, "LA-002", Status.RISK)
    svc.session.act_as("甲")
    svc.answers.set_note(cl, "LA-002", "旧备注")
    svc.close()
    svc = Services.open(url, write_catalog(tmp_path / "v2", "v2", tweak={"LA-002": {"risk": "新的风险提示。"}}))
    svc.checklists.upgrade(cl)
    view = svc.checklists.open(case.id, Stage.FILING)
    assert set(view.previous) == {"LA-002"}
    assert (view.previous["LA-002"].status, view.previous["LA-002"].note) == (Status.RISK, "旧备注")
    svc.session.act_as("甲")
    svc.answers.set_status(cl, "LA-002", Status.CLEAR)
    assert svc.checklists.open(case.id, Stage.FILING).previous == {}
    svc.close()


def test_all_counts_for_statistics(services: Services) -> None:
    a = services.cases.create(CASE)
    b = services.cases.create("(2024)内0602执1号")
    cl = services.checklists.open(a.id, Stage.FILING).info.id
    services.checklists.open(b.id, Stage.FILING)
    services.checklists.open(b.id, Stage.ENFORCEMENT)
    services.session.act_as("甲")
    services.answers.set_status(cl, "LA-001", Status.RISK)
    table = services.cases.all_counts()
    assert len(table) == 3
    assert table.get(a.id, Stage.FILING).risk == 1  # type: ignore[union-attr]
    assert table.get(a.id, Stage.TRIAL) is None
    assert table.totals(Stage.FILING).as_dict() == {"total": 200, "applicable": 200, "unreviewed": 199, "clear": 0,
                                                    "risk": 1, "na": 0, "settled": 0}
    assert table.totals().total == 300
