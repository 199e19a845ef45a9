"""Every public service call, as every role and on a single-seat file, against one expected table.

Y: the call is allowed; N: it raises PermissionDenied. Any other outcome fails the test. Each column
runs on its own fresh database (the ``services`` fixture, whatever back end it is), set up the same
way: case A is 王法官's (民一庭, 李助理 assigned, 立案 started and one answer given), case B is
陈法官's (民二庭, 立案 started), case F is 王法官's with no checklist yet; S, T and U are 王法官's with
立案 fully answered, T and U submitted for review by 王法官 (by 李助理 on the single seat, where 王法官 acts).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from riskdesk.domain.model import CaseId, ChecklistId, SettingKey, Severity, Stage, Status
from riskdesk.domain.people import Role
from riskdesk.domain.signoff import ChecklistState
from riskdesk.domain.stats import Breakdown, Period
from riskdesk.services import CaseQuery, Services
from riskdesk.services.case_fields import CaseInput
from riskdesk.services.errors import PermissionDenied
from tests.accounts_factory import LOGIN_OF_ROLE, PASSWORD, make_shared, signed_in

A, B, F = "（2024）内0602民初1号", "（2024）内0602民初2号", "（2024）内0602民初3号"

TABLE = """
call                          single assistant judge division_head management admin
cases.create                  Y      Y         Y     Y             N          N
cases.get(A)                  Y      Y         Y     Y             Y          N
cases.get(B)                  Y      N         N     N             Y          N
cases.get_by_id(A)            Y      Y         Y     Y             Y          N
cases.list                    Y      Y         Y     Y             Y          N
cases.update(A)               Y      Y         Y     N             N          N
cases.update(B)               Y      N         N     N             N          N
cases.counts(A)               Y      Y         Y     Y             Y          N
cases.origin_risks(A)         Y      Y         Y     Y             Y          N
cases.departments             Y      Y         Y     Y             Y          Y
cases.assignees(A)            Y      Y         Y     Y             Y          N
checklists.open(A)            Y      Y         Y     Y             Y          N
checklists.open(F,new)        Y      Y         Y     N             N          N
checklists.open(B)            Y      N         N     N             Y          N
checklists.existing(A)        Y      Y         Y     Y             Y          N
checklists.last_worked(A)     Y      Y         Y     Y             Y          N
checklists.upgrade(A)         Y      Y         Y     N             N          N
checklists.remember(A)        Y      Y         Y     N             N          N
answers.set_status(A)         Y      Y         Y     N             N          N
answers.set_note(A)           Y      Y         Y     N             N          N
answers.set_status(B)         Y      N         N     N             N          N
answers.history(A)            Y      Y         Y     Y             Y          N
reports.case(A)               Y      Y         Y     Y             Y          N
reports.case(B)               Y      N         N     N             Y          N
reports.guidance              Y      Y         Y     Y             Y          Y
imports.plan+run              Y      Y         Y     Y             N          N
settings.set(court)           Y      N         N     N             N          Y
settings.set(person_figures)  Y      N         N     N             N          Y
settings.set(reviewer)        Y      N         N     N             N          N
settings.set(last_case)       Y      Y         Y     Y             Y          Y
stats.all_counts              Y      Y         Y     Y             Y          N
auth.add_user                 N      N         N     N             N          Y
auth.list_users               N      N         N     N             N          Y
auth.disable_user             N      N         N     N             N          Y
auth.enable_user              N      N         N     N             N          Y
auth.reset_password           N      N         N     N             N          Y
auth.add_department           Y      N         N     N             N          Y
auth.list_departments         Y      Y         Y     Y             Y          Y
checklists.view_by_id(A)      Y      Y         Y     Y             Y          N
checklists.open_risks(B)      Y      N         N     N             Y          N
checklists.open_risks(B;A)    Y      Y         Y     Y             Y          N
signoff.signoff(A)            Y      Y         Y     Y             Y          N
signoff.changes_since_return  Y      Y         Y     Y             Y          N
signoff.waiting               Y      Y         Y     Y             Y          N
signoff.submit(S)             Y      Y         Y     N             N          N
signoff.withdraw(S)           Y      Y         Y     N             N          N
signoff.approve(T)            Y      N         N     Y             N          N
signoff.return(U)             Y      N         N     Y             N          N
audit.verify                  Y      Y         Y     Y             Y          Y
audit.case_log(A)             Y      Y         Y     Y             Y          N
audit.case_log(B)             Y      N         N     N             Y          N
verification.code_for(A)      Y      Y         Y     Y             Y          N
verification.check(A)         Y      Y         Y     Y             Y          N
auth.change_password          N      Y         Y     Y             Y          Y
findings.list                 Y      Y         Y     Y             Y          N
findings.get(FA)              Y      Y         Y     Y             Y          N
findings.get(FB)              Y      N         N     N             Y          N
findings.notes(FA)            Y      Y         Y     Y             Y          N
findings.overdue_count        Y      Y         Y     Y             Y          N
findings.from_answer(A)       Y      Y         Y     Y             Y          N
findings.from_answer(B)       Y      N         N     N             Y          N
findings.manual               Y      N         N     Y             Y          N
findings.progress(FA)         Y      Y         Y     Y             Y          N
findings.progress(FB)         Y      N         N     N             Y          N
findings.extend(FA)           Y      N         N     Y             Y          N
findings.extend(FB)           Y      N         N     N             Y          N
findings.close(FP)            Y      N         N     Y             Y          N
ledger.detect_systemic        Y      N         N     N             Y          N
stats.table(stage)            Y      Y         Y     Y             Y          N
stats.table(民二庭)           Y      N         N     N             Y          N
stats.table(person,off)       N      N         N     N             N          N
stats.dashboard               Y      Y         Y     Y             Y          N
stats.risk_cases              Y      Y         Y     Y             Y          N
stats.rebuild                 Y      N         N     N             N          Y
reports.bulletin              Y      Y         Y     Y             Y          N
reports.bulletin(民二庭)      Y      N         N     N             Y          N
"""


@dataclass
class World:
    a: CaseId
    b: CaseId
    f: CaseId
    cl_a: ChecklistId
    cl_b: ChecklistId
    sheet: Path
    s: ChecklistId
    t: ChecklistId
    u: ChecklistId
    code: str
    fa: int  # 整改项 of case A, 责任人 孙书记员 (no account)
    fb: int  # of case B, 责任人 陈法官
    fp: int  # of case A, 责任人 李助理, who has applied for 销号


def _complete(svc: Services, case_no: str) -> ChecklistId:
    """A case of 王法官's with every 立案 point answered (无风险): ready to submit."""
    case = svc.cases.create(CaseInput(case_no, judge="王法官", department="民一庭"))
    if svc.session.shared:
        svc.cases.assign(case.id, "li")
    view = svc.checklists.open(case.id, Stage.FILING)
    for item in view.items:
        svc.answers.set_status(view.info.id, item.point.id, Status.CLEAR)
    return view.info.id


