"""``riskdesk case import FILE``: a spreadsheet of cases into the database, all or nothing.

Exit status: 0 imported (or ``--dry-run`` found nothing wrong); 1 rows are wrong and nothing was
written; 2 the file cannot be read or has no 案号 column.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from riskdesk.cli.common import EXIT_FAILED, EXIT_OK, SubParsers, fail, opened, print_json
from riskdesk.services.case_import import LABELS, ImportPlan, ImportResult, Outcome


def add_import(case: SubParsers, common: argparse.ArgumentParser) -> None:
    """Adds ``import`` to the ``case`` group's sub-commands."""
    p = case.add_parser(
        "import", help="从表格导入案件（.xlsx 或 .csv）", parents=[common],
        description="按表头识别列：案号（必需）、案由、当事人、承办人、立案日期、承办部门、程序、原审案号/执行依据。"
                    "任何一行有误则不导入任何案件，并列出每一行的行号和原因。再次导入同一文件不会改变任何内容；"
                    "已有案件的行只改动表中给出的内容，改动记入案件记录。")
    p.add_argument("file", metavar="FILE", help="Excel 工作簿（.xlsx）或 CSV 文件（UTF-8 或 GBK 编码）")
    p.add_argument("--skip-bad", action="store_true", help="导入无误的行，跳过并列出有误的行")
    p.add_argument("--dry-run", action="store_true", help="只检查并列出导入将做的改动，不写入数据库")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    p.set_defaults(handler=_import)


def _import(args: argparse.Namespace, out: TextIO) -> int:
    path = Path(args.file)
    with opened(args) as svc:
        plan = svc.imports.plan(path)
        refused = bool(plan.bad) and not args.skip_bad
        result = None if refused else svc.imports.run(plan, skip_bad=args.skip_bad, dry_run=args.dry_run)
    if args.json:
        print_json(_as_json(plan, result, args.dry_run), out)
    else:
        _print(plan, result, args.dry_run, out)
    if refused:
        then = "导入时将不导入任何案件" if args.dry_run else "未导入任何案件"
        return fail(f"有 {len(plan.bad)} 行有误，{then}；改正后重新导入，或加 --skip-bad 只导入无误的行", EXIT_FAILED)
    return EXIT_OK


def _print(plan: ImportPlan, result: ImportResult | None, dry_run: bool, out: TextIO) -> None:
    name = plan.source.name
    if result is None:
        print(f"{'试运行，未写入' if dry_run else '未导入'} {name}：{plan.summary()}", file=out)
    else:
        print(f"{'试运行，未写入' if dry_run else '已导入'} {name}：{result.summary()}", file=out)
    if plan.ignored:
        print(f"忽略的列：{'、'.join(plan.ignored)}", file=out)
    updates = [r for r in plan.rows if r.outcome is Outcome.UPDATE]
    if updates:
        print("将更新的案件：" if dry_run or result is None else "更新的案件：", file=out)
        for r in updates:
            print(f"  {r.case_no}（第 {r.row} 行）：{r.detail}", file=out)
    bad = plan.bad if result is None else result.skipped
    if bad:
        print("有误的行（已跳过）：" if result is not None and not dry_run else "有误的行：", file=out)
        for r in bad:
            print(r.message, file=out)


def _as_json(plan: ImportPlan, result: ImportResult | None, dry_run: bool) -> dict[str, Any]:
    status = "refused" if result is None else "dry_run" if dry_run else "imported"
    return {
        "file": str(plan.source), "status": status, "header_row": plan.header_row,
        "columns": [{"header": header, "field": LABELS[f]} for f, header in plan.columns],
        "ignored_columns": list(plan.ignored),
        "new": plan.count(Outcome.NEW) if result is None else result.new,
        "updated": plan.count(Outcome.UPDATE) if result is None else result.updated,
        "unchanged": plan.count(Outcome.UNCHANGED) if result is None else result.unchanged,
        "skipped": 0 if result is None else len(result.skipped),
        "bad_rows": [{"row": r.row, "case_no": r.case_no, "reason": r.reason}
                     for r in (plan.bad if result is None else result.skipped)],
        "updates": [{"row": r.row, "case_no": r.case_no,
                     "changes": [{"field": LABELS[c.field], "old": c.old, "new": c.new} for c in r.changes]}
                    for r in plan.rows if r.outcome is Outcome.UPDATE],
    }
