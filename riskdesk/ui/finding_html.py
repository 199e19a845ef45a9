"""An item's details as a page: the problem, the measure and the people, the deadline and its history, the
source (case, stage, point, the answer's note as it was), and how it ended. Also the texts of its notes and
events for the dialog's tables."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication

from riskdesk.domain.catalog import RiskPoint
from riskdesk.domain.events import Event
from riskdesk.domain.findings import Finding, FindingAction, FindingState
from riskdesk.ui.labels import (
    FINDING_STATE_COLOURS,
    OVERDUE_COLOUR,
    SEVERITY_COLOURS,
    finding_action_text,
    finding_state_text,
    overdue_text,
    severity_text,
    stage_text,
)
from riskdesk.ui.models.finding_table_model import stage_of

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
_ACTIONS = {a.value: a for a in FindingAction}
_STATES = {s.value: s for s in FindingState}
# Fields an event names instead of its action (storage writes the label of what changed).
_FIELD_ACTIONS = {"整改时限": FindingAction.EXTEND, "风险等级": FindingAction.SEVERITY}


def _row(label: str, value: str) -> str:
    return (f"<tr><td style='color:#616161;padding:3px 12px 3px 0;white-space:nowrap' valign='top'>"
            f"{escape(label)}</td><td style='padding:3px 0'>{value}</td></tr>")


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>") if value else "—"


def heading_html(f: Finding, point: RiskPoint | None, today: date) -> str:
    state = finding_state_text(f.state)
    colour = FINDING_STATE_COLOURS[f.state]
    late = ""
    if f.overdue(today):
        late = (f"　<span style='background:#fdecea;color:{OVERDUE_COLOUR};font-weight:700'>"
                f"&nbsp;{escape(overdue_text(-f.days_left(today)))}&nbsp;</span>")
    label = translate("FindingDetails", "Systemic problem")
    systemic = f"　<span style='color:#6a1b9a'>{escape(label)}</span>" if f.systemic else ""
    where = "　".join(x for x in (f.case_no, f"{f.point_id} {point.title}" if point else f.point_id) if x)
    return (f"<span style='font-size:15pt;font-weight:600'>{escape(f.no)}</span>　"
            f"<span style='font-size:12pt;color:{colour};font-weight:600'>{escape(state)}</span>{late}{systemic}"
            f"<br><span style='color:#616161'>{escape(where)}</span>")


def _deadline(f: Finding, today: date) -> str:
    current = escape(f.current_due.isoformat())
    if f.overdue(today):
        current = f"<b style='color:{OVERDUE_COLOUR}'>{current}　{escape(overdue_text(-f.days_left(today)))}</b>"
    elif not f.state.settled and f.state is not FindingState.PENDING_CLOSE:
        current = f"<b>{current}</b>　" + escape(translate("FindingDetails", "%1 day(s) left").replace("%1", str(f.days_left(today))))
    lines = [current]
    if f.extensions:
        lines.append(escape(translate("FindingDetails", "Originally: %1").replace("%1", f.due.isoformat())))
        for n, x in enumerate(f.extensions, start=1):
            lines.append(escape(translate("FindingDetails", "Extension %1: to %2, approved by %3 on %4. Reason: %5").replace("%1", str(n))
                                .replace("%2", x.new_due.isoformat()).replace("%3", x.approver)
                                .replace("%4", x.at.strftime("%Y-%m-%d %H:%M")).replace("%5", x.reason)))
    return "<br>".join(lines)


def _source(f: Finding, point: RiskPoint | None, linked: list[str]) -> str:
    point_text = f"{f.point_id} {point.title}" if point else f.point_id
    if f.case_no:
        stage = stage_of(f)
        parts = [escape(f.case_no), escape(stage_text(stage)) if stage else "", escape(point_text)]
        return "　".join(p for p in parts if p)
    if f.systemic:
        cases = "、".join(linked) or "—"
        return escape(translate("FindingDetails", "Systemic problem at %1 in the cases: %2").replace("%1", point_text).replace("%2", cases))
    return escape(translate("FindingDetails", "Entered by hand"))


def details_html(f: Finding, point: RiskPoint | None, linked: list[str], today: date) -> str:
    level = f"<span style='color:{SEVERITY_COLOURS[f.severity]};font-weight:600'>{escape(severity_text(f.severity))}</span>"
    if f.severity_found is not f.severity:
        level += "　" + escape(translate("FindingDetails", "(found as %1)").replace("%1", severity_text(f.severity_found)))
    rows = [
        _row(translate("FindingDetails", "Problem"), _text(f.description)),
        _row(translate("FindingDetails", "Level"), level),
        _row(translate("FindingDetails", "Measure"), _text(f.measure)),
        _row(translate("FindingDetails", "Responsible department"), _text(f.department)),
        _row(translate("FindingDetails", "Responsible person"), _text(f.owner)),
        _row(translate("FindingDetails", "Supervising leader"), _text(f.supervisor)),
        _row(translate("FindingDetails", "Deadline"), _deadline(f, today)),
        _row(translate("FindingDetails", "Created"), escape(f"{f.created_at.strftime('%Y-%m-%d %H:%M')}　{f.created_by}")),
        _row(translate("FindingDetails", "Source"), _source(f, point, linked)),
    ]
    if f.case_no:
        rows.append(_row(translate("FindingDetails", "Note of the answer"), _text(f.source_note)))
    if f.result:
        rows.append(_row(translate("FindingDetails", "Result of the rectification"), _text(f.result)))
    if f.applicant:
        rows.append(_row(translate("FindingDetails", "Applied for closing by"), escape(f.applicant)))
    if f.closed_by:
        when = f.closed_at.strftime("%Y-%m-%d %H:%M") if f.closed_at else ""
        rows.append(_row(translate("FindingDetails", "Closed by"), escape(f"{f.closed_by}　{when}")))
    return f"<table cellspacing='0'>{''.join(rows)}</table>"


def note_kind_text(kind: str) -> str:
    return {"progress": translate("FindingDetails", "Progress"), "evidence": translate("FindingDetails", "Evidence"), "comment": translate("FindingDetails", "Returned")}.get(kind, kind)


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1048576:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"


def event_texts(e: Event) -> tuple[str, str, str]:
    """(what happened, from, to) for one event of an item."""
    action = _ACTIONS.get(e.field) or _FIELD_ACTIONS.get(e.field)
    if action is None:  # a field changed in place: 整改措施, 责任人, 责任部门, 督办领导
        return translate("FindingDetails", "Changed %1").replace("%1", e.field), e.old, e.new
    if e.field in _ACTIONS:  # a step: from one state to another (blank when it stayed where it was)
        if e.old == e.new:
            return finding_action_text(action), "", ""
        old = _STATES.get(e.old)
        new = _STATES.get(e.new)
        return (finding_action_text(action), finding_state_text(old) if old else e.old,
                finding_state_text(new) if new else e.new)
    return finding_action_text(action), e.old, e.new
