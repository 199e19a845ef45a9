"""``riskdesk stats`` and ``riskdesk demo-data``."""

from __future__ import annotations

import argparse
from typing import TextIO

from riskdesk.cli.common import EXIT_OK, SubParsers, opened, print_json
from riskdesk.domain.model import Stage


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("stats", help="统计：各环节已开始、已完成的案件数及核查结果合计", parents=[common])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_stats)
    p = sub.add_parser("demo-data", help="生成可重复的演示/基准测试数据（只写入空数据库）", parents=[common])
    p.add_argument("--cases", type=int, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.add_argument("--append", action="store_true", help="数据库已有案件时仍追加（慎用）")
    p.set_defaults(handler=_demo_data)


def _stats(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        table = svc.cases.all_counts()
    rows: list[dict[str, int | str | float | None]] = []
    for stage in Stage:
        started, finished, c = table.stage_summary(stage)
        rate = c.risk_rate
        rows.append({"stage": stage.value, "cases_started": started, "cases_complete": finished, **c.as_dict(),
                     "risk_rate": round(rate, 4) if rate is not None else None})
    if args.json:
        print_json(rows, out, indent=1)
        return EXIT_OK
    print("环节\t已开始\t已完成\t已核查/适用\t存在风险\t不适用\t按案件类型不适用", file=out)
    for stage in Stage:
        started, finished, c = table.stage_summary(stage)
        print(f"{stage.label_zh}\t{started}\t{finished}\t{c.reviewed}/{c.applicable}\t{c.risk}\t{c.na}\t{c.settled}",
              file=out)
    return EXIT_OK


def _demo_data(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.services.demo_data import generate

    with opened(args) as svc:
        n = generate(svc.db, svc.catalogs, args.cases, args.seed, append=args.append)
    print(f"已生成 {n} 件演示案件（种子 {args.seed}），每件立案、审判、执行各 100 项", file=out)
    return EXIT_OK
