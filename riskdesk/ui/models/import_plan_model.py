"""The import preview: one row per spreadsheet row, with what importing it would do. Wrong rows come first, in red."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from riskdesk.services.case_import import ImportPlan, Outcome, PlanRow

Index = QModelIndex | QPersistentModelIndex


class ImportColumn(enum.IntEnum):
    ROW = 0
    CASE_NO = 1
    OUTCOME = 2
    DETAIL = 3


# Sorting by 结果 puts what needs a look first: wrong rows, then changes, then new and unchanged cases.
_RANK = {Outcome.BAD: 0, Outcome.UPDATE: 1, Outcome.NEW: 2, Outcome.UNCHANGED: 3}
_COLOURS = {Outcome.BAD: QBrush(QColor("#c62828")), Outcome.UPDATE: QBrush(QColor("#1565c0")),
            Outcome.UNCHANGED: QBrush(QColor("#757575"))}
_BAD_BACKGROUND = QBrush(QColor("#fdecea"))
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


def outcome_text(outcome: Outcome) -> str:
    return {
        Outcome.NEW: QCoreApplication.translate("ImportPlanModel", "New"),
        Outcome.UPDATE: QCoreApplication.translate("ImportPlanModel", "Update"),
        Outcome.UNCHANGED: QCoreApplication.translate("ImportPlanModel", "Unchanged"),
        Outcome.BAD: QCoreApplication.translate("ImportPlanModel", "Error"),
    }[outcome]


class ImportPlanModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PlanRow] = []

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        rows = list(plan.rows) if plan is not None else []
        self._rows = sorted(rows, key=lambda r: (_RANK[r.outcome], r.row))
        self.endResetModel()

    def plan_row(self, row: int) -> PlanRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ImportColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            ImportColumn.ROW: QCoreApplication.translate("ImportPlanModel", "Row"),
            ImportColumn.CASE_NO: QCoreApplication.translate("ImportPlanModel", "Case No."),
            ImportColumn.OUTCOME: QCoreApplication.translate("ImportPlanModel", "Result"),
            ImportColumn.DETAIL: QCoreApplication.translate("ImportPlanModel", "Details"),
        }[ImportColumn(section)]

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        column = ImportColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column is ImportColumn.ROW:
                return str(r.row)
            if column is ImportColumn.CASE_NO:
                return r.case_no
            if column is ImportColumn.OUTCOME:
                return outcome_text(r.outcome)
            return r.detail
        if role == Qt.ItemDataRole.ForegroundRole:
            return _COLOURS.get(r.outcome)
        if role == Qt.ItemDataRole.BackgroundRole and r.outcome is Outcome.BAD:
            return _BAD_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and column is ImportColumn.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        keys = {
            ImportColumn.ROW: lambda r: (r.row,),
            ImportColumn.CASE_NO: lambda r: (r.case_no, r.row),
            ImportColumn.OUTCOME: lambda r: (_RANK[r.outcome], r.row),
            ImportColumn.DETAIL: lambda r: (r.detail, r.row),
        }
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=keys[ImportColumn(column)], reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()
