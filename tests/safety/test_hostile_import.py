"""Hostile files given to ``riskdesk case import``: one clear message, the right exit status, the database untouched.

"Untouched" is the SHA-256 over every row of every table, before and after (as in test_hostile_input).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from riskdesk.services import Services
from tests.safety.helpers import CASE, cli_inproc, one_line, table_hash
from tests.sheet_files import write_csv, write_xlsx


@pytest.fixture
def before(db_url: str, services: Services) -> str:
    services.cases.create(CASE, "民间借贷纠纷", "张三诉李四")
    return table_hash(db_url)


def _bytes(name: str, data: bytes) -> object:
    def make(d: Path) -> Path:
        (d / name).write_bytes(data)
        return d / name
    return make


def _truncated(d: Path) -> Path:
    data = write_xlsx(d / "full.xlsx", [["案号"], [CASE]]).read_bytes()
    (d / "cut.xlsx").write_bytes(data[:-200])
    return d / "cut.xlsx"


def _bad_xml(d: Path) -> Path:
    good = write_xlsx(d / "good.xlsx", [["案号"], [CASE]])
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(d / "bad.xlsx", "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            dst.writestr(item, b"<worksheet><sheetData><row" if item.filename.endswith("sheet1.xml") else body)
    return d / "bad.xlsx"


UNREADABLE = {
    "text file named .xlsx": _bytes("a.xlsx", "案号,案由\n(2024)内0602民初1号,借款\n".encode()),
    "truncated workbook": _truncated,
    "broken XML inside the workbook": _bad_xml,
    "binary garbage named .csv": _bytes("a.csv", bytes(range(256)) * 40),
    "empty file": _bytes("a.csv", b""),
}


@pytest.mark.parametrize("make", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_an_unreadable_file_exits_2_and_changes_nothing(tmp_path: Path, db_url: str, catalog_dir: Path,
                                                        before: str, make: object,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    capsys.readouterr()
    assert cli_inproc(db_url, catalog_dir, "case", "import", str(path)) == 2
    line = one_line(capsys.readouterr().err)
    assert path.name in line
    assert table_hash(db_url) == before


HOSTILE_CELLS = {
    "SQL-looking case number": "(2024)内0602民初1号'; DROP TABLE cases; --",
    "1,000 characters": "(2024)内0602民初" + "1" * 990 + "号",
    "control characters": "(2024)内0602\x1b[31m民初1号",
    "newline inside the cell": "(2024)内0602民初1号\n(2024)内0602民初2号",
}


@pytest.mark.parametrize("case_no", HOSTILE_CELLS.values(), ids=HOSTILE_CELLS.keys())
def test_a_hostile_case_number_is_a_bad_row_and_nothing_is_written(tmp_path: Path, db_url: str, catalog_dir: Path,
                                                                   before: str, case_no: str,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "a.csv", [["案号", "当事人"], ["(2024)内0602民初9号", "王五"], [case_no, "赵六"]])
    capsys.readouterr()
    assert cli_inproc(db_url, catalog_dir, "case", "import", str(path)) == 1
    captured = capsys.readouterr()
    bad = [line for line in captured.out.splitlines() if line.startswith("第 ")]
    assert len(bad) == 1 and bad[0].startswith("第 3 行：案号有误"), captured.out
    assert "\x1b" not in captured.out and "Traceback" not in captured.err
    assert table_hash(db_url) == before


def test_formula_looking_and_markup_cells_are_stored_as_text(tmp_path: Path, db_url: str, catalog_dir: Path,
                                                             services: Services) -> None:
    odd = ["=HYPERLINK(\"http://x\",\"点击\")", "<b>粗体</b>&amp;", "'); DELETE FROM cases; --"]
    path = write_csv(tmp_path / "a.csv", [["案号", "当事人", "案由", "承办人"], ["(2024)内0602民初9号", *odd]])
    assert cli_inproc(db_url, catalog_dir, "case", "import", str(path)) == 0
    case = services.cases.get("(2024)内0602民初9号")
    assert [case.parties, case.cause, case.judge] == odd
