"""The case list: search as you type, Enter opens the case where the reviewer left off."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from riskdesk.services import Action, CaseQuery, Services
from riskdesk.ui.models.case_table_model import CaseColumn, CaseIdRole, CaseTableModel

SEARCH_DELAY_MS = 150
# The newest cases; older ones are a search away. Keeps start-up and each keystroke of a search fast.
LIST_LIMIT = 200


class CaseTable(QTableView):
    open_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().data(CaseIdRole))
            return
        super().keyPressEvent(event)


class CaseListPanel(QWidget):
    """Signals: case_opened(case_id)."""

    case_opened = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search cases: case No., parties, cause (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        self.model = CaseTableModel(self)
        self.table = CaseTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Widths measured from sample texts, not ResizeToContents: that re-measured every one of up
        # to 500 rows on each reload and made start-up ~150 ms slower.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CaseColumn.PARTIES, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for col, sample in ((CaseColumn.CASE_NO, "（2024）内0602民初1234号"), (CaseColumn.CAUSE, "民间借贷纠纷"),
                            (CaseColumn.JUDGE, "王法官助"), (CaseColumn.PROGRESS, "100 / 100 / 100")):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.resizeSection(col, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 18)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header.setMinimumSectionSize(60)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color:#616161")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.search)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.count_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._focus_table)
        self.table.open_requested.connect(self.case_opened)
        self.table.doubleClicked.connect(lambda idx: self.case_opened.emit(idx.data(CaseIdRole)))

    def refresh(self, keep_case: int | None = None) -> None:
        """Reload from the database (the services do the search, so 10,000 cases stay fast)."""
        current = keep_case if keep_case is not None else self.current_case_id()
        if not self._services.policy.allows(Action.READ_CASES):  # an IT administrator reads no cases
            self.search.setEnabled(False)
            self.count_label.setText(self.tr("Your role does not read cases."))
            return
        rows = self._services.cases.list(CaseQuery(self.search.text(), limit=LIST_LIMIT))
        self.model.set_rows(rows)
        if len(rows) >= LIST_LIMIT:
            self.count_label.setText(self.tr("The newest %1 cases are shown; search to find older ones.")
                                     .replace("%1", str(LIST_LIMIT)))
        else:
            self.count_label.setText(self.tr("%n case(s)", "", len(rows)))
        if current is not None:
            self.select_case(current)
        elif rows:
            self.table.selectRow(0)

    def current_case_id(self) -> int | None:
        idx = self.table.currentIndex()
        return idx.data(CaseIdRole) if idx.isValid() else None

    def select_case(self, case_id: int) -> None:
        row = self.model.row_of_case(case_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _focus_table(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def focus_table(self) -> None:
        self._focus_table()

