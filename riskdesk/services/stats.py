"""Court statistics: breakdowns by stage, node, point, 庭室 and month, the dashboard's figures, the cases
behind a bar.

Answer counts come from the point tallies (services.tallies) for the court or a 庭室; for a set of
cases the tallies do not cover (one person's own cases) they are counted from those checklists'
answers. Checklist counts (started, submitted, approved) come from the checklists themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Connection

from riskdesk.domain.catalog import Catalog
from riskdesk.domain.model import CaseId, SettingKey, Stage
from riskdesk.domain.people import CaseScope, Role
from riskdesk.domain.stats import (
    Breakdown,
    ChecklistFigures,
    FindingFigures,
    Period,
    StatsTable,
    Tally,
)
from riskdesk.services.errors import NotFound, PermissionDenied, ServiceError
from riskdesk.services.permissions import Action, Policy
from riskdesk.services.settings import SettingsService
from riskdesk.services.stats_tables import (
    ContributionOf,
    Counts,
    build_table,
    find_point,
    finding_figures,
    person_table,
    points_of,
    stage_of_key,
)
from riskdesk.services.tallies import rebuild
from riskdesk.storage import tally_queries as tq
from riskdesk.storage.db import Database, hold_checklists, serialise
from riskdesk.storage.settings_queries import read_settings, write_settings
from riskdesk.storage.tally_queries import Filter


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
            # the others wait and find it gone. Answers and sign-offs wait meanwhile.
            serialise(conn, "point tallies rebuild")
            hold_checklists(conn)
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
            f = self._filter(conn, period, scope)
            if by is Breakdown.PERSON:
                return person_table(conn, f)
            return build_table(by, Counts(conn, f, self._contribution_of), self._catalog(), tq.department_names(conn))

    def dashboard(self, period: Period, department: str | None = None, top: int = 10,
                  today: date | None = None) -> Dashboard:
        scope = self.scope(department)
        with self._db.reading() as conn:
            f = self._filter(conn, period, scope)
            counts, catalog, names = Counts(conn, f, self._contribution_of), self._catalog(), tq.department_names(conn)
            tables = {by: person_table(conn, f) if by is Breakdown.PERSON else build_table(by, counts, catalog, names)
                      for by in self.breakdowns()}
            figures = ChecklistFigures(counts.started, counts.submitted, counts.approved)
            findings = finding_figures(tq.finding_rows(conn, f), today or date.today())
        total = tables[Breakdown.STAGE].total
        return Dashboard(period, scope.label, figures, total, tables, self._top(tables[Breakdown.POINT], top), findings)

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
                refs = tq.point_refs(conn, points_of(catalog, by, key))
                found = tq.risk_cases(conn, f, stage_of_key(catalog, by, key), refs, limit) if refs else []
            readable = self._policy.readable(conn, [cid for cid, _ in found])
        return [(cid, no) for cid, no in found if cid in readable]

    def whole_period(self, today: date | None = None) -> Period:
        """From the month the first checklist was started to this month: ``stats`` without --period."""
        self._policy.require(Action.STATISTICS)
        day = today or date.today()
        with self._db.reading() as conn:
            first = tq.first_started(conn)
        start = min(first.date(), day) if first is not None else day
        text = f"{start.year}-{start.month:02d}..{day.year}-{day.month:02d}"
        whole = Period.parse(text)
        one = whole.first_month == whole.last_month
        return Period(whole.first, whole.last, f"全部（{whole.first.year}年{whole.first.month}月）" if one
                      else f"全部（{whole.label}）")

    def export_xlsx(self, path: Path, period: Period, department: str | None = None,
                    today: date | None = None) -> Path:
        """Every breakdown of the dashboard as an .xlsx workbook, written whole or not at all."""
        from riskdesk.sheets.stats import StatsWorkbook, TopRow, write_stats

        board = self.dashboard(period, department, top=20, today=today)
        top = [TopRow(t.point_id, t.title, t.node_name, t.risk, t.risk_rate, "\n".join(t.guidance))
               for t in board.top_points]
        book = StatsWorkbook(self._settings.get(SettingKey.COURT), period.label, board.scope, today or date.today(),
                             board.checklists, board.total, board.findings, list(board.tables.values()), top)
        try:
            return write_stats(path, book)
        except OSError as exc:  # no such folder, no right to write, the file open in Excel
            raise ServiceError(f"无法保存统计表到 {path}：{exc.strerror or exc}") from exc

    # -- inside -----------------------------------------------------------------------------------------
    def _filter(self, conn: Connection, period: Period, scope: Scope) -> Filter:
        dept: int | None = None
        if scope.department:
            dept = tq.department_id(conn, scope.department)
            if dept is None:
                raise NotFound(f"没有名为“{scope.department}”的庭室")
        return Filter(period, dept, scope.own)

    def _top(self, points: StatsTable, n: int) -> tuple[TopPoint, ...]:
        catalog = self._catalog()
        ranked = sorted((r for r in points.rows if r.tally.risk), key=lambda r: (-r.tally.risk, r.key))[:n]
        out = []
        for r in ranked:
            p = find_point(catalog, r.key)
            out.append(TopPoint(r.key, p.title if p else r.label, p.stage if p else None, p.node_name if p else "",
                                r.tally.risk, r.tally.risk_rate, p.guidance if p else ()))
        return tuple(out)

