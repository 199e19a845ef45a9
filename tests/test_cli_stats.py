"""``riskdesk stats``: JSON breakdowns that add up, the xlsx workbook read back, a recount, clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import run

ADDITIVE = ("checklists", "answered", "risk", "clear", "na", "settled", "unreviewed")


@pytest.fixture
def court_db(tmp_path: Path, catalog_dir: Path) -> Path:
    db = tmp_path / "court.db"
    run(db, catalog_dir, "demo-data", "--cases", "40", "--seed", "4")
    return db


def _stats(db: Path, catalog: Path, *args: str) -> dict[str, object]:
    out: dict[str, object] = json.loads(run(db, catalog, "stats", "--json", *args).stdout)
    return out


def test_every_breakdown_adds_up_to_the_same_total(court_db: Path, catalog_dir: Path) -> None:
    totals = {}
    for by in ("stage", "node", "point", "department", "month"):
        table = _stats(court_db, catalog_dir, "--by", by, "--period", "2020..2026-12")
        rows, total = table["rows"], table["total"]
        assert isinstance(rows, list) and isinstance(total, dict) and table["by"] == by
        assert set(rows[0]) == {"key", "label", *ADDITIVE, "risk_rate"}
        additive = ADDITIVE if by in ("stage", "department", "month") else ADDITIVE[1:]
        for name in additive:
            assert sum(r[name] for r in rows) == total[name], (by, name)
        judged = total["risk"] + total["clear"]
        assert total["risk_rate"] == round(total["risk"] / judged, 4)
        totals[by] = {k: total[k] for k in ADDITIVE}
    assert len({json.dumps(t, sort_keys=True) for t in totals.values()}) == 1, totals
    months = _stats(court_db, catalog_dir, "--by", "month", "--period", "2024-Q2")["rows"]
    assert isinstance(months, list) and [r["key"] for r in months] == ["202404", "202405", "202406"]
    assert [r["label"] for r in months] == ["2024年4月", "2024年5月", "2024年6月"]
    whole = _stats(court_db, catalog_dir)["total"]  # no --period: everything
    assert whole == _stats(court_db, catalog_dir, "--period", "2019..2027-12")["total"]


def test_text_table_and_refusals(court_db: Path, catalog_dir: Path) -> None:
    text = run(court_db, catalog_dir, "stats", "--by", "department", "--period", "2024").stdout
    assert text.startswith("2024年　全院　按庭室") and "\n合计\t" in text
    bad = run(court_db, catalog_dir, "stats", "--period", "2024-13", check=False)
    assert bad.returncode == 2 and "2024-13" in bad.stderr and "Traceback" not in bad.stderr
    bad = run(court_db, catalog_dir, "stats", "--by", "judge", check=False)
    assert bad.returncode == 2 and "分组“judge”无法识别" in bad.stderr
    unknown = run(court_db, catalog_dir, "stats", "--department", "不存在庭", check=False)
    assert unknown.returncode != 0 and "没有名为“不存在庭”的庭室" in unknown.stderr
    person = run(court_db, catalog_dir, "stats", "--by", "person", check=False)
    assert person.returncode != 0 and "不用于对法官排名" in person.stderr
    assert "重新计算统计数据：" in run(court_db, catalog_dir, "stats", "rebuild").stdout


def test_xlsx_workbook_reads_back_with_the_same_figures(court_db: Path, catalog_dir: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "out" / "统计.xlsx"
    out = run(court_db, catalog_dir, "stats", "export", "--period", "2024", "-o", str(target)).stdout
    assert "已导出统计表（2024年）" in out and target.is_file()
    wb = load_workbook(target)
    assert wb.sheetnames == ["概要", "按环节", "按流程节点", "按风险点", "按庭室", "按月份", "重点风险点"]
    for sheet, by in (("按环节", "stage"), ("按庭室", "department"), ("按月份", "month")):
        table = _stats(court_db, catalog_dir, "--by", by, "--period", "2024")
        rows = list(wb[sheet].iter_rows(values_only=True))
        assert rows[0][:4] == ("名称", "检查单", "已作答", "存在风险")
        assert rows[-1][0] == "合计"
        total = table["total"]
        assert isinstance(total, dict)
        assert rows[-1][1:8] == tuple(total[k] for k in ("checklists", "answered", "risk", "clear", "na", "settled",
                                                         "unreviewed"))
        assert all(isinstance(v, int) for v in rows[-1][1:8])  # numbers as numbers
        assert abs(rows[-1][8] - total["risk_rate"]) < 1e-4
        for r in rows[1:-1]:
            assert isinstance(r[1], int)
        assert wb[sheet].cell(row=len(rows), column=9).number_format == "0.0%"  # rates as percentages
        assert sum(r[3] for r in rows[1:-1]) == total["risk"]
    summary = {r[0]: r[1] for r in wb["概要"].iter_rows(values_only=True) if r and r[0]}
    assert summary["统计期间"] == "2024年" and summary["统计范围"] == "全院"
    top = list(wb["重点风险点"].iter_rows(values_only=True))
    assert top[0][0] == "名次" and len(top) > 1 and top[1][6]  # with its 操作指引
    bad = run(court_db, catalog_dir, "stats", "export", "-o", str(tmp_path / "no" / "x.xlsx" / "y"), check=False)
    assert bad.returncode != 0 or (tmp_path / "no" / "x.xlsx" / "y").is_file()


def test_per_person_figures_only_when_the_court_turns_them_on(court_db: Path, catalog_dir: Path) -> None:
    bad = run(court_db, catalog_dir, "config", "set", "stats.person_figures", "也许", check=False)
    assert bad.returncode == 2 and "应为“开启”或“关闭”" in bad.stderr
    assert "按承办人统计）= 开启" in run(court_db, catalog_dir, "config", "set", "stats.person_figures", "on").stdout
    people = _stats(court_db, catalog_dir, "--by", "person")
    rows, total = people["rows"], people["total"]
    assert isinstance(rows, list) and isinstance(total, dict) and len(rows) > 1
    assert sum(r["risk"] for r in rows) == total["risk"] == _stats(court_db, catalog_dir)["total"]["risk"]  # type: ignore[index]
    run(court_db, catalog_dir, "config", "set", "stats.person_figures", "关闭")
    assert run(court_db, catalog_dir, "stats", "--by", "person", check=False).returncode != 0
    bad = run(court_db, catalog_dir, "config", "set", "finding.due.high", "0", check=False)
    assert bad.returncode == 2 and "高风险整改天数应为 1 到 3650 之间的整数" in bad.stderr
