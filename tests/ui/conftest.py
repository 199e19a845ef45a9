"""GUI fixtures: the real main window over a real database (an SQLite file; one smoke test on a server), driven by keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from riskdesk.domain.model import SettingKey
from riskdesk.services import Services
from riskdesk.ui.fonts import register_bundled_font
from riskdesk.ui.i18n import install_translators
from riskdesk.ui.main_window import MainWindow
from tests.pg import PgCluster
from tests.ui.window import shown_window


@pytest.fixture
def zh(qapp: QApplication) -> Iterator[None]:
    register_bundled_font(qapp)
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def _windows(qtbot: object, url: str, catalog_dir: Path) -> Iterator[Callable[[], MainWindow]]:
    opened: list[tuple[Services, MainWindow]] = []

    def make() -> MainWindow:
        svc = Services.open(url, catalog_dir)
        if not svc.settings.get(SettingKey.REVIEWER):
            svc.settings.set(SettingKey.REVIEWER, "王法官")
            svc.settings.set(SettingKey.COURT, "东胜区人民法院")
        win = shown_window(qtbot, svc)
        opened.append((svc, win))
        return win

    yield make
    for svc, win in opened:
        win.close()
        svc.close()


@pytest.fixture
def make_window(qtbot: object, db_path: Path, catalog_dir: Path, zh: None) -> Iterator[Callable[[], MainWindow]]:
    """The window over an SQLite file (the window's tests run on SQLite; one smoke test on a server below)."""
    yield from _windows(qtbot, "sqlite:///" + str(db_path), catalog_dir)


@pytest.fixture
def make_server_window(qtbot: object, pg_cluster: PgCluster, catalog_dir: Path,
                       zh: None) -> Iterator[Callable[[], MainWindow]]:
    """The window over a fresh PostgreSQL database, as the application role."""
    db = pg_cluster.create_database()
    yield from _windows(qtbot, db.app_url, catalog_dir)
    pg_cluster.drop_database(db.name)
