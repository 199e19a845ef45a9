"""The row of filters above a checklist: status, level, process node and free text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from riskdesk.domain.model import Severity, Status
from riskdesk.ui.labels import severity_text, status_text
from riskdesk.ui.models.filters import ChecklistFilter


class FilterBar(QWidget):
    """Signals: changed(ChecklistFilter) whenever a filter is changed by the reviewer."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Filter by status"))
        self.status.addItem(self.tr("All statuses"), None)
        for st in (Status.UNREVIEWED, Status.RISK, Status.CLEAR, Status.NA):
            self.status.addItem(self.tr("Only: %1").replace("%1", status_text(st)), st)
        self.severity = QComboBox()
        self.severity.setAccessibleName(self.tr("Filter by level"))
        self.severity.addItem(self.tr("All levels"), None)
        for sev in Severity:
            self.severity.addItem(self.tr("Level: %1").replace("%1", severity_text(sev)), sev)
        self.node = QComboBox()
        self.node.setAccessibleName(self.tr("Filter by process node"))
        self.node.setMinimumContentsLength(10)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Search this checklist (number, words, note)"))
        self.text.setAccessibleName(self.tr("Search this checklist"))
        self.text.setClearButtonEnabled(True)
        show_all = QPushButton(self.tr("Show all"))
        show_all.clicked.connect(self.clear)
        self.settled = QCheckBox()
        self.settled.setToolTip(self.tr("Points that cannot apply to a case of this kind, procedure or 程序 are set "
                                        "aside as not applicable (case type). Show them to answer one anyway."))
        self.settled.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.status, self.severity, self.node):
            row.addWidget(w)
        row.addWidget(self.text, 1)
        row.addWidget(self.settled)
        row.addWidget(show_all)
        for combo in (self.status, self.severity, self.node):
            combo.currentIndexChanged.connect(self._emit)
        self.text.textChanged.connect(self._emit)
        self.settled.toggled.connect(self._emit)

    def value(self) -> ChecklistFilter:
        st, sev = self.status.currentData(), self.severity.currentData()
        return ChecklistFilter(frozenset({st}) if st is not None else frozenset(),
                               frozenset({sev}) if sev is not None else frozenset(),
                               self.node.currentData() or "", self.text.text().strip().lower(),
                               self.settled.isChecked())

    def set_settled_count(self, count: int) -> None:
        """How many points of the checklist are settled by case type (the box shows only when some are)."""
        self.settled.setText(self.tr("Show %n set aside by case type", "", count))
        self.settled.setVisible(count > 0)

    def set_nodes(self, nodes: list[tuple[str, str]]) -> None:
        """Another stage's process nodes; the node filter goes back to all (silently)."""
        self.node.blockSignals(True)
        self.node.clear()
        self.node.addItem(self.tr("All process nodes"), "")
        for node_id, name in nodes:
            self.node.addItem(f"{node_id} {name}", node_id)
        self.node.blockSignals(False)

    def clear(self) -> None:
        for w in (self.status, self.severity, self.node, self.text):
            w.blockSignals(True)
        self.status.setCurrentIndex(0)
        self.severity.setCurrentIndex(0)
        self.node.setCurrentIndex(0)
        self.text.clear()
        for w in (self.status, self.severity, self.node, self.text):
            w.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.value())
