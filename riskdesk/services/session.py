"""Who is acting through these services, for every change they record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from riskdesk.domain.people import Account, Actor
from riskdesk.services.errors import InvalidInput, PermissionDenied
from riskdesk.storage.db import Database
from riskdesk.storage.user_queries import user_by_id

# How long a signed-in account is trusted before it is read again: an account an admin disables (or
# gives another role or 庭室) stops working, or works the new way, within this time.
ACCOUNT_REFRESH = timedelta(seconds=30)
BY_REFUSED = "这是共享数据库：核查人就是登录的账户，不能另行指定（--by）；请用 --user 以自己的账户登录"


class LoginRequired(PermissionDenied):
    def __init__(self) -> None:
        super().__init__("这是共享数据库，需要先登录（命令行：--user 登录名，或环境变量 RISKDESK_USER）")


class Session:
    """The person acting. On a single-seat file (no accounts) a named person: ``--by NAME`` when given,
    else the reviewer configured in the settings (read when asked, so a change in the settings dialog
    applies at once). On a shared database the signed-in account, and nothing until someone signs in."""

    def __init__(self, db: Database, reviewer: Callable[[], str], name: str | None = None, *, shared: bool = False,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        if shared and name and name.strip():
            raise InvalidInput(BY_REFUSED)
        self._db = db
        self._reviewer = reviewer
        self._name = name.strip() if name else None
        self.shared = shared
        self.clock = clock
        self._account: Account | None = None
        self._read_at = datetime.min

    @property
    def account(self) -> Account | None:
        """The signed-in account as stored (re-read now and then); None on a single seat or before login."""
        if self._account is not None and self.clock() - self._read_at > ACCOUNT_REFRESH:
            with self._db.reading() as conn:
                stored = user_by_id(conn, self._account.id)
            self.sign_in(stored.account if stored is not None else None)
        return self._account

    @property
    def actor(self) -> Actor:
        if not self.shared:
            return Actor(self._name or self._reviewer())
        account = self.account
        if account is None:
            raise LoginRequired()
        return account.actor

    def act_as(self, name: str | None) -> None:
        """Record the following changes against ``name`` (None: the configured reviewer again); single seat only."""
        if self.shared:
            raise InvalidInput(BY_REFUSED)
        self._name = name.strip() if name else None

    def sign_in(self, account: Account | None) -> None:
        self._account = account
        self._read_at = self.clock()

    def sign_out(self) -> None:
        self._account = None

    @property
    def state_owner(self) -> str:
        """Whose window state (last case, last stage) the settings keep: the login on a shared database."""
        return self._account.login if self.shared and self._account is not None else ""
