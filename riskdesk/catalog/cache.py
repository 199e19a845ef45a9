"""The parsed catalog, cached by the bytes of its files: start-up skips YAML parsing and validation.

The key is a sha256 over every catalog file's name and content plus CACHE_FORMAT, so an edited
file, a new RiskDesk version with different dataclasses, or a damaged cache all fall back to a
full load. The cache lives in the user's own cache folder and only ever holds what the loader
itself produced from the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from riskdesk.domain.catalog import Catalog

INDEX_FILE = "catalog.yaml"  # as in riskdesk.catalog.loader, which (with PyYAML) loads only on a cache miss

CACHE_FORMAT = b"riskdesk-catalog-cache-2"
CACHE_ENV = "RISKDESK_CACHE_DIR"


def cache_dir() -> Path:
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("RiskDesk", appauthor=False))


def source_key(directory: Path) -> str:
    digest = hashlib.sha256(CACHE_FORMAT)
    for path in sorted(directory.glob("*.yaml")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    if not (directory / INDEX_FILE).exists():
        digest.update(b"no index")
    return digest.hexdigest()


def load_catalog_cached(directory: Path) -> Catalog:
    """load_catalog, or the pickled result of an earlier load of exactly the same files."""
    try:
        key = source_key(directory)
    except OSError:
        from riskdesk.catalog.loader import load_catalog

        return load_catalog(directory)  # let the loader report the unreadable file properly
    cached = cache_dir() / f"catalog-{key[:32]}.pickle"
    try:
        with cached.open("rb") as fh:
            catalog = pickle.load(fh)
        if isinstance(catalog, Catalog):
            return catalog
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    from riskdesk.catalog.loader import load_catalog

    catalog = load_catalog(directory)
    _ = catalog.fingerprint  # computed now (with every point's hash) so the pickle carries it
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(catalog, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cached)
        for old in cached.parent.glob("catalog-*.pickle"):  # earlier catalogs' caches: never read again
            if old != cached:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only profile only costs start-up time
    return catalog
