"""Power loss, simulated: writers are killed with SIGKILL at random moments; nothing committed is lost.

A SIGKILL leaves exactly what a power cut leaves to SQLite's recovery (the kernel still writes the
page cache, so this does not test the disk's honesty about fsync — synchronous=FULL covers that).
After every kill the database must pass ``PRAGMA integrity_check`` and hold every change the writer
had reported as committed; and since each change bumps the revision and logs one history row in one
transaction, ``revision`` must equal the number of history rows of every answer (no half commits).
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from riskdesk.domain.model import Stage
from riskdesk.services import Services
from tests.conftest import REPO

KILLS = 60
# SQLite only: SIGKILL of a process writing the SQLite file (a server keeps its own durability).
pytestmark = [pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)"), pytest.mark.sqlite_only]


def _reader(stream: object, out: queue.Queue[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        out.put(line.rstrip("\n"))


def _next(lines: queue.Queue[str], timeout: float = 20.0) -> list[str]:
    return lines.get(timeout=timeout).split("\t")


Known = dict[str, dict[str, tuple[str, int]]]  # point -> field -> (value reported, revision it was reported at)


def _check(db_path: Path, known: Known, notes: set[str], checklist_id: int) -> None:
    conn = sqlite3.connect(db_path)  # runs WAL recovery, as the next start of RiskDesk would
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        codes = {0: "unreviewed", 1: "clear", 2: "risk", 3: "na"}
        rows = {pid: (codes[status], note, rev) for pid, status, note, rev in conn.execute(
            "SELECT p.point_id, v.status, v.note, v.rev FROM answer_versions v JOIN catalog_points p "
            "ON p.ref = v.point_ref WHERE v.checklist_id=? ORDER BY v.rev", (checklist_id,))}  # newest rev last
        for pid, fields in known.items():
            status, note, rev = rows.get(pid, ("unreviewed", "", 0))  # never changed: no version
            now = {"status": status, "note": note}
            for field, (value, at) in fields.items():
                assert rev >= at, (pid, field, rev, at)
                if rev == at:  # nothing newer was committed after this report
                    assert now[field] == value, (pid, field, now, value)
        # Every reported note is in the append-only history.
        logged = {v for (v,) in conn.execute("SELECT note FROM answer_versions")}
        assert notes <= logged, sorted(notes - logged)[:5]
        # One transaction per change: versions are numbered without gaps, and the audit chain holds.
        skew = conn.execute(
            "SELECT point_ref, max(rev), count(*) FROM answer_versions WHERE checklist_id=? GROUP BY point_ref "
            "HAVING max(rev) != count(*)", (checklist_id,)).fetchall()
        assert skew == []
        head = conn.execute("SELECT seq FROM chain_head").fetchone()[0]
        entries = conn.execute("SELECT (SELECT count(*) FROM answer_versions) + (SELECT count(*) FROM events)")
        assert entries.fetchone()[0] == head
    finally:
        conn.close()


def _one_round(child: subprocess.Popen[str], lines: queue.Queue[str], rng: random.Random, round_no: int,
               known: Known, notes: set[str]) -> int:
    """Start a writer, kill it after a random delay, record what it reported; returns the count."""
    assert child.stdin is not None
    child.stdin.write(f"go {round_no}\n")
    child.stdin.flush()
    tag, r, pid = _next(lines)
    assert (tag, int(r)) == ("P", round_no)
    # From "still opening the database" to "dozens of commits in": 5 to 250 ms.
    time.sleep(rng.uniform(0.005, 0.25))
    os.kill(int(pid), signal.SIGKILL)
    reported = 0
    while True:
        ev = _next(lines)
        if ev[0] == "X":
            assert os.WIFSIGNALED(int(ev[2])), "the writer ended by itself (see its stderr)"
            return reported
        _, _, point, field, value, rev = ev
        known.setdefault(point, {})[field] = (value, int(rev))
        if field == "note":
            notes.add(value)
        reported += 1


def test_sigkill_at_random_moments_loses_nothing_committed(db_path: Path, catalog_dir: Path) -> None:
    started = time.monotonic()
    url = "sqlite:///" + str(db_path)
    svc = Services.open(url, catalog_dir)
    case = svc.cases.create("(2024)内0602民初777号")
    view = svc.checklists.open(case.id, Stage.FILING)
    checklist_id = view.info.id
    points = [it.point.id for it in view.items[:20]]  # few points: kills often land on recently changed rows
    svc.close()

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.safety.crash_child", url, str(catalog_dir), str(checklist_id), ",".join(points)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None, text=True, encoding="utf-8",
        cwd=REPO, env=env, bufsize=1,
    )
    assert child.stdin is not None and child.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_reader, args=(child.stdout, lines), daemon=True).start()
    rng = random.Random(20240601)
    known: Known = {}
    notes: set[str] = set()
    committed = 0
    killed_before_first_commit = 0
    try:
        for round_no in range(KILLS):
            this_round = _one_round(child, lines, rng, round_no, known, notes)
            committed += this_round
            killed_before_first_commit += this_round == 0
            _check(db_path, known, notes, checklist_id)
    finally:
        child.stdin.close()
        child.wait(timeout=10)
    elapsed = time.monotonic() - started
    print(f"{KILLS} kills, {committed} committed changes checked, {killed_before_first_commit} kills before the "
          f"first commit, {elapsed:.1f} s")
    assert committed > KILLS  # the kills did land among commits
    assert killed_before_first_commit < KILLS // 2
    # The program opens it again normally and shows the last answers.
    svc = Services.open(url, catalog_dir)
    try:
        items = {it.point.id: it.result for it in svc.checklists.open(case.id, Stage.FILING).items}
        for pid, fields in known.items():
            assert items[pid].revision >= max(at for _, at in fields.values())
    finally:
        svc.close()
