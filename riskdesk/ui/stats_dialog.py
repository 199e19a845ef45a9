"""统计: per stage, how many cases started and finished it, and the answers summed over all cases."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from riskdesk.domain.model import CountsTable, Stage
from riskdesk.ui.labels import stage_text


class StatsDialog(QDialog):
    def __init__(self, table: CountsTable, court: str, parent: QWidget | None = None, *, shared: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Statistics"))
        self.resize(900, 260)
        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Stage"), self.tr("Cases started"), self.tr("Cases complete"), self.tr("Points reviewed"),
            self.tr("Risk found"), self.tr("Not applicable"), self.tr("Risk rate"),
        ])
        for stage in Stage:
            started, finished, c = table.stage_summary(stage)
            answered = c.clear + c.risk  # not-applicable points are not part of the rate
            rate = f"{c.risk / answered:.1%}" if answered else "—"
            cells = [stage_text(stage), str(started), str(finished), f"{c.reviewed} / {c.total}", str(c.risk),
                     str(c.na), rate]
            row = [QStandardItem(text) for text in cells]
            for item in row[1:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.model.appendRow(row)
        view = QTableView()
        view.setModel(self.model)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)  # "749817 / 1000000"
        view.setAccessibleName(self.tr("Statistics"))
        scope = (self.tr("%1 — the cases your account may read. Risk rate = risk found ÷ (no risk + risk found).")
                 if shared else
                 self.tr("%1 — all cases in this database. Risk rate = risk found ÷ (no risk + risk found)."))
        note = QLabel(scope.replace("%1", court or "RiskDesk"))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(view)
        lay.addWidget(buttons)
