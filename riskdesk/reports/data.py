"""Plain data the services hand to the PDF builders, and the record fingerprint.

No reportlab here: the services import this module to assemble the data before any PDF code loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from riskdesk.domain.catalog import Node, RiskPoint, sha256_of
from riskdesk.domain.model import Case, Result, Stage, StageCounts
from riskdesk.domain.signoff import SignOff
from riskdesk.domain.stats import Breakdown, ChecklistFigures, FindingFigures, Period, StatsTable, Tally


@dataclass(frozen=True)
class CatalogSheet:
    """One stage of the catalog as printed on a guidance sheet or a blank checklist."""

    court: str
    stage: Stage
    stage_name: str
    nodes: tuple[Node, ...]
    catalog_version: str
    catalog_fingerprint: str
    printed_on: date

    @property
    def points(self) -> tuple[RiskPoint, ...]:
        return tuple(p for n in self.nodes for p in n.points)


@dataclass(frozen=True)
class CaseStageReport:
    """One started stage of a case: the points as answered against, with their results."""

    stage: Stage
    catalog_version: str
    catalog_fingerprint: str
    counts: StageCounts
    items: tuple[tuple[RiskPoint, Result], ...]


@dataclass(frozen=True)
class OriginRiskLine:
    """An open risk of the case this one came from (原审 / 执行依据), as printed."""

    case_no: str
    stage: Stage
    point_id: str
    title: str
    note: str


@dataclass(frozen=True)
class CaseReport:
    court: str
    case: Case
    stages: tuple[CaseStageReport, ...]
    printed_at: datetime
    record_fingerprint: str
    origin_risks: tuple[OriginRiskLine, ...] = ()
    signoffs: dict[Stage, SignOff] = field(default_factory=dict)
    verification_code: str = ""  # printed as a QR code and carried in the PDF's keywords
    single_seat: bool = True  # sign-offs by typed names, not by accounts


def record_fingerprint(stages: tuple[CaseStageReport, ...]) -> str:
    """sha256 over the printed results (point id, status, note, updated_at, updated_by) as canonical JSON.

    Sorted by point id, so the same answers always give the same value however they were loaded; a
    paper copy can then be matched to the database by recomputing it.
    """
    rows = sorted(
        (
            {
                "point_id": r.point_id,
                "status": r.status.value,
                "note": r.note,
                "updated_at": r.updated_at.isoformat(timespec="seconds") if r.updated_at else None,
                "updated_by": r.updated_by,
            }
            for s in stages
            for _, r in s.items
        ),
        key=lambda row: str(row["point_id"]),
    )
    return sha256_of(rows)


@dataclass(frozen=True)
class BulletinPoint:
    """One of the points most often found at risk, with the 操作指引 the bulletin reminds judges of."""

    point_id: str
    title: str
    where: str  # 环节·流程节点
    risk: int
    risk_rate: float | None
    guidance: tuple[str, ...]


@dataclass(frozen=True)
class Bulletin:
    """《风险防控工作通报》's figures, copied out of the statistics so the PDF code needs no services.

    ``tables`` holds only the breakdowns a bulletin prints (stage, node, month, 庭室): never per person.
    """

    court: str
    period: Period
    scope: str  # 全院, a 庭室's name, or 本人承办案件
    made_on: date
    checklists: ChecklistFigures
    total: Tally
    tables: dict[Breakdown, StatsTable]
    top_points: tuple[BulletinPoint, ...]
    findings: FindingFigures
