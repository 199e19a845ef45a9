"""The 整改台账 in the main window: 查看 ▸ 整改台账 (Ctrl+L), the overdue count in the status bar, and Z in
the checklist (make a 整改项 from a 存在风险 answer, or open the one the point has).

Every saved step comes back as ``FindingActions.changed``; then the overdue count, the ledger window and
the checklist's detail pane are refreshed. The ledger window and the item dialog load when first used.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from riskdesk.domain.model import Status
from riskdesk.services import Services
from riskdesk.services.permissions import Action
from riskdesk.ui.errors import attempt
from riskdesk.ui.labels import OVERDUE_COLOUR

if TYPE_CHECKING:
    from riskdesk.ui.checklist_panel import ChecklistPanel
    from riskdesk.ui.finding_actions import FindingActions
    from riskdesk.ui.ledger_window import LedgerWindow


class LedgerActions(QObject):
    """Signals: open_point(case id, stage value, point id) when an item's 打开案件 is clicked."""

    open_point = Signal(int, str, str)

    def __init__(self, services: Services, panel: ChecklistPanel, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._panel = panel
        self._parent = parent
        self.window: LedgerWindow | None = None
        self.ledger_action = QAction(self.tr("Rectification &ledger…"), parent)
        self.ledger_action.setShortcut(QKeySequence("Ctrl+L"))
        self.ledger_action.triggered.connect(lambda _=False: self.show_ledger())
        parent.addAction(self.ledger_action)
        self.overdue_button = QPushButton()
        self.overdue_button.setObjectName("overdueButton")
        self.overdue_button.setFlat(True)
        self.overdue_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.overdue_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.overdue_button.setStyleSheet(f"color:{OVERDUE_COLOUR};font-weight:700;padding:0 6px")
        self.overdue_button.setToolTip(self.tr("Open the ledger with the overdue items"))
        self.overdue_button.hide()
        self.overdue_button.clicked.connect(lambda _=False: self.show_ledger(overdue_only=True))
        panel.finding_requested.connect(self.from_checklist)

    @cached_property
    def steps(self) -> FindingActions:
        """An item's steps (their forms load with them, when first used)."""
        from riskdesk.ui.finding_actions import FindingActions

        steps = FindingActions(self._services, self)
        steps.changed.connect(lambda _change: self.refresh())
        return steps

    # -- the ledger ----------------------------------------------------------------------------------
    def show_ledger(self, *, overdue_only: bool = False) -> LedgerWindow:
        if self.window is None:
            from riskdesk.ui.ledger_window import LedgerWindow

            self.window = LedgerWindow(self._services, self._parent)
            self.window.open_finding.connect(lambda fid: self.open_finding(fid, self.window))
            self.window.systemic_button.clicked.connect(lambda _=False: self.refresh(reload_window=False))
        else:
            self.window.reload()
        if overdue_only:
            self.window.set_overdue_only()
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.window.table.setFocus()
        return self.window

    def open_finding(self, finding_id: int, parent: QWidget | None = None) -> None:
        from riskdesk.ui.finding_dialog import FindingDialog

        dlg = FindingDialog(self._services, self.steps, finding_id, parent or self._parent)
        dlg.open_case.connect(self.open_point)
        dlg.exec()
        dlg.deleteLater()

    # -- Z in the checklist --------------------------------------------------------------------------
    def from_checklist(self, point_id: str) -> None:
        panel = self._panel
        view = panel.view
        if view is None:
            return
        existing = panel.open_finding_for(point_id)
        if existing is not None:
            self.open_finding(existing.id)
        else:
            item = panel.item(point_id)
            if item is None or item.result.status is not Status.RISK:
                return
            case = attempt(self._parent, self.tr("New rectification item"),
                           lambda: self._services.checklists.case_of(view))
            if case is not None:
                self.steps.create(view.info.id, item, case, self._parent)
        panel.tree.setFocus()  # back to the walk

    # -- after a change ------------------------------------------------------------------------------
    def update_overdue(self) -> int:
        if not self._services.policy.allows(Action.READ_CASES):  # IT administrator: no case content
            self.overdue_button.hide()
            return 0
        count = attempt(self._parent, self.tr("Rectification ledger"), self._services.findings.overdue_count) or 0
        self.overdue_button.setText(self.tr("Overdue rectification: %n item(s)", "", count))
        self.overdue_button.setVisible(count > 0)
        return count

    def refresh(self, *, reload_window: bool = True) -> None:
        self.update_overdue()
        if reload_window and self.window is not None:
            self.window.reload()
        self._panel.refresh_findings()
