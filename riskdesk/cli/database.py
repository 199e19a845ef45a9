"""``riskdesk db backup|restore|check``: the database file itself; ``db copy``: cases from one database into another."""

from __future__ import annotations

import argparse
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TextIO

from riskdesk.bootstrap import Environment, StartOptions, open_services, sign_in
from riskdesk.cli.common import EXIT_FAILED, EXIT_OK, SubParsers, ask_password, print_json, require_db_file
from riskdesk.services import Services, database_files
from riskdesk.services.errors import InvalidInput


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    db = sub.add_parser("db", help="数据库：备份、恢复、检查", parents=[common]).add_subparsers(dest="db_cmd",
                                                                                          required=True)
    p = db.add_parser("backup", help="把数据库备份到一个文件", parents=[common])
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=_backup)
    p = db.add_parser("restore", help="用备份文件替换数据库（被替换的文件会另存保留）", parents=[common])
    p.add_argument("backup", metavar="FILE")
    p.set_defaults(handler=_restore)
    p = db.add_parser("check", help="检查数据库完整性并列出自动备份", parents=[common])
    p.set_defaults(handler=_check)
    p = db.add_parser("copy", parents=[common], help="把一个数据库的案件迁入另一个数据库（单机文件迁入共享数据库，或迁出到新的单机文件）",
                      description="由管理员在共享数据库上登录后运行（--user 或 RISKDESK_USER，密码取自 RISKDESK_PASSWORD）。"
                                  "源数据库只读不改；目标数据库在一个事务中写入，已有的案号逐点比对，不覆盖。")
    p.add_argument("--from", dest="source", required=True, metavar="FILE", help="源数据库文件（只读取）")
    p.add_argument("--to", dest="target", required=True, metavar="FILE_OR_URL", help="目标数据库（文件不存在时新建单机文件）")
    p.add_argument("--dry-run", action="store_true", help="只列出将新增、相同和冲突的案件，不写入")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_copy)


def _backup(args: argparse.Namespace, out: TextIO) -> int:
    target = database_files.backup_to(require_db_file(args), Path(args.output))
    print(f"已备份到 {target}", file=out)
    return EXIT_OK


def _restore(args: argparse.Namespace, out: TextIO) -> int:
    path = require_db_file(args)
    source = Path(args.backup).expanduser().resolve()
    kept = database_files.restore_from(source, path)
    print(f"已从 {source} 恢复数据库 {path}", file=out)
    if kept is not None:
        print(f"原数据库文件已另存为 {kept}", file=out)
    return EXIT_OK


def _check(args: argparse.Namespace, out: TextIO) -> int:
    path = require_db_file(args)
    if not path.exists():
        print(f"数据库文件不存在：{path}", file=out)
        return EXIT_FAILED
    result = database_files.check(path)
    print(f"{path}：{'完好' if result.ok else '有问题：' + result.detail}", file=out)
    for b in result.backups[:10]:
        print(f"  备份 {b}", file=out)
    return EXIT_OK if result.ok else EXIT_FAILED


def _copy(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.services.db_copy import DatabaseCopy, Side
    from riskdesk.services.db_copy_files import prepare_source, prepare_target

    env = Environment.read()
    catalog = getattr(args, "catalog", None)
    with tempfile.TemporaryDirectory(prefix="riskdesk-copy-") as work, ExitStack() as stack:
        source = prepare_source(args.source, Path(work))
        target = prepare_target(args.target, Path(work), dry_run=args.dry_run, source=source)
        made = target.path if target.fresh and not args.dry_run else None
        try:
            src = stack.enter_context(open_services(StartOptions(source.url, catalog), env, backups=False))
            dst = stack.enter_context(open_services(StartOptions(target.url, catalog), env,
                                                    backups=not args.dry_run and not target.fresh))
            _sign_in(args, env, [dst, src])
            report = DatabaseCopy(Side(src.db, src.policy, src.session), Side(dst.db, dst.policy, dst.session),
                                  dst.checklists.contribution).run(source.label, target.label, dry_run=args.dry_run)
        except BaseException:
            stack.close()
            if made is not None:  # a new file the move did not fill is not left behind
                for suffix in ("", "-wal", "-shm"):
                    made.with_name(made.name + suffix).unlink(missing_ok=True)
            raise
    if args.json:
        print_json(report.as_dict(), out)
    else:
        print("\n".join(copy_lines(report)), file=out)
    return EXIT_OK


def _sign_in(args: argparse.Namespace, env: Environment, sides: list[Services]) -> None:
    """The admin signs in on each shared database of the two (one password, asked at most once)."""
    login = getattr(args, "user", None)
    shared = [svc for svc in sides if svc.session.shared]
    if not shared and login:
        raise InvalidInput("两个数据库都没有账户（单机使用），不需要 --user")
    typed: list[str] = []

    def once(prompt: str) -> str:
        if not typed:
            typed.append(ask_password(prompt))
        return typed[0]

    for svc in shared:
        sign_in(svc, StartOptions(user=login), env, once)


def copy_lines(report: Any) -> list[str]:
    """The move's report: 案号 and counts only (the admin moving the data does not read it)."""
    n = report.counts
    head = "试运行，未写入任何数据。将要：" if report.dry_run else "已完成："
    lines = [f"{head}{report.source} → {report.target}",
             f"新增案件 {len(report.added)} 件；已有且相同（无需处理） {len(report.matched)} 件；"
             f"已有但不同（冲突，未覆盖） {len(report.conflicts)} 件"]
    if report.nothing_to_do:
        lines.append("没有需要迁入的案件。")
    else:
        lines.append(f"{'将' if report.dry_run else '已'}复制：清单 {n['checklists']} 份，核查结果版本 "
                     f"{n['answer_versions']} 条，案件记录 {n['events']} 条，整改项 {n['findings']} 项"
                     f"（延期 {n['finding_extensions']} 条，进展与佐证 {n['finding_notes']} 条）")
    if report.departments_created:
        lines.append("新建庭室：" + "、".join(report.departments_created))
    if report.owners:
        per: dict[str, int] = {}
        for login in report.owners.values():
            per[login] = per.get(login, 0) + 1
        lines.append("按承办人归属账户：" + "，".join(f"{login} {k} 件" for login, k in sorted(per.items())))
    if report.unassigned:
        lines.append(f"待分配（{len(report.unassigned)} 件，没有唯一的同名法官或庭长账户；请用 riskdesk case assign "
                     "分配，或添加账户）：")
        lines += [f"  {no}\t{why}" for no, why in report.unassigned.items()]
    if report.conflicts:
        lines.append("冲突（目标数据库中已有该案号而核查结果不同；未覆盖，请与承办人核对后在目标数据库中处理）：")
        lines += [f"  {c.case_no}\t{len(c.points)} 处不同：{'、'.join(c.points[:8])}{' 等' if len(c.points) > 8 else ''}"
                  for c in report.conflicts]
    if report.findings_not_copied:
        lines.append("未复制的整改项：")
        lines += [f"  {no}\t{why}" for no, why in report.findings_not_copied.items()]
    if report.renumbered:
        lines.append("整改项在目标数据库中重新编号：" + "，".join(f"{a} → {b}" for a, b in report.renumbered.items()))
    skipped = {"users": "账户", "case_assignments": "案件分配", "events_without_case": "账户和庭室的记录"}
    if report.not_copied:
        lines.append("不复制：" + "，".join(f"{skipped.get(k, k)} {v} 条" for k, v in report.not_copied.items()))
    return lines
