"""Use cases for a stage's checklist: open it, answer points, keep notes, follow catalog upgrades."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import Connection, Row, bindparam, case, func, insert, select, update

from riskdesk.domain.catalog import RiskPoint, point_from_content
from riskdesk.domain.model import MAX_NOTE_LENGTH, ChecklistInfo, Result, Stage, StageCounts, Status
from riskdesk.services.cases import parse_case_no
from riskdesk.services.catalog_store import CatalogStore
from riskdesk.services.errors import InvalidInput, NotFound, StaleResult
from riskdesk.storage.db import Database
from riskdesk.storage.schema import (
    cases,
    catalog_entries,
    catalog_points,
    catalog_versions,
    change_log,
    checklists,
    results,
)


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


# Statements of the per-key-press path, built once: building them per call cost more than the commit.
_R, _LOG, _CL = results, change_log, checklists
_SELECT_RESULT = select(_R.c.id, _R.c.point_hash, _R.c.status, _R.c.note, _R.c.updated_at, _R.c.updated_by,
                        _R.c.revision).where(_R.c.checklist_id == bindparam("cl"), _R.c.point_id == bindparam("pid"),
                                             _R.c.retired_at.is_(None))
_UPDATE_STATUS = update(_R).where(_R.c.id == bindparam("rid")).values(
    status=bindparam("value"), updated_at=bindparam("now"), updated_by=bindparam("by"), revision=bindparam("rev"))
_UPDATE_NOTE = update(_R).where(_R.c.id == bindparam("rid")).values(
    note=bindparam("value"), updated_at=bindparam("now"), updated_by=bindparam("by"), revision=bindparam("rev"))
_INSERT_LOG = insert(_LOG).values(at=bindparam("now"), who=bindparam("by"), result_id=bindparam("rid"),
                                  field=bindparam("field"), old_value=bindparam("old"), new_value=bindparam("value"))
# Moves one answer between the per-status counts kept on the checklist.
_MOVE_COUNT = update(_CL).where(_CL.c.id == bindparam("cl")).values(
    {f"n_{st.value}": _CL.c[f"n_{st.value}"] + case((bindparam("new") == st.value, 1), else_=0)
     - case((bindparam("old") == st.value, 1), else_=0) for st in Status}
)
_REMEMBER = update(_CL).where(_CL.c.id == bindparam("cl"), _CL.c.last_point_id != bindparam("pid")).values(
    last_point_id=bindparam("pid"))


def recount_checklist(s: Connection, checklist_id: int) -> None:
    """Recompute a checklist's per-status counts from its active results (after bulk changes)."""
    r = _R.c
    rows = s.execute(
        select(r.status, func.count()).where(r.checklist_id == checklist_id, r.retired_at.is_(None)).group_by(r.status)
    )
    counts: dict[str, int] = {str(status): int(n) for status, n in rows}
    s.execute(update(_CL).where(_CL.c.id == checklist_id).values(
        {f"n_{st.value}": counts.get(st.value, 0) for st in Status}))


_RESULT_COLUMNS = (_R.c.point_id, _R.c.point_hash, _R.c.status, _R.c.note, _R.c.updated_at, _R.c.updated_by,
                   _R.c.revision)
_CHECKLIST_COLUMNS = (_CL.c.id, _CL.c.case_id, _CL.c.stage, _CL.c.catalog_fingerprint, _CL.c.created_at,
                      _CL.c.last_point_id)
# Statements of opening a checklist (every case and stage switch), built once like the ones above.
_FIND_CHECKLIST = select(*_CHECKLIST_COLUMNS).where(_CL.c.case_id == bindparam("case"),
                                                    _CL.c.stage == bindparam("stage"))
_ACTIVE_RESULTS = select(*_RESULT_COLUMNS).where(_R.c.checklist_id == bindparam("cl"), _R.c.retired_at.is_(None))
_CATALOG_VERSION = select(catalog_versions.c.version).where(catalog_versions.c.fingerprint == bindparam("fp"))
_ANY_RETIRED = select(_R.c.id).where(_R.c.checklist_id == bindparam("cl"), _R.c.retired_at.is_not(None)).limit(1)


