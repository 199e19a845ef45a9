"""The window's start on a damaged database: it offers the newest good automatic backup and restores it.

The message box is driven by a QTimer, as tests/ui/test_walk.py drives dialogs: the callback only
records and clicks (no asserts inside: it runs in the dialog's own event loop).
"""

from __future__ import annotations

import hashlib
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from riskdesk.domain.model import Stage, Status
from riskdesk.services import Services
from riskdesk.storage.backup import backup_dir
from riskdesk.ui.launch import open_with_recovery
from tests.safety.helpers import CASE, table_hash
from tests.ui.modal import when_modal

# SQLite only: the window restoring a damaged SQLite file from its backups.
pytestmark = pytest.mark.sqlite_only


def _answer(button_text: str, seen: list[str]) -> None:
    """Click ``button_text`` in each message box that comes up (several, if the start loops)."""

    def click(box: QMessageBox) -> None:
        seen.append(box.text())
        for b in box.buttons():
            if isinstance(b, QPushButton) and b.text() == button_text:
                b.click()
                return
        box.close()  # a plain error box: closing it is all a user can do

    when_modal(QMessageBox, click, times=10, timeout_ms=5_000)


def _garbage_header(p: Path) -> None:
    p.write_bytes(random.Random(1).randbytes(8192))


def _garbage_after_page_1(p: Path) -> None:
    data = bytearray(p.read_bytes())
    data[4096:] = random.Random(2).randbytes(len(data) - 4096)
    p.write_bytes(bytes(data))


@pytest.fixture
def opener(db_path: Path, catalog_dir: Path) -> Callable[[], Services]:
    return lambda: Services.open("sqlite:///" + str(db_path), catalog_dir)


@pytest.fixture
def good(db_path: Path, opener: Callable[[], Services]) -> str:
    svc = opener()
    case = svc.cases.create(CASE)
    view = svc.checklists.open(case.id, Stage.FILING)
    svc.answers.set_status(view.info.id, "LA-001", Status.RISK)
    svc.close()
    # Today's backup was taken when the database was first opened (empty); replace it by a full one.
    for p in backup_dir(db_path).glob("daily-*.db"):
        p.unlink()
    svc = opener()
    svc.close()
    return table_hash(db_path)


@pytest.mark.parametrize("damage", [_garbage_header, _garbage_after_page_1], ids=["garbage", "garbage pages"])
def test_damaged_database_offers_and_restores_the_newest_backup(qapp: QApplication, db_path: Path, good: str,
                                                                opener: Callable[[], Services],
                                                                damage: Callable[[Path], None]) -> None:
    damage(db_path)
    damaged = db_path.read_bytes()
    seen: list[str] = []
    _answer("恢复最新备份", seen)
    svc = open_with_recovery(opener)
    assert svc is not None, seen
    try:
        assert len(seen) == 1 and "已损坏" in seen[0] and "daily-" in seen[0]
        assert svc.cases.get(CASE).case_no
        view = svc.checklists.open_by_case_no(CASE, Stage.FILING)
        assert view.items[0].result.status is Status.RISK
    finally:
        svc.close()
    kept = [p for p in db_path.parent.iterdir() if ".replaced-" in p.name and p.suffix == ".db"]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # the damaged file is kept as it was


def test_declining_leaves_the_damaged_file_exactly_as_it_was(qapp: QApplication, db_path: Path, good: str,
                                                            opener: Callable[[], Services]) -> None:
    _garbage_header(db_path)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    seen: list[str] = []
    _answer("退出", seen)
    assert open_with_recovery(opener) is None
    assert len(seen) == 1
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    assert not [p for p in os.listdir(db_path.parent) if ".replaced-" in p]


def test_no_usable_backup_says_so_and_touches_nothing(qapp: QApplication, db_path: Path, good: str,
                                                      opener: Callable[[], Services]) -> None:
    for p in backup_dir(db_path).glob("*.db"):
        _garbage_header(p)  # every backup damaged too: none may be offered
    _garbage_header(db_path)
    before = db_path.read_bytes()
    seen: list[str] = []
    _answer("恢复最新备份", seen)
    assert open_with_recovery(opener) is None
    assert len(seen) == 1 and "没有找到可用的自动备份" in seen[0]
    assert db_path.read_bytes() == before
