"""A shared database in the window: log in, read-only cases for 审管办, the admin's users dialog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from riskdesk.domain.model import Stage, Status
from riskdesk.services import Services
from riskdesk.services.errors import PermissionDenied
from riskdesk.ui.account_dialogs import ChangePasswordDialog, LoginDialog, sign_in
from riskdesk.ui.users_dialog import AddUserDialog, ResetPasswordDialog, UsersDialog
from tests.accounts_factory import PASSWORD, make_shared, signed_in
from tests.ui.modal import when_modal
from tests.ui.typing import type_text
from tests.ui.window import shown_window

CASE = "(2024)内0602民初123号"


@pytest.fixture
def shared(services: Services) -> Iterator[Services]:
    """A shared database with 王法官's case, its 立案 checklist started and LA-001 answered."""
    make_shared(services)
    wang = signed_in(services, "wang")
    case = wang.cases.create(CASE)
    cl = wang.checklists.open(case.id, Stage.FILING).info.id
    wang.answers.set_status(cl, "LA-001", Status.RISK)
    yield services


def test_log_in_with_a_wrong_password_then_the_right_one(qtbot: QtBot, shared: Services, zh: None) -> None:
    fresh = Services(shared.db, shared.catalogs.directory)
    seen: list[str] = []

    def log_in(dlg: LoginDialog) -> None:  # no asserts in here: this runs inside the dialog's event loop
        seen.append(str(dlg.focusWidget() is dlg.password))
        type_text(dlg.password, "wrong-password")
        qtbot.keyClick(dlg.password, Qt.Key.Key_Return)
        seen.append(dlg.error.text())
        seen.append(str(dlg.isVisible()))
        type_text(dlg.password, PASSWORD)
        qtbot.keyClick(dlg.password, Qt.Key.Key_Return)

    watch = when_modal(LoginDialog, log_in)
    assert sign_in(fresh, "wang")
    assert not watch.missed
    assert seen == ["True", "登录名或密码错误", "True"]
    assert fresh.session.actor.name == "王法官"
    win = shown_window(qtbot, fresh)
    assert win.who_label.text() == "王法官 · 承办法官 · 民一庭"
    assert win.cases.model.rowCount() == 1
    assert win.signoff.submit.isVisible() and not win.signoff.approve.isVisible()  # a judge submits, a 庭长 reviews
    assert win.signoff.counts() == (0, 0)


def test_a_locked_account_says_until_when(qtbot: QtBot, shared: Services, zh: None) -> None:
    fresh = Services(shared.db, shared.catalogs.directory)
    messages: list[str] = []

    def hammer(dlg: LoginDialog) -> None:
        for _ in range(6):
            type_text(dlg.password, "wrong-password")
            qtbot.keyClick(dlg.password, Qt.Key.Key_Return)
            messages.append(dlg.error.text())
        dlg.reject()

    watch = when_modal(LoginDialog, hammer)
    assert not sign_in(fresh, "wang")
    assert not watch.missed
    assert messages[:4] == ["登录名或密码错误"] * 4
    assert "账户已锁定，请于" in messages[4] and "后再试" in messages[5]


def test_a_reset_password_is_changed_right_after_login(qtbot: QtBot, shared: Services, zh: None) -> None:
    shared.auth.reset_password("wang", "Chongzhi-mima-1")
    fresh = Services(shared.db, shared.catalogs.directory)

    def log_in(dlg: LoginDialog) -> None:
        type_text(dlg.password, "Chongzhi-mima-1")
        qtbot.keyClick(dlg.password, Qt.Key.Key_Return)

    def change(dlg: ChangePasswordDialog) -> None:
        type_text(dlg.old, "Chongzhi-mima-1")
        type_text(dlg.new, "Xin-mima-2024")
        type_text(dlg.again, "Xin-mima-2024")
        qtbot.keyClick(dlg.again, Qt.Key.Key_Return)

    watches = [when_modal(LoginDialog, log_in), when_modal(ChangePasswordDialog, change)]
    assert sign_in(fresh, "wang")
    assert not any(w.missed for w in watches)
    assert fresh.cases.list() and signed_in(shared, "wang", "Xin-mima-2024").session.account is not None


