"""The sums behind the statistics, each read once per request, and the breakdown tables made from them.

A dashboard needs five breakdowns of the same period; reading the checklists once (grouped by stage,
庭室 and month together) and the point tallies three times (by stage and point, by 庭室, by month)
keeps a year of a 100,000-case court well under a second.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import cached_property

from sqlalchemy import Connection

from riskdesk.domain.catalog import Catalog, RiskPoint
from riskdesk.domain.findings import FindingState
from riskdesk.domain.stage import Stage
from riskdesk.domain.stats import Breakdown, FindingFigures, StatsRow, StatsTable, Tally, median
from riskdesk.services.errors import NotFound
from riskdesk.services.tallies import Contribution
from riskdesk.storage import tally_queries as tq
from riskdesk.storage.tally_queries import Filter

NO_DEPARTMENT = "（未指定庭室）"
RETIRED_NODE = "（已调整的风险点）"
ContributionOf = Callable[[Connection, int], Contribution]


class Counts:
    """What one request counts within ``f``: checklists by stage, 庭室 and month (with how many were
    submitted and approved), and the answers by stage, point, 庭室 and month."""

    def __init__(self, conn: Connection, f: Filter, contribution_of: ContributionOf) -> None:
        self._conn, self.filter, self._contribution_of = conn, f, contribution_of

    @cached_property
    def cells(self) -> list[tq.ChecklistCell]:
        return tq.checklist_cells(self._conn, self.filter)

    def checklists(self, group: str) -> dict[str, int]:
        """Checklists per ``stage``, ``department`` (id, "0" for none) or ``month`` (yyyymm)."""
        out: dict[str, int] = {}
        for c in self.cells:
            k = {"stage": c.stage, "department": str(c.department_id), "month": str(c.month)}[group]
            out[k] = out.get(k, 0) + c.checklists
        return out

    @property
    def started(self) -> int:
        return sum(c.checklists for c in self.cells)

    @property
    def submitted(self) -> int:
        return sum(c.submitted for c in self.cells)

    @property
    def approved(self) -> int:
        return sum(c.approved for c in self.cells)

    def points(self, group: str) -> dict[str, Tally]:
        """Answers per ``stage``, ``point_id``, ``department_id`` or ``month``."""
        if self.filter.cases_of is not None:
            return self._own[group]
        if group in ("stage", "point_id"):
            out: dict[str, Tally] = {}
            for stage, pid, t in self._by_stage_and_point:
                k = stage if group == "stage" else pid
                out[k] = out.get(k, Tally()) + t
            return out
        return dict(tq.point_rows(self._conn, self.filter, group))

    @cached_property
    def _by_stage_and_point(self) -> list[tuple[str, str, Tally]]:
        return tq.point_rows_by_stage(self._conn, self.filter)

    @cached_property
    def _own(self) -> dict[str, dict[str, Tally]]:
        """One person's cases, which the tallies do not single out: counted from their checklists."""
        out: dict[str, dict[str, Tally]] = {"stage": {}, "point_id": {}, "department_id": {}, "month": {}}
        for checklist_id, _case in tq.checklists_in(self._conn, self.filter):
            part = self._contribution_of(self._conn, checklist_id)
            for pid, status in part.statuses.items():
                one = Tally.of_status(status)
                for group, k in (("stage", part.key.stage), ("point_id", pid),
                                 ("department_id", str(part.key.department_id)), ("month", str(part.key.month))):
                    out[group][k] = out[group].get(k, Tally()) + one
        return out


