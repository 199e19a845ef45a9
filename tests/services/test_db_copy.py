"""``riskdesk db copy`` on real SQLite files: a workstation into a shared database, and back.

The command runs in-process (riskdesk.cli.run) with the password in the environment, as an admin
would run it; the databases are compared afterwards with plain sqlite3 reads.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from riskdesk.cli import run
from riskdesk.domain.model import Severity, Stage, Status
from riskdesk.services import Services
from riskdesk.services.case_fields import CaseInput
from riskdesk.services.db_copy import TABLES
from riskdesk.services.tallies import rebuild
from riskdesk.storage.schema import metadata
from tests.accounts_factory import PASSWORD, make_shared

FIXTURES = Path(__file__).resolve().parent.parent / "safety" / "fixtures"
OWN = "（2024）内0602民初1号"  # 王法官's: goes to wang
CHEN = "（2024）内0602民初2号"  # 陈法官's: goes to chen
NOBODY = "（2024）内0602民初3号"  # a judge with no account, in a 庭室 the court does not have yet
CLASH = "（2024）内0602民初4号"  # in both, answered differently
SAME = "（2024）内0602民初5号"  # in both, answered the same


def _open(path: Path, catalog: Path, actor: str | None = None) -> Services:
    return Services.open("sqlite:///" + str(path), catalog, actor_name=actor, backups=False)


def _answer(svc: Services, case_no: str, answers: dict[str, tuple[Status, str]], *, judge: str = "王法官",
            department: str = "民一庭") -> int:
    case = svc.cases.create(CaseInput(case_no, cause="民间借贷纠纷", parties="甲诉乙", judge=judge,
                                      department=department))
    checklist = svc.checklists.open(case.id, Stage.FILING).info.id
    for pid, (status, note) in answers.items():
        svc.answers.set_status(checklist, pid, status)
        if note:
            svc.answers.set_note(checklist, pid, note)
    return checklist


def _workstation(path: Path, catalog: Path, tmp: Path) -> None:
    with _open(path, catalog, "王法官") as svc:
        cl = _answer(svc, OWN, {"LA-001": (Status.CLEAR, ""), "LA-002": (Status.RISK, "送达地址不明")})
        svc.answers.set_status(cl, "LA-001", Status.RISK)  # history: clear, then risk
        svc.answers.set_note(cl, "LA-001", "材料不全")
        trial = svc.checklists.open(svc.cases.get(OWN).id, Stage.TRIAL).info.id
        svc.answers.set_status(trial, "SP-001", Status.NA)
        item = svc.findings.from_answer(cl, "LA-002").finding
        svc.findings.progress(item.id, "已补充送达")
        scan = tmp / "回证.pdf"
        scan.write_bytes(b"%PDF-1.4 evidence")
        svc.findings.add_evidence(item.id, "送达回证", scan)
        svc.session.act_as("张庭长")
        svc.findings.extend(item.id, date.today() + timedelta(days=90), "当事人下落不明")
        svc.session.act_as("王法官")
        svc.findings.manual("卷宗归档不及时", Severity.LOW, owner="王法官")  # no case: not copied
        submitted = _answer(svc, CHEN, {"LA-001": (Status.CLEAR, "")}, judge="陈法官", department="民二庭")
        for it in svc.checklists.view_by_id(submitted).items:
            if it.result.status is Status.UNREVIEWED:
                svc.answers.set_status(submitted, it.point.id, Status.CLEAR)
        svc.signoff.submit(submitted)  # sign-off state, with its event
        _answer(svc, NOBODY, {"LA-003": (Status.NA, "不适用")}, judge="孙法官", department="民三庭")
        _answer(svc, CLASH, {"LA-001": (Status.CLEAR, "")})
        _answer(svc, SAME, {"LA-001": (Status.RISK, "同一个")})


def _court(path: Path, catalog: Path) -> None:
    with _open(path, catalog, "王法官") as svc:
        _answer(svc, CLASH, {"LA-001": (Status.RISK, "法院这边")})
        _answer(svc, SAME, {"LA-001": (Status.RISK, "同一个")})
        make_shared(svc)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RISKDESK_USER", "admin")
    monkeypatch.setenv("RISKDESK_PASSWORD", PASSWORD)


def copy(source: Path, target: Path, catalog: Path, *extra: str, code: int = 0) -> dict[str, Any]:
    out = io.StringIO()
    status = run(["db", "copy", "--from", str(source), "--to", str(target), "--catalog", str(catalog), "--json",
                  *extra], out)
    assert status == code
    return json.loads(out.getvalue()) if code == 0 else {}


def tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in a fixed order: what 'the same content' means."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
    finally:
        conn.close()


def content(path: Path) -> dict[str, Any]:
    """Per 案号: the case, each checklist, every answer version and event about it, its 整改项 with their
    notes, extensions and files: everything a move must keep, without the numbers each database gives."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    q = conn.execute
    out: dict[str, Any] = {}
    for case_id, no, cause, parties, judge, created, code, track, origin, filed, dept in q(
            "SELECT c.id, case_no, cause, parties, judge, c.created_at, type_code, track, origin_case_no, filed_on,"
            " d.name FROM cases c LEFT JOIN departments d ON d.id = c.department_id"):
        checklists = sorted(q("SELECT stage, catalog_fingerprint, created_at, last_point_id, state, n_unreviewed,"
                              " n_clear, n_risk, n_na, n_settled FROM checklists WHERE case_id = ?", (case_id,)))
        versions = sorted(q(
            "SELECT cl.stage, p.content_hash, v.rev, v.at, pe.name, pe.login, pe.role, v.status, v.note, v.reason"
            " FROM answer_versions v JOIN checklists cl ON cl.id = v.checklist_id"
            " JOIN catalog_points p ON p.ref = v.point_ref JOIN people pe ON pe.id = v.actor_id"
            " WHERE cl.case_id = ?", (case_id,)))
        events = sorted(q("SELECT at, actor, kind, point_id, field, old_value, new_value, reason FROM events"
                          " WHERE case_id = ? AND kind != 'case.copied'", (case_id,)))
        findings = []
        for fid, *row in q("SELECT id, kind, state, point_id, source_note, description, severity, measure, owner, due,"
                           " result, created_at, created_by FROM findings WHERE case_id = ?", (case_id,)):
            notes = sorted(q("SELECT n.at, who, kind, text, file_name, n.sha256, size, e.content FROM finding_notes n"
                             " LEFT JOIN evidence_files e ON e.sha256 = n.sha256 WHERE finding_id = ?", (fid,)))
            extensions = sorted(q("SELECT new_due, reason, approver, at FROM finding_extensions WHERE finding_id = ?",
                                  (fid,)))
            findings.append((row, notes, extensions))
        out[no] = {"case": (cause, parties, judge, created, code, track, origin, filed, dept),
                   "checklists": checklists, "versions": versions, "events": events, "findings": findings}
    conn.close()
    return out


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def owners(path: Path) -> dict[str, str | None]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT case_no, u.login FROM cases c LEFT JOIN users u ON u.id = c.owner_user_id"))
    finally:
        conn.close()


