"""管理 ▸ 用户和庭室: the admin's list of accounts, with add, disable / enable, reset password, add 庭室.

Everything goes through services.auth, which refuses anyone but an admin; the menu is only shown to one.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.errors import RiskDeskError
from riskdesk.domain.people import Account, Role
from riskdesk.services import Services
from riskdesk.ui.errors import attempt
from riskdesk.ui.labels import role_text


class PasswordPairDialog(QDialog):
    """A new password typed twice (for a new account or a reset); ``password`` holds it afterwards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(440)
        self.password = ""
        self.first = QLineEdit()
        self.second = QLineEdit()
        for field, name in ((self.first, self.tr("New password")), (self.second, self.tr("New password again"))):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(name)
        self.form = form = QFormLayout()
        form.addRow(self.tr("Password (at least 8 characters)"), self.first)
        form.addRow(self.tr("Password again"), self.second)
        note = QLabel(self.tr("The user must change this password at the next login."))
        note.setWordWrap(True)
        self.error = QLabel("")
        self.error.setStyleSheet("color:#c62828")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def _accept(self) -> None:
        if self.first.text() != self.second.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        self.password = self.first.text()
        if self.save():
            self.accept()

    def save(self) -> bool:
        """Subclasses store the password through the services; False (with ``error`` set) keeps the dialog open."""
        return True

    def refused(self, exc: RiskDeskError) -> bool:
        self.error.setText(str(exc))
        return False


class AddUserDialog(PasswordPairDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(self.tr("Add user"))
        self.login = QLineEdit()
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_text(role), role)
        self.role.setCurrentIndex(list(Role).index(Role.JUDGE))
        self.department = QComboBox()
        self.department.addItem("")
        self.department.addItems(services.auth.list_departments())
        for row, (label, widget) in enumerate(((self.tr("Login"), self.login), (self.tr("Name"), self.name),
                                               (self.tr("Role"), self.role), (self.tr("Division"), self.department))):
            widget.setAccessibleName(label)
            self.form.insertRow(row, label, widget)
        self.login.setFocus()

    def save(self) -> bool:
        try:
            self._services.auth.add_user(self.login.text(), self.name.text(), self.role.currentData(),
                                         self.department.currentText(), self.password)
        except RiskDeskError as exc:
            return self.refused(exc)
        return True


class ResetPasswordDialog(PasswordPairDialog):
    def __init__(self, services: Services, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._login = account.login
        self.setWindowTitle(self.tr("Reset the password of %1").replace("%1", f"{account.name}（{account.login}）"))

    def save(self) -> bool:
        try:
            self._services.auth.reset_password(self._login, self.password)
        except RiskDeskError as exc:
            return self.refused(exc)
        return True


class UsersDialog(QDialog):
    COLUMNS = 5

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.accounts: list[Account] = []
        self.setWindowTitle(self.tr("Users and divisions"))
        self.resize(760, 460)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Login"), self.tr("Name"), self.tr("Role"), self.tr("Division"),
                                              self.tr("State")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Users"))
        self.departments = QLabel()
        self.departments.setWordWrap(True)
        row = QHBoxLayout()
        self.add_button = self._button(row, self.tr("Add user…"), self.add_user)
        self.toggle_button = self._button(row, self.tr("Disable"), self.toggle_active)
        self.reset_button = self._button(row, self.tr("Reset password…"), self.reset_password)
        self.dept_button = self._button(row, self.tr("Add division…"), self.add_department)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.departments)
        lay.addLayout(row)
        lay.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.refresh()

    def _button(self, row: QHBoxLayout, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def refresh(self, select: str = "") -> None:
        accounts = attempt(self, self.tr("Users and divisions"), self._services.auth.list_users)
        names = attempt(self, self.tr("Users and divisions"), self._services.auth.list_departments)
        self.accounts = accounts or []
        self.table.setRowCount(len(self.accounts))
        for i, a in enumerate(self.accounts):
            for col, text in enumerate((a.login, a.name, role_text(a.role), a.department or "—", self._state(a))):
                self.table.setItem(i, col, QTableWidgetItem(text))
            if a.login == select:
                self.table.selectRow(i)
        self.departments.setText(self.tr("Divisions: %1").replace("%1", "、".join(names or []) or "—"))
        self._selection_changed()

    def _state(self, a: Account) -> str:
        if not a.active:
            return self.tr("Disabled")
        if a.locked_until is not None and self._services.session.clock() < a.locked_until:
            return self.tr("Locked until %1").replace("%1", a.locked_until.strftime("%H:%M"))
        return self.tr("Must change password") if a.must_change_password else self.tr("Active")

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        account = self.selected()
        self.toggle_button.setEnabled(account is not None)
        self.reset_button.setEnabled(account is not None)
        self.toggle_button.setText(self.tr("Enable") if account is not None and not account.active
                                   else self.tr("Disable"))

    def add_user(self) -> None:
        dlg = AddUserDialog(self._services, self)
        if dlg.exec():
            self.refresh(dlg.login.text().strip().lower())

    def toggle_active(self) -> None:
        account = self.selected()
        if account is None:
            return
        change = self._services.auth.enable_user if not account.active else self._services.auth.disable_user
        if attempt(self, self.tr("Users and divisions"), lambda: change(account.login)) is not None:
            self.refresh(account.login)

    def reset_password(self) -> None:
        account = self.selected()
        if account is not None and ResetPasswordDialog(self._services, account, self).exec():
            QMessageBox.information(self, self.tr("Users and divisions"),
                                    self.tr("The new password is set and the account unlocked. %1 must change it at "
                                            "the next login.").replace("%1", account.name))
            self.refresh(account.login)

    def add_department(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add division"), self.tr("Name of the division:"))
        if ok and name.strip():
            if attempt(self, self.tr("Add division"), lambda: self._services.auth.add_department(name)) is not None:
                self.refresh()
