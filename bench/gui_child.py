"""The start-up floor: a bare QApplication + QMainWindow + 100-row QTableView, SQLAlchemy imported.

The window opens at RiskDesk's own first size: left to itself a bare QMainWindow opens at
256×192 and paints ~5 rows, which measures a far smaller picture than the one a judge gets.

Usage: python -m bench.gui_child floor   (RiskDesk's own start-up is measured with python -m riskdesk)
Prints one JSON line: {"shown_at": epoch seconds, "rss_mb": ...}.
"""

from __future__ import annotations

import json
import os
import sys
import time


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _floor() -> None:
    import sqlalchemy  # noqa: F401 - the floor pays for the same database library
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    # The same bundled CJK font as the app: without it this machine draws empty boxes, which costs
    # nothing and is not what a court sees (the PDF floor likewise uses the same text and font).
    from PySide6.QtGui import QFont, QFontDatabase

    from riskdesk.paths import font_file

    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(font_file())))
    if families:
        app.setFont(QFont(families[0], 10))
    from riskdesk.ui import WINDOW_SIZE

    win = QMainWindow()
    win.resize(*WINDOW_SIZE)
    model = QStandardItemModel(100, 5)
    for r in range(100):
        for c in range(5):
            model.setItem(r, c, QStandardItem(f"LA-{r:03d} 风险点 {c}"))
    view = QTableView()
    view.setModel(model)
    win.setCentralWidget(view)
    win.show()
    _report(app, win)


def _report(app: object, win: object) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(app, QApplication) and isinstance(win, QWidget)
    app.processEvents()
    win.grab()  # force a real paint of the whole window
    print(json.dumps({"shown_at": time.time(), "rss_mb": round(_rss_mb(), 1)}), flush=True)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _floor()
