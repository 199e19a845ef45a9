"""Seats saving at once: no answer lost or duplicated, no error for a conflict-free save, the audit chain
still whole. Twenty writers for a minute on a server; on a local SQLite file a few (the window, a command
and the daily backup are as many as one seat has), saving at a person's pace: SQLite's lock is not
fair, and processes saving in a tight loop on one file can starve one past its busy timeout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from riskdesk.domain.model import Stage
from riskdesk.services import Services
from tests.conftest import REPO

WRITERS = 20
SECONDS = float(os.environ.get("RISKDESK_WRITERS_SECONDS", "60"))


def run_writers(url: str, catalog_dir: Path, seconds: float = SECONDS, writers: int = WRITERS,
                pause_ms: int = 0) -> list[dict[str, object]]:
    svc = Services.open(url, catalog_dir, backups=False, actor_name="准备")
    try:
        shared = svc.checklists.open(svc.cases.create("(2024)内0602民初1000号").id, Stage.FILING).info.id
        own = [svc.checklists.open(svc.cases.create(f"(2024)内0602民初{1001 + k}号").id, Stage.FILING).info.id
               for k in range(writers)]
    finally:
        svc.close()
    per = 100 // writers  # the shared checklist's points, a few to each writer
    procs = [subprocess.Popen(
        [sys.executable, "-m", "bench.writers", url, str(catalog_dir), str(seconds), str(k), str(own[k]), str(shared),
         ",".join(f"LA-{i:03d}" for i in range(k * per + 1, (k + 1) * per + 1)), str(pause_ms)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env={**os.environ, "PYTHONPATH": str(REPO)}) for k in range(writers)]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=seconds + 120)
        assert p.returncode == 0, stderr[-2000:]
        out.append(json.loads(stdout.strip().splitlines()[-1]))
    return out


def test_a_few_writers_on_one_file(db_path: Path, catalog_dir: Path) -> None:
    # Saving as people do, a few a second each, not in a tight loop that holds the file's one write lock
    # all the time (a loaded machine then starves a writer past its 5 s busy timeout).
    check_writers(f"sqlite:///{db_path}", catalog_dir, writers=4, seconds=min(SECONDS, 20), pause_ms=50)


def check_writers(url: str, catalog_dir: Path, writers: int = WRITERS, seconds: float = SECONDS,
                  pause_ms: int = 0) -> None:
    reports = run_writers(url, catalog_dir, seconds, writers, pause_ms)
    assert all(not r["errors"] for r in reports), [r["errors"][:3] for r in reports if r["errors"]]  # type: ignore[index]
    # Per answer, the revisions its saves got: a change takes the next number, a save of the same status
    # changes nothing and keeps it. No number may be given twice (a lost or duplicated save) or skipped.
    revisions: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for r in reports:
        for checklist, point, status, revision in r["saves"]:  # type: ignore[attr-defined]
            revisions.setdefault((checklist, point), []).append((revision, status))
    total = sum(len(v) for v in revisions.values())
    assert total > writers * 10, total
    svc = Services.open(url, catalog_dir, backups=False)
    try:
        for (checklist, point), saves in revisions.items():
            numbers = sorted({n for n, _ in saves})
            assert numbers == list(range(numbers[0], numbers[-1] + 1)), (checklist, point, numbers)
            assert all(len({s for n2, s in saves if n2 == n}) == 1 for n in numbers), (checklist, point)
            history = [h for h in svc.answers.history(checklist, point) if h.field.value == "status"]
            assert len(history) == numbers[-1], (checklist, point)  # one entry per change, none lost
            view = svc.checklists.view_by_id(checklist)
            shown = next(it.result for it in view.items if it.point.id == point)
            final = next(s for n, s in saves if n == numbers[-1])
            assert (shown.status.value, shown.revision) == (final, numbers[-1]), (checklist, point)
        verdict = svc.audit.verify()
        assert verdict.ok, verdict
    finally:
        svc.close()


@pytest.mark.pg
def test_twenty_writers_for_a_minute_on_a_server(request: pytest.FixtureRequest, catalog_dir: Path) -> None:
    cluster = request.getfixturevalue("pg_cluster")
    db = cluster.create_database()
    try:
        check_writers(db.app_url, catalog_dir, writers=WRITERS, seconds=SECONDS)
    finally:
        cluster.drop_database(db.name)
