"""Sub-commands for the catalog and the database file (backup / restore / check)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from riskdesk.domain.model import Stage


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    cat = sub.add_parser("catalog", help="风险点目录：检查、列出、导出", parents=[common]).add_subparsers(dest="catalog_cmd", required=True)
    p = cat.add_parser("check", help="检查目录文件（文件夹或单个阶段文件）", parents=[common])
    p.add_argument("path", nargs="?", default=None, metavar="PATH")
    p.set_defaults(handler=_catalog_check)
    p = cat.add_parser("list", help="列出一个阶段的风险点", parents=[common])
    p.add_argument("--stage", required=True, choices=[s.value for s in Stage])
    p.set_defaults(handler=_catalog_list)
    p = cat.add_parser("export", help="导出整个目录", parents=[common])
    p.add_argument("--format", choices=["json"], default="json")
    p.set_defaults(handler=_catalog_export)

    p = sub.add_parser("stats", help="统计：各环节已开始、已完成的案件数及核查结果合计", parents=[common])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_stats)

    p = sub.add_parser("demo-data", help="生成可重复的演示/基准测试数据（只写入空数据库）", parents=[common])
    p.add_argument("--cases", type=int, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.add_argument("--append", action="store_true", help="数据库已有案件时仍追加（慎用）")
    p.set_defaults(handler=_demo_data)

    db = sub.add_parser("db", help="数据库：备份、恢复、检查", parents=[common]).add_subparsers(dest="db_cmd", required=True)
    p = db.add_parser("backup", help="把数据库备份到一个文件", parents=[common])
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=_db_backup)
    p = db.add_parser("restore", help="用备份文件替换数据库（被替换的文件会另存保留）", parents=[common])
    p.add_argument("backup", metavar="FILE")
    p.set_defaults(handler=_db_restore)
    p = db.add_parser("check", help="检查数据库完整性并列出自动备份", parents=[common])
    p.set_defaults(handler=_db_check)


def _stats(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.cli import services_for

    svc = services_for(args)
    try:
        table = svc.cases.all_counts()
    finally:
        svc.close()
    rows = []
    for stage in Stage:
        started, finished, c = table.stage_summary(stage)
        rows.append({"stage": stage.value, "cases_started": started, "cases_complete": finished, **c.as_dict()})
    if args.json:
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    print("环节\t已开始\t已完成\t已核查\t存在风险\t不适用", file=out)
    for stage, row in zip(Stage, rows, strict=True):
        reviewed = row["total"] - row["unreviewed"]
        print(f"{stage.label_zh}\t{row['cases_started']}\t{row['cases_complete']}\t{reviewed}/{row['total']}\t"
              f"{row['risk']}\t{row['na']}", file=out)
    return 0


def _demo_data(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.cli import services_for
    from riskdesk.services.demo_data import generate

    svc = services_for(args)
    try:
        n = generate(svc.db, svc.catalogs, args.cases, args.seed, append=args.append)
    finally:
        svc.close()
    print(f"已生成 {n} 件演示案件（种子 {args.seed}），每件立案、审判、执行各 100 项", file=out)
    return 0


def _catalog_dir(args: argparse.Namespace) -> Path:
    from riskdesk.cli import catalog_dir_arg

    return catalog_dir_arg(args.catalog)


def _catalog_check(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.catalog.errors import CatalogError
    from riskdesk.catalog.loader import load_catalog, load_stage_file

    target = Path(args.path).expanduser() if args.path else _catalog_dir(args)
    try:
        if target.is_file():
            stage = load_stage_file(target)
            print(f"{target.name}：{stage.name} {len(stage.points)} 个风险点，{len(stage.nodes)} 个流程节点，无错误", file=out)
        else:
            cat = load_catalog(target)
            counts = "，".join(f"{s.name} {len(s.points)}" for s in cat.stages)
            print(f"目录 {cat.version}（{cat.fingerprint[:12]}）：{counts}，无错误", file=out)
    except CatalogError as exc:
        for issue in exc.issues:
            print(str(issue), file=out)
        print(f"共 {len(exc.issues)} 处错误", file=out)
        return 1
    return 0


def _catalog_list(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.catalog.loader import load_catalog

    stage = load_catalog(_catalog_dir(args)).stage(Stage(args.stage))
    for node in stage.nodes:
        print(f"【{node.id} {node.name}】", file=out)
        for p in node.points:
            deadline = f"  期限：{p.deadline}" if p.deadline else ""
            print(f"  {p.id}  [{p.severity.label_zh}] {p.title}{deadline}", file=out)
    return 0


def _catalog_export(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.catalog.export import catalog_to_dict
    from riskdesk.catalog.loader import load_catalog

    json.dump(catalog_to_dict(load_catalog(_catalog_dir(args))), out, ensure_ascii=False, indent=1)
    out.write("\n")
    return 0


def _db_path(args: argparse.Namespace) -> Path:
    from riskdesk.app import database_url
    from riskdesk.services.errors import InvalidInput
    from riskdesk.storage.db import sqlite_path

    path = sqlite_path(database_url(args.db))
    if path is None:
        raise InvalidInput("内存数据库无法备份或恢复")
    return path


def _db_backup(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.services.errors import InvalidInput, NotFound
    from riskdesk.storage.backup import copy_database, verify_database
    from riskdesk.storage.db import DatabaseDamagedError, check_file

    path = _db_path(args)
    if not path.exists():
        raise NotFound(f"数据库文件不存在：{path}")
    check_file(path)
    target = Path(args.output).expanduser().resolve()
    if target == path:
        raise InvalidInput("备份文件不能是数据库文件本身")
    # Written beside the target first: a damaged copy must not replace a good backup of the same name.
    part = target.with_name(target.name + ".check")
    copy_database(path, part)
    verdict = verify_database(part)
    if verdict != "ok":
        part.unlink(missing_ok=True)
        raise DatabaseDamagedError(path, f"完整性检查未通过：{verdict}；未生成备份")
    part.replace(target)
    print(f"已备份到 {target}", file=out)
    return 0


def _db_restore(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.services.errors import InvalidInput
    from riskdesk.storage.backup import restore_database

    path = _db_path(args)
    source = Path(args.backup).expanduser().resolve()
    if not source.is_file():
        raise InvalidInput(f"备份文件不存在：{source}")
    try:
        kept = restore_database(source, path)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc
    print(f"已从 {source} 恢复数据库 {path}", file=out)
    if kept is not None:
        print(f"原数据库文件已另存为 {kept}", file=out)
    return 0


def _db_check(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.storage.backup import list_backups, verify_database

    path = _db_path(args)
    if not path.exists():
        print(f"数据库文件不存在：{path}", file=out)
        return 1
    verdict = verify_database(path)
    print(f"{path}：{'完好' if verdict == 'ok' else '有问题：' + verdict}", file=out)
    for b in list_backups(path)[:10]:
        print(f"  备份 {b}", file=out)
    return 0 if verdict == "ok" else 1
