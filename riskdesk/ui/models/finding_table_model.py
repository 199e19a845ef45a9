"""The 整改台账 as a table: one row per 整改项; overdue ones in red. Sorting and filtering are the proxy's."""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from riskdesk.domain.catalog import RiskPoint
from riskdesk.domain.findings import Finding, FindingState
from riskdesk.domain.model import Severity, Stage
from riskdesk.ui.labels import (
    FINDING_STATE_COLOURS,
    OVERDUE_COLOUR,
    SEVERITY_COLOURS,
    finding_state_text,
    overdue_text,
    severity_text,
    stage_text,
)

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
FindingRole = int(Qt.ItemDataRole.UserRole) + 1  # the Finding itself
SortRole = int(Qt.ItemDataRole.UserRole) + 2  # a key that sorts as a person expects (dates, levels, states)
NodeRole = int(Qt.ItemDataRole.UserRole) + 3  # the catalog node of the item's point ("" when none)

_STATE_RANK = {s: i for i, s in enumerate(FindingState)}
_SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
_STAGE_RANK = {s.value: i for i, s in enumerate(Stage)}
_RED = QBrush(QColor(OVERDUE_COLOUR))
_OVERDUE_BACKGROUND = QBrush(QColor("#fdecea"))
_BOLD = QFont()
_BOLD.setBold(True)


class LedgerColumn(enum.IntEnum):
    NO = 0
    STATE = 1
    OVERDUE = 2
    CASE_NO = 3
    STAGE = 4
    POINT = 5
    DESCRIPTION = 6
    SEVERITY = 7
    DEPARTMENT = 8
    OWNER = 9
    DUE = 10
    CREATED = 11


def column_title(column: LedgerColumn) -> str:
    return {
        LedgerColumn.NO: translate("FindingTableModel", "No."),
        LedgerColumn.STATE: translate("FindingTableModel", "State"),
        LedgerColumn.OVERDUE: translate("FindingTableModel", "Overdue"),
        LedgerColumn.CASE_NO: translate("FindingTableModel", "Case No."),
        LedgerColumn.STAGE: translate("FindingTableModel", "Stage"),
        LedgerColumn.POINT: translate("FindingTableModel", "Risk point"),
        LedgerColumn.DESCRIPTION: translate("FindingTableModel", "Problem"),
        LedgerColumn.SEVERITY: translate("FindingTableModel", "Level"),
        LedgerColumn.DEPARTMENT: translate("FindingTableModel", "Department"),
        LedgerColumn.OWNER: translate("FindingTableModel", "Responsible"),
        LedgerColumn.DUE: translate("FindingTableModel", "Deadline now"),
        LedgerColumn.CREATED: translate("FindingTableModel", "Created on"),
    }[column]


def stage_of(f: Finding) -> Stage | None:
    """The item's stage: its checklist's, else its point's (a 共性问题 has a point but no checklist)."""
    if f.stage:
        return Stage(f.stage)
    try:
        return Stage.from_point_id(f.point_id) if f.point_id else None
    except ValueError:
        return None


def problem_text(f: Finding, point: RiskPoint | None) -> str:
    """What was found, without what the other columns say: an item made from an answer has the case, stage
    and point in its description; the answer's note (else the point's title) is the problem itself."""
    if f.case_no and not f.systemic:
        return " ".join((f.source_note or (point.title if point else f.description)).split())
    return " ".join(f.description.split())


def due_text(f: Finding) -> str:
    if not f.extensions:
        return f.due.isoformat()
    return translate("FindingTableModel", "%1 (originally %2)").replace(
        "%1", f.current_due.isoformat()).replace("%2", f.due.isoformat())


class FindingTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Finding] = []
        self._points: dict[str, RiskPoint] = {}
        self.today = date.today()

    def set_findings(self, items: list[Finding], points: dict[str, RiskPoint], today: date | None = None) -> None:
        """Show ``items``; ``points`` (the catalog's, by id) give each item's point title and node."""
        self.beginResetModel()
        self._rows = list(items)
        self._points = points
        self.today = today or date.today()
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._rows[row]

    def findings(self) -> list[Finding]:
        return list(self._rows)

    def row_of(self, finding_id: int) -> int:
        return next((i for i, f in enumerate(self._rows) if f.id == finding_id), -1)

    def point(self, point_id: str) -> RiskPoint | None:
        return self._points.get(point_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LedgerColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(LedgerColumn):
            return None
        return column_title(LedgerColumn(section))

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        f = self._rows[index.row()]
        column = LedgerColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(f, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f.description if column is LedgerColumn.DESCRIPTION else self._text(f, column) or None
        if role == FindingRole:
            return f
        if role == SortRole:
            return self._sort_key(f, column)
        if role == NodeRole:
            p = self._points.get(f.point_id)
            return p.node_id if p else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(f, column)
        if role == Qt.ItemDataRole.BackgroundRole and column is LedgerColumn.OVERDUE and f.overdue(self.today):
            return _OVERDUE_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and column in (LedgerColumn.OVERDUE, LedgerColumn.NO) \
                and f.overdue(self.today):
            return _BOLD
        return None

    def _text(self, f: Finding, column: LedgerColumn) -> str:
        if column is LedgerColumn.NO:
            return f.no
        if column is LedgerColumn.STATE:
            return finding_state_text(f.state)
        if column is LedgerColumn.OVERDUE:
            return overdue_text(-f.days_left(self.today)) if f.overdue(self.today) else ""
        if column is LedgerColumn.CASE_NO:
            return f.case_no
        if column is LedgerColumn.STAGE:
            stage = stage_of(f)
            return stage_text(stage) if stage else ""
        if column is LedgerColumn.POINT:
            p = self._points.get(f.point_id)
            return f"{f.point_id} {p.title}" if p else f.point_id
        if column is LedgerColumn.DESCRIPTION:
            return problem_text(f, self._points.get(f.point_id))
        if column is LedgerColumn.SEVERITY:
            return severity_text(f.severity)
        if column is LedgerColumn.DEPARTMENT:
            return f.department
        if column is LedgerColumn.OWNER:
            return f.owner
        if column is LedgerColumn.DUE:
            return due_text(f)
        return f.created_at.date().isoformat()

    def _sort_key(self, f: Finding, column: LedgerColumn) -> Any:
        if column is LedgerColumn.STATE:
            return _STATE_RANK[f.state]
        if column is LedgerColumn.OVERDUE:  # the most overdue first, then the nearest deadlines; settled last
            return f.days_left(self.today) if not f.state.settled else 1_000_000
        if column is LedgerColumn.STAGE:
            stage = stage_of(f)
            return _STAGE_RANK[stage.value] if stage else 99
        if column is LedgerColumn.SEVERITY:
            return _SEVERITY_RANK[f.severity]
        if column is LedgerColumn.DUE:
            return f.current_due.isoformat()
        if column is LedgerColumn.CREATED:
            return f.created_at.isoformat()
        return self._text(f, column)

    def _colour(self, f: Finding, column: LedgerColumn) -> QBrush | None:
        late = f.overdue(self.today)
        if column in (LedgerColumn.OVERDUE, LedgerColumn.DUE, LedgerColumn.NO) and late:
            return _RED
        if column is LedgerColumn.STATE:
            return QBrush(QColor(FINDING_STATE_COLOURS[f.state]))
        if column is LedgerColumn.SEVERITY:
            return QBrush(QColor(SEVERITY_COLOURS[f.severity]))
        return None
