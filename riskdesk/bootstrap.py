"""Reads the environment once and opens the services: the one way the CLI and the window start.

``--db`` and ``--catalog`` win over ``RISKDESK_DB`` and ``RISKDESK_CATALOG``; without either, the
per-user database and the catalog shipped with RiskDesk are used.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from riskdesk.services import Services

DB_ENV = "RISKDESK_DB"
CATALOG_ENV = "RISKDESK_CATALOG"
BUSY_TIMEOUT_ENV = "RISKDESK_BUSY_TIMEOUT_MS"


@dataclass(frozen=True)
class Environment:
    """The settings RiskDesk takes from environment variables, read in one place."""

    db: str = ""
    catalog: str = ""
    busy_timeout_ms: int | None = None

    @classmethod
    def read(cls, environ: Mapping[str, str] | None = None) -> Environment:
        env = os.environ if environ is None else environ
        raw_timeout = env.get(BUSY_TIMEOUT_ENV, "").strip()
        # A bad value falls back to the default rather than stopping the program.
        return cls(env.get(DB_ENV, "").strip(), env.get(CATALOG_ENV, "").strip(),
                   int(raw_timeout) if raw_timeout.isdigit() else None)


@dataclass(frozen=True)
class StartOptions:
    """Where the database and the catalog are, as given on the command line (None: not given)."""

    db: str | None = None
    catalog: str | None = None

    def database_url(self, env: Environment) -> str:
        from riskdesk.paths import default_db_path
        from riskdesk.storage.db import resolve_url

        return resolve_url(self.db or env.db or None, default_db_path)

    def database_file(self, env: Environment) -> Path | None:
        """The SQLite file behind the database (None for a server database)."""
        from riskdesk.storage.db import sqlite_path

        return sqlite_path(self.database_url(env))

    def catalog_dir(self, env: Environment) -> Path:
        from riskdesk.paths import catalog_dir

        chosen = self.catalog or env.catalog
        return Path(chosen).expanduser() if chosen else catalog_dir()


def open_services(options: StartOptions, env: Environment | None = None, *, backups: bool = True,
                  actor_name: str | None = None) -> Services:
    """Open (and migrate) the database and wire the services; the caller closes them (a context manager)."""
    from riskdesk.services import Services

    environment = env or Environment.read()
    return Services.open(options.database_url(environment), options.catalog_dir(environment), backups=backups,
                         actor_name=actor_name, busy_timeout_ms=environment.busy_timeout_ms)


def open_warm(options: StartOptions) -> Services:
    """The window's services with the catalog loaded and recorded, ready for the first checklist."""
    # No backup here: the window takes the day's backup in the background once it is shown (a big
    # database takes seconds to copy and check; start-up must not wait for it).
    services = open_services(options, backups=False)
    try:
        services.warm_up()
    except BaseException:
        services.close()
        raise
    return services
