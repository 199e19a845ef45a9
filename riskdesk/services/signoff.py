"""Use cases of sign-off: submit a stage checklist, withdraw it, approve or return it; the queues.

Every state change is an event of the audit chain (who, role, when, from → to, comment). On a
single-seat file the people are named (``--by`` or the configured reviewer) and the approver must be
someone else than the submitter; on a shared database the accounts and roles decide (permissions).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from riskdesk.domain.events import Event, EventKind, NewEvent
from riskdesk.domain.model import CaseId, ChecklistId, Stage, Status
from riskdesk.domain.people import Actor
from riskdesk.domain.signoff import TRANSITIONS, ChecklistState, SignOff, SignoffAction
from riskdesk.services.checklists import ChecklistService, ChecklistView
from riskdesk.services.errors import InvalidInput, NotFound, ServiceError
from riskdesk.services.permissions import Action, CaseAction, Policy
from riskdesk.services.session import Session
from riskdesk.services.tallies import state_changed
from riskdesk.storage import signoff_queries as q
from riskdesk.storage.chain import flush
from riskdesk.storage.checklist_queries import StoredChecklist, checklist_by_id
from riskdesk.storage.db import Database
from riskdesk.storage.events import append_event
from riskdesk.storage.signoff_queries import Waiting as Waiting  # re-exported: the queues' rows

MAX_COMMENT = 2000


class SignoffRefused(ServiceError):
    """The state change is not allowed now (wrong state, the same person approving their own …)."""


class SubmitIncomplete(InvalidInput):
    """Submitting needs every applicable point answered and a note on every risk and not-applicable answer."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        shown = "；".join(missing[:20]) + (f"；等共 {len(missing)} 项" if len(missing) > 20 else "")
        super().__init__(f"清单还不能提交：{shown}")


@dataclass(frozen=True)
class StateChanged:
    """A checklist moved to another state: what the window shows in its banner and queues."""

    checklist_id: ChecklistId
    case_id: CaseId
    stage: Stage
    signoff: SignOff


@dataclass(frozen=True)
class ChangeLine:
    """One answer changed since the checklist was returned (what the reviewer looks at again)."""

    point_id: str
    before: str
    after: str
    by: str
    at: datetime


def signoff_of(state: str, events: list[Event]) -> SignOff:
    """The last submission and the decision on it, from a checklist's state events."""
    sub_by, sub_at, rev_by, rev_at, decision, comment, approved = "", None, "", None, None, "", False
    for e in events:
        action = SignoffAction(e.field)
        if action is SignoffAction.SUBMIT:
            sub_by, sub_at, rev_by, rev_at, decision, comment = e.actor, e.at, "", None, None, ""
        elif action is SignoffAction.WITHDRAW:
            sub_by, sub_at = "", None
        elif action in (SignoffAction.APPROVE, SignoffAction.RETURN):
            rev_by, rev_at, decision, comment = e.actor, e.at, action, e.reason
        elif action is SignoffAction.REOPEN:
            approved = True
    return SignOff(ChecklistState(state), sub_by, sub_at, rev_by, rev_at, decision, comment, approved)


def _same_person(a: Actor, event: Event) -> bool:
    return (a.login == event.actor_login) if (a.login or event.actor_login) else a.name == event.actor


