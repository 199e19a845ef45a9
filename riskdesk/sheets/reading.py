"""A spreadsheet file as a table: its header row and every row below it, with the spreadsheet's own row numbers.

``.xlsx`` through openpyxl (first worksheet; values, not formulas), ``.csv`` in UTF-8 (with or without
BOM) or GBK/GB18030, separated by commas, tabs or semicolons. The header row is the first row that is
not empty, or the first the caller recognises (a title may come above it). Cells keep their type: dates
stay dates, whole numbers are ints, text is text.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from riskdesk.domain.errors import RiskDeskError

Cell = str | int | float | bool | date | datetime | time | None

HeaderTest = Callable[[list[Cell]], bool]
HEADER_SEARCH = 10  # non-empty rows looked through for the header (a title, a date, a note may come first)
MAX_ROWS = 200_000  # a case list is thousands of rows; more is a wrong file, not a court's cases
XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and password-protected workbooks
# The stream an encrypted OOXML package carries, named in UTF-16-LE.
_ENCRYPTED = b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00"
_ENCODINGS = ("utf-8-sig", "gb18030")  # GB18030 reads GBK and GB2312 files as well
_DELIMITERS = (",", "\t", ";")


class SheetError(RiskDeskError):
    """The file cannot be read as a table; the message says why and what to do (exit status 2)."""

    exit_status = 2


@dataclass(frozen=True)
class Table:
    """``rows`` are (row number as the spreadsheet shows it, cells), rows with nothing in them left out."""

    headers: list[str]
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    header_row: int = 1
    sheet: str = ""  # the worksheet read (workbooks only)


def read_table(path: Path, is_header: HeaderTest | None = None) -> Table:
    """Read ``path`` (.xlsx or .csv, told apart by content as well as by name) or raise SheetError.

    ``is_header`` recognises the header row when a title or notes come above it (see ``_table``).
    """
    head = _head(path)
    suffix = path.suffix.lower()
    if head.startswith(_OLE2):
        if _is_encrypted(path):
            raise SheetError(f"工作簿设有打开密码，无法读取：{path.name}。请在 Excel 中取消密码（文件 ▸ 信息 ▸ 保护工作簿）"
                             "后另存为 .xlsx 再导入")
        raise SheetError(f"{path.name} 是旧版 Excel（.xls）文件，无法直接读取：请在 Excel 中另存为 .xlsx 或 CSV 后再导入")
    if head.startswith(_ZIP):
        return _read_xlsx(path, is_header)
    if suffix in XLSX_SUFFIXES:
        raise SheetError(f"{path.name} 不是有效的 Excel 工作簿（文件名是 {suffix}，内容却不是）；请在 Excel 中重新另存为 .xlsx")
    if suffix not in CSV_SUFFIXES:
        raise SheetError(f"无法导入 {path.name}：只能导入 Excel 工作簿（.xlsx）或 CSV 文件（.csv）")
    return _read_csv(path, is_header)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except FileNotFoundError:
        raise SheetError(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise SheetError(f"{path} 是文件夹，不是表格文件") from None
    except PermissionError:
        raise SheetError(f"没有权限读取文件：{path}") from None
    except OSError as exc:
        raise SheetError(f"无法读取文件 {path}：{exc.strerror or exc}") from None
    if not head:
        raise SheetError(f"文件是空的：{path.name}")
    return head


def _is_encrypted(path: Path) -> bool:
    with path.open("rb") as f:
        return _ENCRYPTED in f.read(16 * 1024 * 1024)  # the stream directory sits near the start


def _table(path: Path, rows: Any, sheet: str = "", is_header: HeaderTest | None = None) -> Table:
    """The header row, then every later row that is not empty, each with its number.

    The header is the first non-empty row ``is_header`` accepts among the first few (rows above it,
    such as a title, are left out), else the first non-empty row.
    """
    headers: list[str] | None = None
    header_row = 0
    before: list[tuple[int, list[Cell]]] = []  # non-empty rows while the header is still being looked for
    out: list[tuple[int, list[Cell]]] = []
    for number, raw in rows:
        cells = [_cell(v) for v in raw]
        while cells and _blank(cells[-1]):
            cells.pop()
        if not cells:
            continue
        if headers is None:
            before.append((number, cells))
            if is_header is not None and not is_header(cells) and len(before) < HEADER_SEARCH:
                continue
            found = len(before) - 1 if is_header is None or is_header(cells) else 0
            (header_row, first), out = before[found], before[found + 1:]
            headers = ["" if c is None else str(c) for c in first]
            continue
        out.append((number, cells))
        if len(out) > MAX_ROWS:
            raise SheetError(f"{path.name} 超过 {MAX_ROWS} 行，请分成几个文件导入")
    if headers is None and before:  # fewer rows than the search: none was accepted, take the first
        (header_row, first), out = before[0], before[1:]
        headers = ["" if c is None else str(c) for c in first]
    if headers is None:
        raise SheetError(f"{path.name} 中没有任何内容" + (f"（工作表“{sheet}”是空的）" if sheet else ""))
    return Table(headers, out, header_row, sheet)


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _cell(value: Any) -> Cell:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if value is None or isinstance(value, str | int | float | bool | date | time):  # datetime is a date
        return value
    return str(value)  # a duration, an error value: its text


def _read_xlsx(path: Path, is_header: HeaderTest | None) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # A file object, not the name: openpyxl would refuse a workbook whose name does not end in .xlsx.
        with path.open("rb") as f:
            book = load_workbook(f, read_only=True, data_only=True)
            try:
                if not book.worksheets:
                    raise SheetError(f"{path.name} 中没有工作表")
                sheet = book.worksheets[0]
                sheet.reset_dimensions()  # some programs write a wrong size; read every row there is
                # Missing rows come back empty, so counting from 1 gives the row numbers Excel shows.
                return _table(path, enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1), sheet.title,
                              is_header)
            finally:
                book.close()
    except SheetError:
        raise
    except (zipfile.BadZipFile, EOFError) as exc:
        raise SheetError(f"{path.name} 已损坏（文件不完整），无法读取；请在 Excel 中打开并重新另存为 .xlsx") from exc
    except (InvalidFileException, KeyError) as exc:
        raise SheetError(f"{path.name} 已损坏或不是 Excel 工作簿（缺少工作簿的组成部分）；请在 Excel 中打开并重新另存为 .xlsx"
                         ) from exc
    except Exception as exc:  # malformed XML or parts inside a readable package
        raise SheetError(f"无法读取 {path.name}：工作簿内容有误（{_reason(exc)}）；请在 Excel 中打开并重新另存为 .xlsx") from exc


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "…"


def _read_csv(path: Path, is_header: HeaderTest | None) -> Table:
    data = path.read_bytes()
    if b"\x00" in data:
        raise SheetError(f"{path.name} 不是文本文件（CSV），无法导入；Excel 文件请另存为 .xlsx")
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SheetError(f"无法识别 {path.name} 的文字编码：请另存为 UTF-8 或 GBK 编码的 CSV 文件")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        # A record that spans lines inside quotes is still one row, as Excel shows it.
        return _table(path, enumerate(reader, start=1), is_header=is_header)
    except csv.Error as exc:
        raise SheetError(f"{path.name} 不是有效的 CSV 文件（{exc}）") from exc


def _delimiter(text: str) -> str:
    """The separator of the first non-empty line: whichever of comma, tab and semicolon it has most of."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max(_DELIMITERS, key=first.count) if any(d in first for d in _DELIMITERS) else ","