def _setup(services: Services, column: str, tmp_path: Path) -> tuple[Services, World]:
    """The same cases on a single seat and on a shared database; the services to act with."""
    if column == "single":
        wang = chen = services
    else:
        make_shared(services)
        wang, chen = signed_in(services, "wang"), signed_in(services, "chen")
    a = wang.cases.create(CaseInput(A, cause="民间借贷纠纷", judge="王法官", department="民一庭", origin=B)).id
    f = wang.cases.create(CaseInput(F, judge="王法官", department="民一庭")).id
    b = chen.cases.create(CaseInput(B, judge="陈法官", department="民二庭")).id
    if column != "single":
        wang.cases.assign(a, "li")
        wang.cases.assign(f, "li")
    cl_a = wang.checklists.open(a, Stage.FILING).info.id
    wang.answers.set_status(cl_a, "LA-001", Status.RISK)
    cl_b = chen.checklists.open(b, Stage.FILING).info.id
    chen.answers.set_status(cl_b, "LA-001", Status.RISK)
    chen.answers.set_status(cl_b, "LA-003", Status.RISK)
    for point in ("LA-003", "LA-004"):
        wang.answers.set_status(cl_a, point, Status.RISK)
    fa = wang.findings.from_answer(cl_a, "LA-001", owner="孙书记员").finding.id
    fb = chen.findings.from_answer(cl_b, "LA-001").finding.id
    fp = wang.findings.from_answer(cl_a, "LA-004", owner="李助理").finding.id
    if column == "single":
        services.session.act_as("李助理")
        services.findings.apply(fp, "已补正")
        services.session.act_as(None)
    else:
        signed_in(services, "li").findings.apply(fp, "已补正")
    sheet = tmp_path / "导入.csv"
    sheet.write_text("案号,案由\n（2024）内0602民初102号,买卖合同纠纷\n", encoding="utf-8")
    s, t, u = (_complete(wang, f"（2024）内0602民初{n}号") for n in (4, 5, 6))
    if column == "single":  # the approver is someone else than the submitter
        services.session.act_as("李助理")
    wang.signoff.submit(t)
    wang.signoff.submit(u)
    if column == "single":
        services.session.act_as(None)
    code = wang.verification.code_for(A).text()
    actor = services if column == "single" else signed_in(services, LOGIN_OF_ROLE[Role(column)])
    return actor, World(a, b, f, cl_a, cl_b, sheet, s, t, u, code, fa, fb, fp)


