"""Screenshot of the main window in the middle of a walk, for README and for looking at layouts.

Run under Xvfb:  xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot.py docs/main-window.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from riskdesk.bootstrap import StartOptions, open_services
from riskdesk.domain.model import SettingKey, Stage, Status


def main(out: str, lang: str = "zh_CN") -> None:
    db = Path(tempfile.mkdtemp()) / "shot.db"
    svc = open_services(StartOptions(str(db)), backups=False)
    svc.settings.set(SettingKey.REVIEWER, "王法官")
    svc.settings.set(SettingKey.COURT, "鄂尔多斯市东胜区人民法院")
    svc.cases.create("(2024)内0602民初118号", "买卖合同纠纷", "甲商贸有限公司诉乙建材有限公司", "王法官")
    svc.cases.create("(2024)内0602执356号", "借款合同纠纷", "赵某申请执行钱某", "李法官")
    case = svc.cases.create("(2024)内0602民初123号", "民间借贷纠纷", "张三诉李四", "王法官")
    view = svc.checklists.open(case.id, Stage.FILING)
    pattern = [Status.CLEAR] * 5 + [Status.RISK] + [Status.CLEAR] * 3 + [Status.NA]
    for i, item in enumerate(view.items[:37]):
        svc.answers.set_status(view.info.id, item.point.id, pattern[i % len(pattern)])
    svc.answers.set_note(view.info.id, view.items[5].point.id, "窗口曾要求原告另交户籍证明（不在法定材料之列），已当场纠正。")
    svc.checklists.remember_position(view.info.id, view.items[37].point.id)
    svc.settings.set_all({SettingKey.LAST_CASE: str(case.id), SettingKey.LAST_STAGE: Stage.FILING.value})

    from PySide6.QtWidgets import QApplication

    from riskdesk.ui.fonts import register_bundled_font
    from riskdesk.ui.i18n import install_translators
    from riskdesk.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    register_bundled_font(app)
    install_translators(app, lang)
    win = MainWindow(svc)
    win.resize(1440, 880)
    win.show()
    win.start()
    for _ in range(20):
        app.processEvents()
    win.grab().save(out)
    svc.close()
    print(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/main-window.png", *(sys.argv[2:3]))
