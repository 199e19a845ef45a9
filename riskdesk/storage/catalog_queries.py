"""SQL that records a catalog version and its points, so old checklists stay readable as answered."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Connection, insert, select

from riskdesk.domain.catalog import Catalog
from riskdesk.storage.schema import catalog_entries, catalog_points, catalog_versions


def catalog_known(conn: Connection, fingerprint: str) -> bool:
    return conn.execute(select(catalog_versions.c.fingerprint)
                        .where(catalog_versions.c.fingerprint == fingerprint)).first() is not None


def record_catalog(conn: Connection, cat: Catalog) -> None:
    """Store a catalog version: each point's content once per content hash, and its entries in order."""
    fp = cat.fingerprint
    conn.execute(insert(catalog_versions).values(fingerprint=fp, version=cat.version, loaded_at=datetime.now()))
    known = set(conn.execute(select(catalog_points.c.content_hash)).scalars())
    points, entries = [], []
    for stage in cat.stages:
        for pos, point in enumerate(stage.points):
            h = point.content_hash
            if h not in known:
                known.add(h)
                points.append({"content_hash": h, "point_id": point.id,
                               "content_json": json.dumps(point.content(), ensure_ascii=False, sort_keys=True)})
            entries.append({"fingerprint": fp, "point_id": point.id, "stage": stage.stage.value, "position": pos,
                            "node_id": point.node_id, "node_name": point.node_name, "point_hash": h})
    if points:
        conn.execute(insert(catalog_points), points)
    conn.execute(insert(catalog_entries), entries)
