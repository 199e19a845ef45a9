"""Accounts: passwords as scrypt hashes, lock-out, resets, who a change is recorded against, what each role sees."""

from __future__ import annotations

import base64
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from riskdesk.domain.model import Stage, Status
from riskdesk.domain.people import Role
from riskdesk.services import CaseQuery, Credentials, Services
from riskdesk.services.case_fields import CaseInput
from riskdesk.services.errors import AccountLocked, InvalidInput, LoginFailed, PermissionDenied
from riskdesk.services.passwords import hash_password, verify_password
from riskdesk.services.session import LoginRequired
from riskdesk.storage.events import case_events
from riskdesk.storage.user_queries import user_by_login
from tests.accounts_factory import PASSWORD, make_shared, signed_in


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 6, 3, 9, 0)

    def __call__(self) -> datetime:
        return self.now


def _stored_hash(services: Services, login: str) -> str:
    with services.db.reading() as conn:
        stored = user_by_login(conn, login)
    assert stored is not None
    return stored.password_hash


def test_password_is_a_salted_scrypt_hash(services: Services) -> None:
    make_shared(services)
    stored = _stored_hash(services, "wang")
    parts = re.fullmatch(r"scrypt\$(\d+)\$(\d+)\$(\d+)\$([^$]+)\$([^$]+)", stored)
    assert parts is not None
    n, r, p, salt, _digest = parts.groups()
    assert int(n) >= 2**14 and int(r) >= 8 and int(p) >= 1
    assert len(base64.b64decode(salt)) == 16
    assert stored != _stored_hash(services, "li")  # same password, another salt
    assert verify_password(PASSWORD, stored) and not verify_password(PASSWORD + "x", stored)
    assert not verify_password(PASSWORD, "plain-text") and not verify_password(PASSWORD, "scrypt$1$2")


@pytest.mark.sqlite_only  # the bytes of the file and its WAL (a server's files are the DBA's)
def test_password_is_never_in_the_file(services: Services, db_path: Path) -> None:
    make_shared(services)
    services.close()
    for f in db_path.parent.glob(db_path.name + "*"):
        data = f.read_bytes()
        assert PASSWORD.encode("utf-8") not in data and PASSWORD.encode("utf-16-le") not in data, f


def test_unknown_login_and_wrong_password_get_the_same_message(services: Services) -> None:
    make_shared(services)
    with pytest.raises(LoginFailed) as unknown:
        signed_in(services, "nobody")
    with pytest.raises(LoginFailed) as wrong:
        signed_in(services, "wang", "wrong-password")
    assert str(unknown.value) == str(wrong.value) == "登录名或密码错误"


def test_five_wrong_passwords_lock_for_15_minutes_and_a_login_resets_the_count(services: Services) -> None:
    make_shared(services)
    clock = Clock()
    other = Services(services.db, services.catalogs.directory)
    other.session.clock = clock
    for _ in range(4):
        with pytest.raises(LoginFailed):
            other.auth.login("wang", "wrong-password")
    other.auth.login("wang", PASSWORD)  # the fifth try is right: the count starts again
    for _ in range(4):
        with pytest.raises(LoginFailed):
            other.auth.login("wang", "wrong-password")
    with pytest.raises(LoginFailed, match="已锁定，请于 09:15 后再试"):
        other.auth.login("wang", "wrong-password")
    clock.now += timedelta(minutes=14)
    with pytest.raises(AccountLocked, match="09:15") as locked:
        other.auth.login("wang", PASSWORD)  # even the right password, while locked
    assert locked.value.until == datetime(2024, 6, 3, 9, 15)
    clock.now += timedelta(minutes=1)
    assert other.auth.login("wang", PASSWORD).name == "王法官"
    with services.db.reading() as conn:
        stored = user_by_login(conn, "wang")
    assert stored is not None and stored.account.failed_attempts == 0 and stored.account.locked_until is None


def test_a_disabled_account_cannot_log_in_and_stops_working(services: Services) -> None:
    make_shared(services)
    clock = Clock()
    wang = Services(services.db, services.catalogs.directory)
    wang.session.clock = clock
    wang.auth.login("wang", PASSWORD)
    services.auth.disable_user("wang")
    with pytest.raises(LoginFailed, match="账户已停用"):
        signed_in(services, "wang")
    with pytest.raises(LoginFailed, match="登录名或密码错误"):  # a wrong password says nothing more
        signed_in(services, "wang", "wrong-password")
    clock.now += timedelta(minutes=1)  # an open window notices within half a minute
    with pytest.raises(PermissionDenied, match="停用"):
        wang.cases.list()
    with pytest.raises(InvalidInput, match="不能停用自己"):
        services.auth.disable_user("admin")
    services.auth.enable_user("wang")
    assert signed_in(services, "wang").session.actor.login == "wang"


