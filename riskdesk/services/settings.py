"""Settings: the court's name and the reviewer's, and where the window was left (per database)."""

from __future__ import annotations

from riskdesk.domain.model import SettingKey
from riskdesk.services.case_fields import clean_field
from riskdesk.storage.db import Database, serialise
from riskdesk.storage.settings_queries import read_settings, write_settings

USER_KEYS = tuple(k for k in SettingKey if k.user_facing)


class SettingsService:
    def __init__(self, db: Database) -> None:
        self._db = db
        # Values this process read or wrote: the reviewer's name goes on every answer, and reading
        # it again per key press would be a query per answer.
        self._cache: dict[SettingKey, str] = {}

    def get(self, key: SettingKey) -> str:
        if key not in self._cache:
            with self._db.reading() as conn:
                self._cache[key] = read_settings(conn, [key.value]).get(key.value, "")
        return self._cache[key]

    def set(self, key: SettingKey, value: str) -> None:
        self.set_all({key: value})

    def set_all(self, values: dict[SettingKey, str]) -> None:
        """Store several values in one transaction; nothing is written when nothing changed."""
        cleaned = {k: clean_field(v, k.label_zh) if k.user_facing else v for k, v in values.items()}
        with self._db.reading() as conn:
            stored = read_settings(conn, [k.value for k in cleaned])
        changed = {k: v for k, v in cleaned.items() if stored.get(k.value) != v}
        if changed:
            with self._db.writing() as conn:
                serialise(conn, "settings")  # a key is updated, or inserted when absent
                write_settings(conn, {k.value: v for k, v in changed.items()})
        self._cache.update(cleaned)

    def user_settings(self) -> dict[SettingKey, str]:
        with self._db.reading() as conn:
            found = read_settings(conn, [k.value for k in USER_KEYS])
        values = {k: found.get(k.value, "") for k in USER_KEYS}
        self._cache.update(values)
        return values
