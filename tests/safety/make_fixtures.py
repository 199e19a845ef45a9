"""Writes tests/safety/fixtures/schema-<rev>.db: a database as each earlier schema revision left it.

Run once per new migration (``python -m tests.safety.make_fixtures``) and commit the files; they stay
as they are afterwards, so later migrations are always tested against real old files.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

from riskdesk.catalog.loader import load_catalog
from riskdesk.domain.catalog import Catalog
from riskdesk.storage import migrate
from riskdesk.storage.db import Database
from tests.catalog_factory import write_catalog

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011")
STATUSES = ("risk", "clear", "na", "unreviewed")


def make(revision: str, dest: Path) -> None:
    if revision >= "0005":  # answers as versions: the previous fixture, upgraded as a court's file would be
        _upgraded(f"{int(revision) - 1:04d}", revision, dest)
        return
    dest.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database("sqlite:///" + str(dest))
        migrate.upgrade(db, revision)
        catalog = load_catalog(write_catalog(Path(tmp) / "catalog", version="fixture-1"))
        db.close()
    fp = catalog.fingerprint
    conn = sqlite3.connect(dest)
    _record_catalog(conn, catalog)
    conn.execute("INSERT INTO settings VALUES ('court', '鄂尔多斯市东胜区人民法院'), ('reviewer', '王法官')")
    for n, case_no in enumerate(["（2023）内0602民初1号", "（2023）内0602执45号", "（2022）内06民终7号"], start=1):
        conn.execute("INSERT INTO cases (id, case_no, cause, parties, judge, created_at, updated_at) VALUES "
                     "(?, ?, '民间借贷纠纷', '张三诉李四；“引号”', '王法官', '2023-05-01 09:00:00', "
                     "'2023-05-02 10:00:00')", (n, case_no))
        if revision >= "0004":
            conn.execute("UPDATE cases SET type_code = ? WHERE id = ?", (["民初", "执", "民终"][n - 1], n))
    rid = 0
    for cl_id, (case_id, stage) in enumerate([(1, "filing"), (1, "trial"), (2, "enforcement")], start=1):
        conn.execute("INSERT INTO checklists (id, case_id, stage, catalog_fingerprint, created_at, last_point_id) "
                     "VALUES (?, ?, ?, ?, '2023-05-01 09:30:00', '')", (cl_id, case_id, stage, fp))
        for i, point in enumerate(p for st in catalog.stages if st.stage.value == stage for p in st.points):
            rid += 1
            status = STATUSES[i % 4] if i < 40 else "unreviewed"
            note = f"第{i + 1}项备注：<b>材料</b>不全 'x'" if i % 7 == 0 else ""
            conn.execute(
                "INSERT INTO results (id, checklist_id, point_id, point_hash, status, note, updated_at, updated_by, "
                "revision, retired_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                (rid, cl_id, point.id, point.content_hash, status, note,
                 "2023-05-03 11:00:00" if status != "unreviewed" or note else None,
                 "王法官" if status != "unreviewed" or note else "", int(status != "unreviewed") + int(bool(note))),
            )
            if revision >= "0002" and status != "unreviewed":
                conn.execute("INSERT INTO change_log (at, who, result_id, field, old_value, new_value) "
                             "VALUES ('2023-05-03 11:00:00', '王法官', ?, 'status', 'unreviewed', ?)", (rid, status))
    # A retired answer, as a catalog upgrade leaves it: must survive every migration too.
    rid += 1
    conn.execute("INSERT INTO results (id, checklist_id, point_id, point_hash, status, note, updated_at, updated_by, "
                 "revision, retired_at) VALUES (?, 1, 'LA-001', 'old-hash', 'na', '旧目录的答案', "
                 "'2023-04-01 08:00:00', '李助理', 2, '2023-05-01 09:30:00')", (rid,))
    if revision >= "0004":  # an entry of the record, as creating a case under 0004 wrote it
        conn.execute("INSERT INTO events (id, at, actor, actor_login, actor_role, kind, case_id, checklist_id, "
                     "point_id, field, old_value, new_value, reason, prev_hash, hash) VALUES (1, "
                     "'2023-05-01 09:00:00.000000', '王法官', '', '', 'case.created', 1, NULL, '', '', '', "
                     "'（2023）内0602民初1号', '', ?, ?)", ("0" * 64, "1" * 64))
        conn.execute("UPDATE chain_head SET event_id = 1, hash = ?", ("1" * 64,))
    if revision >= "0003":  # the counts kept on each checklist, as the program keeps them
        for status in STATUSES:
            conn.execute(f"UPDATE checklists SET n_{status} = (SELECT count(*) FROM results r WHERE "
                         f"r.checklist_id = checklists.id AND r.retired_at IS NULL AND r.status = '{status}')")
    conn.commit()
    conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file in git
    conn.execute("VACUUM")
    conn.close()


def _upgraded(previous: str, revision: str, dest: Path) -> None:
    import shutil

    dest.unlink(missing_ok=True)
    shutil.copy(FIXTURES / f"schema-{previous}.db", dest)
    db = Database("sqlite:///" + str(dest))
    migrate.upgrade(db, revision)
    db.close()
    for leftover in dest.parent.glob("backups"):
        shutil.rmtree(leftover)
    conn = sqlite3.connect(dest)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("VACUUM")
    conn.close()


def _record_catalog(conn: sqlite3.Connection, catalog: Catalog) -> None:
    """The catalog as every schema up to 0004 stored it (no ``ref`` yet)."""
    conn.execute("INSERT INTO catalog_versions VALUES (?, ?, '2023-05-01 09:00:00')", (catalog.fingerprint,
                                                                                     catalog.version))
    for stage in catalog.stages:
        for pos, point in enumerate(stage.points):
            conn.execute("INSERT OR IGNORE INTO catalog_points (content_hash, point_id, content_json) VALUES (?, ?, ?)",
                         (point.content_hash, point.id, json.dumps(point.content(), ensure_ascii=False,
                                                                  sort_keys=True)))
            conn.execute("INSERT INTO catalog_entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (catalog.fingerprint, point.id, stage.stage.value, pos, point.node_id, point.node_name,
                          point.content_hash))


def main(revisions: list[str]) -> None:
    """Make the fixtures named (by default only those still missing: existing ones are never remade)."""
    FIXTURES.mkdir(exist_ok=True)
    for rev in revisions or [r for r in REVISIONS if not (FIXTURES / f"schema-{r}.db").exists()]:
        make(rev, FIXTURES / f"schema-{rev}.db")
        print(FIXTURES / f"schema-{rev}.db")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
