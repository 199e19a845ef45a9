"""SQL of the settings table: one text value per key."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, insert, select, update

from riskdesk.storage.schema import settings


def read_settings(conn: Connection, keys: Iterable[str]) -> dict[str, str]:
    rows = conn.execute(select(settings.c.key, settings.c.value).where(settings.c.key.in_(list(keys))))
    return {str(k): str(v) for k, v in rows}


def write_settings(conn: Connection, values: dict[str, str]) -> None:
    for key, value in values.items():
        done = conn.execute(update(settings).where(settings.c.key == key).values(value=value)).rowcount
        if not done:
            conn.execute(insert(settings).values(key=key, value=value))