def check_record(path: Path, catalog: Path, *, shared: bool) -> None:
    """The audit chain verifies, and the statistics tallies equal a recount from the answers."""
    with _open(path, catalog) as svc:
        if shared:
            svc.auth.login("admin", PASSWORD)
        assert svc.audit.verify().ok
        with svc.db.writing() as conn:
            kept = tables(path)["point_tallies"]
            rebuild(conn, svc.checklists.contribution)
    assert tables(path)["point_tallies"] == kept


def test_every_table_is_copied_or_deliberately_left(tmp_path: Path) -> None:
    assert set(TABLES) == set(metadata.tables), "say in services.db_copy.TABLES what a move does with the new table"


def test_a_workstation_moves_into_a_shared_database_and_back(tmp_path: Path, catalog_dir: Path, env: None) -> None:
    ws, court = tmp_path / "ws.db", tmp_path / "court.db"
    _workstation(ws, catalog_dir, tmp_path)
    _court(court, catalog_dir)
    before_source, before_court = sha(ws), tables(court)

    plan = copy(ws, court, catalog_dir, "--dry-run")
    assert tables(court) == before_court  # a dry run writes nothing
    assert plan["dry_run"] and sorted(plan["added"]) == [OWN, CHEN, NOBODY]
    assert plan["matched"] == [SAME]
    assert plan["conflicts"] == [{"case_no": CLASH, "points": ["立案 LA-001"]}]

    done = copy(ws, court, catalog_dir)
    assert {k: done[k] for k in ("added", "matched", "conflicts", "owners", "unassigned")} == {
        k: plan[k] for k in ("added", "matched", "conflicts", "owners", "unassigned")}
    assert done["owners"] == {OWN: "wang", CHEN: "chen"} and list(done["unassigned"]) == [NOBODY]
    assert done["departments_created"] == ["民三庭"]
    assert list(done["findings_not_copied"].values()) == ["不属于任何案件的整改项：请在目标数据库中重新登记"]
    assert done["copied"]["findings"] == 1 and done["copied"]["evidence_files"] == 1
    assert sha(ws) == before_source  # the source is only read

    # Every answer, version, event, 整改项, note and extension, row by row.
    moved, original = content(court), content(ws)
    (_, notes, extensions), = original[OWN]["findings"]
    assert len(original[OWN]["versions"]) == 6 and len(notes) == 2 and len(extensions) == 1 and notes[1][-1]
    assert any(e[2] == "checklist.state" for e in original[CHEN]["events"])
    assert original[CHEN]["checklists"][0][4] == "submitted"
    for no in (OWN, CHEN, NOBODY):
        assert moved[no] == original[no], no
    assert moved[CLASH] != original[CLASH]  # not overwritten
    assert owners(court) == {OWN: "wang", CHEN: "chen", NOBODY: None, CLASH: None, SAME: None}
    assert [r for r in tables(court)["events"] if r[5] == "database.copied"]
    check_record(court, catalog_dir, shared=True)

    # Twice: nothing to do, not a row changed.
    after_first = tables(court)
    again = copy(ws, court, catalog_dir)
    assert again["nothing_to_do"] and again["added"] == [] and sorted(again["matched"]) == sorted(
        [OWN, CHEN, NOBODY, SAME]) and [c["case_no"] for c in again["conflicts"]] == [CLASH]
    assert tables(court) == after_first
    assert sha(ws) == before_source

    # And back, for a court that leaves: a new single-seat file with everything.
    leaving = tmp_path / "out" / "leaving.db"
    back = copy(court, leaving, catalog_dir)
    assert sorted(back["added"]) == sorted([OWN, CHEN, NOBODY, CLASH, SAME]) and back["owners"] == {}
    assert back["not_copied"]["users"] == 6
    returned = content(leaving)
    for no in (OWN, CHEN, NOBODY, SAME, CLASH):
        assert returned[no] == moved[no], no
    assert set(owners(leaving).values()) == {None} and not tables(leaving)["users"]
    check_record(leaving, catalog_dir, shared=False)


