"""The ledger's table model and its filter proxy on their own: Qt's model tester, and what each filter lets through."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.modeltest import ModelTester

from riskdesk.domain.findings import FindingState
from riskdesk.domain.model import Stage, Status
from riskdesk.services import Services
from riskdesk.services.case_fields import CaseInput
from riskdesk.ui.models.finding_filter import FindingFilterProxy, LedgerFilter
from riskdesk.ui.models.finding_table_model import FindingRole, FindingTableModel, LedgerColumn, NodeRole


def _items(services: Services) -> None:
    for n, (dept, judge, stage, points) in enumerate([
        ("民一庭", "王法官", Stage.FILING, ["LA-003", "LA-030"]),
        ("执行局", "欧阳法官", Stage.ENFORCEMENT, ["ZX-004"]),
    ], start=1):
        case = services.cases.create(CaseInput(f"(2024)内0602{'执' if stage is Stage.ENFORCEMENT else '民初'}{n}号",
                                               judge=judge, department=dept))
        view = services.checklists.open(case.id, stage)
        for pid in points:
            services.answers.set_status(view.info.id, pid, Status.RISK)
            services.answers.set_note(view.info.id, pid, f"{pid} 的问题")
            services.findings.from_answer(view.info.id, pid)


def _points(services: Services) -> dict[str, object]:
    return {p.id: p for s in services.catalogs.catalog.stages for p in s.points}


def test_table_model_and_proxy(qapp: object, qtmodeltester: ModelTester, services: Services) -> None:
    _items(services)
    items = services.findings.list()
    model = FindingTableModel()
    qtmodeltester.check(model)  # empty
    model.set_findings(items, _points(services), date.today())  # type: ignore[arg-type]
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == len(LedgerColumn)
    first = model.index(0, LedgerColumn.DESCRIPTION)
    assert first.data() == "LA-003 的问题"  # the case, stage and point have their own columns
    assert first.data(FindingRole).point_id == "LA-003" and model.index(0, 0).data(NodeRole) == "L01"
    proxy = FindingFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(LedgerFilter(stage=Stage.ENFORCEMENT.value))
    qtmodeltester.check(proxy)
    assert [f.point_id for f in proxy.shown()] == ["ZX-004"]
    proxy.set_filter(LedgerFilter(node_id="L02"))  # LA-030 is in the second 立案 node
    assert [f.point_id for f in proxy.shown()] == ["LA-030"]
    proxy.set_filter(LedgerFilter(owner="王法官", department="民一庭", search="la-0"))
    assert [f.point_id for f in proxy.shown()] == ["LA-003", "LA-030"]
    proxy.set_filter(LedgerFilter(states=frozenset({FindingState.CLOSED})))
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 0
    today = date.today()
    proxy.set_filter(LedgerFilter(made_from=today - timedelta(days=1), made_to=today))
    assert proxy.rowCount() == 3
    proxy.set_filter(LedgerFilter(made_to=today - timedelta(days=1)))
    assert proxy.rowCount() == 0
    proxy.set_filter(LedgerFilter(due_within=14))  # 中 30 days, 高 15, 低 60: none due within two weeks …
    assert proxy.rowCount() == 0
    proxy.set_filter(LedgerFilter(due_within=60))  # … all within sixty
    assert proxy.rowCount() == 3
    proxy.sort(LedgerColumn.SEVERITY)
    qtmodeltester.check(proxy)
    model.set_findings(items[:1], _points(services), today)  # a reload with fewer items
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1


def test_item_events_are_read_through_the_services(services: Services, zh: None) -> None:
    _items(services)
    f = services.findings.list()[0]
    services.findings.progress(f.id, "已补正")
    services.findings.update(f.id, supervisor="高庭长")
    events = services.findings.events(f.id)
    assert [(e.field, e.old, e.new) for e in events] == [
        ("create", "", "open"), ("progress", "open", "in_progress"), ("督办领导", "", "高庭长"),
        ("update", "in_progress", "in_progress")]
    assert all(e.finding_id == f.id and e.actor == "王法官" for e in events)
    from riskdesk.ui.finding_html import event_texts

    assert [event_texts(e) for e in events] == [("建立", "", "待整改"), ("进展", "待整改", "整改中"),
                                                ("修改督办领导", "", "高庭长"), ("修改", "", "")]
