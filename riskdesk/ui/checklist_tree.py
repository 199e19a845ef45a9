"""The checklist tree view with the reviewer's keys: 1/2/3/0 answer, N next unreviewed, E note, Esc back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from riskdesk.domain.model import Severity, Status
from riskdesk.ui.labels import severity_text, status_text
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
            if key in (Qt.Key.Key_E, Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_note.emit()
                return
            if key == Qt.Key.Key_Escape:
                self.back_to_list.emit()
                return
        super().keyPressEvent(event)
