"""``python -m bench``: RiskDesk's speed and memory figures as one JSON object.

Every figure is the median of several runs; floors are measured in the same run, with the ratio.
Milliseconds unless the key says otherwise. Targets (on the 2-core reference machine) are printed
next to the figures under "targets"; nothing here fails a test run. ``RISKDESK_BENCH_PG=1`` adds the
PostgreSQL figures of bench/pg_bench.py (which needs the server binaries; the default run does not).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.timing import median_ms  # noqa: E402
from riskdesk.domain.model import SettingKey  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from riskdesk.services import Services

QUICK = os.environ.get("RISKDESK_BENCH_QUICK") == "1"  # a smoke run for the test suite: shape, not speed
BULLETIN_PERIOD = "2025"  # the demo data's cases are started from 2020 to 2025

TARGETS = {
    "startup_ratio": 1.5, "open_checklist_ms": 20, "commit_ms": 2, "pdf_guidance_ratio": 2.0,
    "search_10k_ms": 50, "open_checklist_10k_ms": 20, "counts_10k_ms": 100, "rss_mb": 250,
    "switch_stage_ms": 50, "keypress_ms": 30, "import_10k_ms": 10_000, "bytes_per_case": 15_000,
    "stats_dashboard_100k_ms": 1000,
    "bulletin_ratio": 3.0,
}


def child(*args: str) -> tuple[float, float]:
    """(ms from process start to first painted window, RSS in MB) of a child process.

    ``child("app", DB)`` runs ``python -m riskdesk --db DB`` itself (RISKDESK_EXIT_AFTER_START makes
    it report and exit once painted); ``child("floor")`` runs bench/gui_child.py's bare window.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "RISKDESK_EXIT_AFTER_START": "1"}
    if args[0] == "app":
        command = [sys.executable, "-m", "riskdesk", "--db", args[1]]
    else:
        command = [sys.executable, "-m", "bench.gui_child", *args]
    start = time.time()
    out = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=True).stdout
    line = json.loads(out.strip().splitlines()[-1])
    return (line["shown_at"] - start) * 1000, line["rss_mb"]


def startup(db: str, runs: int = 15) -> dict[str, float]:
    """Start-up against its floor, in pairs (app, floor, app, floor, …).

    This machine's speed drifts by ±30% from one second to the next; the two runs of a pair see the
    same machine, so the ratio is the median of the pairs' ratios (the two medians are reported
    as well).
    """
    pairs = []
    for _ in range(runs):
        pairs.append((child("app", db)[0], child("floor")[0]))
    return {"startup_ms": round(statistics.median(a for a, _ in pairs), 1),
            "startup_floor_ms": round(statistics.median(f for _, f in pairs), 1),
            "startup_ratio": round(statistics.median(a / f for a, f in pairs), 2)}


def prepared_db(path: Path, cases: int, seed: int) -> Path:
    from riskdesk.bootstrap import StartOptions, open_services
    from riskdesk.services.demo_data import generate

    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        for leftover in tmp.parent.glob(tmp.name + "*"):
            leftover.unlink()
        svc = open_services(StartOptions(str(tmp)), backups=False)
        generate(svc.db, svc.catalogs, cases, seed)
        svc.settings.set(SettingKey.REVIEWER, "基准测试")
        svc.settings.set(SettingKey.COURT, "鄂尔多斯市东胜区人民法院")
        svc.settings.set_all({SettingKey.LAST_CASE: "1", SettingKey.LAST_STAGE: "filing"})
        svc.close()
        tmp.replace(path)
    return path


def _gui_app() -> QApplication:
    """A QApplication set up as the window's start-up sets it up for a court."""
    from PySide6.QtWidgets import QApplication

    from riskdesk.ui.fonts import register_bundled_font
    from riskdesk.ui.i18n import install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    # The bundled font (without it Qt hunts through the system's fonts for every Chinese glyph)
    # and the Chinese translation.
    register_bundled_font(app)
    install_translators(app, None)
    return app


