"""Cases with known statistics for the 通报 tests: four cases over three months of 2026-Q3 and one in May,
two 庭室, three judges, and 整改项 in each state.

Checklists and 整改项 are made through the services, then dated into the past in SQL (the services
stamp them with today) and the tallies recounted: what a court's database looks like a few months on.

2026-Q3 (全院): 4 checklists; 存在风险 5 (立案 4, 审判 1; 7月 1, 8月 3, 9月 1; 民一庭 4, 民二庭 1),
无风险 5, 不适用 1 → 风险率 50.0%; 整改 梳理 4, 已销号 1 (10 days), 无需整改 1, 整改中 2, 逾期 1.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import update

from riskdesk.domain.model import ChecklistId, Stage, Status
from riskdesk.services import Services
from riskdesk.services.case_fields import CaseInput
from riskdesk.storage import schema

R, C, N = Status.RISK, Status.CLEAR, Status.NA
# case no, 庭室, 承办人, the day its checklists were started, answers per stage
CASES: tuple[tuple[str, str, str, date, dict[Stage, dict[str, Status]]], ...] = (
    ("（2026）内0602民初1号", "民一庭", "王法官", date(2026, 7, 3), {Stage.FILING: {"LA-003": R, "LA-004": C, "LA-005": N}}),
    ("（2026）内0602民初2号", "民一庭", "王法官", date(2026, 8, 12),
     {Stage.FILING: {"LA-003": R, "LA-030": R, "LA-004": C}, Stage.TRIAL: {"SP-003": R, "SP-004": C}}),
    ("（2026）内0602民初3号", "民二庭", "陈法官", date(2026, 9, 20), {Stage.FILING: {"LA-003": R, "LA-004": C, "LA-060": C}}),
    ("（2026）内0602民初4号", "民二庭", "陈法官", date(2026, 5, 20), {Stage.FILING: {"LA-003": R, "LA-061": R}}),
)
# (case index, point, state, created, closed, due)
FINDINGS = (
    (0, "LA-003", "open", date(2026, 7, 5), None, date(2099, 1, 1)),
    (1, "LA-003", "closed", date(2026, 8, 12), date(2026, 8, 22), date(2026, 9, 11)),
    (1, "LA-030", "dismissed", date(2026, 8, 13), None, date(2026, 9, 12)),
    (2, "LA-003", "in_progress", date(2026, 9, 21), None, date(2026, 9, 30)),
    (3, "LA-003", "open", date(2026, 5, 21), None, date(2099, 1, 1)),  # May: outside the quarter
)
Q3 = {"started": 4, "risk": 5, "clear": 5, "na": 1, "rate": "50.0%", "stage_risk": {"立案": 4, "审判": 1},
      "opened": 4, "closed": 1, "dismissed": 1, "open_now": 2, "overdue": 1, "median": 10.0}


def build(admin: Services, by_judge: Callable[[str], Services]) -> dict[str, ChecklistId]:
    """The cases, made by their own judge's services; ``admin`` recounts the tallies at the end."""
    made: dict[str, ChecklistId] = {}
    checklists: list[ChecklistId] = []
    for no, department, judge, started, stages in CASES:
        svc = by_judge(judge)
        case = svc.cases.create(CaseInput(no, cause="买卖合同纠纷", parties="甲诉乙", judge=judge,
                                          department=department))
        first: ChecklistId | None = None
        for stage, answers in stages.items():
            view = svc.checklists.open(case.id, stage)
            first = first or view.info.id
            for pid, status in answers.items():
                svc.answers.set_status(view.info.id, pid, status)
            _dated(svc, schema.checklists, view.info.id, created_at=datetime.combine(started, datetime.min.time()))
            made[f"{no}/{stage.value}"] = view.info.id
        assert first is not None
        checklists.append(first)
    for i, pid, state, created, closed, due in FINDINGS:
        svc = by_judge(CASES[i][2])
        fid = svc.findings.from_answer(checklists[i], pid, owner=CASES[i][2]).finding.id
        _dated(svc, schema.findings, fid, state=state, due=due,
               created_at=datetime.combine(created, datetime.min.time()),
               closed_at=datetime.combine(closed, datetime.min.time()) if closed else None)
    admin.stats.rebuild()
    return made


def _dated(svc: Services, table: object, row_id: int, **values: object) -> None:
    with svc.db.writing() as conn:
        conn.execute(update(table).where(table.c.id == row_id).values(**values))  # type: ignore[attr-defined]
