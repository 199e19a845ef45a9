"""Screenshots of the 统计 window on realistic data: demo cases (riskdesk demo-data), a few 整改项 in every
state, the window at 2025 with the 环节 tab drilled into 立案's nodes and a bar's cases listed, and the
other tabs (docs/stats.png is stats.png).

PYTHONPATH=. xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_stats.py OUTDIR [CASES] [en]
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from riskdesk.bootstrap import StartOptions, open_services
from riskdesk.domain.model import SettingKey, Status
from riskdesk.services import Services
from riskdesk.services.demo_data import generate

YEAR = 2025  # demo cases are started from 2020 to 2025


def _findings(svc: Services, db: Path) -> None:
    """整改项 from risks of 2025 checklists: some closed, one dismissed, some overdue, the rest open."""
    made = []
    for summary in svc.cases.list()[:400]:
        for view_stage in summary.counts:  # only stages started: opening another would start it
            view = svc.checklists.open(summary.case.id, view_stage)
            if view.info.created_at.year != YEAR:
                continue
            risky = [it.point.id for it in view.items if it.result.status is Status.RISK][:1]
            for pid in risky:
                made.append(svc.findings.from_answer(view.info.id, pid, supervisor="高志强").finding)
        if len(made) >= 24:
            break
    conn = sqlite3.connect(db)
    for i, f in enumerate(made):
        created = datetime(YEAR, 1 + i % 11, 3 + i)
        conn.execute("UPDATE findings SET created_at = ?, due = ? WHERE id = ?",
                     (created.isoformat(sep=" "), (created + timedelta(days=30)).date().isoformat(), f.id))
    conn.commit()
    conn.close()
    for i, f in enumerate(made):
        if i % 3 == 0:
            svc.session.act_as(f.owner)
            svc.findings.apply(f.id, "已整改", "已补正")
            svc.session.act_as("高志强")
            svc.findings.close(f.id, "同意销号")
        elif i == 1:
            svc.session.act_as("高志强")
            svc.findings.dismiss(f.id, "经复核不需整改")
    svc.session.act_as(None)
    conn = sqlite3.connect(db)  # closed some days after they were made, as a court would
    for i, f in enumerate(made):
        if i % 3 == 0:
            closed = datetime(YEAR, 1 + i % 11, 3 + i) + timedelta(days=5 + 4 * (i % 5))
            conn.execute("UPDATE findings SET closed_at = ? WHERE id = ?", (closed.isoformat(sep=" "), f.id))
    conn.commit()
    conn.close()


def main(out: Path, cases: int = 3000, lang: str = "zh_CN") -> None:
    out.mkdir(parents=True, exist_ok=True)
    db = Path(tempfile.mkdtemp()) / "stats.db"
    svc = open_services(StartOptions(str(db)), backups=False)
    svc.settings.set(SettingKey.REVIEWER, "王法官")
    svc.settings.set(SettingKey.COURT, "鄂尔多斯市东胜区人民法院")
    generate(svc.db, svc.catalogs, cases, seed=7)
    _findings(svc, db)

    from PySide6.QtCore import Qt  # noqa: TID251 - a script beside the window
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    from riskdesk.ui.fonts import register_bundled_font
    from riskdesk.ui.i18n import install_translators
    from riskdesk.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    register_bundled_font(app)
    install_translators(app, lang)
    win = MainWindow(svc)
    win.resize(1440, 880)
    win.show()
    win.start()
    win.show_stats()
    stats = win.stats_window
    assert stats is not None
    stats.resize(1440, 860)
    stats.period.year.setValue(YEAR)

    def settle() -> None:
        for _ in range(10):
            app.processEvents()

    settle()
    pane = stats.panes[next(iter(stats.panes))]
    pane.select_row(0)
    pane.activate()  # 立案 → its nodes
    pane.select_row(1)
    settle()
    stats.grab().save(str(out / "stats.png"))
    pane.activate()  # a node → its points
    pane.select_row(2)
    settle()
    stats.grab().save(str(out / "stats-points.png"))
    for i, name in ((1, "stats-divisions.png"), (2, "stats-months.png"), (3, "stats-top.png")):
        stats.tabs.setCurrentIndex(i)
        tab = stats.tabs.currentWidget()
        if hasattr(tab, "select_row"):
            tab.select_row(1)
        settle()
        stats.grab().save(str(out / name))
    stats.metric_box.setCurrentIndex(1)
    stats.tabs.setCurrentIndex(0)
    stats.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
    settle()
    stats.grab().save(str(out / "stats-rate.png"))
    svc.close()
    print(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]), *(int(a) for a in sys.argv[2:3]), *sys.argv[3:4])