def _import(s: Services, w: World) -> object:
    return s.imports.run(s.imports.plan(w.sheet))


CALLS: dict[str, Callable[[Services, World], Any]] = {
    "cases.create": lambda s, w: s.cases.create("（2024）内0602民初101号"),
    "cases.get(A)": lambda s, w: s.cases.get(A),
    "cases.get(B)": lambda s, w: s.cases.get(B),
    "cases.get_by_id(A)": lambda s, w: s.cases.get_by_id(w.a),
    "cases.list": lambda s, w: s.cases.list(CaseQuery("纠纷")),
    "cases.update(A)": lambda s, w: s.cases.update(w.a, CaseInput(A, cause="改", judge="王法官", department="民一庭")),
    "cases.update(B)": lambda s, w: s.cases.update(w.b, CaseInput(B, cause="改", judge="陈法官", department="民二庭")),
    "cases.counts(A)": lambda s, w: s.cases.counts(w.a),
    "cases.origin_risks(A)": lambda s, w: s.cases.origin_risks(s.cases.get_by_id(w.a)),
    "cases.departments": lambda s, w: s.cases.departments(),
    "cases.assignees(A)": lambda s, w: s.cases.assignees(w.a),
    "checklists.open(A)": lambda s, w: s.checklists.open(w.a, Stage.FILING),
    "checklists.open(F,new)": lambda s, w: s.checklists.open(w.f, Stage.TRIAL),
    "checklists.open(B)": lambda s, w: s.checklists.open(w.b, Stage.FILING),
    "checklists.existing(A)": lambda s, w: s.checklists.existing(w.a, Stage.FILING),
    "checklists.last_worked(A)": lambda s, w: s.checklists.last_worked_stage(w.a),
    "checklists.upgrade(A)": lambda s, w: s.checklists.upgrade(w.cl_a),
    "checklists.remember(A)": lambda s, w: s.checklists.remember_position(w.cl_a, "LA-003"),
    "answers.set_status(A)": lambda s, w: s.answers.set_status(w.cl_a, "LA-002", Status.CLEAR),
    "answers.set_note(A)": lambda s, w: s.answers.set_note(w.cl_a, "LA-002", "已核对"),
    "answers.set_status(B)": lambda s, w: s.answers.set_status(w.cl_b, "LA-002", Status.CLEAR),
    "answers.history(A)": lambda s, w: s.answers.history(w.cl_a, "LA-001"),
    "reports.case(A)": lambda s, w: s.reports.case_document(A),
    "reports.case(B)": lambda s, w: s.reports.case_document(B),
    "reports.guidance": lambda s, w: s.reports.guidance_document(Stage.FILING),
    "imports.plan+run": _import,
    "settings.set(court)": lambda s, w: s.settings.set(SettingKey.COURT, "东胜区人民法院"),
    "settings.set(person_figures)": lambda s, w: s.settings.set(SettingKey.PERSON_FIGURES, "关闭"),
    "settings.set(reviewer)": lambda s, w: s.settings.set(SettingKey.REVIEWER, "某人"),
    "settings.set(last_case)": lambda s, w: s.settings.set(SettingKey.LAST_CASE, str(w.a)),
    "stats.all_counts": lambda s, w: s.cases.all_counts(),
    "auth.add_user": lambda s, w: s.auth.add_user("new1", "新用户", Role.JUDGE, "民一庭", PASSWORD),
    "auth.list_users": lambda s, w: s.auth.list_users(),
    "auth.disable_user": lambda s, w: s.auth.disable_user("chen"),
    "auth.enable_user": lambda s, w: s.auth.enable_user("chen"),
    "auth.reset_password": lambda s, w: s.auth.reset_password("chen", "Chongzhi-mima-2"),
    "auth.add_department": lambda s, w: s.auth.add_department("执行局"),
    "auth.list_departments": lambda s, w: s.auth.list_departments(),
    "checklists.view_by_id(A)": lambda s, w: s.checklists.view_by_id(w.cl_a),
    "checklists.open_risks(B)": lambda s, w: s.checklists.open_risks(w.b),
    "checklists.open_risks(B;A)": lambda s, w: s.checklists.open_risks(w.b, w.a),
    "signoff.signoff(A)": lambda s, w: s.signoff.signoff(w.cl_a),
    "signoff.changes_since_return": lambda s, w: s.signoff.changes_since_return(w.cl_a),
    "signoff.waiting": lambda s, w: s.signoff.waiting(ChecklistState.SUBMITTED),
    "signoff.submit(S)": lambda s, w: s.signoff.submit(w.s),
    "signoff.withdraw(S)": lambda s, w: s.signoff.withdraw(w.s),
    "signoff.approve(T)": lambda s, w: s.signoff.approve(w.t, "同意"),
    "signoff.return(U)": lambda s, w: s.signoff.return_(w.u, "请补充备注"),
    "audit.verify": lambda s, w: s.audit.verify(),
    "audit.case_log(A)": lambda s, w: s.audit.case_log(A),
    "audit.case_log(B)": lambda s, w: s.audit.case_log(B),
    "verification.code_for(A)": lambda s, w: s.verification.code_for(A),
    "verification.check(A)": lambda s, w: s.verification.check(w.code),
    "auth.change_password": lambda s, w: s.auth.change_password(PASSWORD, "Xin-mima-2024"),
    "findings.list": lambda s, w: s.findings.list(),
    "findings.get(FA)": lambda s, w: s.findings.get(w.fa),
    "findings.get(FB)": lambda s, w: s.findings.get(w.fb),
    "findings.notes(FA)": lambda s, w: s.findings.notes(w.fa),
    "findings.overdue_count": lambda s, w: s.findings.overdue_count(),
    "findings.from_answer(A)": lambda s, w: s.findings.from_answer(w.cl_a, "LA-003"),
    "findings.from_answer(B)": lambda s, w: s.findings.from_answer(w.cl_b, "LA-003"),
    "findings.manual": lambda s, w: s.findings.manual("卷宗归档不及时", Severity.LOW, owner="孙书记员"),
    "findings.progress(FA)": lambda s, w: s.findings.progress(w.fa, "已通知当事人补正"),
    "findings.progress(FB)": lambda s, w: s.findings.progress(w.fb, "已通知当事人补正"),
    "findings.extend(FA)": lambda s, w: s.findings.extend(w.fa, date.today() + timedelta(days=90), "需等待鉴定"),
    "findings.extend(FB)": lambda s, w: s.findings.extend(w.fb, date.today() + timedelta(days=90), "需等待鉴定"),
    "findings.close(FP)": lambda s, w: s.findings.close(w.fp, "核实已整改"),
    "ledger.detect_systemic": lambda s, w: s.ledger.detect_systemic(),
    "stats.table(stage)": lambda s, w: s.stats.table(Breakdown.STAGE, Period.year(date.today().year)),
    "stats.table(民二庭)": lambda s, w: s.stats.table(Breakdown.STAGE, Period.year(date.today().year), "民二庭"),
    "stats.table(person,off)": lambda s, w: s.stats.table(Breakdown.PERSON, Period.year(date.today().year)),
    "stats.dashboard": lambda s, w: s.stats.dashboard(Period.year(date.today().year)),
    "stats.risk_cases": lambda s, w: s.stats.risk_cases(Period.year(date.today().year), None, Breakdown.STAGE,
                                                        "filing"),
    "stats.rebuild": lambda s, w: s.stats.rebuild(),
    # The document's data is read (and the scope enforced) when it is made; nothing is rendered here.
    "reports.bulletin": lambda s, w: s.reports.bulletin_document(Period.year(date.today().year)),
    "reports.bulletin(民二庭)": lambda s, w: s.reports.bulletin_document(Period.year(date.today().year), "民二庭"),
}