class SignoffService:
    def __init__(self, db: Database, session: Session, checklists: ChecklistService, policy: Policy) -> None:
        self._db = db
        self._session = session
        self._checklists = checklists
        self._policy = policy

    # -- reading -------------------------------------------------------------------------------------
    def signoff(self, checklist_id: ChecklistId) -> SignOff:
        self._policy.check_case(CaseAction.READ, checklist_id=checklist_id)
        with self._db.reading() as conn:
            cl = self._checklist(conn, checklist_id)
            return signoff_of(cl.state, q.state_events(conn, checklist_id))

    @staticmethod
    def missing_for_submit(view: ChecklistView) -> list[str]:
        """What stands between a checklist and its submission, point by point (empty: it may be submitted)."""
        missing = []
        for it in view.items:
            r = it.result
            if r.status is Status.UNREVIEWED:
                missing.append(f"{it.point.id} 未核查")
            elif r.status in (Status.RISK, Status.NA) and not r.note.strip():
                missing.append(f"{it.point.id} {r.status.label_zh}但未填写备注")
        return missing

    def changes_since_return(self, checklist_id: ChecklistId) -> list[ChangeLine]:
        """Answers changed since the checklist was last returned (shown to the reviewer on resubmission)."""
        self._policy.check_case(CaseAction.HISTORY, checklist_id=checklist_id)
        with self._db.reading() as conn:
            events = q.state_events(conn, checklist_id)
            returned = [e for e in events if e.field == SignoffAction.RETURN.value]
            if not returned:
                return []
            out = []
            for pid, v in q.versions_since(conn, checklist_id, returned[-1].seq):
                before = q.previous_version(conn, checklist_id, v.point_ref, v.rev)
                was = f"{before.status.label_zh}（{before.note}）" if before and before.note else (
                    before.status.label_zh if before else Status.UNREVIEWED.label_zh)
                now = f"{v.status.label_zh}（{v.note}）" if v.note else v.status.label_zh
                out.append(ChangeLine(pid, was, now, v.actor, v.at))
            return out

    def count(self, state: ChecklistState) -> int:
        """How many checklists are in a state (the status bar's queue counts), of the cases the account may read."""
        scope = self._policy.read_scope()
        with self._db.reading() as conn:
            if scope.everything:
                return q.count_in_state(conn, state.value)
            return len(self._policy.readable(conn, [CaseId(row[1]) for row in q.in_state(conn, state.value)]))

    def waiting(self, state: ChecklistState) -> list[Waiting]:
        """Checklists in a state: 待审核 (submitted) or 被退回 (returned), with who put them there (of the cases
        the account may read)."""
        self._policy.require(Action.READ_CASES)
        with self._db.reading() as conn:
            out = []
            rows = q.in_state(conn, state.value)
            readable = self._policy.readable(conn, [CaseId(row[1]) for row in rows])
            for cl_id, case_id, case_no, stage, judge, dept in (row for row in rows if row[1] in readable):
                events = q.state_events(conn, cl_id)
                last = events[-1] if events else None
                out.append(Waiting(cl_id, case_id, case_no, stage, judge, dept,
                                     last.actor if last else "", last.at if last else None))
            return out

    # -- changing ------------------------------------------------------------------------------------
    def submit(self, checklist_id: ChecklistId, comment: str = "") -> StateChanged:
        self._policy.check_case(CaseAction.SUBMIT, checklist_id=checklist_id)
        view = self._checklists.view_by_id(checklist_id)
        missing = self.missing_for_submit(view)
        if missing:
            raise SubmitIncomplete(missing)
        return self._move(checklist_id, SignoffAction.SUBMIT, comment)

    def withdraw(self, checklist_id: ChecklistId) -> StateChanged:
        self._policy.check_case(CaseAction.SUBMIT, checklist_id=checklist_id)
        return self._move(checklist_id, SignoffAction.WITHDRAW, "")

    def approve(self, checklist_id: ChecklistId, comment: str = "") -> StateChanged:
        self._policy.check_case(CaseAction.REVIEW, checklist_id=checklist_id)
        return self._move(checklist_id, SignoffAction.APPROVE, comment)

    def return_(self, checklist_id: ChecklistId, comment: str) -> StateChanged:
        self._policy.check_case(CaseAction.REVIEW, checklist_id=checklist_id)
        if not comment.strip():
            raise InvalidInput("退回清单需要写明意见（--comment），说明要修改什么")
        return self._move(checklist_id, SignoffAction.RETURN, comment)

    def _move(self, checklist_id: ChecklistId, action: SignoffAction, comment: str) -> StateChanged:
        actor = self._session.actor
        if not actor.name.strip():
            raise InvalidInput("需要写明由谁操作：请先在设置中填写承办人，或用 --by 指定姓名")
        text = comment.strip()
        if len(text) > MAX_COMMENT:
            raise InvalidInput(f"意见过长（{len(text)} 个字符），最多 {MAX_COMMENT} 个字符")
        with self._db.writing() as conn:
            cl = self._checklist(conn, checklist_id, lock=True)  # its answers wait until the state has moved
            state = ChecklistState(cl.state)
            target = TRANSITIONS.get((state, action))
            if target is None:
                raise SignoffRefused(f"清单当前为“{state.label_zh}”，不能{action.label_zh}")
            events = q.state_events(conn, checklist_id)
            self._check_person(actor, action, events)
            self._record(conn, cl, action, state, target, text)
            flush(conn)  # the state change's event, read back just below
            signoff = signoff_of(target.value, q.state_events(conn, checklist_id))
        return StateChanged(checklist_id, cl.case_id, Stage(cl.stage), signoff)

    @staticmethod
    def _check_person(actor: Actor, action: SignoffAction, events: list[Event]) -> None:
        submits = [e for e in events if e.field == SignoffAction.SUBMIT.value]
        submitter = submits[-1] if submits else None
        if action is SignoffAction.WITHDRAW and submitter is not None and not _same_person(actor, submitter):
            raise SignoffRefused(f"只有提交人（{submitter.actor}）可以撤回")
        if action in (SignoffAction.APPROVE, SignoffAction.RETURN) and submitter is not None \
                and _same_person(actor, submitter):
            raise SignoffRefused(f"审核人不能是提交人本人（{submitter.actor}）；请由另一人审核")

    def reopen(self, conn: Connection, cl: StoredChecklist, reason: str) -> NewEvent:
        """An approved answer was changed (with a reason): back to draft; the approval stays in the history.

        Returns the event for the caller to append after its answer version (the chain comes last)."""
        return self._apply(conn, cl, SignoffAction.REOPEN, ChecklistState.APPROVED, ChecklistState.DRAFT, reason)

    def _record(self, conn: Connection, cl: StoredChecklist, action: SignoffAction, old: ChecklistState,
                new: ChecklistState, text: str) -> None:
        append_event(conn, self._apply(conn, cl, action, old, new, text), datetime.now())

    def _apply(self, conn: Connection, cl: StoredChecklist, action: SignoffAction, old: ChecklistState,
               new: ChecklistState, text: str) -> NewEvent:
        q.set_state(conn, cl.id, new.value)
        state_changed(conn, cl.id, old.value, new.value)
        return NewEvent(EventKind.CHECKLIST_STATE, self._session.actor, case_id=cl.case_id, checklist_id=cl.id,
                        field=action.value, old=old.value, new=new.value, reason=text)

    @staticmethod
    def _checklist(conn: Connection, checklist_id: ChecklistId, *, lock: bool = False) -> StoredChecklist:
        cl = checklist_by_id(conn, checklist_id, lock=lock)
        if cl is None:
            raise NotFound(f"清单 {checklist_id} 不存在")
        return cl
