"""The point tallies statistics read: what a checklist contributes, and rebuilding them from the answers.

Every change that moves a point's status — an answer, a checklist started, a catalog upgrade, a case
moved to another 庭室 or re-settled — adjusts the tallies in its own transaction (see the callers), so
statistics over 100,000 cases read a few thousand rows. ``rebuild`` recomputes them from the answers:
after the migration that introduced them, and as a check (tests compare the two).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection

from riskdesk.domain.model import ChecklistId, Status
from riskdesk.storage import tally_queries as tq
from riskdesk.storage.tally_queries import TallyKey

Changes = dict[tuple[TallyKey, str], dict[str, int]]


@dataclass(frozen=True)
class Contribution:
    """One checklist as the tallies count them: where, each point's status, and the checklist itself
    in its sign-off state."""

    key: TallyKey
    statuses: Mapping[str, Status]
    state: str = "draft"


def changes(old: Contribution | None, new: Contribution | None) -> Changes:
    """The tally rows to adjust when a checklist's contribution goes from ``old`` to ``new``."""
    out: Changes = {}
    for part, sign in ((old, -1), (new, 1)):
        if part is None:
            continue
        for point_id, row in tq.counts_of(part.statuses, sign).items():
            target = out.setdefault((part.key, point_id), {})
            for column, n in row.items():
                target[column] = target.get(column, 0) + n
        counted = out.setdefault((part.key, tq.STATE_MARK + part.state), {})
        counted["n"] = counted.get("n", 0) + sign
    return {k: v for k, v in out.items() if any(v.values())}


def accumulate(total: Changes, more: Changes) -> None:
    """Add ``more`` into ``total`` (many checklists written in one statement)."""
    for k, row in more.items():
        target = total.setdefault(k, {})
        for column, v in row.items():
            target[column] = target.get(column, 0) + v


def apply(conn: Connection, old: Contribution | None, new: Contribution | None) -> None:
    tq.add(conn, changes(old, new))


def state_changed(conn: Connection, checklist_id: int, old: str, new: str) -> None:
    """A checklist moved from sign-off state ``old`` to ``new``."""
    key = tq.key_of(conn, ChecklistId(checklist_id))
    apply(conn, Contribution(key, {}, old), Contribution(key, {}, new))


def rebuild(conn: Connection, contribution_of: Callable[[Connection, int], Contribution]) -> int:
    """Recompute every tally from the stored answers; returns the number of checklists counted."""
    tq.zero_all(conn)
    total: Changes = {}
    n = 0
    for checklist_id, _case_id in tq.all_checklists(conn):
        accumulate(total, changes(None, contribution_of(conn, checklist_id)))
        n += 1
    tq.add(conn, total)
    return n
