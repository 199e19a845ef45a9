"""Files in and out of the ledger window: an evidence file added, listed with its size and SHA-256 and saved back
byte for byte; a file over 10 MB refused; xlsx and PDF exports of what the filters show; 查找共性问题."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from riskdesk.domain.model import Stage, Status
from riskdesk.services.case_fields import CaseInput
from riskdesk.ui.finding_dialog import FindingDialog
from riskdesk.ui.finding_forms import FormDialog
from riskdesk.ui.main_window import MainWindow
from tests.ui.ledger_helpers import fill, in_turn, risky_case
from tests.ui.modal import save_as, when_modal


def test_evidence_file_in_and_out(qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path) -> None:
    win = make_window()
    svc = win.services
    _, checklist = risky_case(svc, "LA-003")
    item = svc.findings.from_answer(checklist, "LA-003").finding
    scan = tmp_path / "送达回证.pdf"
    scan.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 600)
    big = tmp_path / "录像.mp4"
    with big.open("wb") as out:
        out.truncate(10 * 1024 * 1024 + 1)
    copy = tmp_path / "out" / "回证副本.pdf"
    copy.parent.mkdir()
    refused: list[str] = []
    message = when_modal(QMessageBox, lambda box: (refused.append(box.text()), box.accept()))
    forms = when_modal(FormDialog, in_turn(fill(text="送达回证扫描件", file=str(scan)), fill(file=str(big))), times=2)
    saved = when_modal(QFileDialog, save_as(copy))
    seen: dict[str, object] = {}

    def add_and_save(dlg: FindingDialog) -> None:
        qtbot.mouseClick(dlg.step_buttons["evidence"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dlg.step_buttons["evidence"], Qt.MouseButton.LeftButton)  # too large: refused
        dlg.tabs.setCurrentIndex(1)
        seen["row"] = [dlg.notes.item(0, c).text() for c in range(dlg.notes.columnCount())]
        seen["buttons before"] = dlg.save_file_button.isEnabled()
        dlg.notes_table.selectRow(0)
        seen["buttons after"] = dlg.save_file_button.isEnabled() and dlg.open_file_button.isEnabled()
        qtbot.mouseClick(dlg.save_file_button, Qt.MouseButton.LeftButton)
        dlg.reject()

    dialog = when_modal(FindingDialog, add_and_save)
    win.ledger.open_finding(item.id)
    assert not dialog.missed and not forms.missed and not message.missed and not saved.missed
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert seen["row"][2:] == ["证据", "送达回证扫描件", "送达回证.pdf", "150 KB", sha]  # type: ignore[index]
    assert seen["buttons before"] is False and seen["buttons after"] is True
    assert copy.read_bytes() == scan.read_bytes()
    assert refused == ["证据文件 录像.mp4 有 10.0 MB，超过 10 MB 的上限"]
    assert [(n[4], n[5]) for n in svc.findings.notes(item.id)] == [("送达回证.pdf", sha)]


def test_exports_of_what_is_shown_and_systemic_problems(qtbot: QtBot, make_window: Callable[[], MainWindow],
                                                        tmp_path: Path) -> None:
    win = make_window()
    svc = win.services
    _, checklist = risky_case(svc, "LA-003", "LA-004")
    for pid in ("LA-003", "LA-004"):
        svc.findings.from_answer(checklist, pid)
    for n in (2, 3):  # LA-003 at risk in three cases of 民一庭: a 共性问题
        case = svc.cases.create(CaseInput(f"(2024)内0602民初{n}号", judge="王法官", department="民一庭"))
        svc.answers.set_status(svc.checklists.open(case.id, Stage.FILING).info.id, "LA-003", Status.RISK)
    ledger = win.ledger.show_ledger()
    ledger.filters.point.setCurrentIndex(ledger.filters.point.findData("LA-004"))
    assert ledger.proxy.rowCount() == 1
    xlsx = tmp_path / "台账.xlsx"
    saved = when_modal(QFileDialog, save_as(xlsx))
    qtbot.mouseClick(ledger.xlsx_button, Qt.MouseButton.LeftButton)
    assert not saved.missed
    from openpyxl import load_workbook

    rows = list(load_workbook(xlsx)["整改台账"].iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == svc.findings.list()[1].no  # only what the filter shows
    pdf = ledger.export_pdf(tmp_path / "台账")
    assert pdf is not None and pdf.name == "台账.pdf" and pdf.read_bytes().startswith(b"%PDF-")
    assert "已导出 1 项" in ledger.totals.text()

    told: list[str] = []
    info = when_modal(QMessageBox, lambda box: (told.append(box.text()), box.accept()))
    ledger.filters.clear()
    qtbot.mouseClick(ledger.systemic_button, Qt.MouseButton.LeftButton)
    assert not info.missed and told[0].startswith("新建共性问题整改项 1 项：")
    made = [f for f in svc.findings.list() if f.systemic]
    assert len(made) == 1 and made[0].point_id == "LA-003" and made[0].department == "民一庭"
    assert ledger.proxy.rowCount() == 3  # the ledger shows it at once
