"""Who is acting through these services, for every change they record."""

from __future__ import annotations

from riskdesk.domain.model import SettingKey
from riskdesk.domain.people import Actor
from riskdesk.services.settings import SettingsService


class Session:
    """On a single-seat file the actor is a named person: ``--by NAME`` when given, else the reviewer
    configured in the settings (read when asked, so a change in the settings dialog applies at once)."""

    def __init__(self, settings: SettingsService, name: str | None = None) -> None:
        self._settings = settings
        self._name = name.strip() if name else None

    @property
    def actor(self) -> Actor:
        return Actor(self._name or self._settings.get(SettingKey.REVIEWER))

    def act_as(self, name: str | None) -> None:
        """Record the following changes against ``name`` (None: the configured reviewer again)."""
        self._name = name.strip() if name else None
