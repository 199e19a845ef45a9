"""The catalog as plain JSON-ready data, in the shape ``riskdesk catalog export`` promises."""

from __future__ import annotations

from typing import Any

from riskdesk.domain.catalog import Catalog, RiskPoint


def point_to_dict(p: RiskPoint) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": p.id,
        "title": p.title,
        "severity": p.severity.value,
        "risk": p.risk,
        "guidance": list(p.guidance),
        "basis": [c.as_dict() for c in p.basis],
        "deadline": p.deadline or None,
        "applies_to": [m.value for m in p.applies_to],
        "type": p.type.value,
        "content_hash": p.content_hash,
    }
    if p.procedures:
        out["procedures"] = [x.value for x in p.procedures]
    if p.tracks:
        out["tracks"] = [x.value for x in p.tracks]
    if p.local_practice:
        out["local_practice"] = True
    if p.note:
        out["note"] = p.note
    return out


def catalog_to_dict(cat: Catalog) -> dict[str, Any]:
    return {
        "version": cat.version,
        "fingerprint": cat.fingerprint,
        "stages": [
            {
                "id": s.stage.value,
                "name": s.name,
                "nodes": [
                    {"id": n.id, "name": n.name, "points": [point_to_dict(p) for p in n.points]}
                    for n in s.nodes
                ],
            }
            for s in cat.stages
        ],
    }
