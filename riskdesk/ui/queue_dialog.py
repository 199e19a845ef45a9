"""待审核 / 被退回: the checklists waiting on someone; Enter opens the chosen one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from riskdesk.domain.model import Stage
from riskdesk.domain.signoff import ChecklistState
from riskdesk.services.signoff import Waiting
from riskdesk.ui.labels import stage_text


class QueueDialog(QDialog):
    def __init__(self, state: ChecklistState, rows: list[Waiting], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen: Waiting | None = None
        self._rows = rows
        waiting = state is ChecklistState.SUBMITTED
        self.setWindowTitle(self.tr("Waiting for review") if waiting else self.tr("Returned checklists"))
        self.resize(760, 420)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([self.tr("Case No."), self.tr("Stage"), self.tr("Judge"),
                                              self.tr("Submitted by") if waiting else self.tr("Returned by"),
                                              self.tr("Since")])
        for r in rows:
            since = r.since.strftime("%Y-%m-%d %H:%M") if r.since else ""
            self.model.appendRow([QStandardItem(t) for t in (r.case_no, stage_text(Stage(r.stage)), r.judge, r.owner,
                                                              since)])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self._open())
        if rows:
            self.table.selectRow(0)
        note = QLabel(self.tr("%n checklist(s). Enter opens the selected one.", "", len(rows)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Open).setText(self.tr("Open"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(bool(rows))
        buttons.accepted.connect(self._open)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.chosen = self._rows[index.row()]
            self.accept()
