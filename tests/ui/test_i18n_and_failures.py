"""Translations are complete; English on request; first run asks for names; a failed save loses nothing."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from riskdesk.domain.model import SettingKey, Stage, Status
from riskdesk.services import Services
from riskdesk.ui.dialogs import SettingsDialog
from riskdesk.ui.i18n import install_translators
from riskdesk.ui.main_window import MainWindow
from tests.conftest import REPO
from tests.ui.typing import type_text

TS = REPO / "resources" / "translations" / "riskdesk_zh_CN.ts"
QM = REPO / "resources" / "translations" / "riskdesk_zh_CN.qm"


def _lupdate() -> str:
    exe = shutil.which("pyside6-lupdate") or str(Path(__import__("sys").executable).parent / "pyside6-lupdate")
    return exe


def test_every_ui_string_has_a_finished_chinese_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (REPO / "riskdesk" / "ui").rglob("*.py"))
    proc = subprocess.run([_lupdate(), *sources, "-ts", str(fresh), "-no-obsolete"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    unfinished, empty = [], []
    for msg in ET.parse(fresh).getroot().iter("message"):
        tr = msg.find("translation")
        src = msg.findtext("source")
        assert tr is not None
        if tr.get("type") in ("unfinished", "vanished", "obsolete"):
            unfinished.append(src)
        elif not (tr.text or "").strip() and not list(tr):
            empty.append(src)
    assert unfinished == [], f"unfinished translations (run lupdate, translate, lrelease): {unfinished}"
    assert empty == []


def test_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    lrelease = _lupdate().replace("lupdate", "lrelease")
    out = tmp_path / "check.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "resources/translations/*.qm is stale: run pyside6-lrelease"


def test_chinese_is_the_default_and_english_on_request(qapp: QApplication, services: Services) -> None:
    services.settings.set(SettingKey.REVIEWER, "王法官")
    install_translators(qapp, None)
    win = MainWindow(services)
    assert win.windowTitle() == "RiskDesk 立审执风险防控清单"
    assert win.tabs.tabText(0) == "立案"
    win.close()
    install_translators(qapp, "en")
    win = MainWindow(services)
    assert win.windowTitle().startswith("RiskDesk — Risk checklists")
    assert win.tabs.tabText(0) == "Filing"
    win.close()


def test_first_run_dialog_saves_reviewer_and_court(qtbot: QtBot, services: Services, zh: None) -> None:
    dlg = SettingsDialog(services, first_run=True)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.windowTitle() == "欢迎使用 RiskDesk"
    qtbot.keyClick(dlg.reviewer, Qt.Key.Key_Return)
    assert dlg.isVisible() and "两项都需要填写" in dlg.error.text()
    type_text(dlg.reviewer, "王法官")
    type_text(dlg.court, "鄂尔多斯市东胜区人民法院")
    qtbot.keyClick(dlg.court, Qt.Key.Key_Return)
    assert not dlg.isVisible()
    assert services.settings.user_settings() == {SettingKey.REVIEWER: "王法官", SettingKey.COURT: "鄂尔多斯市东胜区人民法院"}


def _set_read_only(conn: object, _rec: object) -> None:
    conn.execute("PRAGMA query_only=ON")  # type: ignore[attr-defined]


def read_only(services: Services, on: bool) -> None:
    """Make every new connection read-only, as a file whose permissions changed would be."""
    services.db.engine.dispose()
    if on:
        event.listen(services.db.engine, "connect", _set_read_only)
    elif event.contains(services.db.engine, "connect", _set_read_only):
        event.remove(services.db.engine, "connect", _set_read_only)


def test_a_failed_save_is_shown_and_nothing_is_lost(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    win = make_window()
    case = win.services.cases.create("(2024)内0602民初9号")
    win.cases.refresh()
    win.open_case(case.id)
    panel = win.checklist
    qtbot.keyClick(panel.tree, Qt.Key.Key_2)  # saved
    assert panel.current_point() == "LA-002"
    read_only(win.services, True)
    qtbot.keyClick(panel.tree, Qt.Key.Key_1)
    assert panel.banners.error_bar.isVisible() and "未能保存" in panel.banners.error_bar.text()
    assert "只读" in panel.banners.error_bar.text()
    assert panel.current_point() == "LA-002"  # did not move on: the answer is not saved
    assert panel.tree.checklist_model.items()[1].result.status is Status.UNREVIEWED
    qtbot.keyClick(panel.tree, Qt.Key.Key_E)
    type_text(panel.detail.note, "需补充送达回证")
    panel.detail.flush_note()
    assert panel.detail.note_pending and panel.detail.note.toPlainText() == "需补充送达回证"
    assert "未能保存" in panel.detail.note_state.text()
    read_only(win.services, False)
    qtbot.waitUntil(lambda: not panel.detail.note_pending, timeout=8000)  # the retry timer saves it
    view = win.services.checklists.open(case.id, Stage.FILING)
    assert view.items[0].result.status is Status.RISK
    assert view.items[1].result.note == "需补充送达回证"
    assert not panel.banners.error_bar.isVisible()
