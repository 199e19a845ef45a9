"""The window's start-up sequence: services opened ahead of Qt, garbage collection paused and resumed."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from riskdesk.app import display_missing, opened_ahead
from riskdesk.bootstrap import StartOptions, open_warm
from riskdesk.catalog.errors import CatalogError
from riskdesk.domain.model import SettingKey
from riskdesk.services import Services
from riskdesk.storage.schema import catalog_versions
from riskdesk.ui.launch import resume_garbage_collection


class _Opener:
    def __init__(self, *outcomes: object) -> None:
        self.outcomes = list(outcomes)
        self.calls = 0

    def __call__(self) -> Services:
        self.calls += 1
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome  # type: ignore[return-value]


def test_the_first_call_hands_over_what_was_opened_ahead() -> None:
    first, second = object(), object()
    opener = _Opener(first, second)
    get = opened_ahead(opener)
    assert opener.calls == 1  # opened at once, before the window asks
    assert get() is first
    assert get() is second  # after a restore the window opens afresh
    assert opener.calls == 2


def test_an_error_opening_ahead_reaches_the_window_on_its_first_call() -> None:
    again = object()
    opener = _Opener(ValueError("数据库已损坏"), again)
    get = opened_ahead(opener)
    with pytest.raises(ValueError, match="数据库已损坏"):
        get()
    assert get() is again


def test_open_warm_loads_and_records_the_catalog(db_url: str, catalog_dir: Path) -> None:
    services = open_warm(StartOptions(str(db_url), str(catalog_dir)))
    try:
        with services.db.reading() as conn:
            assert conn.execute(catalog_versions.select()).first() is not None
    finally:
        services.close()


def test_a_broken_catalog_stops_the_start_not_the_first_case(db_url: str, catalog_dir: Path) -> None:
    with (catalog_dir / "filing.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n  - [unclosed\n")
    with pytest.raises(CatalogError):
        open_warm(StartOptions(str(db_url), str(catalog_dir)))


def test_collection_resumes_with_start_up_objects_frozen() -> None:
    gc.disable()
    try:
        resume_garbage_collection()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()


def test_settings_store_several_values_at_once(services: Services) -> None:
    services.settings.set_all({SettingKey.LAST_CASE: "7", SettingKey.LAST_STAGE: "trial"})
    assert services.settings.get(SettingKey.LAST_CASE) == "7"
    assert services.settings.get(SettingKey.LAST_STAGE) == "trial"
    services.settings.set_all({SettingKey.LAST_CASE: "8", SettingKey.LAST_STAGE: "trial"})
    fresh = Services(services.db, services.catalogs.directory)  # another window: nothing cached
    assert fresh.settings.get(SettingKey.LAST_CASE) == "8"


@pytest.mark.parametrize(
    ("environ", "platform", "missing"),
    [
        ({}, "linux", True),  # an SSH session or a service account
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":1"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":1"}, "linux", True),
        ({}, "win32", False),
    ],
)
def test_display_detection(environ: dict[str, str], platform: str, missing: bool) -> None:
    assert display_missing(environ, platform) is missing


def test_no_display_is_one_line_and_status_2_before_qt(tmp_path: Path, catalog_dir: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["RISKDESK_CATALOG"] = str(catalog_dir)
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "riskdesk", "--db", str(tmp_path / "x.db")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if not line.startswith("import time:")]
    assert len(lines) == 1 and "没有找到图形显示环境" in lines[0] and "riskdesk --help" in lines[0]
    assert "PySide6" not in proc.stderr  # said before Qt was even imported
    assert not (tmp_path / "x.db").exists()  # and nothing was opened
