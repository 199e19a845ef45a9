"""Sign-off on a single-seat file: submit, return, fix, resubmit, approve; locked after approval."""

from __future__ import annotations

import pytest

from riskdesk.domain.model import Stage, Status
from riskdesk.domain.signoff import ChecklistState, SignoffAction
from riskdesk.services import Services
from riskdesk.services.answers import ChecklistLocked, ReasonRequired
from riskdesk.services.signoff import SignoffRefused, SubmitIncomplete
from riskdesk.storage.chain import verify

CASE = "(2024)内0602民初123号"


def _answered(svc: Services) -> int:
    """A filing checklist with every point answered: LA-001 a risk with a note, the rest no risk."""
    case = svc.cases.create(CASE)
    view = svc.checklists.open(case.id, Stage.FILING)
    for it in view.items:
        svc.answers.set_status(view.info.id, it.point.id, Status.RISK if it.point.id == "LA-001" else Status.CLEAR)
    svc.answers.set_note(view.info.id, "LA-001", "送达地址未确认")
    return view.info.id


def test_submit_lists_what_is_missing(services: Services) -> None:
    case = services.cases.create(CASE)
    view = services.checklists.open(case.id, Stage.FILING)
    services.answers.set_status(view.info.id, "LA-001", Status.RISK)
    services.answers.set_status(view.info.id, "LA-002", Status.NA)
    with pytest.raises(SubmitIncomplete) as info:
        services.signoff.submit(view.info.id)
    missing = info.value.missing
    assert "LA-001 存在风险但未填写备注" in missing and "LA-002 不适用但未填写备注" in missing
    assert "LA-003 未核查" in missing and len(missing) == 100
    assert services.signoff.signoff(view.info.id).state is ChecklistState.DRAFT


def test_the_whole_walk_submit_return_fix_resubmit_approve(services: Services) -> None:
    cl = _answered(services)
    services.session.act_as("王法官")
    submitted = services.signoff.submit(cl)
    assert submitted.signoff.state is ChecklistState.SUBMITTED and submitted.signoff.submitted_by == "王法官"
    # While submitted, answers wait.
    with pytest.raises(ChecklistLocked):
        services.answers.set_status(cl, "LA-002", Status.RISK)
    # The judge cannot approve their own checklist.
    with pytest.raises(SignoffRefused, match="不能是提交人本人"):
        services.signoff.approve(cl)
    services.session.act_as("李庭长")
    with pytest.raises(Exception, match="写明意见"):
        services.signoff.return_(cl, "  ")
    returned = services.signoff.return_(cl, "LA-002 请核对送达回证")
    assert returned.signoff.state is ChecklistState.RETURNED
    assert (returned.signoff.reviewed_by, returned.signoff.comment) == ("李庭长", "LA-002 请核对送达回证")
    assert returned.signoff.decision is SignoffAction.RETURN
    # The judge fixes it and resubmits; the reviewer sees what changed since the return.
    services.session.act_as("王法官")
    services.answers.set_status(cl, "LA-002", Status.RISK)
    services.answers.set_note(cl, "LA-002", "送达回证缺失，已补送")
    changes = services.signoff.changes_since_return(cl)
    assert [(c.point_id, c.before, c.after) for c in changes] == [
        ("LA-002", "无风险", "存在风险"), ("LA-002", "存在风险", "存在风险（送达回证缺失，已补送）")]
    services.signoff.submit(cl)
    services.session.act_as("李庭长")
    approved = services.signoff.approve(cl, "同意")
    assert approved.signoff.state is ChecklistState.APPROVED and approved.signoff.reviewed_by == "李庭长"
    with services.db.reading() as conn:
        assert verify(conn).ok


def test_a_changed_approved_answer_needs_a_reason_and_reopens(services: Services) -> None:
    cl = _answered(services)
    services.session.act_as("王法官")
    services.signoff.submit(cl)
    services.session.act_as("李庭长")
    services.signoff.approve(cl)
    services.session.act_as("王法官")
    with pytest.raises(ReasonRequired, match="理由"):
        services.answers.set_status(cl, "LA-003", Status.RISK)
    assert services.signoff.signoff(cl).state is ChecklistState.APPROVED  # nothing changed
    saved = services.answers.set_status(cl, "LA-003", Status.RISK, reason="复查发现诉状副本未送达")
    assert saved.state is ChecklistState.DRAFT
    after = services.signoff.signoff(cl)
    assert after.state is ChecklistState.DRAFT and after.approved_before
    # The approval stays in the history, with the reason for the change.
    history = [(e.field, e.actor, e.reason) for e in _state_events(services, cl)]
    assert history == [("submit", "王法官", ""), ("approve", "李庭长", ""), ("reopen", "王法官", "复查发现诉状副本未送达")]
    # A new approval is needed: the next change needs no reason (it is a draft again).
    services.answers.set_note(cl, "LA-003", "已补送")


def test_withdraw_by_the_submitter_only(services: Services) -> None:
    cl = _answered(services)
    services.session.act_as("王法官")
    services.signoff.submit(cl)
    services.session.act_as("赵助理")
    with pytest.raises(SignoffRefused, match="只有提交人"):
        services.signoff.withdraw(cl)
    services.session.act_as("王法官")
    assert services.signoff.withdraw(cl).signoff.state is ChecklistState.DRAFT
    with pytest.raises(SignoffRefused, match="不能审核通过"):
        services.signoff.approve(cl)


def test_queues(services: Services) -> None:
    cl = _answered(services)
    services.session.act_as("王法官")
    services.signoff.submit(cl)
    waiting = services.signoff.waiting(ChecklistState.SUBMITTED)
    assert [(w.case_no, w.stage, w.owner) for w in waiting] == [("（2024）内0602民初123号", "filing", "王法官")]
    services.session.act_as("李庭长")
    services.signoff.return_(cl, "请补充")
    assert services.signoff.waiting(ChecklistState.SUBMITTED) == []
    assert [w.owner for w in services.signoff.waiting(ChecklistState.RETURNED)] == ["李庭长"]


def _state_events(svc: Services, cl: int) -> list:  # type: ignore[type-arg]
    from riskdesk.storage.signoff_queries import state_events

    with svc.db.reading() as conn:
        return state_events(conn, cl)  # type: ignore[arg-type]