def test_change_own_password_rules(services: Services) -> None:
    make_shared(services)
    wang = signed_in(services, "wang")
    with pytest.raises(InvalidInput, match="至少 8 个字符"):
        wang.auth.change_password(PASSWORD, "short")
    services.auth.add_user("wangwu2024", "王五", Role.ASSISTANT, "民一庭", PASSWORD, must_change=False)
    with pytest.raises(InvalidInput, match="不能与登录名相同"):
        signed_in(services, "wangwu2024").auth.change_password(PASSWORD, "WangWu2024")
    with pytest.raises(LoginFailed, match="原密码不正确"):
        wang.auth.change_password("not-the-password", "Xin-mima-2024")
    wang.auth.change_password(PASSWORD, "Xin-mima-2024")
    with pytest.raises(LoginFailed):
        signed_in(services, "wang")
    assert signed_in(services, "wang", "Xin-mima-2024").session.actor.name == "王法官"


def test_after_an_admin_reset_the_user_must_change_the_password_first(services: Services) -> None:
    make_shared(services)
    services.auth.reset_password("wang", "Chongzhi-mima-1")
    wang = signed_in(services, "wang", "Chongzhi-mima-1")
    assert wang.session.account is not None and wang.session.account.must_change_password
    with pytest.raises(PermissionDenied, match="请先修改密码"):
        wang.cases.list()
    wang.auth.change_password("Chongzhi-mima-1", "Xin-mima-2024")
    assert wang.cases.list() == []
    with pytest.raises(InvalidInput, match="自己的密码"):
        services.auth.reset_password("admin", "Chongzhi-mima-1")


def test_a_reset_unlocks_a_locked_account(services: Services) -> None:
    make_shared(services)
    for _ in range(5):
        with pytest.raises(LoginFailed):
            signed_in(services, "wang", "wrong-password")
    with pytest.raises(AccountLocked):
        signed_in(services, "wang")
    services.auth.reset_password("wang", "Chongzhi-mima-1")
    assert signed_in(services, "wang", "Chongzhi-mima-1").session.account is not None


def test_nothing_works_before_login_and_by_is_refused(services: Services) -> None:
    make_shared(services)
    fresh = Services(services.db, services.catalogs.directory)
    with pytest.raises(LoginRequired, match="需要先登录"):
        fresh.cases.list()
    with pytest.raises(InvalidInput, match="--by"):
        Services(services.db, services.catalogs.directory, actor_name="王法官")
    with pytest.raises(InvalidInput, match="--by"):
        fresh.session.act_as("王法官")
    with pytest.raises(InvalidInput, match="已有账户"):
        services.auth.init_server("admin2", "又一个管理员", PASSWORD)


def test_services_open_with_credentials(services: Services, catalog_dir: Path) -> None:
    make_shared(services)
    with Services.open(services.db.url, catalog_dir, backups=False, credentials=Credentials("WANG ", PASSWORD)) as svc:
        assert svc.session.actor.name == "王法官"
    with pytest.raises(LoginFailed):
        Services.open(services.db.url, catalog_dir, backups=False, credentials=Credentials("wang", "wrong-password"))
    assert "Zhengque" not in repr(Credentials("wang", PASSWORD))


def test_changes_are_recorded_against_the_account(services: Services) -> None:
    make_shared(services)
    wang = signed_in(services, "wang")
    case = wang.cases.create("(2024)内0602民初7号")
    assert (case.judge, case.department) == ("王法官", "民一庭")  # a judge's new case: theirs, in their 庭室
    cl = wang.checklists.open(case.id, Stage.FILING).info.id
    assert wang.answers.set_status(cl, "LA-001", Status.RISK).result.updated_by == "王法官"
    with services.db.reading() as conn:
        created = case_events(conn, case.id)[0]
    assert (created.actor, created.actor_login, created.actor_role) == ("王法官", "wang", "judge")


