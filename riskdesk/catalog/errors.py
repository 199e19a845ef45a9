"""Catalog errors, importable without PyYAML (the window's start-up only needs to catch them)."""

from __future__ import annotations

from dataclasses import dataclass

from riskdesk.domain.errors import RiskDeskError


@dataclass(frozen=True)
class CatalogIssue:
    file: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


class CatalogError(RiskDeskError):
    """The catalog cannot be used; ``issues`` lists every problem found."""

    label = ""

    def __init__(self, issues: list[CatalogIssue]) -> None:
        self.issues = issues
        super().__init__("风险点目录有误：\n" + "\n".join(str(i) for i in issues))
