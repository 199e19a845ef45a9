"""What the ledger window shows: the filters a person sets, applied by a sort/filter proxy over the table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from riskdesk.domain.findings import Finding, FindingState
from riskdesk.ui.models.finding_table_model import FindingRole, FindingTableModel, NodeRole, SortRole, stage_of

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class LedgerFilter:
    """Empty values mean "any". ``due_within``: items still to be done whose deadline is today or within
    that many days (not yet overdue); the period is the day an item was made."""

    states: frozenset[FindingState] = frozenset()
    overdue_only: bool = False
    due_within: int | None = None
    stage: str = ""
    node_id: str = ""
    point_id: str = ""
    owner: str = ""
    department: str = ""
    made_from: date | None = None
    made_to: date | None = None
    search: str = ""

    @property
    def active(self) -> bool:
        return self != LedgerFilter()


def matches(f: Finding, node_id: str, flt: LedgerFilter, today: date, point_title: str = "") -> bool:
    if flt.states and f.state not in flt.states:
        return False
    if flt.overdue_only and not f.overdue(today):
        return False
    if flt.due_within is not None and (f.state.settled or not today <= f.current_due
                                       <= today + timedelta(days=flt.due_within)):
        return False
    stage = stage_of(f)
    if flt.stage and (stage is None or stage.value != flt.stage):
        return False
    if flt.node_id and node_id != flt.node_id:
        return False
    if flt.point_id and f.point_id != flt.point_id:
        return False
    if flt.owner and f.owner != flt.owner:
        return False
    if flt.department and f.department != flt.department:
        return False
    made = f.created_at.date()
    if flt.made_from is not None and made < flt.made_from:
        return False
    if flt.made_to is not None and made > flt.made_to:
        return False
    if flt.search:
        needle = flt.search.strip().lower()
        hay = " ".join((f.no, f.case_no, f.description, f.owner, f.department, f.supervisor, f.point_id, point_title,
                        f.measure)).lower()
        if not all(word in hay for word in needle.split()):
            return False
    return True


class FindingFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = LedgerFilter()
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_filter(self, value: LedgerFilter) -> None:
        self.beginFilterChange()
        self._filter = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def filter(self) -> LedgerFilter:
        return self._filter

    def table(self) -> FindingTableModel:
        model = self.sourceModel()
        assert isinstance(model, FindingTableModel)
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.table()
        index = model.index(source_row, 0, source_parent)
        f = index.data(FindingRole)
        if not isinstance(f, Finding):
            return False
        point = model.point(f.point_id)
        return matches(f, str(index.data(NodeRole) or ""), self._filter, model.today, point.title if point else "")

    def shown(self) -> list[Finding]:
        """The items the filters let through, in the order shown."""
        return [self.index(r, 0).data(FindingRole) for r in range(self.rowCount())]
