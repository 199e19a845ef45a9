"""``riskdesk pdf guidance|blank|case``: the same documents as the window's 打印 / 导出."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

from riskdesk.cli.common import EXIT_OK, SubParsers, opened, stage_arg
from riskdesk.services.report_service import Document, ReportService

_STAGE_HELP = "阶段：filing（立案）、trial（审判）或 enforcement（执行）"


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    pdf = sub.add_parser("pdf", help="打印 PDF：风险提示与操作指引、空白核查清单、案件核查报告",
                         parents=[common]).add_subparsers(dest="pdf_cmd", required=True)
    p = pdf.add_parser("guidance", help="某一环节的《风险提示与操作指引》", parents=[common])
    p.add_argument("--stage", required=True, type=stage_arg, metavar="STAGE", help=_STAGE_HELP)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="保存的 PDF 文件")
    p.set_defaults(handler=lambda a, o: _make(a, o, lambda r: r.guidance_document(a.stage)))
    p = pdf.add_parser("blank", help="某一环节的空白纸质核查清单", parents=[common])
    p.add_argument("--stage", required=True, type=stage_arg, metavar="STAGE", help=_STAGE_HELP)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="保存的 PDF 文件")
    p.set_defaults(handler=lambda a, o: _make(a, o, lambda r: r.blank_document(a.stage)))
    p = pdf.add_parser("case", help="案件的风险核查报告（已开始核查的环节）", parents=[common])
    p.add_argument("case_no", metavar="CASE_NO", help="案号，例如 (2024)内0602民初123号")
    p.add_argument("--stage", action="append", type=stage_arg, metavar="STAGE",
                   help=_STAGE_HELP + "；可重复；默认为所有已开始核查的环节")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="保存的 PDF 文件")
    p.set_defaults(handler=lambda a, o: _make(a, o, lambda r: r.case_document(a.case_no, a.stage)))


def _make(args: argparse.Namespace, out: TextIO, document: Callable[[ReportService], Document]) -> int:
    with opened(args) as svc:
        doc = document(svc.reports)
        path = svc.reports.write(args.output, doc.render())
    print(f"已生成{doc.title}：{path}", file=out)
    return EXIT_OK
