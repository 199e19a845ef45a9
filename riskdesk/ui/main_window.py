"""The main window: the case list on the left, the open case's stage checklist on the right.

MainWindow only assembles panels, menus and shortcuts; the panels do the work through the services.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from riskdesk import __version__
from riskdesk.domain.model import Case, Stage, StageCounts
from riskdesk.services import Services
from riskdesk.services.errors import ServiceError
from riskdesk.storage.db import DatabaseError
from riskdesk.ui import WINDOW_SIZE
from riskdesk.ui.case_list import CaseListPanel
from riskdesk.ui.checklist_panel import ChecklistPanel
from riskdesk.ui.labels import stage_text

STAGES = (Stage.FILING, Stage.TRIAL, Stage.ENFORCEMENT)


class MainWindow(QMainWindow):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.case: Case | None = None
        self.stage: Stage = Stage.FILING
        self._stage_counts: dict[Stage, StageCounts] = {}
        self._reviewer = services.settings.get("reviewer")
        self.setWindowTitle(self.tr("RiskDesk — Risk checklists for filing, trial and enforcement"))
        self.resize(*WINDOW_SIZE)

        self.cases = CaseListPanel(services)
        self.checklist = ChecklistPanel(services, lambda: self._reviewer)
        self.setCentralWidget(self._build_layout())
        self.save_label = QLabel()
        self.who_label = QLabel()
        self.statusBar().addWidget(self.save_label, 1)
        self.statusBar().addPermanentWidget(self.who_label)
        self._build_menus()

        self.cases.case_opened.connect(lambda cid: self.open_case(cid))
        self.tabs.currentChanged.connect(self._on_tab)
        self.checklist.saved.connect(lambda when: self.save_label.setText(self.tr("Saved at %1").replace("%1", when)))
        self.checklist.changed.connect(self._update_current_stage_progress)
        self.checklist.back_to_list.connect(self.cases.focus_table)
        self.checklist.upgrade_requested.connect(self._upgrade_checklist)
        self._update_who()

    def _build_layout(self) -> QSplitter:
        self.case_header = QLabel()
        self.case_header.setObjectName("caseHeader")
        self.case_header.setTextFormat(Qt.TextFormat.RichText)
        self.case_header.setWordWrap(True)
        self.tabs = QTabBar()
        self.tabs.setAccessibleName(self.tr("Stage"))
        self.tabs.setExpanding(False)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for st in STAGES:
            self.tabs.addTab(stage_text(st))
        case_page = QWidget()
        lay = QVBoxLayout(case_page)
        lay.setContentsMargins(6, 0, 0, 0)
        lay.addWidget(self.case_header)
        lay.addWidget(self.tabs)
        lay.addWidget(self.checklist, 1)
        self.empty = QLabel(self.tr("No case open.\n\nCtrl+N creates a case; Ctrl+F searches the list; "
                                    "Enter opens the selected case."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#616161;font-size:13pt")
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(case_page)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.cases)
        split.addWidget(self.right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([500, 940])
        split.setChildrenCollapsible(False)
        return split

    # -- menus and shortcuts -----------------------------------------------------------------------
    def _action(self, text: str, shortcut: QKeySequence | str | None, slot: object) -> QAction:
        act = QAction(text, self)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_case_action = self._action(self.tr("&New case…"), "Ctrl+N", self.new_case)
        file_menu.addAction(self.new_case_action)
        self.print_menu = file_menu.addMenu(self.tr("&Print / Export"))
        self.print_action = self._action(self.tr("Print / export PDF…"), "Ctrl+P", self.print_dialog)
        self.print_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), "Ctrl+Q", self.close))
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self._action(self.tr("Search cases"), "Ctrl+F", self.cases.focus_search))
        for i, st in enumerate(STAGES, start=1):
            view_menu.addAction(self._action(stage_text(st), f"Ctrl+{i}", lambda _=False, s=st: self.switch_stage(s)))
        view_menu.addAction(self._action(self.tr("Next unreviewed point"), None, self.checklist.go_next_unreviewed))
        view_menu.addSeparator()
        view_menu.addAction(self._action(self.tr("Statistics…"), "Ctrl+T", self.show_stats))
        settings_menu = bar.addMenu(self.tr("&Settings"))
        settings_menu.addAction(self._action(self.tr("Reviewer and court…"), "Ctrl+,", self.edit_settings))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("Keyboard shortcuts"), "F1", self.show_shortcuts))
        help_menu.addAction(self._action(self.tr("About RiskDesk"), None, self.show_about))

    # -- start -------------------------------------------------------------------------------------
    def start(self) -> None:
        """Load the case list and reopen the last case, stage and point."""
        self.cases.refresh()
        last = self.services.settings.recall("state.last_case_id")
        stage = self.services.settings.recall("state.last_stage")
        if last.isdigit():
            try:
                self.open_case(int(last), Stage(stage) if stage else None)
                return
            except (ServiceError, ValueError):
                pass
        self.cases.focus_table()

    # -- cases and stages --------------------------------------------------------------------------
    def new_case(self) -> None:
        from riskdesk.ui.dialogs import NewCaseDialog  # dialogs load when first opened, not at start-up

        dlg = NewCaseDialog(self.services, self._reviewer, self)
        if dlg.exec() and dlg.created is not None:
            self.cases.search.clear()
            self.cases.refresh(keep_case=dlg.created.id)
            self.open_case(dlg.created.id, Stage.FILING)
            # The dialog hands focus back when the main window reactivates; put it on the checklist then.
            QTimer.singleShot(0, self.checklist.tree.setFocus)

    def open_case(self, case_id: int, stage: Stage | None = None) -> None:
        self.checklist.flush()
        try:
            case = self.services.cases.get_by_id(case_id)
            chosen = stage or self.services.review.last_worked_stage(case_id) or Stage.FILING
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Cannot open the case"), str(exc))
            return
        self.case = case
        self.case_header.setText(self._case_header_html(case))
        self.right.setCurrentIndex(1)
        self.cases.select_case(case_id)
        self._load_stage(chosen)

    def switch_stage(self, stage: Stage) -> None:
        if self.case is None:
            return
        self.checklist.flush()
        self._load_stage(stage)

    def _load_stage(self, stage: Stage) -> None:
        assert self.case is not None
        try:
            view = self.services.review.open(self.case.id, stage)
            self.services.settings.remember_all({"state.last_case_id": str(self.case.id),
                                                 "state.last_stage": stage.value})
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Cannot open the checklist"), str(exc))
            return
        self.stage = stage
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(STAGES.index(stage))
        self.tabs.blockSignals(False)
        self.checklist.load(view, view.info.last_point_id)
        self._refresh_progress()
        self.checklist.tree.setFocus()

    def _on_tab(self, index: int) -> None:
        self.switch_stage(STAGES[index])

    def _refresh_progress(self) -> None:
        """Tab texts for all stages (one query), and the open case's row in the list."""
        if self.case is None:
            return
        self._stage_counts = self.services.cases.counts(self.case.id)
        self._update_current_stage_progress()

    def _update_current_stage_progress(self) -> None:
        """After an answer: recount the open stage in memory, no database round trip."""
        if self.case is None:
            return
        self._stage_counts[self.stage] = self.checklist.counts()
        for i, st in enumerate(STAGES):
            c = self._stage_counts.get(st)
            text = stage_text(st)
            if c is not None:
                text += f"  {c.reviewed}/{c.total}"
                if c.risk:
                    text += " · " + self.tr("%n risk(s)", "", c.risk)
                if c.complete:
                    text += " · " + self.tr("complete")
            self.tabs.setTabText(i, text)
            self.tabs.setTabToolTip(i, text)
        self.cases.model.update_counts(self.case.id, dict(self._stage_counts))

    def _case_header_html(self, case: Case) -> str:
        from html import escape

        parts = [f"<span style='font-size:15pt;font-weight:700'>{escape(case.case_no)}</span>"]
        for label, value in ((self.tr("Cause"), case.cause), (self.tr("Parties"), case.parties),
                             (self.tr("Judge"), case.judge)):
            if value:
                parts.append(f"<span style='color:#455a64'>{escape(label)}：</span>{escape(value)}")
        return "　　".join(parts)

    def _upgrade_checklist(self) -> None:
        view = self.checklist.view
        if view is None:
            return
        report = self.services.review.upgrade(view.info.id, self._reviewer)
        QMessageBox.information(
            self, self.tr("Checklist upgraded"),
            self.tr("%1 answer(s) carried over. %2 changed point(s) need a fresh look: %3")
            .replace("%1", str(len(report.carried))).replace("%2", str(len(report.changed)))
            .replace("%3", "、".join(report.changed) or "—"),
        )
        self._load_stage(Stage(view.info.stage))

    # -- settings, help ----------------------------------------------------------------------------
    def edit_settings(self) -> None:
        from riskdesk.ui.dialogs import SettingsDialog

        if SettingsDialog(self.services, parent=self).exec():
            self._reviewer = self.services.settings.get("reviewer")
            self._update_who()

    def _update_who(self) -> None:
        court = self.services.settings.get("court")
        self.who_label.setText(self.tr("Reviewer: %1 · %2").replace("%1", self._reviewer or "—")
                               .replace("%2", court or "—"))

    def show_stats(self) -> None:
        from riskdesk.ui.stats_dialog import StatsDialog

        try:
            table = self.services.cases.all_counts()
        except (ServiceError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("Statistics"), str(exc))
            return
        StatsDialog(table, self.services.settings.get("court"), self).exec()

    def show_shortcuts(self) -> None:
        from riskdesk.ui.dialogs import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def start_daily_backup(self) -> None:
        from riskdesk.ui.background import start_daily_backup

        for warning in self.services.warnings:
            self.statusBar().showMessage(warning)
        self._backup_task = start_daily_backup(self.services.db.path, self._daily_backup_done)

    def _daily_backup_done(self, message: str, serious: bool) -> None:
        if serious:
            QMessageBox.critical(self, self.tr("Database damaged"), message)
        elif message:
            self.statusBar().showMessage(message)

    def show_about(self) -> None:
        cat = self.services.catalogs.catalog
        QMessageBox.about(
            self, self.tr("About RiskDesk"),
            self.tr("RiskDesk %1\nCatalog %2 (%3)\nDatabase: %4")
            .replace("%1", __version__).replace("%2", cat.version).replace("%3", cat.fingerprint[:12])
            .replace("%4", str(self.services.db.path or self.services.db.url)),
        )

    def print_dialog(self) -> None:
        from riskdesk.ui.print_dialog import PrintDialog

        PrintDialog(self.services, self.case, self.stage, self).exec()

    # -- closing -----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.checklist.flush()
        if self.checklist.detail.note_pending:
            answer = QMessageBox.warning(
                self, self.tr("Note not saved"),
                self.tr("The note you typed could not be saved. Quit anyway and lose it?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self.checklist.view is not None and self.checklist.current_point():
            try:
                self.services.review.remember_position(self.checklist.view.info.id, self.checklist.current_point())
            except (ServiceError, DatabaseError):
                pass  # the position is a convenience; never block closing on it
        event.accept()
