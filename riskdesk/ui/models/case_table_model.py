"""The case list: one row per case with its progress per stage."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from riskdesk.domain.model import CaseSummary, Stage, StageCounts

Index = QModelIndex | QPersistentModelIndex
CaseIdRole = Qt.ItemDataRole.UserRole + 1


class CaseColumn(enum.IntEnum):
    CASE_NO = 0
    CAUSE = 1
    PARTIES = 2
    JUDGE = 3
    FILING = 4
    TRIAL = 5
    ENFORCEMENT = 6


_STAGE_OF = {CaseColumn.FILING: Stage.FILING, CaseColumn.TRIAL: Stage.TRIAL, CaseColumn.ENFORCEMENT: Stage.ENFORCEMENT}


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
            CaseColumn.FILING: QCoreApplication.translate("CaseTableModel", "Filing"),
            CaseColumn.TRIAL: QCoreApplication.translate("CaseTableModel", "Trial"),
            CaseColumn.ENFORCEMENT: QCoreApplication.translate("CaseTableModel", "Enforcement"),
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
            counts = row.counts.get(_STAGE_OF[col])
            if counts is None:
                return "—"
            text = f"{counts.reviewed}/{counts.total}"
            if role == Qt.ItemDataRole.ToolTipRole and counts.risk:
                text += " · " + QCoreApplication.translate("CaseTableModel", "%n risk(s)", "", counts.risk)
            return text
        if col >= CaseColumn.FILING:
            counts = row.counts.get(_STAGE_OF[col])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            # Risks found show in red (and in the tooltip as text); a finished stage in green.
            if role == Qt.ItemDataRole.ForegroundRole and counts is not None:
                if counts.risk:
                    return QBrush(QColor("#c62828"))
                if counts.complete:
                    return QBrush(QColor("#2e7d32"))
        return None

    def update_counts(self, case_id: int, counts: dict[Stage, StageCounts]) -> None:
        row = self.row_of_case(case_id)
        if row < 0:
            return
        self._rows[row] = CaseSummary(self._rows[row].case, counts)
        self.dataChanged.emit(self.index(row, CaseColumn.FILING), self.index(row, CaseColumn.ENFORCEMENT))

    def row_of_case(self, case_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.case.id == case_id:
                return i
        return -1

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]
