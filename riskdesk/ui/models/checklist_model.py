"""One stage's checklist as a two-level tree: process nodes, and the risk points under each."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

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


@dataclass(frozen=True)
class _RowCache:
    display: tuple[str, ...]
    tooltips: tuple[str | None, ...]
    icon: QIcon
    severity_brush: QBrush
    bold: bool
    roles: dict[int, Any]


_NCOLS = len(Column)
_STATUS_COL, _SEVERITY_COL = int(Column.STATUS), int(Column.SEVERITY)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_BOLD = QFont()
_BOLD.setBold(True)
_NODE_BACKGROUND = QBrush(QColor("#eef1f5"))
_SEVERITY_BRUSHES = {sev: QBrush(QColor(colour)) for sev, colour in SEVERITY_COLOURS.items()}


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
        self._row_cache: list[_RowCache] = []
        self._previous: dict[str, Result] = {}

    # -- loading and updating --------------------------------------------------------------------
    def set_view(self, view: ChecklistView) -> None:
        self.beginResetModel()
        self._items = list(view.items)
        self._changed = set(view.changed_points) if view.upgrade_available else set(view.previous)
        self._previous = dict(view.previous)
        self._nodes = []
        self._row_of = {}
        for i, it in enumerate(self._items):
            if not self._nodes or self._nodes[-1].id != it.point.node_id:
                self._nodes.append(_Node(it.point.node_id, it.point.node_name))
            node = self._nodes[-1]
            self._row_of[it.point.id] = (len(self._nodes) - 1, len(node.rows))
            node.rows.append(i)
        self._row_cache = [self._cache_row(it) for it in self._items]
        self.endResetModel()

    def update_result(self, result: Result) -> None:
        pos = self._row_of.get(result.point_id)
        if pos is None:
            return
        n, r = pos
        item_index = self._nodes[n].rows[r]
        self._items[item_index] = replace(self._items[item_index], result=result)
        if result.revision > 0:  # answered again: the catalog change has been looked at
            self._changed.discard(result.point_id)
            self._previous.pop(result.point_id, None)
        self._row_cache[item_index] = self._cache_row(self._items[item_index])
        self.dataChanged.emit(self.index(r, 0, self.index(n, 0)), self.index(r, len(Column) - 1, self.index(n, 0)))
        self.dataChanged.emit(self.index(n, 0), self.index(n, len(Column) - 1))

    def item(self, index: Index) -> ChecklistItem | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        node = self._nodes[index.internalId() - 1]
        return self._items[node.rows[index.row()]]

    def previous(self, point_id: str) -> Result | None:
        """The answer given before the catalog changed this point, while it awaits a fresh look."""
        return self._previous.get(point_id)

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
    # data() runs thousands of times per paint: everything it returns is prepared in _row_cache,
    # and roles are compared as plain ints.
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= _NCOLS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < len(self._nodes) else QModelIndex()
        node = parent.row()
        if parent.internalId() != _TOP or row >= len(self._nodes[node].rows):
            return QModelIndex()
        return self.createIndex(row, column, node + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        iid = index.internalId() if index.isValid() else _TOP
        if iid == _TOP:
            return QModelIndex()
        return self.createIndex(iid - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._nodes)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._nodes[parent.row()].rows)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return _NCOLS

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

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

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        iid = index.internalId()
        if iid == _TOP:
            return self._node_data(index, role)
        cache = self._row_cache[self._nodes[iid - 1].rows[index.row()]]
        col = index.column()
        if role == _DISPLAY:
            return cache.display[col]
        if role == _DECORATION:
            return cache.icon if col == _STATUS_COL else None
        if role == _FOREGROUND:
            return cache.severity_brush if col == _SEVERITY_COL else None
        if role == _FONT:
            return _BOLD if col == _SEVERITY_COL and cache.bold else None
        if role == _TOOLTIP:
            return cache.tooltips[col]
        return cache.roles.get(role)

    def _node_data(self, index: Index, role: int) -> Any:
        node = self._nodes[index.row()]
        if role == IsNodeRole:
            return True
        if role == NodeIdRole:
            return node.id
        if role == _DISPLAY and index.column() == 0:
            done, total = self.node_progress(index.row())
            return f"{node.name}    {done}/{total}"
        if role == _FONT:
            return _BOLD
        if role == _BACKGROUND:
            return _NODE_BACKGROUND
        return None

    def _cache_row(self, it: ChecklistItem) -> _RowCache:
        p, r = it.point, it.result
        title = p.title + ("  *" if p.id in self._changed else "")
        note_mark = QCoreApplication.translate("ChecklistModel", "Note") if r.note else ""
        display = (p.id, title, severity_text(p.severity), status_text(r.status), note_mark)
        tooltips = (None, p.title, None, None, r.note[:500] if r.note else None)
        roles: dict[int, Any] = {
            PointIdRole: p.id, StatusRole: r.status, SeverityRole: p.severity, NodeIdRole: p.node_id,
            IsNodeRole: False, SearchTextRole: " ".join((p.id, p.title, p.risk, " ".join(p.guidance), r.note)).lower(),
            _ACCESSIBLE: f"{p.id} {p.title} {severity_text(p.severity)} {status_text(r.status)}",
        }
        return _RowCache(display, tooltips, status_icon(r.status), _SEVERITY_BRUSHES[p.severity],
                         p.severity is Severity.HIGH, roles)

