"""The steps of a 整改项 in the window: make one from a 存在风险 answer, then progress, evidence, changes,
extensions, level, 申请销号, 销号, 退回, 无需整改, 重新整改.

Each step is one small form; on a single seat it also asks who does it (the configured reviewer is
offered; for 销号, 退回, 延期 and 无需整改, which must be someone other than the 责任人, nothing is
offered). The services record that name and refuse what the rules do not allow; a refusal is shown
through ``attempt`` and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from riskdesk.domain.findings import Finding, default_due
from riskdesk.domain.model import Case, ChecklistId, Severity
from riskdesk.services import ChecklistItem, Services
from riskdesk.services.findings import FindingChanged
from riskdesk.ui.errors import attempt
from riskdesk.ui.finding_forms import FormDialog
from riskdesk.ui.labels import severity_text

Step = Callable[[FormDialog], FindingChanged]


class FindingActions(QObject):
    """Signals: changed(FindingChanged) after every step that was saved."""

    changed = Signal(object)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services

    # -- the machinery -------------------------------------------------------------------------------
    def _intro(self, f: Finding, text: str = "") -> str:
        head = f"{f.no}　{' '.join(f.description.split())}"
        return head + ("\n\n" + text if text else "")

    def _run(self, form: FormDialog, offer: str | None, step: Step) -> FindingChanged | None:
        """Show ``form`` (with the person field unless the database knows who is signed in), then do the step
        as that person. ``offer``: the name to prefill (None: the configured reviewer; "": nobody)."""
        session = self._services.session
        shared = session.actor.shared
        if not shared:
            form.who(session.actor.name if offer is None else offer)
        if not form.exec():
            return None
        if not shared:
            session.act_as(form.value(FormDialog.WHO))
        try:
            changed = attempt(form.parentWidget(), form.windowTitle(), lambda: step(form))
        finally:
            if not shared:
                session.act_as(None)
        if changed is not None:
            self.changed.emit(changed)
        return changed

    # -- making an item ------------------------------------------------------------------------------
    def create(self, checklist_id: ChecklistId, item: ChecklistItem, case: Case,
               parent: QWidget) -> FindingChanged | None:
        """Z on a 存在风险 point: the measure from its guidance, the 承办人 and 庭室 of the case, the deadline
        by its level; recorded against the configured reviewer, like the answer itself."""
        p = item.point
        svc = self._services
        days = attempt(parent, self.tr("New rectification item"), svc.findings.due_days)
        due = default_due(p.severity, date.today(), days)
        departments = attempt(parent, self.tr("New rectification item"), svc.cases.departments) or []
        form = FormDialog(self.tr("New rectification item"),
                          f"{case.case_no}　" + self.tr("%1 %2 (level %3). Found at risk: %4").replace("%1", p.id)
                          .replace("%2", p.title).replace("%3", severity_text(p.severity))
                          .replace("%4", item.result.note or "—"), parent)
        form.text("measure", self.tr("Measure"), "\n".join(p.guidance), multiline=True, required=True)
        form.text("owner", self.tr("Responsible person"), case.judge, required=True)
        form.choice("department", self.tr("Responsible department"), [(d, d) for d in departments],
                    case.department, editable=True)
        form.text("supervisor", self.tr("Supervising leader"))
        form.day("due", self.tr("Deadline"), due, date.today())
        if not form.exec():
            return None
        changed = attempt(parent, form.windowTitle(), lambda: svc.findings.from_answer(
            checklist_id, p.id, measure=form.value("measure"), owner=form.value("owner"),
            department=form.value("department"), supervisor=form.value("supervisor"), due=form.value("due")))
        if changed is not None:
            self.changed.emit(changed)
        return changed

    # -- working an item -----------------------------------------------------------------------------
    def progress(self, f: Finding, parent: QWidget) -> FindingChanged | None:
        form = FormDialog(self.tr("Record progress"), self._intro(f), parent)
        form.text("note", self.tr("Progress"), multiline=True, required=True)
        return self._run(form, None, lambda d: self._services.findings.progress(f.id, d.value("note")))

    def evidence(self, f: Finding, parent: QWidget) -> FindingChanged | None:
        form = FormDialog(self.tr("Add evidence"), self._intro(f, self.tr(
            "A description, a file (at most 10 MB, kept in the database with its SHA-256), or both.")), parent)
        form.text("text", self.tr("Description"), multiline=True)
        form.file("file", self.tr("File"))

        def step(d: FormDialog) -> FindingChanged:
            name = d.value("file")
            return self._services.findings.add_evidence(f.id, d.value("text"), Path(name) if name else None)
        return self._run(form, None, step)

    def edit(self, f: Finding, parent: QWidget) -> FindingChanged | None:
        departments = attempt(parent, self.tr("Change measure or people"), self._services.cases.departments) or []
        form = FormDialog(self.tr("Change measure or people"), self._intro(f), parent)
        form.text("measure", self.tr("Measure"), f.measure, multiline=True)
        form.text("owner", self.tr("Responsible person"), f.owner, required=True)
        form.choice("department", self.tr("Responsible department"), [(d, d) for d in departments], f.department,
                    editable=True)
        form.text("supervisor", self.tr("Supervising leader"), f.supervisor)
        return self._run(form, None, lambda d: self._services.findings.update(
            f.id, measure=d.value("measure"), owner=d.value("owner"), department=d.value("department"),
            supervisor=d.value("supervisor")))

    def extend(self, f: Finding, parent: QWidget) -> FindingChanged | None:
        note = (self.tr("Deadline now: %1 (first set: %2).").replace("%2", f.due.isoformat()) if f.extensions
                else self.tr("Deadline now: %1.")).replace("%1", f.current_due.isoformat()) + self.tr(
            " The original deadline stays on record; the extension is approved by someone other than the responsible "
            "person (%1).").replace("%1", f.owner)
        form = FormDialog(self.tr("Extend the deadline"), self._intro(f, note), parent)
        later = max(f.current_due, date.today()) + timedelta(days=15)
        form.day("due", self.tr("New deadline"), later, f.current_due + timedelta(days=1))
        form.text("reason", self.tr("Reason"), multiline=True, required=True)
        return self._run(form, "", lambda d: self._services.findings.extend(f.id, d.value("due"), d.value("reason")))

    def severity(self, f: Finding, parent: QWidget) -> FindingChanged | None:
        form = FormDialog(self.tr("Change the level"), self._intro(f), parent)
        form.choice("level", self.tr("Level"), [(severity_text(s), s.value) for s in Severity], f.severity.value)
        form.text("reason", self.tr("Reason"), multiline=True, required=True)
        return self._run(form, None, lambda d: self._services.findings.change_severity(
            f.id, Severity(d.value("level")), d.value("reason")))

    def apply(self, f: Finding, parent: QWidget) -> FindingChanged | None:
        form = FormDialog(self.tr("Apply for closing"), self._intro(f, self.tr(
            "Only the responsible person (%1) applies, with evidence of what was done.").replace("%1", f.owner)),
            parent)
        form.text("evidence", self.tr("Evidence"), multiline=True, required=True)
        form.text("result", self.tr("Result of the rectification"), f.result, multiline=True)
        return self._run(form, None, lambda d: self._services.findings.apply(
            f.id, d.value("evidence"), d.value("result")))

    def close(self, f: Finding, parent: QWidget) -> FindingChanged | None:
        form = FormDialog(self.tr("Close the item"), self._intro(f, self.tr(
            "Closed by someone who is neither the responsible person (%1) nor the applicant (%2).")
            .replace("%1", f.owner).replace("%2", f.applicant or "—")), parent)
        form.text("comment", self.tr("Comment"), multiline=True)
        return self._run(form, "", lambda d: self._services.findings.close(f.id, d.value("comment")))

    def return_(self, f: Finding, parent: QWidget) -> FindingChanged | None:
        form = FormDialog(self.tr("Return the application"), self._intro(f), parent)
        form.text("comment", self.tr("What is missing"), multiline=True, required=True)
        return self._run(form, "", lambda d: self._services.findings.return_(f.id, d.value("comment")))

    def dismiss(self, f: Finding, parent: QWidget) -> FindingChanged | None:
        form = FormDialog(self.tr("No rectification needed"), self._intro(f, self.tr(
            "Decided on review by someone other than the responsible person (%1).").replace("%1", f.owner)), parent)
        form.text("reason", self.tr("Reason"), multiline=True, required=True)
        return self._run(form, "", lambda d: self._services.findings.dismiss(f.id, d.value("reason")))

    def reopen(self, f: Finding, parent: QWidget) -> FindingChanged | None:
        form = FormDialog(self.tr("Rectify again"), self._intro(f), parent)
        form.text("reason", self.tr("Reason"), multiline=True, required=True)
        return self._run(form, None, lambda d: self._services.findings.reopen(f.id, d.value("reason")))
