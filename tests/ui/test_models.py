"""The Qt models on their own, without a window: Qt's model tester on every state they go through."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from riskdesk.domain.model import Severity, Stage, Status
from riskdesk.services import CaseQuery, Services
from riskdesk.ui.models.case_table_model import CaseTableModel
from riskdesk.ui.models.checklist_filter import ChecklistFilterProxy
from riskdesk.ui.models.checklist_model import ChecklistModel
from riskdesk.ui.models.filters import ChecklistFilter


def test_checklist_model_through_load_answer_switch_and_rebuild(qapp: object, qtmodeltester: ModelTester,
                                                               services: Services) -> None:
    one = services.cases.create("(2024)内0602民初1号")
    two = services.cases.create("(2024)内0602民初2号")
    first = services.checklists.open(one.id, Stage.FILING)
    model = ChecklistModel()
    assert model.set_view(first) is True  # built
    qtmodeltester.check(model)
    assert model.rowCount() == len({it.point.node_id for it in first.items})
    saved = services.answers.set_status(first.info.id, "LA-002", Status.RISK)
    model.update_result(saved.result)
    qtmodeltester.check(model)
    assert next(it for it in model.items() if it.point.id == "LA-002").result.status is Status.RISK
    assert model.set_view(services.checklists.open(two.id, Stage.FILING)) is False  # same points: kept rows
    qtmodeltester.check(model)
    assert all(it.result.status is Status.UNREVIEWED for it in model.items())
    assert model.set_view(services.checklists.open(one.id, Stage.TRIAL)) is True  # another stage: rebuilt
    qtmodeltester.check(model)
    assert model.items()[0].point.id.startswith("SP-")


def test_filter_proxy_keeps_nodes_of_matching_points(qapp: object, qtmodeltester: ModelTester, services: Services) -> None:
    case = services.cases.create("(2024)内0602民初1号")
    view = services.checklists.open(case.id, Stage.FILING)
    services.answers.set_status(view.info.id, "LA-003", Status.RISK)
    model = ChecklistModel()
    model.set_view(services.checklists.open(case.id, Stage.FILING))
    proxy = ChecklistFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(ChecklistFilter(statuses=frozenset({Status.RISK})))
    qtmodeltester.check(proxy)
    shown = [proxy.index(r, 0, proxy.index(n, 0)) for n in range(proxy.rowCount())
             for r in range(proxy.rowCount(proxy.index(n, 0)))]
    assert [model.checklist_item(proxy.mapToSource(i)).point.id for i in shown] == ["LA-003"]  # type: ignore[union-attr]
    proxy.set_filter(ChecklistFilter(severities=frozenset({Severity.HIGH}), text="不存在的词"))
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 0
    proxy.set_filter(ChecklistFilter())
    assert proxy.rowCount() == model.rowCount()


def test_case_table_model(qapp: object, qtmodeltester: ModelTester, services: Services) -> None:
    case = services.cases.create("(2024)内0602民初1号", "民间借贷纠纷", "张三诉李四", "王法官")
    services.cases.create("(2024)内0602执2号")
    model = CaseTableModel()
    model.set_rows(services.cases.list(CaseQuery()))
    qtmodeltester.check(model)
    view = services.checklists.open(case.id, Stage.FILING)
    model.answer_saved(services.answers.set_status(view.info.id, "LA-001", Status.RISK))
    qtmodeltester.check(model)
    row = model.row_of_case(case.id)
    assert model.summary(row).counts[Stage.FILING].risk == 1
    assert model.data(model.index(row, 4)) == "1 / — / —"
