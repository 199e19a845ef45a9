"""Use cases shared by the GUI and the CLI. Each call is one transaction and returns plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from riskdesk.services.cases import CaseQuery, CaseService, SettingsService
from riskdesk.services.catalog_store import CatalogStore
from riskdesk.services.report_service import ReportService
from riskdesk.services.review import ChecklistItem, ChecklistView, ReviewService
from riskdesk.storage import migrate
from riskdesk.storage.backup import backup_dir, daily_backup
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
    # Problems that do not stop work but someone should read (e.g. the day's backup could not be made).
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.reports = ReportService(self)

    @classmethod
    def open(cls, url: str, catalog_dir: Path, *, backups: bool = True) -> Services:
        """Open (and migrate) the database, take the day's backup, and wire the services."""
        db = Database(url)
        warnings: list[str] = []
        try:
            migrate.upgrade(db)
            if backups and db.path is not None:
                warning = take_daily_backup(db.path)
                if warning:
                    warnings.append(warning)
        except Exception:
            db.close()
            raise
        catalogs = CatalogStore(catalog_dir)
        return cls(db, catalogs, CaseService(db), ReviewService(db, catalogs), SettingsService(db), warnings)

    def warm_up(self) -> None:
        """Load the catalog and record it in the database now, so the first checklist opens at once.

        The window's start-up calls this before Qt is imported; a broken catalog is reported here,
        with the other reasons the program cannot start, instead of when a case is opened.
        """
        self.review.prepare()

    def close(self) -> None:
        self.db.close()


def take_daily_backup(db_path: Path) -> str:
    """The day's automatic backup; returns a warning instead of stopping work when it cannot be written.

    A damaged database still raises (DatabaseDamagedError): work must not go on over it.
    """
    try:
        daily_backup(db_path)
    except OSError as exc:
        return f"今天的自动备份未能完成（{exc.strerror or exc}）：{backup_dir(db_path)}。数据本身未受影响，请检查磁盘空间。"
    return ""
