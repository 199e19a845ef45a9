"""One breakdown of the statistics as a table: a row per stage, node, point, 庭室, month or person.

Sorting is the proxy's (StatsProxy): numbers sort as numbers through SortRole, a missing rate last.
"""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from riskdesk.domain.stats import StatsRow, Tally

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
KeyRole = int(Qt.ItemDataRole.UserRole) + 1  # the row's key in the service (stage value, node id, point id …)
SortRole = int(Qt.ItemDataRole.UserRole) + 2
RowRole = int(Qt.ItemDataRole.UserRole) + 3  # the StatsRow itself
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class StatsColumn(enum.IntEnum):
    NAME = 0
    CHECKLISTS = 1
    ANSWERED = 2
    RISK = 3
    CLEAR = 4
    NA = 5
    SETTLED = 6
    RATE = 7


def column_title(column: StatsColumn) -> str:
    return {
        StatsColumn.NAME: translate("StatsTableModel", "Name"),
        StatsColumn.CHECKLISTS: translate("StatsTableModel", "Checklists"),
        StatsColumn.ANSWERED: translate("StatsTableModel", "Answered"),
        StatsColumn.RISK: translate("StatsTableModel", "Risk found"),
        StatsColumn.CLEAR: translate("StatsTableModel", "No risk"),
        StatsColumn.NA: translate("StatsTableModel", "Not applicable"),
        StatsColumn.SETTLED: translate("StatsTableModel", "Exempt by case type"),
        StatsColumn.RATE: translate("StatsTableModel", "Risk rate"),
    }[column]


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1%}"


def _number(t: Tally, column: StatsColumn) -> int | float | None:
    return {
        StatsColumn.CHECKLISTS: t.checklists, StatsColumn.ANSWERED: t.answered, StatsColumn.RISK: t.risk,
        StatsColumn.CLEAR: t.clear, StatsColumn.NA: t.na, StatsColumn.SETTLED: t.settled,
        StatsColumn.RATE: t.risk_rate,
    }[column]


class StatsTableModel(QAbstractTableModel):
    """Rows are set whole (a new period, scope or drill level); the labels are the caller's, already in the
    language shown (the service's labels are Chinese)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[StatsRow] = []

    def set_rows(self, rows: list[StatsRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def stats_row(self, row: int) -> StatsRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(StatsColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation is Qt.Orientation.Horizontal and 0 <= section < len(StatsColumn):
            if role == _DISPLAY:
                return column_title(StatsColumn(section))
            if role == int(Qt.ItemDataRole.TextAlignmentRole) and section != StatsColumn.NAME:
                return _RIGHT
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = StatsColumn(index.column())
        if role == KeyRole:
            return r.key
        if role == RowRole:
            return r
        if column is StatsColumn.NAME:
            if role in (_DISPLAY, int(Qt.ItemDataRole.ToolTipRole)):
                return r.label
            if role == SortRole:
                return index.row()  # the service's order (catalog order, months in turn) is the natural one
            return None
        value = _number(r.tally, column)
        if role == _DISPLAY:
            return rate_text(value) if column is StatsColumn.RATE else str(value)
        if role == SortRole:
            return -1.0 if value is None else float(value)
        if role == int(Qt.ItemDataRole.TextAlignmentRole):
            return _RIGHT
        return None


class StatsProxy(QSortFilterProxyModel):
    """Sorts by SortRole, so 风险率 and counts sort as numbers and the name column keeps the service's order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)

    def rows(self) -> list[StatsRow]:
        """The rows in the order shown (the chart draws them in this order)."""
        return [self.index(i, 0).data(RowRole) for i in range(self.rowCount())]
