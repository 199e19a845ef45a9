"""Settings: the court's name and the reviewer's, and where the window was left (per database).

On a shared database the reviewer is the signed-in account (the setting is not used), only an admin
sets the court's name, and where the window was left is kept per account.
"""

from __future__ import annotations

from riskdesk.domain.model import SettingKey
from riskdesk.services.case_fields import clean_field
from riskdesk.services.permissions import Action, Policy
from riskdesk.services.session import Session
from riskdesk.storage.db import Database, serialise
from riskdesk.storage.settings_queries import read_settings, write_settings

USER_KEYS = tuple(k for k in SettingKey if k.user_facing)
# Court-wide choices are the court's to make (on a shared database: its IT administrator, as told).
_GUARD = {SettingKey.COURT: Action.SET_COURT, SettingKey.REVIEWER: Action.SET_REVIEWER,
          SettingKey.PERSON_FIGURES: Action.SET_COURT}


class SettingsService:
    def __init__(self, db: Database, policy: Policy, session: Session) -> None:
        self._db = db
        self._policy = policy
        self._session = session
        # Values this process read or wrote, by stored key: the reviewer's name goes on every answer,
        # and reading it again per key press would be a query per answer.
        self._cache: dict[str, str] = {}

    def _key(self, key: SettingKey) -> str:
        owner = "" if key.user_facing else self._session.state_owner
        return f"{key.value}@{owner}" if owner else key.value

    def get(self, key: SettingKey) -> str:
        stored = self._key(key)
        if stored not in self._cache:
            with self._db.reading() as conn:
                self._cache[stored] = read_settings(conn, [stored]).get(stored, "")
        return self._cache[stored]

    def set(self, key: SettingKey, value: str) -> None:
        self.set_all({key: value})

    def set_all(self, values: dict[SettingKey, str]) -> None:
        """Store several values in one transaction; nothing is written when nothing changed."""
        for key in values:
            if key in _GUARD:
                self._policy.require(_GUARD[key])
        cleaned = {self._key(k): clean_field(v, k.label_zh) if k.user_facing else v for k, v in values.items()}
        with self._db.reading() as conn:
            stored = read_settings(conn, list(cleaned))
        changed = {k: v for k, v in cleaned.items() if stored.get(k) != v}
        if changed:
            with self._db.writing() as conn:
                serialise(conn, "settings")  # a key is updated, or inserted when absent
                write_settings(conn, changed)
        self._cache.update(cleaned)

    def user_settings(self) -> dict[SettingKey, str]:
        with self._db.reading() as conn:
            found = read_settings(conn, [k.value for k in USER_KEYS])
        values = {k: found.get(k.value, "") for k in USER_KEYS}
        self._cache.update({k.value: v for k, v in values.items()})
        return values
