"""Events of the audit record besides answers: changes to cases and checklist states (storage.chain)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from riskdesk.domain.events import Event, EventKind, NewEvent
from riskdesk.storage.chain import defer_event_rows
from riskdesk.storage.schema import events

_E = events.c
_KIND_OF = {k.value: k for k in EventKind}


def event_values(event: NewEvent, at: datetime) -> dict[str, Any]:
    return {"at": at, "actor": event.actor.name, "actor_login": event.actor.login,
            "actor_role": event.actor.role.value if event.actor.role else "", "kind": event.kind.value,
            "case_id": event.case_id, "checklist_id": event.checklist_id, "point_id": event.point_id,
            "field": event.field, "old_value": event.old, "new_value": event.new, "reason": event.reason,
            "finding_id": event.finding_id}


def append_event(conn: Connection, event: NewEvent, at: datetime) -> None:
    """Add one event to the chain when the caller's transaction ends (storage.chain.defer_event_rows)."""
    defer_event_rows(conn, [event_values(event, at)])


def append_events(conn: Connection, batch: list[NewEvent], at: datetime) -> None:
    defer_event_rows(conn, [event_values(e, at) for e in batch])


def _to_event(row: Any) -> Event:
    return Event(row.seq, row.at, row.actor, row.actor_login, row.actor_role, _KIND_OF[row.kind], row.case_id,
                 row.checklist_id, row.point_id, row.field, row.old_value, row.new_value, row.reason, row.finding_id)


def case_events(conn: Connection, case_id: int) -> list[Event]:
    return [_to_event(r) for r in conn.execute(select(events).where(_E.case_id == case_id).order_by(_E.seq))]


def checklist_events(conn: Connection, checklist_id: int) -> list[Event]:
    return [_to_event(r) for r in conn.execute(select(events).where(_E.checklist_id == checklist_id)
                                               .order_by(_E.seq))]


def finding_events(conn: Connection, finding_id: int) -> list[Event]:
    return [_to_event(r) for r in conn.execute(select(events).where(_E.finding_id == finding_id).order_by(_E.seq))]
