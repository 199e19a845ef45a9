"""The window's start-up sequence: services opened ahead of Qt, garbage collection paused and resumed."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from riskdesk.app import open_warm, opened_ahead
from riskdesk.catalog.errors import CatalogError
from riskdesk.services import Services
from riskdesk.services.errors import InvalidInput
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


def test_open_warm_loads_and_records_the_catalog(db_path: Path, catalog_dir: Path) -> None:
    services = open_warm(str(db_path), str(catalog_dir))
    try:
        assert services.catalogs.registered
        with services.db.reading() as conn:
            assert conn.execute(catalog_versions.select()).first() is not None
    finally:
        services.close()


def test_a_broken_catalog_stops_the_start_not_the_first_case(db_path: Path, catalog_dir: Path) -> None:
    with (catalog_dir / "filing.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n  - [unclosed\n")
    with pytest.raises(CatalogError):
        open_warm(str(db_path), str(catalog_dir))


def test_collection_resumes_with_start_up_objects_frozen() -> None:
    gc.disable()
    try:
        resume_garbage_collection()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()


def test_remember_all_stores_several_values_at_once(services: Services) -> None:
    services.settings.remember_all({"state.last_case_id": "7", "state.last_stage": "trial"})
    assert services.settings.recall("state.last_case_id") == "7"
    assert services.settings.recall("state.last_stage") == "trial"
    services.settings.remember_all({"state.last_case_id": "8", "state.last_stage": "trial"})
    assert services.settings.recall("state.last_case_id") == "8"
    with pytest.raises(InvalidInput, match="state key"):
        services.settings.remember_all({"court": "不是状态键"})
