"""The command line's sign-off contract: submit, return, resubmit, approve; --reason; audit; verify."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.catalog_factory import write_catalog
from tests.test_cli import run

CASE = "(2024)内0602民初123号"


@pytest.fixture
def answered(tmp_path: Path) -> tuple[Path, Path]:
    """A database whose 立案 checklist is fully answered (LA-001 a risk with a note), answered in one go."""
    catalog = write_catalog(tmp_path / "cat")
    db = tmp_path / "x.db"
    run(db, catalog, "case", "add", CASE)
    from riskdesk.domain.model import Stage, Status
    from riskdesk.services import Services

    with Services.open("sqlite:///" + str(db), catalog, actor_name="王法官") as svc:
        view = svc.checklists.open_by_case_no(CASE, Stage.FILING)
        for it in view.items:
            svc.answers.set_status(view.info.id, it.point.id, Status.RISK if it.point.id == "LA-001" else Status.CLEAR)
        svc.answers.set_note(view.info.id, "LA-001", "送达地址未确认")
    return db, catalog


def _stage(db: Path, catalog: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(run(db, catalog, "case", "show", CASE, "--json").stdout)["stages"]["filing"]  # type: ignore[no-any-return]


def test_submit_return_fix_resubmit_approve(answered: tuple[Path, Path]) -> None:
    db, catalog = answered
    assert "已提交" in run(db, catalog, "checklist", "submit", CASE, "filing", "--by", "王法官").stdout
    stage = _stage(db, catalog)
    assert stage["state"] == "submitted" and stage["signoff"]["submitted_by"] == "王法官"
    own = run(db, catalog, "checklist", "approve", CASE, "filing", "--by", "王法官", check=False)
    assert own.returncode == 1 and "不能是提交人本人" in own.stderr
    no_comment = run(db, catalog, "checklist", "return", CASE, "filing", "--by", "李庭长", check=False)
    assert no_comment.returncode == 2 and "意见" in no_comment.stderr
    run(db, catalog, "checklist", "return", CASE, "filing", "--by", "李庭长", "--comment", "LA-002 请核对")
    stage = _stage(db, catalog)
    assert (stage["state"], stage["signoff"]["reviewed_by"], stage["signoff"]["comment"]) == (
        "returned", "李庭长", "LA-002 请核对")
    run(db, catalog, "review", CASE, "LA-002", "risk", "--note", "回证缺失", "--by", "王法官")
    resubmitted = run(db, catalog, "checklist", "submit", CASE, "filing", "--by", "王法官").stdout
    assert "自退回后修改：LA-002" in resubmitted
    run(db, catalog, "checklist", "approve", CASE, "filing", "--by", "李庭长", "--comment", "同意")
    stage = _stage(db, catalog)
    assert stage["state"] == "approved" and stage["signoff"]["reviewed_at"] and stage["signoff"]["comment"] == "同意"
    # A change to an approved checklist needs a reason: one line and status 2 without it.
    bare = run(db, catalog, "review", CASE, "LA-003", "risk", "--by", "王法官", check=False)
    assert bare.returncode == 2 and "理由" in bare.stderr and len(bare.stderr.strip().splitlines()) == 1
    run(db, catalog, "review", CASE, "LA-003", "risk", "--note", "复查", "--by", "王法官", "--reason", "复查发现问题")
    assert _stage(db, catalog)["state"] == "draft"
    log = json.loads(run(db, catalog, "audit", "log", CASE, "--json").stdout)
    whats = [(e["what"], e["who"], e["reason"]) for e in log]
    assert ("清单审核通过", "李庭长", "同意") in whats
    assert ("清单修改已审核的清单", "王法官", "复查发现问题") in whats
    assert ("立案 LA-003 核查结果", "王法官", "复查发现问题") in whats
    assert "一致" in run(db, catalog, "audit", "verify").stdout


def _sql(db: Path, statement: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("tamper", "first"), [
    ("UPDATE answer_versions SET status = 3 WHERE seq = 5", 5),  # an answer quietly changed
    ("UPDATE people SET name = '张三' WHERE id = 1", 2),  # who answered, renamed
    ("DELETE FROM answer_versions WHERE seq = 7", 7),  # an answer's history deleted
    ("INSERT INTO answer_versions SELECT checklist_id, point_ref, rev + 1, seq, at, actor_id, 2, '补', '', tag "
     "FROM answer_versions WHERE seq = 9", 9),  # an entry slipped in
    ("UPDATE events SET new_value = '（2024）内0602民初999号' WHERE seq = 1", 1),  # the case's creation rewritten
    ("DELETE FROM answer_versions WHERE seq = (SELECT max(seq) FROM answer_versions)", 102),  # the newest, dropped
])
def test_tampering_is_found(answered: tuple[Path, Path], tamper: str, first: int) -> None:
    db, catalog = answered
    assert run(db, catalog, "audit", "verify").returncode == 0
    _sql(db, tamper)
    proc = run(db, catalog, "audit", "verify", check=False)
    assert proc.returncode == 1, proc.stdout
    assert "审计记录被改动" in proc.stdout and f"第 {first} 条" in proc.stdout, proc.stdout


def test_a_printed_report_verifies_until_an_answer_changes(answered: tuple[Path, Path], tmp_path: Path) -> None:
    db, catalog = answered
    report = tmp_path / "report.pdf"
    run(db, catalog, "pdf", "case", CASE, "-o", str(report))
    assert "一致" in run(db, catalog, "verify", str(report)).stdout
    from pypdf import PdfReader

    code = str(PdfReader(report).metadata.get("/Keywords"))  # what the QR code holds
    assert code.startswith("RD1:")
    assert run(db, catalog, "verify", "--code", code).returncode == 0
    run(db, catalog, "review", CASE, "LA-004", "risk", "--note", "补充材料未到", "--by", "赵助理")
    proc = run(db, catalog, "verify", str(report), check=False)
    assert proc.returncode == 1
    assert "核查记录已改变" in proc.stdout and "赵助理" in proc.stdout and "LA-004" in proc.stdout
    bad = run(db, catalog, "verify", "--code", "RD1:!!", check=False)
    assert bad.returncode == 2 and "校验码" in bad.stderr
