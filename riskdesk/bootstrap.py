"""Reads the environment once and opens the services: the one way the CLI and the window start.

``--db`` and ``--catalog`` win over ``RISKDESK_DB`` and ``RISKDESK_CATALOG``; without either, the
per-user database and the catalog shipped with RiskDesk are used. On a shared database (one with
accounts) the command line signs in as ``--user`` / ``RISKDESK_USER`` with ``RISKDESK_PASSWORD`` or a
password typed at a prompt; the window asks in a dialog.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from riskdesk.services import Services

DB_ENV = "RISKDESK_DB"
CATALOG_ENV = "RISKDESK_CATALOG"
BUSY_TIMEOUT_ENV = "RISKDESK_BUSY_TIMEOUT_MS"
USER_ENV = "RISKDESK_USER"
PASSWORD_ENV = "RISKDESK_PASSWORD"
NEW_PASSWORD_ENV = "RISKDESK_NEW_PASSWORD"
AskPassword = Callable[[str], str]


@dataclass(frozen=True)
class Environment:
    """The settings RiskDesk takes from environment variables, read in one place."""

    db: str = ""
    catalog: str = ""
    busy_timeout_ms: int | None = None
    user: str = ""
    # Never shown: not in repr, never printed or logged.
    password: str = field(default="", repr=False)
    new_password: str = field(default="", repr=False)

    @classmethod
    def read(cls, environ: Mapping[str, str] | None = None) -> Environment:
        env = os.environ if environ is None else environ
        raw_timeout = env.get(BUSY_TIMEOUT_ENV, "").strip()
        # A bad value falls back to the default rather than stopping the program.
        return cls(env.get(DB_ENV, "").strip(), env.get(CATALOG_ENV, "").strip(),
                   int(raw_timeout) if raw_timeout.isdigit() else None, env.get(USER_ENV, "").strip(),
                   env.get(PASSWORD_ENV, ""), env.get(NEW_PASSWORD_ENV, ""))


@dataclass(frozen=True)
class StartOptions:
    """Where the database and the catalog are, and who signs in, as given on the command line (None: not given)."""

    db: str | None = None
    catalog: str | None = None
    user: str | None = None

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
                  actor_name: str | None = None, ask_password: AskPassword | None = None) -> Services:
    """Open (and migrate) the database and wire the services; the caller closes them (a context manager).

    With ``ask_password`` (the command line) a shared database is signed in to at once (see ``sign_in``).
    """
    from riskdesk.services import Services

    environment = env or Environment.read()
    services = Services.open(options.database_url(environment), options.catalog_dir(environment), backups=backups,
                             actor_name=actor_name, busy_timeout_ms=environment.busy_timeout_ms)
    if ask_password is not None:
        try:
            sign_in(services, options, environment, ask_password)
        except BaseException:
            services.close()
            raise
    return services


def sign_in(services: Services, options: StartOptions, env: Environment, ask_password: AskPassword) -> None:
    """On a shared database: sign in as ``--user`` (else RISKDESK_USER) with RISKDESK_PASSWORD, else asked.

    A single seat needs no login; an explicit ``--user`` there is refused rather than ignored.
    """
    from riskdesk.services.errors import InvalidInput
    from riskdesk.services.session import LoginRequired

    login = options.user or env.user
    if not services.session.shared:
        if options.user:
            raise InvalidInput("这个数据库没有账户（单机使用），不需要 --user；要共享使用，先用 riskdesk server init 创建管理员")
        return
    if not login:
        raise LoginRequired()
    services.auth.login(login, env.password or ask_password(f"{login} 的密码："))


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
