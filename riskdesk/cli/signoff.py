"""``riskdesk checklist …`` (sign-off), ``riskdesk audit …`` and ``riskdesk verify``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from riskdesk.cli.common import EXIT_FAILED, EXIT_OK, SubParsers, opened, print_json, stage_arg
from riskdesk.domain.signoff import SignOff
from riskdesk.services.errors import InvalidInput, NotFound

_STAGE_HELP = "阶段：filing（立案）、trial（审判）或 enforcement（执行）"


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    cl = sub.add_parser("checklist", help="清单审核：提交、撤回、审核通过、退回",
                        parents=[common]).add_subparsers(dest="checklist_cmd", required=True)
    for name, help_text in (("submit", "提交清单待审核（须全部核查完毕，存在风险和不适用的须有备注）"),
                            ("withdraw", "撤回已提交、尚未审核的清单（限提交人）"),
                            ("approve", "审核通过（审核人不能是提交人）"),
                            ("return", "退回清单（须写明意见）")):
        p = cl.add_parser(name, help=help_text, parents=[common])
        p.add_argument("case_no", metavar="CASE_NO")
        p.add_argument("stage", metavar="STAGE", type=stage_arg, help=_STAGE_HELP)
        p.add_argument("--comment", default="", help="意见（退回时必填）")
        p.add_argument("--by", default=None, help="操作人（单机数据库；默认：设置中的承办人）")
        p.set_defaults(handler=_checklist, action=name)
    audit = sub.add_parser("audit", help="审计记录：校验、查看", parents=[common]).add_subparsers(dest="audit_cmd",
                                                                                              required=True)
    p = audit.add_parser("verify", help="校验整个审计记录（哈希链）是否被改动", parents=[common])
    p.set_defaults(handler=_audit_verify)
    p = audit.add_parser("log", help="一个案件的全部记录：谁、何时、改了什么、理由", parents=[common])
    p.add_argument("case_no", metavar="CASE_NO")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_audit_log)
    p = sub.add_parser("verify", help="核对打印的案件核查报告是否为最新（PDF 文件或校验码）", parents=[common])
    p.add_argument("file", nargs="?", metavar="FILE.pdf")
    p.add_argument("--code", default=None, metavar="TEXT", help="报告上二维码的内容（扫码所得）")
    p.set_defaults(handler=_verify)


def signoff_line(signoff: SignOff) -> str:
    parts = [signoff.state.label_zh]
    if signoff.submitted_by:
        parts.append(f"提交：{signoff.submitted_by}")
    if signoff.reviewed_by:
        parts.append(f"审核：{signoff.reviewed_by}")
    if signoff.comment:
        parts.append(f"意见：{signoff.comment}")
    return "，".join(parts)


def _checklist(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args, actor_name=args.by) as svc:
        view = svc.checklists.open_by_case_no(args.case_no, args.stage)
        cl = view.info.id
        if args.action == "submit":
            changed = svc.signoff.submit(cl, args.comment)
        elif args.action == "withdraw":
            changed = svc.signoff.withdraw(cl)
        elif args.action == "approve":
            changed = svc.signoff.approve(cl, args.comment)
        else:
            changed = svc.signoff.return_(cl, args.comment)
        if args.action == "submit":
            for line in svc.signoff.changes_since_return(cl):
                print(f"  自退回后修改：{line.point_id} {line.before} → {line.after}（{line.by}）", file=out)
    print(f"{args.stage.label_zh}环节清单：{signoff_line(changed.signoff)}", file=out)
    return EXIT_OK


def _audit_verify(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        verdict = svc.audit.verify()
    if verdict.ok:
        print(f"审计记录完整：共 {verdict.checked} 条，哈希链一致", file=out)
        return EXIT_OK
    where = f"（{verdict.where}）" if verdict.where else ""
    print(f"审计记录被改动：{verdict.problem}{where}；此前 {verdict.checked} 条一致", file=out)
    return EXIT_FAILED


def _audit_log(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        entries = svc.audit.case_log(args.case_no)
    if args.json:
        print_json([e.as_dict() for e in entries], out)
        return EXIT_OK
    for e in entries:
        role = f"（{e.role}）" if e.role else ""
        why = f"　理由：{e.reason}" if e.reason else ""
        print(f"{e.seq}\t{e.at:%Y-%m-%d %H:%M}\t{e.who}{role}\t{e.what}：{e.old or '—'} → {e.new or '—'}{why}",
              file=out)
    return EXIT_OK


def _verify(args: argparse.Namespace, out: TextIO) -> int:
    if (args.file is None) == (args.code is None):
        raise InvalidInput("请给出报告 PDF 文件，或用 --code 给出校验码（二者取一）")
    with opened(args) as svc:
        try:
            result = svc.verification.check_pdf(Path(args.file)) if args.file else svc.verification.check(args.code)
        except NotFound as exc:
            print(f"不一致：{exc}", file=out)
            return EXIT_FAILED
    if result.ok:
        print(f"一致：{result.case_no} 的核查记录和审核状态自打印以来没有改变", file=out)
        return EXIT_OK
    print(f"不一致：{result.case_no} 自打印以来有改变：", file=out)
    for line in result.differences:
        print(f"  {line}", file=out)
    return EXIT_FAILED
