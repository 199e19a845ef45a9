"""The case list: one row per case with its progress per stage."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from riskdesk.domain.model import AnswerSaved, CaseSummary, Stage, StageCounts
from riskdesk.ui.labels import stage_text

Index = QModelIndex | QPersistentModelIndex
CaseIdRole = Qt.ItemDataRole.UserRole + 1


class CaseColumn(enum.IntEnum):
    CASE_NO = 0
    CAUSE = 1
    PARTIES = 2
    JUDGE = 3
    PROGRESS = 4  # answered points per stage, 立 / 审 / 执, in one narrow column


STAGES = (Stage.FILING, Stage.TRIAL, Stage.ENFORCEMENT)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_CASE_ID = int(CaseIdRole)
_PROGRESS = int(CaseColumn.PROGRESS)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_RED = QBrush(QColor("#c62828"))
_GREEN = QBrush(QColor("#2e7d32"))


class CaseTableModel(QAbstractTableModel):
    """Rows are prepared once per reload (display texts, tooltip, colour): the view asks data() for
    every cell of every visible row on each paint, and up to 500 rows are listed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []
        self._cache: list[tuple[tuple[str, ...], QBrush | None]] = []

    def set_rows(self, rows: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cache = [self._prepare(r) for r in self._rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CaseColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == _PROGRESS:
            return QCoreApplication.translate("CaseTableModel", "Points answered in the filing / trial / enforcement "
                                              "checklists (— = not started)")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            CaseColumn.CASE_NO: QCoreApplication.translate("CaseTableModel", "Case No."),
            CaseColumn.CAUSE: QCoreApplication.translate("CaseTableModel", "Cause"),
            CaseColumn.PARTIES: QCoreApplication.translate("CaseTableModel", "Parties"),
            CaseColumn.JUDGE: QCoreApplication.translate("CaseTableModel", "Judge"),
            CaseColumn.PROGRESS: QCoreApplication.translate("CaseTableModel", "F / T / E"),
        }.get(CaseColumn(section))

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        row = index.row()
        if not index.isValid() or row >= len(self._cache):
            return None
        col = index.column()
        if role == _DISPLAY:
            return self._cache[row][0][col]
        if role == _TOOLTIP:  # made on demand: only the hovered cell ever needs it
            return self._progress_tooltip(self._rows[row]) if col == _PROGRESS else self._cache[row][0][col]
        if role == _CASE_ID:
            return self._rows[row].case.id
        if col == _PROGRESS:
            if role == _ALIGN:
                return _CENTER
            if role == _FOREGROUND:
                return self._cache[row][1]
        return None

    def _prepare(self, row: CaseSummary) -> tuple[tuple[str, ...], QBrush | None]:
        c = row.case
        display = (c.case_no, c.cause, c.parties, c.judge, self._progress(row))
        # Risks found show in red (and as text in the tooltip); three finished stages in green.
        colour = None
        if row.counts:
            if any(x.risk for x in row.counts.values()):
                colour = _RED
            elif len(row.counts) == len(STAGES) and all(x.complete for x in row.counts.values()):
                colour = _GREEN
        return display, colour

    @staticmethod
    def _progress(row: CaseSummary) -> str:
        return " / ".join(str(row.counts[st].reviewed) if st in row.counts else "—" for st in STAGES)

    @staticmethod
    def _progress_tooltip(row: CaseSummary) -> str:
        lines = []
        for st in STAGES:
            name = stage_text(st)
            c = row.counts.get(st)
            if c is None:
                lines.append(QCoreApplication.translate("CaseTableModel", "%1: not started").replace("%1", name))
                continue
            text = f"{name}: {c.reviewed}/{c.total}"
            if c.risk:
                text += " · " + QCoreApplication.translate("CaseTableModel", "%n risk(s)", "", c.risk)
            lines.append(text)
        return "\n".join(lines)

    def set_counts(self, case_id: int, counts: dict[Stage, StageCounts]) -> None:
        """The case's progress in every stage (a case opened, a stage started)."""
        row = self.row_of_case(case_id)
        if row >= 0:
            self._replace(row, CaseSummary(self._rows[row].case, dict(counts)))

    def answer_saved(self, change: AnswerSaved) -> None:
        """The case's progress after an answer was saved (the case may not be listed)."""
        row = self.row_of_case(change.case_id)
        if row < 0:
            return
        counts: dict[Stage, StageCounts] = {**self._rows[row].counts, change.stage: change.counts}
        self._replace(row, CaseSummary(self._rows[row].case, counts))

    def _replace(self, row: int, summary: CaseSummary) -> None:
        self._rows[row] = summary
        self._cache[row] = self._prepare(self._rows[row])
        self.dataChanged.emit(self.index(row, CaseColumn.PROGRESS), self.index(row, CaseColumn.PROGRESS))

    def row_of_case(self, case_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.case.id == case_id:
                return i
        return -1

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]
