"""SQL of answering a point: the hot path of the product (one call per key press).

Statements are built once at import: building them per call cost more than the commit. Core
statements only, no ORM unit of work. Each function runs inside the caller's transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection, bindparam, case, func, insert, select, update

from riskdesk.domain.model import AnswerField, ChecklistId, HistoryEntry, StageCounts, Status
from riskdesk.storage.schema import change_log, checklists, results

_R, _LOG, _CL = results, change_log, checklists
STATUS_OF = {st.value: st for st in Status}  # a dict lookup; Status(value) costs ~10× more, per row


class StoredAnswer(NamedTuple):
    """The active answer row of one point, as read before changing it."""

    id: int
    point_hash: str
    status: str
    note: str
    updated_at: datetime | None
    updated_by: str
    revision: int


_SELECT_ANSWER = select(_R.c.id, _R.c.point_hash, _R.c.status, _R.c.note, _R.c.updated_at, _R.c.updated_by,
                        _R.c.revision).where(_R.c.checklist_id == bindparam("cl"), _R.c.point_id == bindparam("pid"),
                                             _R.c.retired_at.is_(None)).with_for_update()  # SQLite: ignored
_UPDATE = {
    AnswerField.STATUS: update(_R).where(_R.c.id == bindparam("rid")).values(
        status=bindparam("value"), updated_at=bindparam("now"), updated_by=bindparam("by"),
        revision=bindparam("rev")),
    AnswerField.NOTE: update(_R).where(_R.c.id == bindparam("rid")).values(
        note=bindparam("value"), updated_at=bindparam("now"), updated_by=bindparam("by"), revision=bindparam("rev")),
}
_INSERT_LOG = insert(_LOG).values(at=bindparam("now"), who=bindparam("by"), result_id=bindparam("rid"),
                                  field=bindparam("field"), old_value=bindparam("old"), new_value=bindparam("value"))
# Moves one answer between the per-status counts kept on the checklist.
_MOVE_COUNT = update(_CL).where(_CL.c.id == bindparam("cl")).values(
    {f"n_{st.value}": _CL.c[f"n_{st.value}"] + case((bindparam("new") == st.value, 1), else_=0)
     - case((bindparam("old") == st.value, 1), else_=0) for st in Status}
)
_COUNTS = select(*(_CL.c[f"n_{st.value}"] for st in Status)).where(_CL.c.id == bindparam("cl"))
_REMEMBER = update(_CL).where(_CL.c.id == bindparam("cl"), _CL.c.last_point_id != bindparam("pid")).values(
    last_point_id=bindparam("pid"))


def stored_answer(conn: Connection, checklist_id: ChecklistId, point_id: str) -> StoredAnswer | None:
    row = conn.execute(_SELECT_ANSWER, {"cl": checklist_id, "pid": point_id}).first()
    return None if row is None else StoredAnswer(*row)


def write_answer(conn: Connection, checklist_id: ChecklistId, row: StoredAnswer, field: AnswerField, value: str,
                 by: str, now: datetime) -> None:
    """Change one part of an answer, log the change, and keep the checklist's counts in step."""
    old = row.status if field is AnswerField.STATUS else row.note
    conn.execute(_UPDATE[field], {"rid": row.id, "value": value, "now": now, "by": by, "rev": row.revision + 1})
    conn.execute(_INSERT_LOG, {"now": now, "by": by, "rid": row.id, "field": field.value, "old": old,
                               "value": value})
    if field is AnswerField.STATUS:
        conn.execute(_MOVE_COUNT, {"cl": checklist_id, "old": old, "new": value})


def checklist_counts(conn: Connection, checklist_id: ChecklistId) -> StageCounts:
    """The counts kept on the checklist (read in the same transaction as the change)."""
    unreviewed, clear, risk, na, settled = (int(v) for v in conn.execute(_COUNTS, {"cl": checklist_id}).one())
    return StageCounts.from_kept(unreviewed, clear, risk, na, settled)


def remember_position(conn: Connection, checklist_id: ChecklistId, point_id: str) -> None:
    conn.execute(_REMEMBER, {"cl": checklist_id, "pid": point_id})


def recount_checklist(conn: Connection, checklist_id: ChecklistId) -> None:
    """Recompute a checklist's per-status counts from its active results (after bulk changes)."""
    r = _R.c
    rows = conn.execute(
        select(r.status, func.count()).where(r.checklist_id == checklist_id, r.retired_at.is_(None)).group_by(r.status)
    )
    counts: dict[str, int] = {str(status): int(n) for status, n in rows}
    conn.execute(update(_CL).where(_CL.c.id == checklist_id).values(
        {f"n_{st.value}": counts.get(st.value, 0) for st in Status}))


def revision_zero_points(conn: Connection, checklist_id: ChecklistId) -> set[str]:
    """Points of the checklist nobody has answered yet."""
    r = _R.c
    return set(conn.execute(select(r.point_id).where(r.checklist_id == checklist_id, r.retired_at.is_(None),
                                                     r.revision == 0)).scalars())


def answer_history(conn: Connection, checklist_id: ChecklistId, point_id: str) -> list[HistoryEntry]:
    g = _LOG.c
    rows = conn.execute(
        select(g.at, g.who, g.field, g.old_value, g.new_value)
        .join(_R, _R.c.id == g.result_id)
        .where(_R.c.checklist_id == checklist_id, _R.c.point_id == point_id)
        .order_by(g.id)
    )
    return [HistoryEntry(at, who, AnswerField(field), old, new) for at, who, field, old, new in rows]
