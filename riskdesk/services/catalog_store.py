"""The current catalog, loaded once per process, and its snapshot in the database."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Connection

from riskdesk.catalog.cache import load_catalog_cached
from riskdesk.domain.catalog import Catalog, RiskPoint
from riskdesk.domain.model import Stage
from riskdesk.storage.catalog_queries import catalog_known, record_catalog, refs_of
from riskdesk.storage.checklist_queries import stored_points
from riskdesk.storage.db import Database, serialise


class CatalogStore:
    """Holds the parsed catalog; records each catalog version the database has started checklists with."""

    def __init__(self, directory: Path, db: Database) -> None:
        self.directory = directory
        self._db = db
        self._catalog: Catalog | None = None
        self._registered: set[str] = set()
        self._refs: dict[str, int] = {}  # content hash -> ref (refs never change once given)
        self._older: dict[tuple[str, Stage], tuple[RiskPoint, ...]] = {}

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog_cached(self.directory)
        return self._catalog

    def register(self) -> str:
        """Store the current catalog's points in the database (once per process); its fingerprint."""
        fp = self.catalog.fingerprint
        if fp not in self._registered:  # after the first time: no write transaction at all
            with self._db.writing() as conn:
                serialise(conn, "catalog")  # every workstation starts a new catalog at about the same time
                if not catalog_known(conn, fp):
                    record_catalog(conn, self.catalog)
                self._refs.update(refs_of(conn, (p.content_hash for s in self.catalog.stages for p in s.points)))
            self._registered.add(fp)
        return fp

    def points_of(self, conn: Connection, fingerprint: str, stage: Stage) -> tuple[RiskPoint, ...]:
        """The points a checklist was made with: the current catalog's, or an older one's as stored."""
        if fingerprint == self.catalog.fingerprint:
            return self.catalog.stage(stage).points
        key = (fingerprint, stage)
        if key not in self._older:  # a few older catalogs at most; each read once per process
            self._older[key] = tuple(stored_points(conn, fingerprint, stage))
        return self._older[key]

    def refs_for(self, conn: Connection, points: Iterable[RiskPoint]) -> dict[str, int]:
        """Content hash → ref for these points (from memory for the current catalog)."""
        wanted = [p.content_hash for p in points]
        missing = [h for h in wanted if h not in self._refs]
        if missing:
            self._refs.update(refs_of(conn, missing))
        return {h: self._refs[h] for h in wanted if h in self._refs}
