"""Dialogs: settings (承办人, 法院名称) and the keyboard map."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.errors import RiskDeskError
from riskdesk.domain.model import SettingKey
from riskdesk.services import Action, Services


class SettingsDialog(QDialog):
    """承办人 (whose name goes on every answer) and 法院名称 (printed on PDFs)."""

    def __init__(self, services: Services, *, first_run: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(self.tr("Welcome to RiskDesk") if first_run else self.tr("Settings"))
        self.setMinimumWidth(440)
        current = services.settings.user_settings()
        account = services.session.account
        self.reviewer = QLineEdit(account.name if account is not None else current[SettingKey.REVIEWER])
        self.reviewer.setAccessibleName(self.tr("Reviewer name"))
        self.court = QLineEdit(current[SettingKey.COURT])
        self.court.setAccessibleName(self.tr("Court name"))
        self.court.setPlaceholderText(self.tr("e.g. 鄂尔多斯市东胜区人民法院"))
        # On a shared database the account is the reviewer, and only the IT administrator names the court.
        self.reviewer.setReadOnly(services.session.shared)
        self.court.setReadOnly(not services.policy.allows(Action.SET_COURT))
        self.error = QLabel("")
        self.error.setStyleSheet("color:#c62828")
        self.error.setWordWrap(True)
        lay = QVBoxLayout(self)
        if first_run:
            intro = QLabel(self.tr("Before you start: whose name goes on each answer, and which court is printed "
                                   "on the documents. Both can be changed later in Settings."))
            intro.setWordWrap(True)
            lay.addWidget(intro)
        form = QFormLayout()
        form.addRow(self.tr("Reviewer (承办人) *"), self.reviewer)
        form.addRow(self.tr("Court (法院名称) *"), self.court)
        lay.addLayout(form)
        if services.session.shared:
            shared = QLabel(self.tr("This database is shared: answers are recorded against the account you logged in "
                                    "with; the court's name is set by the IT administrator."))
            shared.setWordWrap(True)
            lay.addWidget(shared)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.reviewer.setFocus()

    def _save(self) -> None:
        editable = {key: field.text() for key, field in ((SettingKey.REVIEWER, self.reviewer),
                                                         (SettingKey.COURT, self.court)) if not field.isReadOnly()}
        if not all(value.strip() for value in editable.values()):
            self.error.setText(self.tr("Both names are needed."))
            return
        try:
            self._services.settings.set_all(editable)
        except RiskDeskError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


def shortcut_rows() -> list[tuple[str, str]]:
    """The keyboard map, shown in Help and printed in README."""
    return [
        ("Ctrl+N", QCoreApplication.translate("Shortcuts", "New case (cursor in the case number; Enter creates it)")),
        ("Ctrl+F", QCoreApplication.translate("Shortcuts", "Search cases")),
        ("Ctrl+1 / Ctrl+2 / Ctrl+3", QCoreApplication.translate("Shortcuts", "Filing / Trial / Enforcement checklist")),
        ("↑ / ↓", QCoreApplication.translate("Shortcuts", "Previous / next risk point")),
        ("1", QCoreApplication.translate("Shortcuts", "No risk — saved, next point")),
        ("2", QCoreApplication.translate("Shortcuts", "Risk found — saved, next point")),
        ("3", QCoreApplication.translate("Shortcuts", "Not applicable — saved, next point")),
        ("0", QCoreApplication.translate("Shortcuts", "Back to unreviewed — saved, next point")),
        ("N", QCoreApplication.translate("Shortcuts", "Next unreviewed point")),
        ("E / F2 / Enter", QCoreApplication.translate("Shortcuts", "Edit the note (saved as you type)")),
        ("Z", QCoreApplication.translate("Shortcuts", "Rectification item: make one for a risk found (also right after "
                                                      "answering 2), or open the point's")),
        ("Esc", QCoreApplication.translate("Shortcuts", "From the note: back to the checklist; from the checklist: back to the case list")),
        ("Enter", QCoreApplication.translate("Shortcuts", "In the case list: open the case where you left off")),
        ("Ctrl+P", QCoreApplication.translate("Shortcuts", "Print / export PDF")),
        ("Ctrl+T", QCoreApplication.translate("Shortcuts", "Statistics (Enter drills down from a stage to its "
                                                           "nodes and points, Backspace goes up)")),
        ("Ctrl+L", QCoreApplication.translate("Shortcuts", "Rectification ledger (type to search, Enter opens an "
                                                           "item, Esc closes)")),
        ("Ctrl+,", QCoreApplication.translate("Shortcuts", "Settings")),
        ("F1", QCoreApplication.translate("Shortcuts", "This keyboard map")),
        ("Ctrl+Q", QCoreApplication.translate("Shortcuts", "Quit (everything is already saved)")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 520)
        rows = "".join(
            f"<tr><td style='padding:3px 14px 3px 0'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
            for k, v in shortcut_rows()
        )
        view = QTextBrowser()
        view.setHtml(f"<table>{rows}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(view)
        lay.addWidget(buttons)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