def build_table(by: Breakdown, counts: Counts, catalog: Catalog, department_names: dict[int, str]) -> StatsTable:
    """One breakdown's rows (in catalog, calendar or name order) and their total."""
    group = {Breakdown.STAGE: "stage", Breakdown.POINT: "point_id", Breakdown.NODE: "point_id",
             Breakdown.DEPARTMENT: "department_id", Breakdown.MONTH: "month"}[by]
    raw = counts.points(group)
    checklists = counts.checklists({Breakdown.DEPARTMENT: "department", Breakdown.MONTH: "month"}.get(by, "stage"))
    rows: list[StatsRow]
    if by is Breakdown.STAGE:
        rows = [StatsRow(s.value, s.label_zh, _with(raw.get(s.value), checklists.get(s.value, 0)))
                for s in Stage if s.value in raw or s.value in checklists]
    elif by is Breakdown.MONTH:
        rows = [StatsRow(str(m), f"{m // 100}年{m % 100}月", _with(raw.get(str(m)), checklists.get(str(m), 0)))
                for m in counts.filter.period.months]
    elif by is Breakdown.DEPARTMENT:
        keys = sorted(set(raw) | set(checklists), key=lambda k: (k == "0", department_names.get(int(k), "")))
        rows = [StatsRow(k, department_names.get(int(k), NO_DEPARTMENT), _with(raw.get(k), checklists.get(k, 0)))
                for k in keys]
    elif by is Breakdown.POINT:
        rows = [StatsRow(pid, point_label(catalog, pid), t) for pid, t in _in_catalog_order(catalog, raw)]
    else:
        rows = _node_rows(catalog, raw)
    return StatsTable(by, tuple(rows), _with(Tally.total(r.tally for r in rows), counts.started))


def person_table(conn: Connection, f: Filter) -> StatsTable:
    """承办人 rows from the counts kept on each checklist (only where the court turned them on)."""
    people = tuple(StatsRow(k, k or "（未填写承办人）", t)
                   for k, t, _s, _a in sorted(tq.checklist_rows(conn, f, "person"), key=lambda r: r[0]))
    return StatsTable(Breakdown.PERSON, people, Tally.total(r.tally for r in people))


def _with(t: Tally | None, checklists: int) -> Tally:
    base = t or Tally()
    return Tally(checklists, base.unreviewed, base.clear, base.risk, base.na, base.settled)


def find_point(catalog: Catalog, point_id: str) -> RiskPoint | None:
    try:
        return catalog.point(point_id)
    except (KeyError, ValueError):
        return None


def point_label(catalog: Catalog, point_id: str) -> str:
    p = find_point(catalog, point_id)
    return f"{point_id} {p.title}" if p else f"{point_id}（已停用）"


def _in_catalog_order(catalog: Catalog, raw: dict[str, Tally]) -> list[tuple[str, Tally]]:
    order = {p.id: i for i, p in enumerate(p for st in catalog.stages for p in st.points)}
    # A point's checklists: every checklist that has it, whatever its status.
    return [(pid, _with(t, t.unreviewed + t.clear + t.risk + t.na + t.settled))
            for pid, t in sorted(raw.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))]


def _node_rows(catalog: Catalog, raw: dict[str, Tally]) -> list[StatsRow]:
    rows = []
    seen: set[str] = set()
    for st in catalog.stages:
        for node in st.nodes:
            parts = [raw[p.id] for p in node.points if p.id in raw]
            seen |= {p.id for p in node.points}
            if parts:
                covered = max(t.unreviewed + t.clear + t.risk + t.na + t.settled for t in parts)
                rows.append(StatsRow(node.id, f"{st.stage.label_zh}·{node.name}", _with(Tally.total(parts), covered)))
    retired = [t for pid, t in raw.items() if pid not in seen]
    if retired:
        rows.append(StatsRow("retired", RETIRED_NODE, Tally.total(retired)))
    return rows


def points_of(catalog: Catalog, by: Breakdown, key: str) -> list[str]:
    if by is Breakdown.POINT:
        return [key]
    for st in catalog.stages:
        for node in st.nodes:
            if node.id == key:
                return [p.id for p in node.points]
    raise NotFound(f"目录中没有流程节点 {key}")


def stage_of_key(catalog: Catalog, by: Breakdown, key: str) -> str | None:
    if by is Breakdown.POINT:
        p = find_point(catalog, key)
        return p.stage.value if p else None
    for st in catalog.stages:
        if any(node.id == key for node in st.nodes):
            return st.stage.value
    return None


def finding_figures(rows: Iterable[tq.FindingRow], today: date) -> FindingFigures:
    opened = closed = dismissed = open_now = overdue = 0
    days: list[int] = []
    for r in rows:
        opened += 1
        if r.state == FindingState.CLOSED.value:
            closed += 1
            if r.closed_at is not None:
                days.append((r.closed_at.date() - r.created_at.date()).days)
        elif r.state == FindingState.DISMISSED.value:
            dismissed += 1
        else:
            open_now += 1
            overdue += r.due < today
    return FindingFigures(opened, closed, dismissed, open_now, overdue, median(days))
