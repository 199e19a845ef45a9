"""The ``riskdesk`` command end to end, in a subprocess, on a real database (an SQLite file, a PostgreSQL server)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CASE = "(2024)内0602民初123号"


def run(db: Path | str, catalog: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RISKDESK_CATALOG": str(catalog)}
    env.pop("RISKDESK_DB", None)
    proc = subprocess.run(
        [sys.executable, "-m", "riskdesk", "--db", str(db), *args],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=60,
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_add_review_show_round_trip(db_url: str, catalog_dir: Path) -> None:
    db = db_url
    run(db, catalog_dir, "case", "add", CASE, "--cause", "民间借贷纠纷", "--parties", "张三诉李四")
    out = run(db, catalog_dir, "review", CASE, "LA-001", "risk", "--note", "材料不全", "--by", "王法官").stdout
    assert "LA-001 存在风险" in out
    shown = json.loads(run(db, catalog_dir, "case", "show", CASE, "--json").stdout)
    assert shown["case_no"] == "（2024）内0602民初123号"
    assert shown["cause"] == "民间借贷纠纷"
    filing = shown["stages"]["filing"]
    assert filing["counts"]["risk"] == 1 and filing["counts"]["total"] == 100
    first = filing["results"][0]
    assert (first["point_id"], first["status"], first["note"], first["updated_by"]) == ("LA-001", "risk", "材料不全", "王法官")
    assert first["updated_at"]
    listed = json.loads(run(db, catalog_dir, "case", "list", "--search", "张三", "--json").stdout)
    assert [c["case_no"] for c in listed] == ["（2024）内0602民初123号"]
    text = run(db, catalog_dir, "case", "show", CASE).stdout
    assert "LA-001 存在风险" in text and "备注：材料不全" in text


def test_reviewer_setting_is_the_default_author(db_url: str, catalog_dir: Path) -> None:
    db = db_url
    run(db, catalog_dir, "config", "set", "reviewer", "李助理")
    run(db, catalog_dir, "config", "set", "court", "鄂尔多斯市东胜区人民法院")
    assert run(db, catalog_dir, "config", "get", "court").stdout.strip() == "鄂尔多斯市东胜区人民法院"
    run(db, catalog_dir, "case", "add", CASE)
    run(db, catalog_dir, "review", CASE, "ZX-100", "na")
    shown = json.loads(run(db, catalog_dir, "case", "show", CASE, "--json").stdout)
    last = shown["stages"]["enforcement"]["results"][-1]
    assert (last["point_id"], last["status"], last["updated_by"]) == ("ZX-100", "na", "李助理")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("case", "add", "2024民初1号"), "案号有误"),
        (("case", "add", ""), "不能为空"),
        (("review", CASE, "XX-001", "risk"), "风险点编号"),
        (("review", CASE, "LA-101", "risk"), "不在当前目录中"),
        (("review", CASE, "LA-001", "maybe"), "状态"),
        (("review", "(2024)内0602民初999号", "LA-001", "risk"), "没有找到"),
        (("case", "show", "(2024)内0602民初999号"), "没有找到"),
    ],
)
def test_bad_input_gives_one_line_and_nonzero_exit(db_url: str, catalog_dir: Path, args: tuple[str, ...],
                                                   fragment: str) -> None:
    db = db_url
    run(db, catalog_dir, "case", "add", CASE)
    proc = run(db, catalog_dir, *args, check=False)
    assert proc.returncode != 0
    assert fragment in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "Traceback" not in proc.stderr


def test_duplicate_case_is_refused(db_url: str, catalog_dir: Path) -> None:
    db = db_url
    run(db, catalog_dir, "case", "add", CASE)
    proc = run(db, catalog_dir, "case", "add", "（2024）内0602民初123号", check=False)
    assert proc.returncode == 1 and "已存在" in proc.stderr


def test_db_environment_variable_selects_the_database(tmp_path: Path, catalog_dir: Path, db_url: str) -> None:
    db = tmp_path / "env.db" if db_url.startswith("sqlite") else db_url
    env = {**os.environ, "RISKDESK_CATALOG": str(catalog_dir), "RISKDESK_DB": str(db)}
    proc = subprocess.run([sys.executable, "-m", "riskdesk", "case", "add", CASE], capture_output=True, text=True,
                          env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert isinstance(db, str) or db.exists()
    listed = subprocess.run([sys.executable, "-m", "riskdesk", "case", "list", "--json"], capture_output=True,
                            text=True, encoding="utf-8", env=env, timeout=60)
    assert [c["case_no"] for c in json.loads(listed.stdout)] == ["（2024）内0602民初123号"]


def test_catalog_check_list_and_export(tmp_path: Path, catalog_dir: Path) -> None:
    db = tmp_path / "x.db"
    assert "无错误" in run(db, catalog_dir, "catalog", "check", str(catalog_dir)).stdout
    listed = run(db, catalog_dir, "catalog", "list", "--stage", "trial").stdout
    assert "SP-001" in listed and "SP-100" in listed
    exported = json.loads(run(db, catalog_dir, "catalog", "export", "--format", "json").stdout)
    assert [s["id"] for s in exported["stages"]] == ["filing", "trial", "enforcement"]
    broken = catalog_dir / "filing.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("severity: high", "severity: urgent", 1),
                      encoding="utf-8")
    proc = run(db, catalog_dir, "catalog", "check", str(catalog_dir), check=False)
    assert proc.returncode == 1
    assert "filing.yaml:" in proc.stdout and "severity must be high, medium or low" in proc.stdout
    one = run(db, catalog_dir, "catalog", "check", str(broken), check=False)
    assert one.returncode == 1 and "共 1 处错误" in one.stdout


def test_stats(db_url: str, catalog_dir: Path) -> None:
    db = db_url
    run(db, catalog_dir, "case", "add", CASE)
    run(db, catalog_dir, "review", CASE, "LA-001", "risk")
    run(db, catalog_dir, "review", CASE, "LA-002", "na")
    table = json.loads(run(db, catalog_dir, "stats", "--json").stdout)
    assert table["by"] == "stage" and [r["key"] for r in table["rows"]] == ["filing"]
    filing = table["rows"][0]
    assert (filing["checklists"], filing["answered"], filing["risk"], filing["na"], filing["unreviewed"]) == \
        (1, 2, 1, 1, 98)
    assert filing["risk_rate"] == 1.0 and table["total"] == {k: v for k, v in filing.items() if k not in ("key", "label")}
    assert "立案\t1\t2\t1\t0\t1\t0\t100.0%" in run(db, catalog_dir, "stats").stdout
