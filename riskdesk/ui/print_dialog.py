"""Print / export: placeholder until the PDF reports land."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from riskdesk.domain.model import Case, Stage
from riskdesk.services import Services


class PrintDialog:
    def __init__(self, services: Services, case: Case | None, stage: Stage, parent: QWidget) -> None:
        self._parent = parent

    def exec(self) -> int:
        QMessageBox.information(self._parent, "RiskDesk", "PDF")
        return 0
