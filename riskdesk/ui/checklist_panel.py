"""One stage of one case: the filter bar, banners, the checklist tree and the point's details.

The panel connects them and turns the reviewer's keys into saves through the AnswerWriter; every
saved answer leaves as ``answer_saved(AnswerSaved)`` for the rest of the window to show.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from riskdesk.domain.findings import Finding
from riskdesk.domain.model import AnswerSaved, ChecklistId, Status
from riskdesk.domain.signoff import ChecklistState, SignOff
from riskdesk.services import ChecklistItem, ChecklistView, Services
from riskdesk.services.errors import ServiceError
from riskdesk.ui.answer_writer import AnswerWriter
from riskdesk.ui.banners import ChecklistBanners
from riskdesk.ui.checklist_tree import ChecklistTree
from riskdesk.ui.detail_pane import DetailPane
from riskdesk.ui.errors import attempt
from riskdesk.ui.filter_bar import FilterBar
from riskdesk.ui.labels import status_text


class ChecklistPanel(QWidget):
    """Signals: answer_saved(AnswerSaved) after every saved answer; back_to_list() when the reviewer
    presses Esc in the checklist; upgrade_requested() from the newer-catalog banner; finding_requested(point id)
    when Z asks for a point's 整改项 (to make, or to open the one it has); counts_changed(counts) when the
    checklist was shown again with changes made elsewhere."""

    answer_saved = Signal(object)
    back_to_list = Signal()
    upgrade_requested = Signal()
    finding_requested = Signal(str)
    counts_changed = Signal(object)  # dict[Stage, StageCounts] of the case, after a reload

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._view: ChecklistView | None = None
        self._signoff = SignOff(ChecklistState.DRAFT)
        self._keep_typed = False  # while reloading after a refused save: the typed note stays unsaved
        self._read_only = ""  # why answers cannot be given here (the services' refusal), "" when they can
        self._findings: dict[str, list[Finding]] | None = None  # this checklist's 整改项 by point, read when needed
        self._watching_window = False
        self._mark: tuple[int, str, str] | None = None  # the checklist as it stood when the window was left
        self._offer = ""  # the point just found at risk: Z makes its 整改项 even after the cursor moved on
        self.filters = FilterBar()
        self.banners = ChecklistBanners()
        self.tree = ChecklistTree()
        self.detail = DetailPane()
        self.writer = AnswerWriter(services, self)

        self.split = split = QSplitter(Qt.Orientation.Horizontal)
        self._split_sized = False
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 11)
        split.setStretchFactor(1, 9)
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.filters)
        lay.addWidget(self.banners)
        lay.addWidget(split, 1)

        self.filters.changed.connect(self.tree.set_filter)
        self.banners.upgrade_requested.connect(self.upgrade_requested)
        self.tree.current_changed.connect(self._show_point)
        self.tree.status_key.connect(self.apply_status)
        self.tree.next_unreviewed.connect(self.tree.go_next_unreviewed)
        self.tree.edit_note.connect(self.focus_note)
        self.tree.show_history.connect(self.show_history)
        self.tree.make_finding.connect(self._finding_key)
        self.tree.back_to_list.connect(self.back_to_list)
        self.detail.status_chosen.connect(self.apply_status)
        self.detail.note_changed.connect(self._save_note)
        self.detail.leave_note.connect(self.tree.setFocus)
        self.writer.saved.connect(self._saved)
        self.writer.failed.connect(self.banners.show_error)
        self.writer.stale.connect(self._reload_keeping_position)
        self.writer.note_failed.connect(self.detail.note_failed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._watching_window:  # leaving and coming back to the window: see window_activation
            self._watching_window = True
            self.window().installEventFilter(self)
        if not self._split_sized:
            # Only now is the real width known: give the checklist a little more than the details.
            self._split_sized = True
            width = max(self.split.width(), 600)
            self.split.setSizes([int(width * 0.56), width - int(width * 0.56)])

    # -- loading -----------------------------------------------------------------------------------
    def load(self, view: ChecklistView, point_id: str = "", *, keep_typed: bool = False) -> None:
        """Show ``view`` with the cursor on ``point_id`` (where the reviewer left off).

        A note typed but not saved is saved first, unless ``keep_typed``: after a save was refused
        because the answer changed elsewhere, saving it again would be refused again.
        """
        if not keep_typed:
            self.flush()
        if self._view is None or view.info.id != self._view.info.id:
            self._offer = ""
            self.banners.show_offer("")
        self._view = view
        self._findings = None
        self._keep_typed = keep_typed
        try:
            rebuilt = self.tree.show_view(view, point_id)
        finally:
            self._keep_typed = False
        if rebuilt:
            self.filters.set_nodes(self.tree.checklist_model.nodes())
        self.filters.set_settled_count(view.counts.settled)
        self.banners.show_upgrade(len(view.changed_points) if view.upgrade_available else None)
        self.banners.clear_error()
        self.banners.show_counts(view.counts)
        signoff = attempt(self, self.tr("Sign-off"), lambda: self._services.signoff.signoff(view.info.id))
        self.show_signoff(signoff or SignOff(ChecklistState.DRAFT))

    def show_signoff(self, signoff: SignOff) -> None:
        self._signoff = signoff
        self.banners.show_signoff(signoff)

    @property
    def view(self) -> ChecklistView | None:
        return self._view

    def current_point(self) -> str:
        return self.tree.current_point()

    def clear_filters(self) -> None:
        self.filters.clear()

    def go_next_unreviewed(self) -> None:
        self.tree.go_next_unreviewed()

    def _show_point(self, item: ChecklistItem | None) -> None:
        if not self._keep_typed:
            self.detail.flush_note()
        self.detail.show_item(item, self.tree.checklist_model.previous(item.point.id) if item else None)
        # Items come only from 存在风险 answers: other points read nothing unless the items are already loaded.
        wanted = item is not None and (item.result.status is Status.RISK or self._findings is not None)
        self.detail.show_findings(self.findings_of(item.point.id) if item is not None and wanted else [])

    def focus_note(self) -> None:
        if self.tree.current_point():
            self.detail.note.setFocus()
            self.detail.note.moveCursor(self.detail.note.textCursor().MoveOperation.End)

    def show_history(self) -> None:
        """Every change of the current point's answer: who, when, from what to what, and why."""
        item = self.tree.current_item()
        if item is None or self._view is None:
            return
        from riskdesk.ui.history_dialog import HistoryDialog

        cl = self._view.info.id
        entries = attempt(self, self.tr("History"), lambda: self._services.answers.history(cl, item.point.id))
        if entries is not None:
            HistoryDialog(item.point.id, item.point.title, entries, self).exec()

    # -- 整改项 -------------------------------------------------------------------------------------
    def findings_of(self, point_id: str) -> list[Finding]:
        """The items made from this checklist's point (all of the checklist's are read at the first need)."""
        view = self._view
        if view is None:
            return []
        if self._findings is None:
            from riskdesk.services.findings import FindingFilter

            found = attempt(self, self.tr("Rectification ledger"), lambda: self._services.findings.list(
                FindingFilter(case_id=int(view.info.case_id), stage=view.info.stage.value)))
            self._findings = {}
            for f in found or []:
                self._findings.setdefault(f.point_id, []).append(f)
        return self._findings.get(point_id, [])

    def open_finding_for(self, point_id: str) -> Finding | None:
        return next((f for f in self.findings_of(point_id) if not f.state.settled), None)

    def item(self, point_id: str) -> ChecklistItem | None:
        model = self.tree.checklist_model
        return model.checklist_item(model.index_of_point(point_id))

    def refresh_findings(self) -> None:
        """After an item changed: read them again and show the current point's."""
        self._findings = None
        self._show_point(self.tree.current_item())

    def _finding_key(self) -> None:
        """Z: the current point's item if it is at risk or has one, else the point just found at risk."""
        item = self.tree.current_item()
        if item is not None and (item.result.status is Status.RISK or self.open_finding_for(item.point.id)):
            target = item.point.id
        elif self._offer:
            target = self._offer
        else:
            if item is not None:
                self.banners.show_offer(self.tr("%1 is not “%2”: a rectification item is made only for a risk found.")
                                        .replace("%1", item.point.id).replace("%2", status_text(Status.RISK)))
            return
        self._offer = ""
        self.banners.show_offer("")
        self.finding_requested.emit(target)

    def _offer_finding(self, point_id: str, status: Status) -> None:
        """After a saved answer: a risk without an open item is offered (Z), anything else takes the offer back."""
        if status is Status.RISK and self.open_finding_for(point_id) is None:
            self._offer = point_id
            self.banners.show_offer(self.tr("%1 is at risk: press Z to make a rectification item.").replace(
                "%1", point_id))
        elif self._offer:
            self._offer = ""
            self.banners.show_offer("")

    # -- saving ------------------------------------------------------------------------------------
    def set_read_only(self, reason: str) -> None:
        """``reason`` (the services' refusal) when this case may only be read: the keys then only say so."""
        self._read_only = reason
        self.detail.set_read_only(bool(reason))

    @property
    def read_only(self) -> str:
        return self._read_only

    def _reason(self, point_id: str) -> str | None:
        """An approved checklist changes only with a reason; None when the reviewer gives none."""
        if self._signoff.state is not ChecklistState.APPROVED:
            return ""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Change an approved answer"),
            self.tr("This checklist was approved. Why does %1 change? The checklist goes back to draft and "
                    "needs a new approval.").replace("%1", point_id))
        return text.strip() if ok and text.strip() else None

    def apply_status(self, status: Status) -> None:
        if self._view is None or self.tree.current_item() is None:
            return
        if self._read_only:
            self.banners.show_error(self._read_only)
            return
        self.detail.flush_note()  # a note typed on this point is saved first (its revision moves on)
        item = self.tree.current_item()
        assert item is not None
        reason = self._reason(item.point.id)
        if reason is None:
            self.detail.set_status(item.result.status)
            return
        what = self.tr("%1 → %2 was NOT saved").replace("%1", item.point.id).replace("%2", status_text(status))
        change = self.writer.save_status(self._view.info.id, item.point.id, status, item.result.revision, what,
                                         reason)
        if change is None:
            self.detail.set_status(item.result.status)
            return
        self._offer_finding(item.point.id, status)
        if self.tree.current_point() == item.point.id:
            self.tree.go_next()

    def _save_note(self, text: str) -> None:
        item = self.tree.current_item()
        if item is None or self._view is None:
            return
        reason = self._reason(item.point.id)
        if reason is None:
            self.detail.keep_unsaved_note(text)
            return
        what = self.tr("The note of %1 was NOT saved").replace("%1", item.point.id)
        if self.writer.save_note(self._view.info.id, item.point.id, text, item.result.revision, what,
                                 self._retry_note, reason) is not None:
            self.detail.note_saved(text, datetime.now().strftime("%H:%M:%S"))

    def _retry_note(self) -> None:
        if self.detail.note_pending:
            self.detail.flush_note()
        else:
            self.writer.stop_retrying()

    def _saved(self, change: AnswerSaved) -> None:
        self.tree.checklist_model.update_result(change.result)
        current = self.tree.current_item()
        if current is not None and current.point.id == change.result.point_id:
            self.detail.set_status(change.result.status)
        self.banners.clear_error()
        self.banners.show_counts(change.counts)
        if change.state is not self._signoff.state:  # an approved checklist changed: a draft again
            signoff = attempt(self, self.tr("Sign-off"), lambda: self._services.signoff.signoff(self.view_id()))
            if signoff is not None:
                self.show_signoff(signoff)
        self.answer_saved.emit(change)

    def view_id(self) -> ChecklistId:
        assert self._view is not None
        return self._view.info.id

    def _reload_keeping_position(self) -> None:
        if self._view is None:
            return
        info = self._view.info
        view = attempt(self, self.tr("Cannot open the checklist"),
                       lambda: self._services.checklists.open(info.case_id, info.stage))
        if view is None:
            return
        text = self.detail.note.toPlainText()
        error = self.banners.error_bar.text()
        self.load(view, self.tree.current_point(), keep_typed=True)
        self.banners.show_error(error)  # the reload must not hide why it happened
        if text != self.detail.note.toPlainText():
            # Keep what the reviewer typed on screen, unsaved: it is theirs until they decide.
            self.detail.keep_unsaved_note(text)

    # -- changes made elsewhere ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window() and event.type() is QEvent.Type.ActivationChange:
            self.window_activation(self.window().isActiveWindow())
        return super().eventFilter(watched, event)

    def window_activation(self, active: bool) -> None:
        """Leaving the window notes where the checklist stands; coming back shows it as it is now if
        it moved meanwhile, with the stage tabs' counts."""
        if not active:
            self._mark = self._read_mark()
        elif self.reload_if_changed() and self._view is not None:
            self.banners.show_offer(self.tr("Shown again with changes made elsewhere."))
            case_id = self._view.info.case_id
            counts = attempt(self, self.tr("Cannot open the checklist"), lambda: self._services.cases.counts(case_id))
            if counts is not None:
                self.counts_changed.emit(counts)

    def reload_if_changed(self) -> bool:
        """Back in the window: if the checklist changed meanwhile (another seat, another window, the
        command line), save what was typed here and show the checklist as it is now."""
        before, self._mark = self._mark, None
        if before is None or self._view is None:
            return False
        now = self._read_mark()
        if now is None or now == before:
            return False
        self.flush()  # a note typed here goes in first, or is refused as stale and kept on screen
        self._reload_keeping_position()
        return True

    def _read_mark(self) -> tuple[int, str, str] | None:
        if self._view is None:
            return None
        try:
            return self._services.checklists.change_mark(self._view.info.id)
        except ServiceError:  # looked at again on the next return; a message on every focus change would nag
            return None

    def flush(self) -> None:
        """Save anything typed but not yet saved (switching case or stage, closing the window)."""
        self.detail.flush_note()
