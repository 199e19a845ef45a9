"""Use cases shared by the GUI and the CLI. Each call is one transaction and returns plain data."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from riskdesk.domain.model import SettingKey
from riskdesk.services.accounts import AccountService, Credentials
from riskdesk.services.answers import AnswerService
from riskdesk.services.cases import CaseQuery, CaseService
from riskdesk.services.catalog_store import CatalogStore
from riskdesk.services.checklists import ChecklistItem, ChecklistService, ChecklistView, UpgradeReport
from riskdesk.services.finding_access import FindingAccess
from riskdesk.services.findings import FindingService
from riskdesk.services.permissions import Action, Policy
from riskdesk.services.session import Session
from riskdesk.services.settings import SettingsService
from riskdesk.services.signoff import SignoffService
from riskdesk.storage import migrate
from riskdesk.storage.backup import backup_dir, daily_backup
from riskdesk.storage.db import Database
from riskdesk.storage.user_queries import has_users

if TYPE_CHECKING:
    from riskdesk.services.audit import AuditService
    from riskdesk.services.case_import import CaseImportService
    from riskdesk.services.ledger import LedgerService
    from riskdesk.services.report_service import ReportService
    from riskdesk.services.stats import StatsService
    from riskdesk.services.verification import VerificationService

__all__ = ["Action", "CaseQuery", "ChecklistItem", "ChecklistView", "Credentials", "Services", "UpgradeReport"]


class Services:
    """Every service over one open database; a context manager that closes the database at the end.

    ``warnings`` holds problems that do not stop work but someone should read (the day's backup
    could not be made, for example).
    """

    def __init__(self, db: Database, catalog_dir: Path, *, actor_name: str | None = None,
                 warnings: list[str] | None = None) -> None:
        self.db = db
        with db.reading() as conn:
            shared = has_users(conn)  # a database with accounts: everyone signs in (services.auth.login)
        self.session = Session(db, lambda: self.settings.get(SettingKey.REVIEWER), actor_name, shared=shared)
        self.policy = Policy(db, self.session)
        self.catalogs = CatalogStore(catalog_dir, db)
        self.settings = SettingsService(db, self.policy, self.session)
        self.auth = AccountService(db, self.session, self.policy)
        self.checklists = ChecklistService(db, self.catalogs, self.policy)
        self.cases = CaseService(db, self.session, self.checklists.reshelve_case, self.checklists.open_risks,
                                 self.policy)
        self.signoff = SignoffService(db, self.session, self.checklists, self.policy)
        self.answers = AnswerService(db, self.session, self.catalogs, self.signoff.reopen, self.policy)
        self.findings = FindingService(db, self.session, self.checklists, self.settings,
                                       FindingAccess(db, self.policy))
        self.warnings = warnings or []

    # Services the window does not need to show its first checklist load when first used: start-up is
    # a product feature (README 性能).
    @cached_property
    def audit(self) -> AuditService:
        from riskdesk.services.audit import AuditService

        return AuditService(self.db, self.policy)

    @cached_property
    def ledger(self) -> LedgerService:
        from riskdesk.services.ledger import LedgerService

        return LedgerService(self.db, self.findings, self.settings)

    @cached_property
    def verification(self) -> VerificationService:
        from riskdesk.services.verification import VerificationService

        return VerificationService(self.cases, self.checklists, self.signoff, self.audit)

    @cached_property
    def stats(self) -> StatsService:
        from riskdesk.services.stats import StatsService

        return StatsService(self.db, lambda: self.catalogs.catalog, self.checklists.contribution, self.settings,
                            self.policy)

    @cached_property
    def reports(self) -> ReportService:
        from riskdesk.services.report_service import ReportService

        return ReportService(self)

    @classmethod
    def open(cls, url: str, catalog_dir: Path, *, backups: bool = True, actor_name: str | None = None,
             busy_timeout_ms: int | None = None, credentials: Credentials | None = None) -> Services:
        """Open (and migrate) the database, take the day's backup, and wire the services.

        On a shared database ``credentials`` sign the account in (LoginFailed when they are wrong);
        without them the services refuse everything until ``auth.login``. A single seat ignores them.
        """
        db = Database(url, busy_timeout_ms=busy_timeout_ms)
        warnings: list[str] = []
        try:
            migrate.upgrade(db)
            if backups and db.path is not None:
                warning = take_daily_backup(db.path)
                if warning:
                    warnings.append(warning)
            services = cls(db, catalog_dir, actor_name=actor_name, warnings=warnings)
            if services.settings.get(SettingKey.REBUILD_TALLIES):  # once, after a migration that added tallies
                services.stats.rebuild_if_marked()
            if credentials is not None and services.session.shared:
                services.auth.login(credentials.login, credentials.password)
        except BaseException:
            db.close()
            raise
        return services

    @cached_property
    def imports(self) -> CaseImportService:
        """Case import, loaded when first used: it is not on the window's start-up path."""
        from riskdesk.services.case_import import CaseImportService

        return CaseImportService(self.db, self.cases, self.policy)

    def warm_up(self) -> None:
        """Load the catalog and record it in the database now, so the first checklist opens at once.

        The window's start-up calls this before Qt is imported; a broken catalog is reported here,
        with the other reasons the program cannot start, instead of when a case is opened.
        """
        self.checklists.prepare()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def take_daily_backup(db_path: Path) -> str:
    """The day's automatic backup; returns a warning instead of stopping work when it cannot be written.

    A damaged database still raises (DatabaseDamagedError): work must not go on over it.
    """
    try:
        daily_backup(db_path)
    except OSError as exc:
        return f"今天的自动备份未能完成（{exc.strerror or exc}）：{backup_dir(db_path)}。数据本身未受影响，请检查磁盘空间。"
    return ""
