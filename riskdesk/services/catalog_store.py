"""The current catalog, loaded once per process, and its snapshot in the database."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, insert, select

from riskdesk.catalog.cache import load_catalog_cached
from riskdesk.domain.catalog import Catalog
from riskdesk.storage.schema import catalog_entries, catalog_points, catalog_versions


class CatalogStore:
    """Holds the parsed catalog; records each catalog version the database has started checklists with."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._catalog: Catalog | None = None
        self._registered: set[str] = set()

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog_cached(self.directory)
        return self._catalog

    @property
    def registered(self) -> bool:
        """True once this process has stored the current catalog (no write transaction needed)."""
        return self._catalog is not None and self._catalog.fingerprint in self._registered

    def ensure_registered(self, session: Connection) -> str:
        """Store the current catalog's points (once); return its fingerprint."""
        cat = self.catalog
        fp = cat.fingerprint
        if fp in self._registered:
            return fp
        known_version = session.execute(select(catalog_versions.c.fingerprint)
                                        .where(catalog_versions.c.fingerprint == fp)).first()
        if known_version is None:
            # Core inserts in dependency order: 300 rows, once per catalog version.
            session.execute(insert(catalog_versions).values(fingerprint=fp, version=cat.version,
                                                             loaded_at=datetime.now()))
            known = set(session.execute(select(catalog_points.c.content_hash)).scalars())
            points, entries = [], []
            for stage in cat.stages:
                for pos, point in enumerate(stage.points):
                    h = point.content_hash
                    if h not in known:
                        known.add(h)
                        points.append({"content_hash": h, "point_id": point.id,
                                       "content_json": json.dumps(point.content(), ensure_ascii=False, sort_keys=True)})
                    entries.append({"fingerprint": fp, "point_id": point.id, "stage": stage.stage.value,
                                    "position": pos, "node_id": point.node_id, "node_name": point.node_name,
                                    "point_hash": h})
            if points:
                session.execute(insert(catalog_points), points)
            session.execute(insert(catalog_entries), entries)
        self._registered.add(fp)
        return fp
