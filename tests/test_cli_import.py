"""``riskdesk case import``: output, exit codes, --skip-bad, --dry-run and --json on a real database (each back end)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.safety.helpers import cli, cli_inproc, one_line, table_hash
from tests.services.test_case_import import ROWS
from tests.sheet_files import HEADERS, write_csv, write_xlsx

Capture = pytest.CaptureFixture[str]


def _bad_file(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "bad.xlsx", [*ROWS, ["(2024)内0602民初5号", "", "", "", "2024-13-01"], ["2024民初6号"]])


def test_import_prints_a_summary_and_exits_0(tmp_path: Path, db_url: str, catalog_dir: Path,
                                             capsys: Capture) -> None:
    path = write_xlsx(tmp_path / "cases.xlsx", [[*HEADERS, "序号"], *(list(r) + [n] for n, r in enumerate(ROWS[1:]))])
    assert cli_inproc(db_url, catalog_dir, "case", "import", str(path)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["已导入 cases.xlsx：新增 3 件，更新 0 件，未变 0 件，跳过 0 件", "忽略的列：序号"]
    assert cli_inproc(db_url, catalog_dir, "case", "import", str(path)) == 0
    assert capsys.readouterr().out.splitlines()[0] == "已导入 cases.xlsx：新增 0 件，更新 0 件，未变 3 件，跳过 0 件"
    assert cli_inproc(db_url, catalog_dir, "case", "list", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_bad_rows_exit_1_name_every_row_and_write_nothing(tmp_path: Path, db_url: str, catalog_dir: Path,
                                                          capsys: Capture) -> None:
    assert cli_inproc(db_url, catalog_dir, "case", "add", "(2024)内0602民初1号") == 0
    capsys.readouterr()
    before = table_hash(db_url)
    assert cli_inproc(db_url, catalog_dir, "case", "import", str(_bad_file(tmp_path))) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0] == "未导入 bad.xlsx：新增 2 件，更新 1 件，未变 0 件，有误 2 行"
    assert lines[-3:] == ["有误的行：", "第 5 行：立案日期“2024-13-01”无法识别：应为 YYYY-MM-DD，例如 2024-03-15",
                          "第 6 行：案号有误：案号应以带括号的收案年度开头，例如（2024）内0602民初123号"]
    assert "有 2 行有误，未导入任何案件" in one_line(captured.err)
    assert table_hash(db_url) == before


def test_skip_bad_imports_the_rest_and_lists_what_it_skipped(tmp_path: Path, db_url: str, catalog_dir: Path,
                                                             capsys: Capture) -> None:
    assert cli_inproc(db_url, catalog_dir, "case", "import", str(_bad_file(tmp_path)), "--skip-bad") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "已导入 bad.xlsx：新增 3 件，更新 0 件，未变 0 件，跳过 2 件"
    assert lines[1] == "有误的行（已跳过）：" and lines[2].startswith("第 5 行：") and lines[3].startswith("第 6 行：")


def test_dry_run_writes_nothing_and_says_whether_the_file_would_import(tmp_path: Path, db_url: str,
                                                                       catalog_dir: Path, capsys: Capture) -> None:
    assert cli_inproc(db_url, catalog_dir, "case", "add", "(2024)内0602民初1号", "--judge", "张法官") == 0
    capsys.readouterr()
    before = table_hash(db_url)
    good = write_xlsx(tmp_path / "good.xlsx", ROWS)
    assert cli_inproc(db_url, catalog_dir, "case", "import", str(good), "--dry-run") == 0
    assert capsys.readouterr().out.splitlines() == [
        "试运行，未写入 good.xlsx：新增 2 件，更新 1 件，未变 0 件，跳过 0 件", "将更新的案件：",
        "  （2024）内0602民初1号（第 2 行）：案由：（空） → 民间借贷纠纷；当事人：（空） → 张三诉李四；承办人：张法官 → 王法官；"
        "立案日期：（空） → 2024-03-01；承办部门：（空） → 民一庭；程序：（空） → 简易程序"]
    assert cli_inproc(db_url, catalog_dir, "case", "import", str(_bad_file(tmp_path)), "--dry-run") == 1
    captured = capsys.readouterr()
    assert "第 6 行：案号有误" in captured.out and "导入时将不导入任何案件" in one_line(captured.err)
    assert table_hash(db_url) == before


def test_json(tmp_path: Path, db_url: str, catalog_dir: Path, capsys: Capture) -> None:
    assert cli_inproc(db_url, catalog_dir, "case", "import", str(_bad_file(tmp_path)), "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["status"] == "refused"
    assert (report["new"], report["updated"], report["unchanged"], report["skipped"]) == (3, 0, 0, 0)
    assert [(r["row"], r["case_no"]) for r in report["bad_rows"]] == [(5, "（2024）内0602民初5号"), (6, "2024民初6号")]
    assert report["columns"][0] == {"header": "案号", "field": "案号"}
    assert cli_inproc(db_url, catalog_dir, "case", "import", str(_bad_file(tmp_path)), "--json", "--skip-bad") == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["status"], report["new"], report["skipped"]) == ("imported", 3, 2)


UNUSABLE = {
    "text named .xlsx": (lambda t: _write(t / "a.xlsx", "案号\n(2024)内0602民初1号\n"), "不是有效的 Excel 工作簿"),
    "no 案号 column": (lambda t: write_csv(t / "a.csv", [["编号", "案由"], ["1", "借贷"]]), "没有“案号”列"),
    "missing file": (lambda t: t / "nowhere.csv", "找不到文件"),
}


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("make", "fragment"), UNUSABLE.values(), ids=UNUSABLE.keys())
def test_an_unusable_file_exits_2_with_one_line(tmp_path: Path, db_url: str, catalog_dir: Path, make: object,
                                                fragment: str, capsys: Capture) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    assert cli_inproc(db_url, catalog_dir, "case", "import", str(path)) == 2
    assert fragment in one_line(capsys.readouterr().err)


def test_real_process_exit_codes(tmp_path: Path, catalog_dir: Path) -> None:
    db = tmp_path / "x.db"
    assert cli(db, catalog_dir, "case", "import", str(_bad_file(tmp_path))).returncode == 1
    assert cli(db, catalog_dir, "case", "import", str(tmp_path / "none.xlsx")).returncode == 2
    done = cli(db, catalog_dir, "case", "import", str(write_xlsx(tmp_path / "good.xlsx", ROWS)))
    assert done.returncode == 0 and done.stdout.startswith("已导入 good.xlsx：新增 3 件"), done.stderr
