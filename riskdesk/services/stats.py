"""Court statistics: breakdowns by stage, node, point, 庭室 and month, the dashboard's figures, the cases
behind a bar.

Answer counts come from the point tallies (services.tallies) for the court or a 庭室; for a set of
cases the tallies do not cover (one person's own cases) they are counted from those checklists'
answers. Checklist counts (started, submitted, approved) come from the checklists themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection

from riskdesk.domain.catalog import Catalog, RiskPoint
from riskdesk.domain.findings import FindingState
from riskdesk.domain.model import CaseId, SettingKey, Stage
from riskdesk.domain.people import CaseScope, Role
from riskdesk.domain.stats import (
    Breakdown,
    ChecklistFigures,
    FindingFigures,
    Period,
    StatsRow,
    StatsTable,
    Tally,
    median,
)
from riskdesk.services.errors import NotFound, PermissionDenied
from riskdesk.services.permissions import Action, Policy
from riskdesk.services.settings import SettingsService
from riskdesk.services.tallies import Contribution, rebuild
from riskdesk.storage import tally_queries as tq
from riskdesk.storage.chain import take
from riskdesk.storage.db import Database, serialise
from riskdesk.storage.settings_queries import read_settings, write_settings
from riskdesk.storage.tally_queries import Filter

NO_DEPARTMENT = "（未指定庭室）"
RETIRED_NODE = "（已调整的风险点）"
_GROUP = {Breakdown.STAGE: "stage", Breakdown.POINT: "point_id", Breakdown.NODE: "point_id",
          Breakdown.DEPARTMENT: "department_id", Breakdown.MONTH: "month"}


@dataclass(frozen=True)
class TopPoint:
    point_id: str
    title: str
    stage: Stage | None
    node_name: str
    risk: int
    risk_rate: float | None
    guidance: tuple[str, ...]


@dataclass(frozen=True)
class Dashboard:
    """Every figure of the 统计 window and the 通报 for one period and scope."""

    period: Period
    scope: str  # 全院, a 庭室's name, or 本人承办案件
    checklists: ChecklistFigures
    total: Tally
    tables: dict[Breakdown, StatsTable]
    top_points: tuple[TopPoint, ...]
    findings: FindingFigures


@dataclass(frozen=True)
class Scope:
    """Whose figures: the court, one 庭室, or the cases a person may read (their own)."""

    department: str | None = None
    own: CaseScope | None = None
    label: str = "全院"


ContributionOf = Callable[[Connection, int], Contribution]


class StatsService:
    """Figures for whoever asks, within what they may see: 审管办 (and a single seat) the court or any 庭室,
    a 庭长 their 庭室, a judge or assistant their own cases. Per-person figures only when the court
    turned them on (SettingKey.PERSON_FIGURES), and then only within those same scopes."""

    def __init__(self, db: Database, catalog: Callable[[], Catalog], contribution_of: ContributionOf,
                 settings: SettingsService, policy: Policy) -> None:
        self._db = db
        self._catalog = catalog
        self._contribution_of = contribution_of
        self._settings = settings
        self._policy = policy

    # -- upkeep -----------------------------------------------------------------------------------------
    def rebuild_if_marked(self) -> int | None:
        """Count the tallies from the answers when the migration asked for it; the checklists counted."""
        with self._db.reading() as conn:
            marked = read_settings(conn, [SettingKey.REBUILD_TALLIES.value]).get(SettingKey.REBUILD_TALLIES.value)
        return self._rebuild(only_if_marked=True) if marked else None

    def rebuild(self) -> int:
        """Recount every tally from the stored answers (court IT, after restoring a database by hand)."""
        self._policy.require(Action.MANAGE_USERS if self._policy.shared else Action.STATISTICS)
        n = self._rebuild()
        assert n is not None
        return n

    def _rebuild(self, *, only_if_marked: bool = False) -> int | None:
        with self._db.writing() as conn:
            # On a server every workstation starting after the upgrade sees the mark: the first recounts,
            # the others wait and find it gone. Answers wait meanwhile (they take the chain head first).
            serialise(conn, "point tallies rebuild")
            take(conn)
            if only_if_marked and not read_settings(conn, [SettingKey.REBUILD_TALLIES.value]).get(
                    SettingKey.REBUILD_TALLIES.value):
                return None
            n = rebuild(conn, self._contribution_of)
            # Emptied, not deleted: the application role on a server may not delete (README 多人共用).
            write_settings(conn, {SettingKey.REBUILD_TALLIES.value: ""})
        return n

    @property
    def person_figures(self) -> bool:
        return self._settings.get(SettingKey.PERSON_FIGURES).strip().lower() in ("1", "on", "true", "yes", "是", "开启")

    def breakdowns(self) -> tuple[Breakdown, ...]:
        return tuple(b for b in Breakdown if b is not Breakdown.PERSON or self.person_figures)

    # -- reading ----------------------------------------------------------------------------------------
    def scope(self, department: str | None = None) -> Scope:
        """The scope the acting person gets for ``department`` (None: as wide as they may see)."""
        self._policy.require(Action.STATISTICS)
        account = self._policy.account()
        if account is not None and account.role is Role.DIVISION_HEAD and account.department_id is not None:
            if department and department != account.department:
                raise PermissionDenied(f"庭长（{account.name}）只能查看本庭室（{account.department}）的统计")
            return Scope(department=account.department, label=account.department)
        if account is not None and account.role is not Role.MANAGEMENT:
            if department:
                raise PermissionDenied(f"{account.role.label_zh}（{account.name}）的统计只含本人承办的案件")
            return Scope(own=self._policy.read_scope(), label="本人承办案件")
        if not department:
            return Scope()
        with self._db.reading() as conn:
            if tq.department_id(conn, department) is None:
                raise NotFound(f"没有名为“{department}”的庭室")
        return Scope(department=department, label=department)

    def table(self, by: Breakdown, period: Period, department: str | None = None) -> StatsTable:
        scope = self.scope(department)
        if by is Breakdown.PERSON and not self.person_figures:
            raise PermissionDenied("本院未开启按承办人统计（设置项 stats.person_figures）：统计数据供研判，不用于对法官排名")
        with self._db.reading() as conn:
            return self._table(conn, by, self._filter(conn, period, scope))

    def dashboard(self, period: Period, department: str | None = None, top: int = 10,
                  today: date | None = None) -> Dashboard:
        scope = self.scope(department)
        with self._db.reading() as conn:
            f = self._filter(conn, period, scope)
            tables = {by: self._table(conn, by, f) for by in self.breakdowns()}
            started = submitted = approved = 0
            for _k, t, sub, appr in tq.checklist_rows(conn, f, "stage"):
                started, submitted, approved = started + t.checklists, submitted + sub, approved + appr
            findings = _finding_figures(tq.finding_rows(conn, f), today or date.today())
        total = tables[Breakdown.STAGE].total
        return Dashboard(period, scope.label, ChecklistFigures(started, submitted, approved), total, tables,
                         self._top(tables[Breakdown.POINT], top), findings)

    def risk_cases(self, period: Period, department: str | None, by: Breakdown, key: str,
                   limit: int = 500) -> list[tuple[CaseId, str]]:
        """The cases behind one bar: those with a 存在风险 answer in that row (newest first)."""
        scope = self.scope(department)
        catalog = self._catalog()
        with self._db.reading() as conn:
            f = self._filter(conn, period, scope)
            if by is Breakdown.STAGE:
                found = tq.risk_cases(conn, f, key, None, limit)
            elif by is Breakdown.DEPARTMENT:
                found = tq.risk_cases(conn, f._replace(department_id=int(key)), None, None, limit)
            elif by is Breakdown.MONTH:
                found = tq.risk_cases(conn, f._replace(period=Period.parse(f"{key[:4]}-{key[4:]}")), None, None, limit)
            elif by is Breakdown.PERSON:
                found = tq.risk_cases(conn, f, None, None, limit, judge=key)
            else:
                refs = tq.point_refs(conn, _points_of(catalog, by, key))
                found = tq.risk_cases(conn, f, _stage_of_key(catalog, by, key), refs, limit) if refs else []
            readable = self._policy.readable(conn, [cid for cid, _ in found])
        return [(cid, no) for cid, no in found if cid in readable]

    # -- inside -----------------------------------------------------------------------------------------
    def _filter(self, conn: Connection, period: Period, scope: Scope) -> Filter:
        dept: int | None = None
        if scope.department:
            dept = tq.department_id(conn, scope.department)
            if dept is None:
                raise NotFound(f"没有名为“{scope.department}”的庭室")
        return Filter(period, dept, scope.own)

    def _table(self, conn: Connection, by: Breakdown, f: Filter) -> StatsTable:
        if by is Breakdown.PERSON:  # from the counts kept on each checklist
            people = tuple(StatsRow(k, k or "（未填写承办人）", t)
                           for k, t, _s, _a in sorted(tq.checklist_rows(conn, f, "person"), key=lambda r: r[0]))
            return StatsTable(by, people, Tally.total(r.tally for r in people))
        raw = self._counted(conn, f, _GROUP[by])
        checklists = {k: t.checklists for k, t, _s, _a in
                      tq.checklist_rows(conn, f, _CHECKLIST_GROUP.get(by, "stage"))}
        catalog = self._catalog()
        rows: list[StatsRow]
        if by is Breakdown.STAGE:
            rows = [StatsRow(s.value, s.label_zh, _with(raw.get(s.value), checklists.get(s.value, 0)))
                    for s in Stage if s.value in raw or s.value in checklists]
        elif by is Breakdown.MONTH:
            rows = [StatsRow(str(m), f"{m // 100}年{m % 100}月", _with(raw.get(str(m)), checklists.get(str(m), 0)))
                    for m in f.period.months]
        elif by is Breakdown.DEPARTMENT:
            names = tq.department_names(conn)
            keys = sorted(set(raw) | set(checklists), key=lambda k: (k == "0", names.get(int(k), "")))
            rows = [StatsRow(k, names.get(int(k), NO_DEPARTMENT), _with(raw.get(k), checklists.get(k, 0)))
                    for k in keys]
        elif by is Breakdown.POINT:
            rows = [StatsRow(pid, _point_label(catalog, pid), t) for pid, t in _in_catalog_order(catalog, raw)]
        else:
            rows = _node_rows(catalog, raw)
        total = Tally.total(r.tally for r in rows)
        all_checklists = sum(t.checklists for _k, t, _s, _a in tq.checklist_rows(conn, f, "stage"))
        return StatsTable(by, tuple(rows), _with(total, all_checklists))

    def _counted(self, conn: Connection, f: Filter, group: str) -> dict[str, Tally]:
        if f.cases_of is None:
            return dict(tq.point_rows(conn, f, group))
        out: dict[str, Tally] = {}  # one person's cases: counted from their checklists
        for checklist_id, _case in tq.checklists_in(conn, f):
            part = self._contribution_of(conn, checklist_id)
            for pid, status in part.statuses.items():
                k = {"stage": part.key.stage, "point_id": pid, "department_id": str(part.key.department_id),
                     "month": str(part.key.month)}[group]
                out[k] = out.get(k, Tally()) + Tally.of_status(status)
        return out

    def _top(self, points: StatsTable, n: int) -> tuple[TopPoint, ...]:
        catalog = self._catalog()
        ranked = sorted((r for r in points.rows if r.tally.risk), key=lambda r: (-r.tally.risk, r.key))[:n]
        out = []
        for r in ranked:
            p = _point(catalog, r.key)
            out.append(TopPoint(r.key, p.title if p else r.label, p.stage if p else None, p.node_name if p else "",
                                r.tally.risk, r.tally.risk_rate, p.guidance if p else ()))
        return tuple(out)


_CHECKLIST_GROUP = {Breakdown.DEPARTMENT: "department", Breakdown.MONTH: "month"}


def _with(t: Tally | None, checklists: int) -> Tally:
    base = t or Tally()
    return Tally(checklists, base.unreviewed, base.clear, base.risk, base.na, base.settled)


def _point(catalog: Catalog, point_id: str) -> RiskPoint | None:
    try:
        return catalog.point(point_id)
    except (KeyError, ValueError):
        return None


def _point_label(catalog: Catalog, point_id: str) -> str:
    p = _point(catalog, point_id)
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


def _points_of(catalog: Catalog, by: Breakdown, key: str) -> list[str]:
    if by is Breakdown.POINT:
        return [key]
    for st in catalog.stages:
        for node in st.nodes:
            if node.id == key:
                return [p.id for p in node.points]
    raise NotFound(f"目录中没有流程节点 {key}")


def _stage_of_key(catalog: Catalog, by: Breakdown, key: str) -> str | None:
    if by is Breakdown.POINT:
        p = _point(catalog, key)
        return p.stage.value if p else None
    for st in catalog.stages:
        if any(node.id == key for node in st.nodes):
            return st.stage.value
    return None


def _finding_figures(rows: Iterable[tq.FindingRow], today: date) -> FindingFigures:
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

