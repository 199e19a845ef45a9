"""Filters the checklist tree by status, severity, node and free text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from riskdesk.domain.model import Severity, Status
from riskdesk.ui.models.checklist_model import ChecklistModel

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
        self._statuses: frozenset[Status] = frozenset()
        self._severities: frozenset[Severity] = frozenset()
        self._node = ""
        self._text = ""

    def set_filters(self, *, statuses: frozenset[Status] | None = None, severities: frozenset[Severity] | None = None,
                    node: str | None = None, text: str | None = None) -> None:
        self.beginFilterChange()
        if statuses is not None:
            self._statuses = statuses
        if severities is not None:
            self._severities = severities
        if node is not None:
            self._node = node
        if text is not None:
            self._text = text.strip().lower()
        self.endFilterChange()

    def clear_filters(self) -> None:
        self.set_filters(statuses=frozenset(), severities=frozenset(), node="", text="")

    @property
    def active(self) -> bool:
        return bool(self._statuses or self._severities or self._node or self._text)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ChecklistModel)
        idx = model.index(source_row, 0, source_parent)
        it = model.checklist_item(idx)
        if it is None:  # a node row: shown when no filter is on, or (recursively) when a point passes
            return not self.active
        if self._statuses and it.result.status not in self._statuses:
            return False
        if self._severities and it.point.severity not in self._severities:
            return False
        if self._node and it.point.node_id != self._node:
            return False
        return not (self._text and self._text not in model.search_text(it))
