"""The audit chain: every answer version and every event, in one order, each hashed onto the one before.

``h(n) = sha256(h(n-1) ‖ canonical content of entry n)`` with ``h(0)`` = 32 zero bytes. An entry keeps
the first 8 bytes of its ``h(n)`` (its *tag*, enough to say which entry no longer fits), every
CHECKPOINT_EVERY-th ``h(n)`` is kept whole in ``chain_checkpoints``, and the newest in ``chain_head``.
Changing an entry's content, deleting one or slipping one in with plain SQL therefore breaks the
chain from that entry on, and :func:`verify` names the first entry that does not fit; forging a
consistent chain would mean breaking SHA-256, because the full hashes it would have to match are
kept. Appends lock the head row, so they are serialised (numbers are contiguous).

The head is the last lock a write transaction takes: it is held until the commit, so whoever else
appends waits only for that transaction's last statements and its commit, not for its reads and
checks. A transaction therefore makes every other change first (its own rows, tallies, counts) and
appends to the chain at the end; taking a row lock after the head could deadlock with a writer that
holds that row and waits for the head. ``take`` marks the connection (:data:`HEAD_TAKEN`) so the
tests can check that nothing but chain entries is written after it.
"""

from __future__ import annotations

import hashlib
import heapq
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from riskdesk.storage.schema import answer_versions, chain_checkpoints, chain_head, events, people

GENESIS = "0" * 64
TAG_BYTES = 8
CHECKPOINT_EVERY = 256
_EPOCH = datetime(1970, 1, 1)


def stamp(at: datetime) -> int:
    """A wall-clock time as whole seconds (how answer versions store time: 4 bytes, not 26)."""
    return int((at - _EPOCH).total_seconds())


def from_stamp(value: int) -> datetime:
    from datetime import timedelta

    return _EPOCH + timedelta(seconds=value)


def version_content(row: Any) -> list[Any]:
    return ["v", row.seq, row.checklist_id, row.point_ref, row.rev, row.at, row.actor, row.actor_login,
            row.actor_role, row.status, row.note, row.reason]


def event_content(row: Any) -> list[Any]:
    at = row.at.isoformat(sep=" ", timespec="microseconds") if isinstance(row.at, datetime) else str(row.at)
    content = ["e", row.seq, at, row.actor, row.actor_login, row.actor_role, row.kind, row.case_id, row.checklist_id,
               row.point_id, row.field, row.old_value, row.new_value, row.reason]
    finding = getattr(row, "finding_id", None)
    if finding is not None:  # only when set: entries made before findings existed keep their hashes
        content.append(["f", finding])
    return content


def next_hash(prev_hex: str, content: list[Any]) -> str:
    canonical = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(bytes.fromhex(prev_hex) + canonical).hexdigest()


@dataclass
class Link:
    """A place in the chain, taken under the head's lock: the next number and the hash before it."""

    seq: int
    prev: str


