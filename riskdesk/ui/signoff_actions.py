"""核查 menu: submit, withdraw, approve and return the open checklist; the 待审核 and 被退回 queues.

On a single-seat file each action asks who does it (the configured reviewer is offered; the
approver must be someone else than the submitter): the services record that name and refuse
what the rules do not allow. Loaded when the window is built, but its dialogs only when used.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from riskdesk.domain.model import ChecklistId
from riskdesk.domain.signoff import ChecklistState
from riskdesk.services import Action, Services
from riskdesk.services.signoff import StateChanged
from riskdesk.ui.errors import attempt


class SignoffActions(QObject):
    """Signals: state_changed(StateChanged) after any sign-off action; open_checklist(case_id, stage value)
    when the user picks a checklist from a queue."""

    state_changed = Signal(object)
    open_checklist = Signal(int, str)

    def __init__(self, services: Services, current: Callable[[], ChecklistId | None], parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._current = current
        self._parent = parent
        self.submit = self._make(self.tr("&Submit for review…"), "Ctrl+Shift+S", self._submit)
        self.withdraw = self._make(self.tr("&Withdraw submission…"), None, self._withdraw)
        self.approve = self._make(self.tr("&Approve…"), "Ctrl+Shift+A", self._approve)
        self.send_back = self._make(self.tr("&Return with a comment…"), "Ctrl+Shift+R", self._return)
        self.pending = self._make(self.tr("Checklists waiting for review…"), "Ctrl+Shift+W",
                                  lambda: self.show_queue(ChecklistState.SUBMITTED))
        self.returned = self._make(self.tr("Returned checklists…"), "Ctrl+Shift+B",
                                   lambda: self.show_queue(ChecklistState.RETURNED))

    def actions(self) -> list[QAction | None]:
        return [self.submit, self.withdraw, None, self.approve, self.send_back, None, self.pending, self.returned]

    def _make(self, text: str, shortcut: str | None, slot: Callable[[], None]) -> QAction:
        act = QAction(text, self._parent)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        self._parent.addAction(act)
        return act

    # -- who acts ------------------------------------------------------------------------------------
    def _person(self, title: str, offer: str) -> str | None:
        """The name the action is recorded against (a shared database knows it from the account)."""
        session = self._services.session
        if session.actor.shared:
            return session.actor.name
        name, ok = QInputDialog.getText(self._parent, title, self.tr("Your name (recorded with this step):"),
                                        QLineEdit.EchoMode.Normal, offer)
        return name.strip() if ok and name.strip() else None

    def _as(self, name: str, action: Callable[[], StateChanged]) -> None:
        session = self._services.session
        shared = session.actor.shared
        if not shared:
            session.act_as(name)
        try:
            changed = attempt(self._parent, self.tr("Sign-off"), action)
        finally:
            if not shared:
                session.act_as(None)
        if changed is not None:
            self.state_changed.emit(changed)

    # -- the actions ---------------------------------------------------------------------------------
    def _checklist(self) -> ChecklistId | None:
        checklist = self._current()
        if checklist is None:
            QMessageBox.information(self._parent, self.tr("Sign-off"), self.tr("Open a case's checklist first."))
        return checklist

    def _submit(self) -> None:
        checklist = self._checklist()
        if checklist is None:
            return
        name = self._person(self.tr("Submit for review"), self._services.session.actor.name)
        if name:
            self._as(name, lambda: self._services.signoff.submit(checklist))

    def _withdraw(self) -> None:
        checklist = self._checklist()
        if checklist is None:
            return
        name = self._person(self.tr("Withdraw submission"), self._services.session.actor.name)
        if name:
            self._as(name, lambda: self._services.signoff.withdraw(checklist))

    def _decide(self, approve: bool) -> None:
        checklist = self._checklist()
        if checklist is None:
            return
        changes = attempt(self._parent, self.tr("Sign-off"),
                          lambda: self._services.signoff.changes_since_return(checklist)) or []
        intro = ""
        if changes:
            intro = self.tr("Changed since it was returned:") + "\n" + "\n".join(
                f"  {c.point_id}  {c.before} → {c.after}（{c.by}）" for c in changes[:30]) + "\n\n"
        title = self.tr("Approve") if approve else self.tr("Return with a comment")
        prompt = intro + (self.tr("Comment (optional):") if approve else self.tr("What must be changed:"))
        comment, ok = QInputDialog.getMultiLineText(self._parent, title, prompt)
        if not ok or (not approve and not comment.strip()):
            return
        name = self._person(title, "")  # the reviewer is someone else than the configured judge
        if not name:
            return
        signoff = self._services.signoff
        self._as(name, (lambda: signoff.approve(checklist, comment)) if approve
                 else (lambda: signoff.return_(checklist, comment)))

    def _approve(self) -> None:
        self._decide(True)

    def _return(self) -> None:
        self._decide(False)

    # -- queues --------------------------------------------------------------------------------------
    def counts(self) -> tuple[int, int]:
        """(waiting for review, returned): the status bar shows them (none for a role that reads no cases)."""
        if not self._services.policy.allows(Action.READ_CASES):
            return 0, 0
        signoff = self._services.signoff
        found = attempt(self._parent, self.tr("Sign-off"), lambda: (signoff.count(ChecklistState.SUBMITTED),
                                                                    signoff.count(ChecklistState.RETURNED)))
        return found or (0, 0)

    def show_queue(self, state: ChecklistState) -> None:
        from riskdesk.ui.queue_dialog import QueueDialog

        rows = attempt(self._parent, self.tr("Sign-off"), lambda: self._services.signoff.waiting(state))
        if rows is None:
            return
        dlg = QueueDialog(state, rows, self._parent)
        if dlg.exec() and dlg.chosen is not None:
            self.open_checklist.emit(int(dlg.chosen.case_id), dlg.chosen.stage)
