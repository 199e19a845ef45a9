"""Banners above the checklist: a save that failed, a newer catalog, a finished stage, a 整改项 to make."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from riskdesk.domain.model import StageCounts
from riskdesk.domain.signoff import ChecklistState, SignOff


class ChecklistBanners(QWidget):
    """Signals: upgrade_requested() when the newer-catalog banner is clicked."""

    upgrade_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error_bar = QLabel()
        self.error_bar.setObjectName("errorBar")
        self.error_bar.setWordWrap(True)
        self.error_bar.setStyleSheet("background:#ffebee;color:#b71c1c;padding:6px;border:1px solid #e57373")
        self.upgrade_bar = QPushButton()
        self.upgrade_bar.setStyleSheet("background:#fff8e1;color:#5d4037;padding:6px;text-align:left")
        self.upgrade_bar.clicked.connect(self.upgrade_requested)
        self.signoff_bar = QLabel()
        self.signoff_bar.setObjectName("signoffBar")
        self.signoff_bar.setWordWrap(True)
        self.offer_bar = QLabel()
        self.offer_bar.setObjectName("offerBar")
        self.offer_bar.setStyleSheet("background:#e3f2fd;color:#0d47a1;padding:4px 6px;border:1px solid #90caf9")
        self.complete_bar = QLabel()
        self.complete_bar.setObjectName("completeBar")
        self.complete_bar.setStyleSheet("background:#e8f5e9;color:#1b5e20;padding:6px;border:1px solid #81c784")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        for bar in (self.signoff_bar, self.upgrade_bar, self.error_bar, self.offer_bar, self.complete_bar):
            bar.hide()
            lay.addWidget(bar)

    def show_error(self, message: str) -> None:
        self.error_bar.setText(message)
        self.error_bar.show()

    def clear_error(self) -> None:
        self.error_bar.hide()

    def show_offer(self, message: str) -> None:
        """A passing hint (a 整改项 can be made, or cannot): it never takes the keyboard from the walk."""
        self.offer_bar.setText(message)
        self.offer_bar.setVisible(bool(message))

    def show_upgrade(self, changed_points: int | None) -> None:
        """A newer catalog changed ``changed_points`` points of this checklist (None: no newer catalog)."""
        if changed_points is None:
            self.upgrade_bar.hide()
            return
        self.upgrade_bar.setText(
            self.tr("A newer catalog is available: %1 point(s) changed. Answers to unchanged points carry over. "
                    "Click to upgrade this checklist.").replace("%1", str(changed_points)))
        self.upgrade_bar.show()

    def show_signoff(self, signoff: SignOff) -> None:
        """Where the checklist stands in its review: the returned comment above all."""
        state = signoff.state
        when = signoff.reviewed_at.strftime("%m-%d %H:%M") if signoff.reviewed_at else ""
        if state is ChecklistState.SUBMITTED:
            sent = signoff.submitted_at.strftime("%m-%d %H:%M") if signoff.submitted_at else ""
            text = self.tr("Submitted for review by %1 (%2). Answers wait until it is approved, returned or "
                           "withdrawn.").replace("%1", signoff.submitted_by).replace("%2", sent)
            style = "background:#e3f2fd;color:#0d47a1;border:1px solid #64b5f6"
        elif state is ChecklistState.RETURNED:
            text = self.tr("Returned by %1 (%2): %3").replace("%1", signoff.reviewed_by).replace("%2", when) \
                .replace("%3", signoff.comment)
            style = "background:#fff3e0;color:#bf360c;border:1px solid #ffb74d;font-weight:600"
        elif state is ChecklistState.APPROVED:
            text = self.tr("Approved by %1 (%2). Changing an answer needs a reason and a new approval.") \
                .replace("%1", signoff.reviewed_by).replace("%2", when)
            style = "background:#e8f5e9;color:#1b5e20;border:1px solid #81c784"
        elif signoff.approved_before:
            text = self.tr("Changed after approval: submit it again for a new approval.")
            style = "background:#fff8e1;color:#5d4037;border:1px solid #ffd54f"
        else:
            self.signoff_bar.hide()
            return
        self.signoff_bar.setStyleSheet(style + ";padding:6px")
        self.signoff_bar.setText(text)
        self.signoff_bar.show()

    def show_counts(self, counts: StageCounts) -> None:
        if counts.complete:
            self.complete_bar.setText(
                self.tr("All %1 points of this stage are reviewed: %2 risk(s) found, %3 not applicable.")
                .replace("%1", str(counts.total)).replace("%2", str(counts.risk)).replace("%3", str(counts.na)))
        self.complete_bar.setVisible(counts.complete)
