"""SQL of answers: the hot path of the product (one call per key press).

An answer is the newest row of ``answer_versions`` for a checklist and a point's content (ref);
saving adds a version at the end of the audit chain (storage.chain) and moves the checklist's kept
counts. Statements are built once at import: building them per call cost more than the commit.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection, bindparam, case, insert, select, update

from riskdesk.domain.model import ChecklistId, StageCounts, Status
from riskdesk.domain.people import Actor
from riskdesk.storage.chain import append_version, from_stamp, stamp
from riskdesk.storage.schema import answer_versions, checklists, people

_V, _CL = answer_versions, checklists
# Status as stored in a version (settled is never stored: it follows from the case's kind).
STATUS_CODE = {Status.UNREVIEWED: 0, Status.CLEAR: 1, Status.RISK: 2, Status.NA: 3}
STATUS_OF_CODE = {code: status for status, code in STATUS_CODE.items()}
_COUNTED = (Status.UNREVIEWED, Status.CLEAR, Status.RISK, Status.NA, Status.SETTLED)


class Version(NamedTuple):
    point_ref: int
    rev: int
    at: datetime
    actor: str
    status: Status
    note: str
    reason: str


VERSION_COLUMNS = (_V.c.point_ref, _V.c.rev, _V.c.at, people.c.name, _V.c.status, _V.c.note, _V.c.reason)
NAMED_VERSIONS = _V.join(people, people.c.id == _V.c.actor_id)
_LATEST = (select(*VERSION_COLUMNS).select_from(NAMED_VERSIONS)
           .where(_V.c.checklist_id == bindparam("cl"), _V.c.point_ref == bindparam("ref"))
           .order_by(_V.c.rev.desc()).limit(1))
_ALL_OF_CHECKLIST = select(*VERSION_COLUMNS).select_from(NAMED_VERSIONS).where(_V.c.checklist_id == bindparam("cl")).order_by(
    _V.c.point_ref, _V.c.rev)
_PERSON = select(people.c.id).where(people.c.name == bindparam("name"), people.c.login == bindparam("login"),
                                    people.c.role == bindparam("role"))
# Moves one answer between the per-status counts kept on the checklist.
_MOVE_COUNT = update(_CL).where(_CL.c.id == bindparam("cl")).values(
    {f"n_{st.value}": _CL.c[f"n_{st.value}"] + case((bindparam("new") == st.value, 1), else_=0)
     - case((bindparam("old") == st.value, 1), else_=0) for st in _COUNTED}
)
_COUNTS = select(*(_CL.c[f"n_{st.value}"] for st in _COUNTED)).where(_CL.c.id == bindparam("cl"))
_REMEMBER = update(_CL).where(_CL.c.id == bindparam("cl"), _CL.c.last_point_id != bindparam("pid")).values(
    last_point_id=bindparam("pid"))


def to_version(row: tuple[int, int, int, str, int, str, str]) -> Version:
    ref, rev, at, actor, status, note, reason = row
    return Version(ref, rev, from_stamp(at), actor, STATUS_OF_CODE[status], note, reason)


def latest_version(conn: Connection, checklist_id: ChecklistId, point_ref: int) -> Version | None:
    row = conn.execute(_LATEST, {"cl": checklist_id, "ref": point_ref}).first()
    return None if row is None else to_version(tuple(row))


def versions_of(conn: Connection, checklist_id: ChecklistId) -> list[Version]:
    """Every version of every answer of a checklist, by point content and revision."""
    return [to_version(tuple(row)) for row in conn.execute(_ALL_OF_CHECKLIST, {"cl": checklist_id})]


def person_id(conn: Connection, actor: Actor) -> int:
    """The number that stands for this person in answer versions (made on first use)."""
    key = {"name": actor.name, "login": actor.login, "role": actor.role.value if actor.role else ""}
    found = conn.execute(_PERSON, key).scalar()
    if found is None:
        found = conn.execute(insert(people).values(key)).inserted_primary_key[0]  # type: ignore[index]
    return int(found)


def add_version(conn: Connection, checklist_id: ChecklistId, point_ref: int, rev: int, at: datetime,
                actor: Actor, status: Status, note: str, reason: str = "") -> None:
    """Append a version at the end of the audit chain: the transaction's last change but its events
    (the caller holds the checklist's row, so no one saved this answer since it was read)."""
    actor_id = person_id(conn, actor)  # may add a row: before the chain's head is taken
    append_version(conn, {
        "checklist_id": checklist_id, "point_ref": point_ref, "rev": rev, "at": stamp(at),
        "actor_id": actor_id, "actor": actor.name, "actor_login": actor.login,
        "actor_role": actor.role.value if actor.role else "", "status": STATUS_CODE[status], "note": note,
        "reason": reason})


def move_count(conn: Connection, checklist_id: ChecklistId, old: Status, new: Status) -> None:
    if old is not new:
        conn.execute(_MOVE_COUNT, {"cl": checklist_id, "old": old.value, "new": new.value})


def checklist_counts(conn: Connection, checklist_id: ChecklistId) -> StageCounts:
    """The counts kept on the checklist (read in the same transaction as the change)."""
    unreviewed, clear, risk, na, settled = (int(v) for v in conn.execute(_COUNTS, {"cl": checklist_id}).one())
    return StageCounts.from_kept(unreviewed, clear, risk, na, settled)


def set_counts(conn: Connection, checklist_id: ChecklistId, counts: StageCounts) -> None:
    """After a change that moves many points at once (a catalog upgrade, a case's kind or 程序 changed)."""
    conn.execute(update(_CL).where(_CL.c.id == checklist_id).values(
        n_unreviewed=counts.unreviewed, n_clear=counts.clear, n_risk=counts.risk, n_na=counts.na,
        n_settled=counts.settled))


def remember_position(conn: Connection, checklist_id: ChecklistId, point_id: str) -> None:
    conn.execute(_REMEMBER, {"cl": checklist_id, "pid": point_id})


def point_versions(conn: Connection, checklist_id: ChecklistId, refs: list[int]) -> list[Version]:
    """The versions of one point (all its contents over catalog changes), in the order they were made."""
    if not refs:
        return []
    rows = conn.execute(select(*VERSION_COLUMNS).select_from(NAMED_VERSIONS)
                        .where(_V.c.checklist_id == checklist_id, _V.c.point_ref.in_(refs)).order_by(_V.c.seq))
    return [to_version(tuple(row)) for row in rows]
