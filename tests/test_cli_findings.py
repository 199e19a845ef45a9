"""The 整改台账 on the command line: a risk walked to 已销号, the rules of who may do what, extensions that
keep the original deadline, overdue items, and ledgers (xlsx and PDF) that open and add up."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from riskdesk.storage.db import Database
from tests.catalog_factory import write_catalog
from tests.test_cli import run

CASE = "(2024)内0602民初123号"


@pytest.fixture
def risky(tmp_path: Path, db_url: str) -> tuple[str, Path]:
    """On each back end (the ledger's SQL: filters, search, overdue dates)."""
    catalog = write_catalog(tmp_path / "cat")
    db = db_url
    run(db, catalog, "case", "add", CASE, "--department", "民一庭", "--judge", "王法官")
    run(db, catalog, "review", CASE, "LA-003", "risk", "--note", "送达地址未确认", "--by", "王法官")
    run(db, catalog, "review", CASE, "LA-004", "risk", "--note", "诉状副本未送达", "--by", "王法官")
    return db, catalog


def _items(db: Path | str, catalog: Path, *args: str) -> list[dict]:  # type: ignore[type-arg]
    return json.loads(run(db, catalog, "finding", "list", "--json", *args).stdout)  # type: ignore[no-any-return]


def test_a_risk_walks_to_closed(risky: tuple[str, Path]) -> None:
    db, catalog = risky
    out = run(db, catalog, "finding", "add", CASE, "LA-003", "--measure", "重新确认送达地址", "--owner", "王法官",
              "--by", "王法官").stdout
    fid = out.splitlines()[0].strip()
    assert fid.isdigit()
    [item] = _items(db, catalog)
    assert (item["id"], item["case_no"], item["point_id"], item["state"], item["owner"]) == (
        int(fid), "（2024）内0602民初123号", "LA-003", "open", "王法官")
    assert item["department"] == "民一庭" and item["overdue"] is False and item["extensions"] == []
    again = run(db, catalog, "finding", "add", CASE, "LA-003", "--by", "王法官", check=False)
    assert again.returncode == 1 and "已有未销号的整改项" in again.stderr
    clear = run(db, catalog, "finding", "add", CASE, "LA-005", "--by", "王法官", check=False)
    assert clear.returncode == 2 and "只有存在风险" in clear.stderr
    run(db, catalog, "finding", "progress", fid, "--note", "已电话联系原告", "--by", "王法官")
    assert _items(db, catalog)[0]["state"] == "in_progress"
    # Only the 责任人 applies for 销号, and a 销号 by the 责任人 is refused.
    other = run(db, catalog, "finding", "apply", fid, "--evidence", "x", "--by", "赵助理", check=False)
    assert other.returncode == 1 and "只有责任人" in other.stderr
    run(db, catalog, "finding", "apply", fid, "--evidence", "送达地址确认书已补签", "--result", "已整改", "--by", "王法官")
    assert _items(db, catalog)[0]["state"] == "pending_close"
    own = run(db, catalog, "finding", "close", fid, "--by", "王法官", check=False)
    assert own.returncode == 1 and "销号审核人不能是责任人" in own.stderr
    run(db, catalog, "finding", "return", fid, "--comment", "证据不全，请附确认书扫描件", "--by", "李庭长")
    assert _items(db, catalog)[0]["state"] == "in_progress"
    run(db, catalog, "finding", "apply", fid, "--evidence", "确认书扫描件已上传", "--by", "王法官")
    run(db, catalog, "finding", "close", fid, "--by", "李庭长")
    [item] = _items(db, catalog)
    assert (item["state"], item["closed_by"]) == ("closed", "李庭长") and item["closed_at"]
    reopen = run(db, catalog, "finding", "reopen", fid, "--reason", " ", "--by", "李庭长", check=False)
    assert reopen.returncode == 2 and "理由" in reopen.stderr
    log = json.loads(run(db, catalog, "audit", "log", CASE, "--json").stdout)
    assert sum(1 for e in log if e["who"] == "李庭长") >= 2
    assert "一致" in run(db, catalog, "audit", "verify").stdout


def test_an_extension_keeps_the_original_deadline(risky: tuple[str, Path]) -> None:
    db, catalog = risky
    due = (date.today() + timedelta(days=10)).isoformat()
    fid = run(db, catalog, "finding", "add", CASE, "LA-003", "--due", due, "--by", "王法官").stdout.split()[0]
    later = (date.today() + timedelta(days=40)).isoformat()
    own = run(db, catalog, "finding", "extend", fid, "--to", later, "--reason", "等待回复", "--by", "王法官", check=False)
    assert own.returncode == 1 and "责任人" in own.stderr
    earlier = run(db, catalog, "finding", "extend", fid, "--to", due, "--reason", "x", "--by", "李庭长", check=False)
    assert earlier.returncode == 2 and "应晚于" in earlier.stderr
    run(db, catalog, "finding", "extend", fid, "--to", later, "--reason", "等待外地法院回复", "--by", "李庭长")
    [item] = _items(db, catalog)
    assert item["due"] == due and item["current_due"] == later
    assert [(x["to"], x["reason"], x["approver"]) for x in item["extensions"]] == [(later, "等待外地法院回复", "李庭长")]


def test_overdue_items_show(risky: tuple[str, Path]) -> None:
    db, catalog = risky
    fid = run(db, catalog, "finding", "add", CASE, "LA-003", "--by", "王法官").stdout.split()[0]
    run(db, catalog, "finding", "add", CASE, "LA-004", "--by", "王法官")
    store = Database(db)  # as if the deadline passed: the record is kept, the clock moves on
    with store.engine.begin() as conn:
        conn.execute(sql("UPDATE findings SET due = :d WHERE id = :i"),
                     {"d": date.today() - timedelta(days=1), "i": int(fid)})
    store.close()
    overdue = _items(db, catalog, "--overdue")
    assert [i["id"] for i in overdue] == [int(fid)] and overdue[0]["overdue"] is True
    assert len(_items(db, catalog, "--state", "open")) == 2
    bad = run(db, catalog, "finding", "list", "--state", "done", check=False)
    assert bad.returncode == 2 and "整改状态" in bad.stderr


def test_ledgers_open_and_add_up(risky: tuple[str, Path], tmp_path: Path) -> None:
    db, catalog = risky
    a = run(db, catalog, "finding", "add", CASE, "LA-003", "--by", "王法官").stdout.split()[0]
    run(db, catalog, "finding", "add", CASE, "LA-004", "--by", "王法官")
    run(db, catalog, "finding", "apply", a, "--evidence", "已补正", "--by", "王法官")
    run(db, catalog, "finding", "close", a, "--by", "李庭长")
    xlsx, pdf = tmp_path / "台账.xlsx", tmp_path / "台账.pdf"
    run(db, catalog, "ledger", "export", "--format", "xlsx", "-o", str(xlsx))
    run(db, catalog, "ledger", "export", "--format", "pdf", "-o", str(pdf))
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    sheet = wb["整改台账"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "编号" and len(rows) == 3
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref
    assert isinstance(rows[1][13], date) or hasattr(rows[1][13], "year")  # dates as dates
    states = [r[1] for r in rows[1:]]
    assert sorted(states) == ["已销号", "待整改"]
    sums = list(wb["汇总"].iter_rows(values_only=True))
    court = sums[-1]
    assert court[0] == "全院" and court[1:] == (2, 1, 1, 0, 0, 0)
    assert sum(r[1] for r in sums[2:-1]) == court[1]  # divisions add up to the court
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    squashed = "".join(text.split())
    assert "梳理2条，已销号1条，整改中1条" in squashed and "逾期0条" in squashed
    assert PdfReader(pdf).pages[0].mediabox.width > PdfReader(pdf).pages[0].mediabox.height  # landscape


def test_systemic_items_list_their_cases(tmp_path: Path, db_url: str) -> None:
    catalog = write_catalog(tmp_path / "cat")
    db = db_url
    for n in (1, 2, 3):
        case = f"(2024)内0602民初{n}号"
        run(db, catalog, "case", "add", case, "--department", "民一庭")
        run(db, catalog, "review", case, "LA-010", "risk", "--by", "王法官")
    out = run(db, catalog, "finding", "systemic", "--by", "王法官").stdout
    assert "新建共性问题整改项 1 项" in out
    [item] = _items(db, catalog)
    assert item["systemic"] and item["point_id"] == "LA-010" and item["department"] == "民一庭"
    assert all(f"民初{n}号" in item["description"] for n in (1, 2, 3))
    assert "新建共性问题整改项 0 项" in run(db, catalog, "finding", "systemic", "--by", "王法官").stdout
