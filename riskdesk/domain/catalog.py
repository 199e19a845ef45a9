"""The risk-point catalog as typed, immutable values (loaded and validated in riskdesk.catalog)."""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from riskdesk.domain.case_kind import Matter, Procedure, Track
from riskdesk.domain.model import Severity, Stage


class PointType(enum.Enum):
    """风险类型 of a point; the value is the word the catalog file uses."""

    PROCEDURE = "程序"
    TIME_LIMIT = "时限"
    SERVICE = "送达"
    PRESERVATION = "保全"
    EVIDENCE = "证据"
    DOCUMENT = "文书"
    FEES = "费用"
    PROPERTY = "财产"
    CASE_MONEY = "案款"
    INTEGRITY = "廉政"
    SAFETY = "安全"
    INFORMATION = "信息"
    SUPERVISION = "监督"


class CitationKind(enum.Enum):
    STATUTE = "statute"  # laws and judicial interpretations: checked against the statute texts
    POLICY = "policy"  # SPC policy documents, cited by document number


@dataclass(frozen=True)
class Citation:
    """One entry of a point's legal basis."""

    law: str
    article: int | None = None
    clause: str = ""
    kind: CitationKind = CitationKind.STATUTE
    doc_no: str = ""

    def label(self) -> str:
        """《民事诉讼法》第一百二十六条第一款 style text for screens and print."""
        title = self.law if self.law.startswith("《") else f"《{self.law}》"
        parts = [title]
        if self.doc_no:
            parts.append(f"（{self.doc_no}）")
        if self.article is not None:
            parts.append(f"第{self.article}条")
        if self.clause:
            parts.append(self.clause)
        return "".join(parts)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"law": self.law}
        if self.article is not None:
            out["article"] = self.article
        if self.clause:
            out["clause"] = self.clause
        if self.kind is not CitationKind.STATUTE:
            out["kind"] = self.kind.value
        if self.doc_no:
            out["doc_no"] = self.doc_no
        return out


@dataclass(frozen=True)
class RiskPoint:
    id: str
    stage: Stage
    node_id: str
    node_name: str
    title: str
    severity: Severity
    type: PointType
    applies_to: tuple[Matter, ...]
    risk: str
    guidance: tuple[str, ...]
    basis: tuple[Citation, ...]
    deadline: str = ""
    local_practice: bool = False
    note: str = ""
    # Empty means every procedure / every 程序; otherwise the point applies only to those listed.
    procedures: tuple[Procedure, ...] = ()
    tracks: tuple[Track, ...] = ()

    def applies(self, matter: Matter | None, procedure: Procedure | None, track: Track | None) -> bool:
        """False only when the case is known to be of a kind, procedure or 程序 the point excludes.

        Whatever the case does not say (no 执行依据 named, no 程序 chosen) leaves the point open.
        """
        if matter is not None and matter not in self.applies_to:
            return False
        if self.procedures and procedure is not None and procedure not in self.procedures:
            return False
        return not (self.tracks and track is not None and track not in self.tracks)

    def content(self) -> dict[str, Any]:
        """What the reviewer answered against; a change here invalidates an answer.

        The node is left out on purpose: moving a point between nodes does not change
        what it asks.
        """
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "severity": self.severity.value,
            "type": self.type.value,
            "applies_to": [m.value for m in self.applies_to],
            "risk": self.risk,
            "guidance": list(self.guidance),
            "basis": [c.as_dict() for c in self.basis],
            "deadline": self.deadline,
            "local_practice": self.local_practice,
            "note": self.note,
        }
        # Only when set: adding the fields must not change the hash (and so retire the answers) of
        # every point that does not use them.
        if self.procedures:
            out["procedures"] = [p.value for p in self.procedures]
        if self.tracks:
            out["tracks"] = [t.value for t in self.tracks]
        return out

    @cached_property
    def content_hash(self) -> str:
        return sha256_of(self.content())


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    points: tuple[RiskPoint, ...]


@dataclass(frozen=True)
class StageCatalog:
    stage: Stage
    name: str
    nodes: tuple[Node, ...]

    @property
    def points(self) -> tuple[RiskPoint, ...]:
        return tuple(p for n in self.nodes for p in n.points)


@dataclass(frozen=True)
class Catalog:
    version: str
    stages: tuple[StageCatalog, ...]

    def stage(self, stage: Stage) -> StageCatalog:
        for s in self.stages:
            if s.stage is stage:
                return s
        raise KeyError(stage)

    def point(self, point_id: str) -> RiskPoint:
        stage = Stage.from_point_id(point_id)
        for p in self.stage(stage).points:
            if p.id == point_id.upper():
                return p
        raise KeyError(point_id)

    @cached_property
    def fingerprint(self) -> str:
        """sha256 of the canonical content: the catalog's identity, whatever its version label says."""
        return sha256_of(
            {
                "version": self.version,
                "stages": [
                    {
                        "id": s.stage.value,
                        "name": s.name,
                        "nodes": [
                            {"id": n.id, "name": n.name, "points": [p.content_hash for p in n.points]}
                            for n in s.nodes
                        ],
                    }
                    for s in self.stages
                ],
            }
        )


def sha256_of(value: Any) -> str:
    canonical = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def point_from_content(content: dict[str, Any], stage: Stage, node_id: str, node_name: str) -> RiskPoint:
    """Rebuild a stored point snapshot (see RiskPoint.content)."""
    return RiskPoint(
        id=content["id"],
        stage=stage,
        node_id=node_id,
        node_name=node_name,
        title=content["title"],
        severity=Severity(content["severity"]),
        type=PointType(content["type"]),
        applies_to=tuple(Matter(m) for m in content["applies_to"]),
        risk=content["risk"],
        guidance=tuple(content["guidance"]),
        basis=tuple(
            Citation(
                law=c["law"],
                article=c.get("article"),
                clause=c.get("clause", ""),
                kind=CitationKind(c.get("kind", "statute")),
                doc_no=c.get("doc_no", ""),
            )
            for c in content["basis"]
        ),
        deadline=content.get("deadline", ""),
        local_practice=bool(content.get("local_practice", False)),
        note=content.get("note", ""),
        procedures=tuple(Procedure(v) for v in content.get("procedures", ())),
        tracks=tuple(Track(v) for v in content.get("tracks", ())),
    )
