"""Case import: 10,000 generated rows in an .xlsx imported into a fresh database.

Timed from the file to the committed transaction, as a user waits for it: reading the workbook,
checking every row against the database (``plan``), and writing them (``run``). Each run gets a new
database; the figure is the median of the runs. ``python bench/import_bench.py [ROWS]`` prints JSON.
Target: ≤ 10,000 ms for 10,000 rows.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

HEADERS = ["案号", "案由", "当事人", "承办人", "立案日期", "承办部门", "程序", "原审案号/执行依据"]
CAUSES = ("民间借贷纠纷", "买卖合同纠纷", "金融借款合同纠纷", "房屋租赁合同纠纷", "离婚纠纷", "物业服务合同纠纷")
JUDGES = ("王法官", "李法官", "张法官", "刘法官", "陈法官")
DEPARTMENTS = ("民一庭", "民二庭", "立案庭", "执行局")


def write_workbook(path: Path, rows: int) -> Path:
    """``rows`` cases as a court's export has them: civil first instance with 程序, enforcement with 执行依据."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("案件")
    sheet.append(HEADERS)
    start = date(2024, 1, 2)
    for n in range(1, rows + 1):
        filed = start + timedelta(days=n % 300)
        if n % 4 == 0:
            sheet.append([f"(2024)内0602执{n}号", CAUSES[n % 6], f"申请人{n}申请执行被执行人{n}", JUDGES[n % 5], filed,
                          "执行局", None, f"(2023)内0602民初{n}号"])
        else:
            sheet.append([f"(2024)内0602民初{n}号", CAUSES[n % 6], f"原告{n}诉被告{n}", JUDGES[n % 5], filed,
                          DEPARTMENTS[n % 3], ("普通", "简易", "小额")[n % 3], None])
    book.save(path)
    return path


def import_once(book: Path, db: Path, rows: int) -> float:
    from riskdesk.bootstrap import StartOptions, open_services

    svc = open_services(StartOptions(str(db)), backups=False)
    try:
        t = time.perf_counter()
        result = svc.imports.run(svc.imports.plan(book))
        elapsed = (time.perf_counter() - t) * 1000
        assert result.new == rows and not result.skipped, result.summary()
    finally:
        svc.close()
    return elapsed


def measure(rows: int = 10_000, runs: int = 3) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        book = write_workbook(Path(tmp) / "cases.xlsx", rows)
        times = [import_once(book, Path(tmp) / f"import-{i}.db", rows) for i in range(runs)]
    return {"import_10k_ms": round(statistics.median(times), 1), "import_rows": rows}


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000), ensure_ascii=False))
