"""The current catalog, loaded once per process, and its snapshot in the database."""

from __future__ import annotations

from pathlib import Path

from riskdesk.catalog.cache import load_catalog_cached
from riskdesk.domain.catalog import Catalog
from riskdesk.storage.catalog_queries import catalog_known, record_catalog
from riskdesk.storage.db import Database, serialise


class CatalogStore:
    """Holds the parsed catalog; records each catalog version the database has started checklists with."""

    def __init__(self, directory: Path, db: Database) -> None:
        self.directory = directory
        self._db = db
        self._catalog: Catalog | None = None
        self._registered: set[str] = set()

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
            self._registered.add(fp)
        return fp
