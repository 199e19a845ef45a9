"""One tab of the 统计 window: a chart, the table of its numbers beside it, and the cases behind the row
under the cursor.

The 环节 tab drills down: Enter (or a double-click) on a stage shows its 流程节点, on a node its 风险点;
Backspace, Alt+↑ or the 上一级 button goes back up. In the other tabs, and on a point, Enter moves to
the list of cases. The case list follows the row under the cursor, whether chosen in the table or by
clicking its bar; Enter or a double-click on a case opens it in the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.catalog import Catalog
from riskdesk.domain.model import CaseId, Stage
from riskdesk.domain.stats import Breakdown, StatsRow, StatsTable, Tally
from riskdesk.ui.models.stats_table_model import KeyRole, StatsColumn, StatsProxy, StatsTableModel, rate_text
from riskdesk.ui.stats_charts import LineChart, Metric, StatsChart

CasesOf = Callable[[Breakdown, str], list[tuple[CaseId, str]] | None]
Relabel = Callable[[Breakdown, StatsRow], str]
_ENTER = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_DRILLS = {Breakdown.STAGE: Breakdown.NODE, Breakdown.NODE: Breakdown.POINT}


@dataclass(frozen=True)
class Step:
    """A row drilled into: its breakdown, key and the name shown in the path above the chart."""

    by: Breakdown
    key: str
    label: str


class BreakdownPane(QWidget):
    """Signals: open_case(case id, stage value or "", point id or "") when a case is opened from the list."""

    open_case = Signal(int, str, str)

    def __init__(self, by: Breakdown, chart: StatsChart, cases_of: CasesOf, relabel: Relabel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.by = by
        self.drills = by is Breakdown.STAGE
        self.chart = chart
        self._cases_of = cases_of
        self._relabel = relabel
        self._tables: dict[Breakdown, StatsTable] = {}
        self._catalog: Catalog | None = None
        self.path: list[Step] = []
        self._listed: tuple[Breakdown, str] | None = None
        self.model = StatsTableModel(self)
        self.proxy = StatsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._build_table()
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.where = QLabel()
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.up_button = QPushButton(self.tr("&Up a level"))
        self.up_button.setAutoDefault(False)
        self.up_button.setToolTip(self.tr("Back to the level above (Backspace)"))
        self.up_button.clicked.connect(lambda _=False: self.up())
        self.cases = QListWidget()
        self.cases.setAccessibleName(self.tr("Cases with risk found"))
        self.cases_title = QLabel(self.tr("Cases with risk found: choose a row or click its bar"))
        self.cases_title.setWordWrap(True)
        self.cases_title.setBuddy(self.cases)
        self._layout()
        self.chart.row_clicked.connect(self._bar_clicked)
        self.proxy.layoutChanged.connect(self._redraw)
        self.proxy.modelReset.connect(self._redraw)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _i: self.activate())
        self.cases.itemDoubleClicked.connect(self._open)
        self.table.installEventFilter(self)
        self.cases.installEventFilter(self)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setAccessibleName(self.tr("Figures"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.sortByColumn(StatsColumn.NAME, Qt.SortOrder.AscendingOrder)  # the name sorts in the service's order
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(StatsColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        return table

    def _layout(self) -> None:
        if isinstance(self.chart, LineChart):
            chart_box: QWidget = self.chart
        else:  # many points in a node: the bars keep their height and the chart scrolls
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(self.chart)
            scroll.setFrameShape(QScrollArea.Shape.StyledPanel)
            chart_box = scroll
        right = QWidget()
        col = QVBoxLayout(right)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.table, 3)
        col.addWidget(self.totals)
        col.addWidget(self.cases_title)
        col.addWidget(self.cases, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(chart_box)
        split.addWidget(right)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 5)
        split.setSizes([4000, 5000])  # proportions: the table's names need room beside its seven numbers
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        if self.drills:
            path = QHBoxLayout()
            path.addWidget(self.where, 1)
            path.addWidget(self.up_button)
            lay.addLayout(path)
        lay.addWidget(split, 1)

    # -- figures ---------------------------------------------------------------------------------------
    def set_tables(self, tables: dict[Breakdown, StatsTable], catalog: Catalog) -> None:
        """New figures (another period or scope): the drill level and the row under the cursor are kept
        when they are still there."""
        self._tables, self._catalog = tables, catalog
        self._listed = None
        current = self.current_key()
        while self.path and not any(r.key == self.path[-1].key for r in self._level_rows(self.path[:-1])):
            self.path.pop()
        self._show_level(current)

    @property
    def level(self) -> Breakdown:
        return Breakdown.POINT if len(self.path) == 2 else Breakdown.NODE if self.path else self.by

    def _level_rows(self, path: list[Step]) -> list[StatsRow]:
        by = Breakdown.POINT if len(path) == 2 else Breakdown.NODE if path else self.by
        table = self._tables.get(by)
        if table is None:
            return []
        rows = list(table.rows)
        if path and self._catalog is not None:  # the nodes of one stage, the points of one node
            stage = self._catalog.stage(Stage(path[0].key))
            if len(path) == 1:
                keep = {n.id for n in stage.nodes}
            else:
                keep = {p.id for n in stage.nodes if n.id == path[1].key for p in n.points}
            rows = [r for r in rows if r.key in keep]
        return [StatsRow(r.key, self._relabel(by, r), r.tally) for r in rows]

    def _show_level(self, select_key: str | None = None) -> None:
        rows = self._level_rows(self.path)
        self.model.set_rows(rows)
        self.where.setText(" › ".join([self.tr("All stages"), *(s.label for s in self.path)]))
        self.up_button.setEnabled(bool(self.path))
        keys = [self.proxy.index(i, 0).data(KeyRole) for i in range(self.proxy.rowCount())]
        self._show_totals(rows)
        if select_key in keys:
            self.select_row(keys.index(select_key))
        else:
            self._clear_cases()

    def _show_totals(self, rows: list[StatsRow]) -> None:
        t = Tally.total(r.tally for r in rows)
        self.totals.setText(self.tr("Total: answered %1 · risk found %2 · no risk %3 · not applicable %4 · "
                                    "risk rate %5").replace("%1", str(t.answered)).replace("%2", str(t.risk))
                            .replace("%3", str(t.clear)).replace("%4", str(t.na)).replace("%5", rate_text(t.risk_rate)))

    def _redraw(self) -> None:
        index = self.table.currentIndex()
        self.chart.set_rows(self.proxy.rows(), index.row() if index.isValid() else -1)

    def set_metric(self, metric: Metric) -> None:
        self.chart.set_metric(metric)

    # -- the cursor, drilling, the cases ---------------------------------------------------------------
    def current_key(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(KeyRole) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.proxy.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(self.proxy.index(row, 0))

    def _bar_clicked(self, position: int) -> None:
        self.select_row(position)
        self.table.setFocus()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.chart.select(current.row() if current.isValid() else -1)
        key = current.data(KeyRole) if current.isValid() else None
        if key is None:
            self._clear_cases()
        elif self._listed != (self.level, key):
            self._list_cases(key)

    def activate(self) -> None:
        """Enter on a row: one level down where there is one, else to the row's cases."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        if self.drills and self.level in _DRILLS:
            label = str(self.proxy.index(index.row(), StatsColumn.NAME).data())
            self.path.append(Step(self.level, str(index.data(KeyRole)), label))
            self._listed = None
            self._show_level()
            self.select_row(0)
            return
        if self.cases.count():
            self.cases.setFocus()
            self.cases.setCurrentRow(max(0, self.cases.currentRow()))

    def up(self) -> None:
        if not self.path:
            return
        left = self.path.pop()
        self._listed = None
        self._show_level(left.key)
        self.table.setFocus()

    def _clear_cases(self) -> None:
        self._listed = None
        self.cases.clear()
        self.cases_title.setText(self.tr("Cases with risk found: choose a row or click its bar"))

    def _list_cases(self, key: str) -> None:
        found = self._cases_of(self.level, key) or []
        self._listed = (self.level, key)
        self.cases.clear()
        for case_id, case_no in found:
            item = QListWidgetItem(case_no)
            item.setData(Qt.ItemDataRole.UserRole, int(case_id))
            self.cases.addItem(item)
        name = next((r.label for r in self.model_rows() if r.key == key), key)
        self.cases_title.setText(self.tr("Cases with risk found in %1: %2").replace("%1", name)
                                 .replace("%2", str(len(found))))

    def model_rows(self) -> list[StatsRow]:
        return [self.model.stats_row(i) for i in range(self.model.rowCount())]

    def case_numbers(self) -> list[str]:
        return [self.cases.item(i).text() for i in range(self.cases.count())]

    def _open(self, item: QListWidgetItem | None = None) -> None:
        item = item or self.cases.currentItem()
        if item is None or self._listed is None:
            return
        by, key = self._listed
        stage = self.path[0].key if self.path else key if by is Breakdown.STAGE else ""
        self.open_case.emit(int(item.data(Qt.ItemDataRole.UserRole)), stage, key if by is Breakdown.POINT else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key in _ENTER and mods == Qt.KeyboardModifier.NoModifier:
                if watched is self.table:
                    self.activate()
                else:
                    self._open()
                return True
            back = key == Qt.Key.Key_Backspace or (key == Qt.Key.Key_Up and mods == Qt.KeyboardModifier.AltModifier)
            if back and watched is self.table and self.drills:
                self.up()
                return True
            if back and watched is self.cases:
                self.table.setFocus()  # from the cases back to the rows
                return True
        return super().eventFilter(watched, event)
