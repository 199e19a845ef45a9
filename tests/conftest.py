"""Shared fixtures: real SQLite files in tmp_path and a synthetic catalog; Qt runs offscreen."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the parsed-catalog cache out of the user's profile.
os.environ.setdefault("RISKDESK_CACHE_DIR", tempfile.mkdtemp(prefix="riskdesk-test-cache-"))

from riskdesk.services import Services  # noqa: E402
from tests.catalog_factory import write_catalog  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()) or "qapp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _modal_watches_end_with_their_test() -> Iterator[None]:
    yield
    modal = sys.modules.get("tests.ui.modal")
    if modal is not None:
        modal.stop_all()


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    return write_catalog(tmp_path / "catalog")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "riskdesk.db"


@pytest.fixture
def services(db_path: Path, catalog_dir: Path) -> Iterator[Services]:
    svc = Services.open("sqlite:///" + str(db_path), catalog_dir, actor_name="王法官")
    yield svc
    svc.close()
