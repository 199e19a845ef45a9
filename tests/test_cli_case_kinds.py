"""The command line's contract for case kinds: case add options, case update, case show --json fields."""

from __future__ import annotations

import json
from pathlib import Path

from tests.catalog_factory import write_catalog
from tests.test_cli import run

TWEAKS = {"LA-001": {"applies_to": ["criminal"]}, "SP-001": {"applies_to": ["civil", "criminal"]}}


def test_case_add_with_kind_fields_and_show_json(tmp_path: Path, db_url: str) -> None:
    catalog = write_catalog(tmp_path / "cat", tweak=TWEAKS)
    db = db_url
    out = run(db, catalog, "case", "add", "(2024)内0602民初123号", "--cause", "民间借贷纠纷", "--filed", "2024-03-15",
              "--department", "民一庭", "--procedure", "简易").stdout
    assert "民事 · 一审 · 简易程序" in out
    run(db, catalog, "review", "(2024)内0602民初123号", "LA-002", "risk", "--note", "送达地址未确认")
    run(db, catalog, "case", "add", "(2024)内0602执45号", "--origin", "(2024)内0602民初123号")
    run(db, catalog, "review", "(2024)内0602执45号", "ZX-001", "clear")
    shown = json.loads(run(db, catalog, "case", "show", "(2024)内0602执45号", "--json").stdout)
    assert (shown["kind"], shown["type_procedure"], shown["procedure"]) == ("执行", "执行实施", None)
    assert shown["origin"] == "（2024）内0602民初123号" and shown["filed"] is None and shown["department"] is None
    assert shown["applicable_stages"] == ["enforcement"]
    assert shown["origin_open_risks"] == [{"case_no": "（2024）内0602民初123号", "stage": "filing",
                                           "point_id": "LA-002", "note": "送达地址未确认"}]
    trial = json.loads(run(db, catalog, "case", "show", "(2024)内0602民初123号", "--json").stdout)
    assert (trial["kind"], trial["type_procedure"], trial["procedure"]) == ("民事", "一审", "简易")
    assert (trial["filed"], trial["department"], trial["origin"]) == ("2024-03-15", "民一庭", None)
    assert trial["applicable_stages"] == ["filing", "trial"] and trial["origin_open_risks"] == []
    filing = trial["stages"]["filing"]
    assert filing["settled_by_case_type"] == ["LA-001"]  # criminal only
    assert filing["counts"]["applicable"] == 99 and filing["counts"]["settled"] == 1


def test_a_criminal_case_settles_civil_points_and_stats_count_applicable_only(tmp_path: Path, db_url: str) -> None:
    catalog = write_catalog(tmp_path / "cat", tweak=TWEAKS)
    db = db_url
    run(db, catalog, "case", "add", "(2024)内0602刑初9号")
    run(db, catalog, "review", "(2024)内0602刑初9号", "SP-001", "risk")
    shown = json.loads(run(db, catalog, "case", "show", "(2024)内0602刑初9号", "--json").stdout)
    trial = shown["stages"]["trial"]
    assert trial["counts"]["applicable"] == 1 and len(trial["settled_by_case_type"]) == 99
    stats = {row["key"]: row for row in json.loads(run(db, catalog, "stats", "--json").stdout)["rows"]}
    assert stats["trial"]["answered"] == 1 and stats["trial"]["unreviewed"] == 0 and stats["trial"]["settled"] == 99
    assert stats["trial"]["risk_rate"] == 1.0  # one risk over one judged point, not over 100


def test_case_update_changes_only_what_is_given_and_refuses_a_bad_procedure(tmp_path: Path, db_url: str) -> None:
    catalog = write_catalog(tmp_path / "cat")
    db = db_url
    run(db, catalog, "case", "add", "(2024)内0602民初5号", "--cause", "买卖合同纠纷")
    assert "程序" in run(db, catalog, "case", "update", "(2024)内0602民初5号", "--procedure", "普通").stdout
    shown = json.loads(run(db, catalog, "case", "show", "(2024)内0602民初5号", "--json").stdout)
    assert (shown["procedure"], shown["cause"]) == ("普通", "买卖合同纠纷")
    bad = run(db, catalog, "case", "update", "(2024)内0602民初5号", "--procedure", "速裁", check=False)
    assert bad.returncode == 2 and "不适用于民初" in bad.stderr
    bad = run(db, catalog, "case", "add", "(2024)内0602民初6号", "--filed", "2024-13-01", check=False)
    assert bad.returncode == 2 and "立案日期" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
