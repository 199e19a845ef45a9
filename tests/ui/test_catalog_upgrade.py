"""A newer catalog in the window: the banner offers the upgrade; changed points show their old answer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from riskdesk.domain.model import SettingKey, Stage, Status
from riskdesk.services import Services
from riskdesk.ui.main_window import MainWindow
from tests.catalog_factory import write_catalog
from tests.ui.modal import when_modal


def test_upgrade_from_the_banner(qtbot: QtBot, tmp_path: Path, db_path: Path, zh: None) -> None:
    url = "sqlite:///" + str(db_path)
    old = Services.open(url, write_catalog(tmp_path / "v1", "v1"))
    old.settings.set(SettingKey.REVIEWER, "王法官")
    case = old.cases.create("(2024)内0602民初3号")
    cl = old.checklists.open(case.id, Stage.FILING).info.id
    old.answers.set_status(cl, "LA-001", Status.CLEAR)
    old.answers.set_status(cl, "LA-002", Status.RISK)
    old.close()

    svc = Services.open(url, write_catalog(tmp_path / "v2", "v2", tweak={"LA-002": {"risk": "新的风险提示。"}}))
    win = MainWindow(svc)
    qtbot.addWidget(win)
    win.show()
    win.open_case(case.id, Stage.FILING)
    panel = win.checklist
    assert panel.banners.upgrade_bar.isVisible() and "1 项有变化" in panel.banners.upgrade_bar.text()
    seen: list[str] = []

    def accept(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    watch = when_modal(QMessageBox, accept)
    qtbot.mouseClick(panel.banners.upgrade_bar, Qt.MouseButton.LeftButton)
    assert not watch.missed and "LA-002" in seen[0]
    assert not panel.banners.upgrade_bar.isVisible()
    items = {it.point.id: it for it in panel.tree.checklist_model.items()}
    assert items["LA-001"].result.status is Status.CLEAR
    assert items["LA-002"].result.status is Status.UNREVIEWED
    # The reviewer clicks the changed point.
    row = panel.tree.visualRect(panel.tree.checklist_model.index_of_point("LA-002"))
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=row.center())
    assert panel.current_point() == "LA-002"
    assert "修改前的核查结果" in panel.detail.body.toHtml() and "存在风险" in panel.detail.body.toHtml()
    win.close()
    svc.close()
