"""The ledger's filters: search, state, overdue, due soon, period; stage, process node, point, person, department."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from riskdesk.domain.catalog import Catalog, RiskPoint
from riskdesk.domain.findings import Finding, FindingState
from riskdesk.domain.model import Stage
from riskdesk.ui.labels import finding_state_text, stage_text
from riskdesk.ui.models.finding_filter import LedgerFilter

UNSETTLED = "unsettled"  # the state filter's "still to be done" (待整改、整改中、待销号)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class LedgerFilterBar(QWidget):
    """Signals: changed(LedgerFilter) whenever a filter is changed."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog: Catalog | None = None
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search: No., case No., problem, person, risk point…"))
        self.search.setAccessibleName(self.tr("Search the ledger"))
        self.state = self._combo(self.tr("State"))
        self.state.addItem(self.tr("Still to be done"), UNSETTLED)
        for s in FindingState:
            self.state.addItem(finding_state_text(s), s.value)
        self.overdue = QCheckBox(self.tr("&Overdue only"))
        self.due_within = QSpinBox()
        self.due_within.setRange(0, 365)
        self.due_within.setSpecialValueText(self.tr("any time"))
        self.due_within.setSuffix(self.tr(" days"))
        self.due_within.setAccessibleName(self.tr("Due within"))
        self.due_within.setToolTip(self.tr("Items still to be done whose deadline falls within this many days"))
        self.period = QCheckBox(self.tr("&Made from"))
        today = _qdate(date.today())
        self.made_from = QDateEdit(today.addMonths(-3))
        self.made_to = QDateEdit(today)
        for edit in (self.made_from, self.made_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.stage = self._combo(self.tr("Stage"))
        for st in Stage:
            self.stage.addItem(stage_text(st), st.value)
        self.node = self._combo(self.tr("Process node"))
        self.point = self._combo(self.tr("Risk point"))
        self.owner = self._combo(self.tr("Responsible"))
        self.department = self._combo(self.tr("Department"))
        self.clear_button = QPushButton(self.tr("C&lear filters"))
        self.clear_button.setAutoDefault(False)
        self._layout()
        self.search.textChanged.connect(self._emit)
        for combo in (self.state, self.node, self.point, self.owner, self.department):
            combo.currentIndexChanged.connect(self._emit)
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self.overdue.toggled.connect(self._emit)
        self.due_within.valueChanged.connect(self._emit)
        self.period.toggled.connect(self._period_toggled)
        self.made_from.dateChanged.connect(self._emit)
        self.made_to.dateChanged.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItem(self.tr("All"), "")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaximumWidth(220)
        return combo

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(QLabel(self.tr("State:")))
        top.addWidget(self.state)
        top.addWidget(self.overdue)
        top.addWidget(QLabel(self.tr("Due within:")))
        top.addWidget(self.due_within)
        top.addSpacing(8)
        top.addWidget(self.period)
        top.addWidget(self.made_from)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.made_to)
        bottom = QHBoxLayout()
        for label, combo in ((self.tr("Stage:"), self.stage), (self.tr("Node:"), self.node),
                             (self.tr("Point:"), self.point), (self.tr("Responsible:"), self.owner),
                             (self.tr("Department:"), self.department)):
            bottom.addWidget(QLabel(label))
            bottom.addWidget(combo)
        bottom.addStretch(1)
        bottom.addWidget(self.clear_button)
        grid.addLayout(top, 0, 0)
        grid.addLayout(bottom, 1, 0)

    # -- choices -----------------------------------------------------------------------------------
    def set_choices(self, items: list[Finding], catalog: Catalog, points: dict[str, RiskPoint]) -> None:
        """Offer the people, departments and points the items have; keep what was chosen."""
        self._catalog = catalog
        with QSignalBlocker(self):
            self._fill(self.owner, [(n, n) for n in sorted({f.owner for f in items if f.owner})])
            self._fill(self.department, [(n, n) for n in sorted({f.department for f in items if f.department})])
            used = sorted({f.point_id for f in items if f.point_id})
            self._fill(self.point, [(f"{pid} {points[pid].title}" if pid in points else pid, pid) for pid in used])
            self._fill_nodes()

    def _fill_nodes(self) -> None:
        if self._catalog is None:
            return
        chosen = self.stage.currentData()
        nodes = [(f"{stage_text(s.stage)} · {n.name}" if not chosen else n.name, n.id)
                 for s in self._catalog.stages if not chosen or s.stage.value == chosen for n in s.nodes]
        self._fill(self.node, nodes)

    @staticmethod
    def _fill(combo: QComboBox, entries: list[tuple[str, str]]) -> None:
        keep = combo.currentData()
        blocker = QSignalBlocker(combo)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data in entries:
            combo.addItem(text, data)
        found = combo.findData(keep)
        combo.setCurrentIndex(found if found >= 0 else 0)
        del blocker

    # -- the filter --------------------------------------------------------------------------------
    def value(self) -> LedgerFilter:
        state = self.state.currentData()
        if state == UNSETTLED:
            states = frozenset(s for s in FindingState if not s.settled)
        else:
            states = frozenset({FindingState(state)}) if state else frozenset()
        period = self.period.isChecked()
        return LedgerFilter(
            states=states, overdue_only=self.overdue.isChecked(),
            due_within=self.due_within.value() or None, stage=str(self.stage.currentData() or ""),
            node_id=str(self.node.currentData() or ""), point_id=str(self.point.currentData() or ""),
            owner=str(self.owner.currentData() or ""), department=str(self.department.currentData() or ""),
            made_from=_date(self.made_from.date()) if period else None,
            made_to=_date(self.made_to.date()) if period else None, search=self.search.text().strip())

    def set_state(self, state: FindingState | None) -> None:
        self.state.setCurrentIndex(max(0, self.state.findData(state.value if state else "")))

    def set_overdue_only(self, on: bool) -> None:
        self.overdue.setChecked(on)

    def clear(self) -> None:
        with QSignalBlocker(self):
            for combo in (self.state, self.stage, self.node, self.point, self.owner, self.department):
                combo.setCurrentIndex(0)
            self.overdue.setChecked(False)
            self.due_within.setValue(0)
            self.period.setChecked(False)
            self.search.clear()
        self._emit()

    def period_text(self) -> str:
        """The period for an export's title: the dates chosen, else "all"."""
        flt = self.value()
        if flt.made_from is None:
            return self.tr("all periods")
        return f"{flt.made_from} — {flt.made_to}"

    def _stage_changed(self) -> None:
        with QSignalBlocker(self):
            self._fill_nodes()
        self._emit()

    def _period_toggled(self, on: bool) -> None:
        self.made_from.setEnabled(on)
        self.made_to.setEnabled(on)
        self._emit()

    def _emit(self) -> None:
        if not self.signalsBlocked():
            self.changed.emit(self.value())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
