"""新建案件: 案号 checked as it is typed, the case's kind shown, and from an open case a link to it.

Enter creates the case. From an open case the dialog offers 申请执行 or 上诉 with the 原审案号 /
执行依据 filled in, so an enforcement case starts knowing the risks its judgment left open.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.case_kind import CASE_TYPES, CaseProfile
from riskdesk.domain.case_number import CaseNumber, CaseNumberError
from riskdesk.domain.errors import RiskDeskError
from riskdesk.domain.model import Case
from riskdesk.services import Services
from riskdesk.services.case_fields import CaseInput


class NewCaseDialog(QDialog):
    """Enter creates the case; ``created`` holds it afterwards."""

    def __init__(self, services: Services, default_judge: str = "", parent: QWidget | None = None,
                 linked_to: Case | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._linked_to = linked_to
        self.created: Case | None = None
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(520)
        form = self._build_fields(default_judge)
        lay = QVBoxLayout(self)
        if linked_to is not None:
            lay.addLayout(self._link_row(linked_to))
        lay.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.case_no.textChanged.connect(self._check)
        self.case_no.setFocus()
        self._check()

    def _build_fields(self, default_judge: str) -> QFormLayout:
        self.case_no = QLineEdit()
        self.case_no.setPlaceholderText("（2024）内0602民初123号")
        self.case_no.setAccessibleName(self.tr("Case number"))
        self.cause = QLineEdit()
        self.cause.setAccessibleName(self.tr("Cause of action"))
        self.parties = QLineEdit()
        self.parties.setAccessibleName(self.tr("Parties"))
        self.judge = QLineEdit(default_judge)
        self.judge.setAccessibleName(self.tr("Judge in charge"))
        self.filed = QLineEdit()
        self.filed.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        self.filed.setAccessibleName(self.tr("Filing date"))
        self.department = QComboBox()
        self.department.setEditable(True)
        self.department.setAccessibleName(self.tr("Division"))
        self.department.addItem("")
        try:
            self.department.addItems(self._services.cases.departments())
        except RiskDeskError:
            pass  # the list is a convenience; a name can still be typed
        self.track = QComboBox()
        self.track.setAccessibleName(self.tr("Procedure (程序)"))
        self.origin = QLineEdit()
        self.origin.setPlaceholderText(self.tr("Case No. of the first instance or of the title enforced (optional)"))
        self.origin.setAccessibleName(self.tr("Origin case number"))
        self.feedback = QLabel(" ")
        self.feedback.setWordWrap(True)
        self.feedback.setObjectName("caseNoFeedback")
        form = QFormLayout()
        form.addRow(self.tr("Case No. *"), self.case_no)
        form.addRow("", self.feedback)
        form.addRow(self.tr("Cause"), self.cause)
        form.addRow(self.tr("Parties"), self.parties)
        form.addRow(self.tr("Judge"), self.judge)
        form.addRow(self.tr("Filing date"), self.filed)
        form.addRow(self.tr("Division"), self.department)
        form.addRow(self.tr("Procedure (程序)"), self.track)
        form.addRow(self.tr("Origin / title enforced"), self.origin)
        return form

    def _link_row(self, case: Case) -> QHBoxLayout:
        """申请执行 / 上诉 from the open case: the link is filled in, the 案号 is the user's to type."""
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Link to %1:").replace("%1", case.case_no)))
        self.link = QButtonGroup(self)
        for i, text in enumerate((self.tr("None"), self.tr("Application for enforcement"), self.tr("Appeal"))):
            radio = QRadioButton(text)
            self.link.addButton(radio, i)
            row.addWidget(radio)
        row.addStretch(1)
        self.link.button(0).setChecked(True)
        self.link.idClicked.connect(self._linked)
        return row

    def _linked(self, choice: int) -> None:
        case = self._linked_to
        assert case is not None
        self.origin.setText("" if choice == 0 else case.case_no)
        if choice:
            # Same parties; the 案号 of the new case is typed by the user (its serial is the court's).
            self.parties.setText(self.parties.text() or case.parties)
            self.cause.setText(self.cause.text() or case.cause)
            hint = "执" if choice == 1 else "民终"
            self.case_no.setPlaceholderText(self.tr("e.g. %1").replace("%1", f"（{datetime.now().year}）…{hint}…号"))
        self.case_no.setFocus()

    def _check(self) -> bool:
        text = self.case_no.text()
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not text.strip():
            self.feedback.setStyleSheet("color:#616161")
            self.feedback.setText(self.tr("Format: (year) court code + type code + serial + 号"))
            ok_button.setEnabled(False)
            self._offer_tracks("")
            return False
        try:
            number = CaseNumber.parse(text, max_year=datetime.now().year + 1)
        except CaseNumberError as exc:
            self.feedback.setStyleSheet("color:#c62828")
            self.feedback.setText(str(exc))
            ok_button.setEnabled(False)
            self._offer_tracks("")
            return False
        profile = CaseProfile.of(number.case_type)
        stages = "、".join(s.label_zh for s in profile.stages)
        self.feedback.setStyleSheet("color:#2e7d32")
        self.feedback.setText(self.tr("Will be saved as %1 — %2; checklists: %3")
                              .replace("%1", escape(str(number))).replace("%2", profile.describe())
                              .replace("%3", stages))
        ok_button.setEnabled(True)
        self._offer_tracks(number.case_type)
        return True

    def _offer_tracks(self, code: str) -> None:
        chosen = self.track.currentData()
        tracks = CASE_TYPES[code].tracks if code in CASE_TYPES else ()
        self.track.clear()
        self.track.addItem(self.tr("— not set —"), None)
        for t in tracks:
            self.track.addItem(t.label_zh, t)
        self.track.setEnabled(bool(tracks))
        index = self.track.findData(chosen)
        self.track.setCurrentIndex(max(index, 0))

    def _create(self) -> None:
        if not self._check():
            self.case_no.setFocus()
            return
        given = CaseInput(self.case_no.text(), self.cause.text(), self.parties.text(), self.judge.text(),
                          self.origin.text() or None, self.filed.text() or None, self.department.currentText(),
                          self.track.currentData())
        try:
            self.created = self._services.cases.create(given)
        except RiskDeskError as exc:
            self.feedback.setStyleSheet("color:#c62828")
            self.feedback.setText(str(exc))
            self.case_no.setFocus()
            return
        self.accept()
