"""What the signed-in account's role changes in the window: the menus it gets, and what is not offered.

Only what the services would refuse is hidden; the refusal itself stays in the services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMenuBar

from riskdesk.services import Action

if TYPE_CHECKING:
    from riskdesk.ui.main_window import MainWindow


def fit_to_role(win: MainWindow, bar: QMenuBar, settings_menu: QMenu) -> None:
    """设置 ▸ 修改密码… on a shared database, 管理 ▸ 用户和庭室… for an admin; hide what the role cannot do."""
    services, policy = win.services, win.services.policy
    if services.session.shared:
        text = QCoreApplication.translate("AccountMenu", "Change password…")
        settings_menu.addAction(win._action(text, None, lambda: change_password(win)))
    if policy.allows(Action.MANAGE_USERS):
        manage_menu = bar.addMenu(QCoreApplication.translate("AccountMenu", "&Manage"))
        text = QCoreApplication.translate("AccountMenu", "Users and divisions…")
        manage_menu.addAction(win._action(text, None, lambda: manage_users(win)))
    sign = win.signoff
    for act, needs in ((win.new_case_action, Action.CREATE_CASES), (win.import_action, Action.IMPORT_CASES),
                       (win.stats_action, Action.STATISTICS),
                       (win.ledger.ledger_action, Action.READ_CASES), (sign.submit, Action.SUBMIT_CHECKLISTS),
                       (sign.withdraw, Action.SUBMIT_CHECKLISTS), (sign.approve, Action.REVIEW_CHECKLISTS),
                       (sign.send_back, Action.REVIEW_CHECKLISTS), (sign.pending, Action.READ_CASES),
                       (sign.returned, Action.READ_CASES)):
        act.setVisible(policy.allows(needs))
        act.setEnabled(act.isVisible())
    if not policy.allows(Action.READ_CASES):
        win.review_menu.menuAction().setVisible(False)
        win.queue_button.hide()
        win.empty.setText(QCoreApplication.translate(
            "AccountMenu", "As IT administrator you manage users and divisions (Manage ▸ Users and divisions…); "
                           "case content is not shown to your role."))


def change_password(win: MainWindow) -> None:
    from riskdesk.ui.account_dialogs import ChangePasswordDialog

    if ChangePasswordDialog(win.services, parent=win).exec():
        win.save_label.setText(QCoreApplication.translate("AccountMenu", "Password changed."))


def manage_users(win: MainWindow) -> None:
    from riskdesk.ui.users_dialog import UsersDialog

    UsersDialog(win.services, win).exec()