def _cases_in_progress(svc: Services, first: int) -> list[int]:
    """Five cases' 审判 checklists, started and half answered, as a court's cases in progress are.

    Each case answers the points the case before left open, so a switch changes nearly every row:
    the hard case for updating answers in place."""
    from riskdesk.domain.model import Stage, Status

    ids = [first] + [svc.cases.create(f"(2024)内0602民初{n}号").id for n in range(2, 6)]
    answers = (Status.CLEAR, Status.RISK, Status.NA)
    for k, case_id in enumerate(ids):
        started = svc.checklists.open(case_id, Stage.TRIAL)
        for i, it in enumerate(started.items):
            if (i + k) % 2 == 0:
                svc.session.act_as("基准")
                svc.answers.set_status(started.info.id, it.point.id, answers[(i + k) % 3])
            if (i + k) % 7 == 0:
                svc.session.act_as("基准")
                svc.answers.set_note(started.info.id, it.point.id, f"第 {k} 案备注")
    return ids


def small_figures(db: str) -> dict[str, float]:
    """In-process GUI and service figures on a small database."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from riskdesk.bootstrap import StartOptions, open_services
    from riskdesk.domain.model import Stage, Status
    from riskdesk.ui.main_window import MainWindow

    svc = open_services(StartOptions(db), backups=False)
    app = _gui_app()
    svc.settings.set(SettingKey.REVIEWER, "基准测试")
    svc.settings.set(SettingKey.COURT, "鄂尔多斯市东胜区人民法院")  # else the first-run dialog would wait for a person
    case = svc.cases.create("(2024)内0602民初1号")
    win = MainWindow(svc)
    win.show()
    win.open_case(case.id, Stage.FILING)
    # Every stage's tab, as after opening the one a 民初 case does not go through on purpose (the
    # question that asks first is a person's pause, not the switch's cost).
    win.tabs.show_only(set(Stage))
    cl = win.checklist.view.info.id  # type: ignore[union-attr]
    panel = win.checklist
    out: dict[str, float] = {}
    # A judge going from case to case in the same stage.
    turn = iter(_cases_in_progress(svc, case.id) * 40)

    def open_checklist() -> None:
        panel.load(svc.checklists.open(next(turn), Stage.TRIAL))
        app.processEvents()

    out["open_checklist_ms"] = median_ms(open_checklist, runs=21)
    stages = iter([Stage.FILING, Stage.ENFORCEMENT, Stage.TRIAL] * 20)
    out["switch_stage_ms"] = median_ms(lambda: (win.switch_stage(next(stages)), app.processEvents()))  # type: ignore[attr-defined]
    flip = iter([Status.CLEAR, Status.RISK] * 200)
    points = iter([f"LA-{i % 100 + 1:03d}" for i in range(400)])
    out["commit_ms"] = median_ms(lambda: svc.answers.set_status(cl, next(points), next(flip)), runs=51)
    notes = iter([f"备注 {i}" for i in range(200)])
    out["note_save_ms"] = median_ms(lambda: svc.answers.set_note(cl, "LA-001", next(notes)), runs=51)
    win.switch_stage(Stage.FILING)
    keys = iter([Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3] * 40)

    def keypress() -> None:
        if panel.current_point() == "LA-100":
            panel.load(svc.checklists.open(case.id, Stage.FILING), "LA-001")
        QTest.keyClick(panel.tree, next(keys))
        panel.tree.viewport().repaint()

    out["keypress_ms"] = median_ms(keypress, runs=51)
    win.close()
    svc.close()
    return out


def big_figures(path: Path, cases: int) -> dict[str, float]:
    from riskdesk.bootstrap import StartOptions, open_services
    from riskdesk.domain.model import Stage
    from riskdesk.domain.stats import Period
    from riskdesk.services import CaseQuery

    svc = open_services(StartOptions(str(path)), backups=False)
    out: dict[str, float] = {}
    out["search_10k_ms"] = max(
        median_ms(lambda: svc.cases.list(CaseQuery("（2023）内0602民初1", limit=200))),
        median_ms(lambda: svc.cases.list(CaseQuery("王伟", limit=200))),
    )
    # Cases spread over the whole database that have a 审判 checklist (民初, 民终, 刑初, 行初).
    with svc.db.reading() as conn:
        with_trial = [row[0] for row in conn.exec_driver_sql(
            "SELECT case_id FROM checklists WHERE stage = 'trial' ORDER BY case_id").all()]
    ids = iter([with_trial[(i * 97) % len(with_trial)] for i in range(100)])
    out["open_checklist_10k_ms"] = median_ms(lambda: svc.checklists.open(next(ids), Stage.TRIAL))
    out["counts_10k_ms"] = median_ms(svc.cases.all_counts, runs=5)
    # The 通报 of the demo data's last full year, from the statistics to the PDF bytes (what 打印通报 waits for).
    period = Period.parse(BULLETIN_PERIOD)
    out["bulletin_pdf_ms"] = median_ms(lambda: svc.reports.bulletin(period), runs=1 if QUICK else 5)
    svc.close()
    out["db_mb"] = round(path.stat().st_size / 1e6, 1)
    return out


def bytes_per_case(cases: int) -> dict[str, float]:
    """What a fully answered case costs on disk: every stage started, every point answered once.

    ``(size with N such cases − size of the same database with none) ÷ N``, both after VACUUM.
    """
    import sqlite3

    from riskdesk.bootstrap import StartOptions, open_services
    from riskdesk.services.demo_data import generate

    sizes = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (0, cases):
            path = Path(tmp) / f"full-{n}.db"
            svc = open_services(StartOptions(str(path)), backups=False)
            svc.checklists.prepare()
            if n:
                generate(svc.db, svc.catalogs, n, 1, complete=True)
            svc.close()
            conn = sqlite3.connect(path)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("VACUUM")
            conn.close()
            sizes.append(path.stat().st_size)
    return {"bytes_per_case": round((sizes[1] - sizes[0]) / cases)}




def main() -> None:
    # As installed from a wheel: byte-compiled (this machine sets PYTHONDONTWRITEBYTECODE, so a
    # source checkout would otherwise compile every module on every start).
    import compileall

    compileall.compile_dir(str(ROOT / "riskdesk"), quiet=1)
    cases = int(os.environ.get("RISKDESK_BENCH_CASES", "10000"))
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        small_db = str(Path(tmp) / "small.db")
        figures.update(small_figures(small_db))
        figures.update(startup(small_db, runs=1 if QUICK else 15))
    from bench.pdf_bench import measure

    pdf = measure(runs=1 if QUICK else 11)
    figures.update(pdf)
    from bench.import_bench import measure as measure_import

    figures.update(measure_import(rows=500 if QUICK else 10_000, runs=1 if QUICK else 3))
    cache = Path(os.environ.get("RISKDESK_BENCH_CACHE", str(CACHE)))
    figures.update(bytes_per_case(50 if QUICK else 1000))
    # The demo data's shape is part of the name: another RiskDesk's cached database is not reused.
    big = prepared_db(cache / f"demo-v2-{cases}-seed1.db", cases, 1)
    figures.update(big_figures(big, cases))
    big_runs = [child("app", str(big)) for _ in range(1 if QUICK else 3)]
    figures["startup_10k_ms"] = round(statistics.median(ms for ms, _ in big_runs), 1)
    figures["rss_mb"] = max(rss for _, rss in big_runs)
    figures["cases"] = cases
    from bench.stats_bench import measure as measure_stats
    from bench.stats_bench import prepared as stats_db

    stats_cases = int(os.environ.get("RISKDESK_BENCH_STATS_CASES", str(cases) if QUICK else "100000"))
    figures.update(measure_stats(str(stats_db(cache, stats_cases)), runs=1 if QUICK else 5))
    figures["stats_cases"] = stats_cases
    if stats_cases == 100_000:
        figures["stats_dashboard_100k_ms"] = figures["stats_dashboard_ms"]
    figures["bulletin_ratio"] = round(figures["bulletin_pdf_ms"] / figures["pdf_floor_ms"], 2)
    targets = dict(TARGETS)
    if os.environ.get("RISKDESK_BENCH_PG") == "1":  # the same court on a PostgreSQL server (bench/pg_bench.py)
        from bench.pg_bench import run as run_pg

        pg = run_pg()
        targets.update(pg.pop("targets"))
        pg.pop("met")
        figures.update(pg)
    report = {**figures, "targets": targets,
              "met": {k: figures[k] <= v for k, v in targets.items() if k in figures}}
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
