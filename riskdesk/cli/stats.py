"""``riskdesk stats`` (breakdowns, an xlsx workbook, a recount) and ``riskdesk demo-data``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from riskdesk.cli.common import EXIT_OK, SubParsers, opened, print_json
from riskdesk.domain.stats import Breakdown, Period, StatsTable
from riskdesk.services import Services

_BY_CHOICES = "、".join(f"{b.value}（{b.label_zh}）" for b in Breakdown)


def period_arg(text: str) -> Period:
    try:
        return Period.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _by_arg(text: str) -> Breakdown:
    try:
        return Breakdown.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _scope_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--period", type=period_arg, metavar="P",
                   help="统计期间：2026、2026-Q3、2026-07 或 2026-01..2026-06（按检查单开始的月份；默认全部）")
    p.add_argument("--department", metavar="D", help="只统计该庭室（默认全院；庭长只能统计本庭室）")


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("stats", help="统计：按环节、流程节点、风险点、庭室或月份分组的核查结果", parents=[common])
    p.add_argument("--json", action="store_true", help="以 JSON 输出（by、rows、total）")
    p.add_argument("--by", type=_by_arg, default=Breakdown.STAGE, metavar="B", help=f"分组：{_BY_CHOICES}；默认 stage")
    _scope_args(p)
    p.set_defaults(handler=_stats)
    more = p.add_subparsers(dest="stats_cmd", metavar="{export,rebuild}")
    e = more.add_parser("export", help="导出统计表（xlsx：概要、各分组一张工作表、重点风险点）", parents=[common])
    e.add_argument("--format", choices=("xlsx",), default="xlsx")
    _scope_args(e)
    e.add_argument("-o", "--output", required=True, metavar="FILE")
    e.set_defaults(handler=_export)
    r = more.add_parser("rebuild", help="按已保存的核查结果重新计算统计数据（手工恢复数据库之后）", parents=[common])
    r.set_defaults(handler=_rebuild)
    p = sub.add_parser("demo-data", help="生成可重复的演示/基准测试数据（只写入空数据库）", parents=[common])
    p.add_argument("--cases", type=int, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.add_argument("--append", action="store_true", help="数据库已有案件时仍追加（慎用）")
    p.set_defaults(handler=_demo_data)


def _period(svc: Services, args: argparse.Namespace) -> Period:
    given: Period | None = args.period
    return given if given is not None else svc.stats.whole_period()


def _stats(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        period = _period(svc, args)
        table = svc.stats.table(args.by, period, args.department)
        scope = svc.stats.scope(args.department).label
    if args.json:
        print_json(table.as_dict(), out, indent=1)
        return EXIT_OK
    _print_table(table, f"{period.label}　{scope}", out)
    return EXIT_OK


def _rate(rate: float | None) -> str:
    return f"{rate:.1%}" if rate is not None else "—"


def _print_table(table: StatsTable, heading: str, out: TextIO) -> None:
    print(f"{heading}　按{table.by.label_zh}", file=out)
    print(f"{table.by.label_zh}\t检查单\t已作答\t存在风险\t无风险\t不适用\t按案件类型免查\t存在风险率", file=out)
    for r in [*table.rows, None]:
        label, t = ("合计", table.total) if r is None else (r.label, r.tally)
        print(f"{label}\t{t.checklists}\t{t.answered}\t{t.risk}\t{t.clear}\t{t.na}\t{t.settled}\t{_rate(t.risk_rate)}",
              file=out)
    if table.by in (Breakdown.NODE, Breakdown.POINT):
        print("（一份检查单含多个流程节点和风险点，各行检查单数不相加）", file=out)


def _export(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        period = _period(svc, args)
        path = svc.stats.export_xlsx(Path(args.output).expanduser().absolute(), period, args.department)
    print(f"已导出统计表（{period.label}）：{path}", file=out)
    return EXIT_OK


def _rebuild(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        n = svc.stats.rebuild()
    print(f"已按保存的核查结果重新计算统计数据：{n} 份检查单", file=out)
    return EXIT_OK


def _demo_data(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.services.demo_data import generate

    with opened(args) as svc:
        n = generate(svc.db, svc.catalogs, args.cases, args.seed, append=args.append)
    print(f"已生成 {n} 件演示案件（种子 {args.seed}），每件立案、审判、执行各 100 项", file=out)
    return EXIT_OK
