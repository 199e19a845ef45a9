"""文件 ▸ 导入案件: choose a spreadsheet, see what each row would do, then import it all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.errors import RiskDeskError
from riskdesk.services import Services
from riskdesk.services.case_import import ImportPlan, ImportResult, Outcome
from riskdesk.ui.errors import show_error
from riskdesk.ui.models.import_plan_model import ImportColumn, ImportPlanModel

T = TypeVar("T")


class ImportDialog(QDialog):
    """``load(path)`` previews a file (the "Choose file…" button asks for one); Import writes it.

    ``imported`` holds the result once the cases were written.
    """

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.plan: ImportPlan | None = None
        self.imported: ImportResult | None = None
        self.setWindowTitle(self.tr("Import cases"))
        self.resize(900, 560)
        intro = QLabel(self.tr("An Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK), one case per row. Columns "
                               "are found by their headers: 案号 (required), 案由, 当事人, 承办人, 立案日期, 承办部门, "
                               "程序, 原审案号/执行依据. Nothing is imported while any row has an error."))
        intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("No file chosen"))
        self.path.setAccessibleName(self.tr("File to import"))
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.choose_button.clicked.connect(self.choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.model = ImportPlanModel(self)
        self.table = self._build_table()
        self.skip_bad = QCheckBox(self.tr("&Skip the rows with errors and import the others"))
        self.skip_bad.toggled.connect(self._update_buttons)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(file_row)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.skip_bad)
        lay.addWidget(self.buttons)
        self._show_plan()
        self.choose_button.setFocus()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Preview"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.sortByColumn(ImportColumn.OUTCOME, Qt.SortOrder.AscendingOrder)  # wrong rows first
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ImportColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        metrics = table.fontMetrics()
        for column, sample in ((ImportColumn.ROW, "000000"), (ImportColumn.CASE_NO, "（2024）内0602民初12345号"),
                               (ImportColumn.OUTCOME, "Unchanged")):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 24)
        return table

    def choose(self) -> None:
        start = self.path.text() or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import cases"), start,
                                              self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> bool:
        """Read and check ``path`` and show the preview; False (and a message) when it cannot be used."""
        self.path.setText(str(path))
        self.plan = self._busy(self.tr("Cannot import this file"), lambda: self._services.imports.plan(path))
        self._show_plan()
        if self.plan is not None:
            self.table.setFocus()
        return self.plan is not None

    def _show_plan(self) -> None:
        plan = self.plan
        self.model.set_plan(plan)
        self.skip_bad.setChecked(False)
        self.skip_bad.setEnabled(bool(plan and plan.bad))
        self.summary.setText("<br>".join(f"<span style='color:{colour}'>{escape(text)}</span>"
                                         for text, colour in self._summary_lines(plan)))
        header = self.table.horizontalHeader()
        self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())  # as the reader left it
        self.table.scrollToTop()
        self._update_buttons()

    def _summary_lines(self, plan: ImportPlan | None) -> list[tuple[str, str]]:
        """(text, colour) of each line above the preview."""
        if plan is None:
            return [(self.tr("Choose a file to see what will be imported."), "#616161")]
        lines = [(self.tr("%1 new, %2 to update, %3 unchanged, %4 with errors.")
                  .replace("%1", str(plan.count(Outcome.NEW))).replace("%2", str(plan.count(Outcome.UPDATE)))
                  .replace("%3", str(plan.count(Outcome.UNCHANGED))).replace("%4", str(len(plan.bad))), "#212121")]
        if plan.ignored:
            lines.append((self.tr("Columns ignored: %1").replace("%1", "、".join(plan.ignored)), "#616161"))
        if plan.bad:
            lines.append((self.tr("Rows with errors are listed first, in red. Correct them in the file and choose it "
                                  "again, or skip them."), "#c62828"))
        elif not plan.to_write:
            lines.append((self.tr("Every case in the file is already in the database as it is: nothing to import."),
                          "#2e7d32"))
        return lines

    def _update_buttons(self) -> None:
        plan = self.plan
        ready = plan is not None and plan.to_write > 0 and (not plan.bad or self.skip_bad.isChecked())
        self.import_button.setEnabled(ready)
        self.import_button.setDefault(ready)

    def run_import(self) -> None:
        plan = self.plan
        if plan is None or not self.import_button.isEnabled():
            return
        result = self._busy(self.tr("Import refused"),
                            lambda: self._services.imports.run(plan, skip_bad=self.skip_bad.isChecked()))
        if result is None:
            return
        self.imported = result
        QMessageBox.information(
            self, self.tr("Cases imported"),
            self.tr("%1 new, %2 updated, %3 unchanged, %4 skipped.").replace("%1", str(result.new))
            .replace("%2", str(result.updated)).replace("%3", str(result.unchanged))
            .replace("%4", str(len(result.skipped))))
        self.accept()

    def _busy(self, title: str, action: Callable[[], T]) -> T | None:
        """``action`` under a wait cursor (10,000 rows take a few seconds); a refusal is shown after it."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return action()
        except RiskDeskError as exc:
            failure = exc
        finally:
            QApplication.restoreOverrideCursor()
        show_error(self, title, failure)
        return None
