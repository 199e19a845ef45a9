"""Use cases shared by the GUI and the CLI. Each call is one transaction and returns plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from riskdesk.services.cases import CaseQuery, CaseService, SettingsService
from riskdesk.services.catalog_store import CatalogStore
from riskdesk.services.report_service import ReportService
from riskdesk.services.review import ChecklistItem, ChecklistView, ReviewService
from riskdesk.storage import migrate
from riskdesk.storage.backup import daily_backup
from riskdesk.storage.db import Database

__all__ = ["CaseQuery", "ChecklistItem", "ChecklistView", "Services"]


@dataclass
class Services:
    db: Database
    catalogs: CatalogStore
    cases: CaseService
    review: ReviewService
    settings: SettingsService
    reports: ReportService = field(init=False)

    def __post_init__(self) -> None:
        self.reports = ReportService(self)

    @classmethod
    def open(cls, url: str, catalog_dir: Path, *, backups: bool = True) -> Services:
        """Open (and migrate) the database, take the day's backup, and wire the services."""
        db = Database(url)
        try:
            migrate.upgrade(db)
            if backups and db.path is not None:
                daily_backup(db.path)
        except Exception:
            db.close()
            raise
        catalogs = CatalogStore(catalog_dir)
        return cls(db, catalogs, CaseService(db), ReviewService(db, catalogs), SettingsService(db))

    def close(self) -> None:
        self.db.close()
