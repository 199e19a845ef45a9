"""``riskdesk pdf …``: guidance sheets, blank paper checklists and case reports."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from riskdesk.domain.model import Stage


def _stage(text: str) -> Stage:
    try:
        return Stage.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    pdf = sub.add_parser("pdf", help="打印 PDF：风险提示与操作指引、空白核查清单、案件核查报告",
                         parents=[common]).add_subparsers(dest="pdf_cmd", required=True)
    stage_help = "阶段：filing（立案）、trial（审判）或 enforcement（执行）"
    p = pdf.add_parser("guidance", help="某一环节的《风险提示与操作指引》", parents=[common])
    p.add_argument("--stage", required=True, type=_stage, metavar="STAGE", help=stage_help)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="保存的 PDF 文件")
    p.set_defaults(handler=_guidance)
    p = pdf.add_parser("blank", help="某一环节的空白纸质核查清单", parents=[common])
    p.add_argument("--stage", required=True, type=_stage, metavar="STAGE", help=stage_help)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="保存的 PDF 文件")
    p.set_defaults(handler=_blank)
    p = pdf.add_parser("case", help="案件的风险核查报告（已开始核查的环节）", parents=[common])
    p.add_argument("case_no", metavar="CASE_NO", help="案号，例如 (2024)内0602民初123号")
    p.add_argument("--stage", action="append", type=_stage, metavar="STAGE",
                   help=stage_help + "；可重复；默认为所有已开始核查的环节")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="保存的 PDF 文件")
    p.set_defaults(handler=_case)


def _guidance(args: argparse.Namespace, out: TextIO) -> int:
    return _make(args, out, lambda reports: reports.guidance_pdf(args.stage),
                 f"{args.stage.label_zh}环节风险提示与操作指引")


def _blank(args: argparse.Namespace, out: TextIO) -> int:
    return _make(args, out, lambda reports: reports.blank_pdf(args.stage), f"{args.stage.label_zh}环节空白核查清单")


def _case(args: argparse.Namespace, out: TextIO) -> int:
    return _make(args, out, lambda reports: reports.case_pdf(args.case_no, args.stage), "案件风险核查报告")


def _make(args: argparse.Namespace, out: TextIO, render: Any, what: str) -> int:
    from riskdesk.cli import services_for
    from riskdesk.services.report_service import ReportService

    svc = services_for(args)
    try:
        reports = ReportService(svc)
        data = render(reports)
        path = reports.write(args.output, data)
    finally:
        svc.close()
    print(f"已生成{what}：{path}", file=out)
    return 0
