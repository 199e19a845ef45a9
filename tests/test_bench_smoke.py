"""``python -m bench`` still runs and reports every figure (a smoke run; speed is not asserted here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

KEYS = {"startup_ms", "startup_floor_ms", "open_checklist_ms", "commit_ms", "note_save_ms", "keypress_ms",
        "switch_stage_ms", "pdf_guidance_ms", "pdf_case_ms", "pdf_floor_ms", "search_10k_ms",
        "open_checklist_10k_ms", "counts_10k_ms", "db_mb", "rss_mb", "import_10k_ms", "bytes_per_case",
        "stats_dashboard_ms", "stats_dashboard_all_ms", "stats_cases", "bulletin_pdf_ms", "bulletin_ratio"}


def test_bench_reports_every_figure(tmp_path: Path) -> None:
    env = {**os.environ, "RISKDESK_BENCH_QUICK": "1", "RISKDESK_BENCH_CASES": "40",
           "RISKDESK_BENCH_CACHE": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "bench"], capture_output=True, text=True, cwd=REPO, env=env,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    assert KEYS <= set(report)
    assert all(isinstance(report[k], (int, float)) and report[k] >= 0 for k in KEYS)
    assert set(report["met"]) <= set(report["targets"])


PG_KEYS = {"pg_search_100k_ms", "pg_open_checklist_100k_ms", "pg_counts_100k_ms", "pg_commit_p99_ms",
           "pg_stats_dashboard_100k_ms", "pg_stats_dashboard_all_100k_ms", "pg_commits", "pg_generate_s"}


@pytest.mark.pg
def test_pg_bench_reports_every_figure(request: pytest.FixtureRequest) -> None:
    """``python -m bench.pg_bench`` on a database of the throwaway cluster: a few hundred cases, a few writers."""
    cluster = request.getfixturevalue("pg_cluster")
    db = cluster.create_database()
    try:
        env = {**os.environ, "RISKDESK_BENCH_QUICK": "1", "RISKDESK_BENCH_PG_CASES": "300",
               "RISKDESK_BENCH_PG_URL": db.app_url}
        proc = subprocess.run([sys.executable, "-m", "bench.pg_bench"], capture_output=True, text=True, cwd=REPO,
                              env=env, timeout=300)
    finally:
        cluster.drop_database(db.name)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    assert PG_KEYS <= set(report), PG_KEYS - set(report)
    assert all(isinstance(report[k], (int, float)) and report[k] >= 0 for k in PG_KEYS)
    assert report["pg_cases"] == 300 and report["pg_commits"] > 0 and report["pg_commit_errors"] == 0
    assert set(report["met"]) == set(report["targets"])
