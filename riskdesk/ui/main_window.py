"""The main window: the case list on the left, the open case's stage checklist on the right.

MainWindow only assembles panels, menus and shortcuts; the panels do the work through the services.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from riskdesk import __version__
from riskdesk.domain.errors import RiskDeskError
from riskdesk.domain.model import AnswerSaved, Case, CaseId, ChecklistId, SettingKey, Stage, StageCounts
from riskdesk.domain.people import Role
from riskdesk.domain.signoff import ChecklistState
from riskdesk.services import ChecklistView, Services
from riskdesk.services.permissions import CaseAction
from riskdesk.services.signoff import StateChanged
from riskdesk.ui import WINDOW_SIZE
from riskdesk.ui.account_menu import fit_to_role
from riskdesk.ui.case_header import CaseHeader
from riskdesk.ui.case_list import CaseListPanel
from riskdesk.ui.checklist_panel import ChecklistPanel
from riskdesk.ui.errors import attempt
from riskdesk.ui.labels import role_text, stage_text
from riskdesk.ui.ledger_actions import LedgerActions
from riskdesk.ui.signoff_actions import SignoffActions
from riskdesk.ui.stage_tabs import STAGES, StageTabs

if TYPE_CHECKING:
    from riskdesk.ui.stats_window import StatsWindow


class MainWindow(QMainWindow):
    """Assembles the panels, menus and shortcuts and wires their signals; the panels do the work."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.case: Case | None = None
        self.stage: Stage = Stage.FILING
        self.stats_window: StatsWindow | None = None  # 查看 ▸ 统计, kept open beside the window
        self.setWindowTitle(self.tr("RiskDesk — Risk checklists for filing, trial and enforcement"))
        self.resize(*WINDOW_SIZE)

        self.cases = CaseListPanel(services)
        self.checklist = ChecklistPanel(services)
        self.setCentralWidget(self._build_layout())
        self.save_label = QLabel()
        self.who_label = QLabel()
        self.queue_button = QPushButton()
        self.queue_button.setFlat(True)
        self.queue_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.statusBar().addWidget(self.save_label, 1)
        self.statusBar().addPermanentWidget(self.queue_button)
        self.statusBar().addPermanentWidget(self.who_label)
        self.signoff = SignoffActions(services, self._current_checklist, self)
        self.ledger = LedgerActions(services, self.checklist, self)
        self.statusBar().insertPermanentWidget(1, self.ledger.overdue_button)  # before the queues (0: the save line)
        self._build_menus()

        self.cases.case_opened.connect(lambda cid: self.open_case(cid))
        self.tabs.currentChanged.connect(lambda i: self.switch_stage(STAGES[i]))
        self.checklist.answer_saved.connect(self.tabs.answer_saved)
        self.checklist.answer_saved.connect(self.cases.model.answer_saved)
        self.checklist.answer_saved.connect(self._show_saved)
        self.checklist.counts_changed.connect(self.tabs.show_counts)
        self.checklist.back_to_list.connect(self.cases.focus_table)
        self.checklist.upgrade_requested.connect(self._upgrade_checklist)
        self.signoff.state_changed.connect(self._signoff_changed)
        self.signoff.open_checklist.connect(lambda case_id, stage: self.open_case(CaseId(case_id), Stage(stage)))
        self.queue_button.clicked.connect(lambda: self.signoff.show_queue(ChecklistState.SUBMITTED))
        self.ledger.open_point.connect(self.open_point)
        self._update_who()
        self._update_queues()
        QTimer.singleShot(0, self.ledger.update_overdue)  # just after the window is up: off the start-up path

    def _build_layout(self) -> QSplitter:
        self.case_header = CaseHeader()
        self.tabs = StageTabs()
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
        self.import_action = self._action(self.tr("&Import cases…"), None, self.import_cases)
        file_menu.addAction(self.import_action)
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
        view_menu.addAction(self._action(self.tr("Open another stage…"), None, self.open_other_stage))
        view_menu.addSeparator()
        self.stats_action = self._action(self.tr("Statistics…"), "Ctrl+T", self.show_stats)
        view_menu.addAction(self.stats_action)
        view_menu.addAction(self.ledger.ledger_action)
        self.review_menu = bar.addMenu(self.tr("&Review"))
        for act in self.signoff.actions():
            if act is None:
                self.review_menu.addSeparator()
            else:
                self.review_menu.addAction(act)
        settings_menu = bar.addMenu(self.tr("&Settings"))
        settings_menu.addAction(self._action(self.tr("Reviewer and court…"), "Ctrl+,", self.edit_settings))
        fit_to_role(self, bar, settings_menu)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("Keyboard shortcuts"), "F1", self.show_shortcuts))
        help_menu.addAction(self._action(self.tr("About RiskDesk"), None, self.show_about))

    # -- start -------------------------------------------------------------------------------------
    def start(self) -> None:
        """Load the case list and reopen the last case, stage and point."""
        self.cases.refresh()
        last = self.services.settings.get(SettingKey.LAST_CASE)
        stage = self.services.settings.get(SettingKey.LAST_STAGE)
        if last.isdigit() and self.open_case(CaseId(int(last)), Stage(stage) if stage in {s.value for s in Stage}
                                             else None, quiet=True):
            return
        self.cases.focus_table()

    # -- cases and stages --------------------------------------------------------------------------
    def new_case(self) -> None:
        from riskdesk.ui.case_dialog import NewCaseDialog  # dialogs load when first opened, not at start-up

        account = self.services.session.account
        judge = "" if account is not None and account.role is Role.ASSISTANT else self.services.session.actor.name
        dlg = NewCaseDialog(self.services, judge, self, linked_to=self.case)
        if dlg.exec() and dlg.created is not None:
            self.cases.search.clear()
            self.cases.refresh(keep_case=dlg.created.id)
            self.open_case(dlg.created.id, dlg.created.profile.stages[0])
            # The dialog hands focus back when the main window reactivates; put it on the checklist then.
            QTimer.singleShot(0, self.checklist.tree.setFocus)

    def import_cases(self) -> None:
        from riskdesk.ui.import_dialog import ImportDialog

        dlg = ImportDialog(self.services, self)
        if dlg.exec() and dlg.imported is not None:
            self.cases.refresh()
            if self.case is not None:  # the open case may have changed (程序, 原审案号 …): show it as it is now
                self.open_case(self.case.id, self.stage, quiet=True)
            self.cases.focus_table()

    def open_case(self, case_id: CaseId, stage: Stage | None = None, *, quiet: bool = False) -> bool:
        """Open a case at ``stage`` (else where it was last worked on); False when it cannot be opened."""
        self.checklist.flush()
        try:
            case = self.services.cases.get_by_id(case_id)
            started = set(self.services.cases.counts(case_id))
            worked = self.services.checklists.last_worked_stage(case_id)
            origin_risks = self.services.cases.origin_risks(case)
            read_only = self.services.policy.case_refusal(CaseAction.ANSWER, case_id)
        except RiskDeskError as exc:
            if not quiet:  # at start-up a case deleted since is simply not reopened
                QMessageBox.warning(self, self.tr("Cannot open the case"), str(exc))
            return False
        # Someone who may only read a case sees the stages already started, and cannot start another.
        shown = started if read_only else set(case.profile.stages) | started
        if not shown:
            if not quiet:
                QMessageBox.information(self, self.tr("Cannot open the case"),
                                        self.tr("No checklist of this case has been started yet: there is nothing to "
                                                "view."))
            return False
        self.checklist.set_read_only(read_only)
        chosen = next(s for s in (stage, worked, *case.profile.stages) if s is not None and s in shown)
        self.case = case
        self.case_header.show_case(case, origin_risks)
        self.tabs.show_only(shown)
        self.right.setCurrentIndex(1)
        self.cases.select_case(case_id)
        self._load_stage(chosen)
        return True

    def open_point(self, case_id: int, stage: str, point_id: str) -> None:
        """Show a case at one point (an item's 打开案件): the window comes to the front, the cursor on it."""
        if not self.open_case(CaseId(case_id), Stage(stage)):
            return
        if not self.checklist.tree.select_point(point_id):
            self.checklist.clear_filters()  # a filter hid it
            self.checklist.tree.select_point(point_id)
        self.raise_()
        self.activateWindow()
        self.checklist.tree.setFocus()

    def switch_stage(self, stage: Stage) -> None:
        """Ctrl+1/2/3 or a tab; a stage the case does not go through is opened only when confirmed."""
        if self.case is None:
            return
        if not self.tabs.is_shown(stage) and not self._confirm_other_stage(stage):
            self.tabs.show_stage(self.stage)
            return
        self.checklist.flush()
        self._load_stage(stage)

    def open_other_stage(self) -> None:
        """查看 ▸ 打开其他环节: the stages this kind of case does not show, each on purpose."""
        if self.case is None:
            return
        from PySide6.QtWidgets import QInputDialog

        hidden = [s for s in STAGES if not self.tabs.is_shown(s)]
        if not hidden:
            QMessageBox.information(self, self.tr("Open another stage"), self.tr("Every stage is already shown."))
            return
        names = [stage_text(s) for s in hidden]
        name, ok = QInputDialog.getItem(self, self.tr("Open another stage"), self.tr("Stage:"), names, 0, False)
        if ok:
            self.switch_stage(hidden[names.index(name)])

    def _confirm_other_stage(self, stage: Stage) -> bool:
        assert self.case is not None
        answer = QMessageBox.question(
            self, self.tr("Open another stage"),
            self.tr("A %1 case does not go through the %2 stage (its stages: %3). Open the %2 checklist anyway?")
            .replace("%1", self.case.profile.describe()).replace("%2", stage_text(stage))
            .replace("%3", "、".join(stage_text(s) for s in self.case.profile.stages)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _load_stage(self, stage: Stage) -> None:
        assert self.case is not None
        case_id = self.case.id

        def open_it() -> tuple[ChecklistView, dict[Stage, StageCounts]]:
            view = self.services.checklists.open(case_id, stage)
            self.services.settings.set_all({SettingKey.LAST_CASE: str(case_id), SettingKey.LAST_STAGE: stage.value})
            return view, self.services.cases.counts(case_id)

        opened = attempt(self, self.tr("Cannot open the checklist"), open_it)
        if opened is None:
            self.tabs.show_stage(self.stage)
            return
        view, counts = opened
        self.stage = stage
        self.tabs.show_only(self.tabs.shown() | {stage})
        self.tabs.show_stage(stage)
        self.checklist.load(view, view.info.last_point_id)
        self.tabs.show_counts(counts)
        self.cases.model.set_counts(case_id, counts)
        self.checklist.tree.setFocus()

    def _current_checklist(self) -> ChecklistId | None:
        view = self.checklist.view
        return view.info.id if view is not None and self.case is not None else None

    def _signoff_changed(self, change: StateChanged) -> None:
        if change.checklist_id == self._current_checklist():
            self.checklist.show_signoff(change.signoff)
        self._update_queues()

    def _update_queues(self) -> None:
        waiting, returned = self.signoff.counts()
        self.queue_button.setText(self.tr("Waiting for review: %1 · Returned: %2").replace("%1", str(waiting))
                                  .replace("%2", str(returned)))

    def _show_saved(self, _change: AnswerSaved) -> None:
        self.save_label.setText(self.tr("Saved at %1").replace("%1", datetime.now().strftime("%H:%M:%S")))

    def _upgrade_checklist(self) -> None:
        view = self.checklist.view
        if view is None:
            return
        report = attempt(self, self.tr("Checklist upgraded"), lambda: self.services.checklists.upgrade(view.info.id))
        if report is None:
            return
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
            self._update_who()

    def _update_who(self) -> None:
        account = self.services.session.account
        if account is not None:  # a shared database: 姓名 · 角色 · 庭室
            self.who_label.setText(" · ".join((account.name, role_text(account.role), account.department or "—")))
            return
        court = self.services.settings.get(SettingKey.COURT)
        self.who_label.setText(self.tr("Reviewer: %1 · %2").replace("%1", self.services.session.actor.name or "—")
                               .replace("%2", court or "—"))

    def show_stats(self) -> None:
        from riskdesk.ui.stats_window import show_stats_window  # loads when first opened, not at start-up

        self.stats_window = show_stats_window(self, self.stats_window)

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
            .replace("%4", self.services.db.where),
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
                self.services.checklists.remember_position(self.checklist.view.info.id,
                                                           self.checklist.current_point())
            except RiskDeskError:
                pass  # the position is a convenience; never block closing on it
        event.accept()
