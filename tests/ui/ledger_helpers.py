"""Helpers for the 整改台账 GUI tests: a case with risks found, forms answered as a person fills them in."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit

from riskdesk.domain.model import Stage, Status
from riskdesk.services import Services
from riskdesk.services.case_fields import CaseInput
from riskdesk.ui.finding_forms import FormDialog
from tests.ui.typing import type_text

CASE = "(2024)内0602民初123号"
JUDGE = "王法官"  # the configured reviewer (tests/ui/conftest.py) and the case's 承办人
DEPARTMENT = "民一庭"


def risky_case(svc: Services, *points: str) -> tuple[int, int]:
    """A case of 民一庭 with these 立案 points answered 存在风险; (case id, checklist id)."""
    case = svc.cases.create(CaseInput(CASE, "民间借贷纠纷", "张三诉李四", JUDGE, department=DEPARTMENT))
    view = svc.checklists.open(case.id, Stage.FILING)
    for pid in points:
        svc.answers.set_status(view.info.id, pid, Status.RISK)
        svc.answers.set_note(view.info.id, pid, f"{pid} 材料不全")
    return int(case.id), int(view.info.id)


def make_overdue(db: Path, finding_id: int, days: int = 3) -> None:
    """As if the deadline passed: the record is kept, the clock moves on (as tests/test_cli_findings.py does)."""
    conn = sqlite3.connect(db)
    conn.execute("UPDATE findings SET due = ? WHERE id = ?", ((date.today() - timedelta(days=days)).isoformat(),
                                                              finding_id))
    conn.commit()
    conn.close()


def fill(seen: list[dict[str, object]] | None = None, **values: object) -> Callable[[FormDialog], None]:
    """Fill a form as a person would (typing replaces what is there) and click OK. ``seen`` gets the form's
    title and what it offered before it was filled."""

    def act(dlg: FormDialog) -> None:
        if seen is not None:
            seen.append({"title": dlg.windowTitle(), **{k: dlg.value(k) for k in dlg._fields}})
        for key, value in values.items():
            w = dlg.field(key)
            if isinstance(w, QLineEdit | QPlainTextEdit):
                w.clear()
                type_text(w, str(value))
            elif isinstance(w, QDateEdit) and isinstance(value, date):
                w.setDate(QDate(value.year, value.month, value.day))
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(w.findData(value))
        QTest.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)

    return act


def in_turn(*acts: Callable[[FormDialog], None]) -> Callable[[FormDialog], None]:
    queue = list(acts)
    return lambda dlg: queue.pop(0)(dlg)
