"""Reading spreadsheets: real .xlsx files from openpyxl, .csv files in UTF-8 and GBK, and files that are neither."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from riskdesk.sheets import SheetError, Table, read_table
from tests.sheet_files import write_csv, write_xlsx

CASE = "（2024）内0602民初1号"


def test_xlsx_header_is_the_first_non_empty_row_and_rows_keep_excel_numbers(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [
        ["案号", "立案日期", "标的额", "备注"],
        [CASE, datetime(2024, 3, 15), 12000.0, None],
        [],  # an empty row in the middle: left out, the numbers after it unchanged
        ["（2024）内0602民初2号", date(2024, 3, 16), 1.5, "  "],
    ], blank_rows_above=2, date_format="yyyy-mm-dd")
    table = read_table(path)
    assert table.header_row == 3 and table.sheet == "案件"
    assert table.headers == ["案号", "立案日期", "标的额", "备注"]
    assert [n for n, _ in table.rows] == [4, 6]
    first, second = table.rows[0][1], table.rows[1][1]
    assert first == [CASE, datetime(2024, 3, 15), 12000]  # a date cell stays a date; a whole number is an int
    assert isinstance(first[2], int)
    assert second[:3] == ["（2024）内0602民初2号", datetime(2024, 3, 16), 1.5]


def test_xlsx_reads_the_first_worksheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "案件"
    first.append(["案号"])
    first.append([CASE])
    book.create_sheet("说明").append(["这不是案件"])
    book.save(tmp_path / "two.xlsx")
    assert read_table(tmp_path / "two.xlsx").rows == [(2, [CASE])]


def test_xlsx_is_known_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "cases.csv", [["案号"], [CASE]])
    assert read_table(path).rows == [(2, [CASE])]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_utf8_or_gbk(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "a.csv", [["案号", "当事人"], [CASE, "鄂尔多斯市东胜区张三"]], encoding=encoding)
    table = read_table(path)
    assert table.headers == ["案号", "当事人"]  # no BOM left on the first header
    assert table.rows == [(2, [CASE, "鄂尔多斯市东胜区张三"])]


@pytest.mark.parametrize("delimiter", [",", "\t", ";"], ids=["comma", "tab", "semicolon"])
def test_csv_separator_is_found(tmp_path: Path, delimiter: str) -> None:
    path = write_csv(tmp_path / "a.csv", [["案号", "当事人", "案由"], [CASE, "张三，李四", "民间借贷纠纷"]],
                     delimiter=delimiter)
    assert read_table(path).rows == [(2, [CASE, "张三，李四", "民间借贷纠纷"])]


def test_csv_row_numbers_are_records_as_excel_shows_them(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [[], ["案号", "当事人"], [CASE, "张三\n李四"], ["", ""],
                                          ["（2024）内0602民初2号", "王五"]])
    table = read_table(path)
    assert table.header_row == 2
    assert table.rows == [(3, [CASE, "张三\n李四"]), (5, ["（2024）内0602民初2号", "王五"])]


def test_header_only_is_a_table_without_rows(tmp_path: Path) -> None:
    assert read_table(write_csv(tmp_path / "a.csv", [["案号", "案由"]])) == Table(["案号", "案由"], [], 1, "")


def _damaged_xlsx(tmp: Path) -> Path:
    good = write_xlsx(tmp / "good.xlsx", [["案号"], [CASE]]).read_bytes()
    path = tmp / "damaged.xlsx"
    path.write_bytes(good[: len(good) // 2])
    return path


def _zip_not_workbook(tmp: Path) -> Path:
    path = tmp / "report.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    return path


def _ole(tmp: Path, name: str, body: bytes) -> Path:
    path = tmp / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + body + b"\x00" * 1024)
    return path


UNREADABLE = {
    "empty file": (lambda t: _write(t / "a.csv", b""), "空的"),
    "only blank lines": (lambda t: _write(t / "a.csv", b"\r\n ,, \r\n\r\n"), "没有任何内容"),
    "empty worksheet": (lambda t: write_xlsx(t / "a.xlsx", []), "没有任何内容"),
    "text named .xlsx": (lambda t: _write(t / "a.xlsx", "案号\n（2024）内0602民初1号\n".encode()), "不是有效的 Excel 工作簿"),
    "cut-off workbook": (_damaged_xlsx, "已损坏"),
    "zip that is no workbook": (_zip_not_workbook, "已损坏"),
    "old .xls": (lambda t: _ole(t, "a.xls", b"Workbook".decode().encode("utf-16-le")), "旧版 Excel"),
    "password-protected": (lambda t: _ole(t, "a.xlsx", "EncryptionInfo".encode("utf-16-le")), "密码"),
    "not a spreadsheet": (lambda t: _write(t / "a.pdf", b"%PDF-1.7\n"), "只能导入"),
    "binary .csv": (lambda t: _write(t / "a.csv", b"\x89PNG\r\n\x1a\n\x00\x00"), "不是文本文件"),
    "unknown encoding": (lambda t: _write(t / "a.csv", b"\xff\xfe\xff\xff,\xff\n"), "编码"),
    "missing file": (lambda t: t / "nowhere.xlsx", "找不到文件"),
    "a folder": (lambda t: t, "文件夹"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("make", "fragment"), UNREADABLE.values(), ids=UNREADABLE.keys())
def test_unreadable_files_say_why(tmp_path: Path, make: object, fragment: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(SheetError, match=fragment) as caught:
        read_table(path)
    assert caught.value.exit_status == 2


def test_openpyxl_loads_only_when_a_workbook_is_read() -> None:
    import subprocess
    import sys

    code = ("import sys, riskdesk.services, riskdesk.cli; riskdesk.cli.build_parser();"
            "sys.exit(1 if 'openpyxl' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_a_title_above_the_header_is_passed_over_when_the_header_is_recognised(tmp_path: Path) -> None:
    rows = [["东胜区人民法院 2024 年收案清单"], ["导出时间：2024-05-01", None, "共 1 件"], ["案号", "案由"], [CASE, "借款"]]
    path = write_xlsx(tmp_path / "a.xlsx", rows, blank_rows_above=1)
    found = read_table(path, is_header=lambda cells: "案号" in cells)
    assert (found.header_row, found.headers, found.rows) == (4, ["案号", "案由"], [(5, [CASE, "借款"])])
    plain = read_table(path)  # without a test, the first non-empty row is the header
    assert plain.header_row == 2 and [n for n, _ in plain.rows] == [3, 4, 5]
    never = read_table(path, is_header=lambda cells: False)  # none recognised: the first non-empty row again
    assert never == plain


def test_the_header_is_looked_for_only_among_the_first_rows(tmp_path: Path) -> None:
    rows = [[f"说明 {n}"] for n in range(1, 12)] + [["案号"], [CASE]]
    table = read_table(write_csv(tmp_path / "a.csv", rows), is_header=lambda cells: "案号" in cells)
    assert table.header_row == 1 and table.headers == ["说明 1"] and len(table.rows) == 12
