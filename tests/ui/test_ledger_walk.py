"""The 整改台账 in the window, driven by keys and clicks: a risk answered, Z, the item made; the ledger (Ctrl+L)
filtered and searched; an item walked to 销号 (a 销号 by the 责任人 refused with the service's words); an
extension that keeps the original deadline; overdue items in red and counted in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from riskdesk.domain.findings import FindingState, default_due
from riskdesk.domain.model import Stage
from riskdesk.ui.finding_dialog import FindingDialog
from riskdesk.ui.finding_forms import FormDialog
from riskdesk.ui.ledger_window import LedgerWindow
from riskdesk.ui.main_window import MainWindow
from riskdesk.ui.models.finding_table_model import LedgerColumn
from tests.ui.ledger_helpers import DEPARTMENT, JUDGE, fill, in_turn, make_overdue, risky_case
from tests.ui.modal import when_modal

RED = "#c62828"
CTRL = Qt.KeyboardModifier.ControlModifier


def _reactivate(win: MainWindow) -> None:
    win.activateWindow()  # a desktop's window manager does this when a dialog closes
    assert QTest.qWaitForWindowActive(win, 3000)


def _open_ledger(qtbot: QtBot, win: MainWindow) -> LedgerWindow:
    qtbot.keyClick(win, Qt.Key.Key_L, CTRL)
    ledger = win.ledger.window
    assert ledger is not None
    qtbot.waitUntil(ledger.isVisible, timeout=3000)
    return ledger


def _column(ledger: LedgerWindow, column: LedgerColumn) -> list[str]:
    return [str(ledger.proxy.index(r, column).data()) for r in range(ledger.proxy.rowCount())]


def test_a_risk_answered_then_z_makes_an_item(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    svc = win.services
    case_id, _ = risky_case(svc)
    win.cases.refresh()
    win.open_case(case_id, Stage.FILING)
    panel = win.checklist
    assert panel.tree.select_point("LA-003")
    qtbot.keyClick(panel.tree, Qt.Key.Key_2)  # 存在风险: saved, the walk goes on …
    assert panel.current_point() == "LA-004"
    offer = panel.banners.offer_bar
    assert offer.isVisible() and "LA-003 存在风险：按 Z 建立整改项" in offer.text()  # … and Z is offered

    seen: list[dict[str, object]] = []
    form = when_modal(FormDialog, fill(seen, supervisor="高庭长"))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Z)  # for LA-003, though the cursor is on LA-004 now
    assert not form.missed
    point = svc.checklists.point("LA-003")
    assert point is not None
    offered = seen[0]
    assert offered["title"] == "建立整改项"
    assert offered["measure"] == "\n".join(point.guidance) and offered["owner"] == JUDGE
    assert offered["department"] == DEPARTMENT and offered["supervisor"] == ""
    assert offered["due"] == default_due(point.severity, date.today())
    _reactivate(win)
    [item] = svc.findings.list()
    assert (item.point_id, item.case_no, item.owner, item.department, item.supervisor, item.state) == (
        "LA-003", "（2024）内0602民初123号", JUDGE, DEPARTMENT, "高庭长", FindingState.OPEN)
    assert item.source_note == "" and item.created_by == JUDGE
    assert not offer.isVisible() and panel.current_point() == "LA-004" and panel.tree.hasFocus()

    # The point shows its item; Z there opens it instead of making another.
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up)
    line = panel.detail.finding_line
    assert line.isVisible() and item.no in line.text() and "待整改" in line.text()
    titles: list[str] = []
    opened = when_modal(FindingDialog, lambda d: (titles.append(d.windowTitle()), d.reject()))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Z)
    assert not opened.missed and titles == [f"整改项 {item.no}"]
    assert len(svc.findings.list()) == 1
    # Z on a point that is not at risk says why nothing happens, without a dialog.
    _reactivate(win)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Down)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Z)
    assert offer.isVisible() and "LA-004 不是“存在风险”" in offer.text()


def test_ledger_filters_sorts_and_searches(qtbot: QtBot, make_window: Callable[[], MainWindow],
                                          db_path: Path) -> None:
    win = make_window()
    svc = win.services
    _, checklist = risky_case(svc, "LA-003", "LA-004", "LA-006")
    first, second, third = (svc.findings.from_answer(checklist, p).finding for p in ("LA-003", "LA-004", "LA-006"))
    make_overdue(db_path, second.id)
    ledger = _open_ledger(qtbot, win)
    assert ledger.proxy.rowCount() == 3
    assert ledger.totals.text().startswith("梳理 3 条，已销号 0 条，整改中 3 条，待销号 0 条，逾期 1 条")
    qtbot.mouseClick(ledger.filters.overdue, Qt.MouseButton.LeftButton)  # 只看逾期
    assert _column(ledger, LedgerColumn.NO) == [second.no] and "逾期 1 条" in ledger.totals.text()
    qtbot.mouseClick(ledger.filters.overdue, Qt.MouseButton.LeftButton)
    header = ledger.table.horizontalHeader()
    x = header.sectionViewportPosition(LedgerColumn.NO) + header.sectionSize(LedgerColumn.NO) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert _column(ledger, LedgerColumn.NO) == [third.no, second.no, first.no]  # sorted by 编号, descending now

    ledger.table.setFocus()
    qtbot.keyClicks(ledger.table, first.no[-4:])  # typing in the table searches
    assert ledger.filters.search.text() == first.no[-4:] and _column(ledger, LedgerColumn.NO) == [first.no]
    ledger.filters.search.clear()
    def current() -> int | None:
        f = ledger.current_finding()
        return f.id if f is not None else None

    assert current() == first.id  # the row under the cursor stays when the search is cleared
    qtbot.keyClick(ledger.filters.search, Qt.Key.Key_Up)  # arrows in the search box move in the table
    assert current() == second.id
    ledger.filters.set_state(FindingState.OPEN)  # 待整改: all three; 整改中: none yet
    assert ledger.proxy.rowCount() == 3
    ledger.filters.set_state(FindingState.IN_PROGRESS)
    assert ledger.proxy.rowCount() == 0 and ledger.totals.text().startswith("梳理 0 条")
    qtbot.keyClick(ledger.table, Qt.Key.Key_Escape)  # Esc closes the ledger
    assert not ledger.isVisible()


def test_an_item_walked_to_closed_in_the_ledger(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    svc = win.services
    _, checklist = risky_case(svc, "LA-003", "LA-004")
    first, _second = (svc.findings.from_answer(checklist, p).finding for p in ("LA-003", "LA-004"))
    ledger = _open_ledger(qtbot, win)
    ledger.table.setFocus()
    qtbot.keyClicks(ledger.table, first.no[-4:])
    assert _column(ledger, LedgerColumn.NO) == [first.no]

    refused: list[str] = []
    message = when_modal(QMessageBox, lambda box: (refused.append(box.text()), box.accept()))
    offered: list[dict[str, object]] = []
    forms = when_modal(FormDialog, in_turn(
        fill(offered, note="已电话联系原告补交材料"),  # 记录进展, as the configured reviewer (the 责任人)
        fill(offered, evidence="补正材料已收齐入卷", result="已补正"),  # 申请销号, as the 责任人 offered
        fill(offered, who=JUDGE),  # 销号 by the 责任人 (nobody is offered: the name typed in): refused
        fill(offered, comment="同意销号", who="李庭长"),  # 销号 by someone else
    ), times=4)
    seen: dict[str, object] = {}

    def walk(dlg: FindingDialog) -> None:
        # No asserts in here: this runs inside the dialog's event loop.
        b = dlg.step_buttons
        seen["enabled at first"] = sorted(n for n, x in b.items() if x.isEnabled())
        qtbot.mouseClick(b["progress"], Qt.MouseButton.LeftButton)
        seen["after progress"] = dlg.finding.state if dlg.finding else None
        qtbot.mouseClick(b["apply"], Qt.MouseButton.LeftButton)
        seen["after apply"] = sorted(n for n, x in b.items() if x.isEnabled())
        qtbot.mouseClick(b["close"], Qt.MouseButton.LeftButton)
        seen["after own close"] = dlg.finding.state if dlg.finding else None
        qtbot.mouseClick(b["close"], Qt.MouseButton.LeftButton)
        seen["heading"] = dlg.heading.text()
        seen["events"] = [dlg.events.item(r, 2).text() for r in range(dlg.events.rowCount())]
        dlg.reject()

    dialog = when_modal(FindingDialog, walk)
    ledger.filters.search.setFocus()
    qtbot.keyClick(ledger.filters.search, Qt.Key.Key_Return)  # Enter opens the item under the cursor
    qtbot.waitUntil(lambda: bool(dialog.acted) or dialog.missed, timeout=20_000)
    assert not dialog.missed and not forms.missed and not message.missed
    assert seen["enabled at first"] == ["apply", "dismiss", "edit", "evidence", "extend", "progress", "severity"]
    assert seen["after progress"] is FindingState.IN_PROGRESS
    assert seen["after apply"] == ["close", "dismiss", "edit", "evidence", "extend", "return_", "severity"]
    assert seen["after own close"] is FindingState.PENDING_CLOSE
    assert [(o["title"], o["who"]) for o in offered] == [("记录进展", JUDGE), ("申请销号", JUDGE), ("销号", ""),
                                                         ("销号", "")]
    assert refused == [f"销号审核人不能是责任人（{JUDGE}）或申请人（{JUDGE}）"]
    assert "已销号" in str(seen["heading"])
    assert seen["events"] == ["建立", "进展", "申请销号", "销号"]
    done = svc.findings.get(first.id)
    assert (done.state, done.closed_by, done.applicant, done.result) == (FindingState.CLOSED, "李庭长", JUDGE, "已补正")
    assert [n[3] for n in svc.findings.notes(first.id)] == ["已电话联系原告补交材料", "补正材料已收齐入卷"]
    # The ledger shows it as it is now.
    ledger.filters.search.clear()
    ledger.filters.set_state(FindingState.CLOSED)
    assert _column(ledger, LedgerColumn.NO) == [first.no] and _column(ledger, LedgerColumn.STATE) == ["已销号"]


def test_an_extension_keeps_the_original_deadline(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    svc = win.services
    case_id, checklist = risky_case(svc, "LA-005")
    due = date.today() + timedelta(days=10)
    item = svc.findings.from_answer(checklist, "LA-005", due=due).finding
    later = due + timedelta(days=30)
    ledger = _open_ledger(qtbot, win)
    forms = when_modal(FormDialog, in_turn(fill(due=later, reason="等待外地法院回函", who="李庭长")))
    seen: dict[str, str] = {}

    def extend(dlg: FindingDialog) -> None:
        qtbot.mouseClick(dlg.step_buttons["extend"], Qt.MouseButton.LeftButton)
        seen["details"] = dlg.details.toPlainText()
        qtbot.mouseClick(dlg.open_case_button, Qt.MouseButton.LeftButton)  # 打开案件: the dialog closes

    dialog = when_modal(FindingDialog, extend)
    qtbot.keyClick(ledger.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.acted) or dialog.missed, timeout=10_000)
    assert not dialog.missed and not forms.missed
    details = seen["details"]
    assert f"原定：{due.isoformat()}" in details
    assert f"第 1 次延期：至 {later.isoformat()}，李庭长" in details and "等待外地法院回函" in details
    kept = svc.findings.get(item.id)
    assert (kept.due, kept.current_due, kept.extensions[0].approver) == (due, later, "李庭长")
    assert _column(ledger, LedgerColumn.DUE) == [f"{later.isoformat()}（原定 {due.isoformat()}）"]
    # 打开案件 showed the case at the item's point in the main window.
    assert win.case is not None and int(win.case.id) == case_id and win.checklist.current_point() == "LA-005"


def test_overdue_items_are_red_and_counted_in_the_status_bar(qtbot: QtBot, make_window: Callable[[], MainWindow],
                                                             db_path: Path) -> None:
    first = make_window()
    _, checklist = risky_case(first.services, "LA-003", "LA-004")
    a, b = (first.services.findings.from_answer(checklist, p).finding for p in ("LA-003", "LA-004"))
    make_overdue(db_path, a.id, days=5)
    first.close()
    win = make_window()  # on start the count is there
    button = win.ledger.overdue_button
    qtbot.waitUntil(button.isVisible, timeout=3000)
    assert button.text() == "逾期整改 1 项" and RED in button.styleSheet()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # opens the ledger with the overdue items
    ledger = win.ledger.window
    assert ledger is not None and ledger.isVisible() and ledger.filters.overdue.isChecked()
    assert _column(ledger, LedgerColumn.NO) == [a.no]
    row = ledger.proxy.index(0, LedgerColumn.OVERDUE)
    assert row.data() == "逾期 5 日" and row.data(Qt.ItemDataRole.ForegroundRole).color().name() == RED
    assert ledger.proxy.index(0, LedgerColumn.DUE).data(Qt.ItemDataRole.ForegroundRole).color().name() == RED
    # Another deadline passes; the count follows the next change to any item.
    make_overdue(db_path, b.id, days=1)
    ledger.filters.set_overdue_only(False)
    assert ledger.select_finding(b.id)
    forms = when_modal(FormDialog, fill(note="已发函催告"))
    dialog = when_modal(FindingDialog, lambda d: (qtbot.mouseClick(d.step_buttons["progress"],
                                                                   Qt.MouseButton.LeftButton), d.reject()))
    qtbot.keyClick(ledger.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.acted) or dialog.missed, timeout=10_000)
    assert not dialog.missed and not forms.missed
    assert button.text() == "逾期整改 2 项"
    assert win.services.findings.get(b.id).state is FindingState.IN_PROGRESS
    assert ledger.totals.text().endswith("逾期 2 条")
