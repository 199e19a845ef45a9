"""Screenshots of the 整改台账: the ledger window, item dialogs (each tab), three step forms and the checklist
at a point with an item, on realistic data (docs/ledger.png is ledger.png).

QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_ledger.py OUTDIR [en]
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from riskdesk.bootstrap import StartOptions, open_services
from riskdesk.domain.findings import Finding
from riskdesk.domain.model import SettingKey, Stage, Status
from riskdesk.services import Services
from riskdesk.services.case_fields import CaseInput

CASES = [
    ("(2025)内0602民初1187号", "民间借贷纠纷", "张某诉李某", "王建国", "民事审判第一庭", Stage.FILING,
     [("LA-003", "补正材料收到日期未登记，审查期间仍按首次收件日计算"), ("LA-007", "诉讼费缓交申请未经审批即立案")]),
    ("(2025)内0602民初1302号", "买卖合同纠纷", "鄂尔多斯市甲商贸有限公司诉乙建材有限公司", "刘晓燕", "民事审判第二庭",
     Stage.FILING, [("LA-003", "补正通知书未载明补正期限"), ("LA-012", "")]),
    ("(2025)内0602民初1455号", "劳动争议", "赵某诉某物业服务有限公司", "王建国", "民事审判第一庭", Stage.FILING,
     [("LA-003", "补正后第九日才立案")]),
    ("(2025)内0602执876号", "借款合同纠纷", "孙某申请执行钱某", "欧阳明", "执行局", Stage.ENFORCEMENT,
     [("ZX-004", "财产报告令未随执行通知书一并送达"), ("ZX-015", "查封裁定未送达被执行人")]),
    ("(2025)内0602民初1520号", "物业服务合同纠纷", "某物业服务有限公司诉周某", "王建国", "民事审判第一庭", Stage.FILING,
     [("LA-003!", "补正材料收到日期未登记")]),
]


def _data(svc: Services, db: Path) -> list[tuple[Finding, str]]:
    """Cases with risks, items in every state, two overdue, one extended, one 共性问题."""
    svc.settings.set(SettingKey.REVIEWER, "王建国")
    svc.settings.set(SettingKey.COURT, "鄂尔多斯市东胜区人民法院")
    made = []
    for case_no, cause, parties, judge, dept, stage, risks in CASES:
        case = svc.cases.create(CaseInput(case_no, cause, parties, judge, department=dept))
        view = svc.checklists.open(case.id, stage)
        for pid, note in risks:
            svc.session.act_as(judge)
            if pid.endswith("!"):  # a risk found, no item made for it: 共性问题 material
                svc.answers.set_status(view.info.id, pid[:-1], Status.RISK)
                svc.answers.set_note(view.info.id, pid[:-1], note)
                continue
            svc.answers.set_status(view.info.id, pid, Status.RISK)
            if note:
                svc.answers.set_note(view.info.id, pid, note)
            made.append((svc.findings.from_answer(view.info.id, pid, supervisor="高志强").finding, judge))
            svc.session.act_as(None)
    # Work some of them: progress, evidence, an extension, an application, a close, a dismissal.
    f0, j0 = made[0]
    svc.session.act_as(j0)
    svc.findings.progress(f0.id, "已在立案系统补登补正材料收到日期，并重新核算审查期间")
    ev = Path(tempfile.mkdtemp()) / "补正材料收件登记表.pdf"
    ev.write_bytes(b"%PDF-1.4\n" + b"0" * 183_000)
    svc.findings.add_evidence(f0.id, "补正材料收件登记表（扫描件）", ev)
    svc.findings.apply(f0.id, "登记表与系统截图已上传", "已补登收件日期，审查期间重新起算，立案日期无误")
    svc.session.act_as("高志强")
    svc.findings.close(f0.id, "证据齐全，同意销号")
    f1, j1 = made[1]
    svc.session.act_as(j1)
    svc.findings.progress(f1.id, "已与诉讼服务中心核对缓交审批流程")
    svc.session.act_as("高志强")
    svc.findings.extend(f1.id, f1.current_due + timedelta(days=20), "需等待院审判委员会研究缓交审批规程")
    f2, j2 = made[2]
    svc.session.act_as(j2)
    svc.findings.progress(f2.id, "已重新制作补正通知书模板")
    svc.findings.apply(f2.id, "新模板已启用，附样本一份")
    f4, _ = made[4]
    svc.session.act_as("高志强")
    svc.findings.dismiss(f4.id, "经复核，该案补正后次日即立案，不存在期间计算错误")
    svc.session.act_as(None)
    conn = sqlite3.connect(db)  # two items whose deadline has passed
    for f, days in ((made[3][0], 4), (made[5][0], 11)):
        conn.execute("UPDATE findings SET due = ? WHERE id = ?", ((date.today() - timedelta(days=days)).isoformat(), f.id))
    conn.commit()
    conn.close()
    svc.ledger.detect_systemic()
    return made


def main(out: Path) -> None:  # noqa: PLR0915 - a script that walks through every view in turn
    out.mkdir(parents=True, exist_ok=True)
    db = Path(tempfile.mkdtemp()) / "ledger.db"
    svc = open_services(StartOptions(str(db)), backups=False)
    made = _data(svc, db)
    f0, f1 = made[0][0], made[1][0]

    from PySide6.QtWidgets import QApplication  # noqa: TID251 - a script beside the window

    from riskdesk.ui.finding_dialog import FindingDialog
    from riskdesk.ui.fonts import register_bundled_font
    from riskdesk.ui.i18n import install_translators
    from riskdesk.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    register_bundled_font(app)
    install_translators(app, sys.argv[2] if len(sys.argv) > 2 else "zh_CN")
    win = MainWindow(svc)
    win.resize(1440, 880)
    win.show()
    win.start()
    app.processEvents()
    win.ledger.update_overdue()
    ledger = win.ledger.show_ledger()
    ledger.resize(1600, 720)
    for _ in range(10):
        app.processEvents()
    ledger.grab().save(str(out / "ledger.png"))
    win.grab().save(str(out / "main.png"))
    for name, f in (("item-extended.png", f1), ("item-closed.png", f0)):
        dlg = FindingDialog(svc, win.ledger.steps, f.id, ledger)
        dlg.show()
        for _ in range(10):
            app.processEvents()
        dlg.grab().save(str(out / name))
        dlg.tabs.setCurrentIndex(1)
        app.processEvents()
        dlg.grab().save(str(out / name.replace(".png", "-notes.png")))
        dlg.tabs.setCurrentIndex(2)
        app.processEvents()
        dlg.grab().save(str(out / name.replace(".png", "-events.png")))
        dlg.close()
    # The forms: a new item from Z, and an extension.
    from PySide6.QtCore import QTimer  # noqa: TID251

    def grab_next_modal(path: Path) -> None:
        def poll() -> None:
            w = QApplication.activeModalWidget()
            if w is None:
                QTimer.singleShot(20, poll)
                return
            for _ in range(5):
                app.processEvents()
            w.grab().save(str(path))
            w.reject()  # type: ignore[attr-defined]
        QTimer.singleShot(20, poll)

    win.open_point(int(made[1][0].case_id or 0), "filing", "LA-012")
    view = win.checklist.view
    item = win.checklist.item("LA-012")
    svc.answers.set_status(view.info.id, "LA-012", Status.RISK)
    svc.answers.set_note(view.info.id, "LA-012", "调解员以“先调后立”为由，三十日未登记立案")
    view = svc.checklists.open(view.info.case_id, Stage.FILING)
    item = next(it for it in view.items if it.point.id == "LA-012")
    case = svc.checklists.case_of(view)
    grab_next_modal(out / "form-new.png")
    win.ledger.steps.create(view.info.id, item, case, win)
    grab_next_modal(out / "form-extend.png")
    win.ledger.steps.extend(svc.findings.get(made[3][0].id), win)
    grab_next_modal(out / "form-close.png")
    win.ledger.steps.close(svc.findings.get(made[2][0].id), win)
    # The checklist at a point with an item.
    ledger.close()
    win.open_point(int(made[1][0].case_id or 0), "filing", "LA-007")
    for _ in range(10):
        app.processEvents()
    win.grab().save(str(out / "checklist-item.png"))
    svc.close()
    print(out)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "ledger-shots"))