_STATUS_OF = {st.value: st for st in Status}  # a dict lookup; Status(value) costs ~10× more, per row


def to_result(row: Row[tuple[str, str, str, str, datetime | None, str, int]]) -> Result:
    return Result(row.point_id, row.point_hash, _STATUS_OF[row.status], row.note, row.updated_at, row.updated_by,
                  row.revision)


def clean_note(note: str) -> str:
    if "\x00" in note:
        note = note.replace("\x00", "")
    if len(note) > MAX_NOTE_LENGTH:
        raise InvalidInput(f"备注过长（{len(note)} 个字符），最多 {MAX_NOTE_LENGTH} 个字符；请精简后再保存")
    return note


class ReviewService:
    def __init__(self, db: Database, catalogs: CatalogStore) -> None:
        self._db = db
        self._catalogs = catalogs

    # -- opening -------------------------------------------------------------------------------------
    def open(self, case_id: int, stage: Stage) -> ChecklistView:
        """The case's checklist for ``stage``, started against the current catalog if it is new."""
        fp = self._register_catalog()
        view = self.existing(case_id, stage)  # the common case: a read, no write lock
        if view is not None:
            return view
        with self._db.writing() as conn:
            cl = self._find(conn, case_id, stage)
            if cl is None:
                if conn.execute(select(cases.c.id).where(cases.c.id == case_id)).first() is None:
                    raise NotFound(f"没有找到编号为 {case_id} 的案件")
                self._start(conn, case_id, stage, fp)
                cl = self._find(conn, case_id, stage)
                assert cl is not None
            return self._view(conn, cl)

    def prepare(self) -> None:
        """Load the current catalog and record it in the database (once per process)."""
        self._register_catalog()

    def open_by_case_no(self, case_no: str, stage: Stage) -> ChecklistView:
        number = parse_case_no(case_no)
        with self._db.reading() as conn:
            case_id = conn.execute(select(cases.c.id).where(cases.c.case_no == number)).scalar()
        if case_id is None:
            raise NotFound(f"没有找到案号为 {number} 的案件")
        return self.open(case_id, stage)

    def existing(self, case_id: int, stage: Stage) -> ChecklistView | None:
        """The checklist if the stage was started; never creates one."""
        with self._db.reading() as conn:
            cl = self._find(conn, case_id, stage)
            return None if cl is None else self._view(conn, cl)

    @staticmethod
    def _find(conn: Connection, case_id: int, stage: Stage) -> Row[tuple[int, int, str, str, datetime, str]] | None:
        return conn.execute(_FIND_CHECKLIST, {"case": case_id, "stage": stage.value}).first()

    def _register_catalog(self) -> str:
        if self._catalogs.registered:
            return self._catalogs.catalog.fingerprint
        with self._db.writing() as conn:
            return self._catalogs.ensure_registered(conn)

    def _start(self, conn: Connection, case_id: int, stage: Stage, fp: str) -> None:
        points = self._catalogs.catalog.stage(stage).points
        key = conn.execute(insert(_CL).values(
            case_id=case_id, stage=stage.value, catalog_fingerprint=fp, created_at=datetime.now(), last_point_id="",
            n_unreviewed=len(points), n_clear=0, n_risk=0, n_na=0)).inserted_primary_key
        assert key is not None
        conn.execute(
            insert(_R),
            [
                {"checklist_id": key[0], "point_id": p.id, "point_hash": p.content_hash, "status": "unreviewed",
                 "note": "", "updated_at": None, "updated_by": "", "revision": 0, "retired_at": None}
                for p in points
            ],
        )

    def _points_of(self, conn: Connection, fingerprint: str, stage: Stage) -> list[RiskPoint]:
        cat = self._catalogs.catalog
        if fingerprint == cat.fingerprint:
            return list(cat.stage(stage).points)
        # An older catalog: rebuild the points exactly as they were when the checklist was answered.
        e, p = catalog_entries.c, catalog_points.c
        rows = conn.execute(
            select(e.node_id, e.node_name, p.content_json)
            .join(catalog_points, p.content_hash == e.point_hash)
            .where(e.fingerprint == fingerprint, e.stage == stage.value)
            .order_by(e.position)
        )
        return [point_from_content(json.loads(js), stage, nid, nname) for nid, nname, js in rows]

    def _view(self, conn: Connection, cl: Row[tuple[int, int, str, str, datetime, str]]) -> ChecklistView:
        stage = Stage(cl.stage)
        points = self._points_of(conn, cl.catalog_fingerprint, stage)
        answers = {row.point_id: to_result(row) for row in conn.execute(_ACTIVE_RESULTS, {"cl": cl.id})}
        items = [
            ChecklistItem(p, answers.get(p.id) or Result(p.id, p.content_hash, Status.UNREVIEWED, "", None, "", 0))
            for p in points
        ]
        version = conn.execute(_CATALOG_VERSION, {"fp": cl.catalog_fingerprint}).scalar()
        info = ChecklistInfo(cl.id, cl.case_id, stage, version or "", cl.catalog_fingerprint, cl.created_at,
                             cl.last_point_id or "")
        current = self._catalogs.catalog
        upgrade = cl.catalog_fingerprint != current.fingerprint
        changed: tuple[str, ...] = ()
        if upgrade:
            new_hashes = {p.id: p.content_hash for p in current.stage(stage).points}
            changed = tuple(p.id for p in points if new_hashes.get(p.id) != p.content_hash)
            changed += tuple(pid for pid in new_hashes if pid not in answers)
        previous = self._previous_answers(conn, cl.id, items)
        return ChecklistView(info, tuple(items), upgrade, changed, previous)

    @staticmethod
    def _previous_answers(conn: Connection, checklist_id: int, items: list[ChecklistItem]) -> dict[str, Result]:
        """Retired answers of points that are unanswered since the catalog changed under them."""
        r = _R.c
        fresh = {it.point.id for it in items if it.result.revision == 0}
        if not fresh or conn.execute(_ANY_RETIRED, {"cl": checklist_id}).first() is None:
            return {}
        rows = conn.execute(
            select(*_RESULT_COLUMNS)
            .where(r.checklist_id == checklist_id, r.retired_at.is_not(None), r.point_id.in_(fresh), r.revision > 0)
            .order_by(r.retired_at)
        )
        return {row.point_id: to_result(row) for row in rows}

    # -- answering -----------------------------------------------------------------------------------
    # The hot path of the product (one call per key press): Core statements, no ORM unit of work.
    def set_status(self, checklist_id: int, point_id: str, status: Status, by: str,
                   expected_revision: int | None = None) -> Result:
        with self._db.writing() as conn:
            return self._update(conn, checklist_id, point_id, "status", status.value, by, expected_revision,
                                remember=True)

    def set_note(self, checklist_id: int, point_id: str, note: str, by: str,
                 expected_revision: int | None = None) -> Result:
        text = clean_note(note)
        with self._db.writing() as conn:
            return self._update(conn, checklist_id, point_id, "note", text, by, expected_revision, remember=False)

    @staticmethod
    def _update(conn: Connection, checklist_id: int, point_id: str, field_name: str, value: str, by: str,
                expected_revision: int | None, *, remember: bool) -> Result:
        row = conn.execute(_SELECT_RESULT, {"cl": checklist_id, "pid": point_id}).first()
        if row is None:
            raise NotFound(f"风险点 {point_id} 不在这份清单中")
        result = Result(point_id, row.point_hash, Status(row.status), row.note, row.updated_at, row.updated_by,
                        row.revision)
        if expected_revision is not None and row.revision != expected_revision:
            raise StaleResult(point_id, result.status.label_zh, row.updated_by)
        old = row.status if field_name == "status" else row.note
        if old != value:
            now = datetime.now()
            params = {"rid": row.id, "value": value, "now": now, "by": by, "rev": row.revision + 1}
            conn.execute(_UPDATE_STATUS if field_name == "status" else _UPDATE_NOTE, params)
            conn.execute(_INSERT_LOG, {"now": now, "by": by, "rid": row.id, "field": field_name, "old": old,
                                       "value": value})
            if field_name == "status":
                conn.execute(_MOVE_COUNT, {"cl": checklist_id, "old": old, "new": value})
            result = replace(result, updated_at=now, updated_by=by, revision=row.revision + 1,
                             **({"status": Status(value)} if field_name == "status" else {"note": value}))
        if remember:
            conn.execute(_REMEMBER, {"cl": checklist_id, "pid": point_id})
        return result

    def remember_position(self, checklist_id: int, point_id: str) -> None:
        with self._db.writing() as conn:
            conn.execute(_REMEMBER, {"cl": checklist_id, "pid": point_id})

    def last_worked_stage(self, case_id: int) -> Stage | None:
        """The stage whose checklist got the latest answer; None when nothing was answered yet."""
        latest = func.max(_R.c.updated_at)
        with self._db.reading() as conn:
            row = conn.execute(
                select(_CL.c.stage, latest)
                .join(_R, _R.c.checklist_id == _CL.c.id)
                .where(_CL.c.case_id == case_id, _R.c.updated_at.is_not(None))
                .group_by(_CL.c.stage)
                .order_by(latest.desc())
                .limit(1)
            ).first()
        return Stage(row[0]) if row else None

    def history(self, checklist_id: int, point_id: str) -> list[tuple[datetime, str, str, str, str]]:
        g = _LOG.c
        with self._db.reading() as conn:
            rows = conn.execute(
                select(g.at, g.who, g.field, g.old_value, g.new_value)
                .join(_R, _R.c.id == g.result_id)
                .where(_R.c.checklist_id == checklist_id, _R.c.point_id == point_id)
                .order_by(g.id)
            )
            return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    # -- catalog upgrades ----------------------------------------------------------------------------
    def upgrade(self, checklist_id: int, by: str) -> UpgradeReport:
        """Move a checklist to the current catalog.

        An answer carries forward only where the point's content hash is unchanged; answers to changed
        or removed points are retired (kept, with their history), never deleted.
        """
        from riskdesk.storage.orm import ChecklistRow, ResultRow  # the ORM loads only for this rare write

        fp = self._register_catalog()
        now = datetime.now()
        with self._db.orm_writing() as s:
            cl = s.get(ChecklistRow, checklist_id)
            if cl is None:
                raise NotFound(f"清单 {checklist_id} 不存在")
            stage = Stage(cl.stage)
            new_points = {p.id: p for p in self._catalogs.catalog.stage(stage).points}
            active = {r.point_id: r for r in s.scalars(
                select(ResultRow).where(ResultRow.checklist_id == cl.id, ResultRow.retired_at.is_(None)))}
            carried, changed, added, retired = [], [], [], []
            for pid, row in active.items():
                p = new_points.get(pid)
                if p is None:
                    row.retired_at = now
                    retired.append(pid)
                elif p.content_hash == row.point_hash:
                    carried.append(pid)
                else:
                    row.retired_at = now
                    changed.append(pid)
            s.flush()
            for pid, p in new_points.items():
                if pid in carried:
                    continue
                if pid not in active:
                    added.append(pid)
                s.add(ResultRow(checklist_id=cl.id, point_id=pid, point_hash=p.content_hash, status="unreviewed",
                                note="", updated_at=None, updated_by="", revision=0, retired_at=None))
            cl.catalog_fingerprint = fp
            s.flush()
            recount_checklist(s.connection(), cl.id)
            return UpgradeReport(tuple(carried), tuple(changed), tuple(added), tuple(retired))
