"""The checklist tree: its model (and filter proxy), navigation, and the reviewer's keys.

Keys: 1/2/3/0 answer, N next unreviewed, E/F2/Enter note, H the point's history, Z its 整改项 (make or open),
Esc back to the case list.
The tree shows the model itself unless a filter is on: going through the proxy for every cell of
every paint doubled the cost of drawing the checklist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from riskdesk.domain.model import Severity, Status
from riskdesk.services import ChecklistItem, ChecklistView
from riskdesk.ui.labels import severity_text, status_text
from riskdesk.ui.models.checklist_model import ChecklistModel, Column, PointIdRole
from riskdesk.ui.models.filters import ChecklistFilter

if TYPE_CHECKING:
    from riskdesk.ui.models.checklist_filter import ChecklistFilterProxy

STATUS_BY_KEY = {
    Qt.Key.Key_1: Status.CLEAR,
    Qt.Key.Key_2: Status.RISK,
    Qt.Key.Key_3: Status.NA,
    Qt.Key.Key_0: Status.UNREVIEWED,
}


class ChecklistTree(QTreeView):
    """Signals: current_changed(ChecklistItem | None) when the point under the cursor changes;
    status_key(Status), next_unreviewed(), edit_note(), back_to_list(), show_history(), make_finding() for the
    reviewer's keys."""

    current_changed = Signal(object)
    status_key = Signal(object)
    next_unreviewed = Signal()
    edit_note = Signal()
    back_to_list = Signal()
    show_history = Signal()
    make_finding = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setIndentation(12)
        self.setAccessibleName(self.tr("Checklist"))
        self.checklist_model = ChecklistModel(self)
        self._proxy: ChecklistFilterProxy | None = None
        self._filter = ChecklistFilter()
        self._current_point = ""
        self._hidden: list[tuple[int, list[int]]] = []  # (node row, point rows) hidden as settled
        self._show(self.checklist_model)

    # -- what is shown -----------------------------------------------------------------------------
    def show_view(self, view: ChecklistView, point_id: str = "") -> bool:
        """Show ``view`` with the cursor on ``point_id`` (else the first visible point).

        True when the rows were rebuilt (another stage), False when only answers changed.
        """
        rebuilt = self.checklist_model.set_view(view)
        if rebuilt:
            # Another stage has other nodes: the node filter goes back to "all".
            self._filter = ChecklistFilter(self._filter.statuses, self._filter.severities, "", self._filter.text,
                                           self._filter.show_settled)
            self._hidden = []  # the reset dropped the view's hidden rows
            self._apply()
            self.fit_columns()
        elif self._proxy is not None and self._filter.active:
            self._proxy.invalidate()  # the same rows, but answers decide what a status filter shows
            self.span_node_rows()
        else:
            self._fold_settled()  # another case of the same stage: other points may be set aside
        before = self.currentIndex()
        self._current_point = ""
        if not self.select_point(point_id):
            self.select_first()
        if self.currentIndex() == before and before.isValid():
            # The cursor stayed on the same row, so Qt sends no signal: the point's answer may
            # still have changed (another case, a reload), and its details must show that.
            self._on_current_changed(before, before)
        return rebuilt

    def set_filter(self, value: ChecklistFilter) -> None:
        self._filter = value
        self._apply()
        if not self.select_point(self._current_point):
            self.select_first()

    @property
    def filter(self) -> ChecklistFilter:
        return self._filter

    def _apply(self) -> None:
        if self._filter.active or self._proxy is not None:
            self.proxy.set_filter(self._filter)
        self._show(self.proxy if self._filter.active else self.checklist_model)
        self.span_node_rows()
        self._fold_settled()

    def _fold_settled(self) -> None:
        """Hide the rows of points settled by case type (and nodes made only of them), unless shown.

        The proxy filters them out itself; without a filter the tree shows the model directly, and
        hiding rows there keeps painting free of the proxy.
        """
        if self.model() is not self.checklist_model:
            return
        root = QModelIndex()
        for n, rows in self._hidden:
            self.setRowHidden(n, root, False)
            parent = self.checklist_model.index(n, 0)
            for r in rows:
                self.setRowHidden(r, parent, False)
        self._hidden = [] if self._filter.show_settled else self.checklist_model.settled_rows()
        for n, rows in self._hidden:
            parent = self.checklist_model.index(n, 0)
            for r in rows:
                self.setRowHidden(r, parent, True)
            if len(rows) == self.checklist_model.node_size(n):
                self.setRowHidden(n, root, True)

    @property
    def proxy(self) -> ChecklistFilterProxy:
        """The filter model, made when a filter is first used: start-up need not build its Qt class."""
        if self._proxy is None:
            from riskdesk.ui.models.checklist_filter import ChecklistFilterProxy

            self._proxy = ChecklistFilterProxy(self)
            self._proxy.setSourceModel(self.checklist_model)
        return self._proxy

    def _show(self, model: ChecklistModel | ChecklistFilterProxy) -> None:
        if self.model() is model:
            return
        old = self.selectionModel()
        if old is not None:
            old.currentRowChanged.disconnect(self._on_current_changed)
        self.setModel(model)
        self.configure_columns()
        self.fit_columns()
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def _to_source(self, index: QModelIndex) -> QModelIndex:
        proxy = self._proxy
        return proxy.mapToSource(index) if proxy is not None and index.model() is proxy else index

    # -- navigation --------------------------------------------------------------------------------
    def current_point(self) -> str:
        return self._current_point

    def current_item(self) -> ChecklistItem | None:
        return self.checklist_model.checklist_item(self._to_source(self.currentIndex()))

    def visible_point_ids(self) -> list[str]:
        return [str(i.data(PointIdRole)) for i in self._visible_points()]

    def _visible_points(self) -> list[QModelIndex]:
        shown = self.model()
        root = QModelIndex()
        out = []
        for n in range(shown.rowCount()):
            if self.isRowHidden(n, root):
                continue
            parent = shown.index(n, 0)
            out += [shown.index(r, 0, parent) for r in range(shown.rowCount(parent)) if not self.isRowHidden(r, parent)]
        return out

    def _select(self, index: QModelIndex) -> None:
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)

    def select_point(self, point_id: str) -> bool:
        if not point_id:
            return False
        idx = self.checklist_model.index_of_point(point_id)
        proxy = self._proxy
        if proxy is not None and self.model() is proxy:
            idx = proxy.mapFromSource(idx)
        if not idx.isValid():
            return False
        self._select(idx)
        return True

    def select_first(self) -> None:
        points = self._visible_points()
        if points:
            self._select(points[0])
        else:
            self._current_point = ""
            self.current_changed.emit(None)

    def go_next(self) -> None:
        points = self._visible_points()
        ids = [p.data(PointIdRole) for p in points]
        if self._current_point in ids:
            i = ids.index(self._current_point)
            if i + 1 < len(points):
                self._select(points[i + 1])

    def go_next_unreviewed(self) -> None:
        points = self._visible_points()
        ids = [p.data(PointIdRole) for p in points]
        start = ids.index(self._current_point) + 1 if self._current_point in ids else 0
        for p in points[start:] + points[:start]:
            it = self.checklist_model.checklist_item(self._to_source(p))
            if it is not None and it.result.status is Status.UNREVIEWED:
                self._select(p)
                return

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if ChecklistModel.is_node(current):
            # A node header: step onto its first point so keys always act on a point.
            child = self.model().index(0, 0, current.siblingAtColumn(0))
            if child.isValid():
                # By id, not by index: the filter may change before the timer fires.
                point_id = str(child.data(PointIdRole))
                QTimer.singleShot(0, lambda: self.select_point(point_id))
            return
        item = self.checklist_model.checklist_item(self._to_source(current)) if current.isValid() else None
        self._current_point = item.point.id if item else ""
        self.current_changed.emit(item)

    # -- layout ------------------------------------------------------------------------------------
    def configure_columns(self) -> None:
        # Fixed widths, measured once per load: ResizeToContents would re-measure all 100 rows on
        # every answer (each dataChanged), which made a key press cost ~300 ms.
        header = self.header()
        header.setStretchLastSection(False)
        for col in Column:
            mode = QHeaderView.ResizeMode.Stretch if col == Column.TITLE else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(col, mode)

    def fit_columns(self) -> None:
        """Widths from the texts of the current language (Chinese labels are narrower than English)."""
        metrics = self.fontMetrics()
        model = self.model()

        def width(texts: list[str], extra: int) -> int:
            return max(metrics.horizontalAdvance(t) for t in texts) + extra

        header = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in Column]
        widths = {
            Column.ID: width(["LA-000", header[Column.ID]], 30),
            Column.SEVERITY: width([severity_text(s) for s in Severity] + [header[Column.SEVERITY]], 18),
            Column.STATUS: width([status_text(s) for s in Status] + [header[Column.STATUS]], 44),
            Column.NOTE: width([header[Column.NOTE]], 18),
        }
        for col, w in widths.items():
            self.header().resizeSection(col, w)

    def span_node_rows(self) -> None:
        model = self.model()
        for row in range(model.rowCount()):
            self.setFirstColumnSpanned(row, self.rootIndex(), True)
        self.expandAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier:
            if key in STATUS_BY_KEY:
                self.status_key.emit(STATUS_BY_KEY[Qt.Key(key)])
                return
            if key == Qt.Key.Key_N:
                self.next_unreviewed.emit()
                return
            if key == Qt.Key.Key_H:
                self.show_history.emit()
                return
            if key == Qt.Key.Key_Z:
                self.make_finding.emit()
                return
            if key in (Qt.Key.Key_E, Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_note.emit()
                return
            if key == Qt.Key.Key_Escape:
                self.back_to_list.emit()
                return
        super().keyPressEvent(event)
