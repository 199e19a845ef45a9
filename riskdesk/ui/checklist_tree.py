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
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.ID, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.SEVERITY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NOTE, QHeaderView.ResizeMode.ResizeToContents)

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
