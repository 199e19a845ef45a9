"""SQL that records a catalog version and its points, so old checklists stay readable as answered."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, func, insert, select

from riskdesk.domain.catalog import Catalog
from riskdesk.storage.schema import catalog_entries, catalog_points, catalog_versions

_P = catalog_points.c


def catalog_known(conn: Connection, fingerprint: str) -> bool:
    return conn.execute(select(catalog_versions.c.fingerprint)
                        .where(catalog_versions.c.fingerprint == fingerprint)).first() is not None


def record_catalog(conn: Connection, cat: Catalog) -> None:
    """Store a catalog version: each point's content once per content hash, and its entries in order."""
    fp = cat.fingerprint
    conn.execute(insert(catalog_versions).values(fingerprint=fp, version=cat.version, loaded_at=datetime.now()))
    known = set(conn.execute(select(_P.content_hash)).scalars())
    next_ref = int(conn.execute(select(func.coalesce(func.max(_P.ref), 0))).scalar_one()) + 1
    points, entries = [], []
    for stage in cat.stages:
        for pos, point in enumerate(stage.points):
            h = point.content_hash
            if h not in known:
                known.add(h)
                points.append({"content_hash": h, "point_id": point.id, "ref": next_ref,
                               "content_json": json.dumps(point.content(), ensure_ascii=False, sort_keys=True)})
                next_ref += 1
            entries.append({"fingerprint": fp, "point_id": point.id, "stage": stage.stage.value, "position": pos,
                            "node_id": point.node_id, "node_name": point.node_name, "point_hash": h})
    if points:
        conn.execute(insert(catalog_points), points)
    conn.execute(insert(catalog_entries), entries)


def refs_of(conn: Connection, hashes: Iterable[str]) -> dict[str, int]:
    """Content hash → the small number answers use for it."""
    wanted = list(hashes)
    out: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        rows = conn.execute(select(_P.content_hash, _P.ref).where(_P.content_hash.in_(wanted[start:start + 500])))
        out.update({str(h): int(r) for h, r in rows})
    return out


def point_ids_of(conn: Connection, refs: Iterable[int]) -> dict[int, tuple[str, str]]:
    """ref → (point id, content hash), for answers given to points of an older catalog."""
    wanted = list(refs)
    out: dict[int, tuple[str, str]] = {}
    for start in range(0, len(wanted), 500):
        rows = conn.execute(select(_P.ref, _P.point_id, _P.content_hash).where(_P.ref.in_(wanted[start:start + 500])))
        out.update({int(r): (str(pid), str(h)) for r, pid, h in rows})
    return out
