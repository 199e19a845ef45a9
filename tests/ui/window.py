"""The main window over given services, shown and active as on a desktop, and started."""

from __future__ import annotations

from PySide6.QtTest import QTest

from riskdesk.services import Services
from riskdesk.ui.main_window import MainWindow


def shown_window(qtbot: object, services: Services) -> MainWindow:
    win = MainWindow(services)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    win.activateWindow()
    # Shortcuts only reach an active window, as on a real desktop.
    assert QTest.qWaitForWindowActive(win, 3000)
    win.start()
    return win
