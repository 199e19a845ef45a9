"""Signing in to a shared database, and changing one's own password.

The dialogs only collect what is typed; the services check it and say what is wrong (wrong login
or password, locked until HH:MM, too short …), and the dialog shows that message and stays open.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.errors import RiskDeskError
from riskdesk.services import Services


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


def _error_label() -> QLabel:
    label = QLabel("")
    label.setObjectName("errorLabel")
    label.setStyleSheet("color:#c62828")
    label.setWordWrap(True)
    return label


class LoginDialog(QDialog):
    """Login and password; Enter logs in. A failed login shows why and keeps the dialog open."""

    def __init__(self, services: Services, login: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(self.tr("RiskDesk — Log in"))
        self.setMinimumWidth(400)
        intro = QLabel(self.tr("This database is shared: log in with your account."))
        intro.setWordWrap(True)
        self.login = QLineEdit(login)
        self.login.setAccessibleName(self.tr("Login"))
        self.password = _password_field(self.tr("Password"))
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self._log_in)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        (self.password if login else self.login).setFocus()

    def _log_in(self) -> None:
        if not self.login.text().strip() or not self.password.text():
            self.error.setText(self.tr("Type your login and your password."))
            return
        try:
            self._services.auth.login(self.login.text(), self.password.text())
        except RiskDeskError as exc:
            self.error.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.password.clear()  # nothing of it stays in the widget
        self.accept()


class ChangePasswordDialog(QDialog):
    """Old password, new one twice. ``forced``: after an admin set the password, before anything else."""

    def __init__(self, services: Services, *, forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        if forced:
            intro = QLabel(self.tr("Your password was set by the administrator. Choose your own password before "
                                   "you go on."))
            intro.setWordWrap(True)
            lay.addWidget(intro)
        self.old = _password_field(self.tr("Current password"))
        self.new = _password_field(self.tr("New password"))
        self.again = _password_field(self.tr("New password again"))
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password (at least 8 characters)"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        self.error = _error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change password"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit") if forced else self.tr("Cancel"))
        buttons.accepted.connect(self._change)
        buttons.rejected.connect(self.reject)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.old.setFocus()

    def _change(self) -> None:
        if self.new.text() != self.again.text():
            self.error.setText(self.tr("The two new passwords differ."))
            return
        try:
            self._services.auth.change_password(self.old.text(), self.new.text())
        except RiskDeskError as exc:
            self.error.setText(str(exc))
            return
        for field in (self.old, self.new, self.again):
            field.clear()
        self.accept()


def sign_in(services: Services, login: str = "") -> bool:
    """The login dialog, then the password change an admin's reset requires; False when the person gave up."""
    if not LoginDialog(services, login).exec():
        return False
    account = services.session.account
    if account is not None and account.must_change_password:
        return bool(ChangePasswordDialog(services, forced=True).exec())
    return True
