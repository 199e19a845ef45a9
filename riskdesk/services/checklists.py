"""Use cases for a stage's checklist as a whole: open it, read it, move it to a newer catalog."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection

from riskdesk.domain.catalog import RiskPoint
from riskdesk.domain.model import Case, CaseId, ChecklistId, ChecklistInfo, Result, Stage, StageCounts, Status
from riskdesk.services.case_fields import parse_case_no
from riskdesk.services.catalog_store import CatalogStore
from riskdesk.services.errors import NotFound
from riskdesk.services.permissions import CaseAction, Policy
from riskdesk.services.tallies import Contribution, apply
from riskdesk.storage import checklist_queries as q
from riskdesk.storage.answer_queries import Version, remember_position, set_counts, versions_of
from riskdesk.storage.case_queries import case_by_id, case_id_of
from riskdesk.storage.catalog_queries import point_ids_of
from riskdesk.storage.db import Database, serialise
from riskdesk.storage.tally_queries import TallyKey, department_id


@dataclass(frozen=True)
class ChecklistItem:
    point: RiskPoint
    result: Result


@dataclass(frozen=True)
class ChecklistView:
    """Everything a screen, the CLI or a report needs to show one stage of one case."""

    info: ChecklistInfo
    items: tuple[ChecklistItem, ...]
    upgrade_available: bool = False
    changed_points: tuple[str, ...] = field(default_factory=tuple)
    # After an upgrade: the answer a changed point had before, until it is answered again.
    previous: dict[str, Result] = field(default_factory=dict)

    @property
    def counts(self) -> StageCounts:
        return StageCounts.of(it.result.status for it in self.items)


@dataclass(frozen=True)
class UpgradeReport:
    carried: tuple[str, ...]
    changed: tuple[str, ...]
    added: tuple[str, ...]
    retired: tuple[str, ...]


def result_of(point: RiskPoint, version: Version | None, applies: bool) -> Result:
    """A point's answer: its newest version, or unreviewed — settled when the case's kind excludes it."""
    if version is None:
        return Result(point.id, point.content_hash, Status.UNREVIEWED if applies else Status.SETTLED, "", None, "", 0)
    return Result(point.id, point.content_hash, version.status, version.note, version.at, version.actor, version.rev)


class ChecklistService:
    def __init__(self, db: Database, catalogs: CatalogStore, policy: Policy) -> None:
        self._db = db
        self._catalogs = catalogs
        self._policy = policy

    def open(self, case_id: CaseId, stage: Stage) -> ChecklistView:
        """The case's checklist for ``stage``, started against the current catalog if it is new."""
        self._policy.check_case(CaseAction.READ, case_id=case_id)
        fp = self._catalogs.register()
        view = self._existing(case_id, stage)  # the common case: a read, no write lock
        if view is not None:
            return view
        self._policy.check_case(CaseAction.START, case_id=case_id)
        with self._db.writing() as conn:
            serialise(conn, f"checklist {case_id} {stage.value}")  # two users opening a new stage at once
            found = q.find_checklist(conn, case_id, stage)
            if found is None:
                case = case_by_id(conn, case_id)
                if case is None:
                    raise NotFound(f"没有找到编号为 {case_id} 的案件")
                counts = StageCounts.of(Status.UNREVIEWED if case.profile.applies(p) else Status.SETTLED
                                        for p in self._catalogs.catalog.stage(stage).points)
                q.start_checklist(conn, case_id, stage, fp, counts)
                found = q.find_checklist(conn, case_id, stage)
                assert found is not None
                view = self._view(conn, found, case)
                apply(conn, None, self._contribution(conn, found, case, view))
                return view
            return self._view(conn, found)

    def open_by_case_no(self, case_no: str, stage: Stage) -> ChecklistView:
        number = parse_case_no(case_no)
        with self._db.reading() as conn:
            case_id = case_id_of(conn, number)
        if case_id is None:
            raise NotFound(f"没有找到案号为 {number} 的案件")
        return self.open(case_id, stage)

    def existing(self, case_id: CaseId, stage: Stage) -> ChecklistView | None:
        """The checklist if the stage was started; never creates one."""
        self._policy.check_case(CaseAction.READ, case_id=case_id)
        return self._existing(case_id, stage)

    def _existing(self, case_id: CaseId, stage: Stage) -> ChecklistView | None:
        with self._db.reading() as conn:
            found = q.find_checklist(conn, case_id, stage)
            return None if found is None else self._view(conn, found)

    def change_mark(self, checklist_id: ChecklistId) -> tuple[int, str, str]:
        """Differs from the one taken when a view was read iff someone (here or on another seat) changed
        an answer, the sign-off state or the catalog of the checklist since: the window reloads then."""
        self._policy.check_case(CaseAction.READ, checklist_id=checklist_id)
        with self._db.reading() as conn:
            return q.change_mark(conn, checklist_id)

    def view_by_id(self, checklist_id: ChecklistId) -> ChecklistView:
        self._policy.check_case(CaseAction.READ, checklist_id=checklist_id)
        with self._db.reading() as conn:
            found = q.checklist_by_id(conn, checklist_id)
            if found is None:
                raise NotFound(f"清单 {checklist_id} 不存在")
            return self._view(conn, found)

    def point(self, point_id: str) -> RiskPoint | None:
        """A point of the current catalog (None when it has none of that number)."""
        try:
            return self._catalogs.catalog.point(point_id)
        except (KeyError, ValueError):
            return None

    def case_of(self, view: ChecklistView) -> Case:
        with self._db.reading() as conn:
            found = case_by_id(conn, view.info.case_id)
        if found is None:
            raise NotFound(f"没有找到编号为 {view.info.case_id} 的案件")
        return found

    def prepare(self) -> None:
        """Load the current catalog and record it in the database (once per process)."""
        self._catalogs.register()

    def last_worked_stage(self, case_id: CaseId) -> Stage | None:
        self._policy.check_case(CaseAction.READ, case_id=case_id)
        with self._db.reading() as conn:
            return q.last_worked_stage(conn, case_id)

    def remember_position(self, checklist_id: ChecklistId, point_id: str) -> None:
        self._policy.check_case(CaseAction.ANSWER, checklist_id=checklist_id)
        with self._db.writing() as conn:
            remember_position(conn, checklist_id, point_id)

    def open_risks(self, case_id: CaseId, for_case: CaseId | None = None) -> list[tuple[Stage, str, str]]:
        """(stage, point id, note) of every 存在风险 answer of a case, for the cases that came from it.

        Read for ``for_case`` (a case whose 原审/执行依据 this is), whoever may read that case sees them,
        even when the origin belongs to another 庭室: they are part of its file.
        """
        self._policy.check_case(CaseAction.READ, case_id=for_case if for_case is not None else case_id)
        out = []
        for stage in Stage:
            view = self._existing(case_id, stage)
            if view is not None:
                out += [(stage, it.point.id, it.result.note) for it in view.items if it.result.status is Status.RISK]
        return out

    def reshelve_case(self, conn: Connection, before: Case, after: Case) -> None:
        """After a case's 庭室, 执行依据 or 程序 changed: its checklists' kept counts and tallies move.

        Settled-ness follows from the case's kind when a checklist is read; unanswered points it now
        excludes are settled, those it no longer excludes are brought back.
        """
        for cl in q.checklists_of_case(conn, after.id):
            old = self._view(conn, cl, before)
            new = self._view(conn, cl, after) if before.profile != after.profile else old
            set_counts(conn, cl.id, new.counts)
            apply(conn, self._contribution(conn, cl, before, old), self._contribution(conn, cl, after, new))

    def contribution(self, conn: Connection, checklist_id: int) -> Contribution:
        """What a checklist adds to the statistics, from its stored answers (services.tallies.rebuild)."""
        cl = q.checklist_by_id(conn, ChecklistId(checklist_id))
        assert cl is not None
        case = case_by_id(conn, cl.case_id)
        assert case is not None
        return self._contribution(conn, cl, case, self._view(conn, cl, case))

    @staticmethod
    def _contribution(conn: Connection, cl: q.StoredChecklist, case: Case, view: ChecklistView) -> Contribution:
        key = TallyKey.of(cl.created_at, department_id(conn, case.department) if case.department else None,
                          Stage(cl.stage))
        return Contribution(key, {it.point.id: it.result.status for it in view.items}, cl.state)

    def _view(self, conn: Connection, cl: q.StoredChecklist, case: Case | None = None) -> ChecklistView:
        stage = Stage(cl.stage)
        case = case or case_by_id(conn, cl.case_id)
        assert case is not None
        profile = case.profile
        points = self._catalogs.points_of(conn, cl.catalog_fingerprint, stage)
        refs = self._catalogs.refs_for(conn, points)
        latest: dict[int, Version] = {}
        for v in versions_of(conn, cl.id):
            latest[v.point_ref] = v  # in revision order: the last one stays
        items = tuple(ChecklistItem(p, result_of(p, latest.get(refs.get(p.content_hash, -1)), profile.applies(p)))
                      for p in points)
        info = ChecklistInfo(cl.id, cl.case_id, stage, q.catalog_version(conn, cl.catalog_fingerprint),
                             cl.catalog_fingerprint, cl.created_at, cl.last_point_id or "")
        current = self._catalogs.catalog
        upgrade = cl.catalog_fingerprint != current.fingerprint
        changed: tuple[str, ...] = ()
        if upgrade:
            new_hashes = {p.id: p.content_hash for p in current.stage(stage).points}
            changed = tuple(p.id for p in points if new_hashes.get(p.id) != p.content_hash)
            changed += tuple(pid for pid in new_hashes if pid not in {p.id for p in points})
        previous = self._previous(conn, items, latest, set(refs.values()))
        return ChecklistView(info, items, upgrade, changed, previous)

    @staticmethod
    def _previous(conn: Connection, items: tuple[ChecklistItem, ...], latest: dict[int, Version],
                  current_refs: set[int]) -> dict[str, Result]:
        """Answers given to an earlier content of a point that nobody has answered since the catalog changed."""
        older = {ref: v for ref, v in latest.items() if ref not in current_refs}
        if not older:
            return {}
        fresh = {it.point.id for it in items if it.result.revision == 0}
        out: dict[str, Result] = {}
        for ref, (pid, h) in point_ids_of(conn, older).items():
            v = older[ref]
            if pid in fresh and (pid not in out or (out[pid].updated_at or v.at) <= v.at):
                out[pid] = Result(pid, h, v.status, v.note, v.at, v.actor, v.rev)
        return out

    def upgrade(self, checklist_id: ChecklistId) -> UpgradeReport:
        """Move a checklist to the current catalog.

        An answer carries forward only where the point's content is unchanged (same content, same
        ref); answers to changed or removed points stay with the content they were given to, with
        their history, and are shown as the previous answer until the point is answered again.
        """
        self._policy.check_case(CaseAction.UPGRADE, checklist_id=checklist_id)
        fp = self._catalogs.register()
        with self._db.writing() as conn:
            serialise(conn, f"checklist upgrade {checklist_id}")  # the second of two upgrades finds nothing to do
            cl = q.checklist_by_id(conn, checklist_id)
            if cl is None:
                raise NotFound(f"清单 {checklist_id} 不存在")
            stage = Stage(cl.stage)
            old = {p.id: p.content_hash for p in self._catalogs.points_of(conn, cl.catalog_fingerprint, stage)}
            new = {p.id: p.content_hash for p in self._catalogs.catalog.stage(stage).points}
            case = case_by_id(conn, cl.case_id)
            assert case is not None
            before = self._contribution(conn, cl, case, self._view(conn, cl, case))
            q.set_catalog(conn, checklist_id, fp)
            moved = q.checklist_by_id(conn, checklist_id)
            assert moved is not None
            view = self._view(conn, moved, case)
            set_counts(conn, checklist_id, view.counts)
            apply(conn, before, self._contribution(conn, moved, case, view))
        carried = tuple(pid for pid in new if old.get(pid) == new[pid])
        changed = tuple(pid for pid in new if pid in old and old[pid] != new[pid])
        added = tuple(pid for pid in new if pid not in old)
        retired = tuple(pid for pid in old if pid not in new)
        return UpgradeReport(carried, changed, added, retired)
