"""The audit record as a hash chain: each entry's hash covers its content and the previous entry's hash.

Entries are numbered without gaps and never updated or deleted. Changing, deleting or inserting a
row with plain SQL breaks the chain at that row, which :func:`verify_chain` names. Appends are
serialised through the one-row ``chain_head`` table, locked for the rest of the transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from riskdesk.domain.events import Event, EventKind, NewEvent
from riskdesk.storage.schema import chain_head, events

GENESIS = "0" * 64
_E = events.c
_COLUMNS = (_E.id, _E.at, _E.actor, _E.actor_login, _E.actor_role, _E.kind, _E.case_id, _E.checklist_id,
            _E.point_id, _E.field, _E.old_value, _E.new_value, _E.reason, _E.prev_hash, _E.hash)
_KIND_OF = {k.value: k for k in EventKind}


def entry_hash(row: dict[str, Any]) -> str:
    """sha256 over an entry's number, content and the hash before it, in a fixed canonical form."""
    at = row["at"]
    payload = [row["id"], at.isoformat(sep=" ", timespec="microseconds") if isinstance(at, datetime) else str(at),
               row["actor"], row["actor_login"], row["actor_role"], row["kind"], row["case_id"],
               row["checklist_id"], row["point_id"], row["field"], row["old_value"], row["new_value"], row["reason"],
               row["prev_hash"]]
    canonical = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append_event(conn: Connection, event: NewEvent, at: datetime) -> int:
    """Add one entry at the end of the chain (inside the caller's transaction); its number."""
    head = conn.execute(select(chain_head.c.event_id, chain_head.c.hash).where(chain_head.c.id == 1)
                        .with_for_update()).one()
    row = _entry(event, at, int(head.event_id) + 1, head.hash)
    conn.execute(insert(events).values(row))
    conn.execute(update(chain_head).where(chain_head.c.id == 1).values(event_id=row["id"], hash=row["hash"]))
    return int(row["id"])


def append_events(conn: Connection, new: list[NewEvent], at: datetime) -> None:
    """Add many entries at the end of the chain in one statement (a case import records thousands)."""
    if not new:
        return
    head = conn.execute(select(chain_head.c.event_id, chain_head.c.hash).where(chain_head.c.id == 1)
                        .with_for_update()).one()
    rows: list[dict[str, Any]] = []
    number, prev = int(head.event_id), str(head.hash)
    for event in new:
        number += 1
        rows.append(_entry(event, at, number, prev))
        prev = rows[-1]["hash"]
    conn.execute(insert(events), rows)
    conn.execute(update(chain_head).where(chain_head.c.id == 1).values(event_id=number, hash=prev))


def _entry(event: NewEvent, at: datetime, number: int, prev_hash: str) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": number, "at": at, "actor": event.actor.name, "actor_login": event.actor.login,
        "actor_role": event.actor.role.value if event.actor.role else "", "kind": event.kind.value,
        "case_id": event.case_id, "checklist_id": event.checklist_id, "point_id": event.point_id,
        "field": event.field, "old_value": event.old, "new_value": event.new, "reason": event.reason,
        "prev_hash": prev_hash,
    }
    row["hash"] = entry_hash(row)
    return row


def _to_event(row: Any) -> Event:
    return Event(row.id, row.at, row.actor, row.actor_login, row.actor_role, _KIND_OF[row.kind], row.case_id,
                 row.checklist_id, row.point_id, row.field, row.old_value, row.new_value, row.reason, row.prev_hash,
                 row.hash)


def case_events(conn: Connection, case_id: int) -> list[Event]:
    return [_to_event(r) for r in conn.execute(select(*_COLUMNS).where(_E.case_id == case_id).order_by(_E.id))]


def point_events(conn: Connection, checklist_id: int, point_id: str) -> list[Event]:
    return [_to_event(r) for r in conn.execute(
        select(*_COLUMNS).where(_E.checklist_id == checklist_id, _E.point_id == point_id).order_by(_E.id))]


def chain_tip(conn: Connection) -> tuple[int, str]:
    head = conn.execute(select(chain_head.c.event_id, chain_head.c.hash).where(chain_head.c.id == 1)).one()
    return int(head.event_id), str(head.hash)


@dataclass(frozen=True)
class ChainVerdict:
    ok: bool
    checked: int
    first_bad: int | None = None  # the number of the first entry that was changed, deleted or inserted
    problem: str = ""


def _rows(conn: Connection, batch: int = 5000) -> Iterator[Any]:
    last = 0
    while True:
        rows = conn.execute(select(*_COLUMNS).where(_E.id > last).order_by(_E.id).limit(batch)).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].id


def verify_chain(conn: Connection) -> ChainVerdict:
    """Walk the whole record; the first entry whose number, link or hash does not hold is named."""
    expected_id, prev = 1, GENESIS
    checked = 0
    for row in _rows(conn):
        data = dict(row._mapping)
        if row.id != expected_id:
            what = "被删除" if row.id > expected_id else "编号重复或被插入"
            return ChainVerdict(False, checked, expected_id, f"第 {expected_id} 条记录{what}")
        if row.prev_hash != prev:
            return ChainVerdict(False, checked, row.id, f"第 {row.id} 条记录与前一条不衔接（前一条被修改、删除或在此插入）")
        if entry_hash(data) != row.hash:
            return ChainVerdict(False, checked, row.id, f"第 {row.id} 条记录的内容被修改")
        prev = row.hash
        expected_id += 1
        checked += 1
    head_id, head_hash = chain_tip(conn)
    if head_id != checked or head_hash != prev:
        return ChainVerdict(False, checked, checked + 1 if head_id > checked else head_id,
                            f"记录末尾不符：应有 {head_id} 条，实有 {checked} 条（末尾的记录被删除或添加）")
    return ChainVerdict(True, checked)