def test_an_older_workstation_file_is_migrated_in_a_copy(tmp_path: Path, catalog_dir: Path, env: None) -> None:
    old = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-0008.db", old)
    court = tmp_path / "court.db"
    _court(court, catalog_dir)
    before = sha(old)
    done = copy(old, court, catalog_dir)
    assert len(done["added"]) == 3 and done["copied"]["answer_versions"] > 0
    assert sha(old) == before
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").glob("old*"))
    check_record(court, catalog_dir, shared=True)


def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path, catalog_dir: Path, env: None,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    ws, court = tmp_path / "ws.db", tmp_path / "court.db"
    _workstation(ws, catalog_dir, tmp_path)
    _court(court, catalog_dir)
    text = tmp_path / "notes.txt"
    text.write_text("不是数据库", encoding="utf-8")
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    newer = tmp_path / "newer.db"
    shutil.copy(court, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    court_rows = tables(court)
    capsys.readouterr()

    def refused(source: Path, target: Path, words: str, code: int) -> None:
        copy(source, target, catalog_dir, code=code)
        err = capsys.readouterr().err.strip()
        assert words in err and "\n" not in err, err

    refused(tmp_path / "missing.db", court, "源数据库文件不存在", 1)
    refused(text, court, "不是 RiskDesk 数据库", 2)
    refused(foreign, court, "不是 RiskDesk 数据库", 2)
    refused(ws, newer, "更新版本的 RiskDesk", 2)
    refused(ws, ws, "同一个文件", 2)
    monkeypatch.setenv("RISKDESK_PASSWORD", "Cuowu-mima-123")
    refused(ws, court, "登录名或密码错误", 1)
    monkeypatch.setenv("RISKDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("RISKDESK_USER", "wang")
    refused(ws, court, "无权迁移数据库", 1)
    monkeypatch.setenv("RISKDESK_USER", "admin")
    for row in ("users",):  # the wrong password was counted, as at any login; nothing else changed
        court_rows.pop(row)
    assert {k: v for k, v in tables(court).items() if k != "users"} == court_rows
    fresh = tmp_path / "fresh.db"
    copy(ws, fresh, catalog_dir, "--dry-run")
    assert not fresh.exists()  # a dry run does not even make the new file


def _answers(svc: Services) -> dict[str, dict[str, dict[str, tuple[str, str]]]]:
    """Per 案号 and stage, each answered point's status and note, read through the services."""
    out: dict[str, dict[str, dict[str, tuple[str, str]]]] = {}
    for summary in svc.cases.list():
        for stage in summary.counts:
            view = svc.checklists.open(summary.case.id, stage)
            out.setdefault(summary.case.case_no, {})[stage.value] = {
                it.point.id: (it.result.status.value, it.result.note) for it in view.items
                if it.result.status is not Status.UNREVIEWED or it.result.note}
    return out


@pytest.mark.pg
def test_a_workstation_moves_into_a_postgresql_database_and_back(request: pytest.FixtureRequest, tmp_path: Path,
                                                                  catalog_dir: Path, env: None) -> None:
    cluster = request.getfixturevalue("pg_cluster")
    db = cluster.create_database()
    try:
        ws = tmp_path / "ws.db"
        _workstation(ws, catalog_dir, tmp_path)
        with Services.open(db.app_url, catalog_dir, actor_name="王法官", backups=False) as court:
            _answer(court, CLASH, {"LA-001": (Status.RISK, "法院这边")})
            _answer(court, SAME, {"LA-001": (Status.RISK, "同一个")})
            make_shared(court)
        before_source = sha(ws)
        plan = copy(ws, db.app_url, catalog_dir, "--dry-run")  # type: ignore[arg-type]
        assert sorted(plan["added"]) == [OWN, CHEN, NOBODY] and plan["matched"] == [SAME]
        done = copy(ws, db.app_url, catalog_dir)  # type: ignore[arg-type]
        assert done["owners"] == {OWN: "wang", CHEN: "chen"} and list(done["unassigned"]) == [NOBODY]
        assert sha(ws) == before_source
        with _open(ws, catalog_dir) as source:
            original = _answers(source)
        with Services.open(db.app_url, catalog_dir, backups=False) as fresh:
            fresh.auth.login("admin", PASSWORD)
            assert fresh.audit.verify().ok
        again = copy(ws, db.app_url, catalog_dir)  # type: ignore[arg-type]
        assert again["nothing_to_do"] and [c["case_no"] for c in again["conflicts"]] == [CLASH]
        leaving = tmp_path / "leaving.db"
        back = copy(db.app_url, leaving, catalog_dir)  # type: ignore[arg-type]
        assert sorted(back["added"]) == sorted([OWN, CHEN, NOBODY, CLASH, SAME])
        with _open(leaving, catalog_dir) as returned:
            moved = _answers(returned)
        for no in (OWN, CHEN, NOBODY, SAME):
            assert moved[no] == original[no], no
        assert moved[CLASH] != original[CLASH]  # the court's answer, not the workstation's
        check_record(leaving, catalog_dir, shared=False)
    finally:
        cluster.drop_database(db.name)
