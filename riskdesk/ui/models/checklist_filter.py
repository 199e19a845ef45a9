"""Filters the checklist tree by status, severity, node and free text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from riskdesk.domain.model import Status
from riskdesk.ui.models.checklist_model import ChecklistModel
from riskdesk.ui.models.filters import ChecklistFilter

Index = QModelIndex | QPersistentModelIndex


class ChecklistFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # A node row stays visible when any of its points passes.
        self.setRecursiveFilteringEnabled(True)
        # Filters apply when they are changed, not on every answer: a point just answered under
        # "only unreviewed" stays under the cursor instead of vanishing (and 100 rows are not
        # re-filtered on each key press).
        self.setDynamicSortFilter(False)
        self._filter = ChecklistFilter()

    def set_filter(self, value: ChecklistFilter) -> None:
        self.beginFilterChange()
        self._filter = value
        self.endFilterChange()

    @property
    def active(self) -> bool:
        return self._filter.active

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ChecklistModel)
        f = self._filter
        it = model.checklist_item(model.index(source_row, 0, source_parent))
        if it is None:  # a node row: shown when no filter is on, or (recursively) when a point passes
            return not f.active
        if not f.show_settled and it.result.status is Status.SETTLED:
            return False
        if f.statuses and it.result.status not in f.statuses:
            return False
        if f.severities and it.point.severity not in f.severities:
            return False
        if f.node and it.point.node_id != f.node:
            return False
        return not (f.text and f.text not in model.search_text(it))