def test_management_sees_cases_but_cannot_answer(qtbot: QtBot, shared: Services, zh: None) -> None:
    zhao = signed_in(shared, "zhao")
    win = shown_window(qtbot, zhao)
    assert win.who_label.text() == "赵审管 · 审管办 · —"
    assert not win.new_case_action.isVisible() and not win.import_action.isVisible()
    assert win.stats_action.isVisible() and win.signoff.pending.isVisible()
    assert not win.signoff.submit.isVisible() and not win.signoff.approve.isVisible()  # 审管办 neither submits nor reviews
    assert win.cases.model.rowCount() == 1
    case = zhao.cases.get(CASE)
    assert win.open_case(case.id)
    assert win.tabs.shown() == {Stage.FILING}  # only what was started: 审管办 cannot start a stage
    panel = win.checklist
    assert panel.current_point() == "LA-001"
    qtbot.keyClick(panel.tree, Qt.Key.Key_Down)
    qtbot.keyClick(panel.tree, Qt.Key.Key_1)
    assert panel.current_point() == "LA-002"  # the key did not save and move on
    assert panel.banners.error_bar.isVisible()
    assert "审管办（赵审管）无权填写核查结果" in panel.banners.error_bar.text()
    assert not any(b.isEnabled() for b in panel.detail.buttons.buttons())
    assert panel.detail.note.isReadOnly()
    view = zhao.checklists.open(case.id, Stage.FILING)
    assert view.items[1].result.status is Status.UNREVIEWED
    with pytest.raises(PermissionDenied, match="审管办只能查看案件，不能修改"):  # the service refuses it too
        zhao.answers.set_status(view.info.id, "LA-002", Status.CLEAR)


def test_the_admin_manages_users_and_sees_no_cases(qtbot: QtBot, shared: Services, zh: None) -> None:
    win = shown_window(qtbot, shared)  # signed in as the admin
    assert win.cases.model.rowCount() == 0 and not win.cases.search.isEnabled()
    assert not win.new_case_action.isVisible() and not win.stats_action.isVisible()
    menus = {a.text(): a.isVisible() for a in win.menuBar().actions()}
    assert menus["管理(&M)"] and not menus["审核(&R)"] and not win.queue_button.isVisible()
    dlg = UsersDialog(shared, win)
    qtbot.addWidget(dlg)
    dlg.show()
    logins = [a.login for a in dlg.accounts]
    assert logins == sorted(logins) and "wang" in logins

    def fill(add: AddUserDialog) -> None:
        type_text(add.login, "sun")
        type_text(add.name, "孙助理")
        add.role.setCurrentIndex(0)  # 法官助理/书记员
        add.department.setCurrentText("民二庭")
        type_text(add.first, "Chushi-mima-1")
        type_text(add.second, "Chushi-mima-1")
        qtbot.keyClick(add.second, Qt.Key.Key_Return)

    watch = when_modal(AddUserDialog, fill)
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    assert not watch.missed
    row = [a.login for a in dlg.accounts].index("sun")
    assert [dlg.table.item(row, c).text() for c in range(5)] == ["sun", "孙助理", "法官助理/书记员", "民二庭", "须修改密码"]

    dlg.table.selectRow([a.login for a in dlg.accounts].index("wang"))
    qtbot.mouseClick(dlg.toggle_button, Qt.MouseButton.LeftButton)
    row = [a.login for a in dlg.accounts].index("wang")
    assert dlg.table.item(row, 4).text() == "已停用" and dlg.toggle_button.text() == "启用"

    def reset(box: ResetPasswordDialog) -> None:
        type_text(box.first, "Chongzhi-mima-1")
        type_text(box.second, "Chongzhi-mima-1")
        qtbot.keyClick(box.second, Qt.Key.Key_Return)

    watches = [when_modal(ResetPasswordDialog, reset), when_modal(QMessageBox, lambda box: box.accept())]
    qtbot.mouseClick(dlg.reset_button, Qt.MouseButton.LeftButton)
    assert not any(w.missed for w in watches)
    assert dlg.table.item(row, 4).text() == "已停用"  # still disabled: a reset does not enable
    assert any(a.login == "wang" and a.must_change_password for a in shared.auth.list_users())