def _expected() -> tuple[list[str], dict[str, dict[str, str]]]:
    header, *rows = [line.split() for line in TABLE.strip().splitlines()]
    columns = header[1:]
    return columns, {column: {row[0]: row[1 + i] for row in rows} for i, column in enumerate(columns)}


COLUMNS, EXPECTED = _expected()


def test_the_table_names_every_call_once() -> None:
    assert list(EXPECTED["single"]) == list(CALLS)
    assert COLUMNS == ["single", *(r.value for r in (Role.ASSISTANT, Role.JUDGE, Role.DIVISION_HEAD, Role.MANAGEMENT,
                                                      Role.ADMIN))]


@pytest.mark.parametrize("column", COLUMNS)
def test_every_call_as_every_role(services: Services, tmp_path: Path, column: str) -> None:
    actor, world = _setup(services, column, tmp_path)
    actual: dict[str, str] = {}
    for name, call in CALLS.items():
        try:
            call(actor, world)
        except PermissionDenied as exc:
            actual[name] = "N"
            assert str(exc), name  # a refusal always says why
        else:
            actual[name] = "Y"
    assert actual == EXPECTED[column]


@pytest.mark.parametrize("column", [c for c in COLUMNS if c != "single"])
def test_a_refusal_names_the_action_and_the_role(services: Services, tmp_path: Path, column: str) -> None:
    actor, world = _setup(services, column, tmp_path)
    role = Role(column)
    call, action = (CALLS["auth.add_user"], "管理用户账户") if role is not Role.ADMIN else (CALLS["cases.list"], "查看案件")
    with pytest.raises(PermissionDenied) as refused:
        call(actor, world)
    assert role.label_zh in str(refused.value) and action in str(refused.value)
