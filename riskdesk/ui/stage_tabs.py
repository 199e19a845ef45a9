"""The stage tabs above a checklist, each with its progress: 立案 37/100 · 2 处风险 · 已完成."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar, QWidget

from riskdesk.domain.model import AnswerSaved, Stage, StageCounts
from riskdesk.ui.labels import stage_text

STAGES = (Stage.FILING, Stage.TRIAL, Stage.ENFORCEMENT)


class StageTabs(QTabBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Stage"))
        self.setExpanding(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._counts: dict[Stage, StageCounts] = {}
        for st in STAGES:
            self.addTab(stage_text(st))

    def stage(self) -> Stage:
        return STAGES[self.currentIndex()]

    def show_only(self, stages: set[Stage]) -> None:
        """Tabs for these stages only (the case's own, and any opened on purpose).

        Silently: hiding the current tab moves the current index, and that is not the user choosing
        a stage (it would ask whether to open a stage the case does not go through).
        """
        self.blockSignals(True)
        try:
            for i, st in enumerate(STAGES):
                self.setTabVisible(i, st in stages)
        finally:
            self.blockSignals(False)

    def shown(self) -> set[Stage]:
        return {st for i, st in enumerate(STAGES) if self.isTabVisible(i)}

    def is_shown(self, stage: Stage) -> bool:
        return self.isTabVisible(STAGES.index(stage))

    def show_stage(self, stage: Stage) -> None:
        """Make ``stage`` the current tab without announcing it (the window chose it)."""
        self.blockSignals(True)
        self.setCurrentIndex(STAGES.index(stage))
        self.blockSignals(False)

    def show_counts(self, counts: dict[Stage, StageCounts]) -> None:
        """Every stage's progress (a newly opened case)."""
        self._counts = dict(counts)
        for st in STAGES:
            self._label(st)

    def answer_saved(self, change: AnswerSaved) -> None:
        self._counts[change.stage] = change.counts
        self._label(change.stage)

    def _label(self, stage: Stage) -> None:
        text = stage_text(stage)
        c = self._counts.get(stage)
        if c is not None:
            text += f"  {c.reviewed}/{c.applicable}"
            if c.risk:
                text += " · " + self.tr("%n risk(s)", "", c.risk)
            if c.complete:
                text += " · " + self.tr("complete")
        i = STAGES.index(stage)
        self.setTabText(i, text)
        self.setTabToolTip(i, text)