def test_who_reads_which_case(services: Services) -> None:
    # A case from before accounts: its 承办人 text names the judge.
    services.cases.create(CaseInput("(2023)内0602民初9号", judge="王法官", department="民一庭"))
    make_shared(services)
    wang, chen, li = signed_in(services, "wang"), signed_in(services, "chen"), signed_in(services, "li")
    zhang, zhao = signed_in(services, "zhang"), signed_in(services, "zhao")
    chen.cases.create(CaseInput("(2024)内0602民初20号", judge="王法官", department="民一庭"))  # owned by 陈法官
    li.cases.create(CaseInput("(2024)内0602民初21号", judge="王法官"))  # an assistant's: assigned, judge by name
    chen.cases.create(CaseInput("(2024)内0602民初22号"))  # 民二庭

    def listed(svc: Services) -> list[int]:
        return sorted(int(re.findall(r"\d+", r.case.case_no)[-1]) for r in svc.cases.list(CaseQuery()))

    assert listed(wang) == [9, 21]
    assert listed(li) == [21]
    assert listed(chen) == [20, 22]
    assert listed(zhang) == [9, 20, 21]  # the 民一庭's cases, none of them his own
    assert listed(zhao) == [9, 20, 21, 22]
    assert len(zhang.cases.all_counts()) == 0 and len(wang.cases.all_counts()) == 0
    legacy = wang.cases.get("(2023)内0602民初9号")
    wang.checklists.open(legacy.id, Stage.FILING)
    assert len(zhang.cases.all_counts()) == 1 and len(chen.cases.all_counts()) == 0
    assert not zhang.policy.may_change_case(legacy.id) and wang.policy.may_change_case(legacy.id)


def test_an_import_changes_only_the_importers_cases(services: Services, tmp_path: Path) -> None:
    make_shared(services)
    wang, chen = signed_in(services, "wang"), signed_in(services, "chen")
    chen.cases.create(CaseInput("(2024)内0602民初30号", cause="原案由"))
    sheet = tmp_path / "cases.csv"
    sheet.write_text("案号,案由,承办部门\n（2024）内0602民初30号,新案由,\n（2024）内0602民初31号,买卖合同纠纷,\n"
                     "（2024）内0602民初32号,,刑庭\n", encoding="utf-8")
    plan = wang.imports.plan(sheet)
    assert [r.reason for r in plan.bad] == ["案件 （2024）内0602民初30号 已存在，您无权修改（不由您承办）",
                                             "庭室“刑庭”不存在；共享数据库的庭室由信息技术管理员添加"]
    result = wang.imports.run(plan, skip_bad=True)
    assert result.new == 1
    assert chen.cases.get("(2024)内0602民初30号").cause == "原案由"
    assert wang.cases.get("(2024)内0602民初31号").case_no.endswith("31号")


def test_a_new_case_on_a_shared_database_needs_a_known_department(services: Services) -> None:
    make_shared(services)
    with pytest.raises(InvalidInput, match="庭室“刑庭”不存在"):
        signed_in(services, "wang").cases.create(CaseInput("(2024)内0602民初40号", department="刑庭"))


def test_add_user_checks_its_input(services: Services) -> None:
    make_shared(services)
    with pytest.raises(InvalidInput, match="登录名 wang 已存在"):
        services.auth.add_user("Wang", "王二", Role.JUDGE, "民一庭", PASSWORD)
    with pytest.raises(InvalidInput, match="登录名“王”不可用"):
        services.auth.add_user("王", "王二", Role.JUDGE, "民一庭", PASSWORD)
    with pytest.raises(InvalidInput, match="庭长必须属于一个庭室"):
        services.auth.add_user("zhang2", "张二", "庭长", "", PASSWORD)
    with pytest.raises(InvalidInput, match="角色“法官”无法识别"):
        services.auth.add_user("wang2", "王二", "法官", "民一庭", PASSWORD)
    with pytest.raises(InvalidInput, match="庭室“刑庭”不存在"):
        services.auth.add_user("wang2", "王二", "judge", "刑庭", PASSWORD)
    added = services.auth.add_user("wang2", "王二", "承办法官", "民二庭", PASSWORD)
    assert (added.role, added.department, added.must_change_password) == (Role.JUDGE, "民二庭", True)


def test_hashes_differ_and_verify() -> None:
    assert hash_password("same-password") != hash_password("same-password")


def test_an_admins_changes_are_in_the_audit_record_without_passwords(services: Services) -> None:
    from sqlalchemy import select

    from riskdesk.storage.chain import verify as verify_chain
    from riskdesk.storage.schema import events

    make_shared(services)
    services.auth.reset_password("wang", "Chongzhi-mima-1")
    services.auth.disable_user("li")
    with services.db.reading() as conn:
        rows = conn.execute(select(events.c.kind, events.c.actor_login, events.c.field, events.c.old_value,
                                   events.c.new_value, events.c.reason)).all()
        assert verify_chain(conn).ok
    assert ("user.added", "admin", "role", "", "admin", "账户 admin") in rows
    assert ("user.added", "admin", "role", "", "judge", "账户 wang") in rows
    assert ("user.changed", "admin", "password", "", "重置", "账户 wang") in rows
    assert ("user.changed", "admin", "active", "启用", "停用", "账户 li") in rows
    assert ("department.added", "admin", "name", "", "民一庭", "") in rows
    assert not any("mima" in str(value) for row in rows for value in row)
