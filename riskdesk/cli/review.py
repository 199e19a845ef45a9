"""``riskdesk review CASE POINT STATUS``: record one answer, as the window's status keys do."""

from __future__ import annotations

import argparse
from typing import TextIO

from riskdesk.cli.common import EXIT_OK, SubParsers, opened
from riskdesk.domain.model import Stage, Status
from riskdesk.services.errors import InvalidInput


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("review", help="记录一个风险点的核查结果", parents=[common])
    p.add_argument("case_no", metavar="CASE_NO")
    p.add_argument("point_id", metavar="POINT_ID", help="风险点编号，例如 LA-001（立案）、SP-010（审判）、ZX-100（执行）")
    p.add_argument("status", metavar="STATUS", help="unreviewed（未核查）、clear（无风险）、risk（存在风险）或 na（不适用）")
    p.add_argument("--note", default=None, help="备注")
    p.add_argument("--by", default=None, help="核查人（默认：设置中的承办人）")
    p.add_argument("--reason", default="", help="修改已审核通过的清单时必须写明理由")
    p.set_defaults(handler=_review)


def _review(args: argparse.Namespace, out: TextIO) -> int:
    try:
        stage = Stage.from_point_id(args.point_id)
        status = Status.parse(args.status)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc
    point_id = args.point_id.strip().upper()
    with opened(args, actor_name=args.by) as svc:
        try:
            svc.catalogs.catalog.point(point_id)
        except KeyError:
            raise InvalidInput(f"风险点 {point_id} 不在当前目录中（{stage.label_zh}阶段编号为 {stage.prefix}-001 至 "
                               f"{stage.prefix}-100）") from None
        view = svc.checklists.open_by_case_no(args.case_no, stage)
        result = svc.answers.set_status(view.info.id, point_id, status, reason=args.reason).result
        if args.note is not None:
            result = svc.answers.set_note(view.info.id, point_id, args.note, reason=args.reason).result
    print(f"已保存：{point_id} {result.status.label_zh}" + (f"（备注：{result.note}）" if result.note else ""), file=out)
    return EXIT_OK
