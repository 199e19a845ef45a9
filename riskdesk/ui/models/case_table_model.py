"""The case list: one row per case with its progress per stage."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from riskdesk.domain.model import CaseSummary, Stage, StageCounts
from riskdesk.ui.labels import stage_text

Index = QModelIndex | QPersistentModelIndex
CaseIdRole = Qt.ItemDataRole.UserRole + 1


class CaseColumn(enum.IntEnum):
    CASE_NO = 0
    CAUSE = 1
    PARTIES = 2
    JUDGE = 3
    PROGRESS = 4  # answered points per stage, 立 / 审 / 执, in one narrow column


STAGES = (Stage.FILING, Stage.TRIAL, Stage.ENFORCEMENT)


class CaseTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []

    def set_rows(self, rows: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CaseColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            CaseColumn.CASE_NO: QCoreApplication.translate("CaseTableModel", "Case No."),
            CaseColumn.CAUSE: QCoreApplication.translate("CaseTableModel", "Cause"),
            CaseColumn.PARTIES: QCoreApplication.translate("CaseTableModel", "Parties"),
            CaseColumn.JUDGE: QCoreApplication.translate("CaseTableModel", "Judge"),
            CaseColumn.PROGRESS: QCoreApplication.translate("CaseTableModel", "Progress (F / T / E)"),
        }.get(CaseColumn(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = CaseColumn(index.column())
        if role == CaseIdRole:
            return row.case.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == CaseColumn.CASE_NO:
                return row.case.case_no
            if col == CaseColumn.CAUSE:
                return row.case.cause
            if col == CaseColumn.PARTIES:
                return row.case.parties
            if col == CaseColumn.JUDGE:
                return row.case.judge
            return self._progress_tooltip(row) if role == Qt.ItemDataRole.ToolTipRole else self._progress(row)
        if col == CaseColumn.PROGRESS:
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            # Risks found show in red (and as text in the tooltip); three finished stages in green.
            if role == Qt.ItemDataRole.ForegroundRole and row.counts:
                if any(c.risk for c in row.counts.values()):
                    return QBrush(QColor("#c62828"))
                if len(row.counts) == len(STAGES) and all(c.complete for c in row.counts.values()):
                    return QBrush(QColor("#2e7d32"))
        return None

    @staticmethod
    def _progress(row: CaseSummary) -> str:
        return " / ".join(str(row.counts[st].reviewed) if st in row.counts else "—" for st in STAGES)

    @staticmethod
    def _progress_tooltip(row: CaseSummary) -> str:
        lines = []
        for st in STAGES:
            name = stage_text(st)
            c = row.counts.get(st)
            if c is None:
                lines.append(QCoreApplication.translate("CaseTableModel", "%1: not started").replace("%1", name))
                continue
            text = f"{name}: {c.reviewed}/{c.total}"
            if c.risk:
                text += " · " + QCoreApplication.translate("CaseTableModel", "%n risk(s)", "", c.risk)
            lines.append(text)
        return "\n".join(lines)

    def update_counts(self, case_id: int, counts: dict[Stage, StageCounts]) -> None:
        row = self.row_of_case(case_id)
        if row < 0:
            return
        self._rows[row] = CaseSummary(self._rows[row].case, counts)
        self.dataChanged.emit(self.index(row, CaseColumn.PROGRESS), self.index(row, CaseColumn.PROGRESS))

    def row_of_case(self, case_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.case.id == case_id:
                return i
        return -1

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]
