"""Start the GUI: database first (SQLAlchemy before PySide6), then Qt, fonts, translations, window."""

from __future__ import annotations

import gc
import os
import sqlite3
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from riskdesk.domain.errors import RiskDeskError
from riskdesk.services import Services
from riskdesk.services.database_files import DatabaseDamagedError, describe_failure

OpenServices = Callable[[], Services]
# For bench/: print when the window is painted (and the process's memory) and exit, so start-up is
# measured through the same code path a judge's double-click takes.
EXIT_AFTER_START_ENV = "RISKDESK_EXIT_AFTER_START"


def report_start_and_exit(app: object, window: object) -> int:
    import json
    import time

    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(app, QApplication) and isinstance(window, QWidget)
    app.processEvents()
    window.grab()  # a real paint of the whole window
    rss_mb = 0.0
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            rss_mb = next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        pass  # not Linux: no memory figure
    print(json.dumps({"shown_at": time.time(), "rss_mb": round(rss_mb, 1)}), flush=True)
    return 0


def resume_garbage_collection() -> None:
    """Turn collection back on once the window is up (app.main turned it off for start-up).

    Freezing first moves everything start-up made into the permanent generation, so later
    collections (while a judge types) do not walk the whole of Qt's and SQLAlchemy's objects again.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _mtime(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")


def launch_gui(open_services: OpenServices, lang: str | None, login: str = "") -> int:
    """Run the window; ``open_services`` (from the composition root) opens the database.

    A shared database asks for a login first (``login`` filled in when known).
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from riskdesk.ui.fonts import register_bundled_font
    from riskdesk.ui.i18n import install_translators
    from riskdesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("RiskDesk")
    app.setApplicationName("RiskDesk")
    register_bundled_font(app)
    install_translators(app, lang)
    services = open_with_recovery(open_services)
    if services is None:
        return 1
    try:
        measuring = bool(os.environ.get(EXIT_AFTER_START_ENV))
        if services.session.shared:
            from riskdesk.ui.account_dialogs import sign_in

            resume_garbage_collection()  # a person types a password: start-up's hurry is over
            if not sign_in(services, login):
                return 0
        settings = services.settings.user_settings()
        if not services.session.shared and not all(settings.values()) and not measuring:
            from riskdesk.ui.dialogs import SettingsDialog

            resume_garbage_collection()  # a person fills in the dialog: start-up's hurry is over
            SettingsDialog(services, first_run=True).exec()
        window = MainWindow(services)
        window.show()
        window.start()
        if measuring:
            return report_start_and_exit(app, window)
        QTimer.singleShot(0, resume_garbage_collection)  # after the first paint
        window.start_daily_backup()
        return app.exec()
    except RiskDeskError as exc:
        QMessageBox.critical(None, "RiskDesk", str(exc))
        return 1
    finally:
        resume_garbage_collection()
        services.close()


def open_with_recovery(open_services: OpenServices) -> Services | None:
    """Open the services; on a damaged file offer the newest automatic backup, never a new empty file."""
    from PySide6.QtWidgets import QMessageBox

    from riskdesk.services.database_files import newest_good_backup, restore_from

    tried: set[str] = set()
    while True:
        try:
            return open_services()
        except DatabaseDamagedError as exc:
            resume_garbage_collection()  # from here on a person reads messages: no start-up to hurry
            # Only copies that pass SQLite's integrity check are offered; a bad newest copy is skipped.
            backup = newest_good_backup(exc.path)
            if backup is None or str(backup) in tried:
                QMessageBox.critical(None, "RiskDesk", str(exc) + "\n\n没有找到可用的自动备份。请联系信息技术人员。")
                return None
            box = QMessageBox(QMessageBox.Icon.Critical, "RiskDesk",
                              str(exc) + f"\n\n最新的可用自动备份：{backup.name}"
                              f"（{_mtime(backup)}）\n要用它恢复吗？原文件会另存保留，不会删除。")
            restore = box.addButton("恢复最新备份", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("退出", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not restore:
                return None
            # The same backup twice means restoring did not help: stop rather than loop.
            tried.add(str(backup))
            try:
                restore_from(backup, exc.path)
            except (OSError, RiskDeskError) as err:
                QMessageBox.critical(None, "RiskDesk", f"恢复失败：{err}")
                return None
        except RiskDeskError as exc:
            resume_garbage_collection()
            QMessageBox.critical(None, "RiskDesk", str(exc))
            return None
        except (DBAPIError, sqlite3.DatabaseError) as exc:
            resume_garbage_collection()
            # An SQLite failure no layer below put into words: still a message, never a crash.
            QMessageBox.critical(None, "RiskDesk", describe_failure(exc, None))
            return None
