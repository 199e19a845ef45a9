"""A point's history: every change of its answer, who made it, when, and why (H in the checklist)."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from riskdesk.domain.model import AnswerField, HistoryEntry, Status
from riskdesk.ui.labels import status_text


class HistoryDialog(QDialog):
    def __init__(self, point_id: str, title: str, entries: list[HistoryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of %1").replace("%1", point_id))
        self.resize(820, 380)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("From → to"),
                                              self.tr("Reason")])
        for e in entries:
            if e.field is AnswerField.STATUS:
                what, change = self.tr("Status"), f"{status_text(Status(e.old))} → {status_text(Status(e.new))}"
            else:
                what, change = self.tr("Note"), f"{e.old or '—'} → {e.new or '—'}"
            self.model.appendRow([QStandardItem(t) for t in (e.at.strftime("%Y-%m-%d %H:%M"), e.who, what, change,
                                                              e.reason)])
        view = QTableView()
        view.setModel(self.model)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(True)
        view.resizeColumnsToContents()
        empty = self.tr("Not answered yet.")
        head = QLabel(f"{point_id}　{title}" + ("" if entries else f"\n{empty}"))
        head.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(view, 1)
        lay.addWidget(buttons)
