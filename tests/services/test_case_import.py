"""Case import on a real database (each back end) from real .xlsx and .csv files: headers, every kind of wrong row,
all or nothing, skipping, dry runs, importing twice, and changes kept in the record."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from riskdesk.domain.case_kind import Track
from riskdesk.domain.events import EventKind
from riskdesk.services import Services
from riskdesk.services.case_import import ImportFileError, ImportRefused, Outcome
from riskdesk.storage.chain import tip as chain_tip
from riskdesk.storage.chain import verify as verify_chain
from riskdesk.storage.events import case_events
from tests.safety.helpers import table_hash
from tests.sheet_files import HEADERS, write_csv, write_xlsx

A, B, C = "（2024）内0602民初1号", "（2024）内0602民初2号", "（2024）内0602执3号"
ROWS = [
    HEADERS,
    ["(2024)内0602民初1号", "民间借贷纠纷", "张三诉李四", "王法官", date(2024, 3, 1), "民一庭", "简易程序", None],
    ["(2024)内0602民初2号", "买卖合同纠纷", "甲公司诉乙公司", "李法官", "2024-03-02", "民二庭", "普通", None],
    ["(2024)内0602执3号", "申请执行", "张三申请执行李四", "赵法官", "2024年3月3日", "执行局", None, "(2023)内0602民初9号"],
]


def _events(svc: Services) -> int:
    with svc.db.reading() as conn:
        return chain_tip(conn)[0]


def test_import_creates_every_case_with_its_fields(tmp_path: Path, services: Services) -> None:
    plan = services.imports.plan(write_xlsx(tmp_path / "cases.xlsx", ROWS))
    assert [(r.row, r.case_no, r.outcome) for r in plan.rows] == [
        (2, A, Outcome.NEW), (3, B, Outcome.NEW), (4, C, Outcome.NEW)]
    result = services.imports.run(plan)
    assert (result.new, result.updated, result.unchanged, result.skipped) == (3, 0, 0, ())
    assert result.summary() == "新增 3 件，更新 0 件，未变 0 件，跳过 0 件"
    a, c = services.cases.get(A), services.cases.get(C)
    assert (a.cause, a.parties, a.judge, a.filed_on, a.department, a.track) == (
        "民间借贷纠纷", "张三诉李四", "王法官", date(2024, 3, 1), "民一庭", Track.SIMPLE)
    assert services.cases.get(B).track is Track.ORDINARY
    assert (c.origin, c.filed_on, c.department, c.track) == ("（2023）内0602民初9号", date(2024, 3, 3), "执行局", None)
    assert sorted(services.cases.departments()) == sorted(["民一庭", "民二庭", "执行局"])
    with services.db.reading() as conn:
        assert verify_chain(conn).ok
        created = case_events(conn, a.id)
    assert [(e.kind, e.new, e.actor) for e in created] == [(EventKind.CASE_CREATED, A, "王法官")]


HEADER_SPELLINGS = {
    "aliases": ["案件编号", "案由", "当事人", "承办法官", "立案时间", "庭室", "适用程序", "执行依据"],
    "more aliases": ["案件号", "案由", "当事人", "承办人", "立案日期", "承办庭室", "审理程序", "执行依据案号"],
    "marks and spaces": ["\ufeff 案号*", "案 由", "当事人\u3000", "承办人＊", "立案日期", "承办部门", "程序", "原审案号／执行依据"],
    "related case": ["案号", "案由", "当事人", "承办人", "立案日期", "承办部门", "程序", "关联案号"],
}


@pytest.mark.parametrize("headers", HEADER_SPELLINGS.values(), ids=HEADER_SPELLINGS.keys())
def test_headers_are_matched_by_name_and_alias(tmp_path: Path, services: Services, headers: list[str]) -> None:
    plan = services.imports.plan(write_xlsx(tmp_path / "a.xlsx", [headers, *ROWS[1:]]))
    assert [f for f, _ in plan.columns] == ["case_no", "cause", "parties", "judge", "filed", "department", "track",
                                           "origin"]
    assert plan.ignored == () and plan.bad == ()
    services.imports.run(plan)
    assert services.cases.get(C).origin == "（2023）内0602民初9号"


def test_columns_in_any_order_and_unknown_columns_are_ignored_and_named(tmp_path: Path, services: Services) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [
        ["序号", "承办人", "案号", "备注", ""],
        [1, "王法官", "(2024)内0602民初1号", "加急", None],
        [2, None, None, None, None],  # only an ignored column filled: not a case, skipped silently
    ])
    plan = services.imports.plan(path)
    assert plan.ignored == ("序号", "备注")
    assert [(r.row, r.outcome) for r in plan.rows] == [(2, Outcome.NEW)]
    services.imports.run(plan)
    assert services.cases.get(A).judge == "王法官"


def test_a_file_without_case_numbers_is_refused_naming_its_headers(tmp_path: Path, services: Services) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [["编号", "案由"], ["(2024)内0602民初1号", "民间借贷纠纷"]], blank_rows_above=1)
    with pytest.raises(ImportFileError, match="没有“案号”列：第 2 行的表头是 “编号”、“案由”") as caught:
        services.imports.plan(path)
    assert caught.value.exit_status == 2
    with pytest.raises(ImportFileError, match="除表头（第 1 行）外没有案件"):
        services.imports.plan(write_csv(tmp_path / "b.csv", [HEADERS]))


BAD_ROWS = {
    "bad case number": (["2024民初5号", "", "", "", "", "", "", ""], "案号有误：案号应以带括号的收案年度开头"),
    "no case number": ([None, "民间借贷纠纷", "", "", "", "", "", ""], "案号为空"),
    "bad date": (["(2024)内0602民初5号", "", "", "", "三月五日", "", "", ""], "立案日期“三月五日”无法识别"),
    "future date": (["(2024)内0602民初5号", "", "", "", "2099-01-01", "", "", ""], "立案日期 2099-01-01 晚于今天"),
    "date before the year": (["(2024)内0602民初5号", "", "", "", "2023-12-31", "", "", ""], "早于案号的收案年度 2024 年"),
    "track not for the type": (["(2024)内06民终5号", "", "", "", "", "", "简易程序", ""],
                               "程序“简易程序”不适用于民终案件"),
    "unknown track": (["(2024)内0602民初5号", "", "", "", "", "", "特快", ""], "程序“特快”无法识别"),
    "origin is itself": (["(2024)内0602执5号", "", "", "", "", "", "", "（2024）内0602执5号"], "不能是本案自己"),
    "bad origin": (["(2024)内0602执5号", "", "", "", "", "", "", "民初9号"], "原审案号/执行依据有误"),
    "over-long field": (["(2024)内0602民初5号", "", "张" * 501, "", "", "", "", ""], "当事人过长（501 个字符），最多 500 个字符"),
}


@pytest.mark.parametrize(("row", "reason"), BAD_ROWS.values(), ids=BAD_ROWS.keys())
def test_every_bad_row_is_named_with_its_row_number(tmp_path: Path, services: Services, row: list[object],
                                                    reason: str) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [*ROWS[:3], row, ROWS[3]], blank_rows_above=1)
    plan = services.imports.plan(path)
    assert [r.row for r in plan.bad] == [5]
    assert plan.bad[0].message.startswith("第 5 行：") and reason in plan.bad[0].message, plan.bad[0].message
    assert plan.count(Outcome.NEW) == 3


def test_a_duplicate_within_the_file_names_both_rows(tmp_path: Path, services: Services) -> None:
    path = write_csv(tmp_path / "a.csv", [*ROWS, ["（2024）内0602民初1号", "另一案由"], ["(2024) 内0602 民初2号"],
                                         ["（2024）内0602民初1号"]])
    plan = services.imports.plan(path)
    messages = {r.row: r.message for r in plan.bad}
    assert messages == {
        2: f"第 2 行：案号 {A} 与第 5 行、第 7 行重复", 5: f"第 5 行：案号 {A} 与第 2 行、第 7 行重复",
        7: f"第 7 行：案号 {A} 与第 2 行、第 5 行重复", 3: f"第 3 行：案号 {B} 与第 6 行重复",
        6: f"第 6 行：案号 {B} 与第 3 行重复"}


def test_two_columns_for_one_field_must_agree(tmp_path: Path, services: Services) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [
        ["案号", "原审案号", "执行依据"],
        ["(2024)内0602执1号", "(2023)内0602民初9号", None],
        ["(2024)内0602执2号", "(2023)内0602民初9号", "(2023)内0602民初9号"],
        ["(2024)内0602执3号", "(2023)内0602民初9号", "(2023)内0602民初8号"],
    ])
    plan = services.imports.plan(path)
    assert [r.message for r in plan.bad] == [
        "第 4 行：原审案号/执行依据有两个不同的值：(2023)内0602民初9号、(2023)内0602民初8号"]


def _with_bad_row(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "a.xlsx", [*ROWS, ["(2024)内0602民初5号", "", "", "", "2024-13-01"],
                                           ["2024民初6号"]])


def test_one_bad_row_and_nothing_is_imported(tmp_path: Path, db_url: str, services: Services) -> None:
    services.cases.create("(2024)内0602民初1号", "旧案由")
    before = table_hash(db_url)
    plan = services.imports.plan(_with_bad_row(tmp_path))
    with pytest.raises(ImportRefused) as caught:
        services.imports.run(plan)
    message = str(caught.value)
    assert caught.value.exit_status == 1
    assert "有 2 行有误，未导入任何案件" in message
    assert "第 5 行：立案日期“2024-13-01”无法识别" in message and "第 6 行：案号有误" in message
    assert table_hash(db_url) == before


def test_skip_bad_imports_the_good_rows_and_lists_the_others(tmp_path: Path, services: Services) -> None:
    result = services.imports.run(services.imports.plan(_with_bad_row(tmp_path)), skip_bad=True)
    assert (result.new, result.updated, result.unchanged) == (3, 0, 0)
    assert [r.row for r in result.skipped] == [5, 6]
    assert result.summary() == "新增 3 件，更新 0 件，未变 0 件，跳过 2 件"
    assert len(services.cases.list()) == 3


def test_dry_run_changes_nothing(tmp_path: Path, db_url: str, services: Services) -> None:
    services.cases.create("(2024)内0602民初1号")
    before = table_hash(db_url)
    plan = services.imports.plan(write_xlsx(tmp_path / "a.xlsx", ROWS))
    result = services.imports.run(plan, dry_run=True)
    assert (result.new, result.updated, result.unchanged, result.dry_run) == (2, 1, 0, True)
    with pytest.raises(ImportRefused):
        services.imports.run(services.imports.plan(_with_bad_row(tmp_path)), dry_run=True)
    assert table_hash(db_url) == before


def test_the_same_file_twice_changes_nothing(tmp_path: Path, db_url: str, services: Services) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", ROWS)
    services.imports.run(services.imports.plan(path))
    before, events = table_hash(db_url), _events(services)
    plan = services.imports.plan(path)
    assert [r.outcome for r in plan.rows] == [Outcome.UNCHANGED] * 3
    result = services.imports.run(plan)
    assert (result.new, result.updated, result.unchanged) == (0, 0, 3)
    assert table_hash(db_url) == before and _events(services) == events


def test_a_changed_row_updates_its_case_and_keeps_the_history(tmp_path: Path, services: Services) -> None:
    services.imports.run(services.imports.plan(write_xlsx(tmp_path / "a.xlsx", ROWS)))
    changed = [list(r) for r in ROWS]
    changed[1][3] = "李法官"  # 承办人
    changed[1][6] = "普通程序"  # 程序
    changed[2][1] = None  # an empty cell keeps what is stored
    plan = services.imports.plan(write_xlsx(tmp_path / "b.xlsx", changed))
    assert [r.outcome for r in plan.rows] == [Outcome.UPDATE, Outcome.UNCHANGED, Outcome.UNCHANGED]
    assert plan.rows[0].detail == "承办人：王法官 → 李法官；程序：简易程序 → 普通程序"
    result = services.imports.run(plan)
    assert (result.new, result.updated, result.unchanged) == (0, 1, 2)
    a = services.cases.get(A)
    assert (a.judge, a.track, a.cause) == ("李法官", Track.ORDINARY, "民间借贷纠纷")
    assert services.cases.get(B).cause == "买卖合同纠纷"
    with services.db.reading() as conn:
        updates = [(e.field, e.old, e.new) for e in case_events(conn, a.id) if e.kind is EventKind.CASE_UPDATED]
        assert verify_chain(conn).ok
    assert updates == [("承办人", "王法官", "李法官"), ("程序", "简易程序", "普通程序")]


def test_a_file_with_fewer_columns_changes_only_those(tmp_path: Path, services: Services) -> None:
    services.imports.run(services.imports.plan(write_xlsx(tmp_path / "a.xlsx", ROWS)))
    plan = services.imports.plan(write_csv(tmp_path / "b.csv", [["案号", "承办部门"], [A, "民三庭"], [B, "民二庭"]]))
    assert [(r.outcome, r.detail) for r in plan.rows] == [(Outcome.UPDATE, "承办部门：民一庭 → 民三庭"),
                                                          (Outcome.UNCHANGED, "")]
    services.imports.run(plan)
    a = services.cases.get(A)
    assert (a.department, a.cause, a.judge, a.track) == ("民三庭", "民间借贷纠纷", "王法官", Track.SIMPLE)


def test_a_case_added_elsewhere_after_the_preview_is_updated_not_duplicated(tmp_path: Path,
                                                                            services: Services) -> None:
    plan = services.imports.plan(write_xlsx(tmp_path / "a.xlsx", ROWS))
    services.cases.create("(2024)内0602民初1号", "旧案由")  # another window, between preview and import
    result = services.imports.run(plan)
    assert (result.new, result.updated) == (2, 1)
    assert services.cases.get(A).cause == "民间借贷纠纷"


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig"])
def test_csv_in_gbk_or_utf8(tmp_path: Path, services: Services, encoding: str) -> None:
    path = write_csv(tmp_path / "a.csv", [HEADERS, *([str(v or "") for v in r] for r in ROWS[1:])], encoding=encoding)
    services.imports.run(services.imports.plan(path))
    assert services.cases.get(C).parties == "张三申请执行李四"
    assert services.cases.get(A).filed_on == date(2024, 3, 1)


DATES = {
    "date cell": (date(2024, 3, 5), None),
    "date-time cell": (datetime(2024, 3, 5, 0, 0), "yyyy-mm-dd hh:mm"),
    "formatted as text-like": (datetime(2024, 3, 5, 14, 30), "yyyy\"年\"m\"月\"d\"日\""),
    "day number without a date format": (45356, None),
    "eight digits": (20240305, None),
    "dashes": ("2024-03-05", None),
    "slashes": ("2024/3/5", None),
    "dots": ("2024.03.05", None),
    "chinese": ("2024年3月5日", None),
    "with a time": ("2024-03-05 00:00:00", None),
    "slashes with a time": ("2024/3/5 9:30", None),
}


@pytest.mark.parametrize(("value", "number_format"), DATES.values(), ids=DATES.keys())
def test_excel_date_cells_and_text_dates(tmp_path: Path, services: Services, value: object,
                                         number_format: str | None) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [["案号", "立案日期"], ["(2024)内0602民初1号", value]],
                      date_format=number_format)
    services.imports.run(services.imports.plan(path))
    assert services.cases.get(A).filed_on == date(2024, 3, 5)


def test_thousands_of_rows_in_one_transaction_keep_the_record_chained(tmp_path: Path, services: Services) -> None:
    rows = [HEADERS] + [[f"(2024)内0602民初{n}号", "民间借贷纠纷", f"原告{n}诉被告", "王法官", date(2024, 1, 2),
                         f"民{n % 3 + 1}庭", "简易", None] for n in range(1, 2001)]
    plan = services.imports.plan(write_xlsx(tmp_path / "big.xlsx", rows))
    assert services.imports.run(plan).new == 2000
    with services.db.reading() as conn:
        verdict = verify_chain(conn)
    assert verdict.ok and verdict.checked == 2000
    assert len(services.cases.departments()) == 3


def test_a_changed_track_resettles_the_started_checklists(tmp_path: Path, db_url: str) -> None:
    from riskdesk.domain.model import Stage
    from tests.catalog_factory import write_catalog

    catalog = write_catalog(tmp_path / "catalog", tweak={"LA-005": {"tracks": ["ordinary"]}})
    with Services.open(db_url, catalog, actor_name="王法官") as svc:
        path = write_csv(tmp_path / "a.csv", [["案号", "程序"], ["(2024)内0602民初1号", "普通"]])
        svc.imports.run(svc.imports.plan(path))
        case = svc.cases.get(A)
        assert svc.checklists.open(case.id, Stage.FILING).counts.settled == 0
        svc.imports.run(svc.imports.plan(write_csv(tmp_path / "b.csv", [["案号", "程序"], [A, "简易"]])))
        assert svc.checklists.open(case.id, Stage.FILING).counts.settled == 1  # LA-005 is for 普通程序 only
        assert svc.cases.get(A).track is Track.SIMPLE


def test_a_title_row_above_the_headers_is_passed_over(tmp_path: Path, services: Services) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [["东胜区人民法院 2024 年收案清单"], [], *ROWS, ["2024民初6号"]])
    plan = services.imports.plan(path)
    assert plan.header_row == 3 and [r.message for r in plan.bad] == [
        "第 7 行：案号有误：案号应以带括号的收案年度开头，例如（2024）内0602民初123号"]
    assert plan.count(Outcome.NEW) == 3
