"""Use cases for a stage's checklist as a whole: open it, read it, move it to a newer catalog."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection

from riskdesk.domain.case_kind import CaseProfile
from riskdesk.domain.catalog import RiskPoint
from riskdesk.domain.model import Case, CaseId, ChecklistId, ChecklistInfo, Result, Stage, StageCounts, Status
from riskdesk.services.case_fields import parse_case_no
from riskdesk.services.catalog_store import CatalogStore
from riskdesk.services.errors import NotFound
from riskdesk.storage import checklist_queries as q
from riskdesk.storage.answer_queries import recount_checklist, remember_position
from riskdesk.storage.case_queries import case_by_id, case_id_of
from riskdesk.storage.db import Database, serialise


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


class ChecklistService:
    def __init__(self, db: Database, catalogs: CatalogStore) -> None:
        self._db = db
        self._catalogs = catalogs

    def open(self, case_id: CaseId, stage: Stage) -> ChecklistView:
        """The case's checklist for ``stage``, started against the current catalog if it is new."""
        fp = self._catalogs.register()
        view = self.existing(case_id, stage)  # the common case: a read, no write lock
        if view is not None:
            return view
        with self._db.writing() as conn:
            serialise(conn, f"checklist {case_id} {stage.value}")  # two users opening a new stage at once
            found = q.find_checklist(conn, case_id, stage)
            if found is None:
                case = case_by_id(conn, case_id)
                if case is None:
                    raise NotFound(f"没有找到编号为 {case_id} 的案件")
                points = self._catalogs.catalog.stage(stage).points
                q.start_checklist(conn, case_id, stage, fp, points, _settled(case.profile, points))
                found = q.find_checklist(conn, case_id, stage)
                assert found is not None
            return self._view(conn, found)

    def resettle_case(self, conn: Connection, case: Case) -> None:
        """After the case's 执行依据 or 程序 changed: settle or bring back the points nobody answered."""
        profile = case.profile
        for cl in q.checklists_of_case(conn, case.id):
            points = self._points_of(conn, cl.catalog_fingerprint, Stage(cl.stage))
            settle = _settled(profile, points)
            if q.resettle(conn, cl.id, settle, {p.id for p in points} - settle):
                recount_checklist(conn, cl.id)

    def open_by_case_no(self, case_no: str, stage: Stage) -> ChecklistView:
        number = parse_case_no(case_no)
        with self._db.reading() as conn:
            case_id = case_id_of(conn, number)
        if case_id is None:
            raise NotFound(f"没有找到案号为 {number} 的案件")
        return self.open(case_id, stage)

    def existing(self, case_id: CaseId, stage: Stage) -> ChecklistView | None:
        """The checklist if the stage was started; never creates one."""
        with self._db.reading() as conn:
            found = q.find_checklist(conn, case_id, stage)
            return None if found is None else self._view(conn, found)

    def prepare(self) -> None:
        """Load the current catalog and record it in the database (once per process)."""
        self._catalogs.register()

    def last_worked_stage(self, case_id: CaseId) -> Stage | None:
        with self._db.reading() as conn:
            return q.last_worked_stage(conn, case_id)

    def remember_position(self, checklist_id: ChecklistId, point_id: str) -> None:
        with self._db.writing() as conn:
            remember_position(conn, checklist_id, point_id)

    def _points_of(self, conn: Connection, fingerprint: str, stage: Stage) -> list[RiskPoint]:
        cat = self._catalogs.catalog
        if fingerprint == cat.fingerprint:
            return list(cat.stage(stage).points)
        return q.stored_points(conn, fingerprint, stage)

    def _view(self, conn: Connection, cl: q.StoredChecklist) -> ChecklistView:
        stage = Stage(cl.stage)
        points = self._points_of(conn, cl.catalog_fingerprint, stage)
        answers = q.active_answers(conn, cl.id)
        items = [
            ChecklistItem(p, answers.get(p.id) or Result(p.id, p.content_hash, Status.UNREVIEWED, "", None, "", 0))
            for p in points
        ]
        info = ChecklistInfo(cl.id, cl.case_id, stage, q.catalog_version(conn, cl.catalog_fingerprint),
                             cl.catalog_fingerprint, cl.created_at, cl.last_point_id or "")
        current = self._catalogs.catalog
        upgrade = cl.catalog_fingerprint != current.fingerprint
        changed: tuple[str, ...] = ()
        if upgrade:
            new_hashes = {p.id: p.content_hash for p in current.stage(stage).points}
            changed = tuple(p.id for p in points if new_hashes.get(p.id) != p.content_hash)
            changed += tuple(pid for pid in new_hashes if pid not in answers)
        fresh = {it.point.id for it in items if it.result.revision == 0}
        previous = q.retired_answers(conn, cl.id, fresh)
        return ChecklistView(info, tuple(items), upgrade, changed, previous)

    def upgrade(self, checklist_id: ChecklistId) -> UpgradeReport:
        """Move a checklist to the current catalog.

        An answer carries forward only where the point's content hash is unchanged; answers to changed
        or removed points are retired (kept, with their history), never deleted.
        """
        fp = self._catalogs.register()
        now = datetime.now()
        with self._db.writing() as conn:
            serialise(conn, f"checklist upgrade {checklist_id}")  # the second of two upgrades finds nothing to do
            cl = q.checklist_by_id(conn, checklist_id)
            if cl is None:
                raise NotFound(f"清单 {checklist_id} 不存在")
            new_points = {p.id: p for p in self._catalogs.catalog.stage(Stage(cl.stage)).points}
            active = {row.point_id: row for row in q.active_rows(conn, checklist_id)}
            carried = [pid for pid, row in active.items()
                       if pid in new_points and new_points[pid].content_hash == row.point_hash]
            changed = [pid for pid in active if pid in new_points and pid not in carried]
            retired = [pid for pid in active if pid not in new_points]
            added = [pid for pid in new_points if pid not in active]
            q.retire_answers(conn, [active[pid].id for pid in changed + retired], now)
            case = case_by_id(conn, cl.case_id)
            assert case is not None
            fresh = [p for pid, p in new_points.items() if pid not in carried]
            q.insert_unanswered(conn, checklist_id, fresh, _settled(case.profile, fresh))
            q.set_catalog(conn, checklist_id, fp)
            recount_checklist(conn, checklist_id)
        return UpgradeReport(tuple(carried), tuple(changed), tuple(added), tuple(retired))


def _settled(profile: CaseProfile, points: Iterable[RiskPoint]) -> set[str]:
    """The points that cannot apply to a case of this kind, procedure and 程序."""
    return {p.id for p in points if not profile.applies(p)}
