"""The 统计 window (Ctrl+T) driven by keys and clicks: tiles equal the service's figures, 环节 → 流程节点 →
风险点 with Enter and back with Backspace / Alt+↑, a bar's cases, Enter opening a case in the main window,
another period; per role: a judge sees their own cases, a 庭长 their 庭室, 审管办 chooses the scope."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from riskdesk.domain.model import Case, SettingKey, Stage, Status
from riskdesk.domain.stats import Breakdown, Period
from riskdesk.services import Services
from riskdesk.services.case_fields import CaseInput
from riskdesk.ui.main_window import MainWindow
from riskdesk.ui.stats_pane import BreakdownPane
from riskdesk.ui.stats_window import StatsWindow
from tests.accounts_factory import make_shared, signed_in
from tests.ui.window import shown_window

CTRL = Qt.KeyboardModifier.ControlModifier
THIS_YEAR = Period.year(date.today().year)


def _case(svc: Services, no: str, dept: str, stage: Stage, answers: dict[str, Status], judge: str = "王法官") -> Case:
    case = svc.cases.create(CaseInput(no, "民间借贷纠纷", "张三诉李四", judge, department=dept))
    view = svc.checklists.open(case.id, stage)
    for pid, status in answers.items():
        svc.answers.set_status(view.info.id, pid, status)
    return case


def _cases(svc: Services) -> list[Case]:
    """Three cases of three 庭室: LA-001 found twice, LA-030 once (立案's second node), ZX-004 in 执行."""
    return [
        _case(svc, "(2026)内0602民初1号", "民一庭", Stage.FILING,
              {"LA-001": Status.RISK, "LA-002": Status.CLEAR, "LA-003": Status.NA, "LA-030": Status.RISK}),
        _case(svc, "(2026)内0602民初2号", "民二庭", Stage.FILING, {"LA-001": Status.RISK, "LA-002": Status.CLEAR},
              judge="李法官"),
        _case(svc, "(2026)内0602执3号", "执行局", Stage.ENFORCEMENT, {"ZX-004": Status.RISK}),
    ]


def _open_stats(win: MainWindow, qtbot: QtBot) -> StatsWindow:
    qtbot.keyClick(win, Qt.Key.Key_T, CTRL)
    stats = win.stats_window
    assert stats is not None
    qtbot.waitUntil(stats.isVisible, timeout=3000)
    return stats


def _tiles(stats: StatsWindow) -> dict[str, str]:
    return {k: label.text() for k, label in stats.tiles.values.items()}


def _expected(svc: Services, period: Period = THIS_YEAR, department: str | None = None) -> dict[str, str]:
    d = svc.stats.dashboard(period, department)
    rate = d.total.risk_rate
    median = d.findings.median_days_to_close
    return {"started": str(d.checklists.started), "submitted": str(d.checklists.submitted),
            "approved": str(d.checklists.approved), "answered": str(d.total.answered), "risk": str(d.total.risk),
            "rate": "—" if rate is None else f"{rate:.1%}", "opened": str(d.findings.opened),
            "closed": str(d.findings.closed), "open": str(d.findings.open_now), "overdue": str(d.findings.overdue),
            "median": "—" if median is None else f"{median:g}"}


def _names(pane: BreakdownPane) -> list[str]:
    return [str(pane.proxy.index(i, 0).data()) for i in range(pane.proxy.rowCount())]


def test_drill_down_and_open_a_case(qtbot: QtBot, qtmodeltester: ModelTester,
                                      make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    cases = _cases(win.services)
    win.services.findings.from_answer(win.services.checklists.open(cases[0].id, Stage.FILING).info.id, "LA-001")
    stats = _open_stats(win, qtbot)
    assert _tiles(stats) == _expected(win.services)
    assert _tiles(stats)["risk"] == "4" and _tiles(stats)["opened"] == "1" and _tiles(stats)["started"] == "3"
    assert stats.scope_box.isVisible() and stats.scope_box.currentText() == "全院"  # a single seat sees the court
    assert [stats.tabs.tabText(i) for i in range(stats.tabs.count())] == \
        ["环节(&T)", "庭室(&D)", "月份(&M)", "高发风险点(&R)"]  # no 承办人: not turned on
    pane = stats.panes[Breakdown.STAGE]
    table = pane.table
    assert _names(pane) == ["立案", "执行"]
    qtmodeltester.check(pane.model)
    qtmodeltester.check(pane.proxy)
    # A click on 执行's bar lists its case.
    rects = pane.chart.bar_rects()
    QTest.mouseClick(pane.chart, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     rects[1].center().toPoint())
    assert pane.current_key() == "enforcement" and pane.case_numbers() == [cases[2].case_no]
    # 立案 → its nodes → the first node's points, with Enter.
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert pane.current_key() == "filing" and sorted(pane.case_numbers()) == sorted(c.case_no for c in cases[:2])
    qtbot.keyClick(table, Qt.Key.Key_Return)
    nodes = ["立案节点1", "立案节点2", "立案节点3", "立案节点4"]  # every node of a started checklist
    assert _names(pane) == nodes and pane.where.text() == "全部环节 › 立案"
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert pane.where.text() == "全部环节 › 立案 › 立案节点1" and pane.proxy.rowCount() == 25
    assert _names(pane)[:3] == ["LA-001 立案测试风险点1", "LA-002 立案测试风险点2", "LA-003 立案测试风险点3"]
    qtmodeltester.check(pane.proxy)
    row = [pane.proxy.index(0, c).data() for c in range(8)]
    assert row == ["LA-001 立案测试风险点1", "2", "2", "2", "0", "0", "0", "100.0%"]
    assert [pane.proxy.index(1, c).data() for c in (3, 4, 7)] == ["0", "2", "0.0%"]
    assert [pane.proxy.index(3, c).data() for c in (1, 2, 7)] == ["2", "0", "—"]  # unanswered in both: no rate
    assert sorted(pane.case_numbers()) == sorted(c.case_no for c in cases[:2])
    # Sorting the table by 存在风险 sorts the bars too.
    table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert [r.key for r in pane.chart.rows][:2] == ["LA-002", "LA-003"] and pane.chart.rows[-1].key == "LA-001"
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    # On a point, Enter goes to its cases; Enter there opens the case in the main window at that point.
    pane.select_row(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    wanted = pane.cases.currentItem().text()
    qtbot.keyClick(pane.cases, Qt.Key.Key_Return)
    assert win.case is not None and win.case.case_no == wanted
    assert win.stage is Stage.FILING and win.checklist.current_point() == "LA-001"
    # Back up: Backspace to the nodes (the node stays under the cursor), Alt+↑ to the stages.
    qtbot.keyClick(table, Qt.Key.Key_Backspace)
    assert _names(pane) == nodes and pane.current_key() == "L01"
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert pane.case_numbers() == [cases[0].case_no]  # LA-030 is in the second node
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _names(pane) == ["立案", "执行"] and pane.current_key() == "filing" and not pane.up_button.isEnabled()


def test_another_period(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    _cases(win.services)
    stats = _open_stats(win, qtbot)
    pane = stats.panes[Breakdown.STAGE]
    table = pane.table
    pane.select_row(0)
    # Last year has nothing (the drill level goes with its rows); back to this year, then this month alone.
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert pane.where.text() == "全部环节 › 立案"
    qtbot.keyClick(stats.period.year, Qt.Key.Key_Down)
    assert stats.current_period() == Period.year(date.today().year - 1)
    assert _tiles(stats) == _expected(win.services, stats.current_period()) and _tiles(stats)["started"] == "0"
    assert pane.proxy.rowCount() == 0 and pane.where.text() == "全部环节"
    qtbot.keyClick(stats.period.year, Qt.Key.Key_Up)
    assert _tiles(stats)["started"] == "3" and _names(pane) == ["立案", "执行"]
    stats.period.kind.setCurrentIndex(stats.period.kind.findData("month"))
    assert stats.current_period() == Period.parse(date.today().strftime("%Y-%m"))
    assert _tiles(stats) == _expected(win.services)


def test_divisions_months_top_points_and_scope(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    cases = _cases(win.services)
    stats = _open_stats(win, qtbot)
    divisions = stats.panes[Breakdown.DEPARTMENT]
    assert sorted(_names(divisions)) == ["执行局", "民一庭", "民二庭"]
    stats.tabs.setCurrentWidget(divisions)
    row = _names(divisions).index("民二庭")
    QTest.mouseClick(divisions.chart, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     divisions.chart.bar_rects()[row].center().toPoint())
    assert divisions.case_numbers() == [cases[1].case_no]
    months = stats.panes[Breakdown.MONTH]
    assert months.proxy.rowCount() == 12
    stats.tabs.setCurrentWidget(months)
    this_month = date.today().month - 1
    QTest.mouseClick(months.chart, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     months.chart.bar_rects()[this_month].center().toPoint())
    assert sorted(months.case_numbers()) == sorted(c.case_no for c in cases)
    assert months.proxy.index(this_month, 3).data() == "4"
    # The Top-N: LA-001 first, its guidance shown.
    assert stats.top.list.item(0).text().startswith("1. LA-001 立案测试风险点1 — 存在风险 2 次")
    assert "核对第1项材料" in stats.top.guidance.toPlainText()
    stats.top.list.setCurrentRow(1)
    assert "LA-030" in stats.top.guidance.toPlainText() or "ZX-004" in stats.top.guidance.toPlainText()
    # One 庭室: its figures, and no 庭室 tab (a single bar).
    stats.scope_box.setCurrentIndex(stats.scope_box.findText("民二庭"))
    assert _tiles(stats) == _expected(win.services, department="民二庭") and _tiles(stats)["risk"] == "1"
    assert not stats.tabs.isTabVisible(stats.tabs.indexOf(divisions))
    assert "民二庭" in stats.windowTitle()
    # The chart's measure: risk rate instead of the count.
    stats.metric_box.setCurrentIndex(1)
    assert stats.panes[Breakdown.STAGE].chart.measure.value == "rate"
    # The exports show only once their services exist (being added beside this window).
    assert stats.xlsx_button.isHidden() is not hasattr(win.services.stats, "export_xlsx")
    assert stats.bulletin_button.isHidden() is not hasattr(win.services.reports, "bulletin")


def test_per_person_figures_only_when_turned_on(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    _cases(win.services)
    win.services.settings.set(SettingKey.PERSON_FIGURES, "on")
    stats = _open_stats(win, qtbot)
    assert Breakdown.PERSON in stats.panes
    assert sorted(_names(stats.panes[Breakdown.PERSON])) == ["李法官", "王法官"]


@pytest.fixture
def shared(services: Services) -> Services:
    """王法官 (民一庭) and 陈法官 (民二庭) each with a case, a risk found in each."""
    make_shared(services)
    for login, no, dept, pid in (("wang", "(2026)内0602民初11号", "民一庭", "LA-001"),
                                 ("chen", "(2026)内0602民初12号", "民二庭", "LA-002")):
        person = signed_in(services, login)
        case = person.cases.create(CaseInput(no, department=dept))
        view = person.checklists.open(case.id, Stage.FILING)
        person.answers.set_status(view.info.id, pid, Status.RISK)
    return services


def test_a_judge_sees_only_own_cases(qtbot: QtBot, shared: Services, zh: None) -> None:
    wang = signed_in(shared, "wang")
    stats = _open_stats(shown_window(qtbot, wang), qtbot)
    assert not stats.scope_box.isVisible() and stats.scope_label.text() == "本人承办案件"
    assert _tiles(stats) == _expected(wang) and _tiles(stats)["risk"] == "1"
    assert not stats.tabs.isTabVisible(stats.tabs.indexOf(stats.panes[Breakdown.DEPARTMENT]))
    pane = stats.panes[Breakdown.STAGE]
    pane.select_row(0)
    assert pane.case_numbers() == ["（2026）内0602民初11号"]


def test_a_division_head_sees_the_division(qtbot: QtBot, shared: Services, zh: None) -> None:
    zhang = signed_in(shared, "zhang")
    stats = _open_stats(shown_window(qtbot, zhang), qtbot)
    assert not stats.scope_box.isVisible() and stats.scope_label.text() == "民一庭"
    assert _tiles(stats) == _expected(zhang) and _tiles(stats)["risk"] == "1"
    assert "民一庭" in stats.windowTitle()


def test_management_chooses_the_scope(qtbot: QtBot, shared: Services, zh: None) -> None:
    zhao = signed_in(shared, "zhao")
    stats = _open_stats(shown_window(qtbot, zhao), qtbot)
    assert [stats.scope_box.itemText(i) for i in range(stats.scope_box.count())] == ["全院", "民一庭", "民二庭"]
    assert _tiles(stats)["risk"] == "2"
    stats.scope_box.setCurrentIndex(2)
    assert _tiles(stats) == _expected(zhao, department="民二庭") and _tiles(stats)["risk"] == "1"
    pane = stats.panes[Breakdown.STAGE]
    pane.select_row(0)
    assert pane.case_numbers() == ["（2026）内0602民初12号"]
