"""One stage's checklist as a two-level tree: process nodes, and the risk points under each.

The model keeps its cells in C++ (QStandardItemModel): a pure-Python data() was called ~2,400
times per paint and made drawing the checklist five times slower than Qt's own floor for the
same text. The Python side keeps the plain ChecklistItems and updates the few cells an answer
changes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from riskdesk.domain.model import Result, Severity, Status
from riskdesk.services import ChecklistItem, ChecklistView
from riskdesk.ui.labels import SEVERITY_COLOURS, severity_text, status_icon, status_text

Index = QModelIndex | QPersistentModelIndex

PointIdRole = Qt.ItemDataRole.UserRole + 1


class Column(enum.IntEnum):
    ID = 0
    TITLE = 1
    SEVERITY = 2
    STATUS = 3
    NOTE = 4


_TOOLTIP = Qt.ItemDataRole.ToolTipRole


@dataclass(frozen=True)
class _Paint:
    """Fonts and brushes, made once and only after QApplication exists (at import time a QFont costs
    ~40 ms of font-database set-up before the window even starts)."""

    bold: QFont
    node_background: QBrush
    severity: dict[Severity, QBrush]
    set_aside: QBrush  # the text of a point settled by case type
    normal: QBrush


@cache
def _paint() -> _Paint:
    bold = QFont()
    bold.setBold(True)
    return _Paint(bold, QBrush(QColor("#eef1f5")),
                  {sev: QBrush(QColor(colour)) for sev, colour in SEVERITY_COLOURS.items()},
                  QBrush(QColor("#9e9e9e")), QBrush(QColor("#1a1a1a")))



@dataclass
class _Node:
    id: str
    name: str
    item: QStandardItem
    rows: list[int] = field(default_factory=list)  # indexes into ChecklistModel._items


def _cell(text: str) -> QStandardItem:
    # Default flags (editable too) are left alone: the view never edits, and setFlags on every cell
    # was the single largest cost of loading a checklist.
    return QStandardItem(text)


class ChecklistModel(QStandardItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(Column))
        self._items: list[ChecklistItem] = []
        self._nodes: list[_Node] = []
        self._cells: list[list[QStandardItem]] = []  # per item index: its row's five cells
        self._index_of: dict[str, int] = {}  # point id -> item index
        self._node_of: list[int] = []  # item index -> node index
        self._changed: set[str] = set()
        self._previous: dict[str, Result] = {}
        self._status_texts: dict[Status, str] = {}
        self._severity_texts: dict[Severity, str] = {}
        self._note_mark = ""

    # -- loading and updating --------------------------------------------------------------------
    def set_view(self, view: ChecklistView) -> bool:
        """Show ``view``; True when the rows were rebuilt, False when only answers were updated.

        Another case's checklist of the same stage and catalog has the very same points (the same
        objects, from the catalog loaded once): then only the answer cells change, and the tree keeps
        its rows, spans and expansion instead of rebuilding 115 rows of cells.
        """
        if self._same_points(view):
            self._update_answers(view)
            return False
        self._rebuild(view)
        return True

    def _same_points(self, view: ChecklistView) -> bool:
        return len(view.items) == len(self._items) and all(
            new.point is old.point for new, old in zip(view.items, self._items, strict=True))

    def _update_answers(self, view: ChecklistView) -> None:
        was_changed = self._changed
        self._changed = set(view.changed_points) if view.upgrade_available else set(view.previous)
        self._previous = dict(view.previous)
        rows: list[int] = []  # items whose cells changed
        nodes: list[int] = []  # nodes whose progress label changed
        self.blockSignals(True)  # signals per changed row below, not one per cell
        try:
            for i, (new, old) in enumerate(zip(view.items, self._items, strict=True)):
                pid = new.point.id
                if new.result != old.result or (pid in self._changed) != (pid in was_changed):
                    self._show_answer(self._cells[i], new, old.result, pid in was_changed)
                    rows.append(i)
            self._items = list(view.items)
            for n, node in enumerate(self._nodes):
                before = node.item.text()
                self._label_node(n)
                if node.item.text() != before:
                    nodes.append(n)
        finally:
            self.blockSignals(False)
        # Only the rows that changed are repainted: one signal per run of adjacent changed rows.
        last_column = len(Column) - 1
        for first, last in self._runs(rows):
            self.dataChanged.emit(self._cells[first][0].index(), self._cells[last][last_column].index())
        for n in nodes:
            label = self._nodes[n].item.index()
            self.dataChanged.emit(label, label)

    def _runs(self, rows: list[int]) -> list[tuple[int, int]]:
        """Ascending item indexes as (first, last) runs of adjacent rows under the same node."""
        runs: list[tuple[int, int]] = []
        for i in rows:
            if runs and i == runs[-1][1] + 1 and self._node_of[i] == self._node_of[runs[-1][0]]:
                runs[-1] = (runs[-1][0], i)
            else:
                runs.append((i, i))
        return runs

    def _rebuild(self, view: ChecklistView) -> None:
        self.beginResetModel()
        self.blockSignals(True)  # one reset for the whole rebuild instead of a signal per row
        try:
            self.setRowCount(0)
            self._items = list(view.items)
            self._changed = set(view.changed_points) if view.upgrade_available else set(view.previous)
            self._previous = dict(view.previous)
            self._nodes, self._cells, self._index_of, self._node_of = [], [], {}, []
            self._status_texts = {st: status_text(st) for st in Status}  # translated once per load
            self._severity_texts = {sev: severity_text(sev) for sev in Severity}
            self._note_mark = QCoreApplication.translate("ChecklistModel", "Note")
            for i, it in enumerate(self._items):
                if not self._nodes or self._nodes[-1].id != it.point.node_id:
                    node_item = _cell(it.point.node_name)
                    node_item.setFont(_paint().bold)
                    node_item.setBackground(_paint().node_background)
                    self._nodes.append(_Node(it.point.node_id, it.point.node_name, node_item))
                node = self._nodes[-1]
                cells = self._point_cells(it)
                node.item.appendRow(cells)
                node.rows.append(i)
                self._cells.append(cells)
                self._index_of[it.point.id] = i
                self._node_of.append(len(self._nodes) - 1)
            for n, node in enumerate(self._nodes):
                self._label_node(n)
                self.appendRow(node.item)
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def _point_cells(self, it: ChecklistItem) -> list[QStandardItem]:
        p = it.point
        cells = [_cell(p.id), _cell(""), _cell(self._severity_texts[p.severity]), _cell(""), _cell("")]
        # Only the point id lives in the cells; status, severity, node and search text come from the
        # Python ChecklistItem (see checklist_item), which the filter reads only when a filter changes.
        # data() is deliberately not overridden: a Python override would run for every painted cell.
        cells[0].setData(p.id, PointIdRole)
        cells[Column.TITLE].setData(p.title, _TOOLTIP)
        cells[Column.SEVERITY].setForeground(_paint().severity[p.severity])
        if p.severity is Severity.HIGH:
            cells[Column.SEVERITY].setFont(_paint().bold)
        self._show_answer(cells, it)
        return cells

    def _show_answer(self, cells: list[QStandardItem], it: ChecklistItem, old: Result | None = None,
                     was_starred: bool = False) -> None:
        """The cells an answer changes: status, note marker, the changed-point star.

        With the ``old`` answer (and whether the point was starred), only what differs is set.
        """
        p, r = it.point, it.result
        starred = p.id in self._changed
        if old is None or starred != was_starred:
            cells[Column.TITLE].setText(p.title + ("  *" if starred else ""))
        if old is None or r.status is not old.status:
            status = cells[Column.STATUS]
            status.setText(self._status_texts[r.status])
            status.setIcon(status_icon(r.status))
            settled = r.status is Status.SETTLED
            if old is None and settled or old is not None and settled != (old.status is Status.SETTLED):
                brush = _paint().set_aside if settled else _paint().normal
                for col in (Column.ID, Column.TITLE, Column.STATUS):
                    cells[col].setForeground(brush)
        if old is None or r.note != old.note:
            note = cells[Column.NOTE]
            note.setText(self._note_mark if r.note else "")
            note.setData(r.note[:500] if r.note else None, _TOOLTIP)

    def _label_node(self, n: int) -> None:
        done, total, settled = self.node_progress(n)
        text = f"{self._nodes[n].name}    {done}/{total}"
        if settled:
            text += "  · " + QCoreApplication.translate("ChecklistModel", "%n not applicable (case type)", "", settled)
        self._nodes[n].item.setText(text)

    def update_result(self, result: Result) -> None:
        i = self._index_of.get(result.point_id)
        if i is None:
            return
        before = self._items[i].result
        was_starred = result.point_id in self._changed
        self._items[i] = replace(self._items[i], result=result)
        if result.revision > 0:  # answered again: the catalog change has been looked at
            self._changed.discard(result.point_id)
            self._previous.pop(result.point_id, None)
        self._show_answer(self._cells[i], self._items[i], before, was_starred)
        self._label_node(self._node_of[i])

    # -- lookups ---------------------------------------------------------------------------------
    def checklist_item(self, index: Index) -> ChecklistItem | None:
        if not index.isValid():
            return None
        key = self.index(index.row(), 0, index.parent()).data(PointIdRole)
        i = self._index_of.get(key) if isinstance(key, str) else None
        return self._items[i] if i is not None else None

    def previous(self, point_id: str) -> Result | None:
        """The answer given before the catalog changed this point, while it awaits a fresh look."""
        return self._previous.get(point_id)

    def index_of_point(self, point_id: str) -> QModelIndex:
        i = self._index_of.get(point_id)
        return QModelIndex() if i is None else self._cells[i][0].index()

    @staticmethod
    def is_node(index: Index) -> bool:
        return index.isValid() and not index.parent().isValid()

    def search_text(self, it: ChecklistItem) -> str:
        p = it.point
        return " ".join((p.id, p.title, p.risk, " ".join(p.guidance), it.result.note)).lower()

    def items(self) -> list[ChecklistItem]:
        return list(self._items)

    def node_progress(self, node_index: int) -> tuple[int, int, int]:
        """(answered, applicable, settled by case type) points of one process node."""
        statuses = [self._items[i].result.status for i in self._nodes[node_index].rows]
        settled = statuses.count(Status.SETTLED)
        done = sum(1 for st in statuses if st.human)
        return done, len(statuses) - settled, settled

    def settled_rows(self) -> list[tuple[int, list[int]]]:
        """Per node (by row): its rows settled by case type; a node whose every point is settled is included
        with all its rows."""
        out = []
        for n, node in enumerate(self._nodes):
            rows = [r for r, i in enumerate(node.rows) if self._items[i].result.status is Status.SETTLED]
            if rows:
                out.append((n, rows))
        return out

    def node_size(self, node_index: int) -> int:
        return len(self._nodes[node_index].rows)

    def nodes(self) -> list[tuple[str, str]]:
        return [(n.id, n.name) for n in self._nodes]

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
