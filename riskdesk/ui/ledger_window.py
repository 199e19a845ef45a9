"""查看 ▸ 整改台账: every 整改项 in one table with filters, the totals of what is shown, exports and 共性问题.

Keys: typing goes to the search box, ↑/↓ move in the table from there too, Enter opens the item, Esc
closes. The window stays open beside the main window and reloads after every change to an item.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.catalog import RiskPoint
from riskdesk.domain.findings import Extension, Finding, FindingState, Totals
from riskdesk.domain.model import SettingKey, Severity, Stage
from riskdesk.services import Services
from riskdesk.ui.errors import attempt
from riskdesk.ui.labels import finding_state_text, overdue_text, severity_text, stage_text
from riskdesk.ui.ledger_filters import LedgerFilterBar
from riskdesk.ui.models.finding_filter import FindingFilterProxy, LedgerFilter
from riskdesk.ui.models.finding_table_model import FindingRole, FindingTableModel, LedgerColumn, due_text

_MOVE_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
_ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_DAY = date(2026, 12, 28)  # a sample for the deadline column's width: an item extended once
_EXTENDED = Finding(0, "", FindingState.OPEN, "", Severity.LOW, Severity.LOW, "", "", "", "", _DAY,
                    datetime(2026, 1, 1), "", extensions=(Extension(_DAY, "", "", datetime(2026, 1, 1)),))


class LedgerWindow(QDialog):
    """Signals: open_finding(finding id) when the user opens an item (Enter, double-click, 打开)."""

    open_finding = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(self.tr("Rectification ledger"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(1600, screen.width() - 40) if screen and screen.width() > 1000 else 1360, 720)
        self.filters = LedgerFilterBar()
        self.model = FindingTableModel(self)
        self.proxy = FindingFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._build_table()
        self.totals = QLabel()
        self.totals.setObjectName("ledgerTotals")
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = self._button(self.tr("&Open item"), self.open_current)
        self.xlsx_button = self._button(self.tr("Export &Excel…"), lambda: self.export_xlsx())
        self.pdf_button = self._button(self.tr("Export &PDF…"), lambda: self.export_pdf())
        self.systemic_button = self._button(self.tr("Find &systemic problems"), self.find_systemic)
        self.systemic_button.setToolTip(self.tr("One risk point found in several cases of one department within "
                                                "the period set in the settings: a 共性问题 item for 审管办"))
        close = self._button(self.tr("Close"), self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for b in (self.systemic_button, self.xlsx_button, self.pdf_button, close):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filters)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.totals)
        lay.addLayout(buttons)

        self.filters.changed.connect(self._filter_changed)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.filters.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self.reload()
        self.table.setFocus()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        b = QPushButton(text)
        b.setAutoDefault(False)  # Enter opens the item under the cursor, never a button by surprise
        b.clicked.connect(lambda _=False: slot())  # not the button's checked flag as an argument
        return b

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setAccessibleName(self.tr("Rectification items"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setSortingEnabled(True)
        table.sortByColumn(LedgerColumn.NO, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LedgerColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        metrics = table.fontMetrics()
        # Widths from the texts of the current language (English labels are wider than Chinese ones).
        samples: dict[LedgerColumn, list[str]] = {
            LedgerColumn.NO: ["ZG-2026-0000"], LedgerColumn.STATE: [finding_state_text(s) for s in FindingState],
            LedgerColumn.OVERDUE: [overdue_text(99)], LedgerColumn.CASE_NO: ["（2025）内0602民初1187号"],
            LedgerColumn.STAGE: [stage_text(s) for s in Stage], LedgerColumn.POINT: ["LA-000 补正后未重新起算"],
            LedgerColumn.SEVERITY: [severity_text(s) for s in Severity], LedgerColumn.DEPARTMENT: ["民事审判第一庭"],
            LedgerColumn.OWNER: ["欧阳法官"], LedgerColumn.DUE: [due_text(_EXTENDED)], LedgerColumn.CREATED: ["2026-00-00"],
        }
        for column, texts in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(max(metrics.horizontalAdvance(t) for t in texts), metrics.horizontalAdvance(title) + 16) + 14
            header.resizeSection(column, width)
        header.setMinimumSectionSize(40)
        return table

    # -- loading -----------------------------------------------------------------------------------
    def _points(self) -> dict[str, RiskPoint]:
        catalog = self._services.catalogs.catalog
        return {p.id: p for s in catalog.stages for p in s.points}

    def reload(self) -> None:
        """Read every item again (after a change), keeping the filters and the row under the cursor."""
        current = self.current_finding()
        items = attempt(self, self.tr("Rectification ledger"), lambda: self._services.findings.list())
        if items is None:
            return
        points = self._points()
        self.model.set_findings(items, points, date.today())
        self.filters.set_choices(items, self._services.catalogs.catalog, points)
        self.proxy.set_filter(self.filters.value())
        if current is None or not self.select_finding(current.id):
            self._select_row(0)
        self._show_totals()

    def _filter_changed(self, value: LedgerFilter) -> None:
        current = self.current_finding()
        self.proxy.set_filter(value)
        if current is None or not self.select_finding(current.id):
            self._select_row(0)
        self._show_totals()

    def set_overdue_only(self) -> None:
        """Only the overdue items (the status bar's 逾期 count was clicked)."""
        self.filters.clear()
        self.filters.set_overdue_only(True)

    def _show_totals(self) -> None:
        shown = self.proxy.shown()
        total = Totals.of("", shown, self.model.today)
        text = total.sentence()
        if len(shown) != self.model.rowCount():
            text += self.tr(" (shown: %1 of %2 items)").replace("%1", str(len(shown))) \
                .replace("%2", str(self.model.rowCount()))
        self.totals.setText(text)
        has = bool(shown)
        for b in (self.open_button, self.xlsx_button, self.pdf_button):
            b.setEnabled(has)

    # -- the cursor --------------------------------------------------------------------------------
    def current_finding(self) -> Finding | None:
        index = self.table.currentIndex()
        found = index.data(FindingRole) if index.isValid() else None
        return found if isinstance(found, Finding) else None

    def select_finding(self, finding_id: int) -> bool:
        row = self.model.row_of(finding_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self._select_row(index.row())
        return True

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.proxy.rowCount():
            self.table.selectRow(row)
            self.table.scrollTo(self.proxy.index(row, 0))

    def open_current(self) -> None:
        f = self.current_finding()
        if f is not None:
            self.open_finding.emit(f.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            plain = not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
            if key in _ENTER_KEYS and plain:
                self.open_current()
                return True
            if watched is self.filters.search and key in _MOVE_KEYS:
                QApplication.sendEvent(self.table, QKeyEvent(event.type(), key, event.modifiers()))
                return True
            if watched is self.table and plain and event.text().isprintable() and event.text().strip():
                self.filters.search.setFocus()  # type to search: the first letter starts the search
                self.filters.search.insert(event.text())
                return True
        return super().eventFilter(watched, event)

    # -- exports and 共性问题 ------------------------------------------------------------------------
    def _ask_path(self, title: str, suggested: str, pattern: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested), pattern)
        return Path(name) if name else None

    def _title(self) -> str:
        return self.tr("Rectification ledger (%1)").replace("%1", self.filters.period_text())

    def export_xlsx(self, path: Path | None = None) -> Path | None:
        items = self.proxy.shown()
        target = path or self._ask_path(self.tr("Export the ledger"), self.tr("Rectification ledger") + ".xlsx",
                                        self.tr("Excel workbooks (*.xlsx)"))
        if target is None:
            return None
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        title = self._title()
        done = attempt(self, self.tr("Export the ledger"),
                       lambda: self._services.ledger.export_xlsx(items, target.expanduser().absolute(), title))
        if done is not None:
            self.totals.setText(self.tr("Exported %1 item(s) to %2").replace("%1", str(len(items)))
                                .replace("%2", str(done)))
        return done

    def export_pdf(self, path: Path | None = None) -> Path | None:
        items = self.proxy.shown()
        target = path or self._ask_path(self.tr("Export the ledger"), self.tr("Rectification ledger") + ".pdf",
                                        self.tr("PDF documents (*.pdf)"))
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        court = self._services.settings.get(SettingKey.COURT)
        period = self.filters.period_text()
        svc = self._services
        done = attempt(self, self.tr("Export the ledger"),
                       lambda: svc.reports.write(target, svc.ledger.export_pdf(items, court, period)))
        if done is not None:
            self.totals.setText(self.tr("Exported %1 item(s) to %2").replace("%1", str(len(items)))
                                .replace("%2", str(done)))
        return done

    def find_systemic(self) -> list[Finding]:
        """Make 共性问题 items (the services decide what counts); the caller reloads through ``changed``."""
        made = attempt(self, self.tr("Systemic problems"), self._services.ledger.detect_systemic)
        if made is None:
            return []
        if made:
            text = self.tr("%n new systemic item(s):", "", len(made)) + "\n\n" + "\n".join(
                f"{f.no}  {f.description}" for f in made)
        else:
            text = self.tr("No new systemic problem: no risk point was found in enough cases of one department "
                           "within the period.")
        QMessageBox.information(self, self.tr("Systemic problems"), text)
        self.reload()
        return made
