"""The checklist tree view with the reviewer's keys: 1/2/3/0 answer, N next unreviewed, E note, Esc back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from riskdesk.domain.model import Status
from riskdesk.ui.models.checklist_model import Column

STATUS_BY_KEY = {
    Qt.Key.Key_1: Status.CLEAR,
    Qt.Key.Key_2: Status.RISK,
    Qt.Key.Key_3: Status.NA,
    Qt.Key.Key_0: Status.UNREVIEWED,
}


class ChecklistTree(QTreeView):
    status_key = Signal(object)
    next_unreviewed = Signal()
    edit_note = Signal()
    back_to_list = Signal()

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

    def configure_columns(self) -> None:
        # Fixed widths, measured once per load: ResizeToContents would re-measure all 100 rows on
        # every answer (each dataChanged), which made a key press cost ~300 ms.
        header = self.header()
        header.setStretchLastSection(False)
        for col in Column:
            mode = QHeaderView.ResizeMode.Stretch if col == Column.TITLE else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(col, mode)

    def fit_columns(self) -> None:
        metrics = self.fontMetrics()
        widths = {Column.ID: metrics.horizontalAdvance("LA-000") + 28, Column.SEVERITY: metrics.horizontalAdvance("等级") + 18,
                  Column.STATUS: metrics.horizontalAdvance("存在风险") + 42, Column.NOTE: metrics.horizontalAdvance("备注") + 16}
        for col, width in widths.items():
            self.header().resizeSection(col, width)

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
            if key in (Qt.Key.Key_E, Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_note.emit()
                return
            if key == Qt.Key.Key_Escape:
                self.back_to_list.emit()
                return
        super().keyPressEvent(event)