class _Row:
    """Attribute access over a dict, so one content function serves stored rows and new ones."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


# Built once: every save runs them (a statement built per call costs its cache key each time).
_HEAD_LOCKED = select(chain_head.c.seq, chain_head.c.hash).where(chain_head.c.id == 1).with_for_update()
_MOVE_HEAD = update(chain_head).where(chain_head.c.id == 1).values(seq=bindparam("to_seq"), hash=bindparam("to_hash"))
_INSERT = {"v": insert(answer_versions), "e": insert(events)}

HEAD_TAKEN = "riskdesk.chain_head_taken"  # key in ``Connection.info``: this transaction holds the head
PENDING = "riskdesk.chain_pending"  # key in ``Connection.info``: events waiting for the transaction's end


def take(conn: Connection) -> Link:
    """Lock the head and reserve the next number (inside the caller's write transaction, after its
    other changes: see the module's note). Events deferred in this transaction go in first."""
    head = conn.execute(_HEAD_LOCKED).one()
    conn.info[HEAD_TAKEN] = True
    link = Link(int(head.seq) + 1, str(head.hash))
    pending = conn.info.pop(PENDING, None)
    return _write(conn, link, [("e", row) for row in pending]) if pending else link


def defer_event_rows(conn: Connection, many: list[dict[str, Any]]) -> None:
    """Events (without seq and tag) for the end of this transaction (``flush``, which Database.writing
    calls before the commit), or for the next ``take`` if that comes first: the order they were made
    in is kept, and the head is taken only when the transaction's other changes are made."""
    conn.info.setdefault(PENDING, []).extend(many)


def flush(conn: Connection) -> None:
    """Append the deferred events now (before the commit; or to read them back in the transaction)."""
    if conn.info.get(PENDING):
        take(conn)


def forget(conn: Connection) -> None:
    """A new transaction on this connection: nothing deferred by an earlier one that failed carries over."""
    conn.info.pop(PENDING, None)
    conn.info.pop(HEAD_TAKEN, None)


_VERSION_COLUMNS = {c.name for c in answer_versions.columns}
_EVENT_COLUMNS = {c.name for c in events.columns}


def append_version(conn: Connection, values: dict[str, Any]) -> None:
    """Take the head and insert one answer version (without seq and tag) at the end of the chain.

    ``values`` carries the author's name, login and role besides ``actor_id``: they are hashed
    (a renamed person breaks the chain) but stored once, in ``people``.
    """
    _write(conn, take(conn), [("v", values)])


def append_version_rows(conn: Connection, many: list[dict[str, Any]]) -> None:
    """Insert answer versions (without seq and tag; with the author's name, see append_version)."""
    if many:
        _write(conn, take(conn), [("v", row) for row in many])


def append_entries(conn: Connection, link: Link, entries: list[tuple[str, dict[str, Any]]]) -> list[int]:
    """Append answer versions (``"v"``) and events (``"e"``) in the order given, at ``link`` (taken first).

    For a move of cases between databases: their entries go onto the end of the target's chain in
    their old order, each hashed anew. Returns the number each entry got.
    """
    _write(conn, link, entries)
    return list(range(link.seq, link.seq + len(entries)))


_CHUNK = 5_000  # entries hashed and inserted at a time: a move of many cases keeps one chunk's rows in memory


def _write(conn: Connection, link: Link, entries: list[tuple[str, dict[str, Any]]]) -> Link:
    """Hash ``entries`` onto the chain at ``link``, insert them (a statement per table and chunk), keep
    the checkpoints and move the head; returns the place after them."""
    if not entries:
        return link
    content = {"v": version_content, "e": event_content}
    columns = {"v": _VERSION_COLUMNS, "e": _EVENT_COLUMNS}
    prev, seq = link.prev, link.seq
    for start in range(0, len(entries), _CHUNK):
        rows: dict[str, list[dict[str, Any]]] = {"v": [], "e": []}
        checkpoints = []
        for kind, values in entries[start:start + _CHUNK]:
            row = {**values, "seq": seq}
            full = next_hash(prev, content[kind](_Row(row)))
            row["tag"] = bytes.fromhex(full)[:TAG_BYTES]
            rows[kind].append({k: v for k, v in row.items() if k in columns[kind]})
            if seq % CHECKPOINT_EVERY == 0:
                checkpoints.append({"seq": seq, "hash": full})
            prev, seq = full, seq + 1
        for kind in ("v", "e"):
            if rows[kind]:
                conn.execute(_INSERT[kind], rows[kind][0] if len(rows[kind]) == 1 else rows[kind])
        if checkpoints:
            conn.execute(insert(chain_checkpoints), checkpoints)
    conn.execute(_MOVE_HEAD, {"to_seq": seq - 1, "to_hash": prev})
    return Link(seq, prev)


@dataclass(frozen=True)
class ChainVerdict:
    ok: bool
    checked: int
    first_bad: int | None = None  # the number of the first entry that was changed, deleted or inserted
    problem: str = ""
    where: str = ""  # what that entry is about (case, point), when it can be said


_V, _E = answer_versions.c, events.c


def _stream(conn: Connection, batch: int = 20_000) -> Iterator[tuple[int, str, Any]]:
    """Every entry of both tables in chain order (two sorted streams merged)."""

    named = select(answer_versions, people.c.name.label("actor"), people.c.login.label("actor_login"),
                   people.c.role.label("actor_role")).join(people, people.c.id == _V.actor_id)

    def versions() -> Iterator[tuple[int, str, Any]]:
        last = 0
        while True:
            rows = conn.execute(named.where(_V.seq > last).order_by(_V.seq).limit(batch)).all()
            if not rows:
                return
            for r in rows:
                yield r.seq, "v", r
            last = rows[-1].seq

    def evs() -> Iterator[tuple[int, str, Any]]:
        last = 0
        while True:
            rows = conn.execute(select(events).where(_E.seq > last).order_by(_E.seq).limit(batch)).all()
            if not rows:
                return
            for r in rows:
                yield r.seq, "e", r
            last = rows[-1].seq

    yield from heapq.merge(versions(), evs(), key=lambda item: item[0])


def _about(kind: str, row: Any) -> str:
    if kind == "v":
        return f"清单 {row.checklist_id} 的核查结果（第 {row.rev} 版，{row.actor}）"
    return f"{row.kind}（{row.actor}）"


def verify(conn: Connection) -> ChainVerdict:
    """Walk the whole record; the first entry whose number or hash does not hold is named."""
    checkpoints = dict(conn.execute(select(chain_checkpoints.c.seq, chain_checkpoints.c.hash)).tuples().all())
    expected, prev, checked = 1, GENESIS, 0
    for seq, kind, row in _stream(conn):
        if seq != expected:
            if seq > expected:
                return ChainVerdict(False, checked, expected, f"第 {expected} 条记录被删除")
            return ChainVerdict(False, checked, seq, f"第 {seq} 条记录重复（被插入）", _about(kind, row))
        full = next_hash(prev, version_content(row) if kind == "v" else event_content(row))
        if bytes(row.tag) != bytes.fromhex(full)[:TAG_BYTES] or checkpoints.get(seq, full) != full:
            return ChainVerdict(False, checked, seq, f"第 {seq} 条记录被修改，或在它之前插入或删除了记录",
                                _about(kind, row))
        prev, expected, checked = full, expected + 1, checked + 1
    head_seq, head_hash = conn.execute(select(chain_head.c.seq, chain_head.c.hash).where(chain_head.c.id == 1)).one()
    if head_seq > checked:
        return ChainVerdict(False, checked, checked + 1,
                            f"第 {checked + 1} 条起的记录被删除（应有 {head_seq} 条，实有 {checked} 条）")
    if head_seq != checked or head_hash != prev:
        return ChainVerdict(False, checked, head_seq + 1,
                            f"第 {head_seq + 1} 条起的记录是在记录之外添加的（记录只到第 {head_seq} 条）")
    return ChainVerdict(True, checked)


def tip(conn: Connection) -> tuple[int, str]:
    head = conn.execute(select(chain_head.c.seq, chain_head.c.hash).where(chain_head.c.id == 1)).one()
    return int(head.seq), str(head.hash)
