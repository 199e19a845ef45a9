"""One stage's checklist as a two-level tree: process nodes, and the risk points under each."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from riskdesk.domain.model import Result, Severity, Status
from riskdesk.services import ChecklistItem, ChecklistView
from riskdesk.ui.labels import SEVERITY_COLOURS, severity_text, status_icon, status_text

Index = QModelIndex | QPersistentModelIndex

PointIdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2
SeverityRole = Qt.ItemDataRole.UserRole + 3
NodeIdRole = Qt.ItemDataRole.UserRole + 4
SearchTextRole = Qt.ItemDataRole.UserRole + 5
IsNodeRole = Qt.ItemDataRole.UserRole + 6


class Column(enum.IntEnum):
    ID = 0
    TITLE = 1
    SEVERITY = 2
    STATUS = 3
    NOTE = 4


@dataclass
class _Node:
    id: str
    name: str
    rows: list[int] = field(default_factory=list)  # indexes into ChecklistModel._items


_TOP = 0  # internalId of node rows; point rows carry their node's index + 1


class ChecklistModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ChecklistItem] = []
        self._nodes: list[_Node] = []
        self._row_of: dict[str, tuple[int, int]] = {}  # point id -> (node index, row in node)
        self._changed: set[str] = set()

    # -- loading and updating --------------------------------------------------------------------
    def set_view(self, view: ChecklistView) -> None:
        self.beginResetModel()
        self._items = list(view.items)
        self._changed = set(view.changed_points) if view.upgrade_available else set()
        self._nodes = []
        self._row_of = {}
        for i, it in enumerate(self._items):
            if not self._nodes or self._nodes[-1].id != it.point.node_id:
                self._nodes.append(_Node(it.point.node_id, it.point.node_name))
            node = self._nodes[-1]
            self._row_of[it.point.id] = (len(self._nodes) - 1, len(node.rows))
            node.rows.append(i)
        self.endResetModel()

    def update_result(self, result: Result) -> None:
        pos = self._row_of.get(result.point_id)
        if pos is None:
            return
        n, r = pos
        item_index = self._nodes[n].rows[r]
        self._items[item_index] = replace(self._items[item_index], result=result)
        self.dataChanged.emit(self.index(r, 0, self.index(n, 0)), self.index(r, len(Column) - 1, self.index(n, 0)))
        self.dataChanged.emit(self.index(n, 0), self.index(n, len(Column) - 1))

    def item(self, index: Index) -> ChecklistItem | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        node = self._nodes[index.internalId() - 1]
        return self._items[node.rows[index.row()]]

    def index_of_point(self, point_id: str) -> QModelIndex:
        pos = self._row_of.get(point_id)
        if pos is None:
            return QModelIndex()
        return self.index(pos[1], 0, self.index(pos[0], 0))

    def items(self) -> list[ChecklistItem]:
        return list(self._items)

    def node_progress(self, node_index: int) -> tuple[int, int]:
        rows = self._nodes[node_index].rows
        done = sum(1 for i in rows if self._items[i].result.status is not Status.UNREVIEWED)
        return done, len(rows)

    def nodes(self) -> list[tuple[str, str]]:
        return [(n.id, n.name) for n in self._nodes]

    # -- QAbstractItemModel ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(Column) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < len(self._nodes) else QModelIndex()
        if parent.internalId() != _TOP:
            return QModelIndex()
        node = parent.row()
        if row >= len(self._nodes[node].rows):
            return QModelIndex()
        return self.createIndex(row, column, node + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._nodes)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._nodes[parent.row()].rows)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.ID: QCoreApplication.translate("ChecklistModel", "No."),
            Column.TITLE: QCoreApplication.translate("ChecklistModel", "Risk point"),
            Column.SEVERITY: QCoreApplication.translate("ChecklistModel", "Level"),
            Column.STATUS: QCoreApplication.translate("ChecklistModel", "Status"),
            Column.NOTE: QCoreApplication.translate("ChecklistModel", "Note"),
        }[Column(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._node_data(index, role)
        it = self.item(index)
        if it is None:
            return None
        return self._point_data(it, Column(index.column()), role)

    def _node_data(self, index: Index, role: int) -> Any:
        node = self._nodes[index.row()]
        if role == IsNodeRole:
            return True
        if role == NodeIdRole:
            return node.id
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            done, total = self.node_progress(index.row())
            return f"{node.name}    {done}/{total}"
        if role == Qt.ItemDataRole.FontRole:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#eef1f5"))
        return None

    def _point_data(self, it: ChecklistItem, col: Column, role: int) -> Any:
        p, r = it.point, it.result
        if role == PointIdRole:
            return p.id
        if role == StatusRole:
            return r.status
        if role == SeverityRole:
            return p.severity
        if role == NodeIdRole:
            return p.node_id
        if role == IsNodeRole:
            return False
        if role == SearchTextRole:
            return " ".join((p.id, p.title, p.risk, " ".join(p.guidance), r.note)).lower()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Column.ID:
                return p.id
            if col == Column.TITLE:
                return p.title + ("  *" if p.id in self._changed else "")
            if col == Column.SEVERITY:
                return severity_text(p.severity)
            if col == Column.STATUS:
                return status_text(r.status)
            if col == Column.NOTE:
                return QCoreApplication.translate("ChecklistModel", "Note") if r.note else ""
        if role == Qt.ItemDataRole.DecorationRole and col == Column.STATUS:
            return status_icon(r.status)
        if role == Qt.ItemDataRole.ForegroundRole and col == Column.SEVERITY:
            return QBrush(QColor(SEVERITY_COLOURS[p.severity]))
        if role == Qt.ItemDataRole.FontRole and col == Column.SEVERITY and p.severity is Severity.HIGH:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.NOTE and r.note:
                return r.note[:500]
            if col == Column.TITLE:
                return p.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{p.id} {p.title} {severity_text(p.severity)} {status_text(r.status)}"
        return None
