"""``riskdesk report bulletin``: the 风险防控工作通报 PDF, the same document as the statistics window's."""

from __future__ import annotations

import argparse
from typing import TextIO

from riskdesk.cli.common import EXIT_OK, SubParsers, opened
from riskdesk.domain.stats import Period
from riskdesk.services.errors import InvalidInput


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    report = sub.add_parser("report", help="统计通报 PDF", parents=[common]).add_subparsers(
        dest="report_cmd", required=True)
    p = report.add_parser("bulletin", help="《风险防控工作通报》：核查、风险、整改的统计与图表", parents=[common])
    p.add_argument("--period", required=True, metavar="PERIOD",
                   help="统计期间：2026（全年）、2026-Q3（季度）、2026-07（月）或 2026-01..2026-06（连续月份）")
    p.add_argument("--department", default=None, metavar="庭室", help="只统计一个庭室（默认：本人可查看的全部范围）")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="保存的 PDF 文件")
    p.set_defaults(handler=_bulletin)


def _bulletin(args: argparse.Namespace, out: TextIO) -> int:
    # The period is checked before the database is opened: a typo costs nothing and writes nothing.
    try:
        period = Period.parse(args.period)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    department = (args.department or "").strip() or None
    with opened(args) as svc:
        doc = svc.reports.bulletin_document(period, department)
        path = svc.reports.write(args.output, doc.render())
    print(f"已生成{doc.title}（{period.label}）：{path}", file=out)
    return EXIT_OK
