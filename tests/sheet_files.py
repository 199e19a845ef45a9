"""Real spreadsheet files for import tests: .xlsx written with openpyxl, .csv in any encoding."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import openpyxl

HEADERS = ["案号", "案由", "当事人", "承办人", "立案日期", "承办部门", "程序", "原审案号/执行依据"]


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], *, title: str = "案件", blank_rows_above: int = 0,
               date_format: str | None = None) -> Path:
    """One worksheet; ``rows`` from the header on, after ``blank_rows_above`` empty rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for r, row in enumerate(rows, start=1 + blank_rows_above):
        for c, value in enumerate(row, start=1):
            if value is not None:
                cell = sheet.cell(row=r, column=c, value=value)
                if date_format and not isinstance(value, str | int | float):
                    cell.number_format = date_format
    book.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[object]], *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(
        ["" if v is None else str(v) for v in row] for row in rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path
