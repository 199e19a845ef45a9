"""查看 ▸ 统计 (Ctrl+T): the statistics of a period and scope, beside the main window.

Above: the period (the current year unless changed), the scope (全院 or a 庭室, for those who may choose;
a fixed label for a 庭长's 庭室 or a judge's own cases) and what the charts show; the key figures as
tiles. Tabs: 环节 → 流程节点 → 风险点 (drilled into with Enter), 庭室, 月份, 承办人 only where the court
turned per-person figures on, and the most frequent risk points with their 操作指引. A bar or row lists
its cases; Enter on a case opens it in the main window. Keys: Alt+letter for each tab and box, F5
reads the figures again, Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.model import CaseId, Stage
from riskdesk.domain.stats import Breakdown, Period, StatsRow
from riskdesk.services import Services
from riskdesk.services.stats import Dashboard
from riskdesk.ui.errors import attempt
from riskdesk.ui.labels import stage_text
from riskdesk.ui.stats_charts import BarChart, LineChart, Metric
from riskdesk.ui.stats_controls import FigureTiles, PeriodSelector, TopPoints
from riskdesk.ui.stats_pane import BreakdownPane

if TYPE_CHECKING:
    from riskdesk.ui.main_window import MainWindow


class StatsWindow(QDialog):
    """Signals: open_case(case id, stage value or "", point id or "") when a case is opened from a list."""

    open_case = Signal(int, str, str)

    def __init__(self, services: Services, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today
        self.dashboard: Dashboard | None = None
        scope = services.stats.scope()  # refused (PermissionDenied) for a role without statistics
        self.court_wide = scope.department is None and scope.own is None
        self._fixed_scope = scope.department if scope.department else self.tr("Your own cases") if scope.own else ""
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(1560, screen.width() - 40) if screen and screen.width() > 1000 else 1360, 880)
        self.period = PeriodSelector(today)
        self.scope_box = QComboBox()
        self.scope_box.setAccessibleName(self.tr("Scope"))
        self.scope_label = QLabel(self._fixed_scope)
        self.scope_label.setStyleSheet("font-weight:600")
        self.metric_box = QComboBox()
        for m, text in ((Metric.RISK, self.tr("Risk found")), (Metric.RATE, self.tr("Risk rate")),
                        (Metric.ANSWERED, self.tr("Points answered"))):
            self.metric_box.addItem(text, m)
        self.tiles = FigureTiles()
        self.tabs = QTabWidget()
        self.panes: dict[Breakdown, BreakdownPane] = {}
        for by, title in ((Breakdown.STAGE, self.tr("S&tages")), (Breakdown.DEPARTMENT, self.tr("&Divisions")),
                          (Breakdown.MONTH, self.tr("&Months")), (Breakdown.PERSON, self.tr("&Judges"))):
            if by in services.stats.breakdowns():  # 承办人 only where the court turned it on: no ranking of judges
                pane = BreakdownPane(by, LineChart() if by is Breakdown.MONTH else BarChart(), self._cases_of,
                                     self._relabel)
                pane.open_case.connect(self.open_case)
                self.panes[by] = pane
                self.tabs.addTab(pane, title)
        self.top = TopPoints()
        self.tabs.addTab(self.top, self.tr("Top &risk points"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#616161")
        self.xlsx_button = self._button(self.tr("Export &Excel…"), self._export_xlsx)
        self.bulletin_button = self._button(self.tr("&Bulletin PDF…"), self._export_bulletin)
        self._layout()
        self._fill_scopes()
        self.period.changed.connect(lambda _p: self.reload())
        self.scope_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.metric_box.currentIndexChanged.connect(lambda _i: self._set_metric())
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        self.reload()
        self.panes[Breakdown.STAGE].table.setFocus()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        b = QPushButton(text)
        b.setAutoDefault(False)  # Enter belongs to the table or list under the cursor
        b.clicked.connect(lambda _=False: slot())
        return b

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for text, buddy in ((self.tr("&Period:"), self.period.kind), (self.tr("&Scope:"), self.scope_box)):
            label = QLabel(text)
            label.setBuddy(buddy)
            bar.addWidget(label)
            if buddy is self.scope_box:
                bar.addWidget(self.scope_box if self.court_wide else self.scope_label)
                label.setText(text if self.court_wide else self.tr("Scope:"))
            else:
                bar.addWidget(self.period)
            bar.addSpacing(16)
        shows = QLabel(self.tr("C&harts show:"))
        shows.setBuddy(self.metric_box)
        bar.addWidget(shows)
        bar.addWidget(self.metric_box)
        bar.addStretch(1)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.bulletin_button)
        close = self._button(self.tr("Close"), self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.tiles)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(bottom)
        self.scope_box.setVisible(self.court_wide)
        self.scope_label.setVisible(not self.court_wide)

    def _fill_scopes(self) -> None:
        if not self.court_wide:
            return
        self.scope_box.addItem(self.tr("Whole court"), None)
        names = attempt(self, self.tr("Statistics"), self._services.auth.list_departments) or []
        for name in names:
            self.scope_box.addItem(name, name)

    # -- reading ---------------------------------------------------------------------------------------
    def department(self) -> str | None:
        """The 庭室 chosen in the scope box (None: as wide as the account may see)."""
        return self.scope_box.currentData() if self.court_wide else None

    def current_period(self) -> Period:
        return self.period.value()

    def reload(self) -> None:
        period, department = self.current_period(), self.department()
        found = attempt(self, self.tr("Statistics"),
                        lambda: self._services.stats.dashboard(period, department, today=self._today))
        if found is None:
            return
        self.dashboard = found
        scope = department or (self.tr("Whole court") if self.court_wide else self._fixed_scope)
        self.setWindowTitle(self.tr("Statistics — %1 · %2").replace("%1", period.label).replace("%2", scope))
        self.tiles.show_figures(found.checklists, found.total, found.findings)
        catalog = self._services.catalogs.catalog
        self._month_axis(period)
        for pane in self.panes.values():
            pane.set_tables(found.tables, catalog)
        self.top.set_points(found.top_points)
        index = self.tabs.indexOf(self.panes[Breakdown.DEPARTMENT])
        self.tabs.setTabVisible(index, self.court_wide and department is None)  # one 庭室: a single bar
        shared = self._services.session.shared
        self.note.setText(self.tr("Checklists count in the month they were started. Risk rate = risk found ÷ "
                                  "(no risk + risk found); not applicable and exempt points are not part of it.")
                          + (" " + self.tr("Only the cases your account may read are counted.") if shared else ""))

    def _month_axis(self, period: Period) -> None:
        pane = self.panes[Breakdown.MONTH]
        assert isinstance(pane.chart, LineChart)
        locale, one_year = QLocale(), period.first.year == period.last.year
        pane.chart.set_axis_labels([
            locale.monthName(m % 100, QLocale.FormatType.ShortFormat) if one_year
            else locale.toString(QDate(m // 100, m % 100, 1), self.tr("MMM yy")) for m in period.months])

    def _relabel(self, by: Breakdown, row: StatsRow) -> str:
        """Names in the language shown: the service names stages and months in Chinese, nodes with their stage."""
        if by is Breakdown.STAGE and row.key in {s.value for s in Stage}:
            return stage_text(Stage(row.key))
        if by is Breakdown.MONTH and row.key.isdigit():
            m = int(row.key)
            return QLocale().toString(QDate(m // 100, m % 100, 1), self.tr("MMMM yyyy"))
        if by is Breakdown.NODE and "·" in row.label:
            return row.label.split("·", 1)[1]  # under its stage in the drill-down: the node's own name
        return row.label

    def _cases_of(self, by: Breakdown, key: str) -> list[tuple[CaseId, str]] | None:
        period, department = self.current_period(), self.department()
        return attempt(self, self.tr("Statistics"),
                       lambda: self._services.stats.risk_cases(period, department, by, key))

    def _set_metric(self) -> None:
        metric = self.metric_box.currentData()
        for pane in self.panes.values():
            pane.set_metric(metric)

    # -- exports: hooks for services being added beside this window --------------------------------------
    def _ask_path(self, title: str, suggested: str, pattern: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested), pattern)
        return Path(name) if name else None

    def _export_xlsx(self, path: Path | None = None) -> Path | None:
        """导出 Excel: every breakdown of the period and scope shown, as the command line's stats export."""
        period, department = self.current_period(), self.department()
        target = path or self._ask_path(self.tr("Export statistics"),
                                        self.tr("Statistics") + f"（{period.label}）.xlsx",
                                        self.tr("Excel workbooks (*.xlsx)"))
        if target is None:
            return None
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        stats = self._services.stats
        return attempt(self, self.tr("Export statistics"), lambda: stats.export_xlsx(target, period, department))

    def _export_bulletin(self, path: Path | None = None) -> Path | None:
        """通报 PDF of the period and scope shown (A4, charts, the top points with their 操作指引)."""
        period, department, reports = self.current_period(), self.department(), self._services.reports
        document = attempt(self, self.tr("Statistics bulletin"), lambda: reports.bulletin_document(period, department))
        if document is None:
            return None
        target = path or self._ask_path(self.tr("Statistics bulletin"), document.file_name,
                                        self.tr("PDF documents (*.pdf)"))
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        return attempt(self, self.tr("Statistics bulletin"), lambda: reports.write(target, document.render()))


def show_stats_window(win: MainWindow, window: StatsWindow | None) -> StatsWindow | None:
    """Open the window (or bring it up again with fresh figures); a case opened from it opens in ``win``."""
    if window is None:
        window = attempt(win, win.tr("Statistics"), lambda: StatsWindow(win.services, win))
        if window is None:
            return None
        window.open_case.connect(lambda case_id, stage, point: _open_in(win, case_id, stage, point))
    else:
        window.reload()
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def _open_in(win: MainWindow, case_id: int, stage: str, point: str) -> None:
    if point:
        win.open_point(case_id, stage, point)  # the case at the point the bar was about
        return
    if win.open_case(CaseId(case_id), Stage(stage) if stage else None):
        win.raise_()
        win.activateWindow()
        win.checklist.tree.setFocus()
