"""The checklist filter as a value: the filter bar emits it, the proxy applies it."""

from __future__ import annotations

from dataclasses import dataclass

from riskdesk.domain.model import Severity, Status


@dataclass(frozen=True)
class ChecklistFilter:
    """What the reviewer chose to see; the empty filter shows every point."""

    statuses: frozenset[Status] = frozenset()
    severities: frozenset[Severity] = frozenset()
    node: str = ""
    text: str = ""
    # Points settled by case type are folded away unless asked for; not a filter of its own (the
    # tree hides their rows itself while no other filter is on).
    show_settled: bool = False

    @property
    def active(self) -> bool:
        return bool(self.statuses or self.severities or self.node or self.text.strip())
