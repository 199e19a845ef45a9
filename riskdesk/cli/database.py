"""``riskdesk db backup|restore|check``: the database file itself."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from riskdesk.cli.common import EXIT_FAILED, EXIT_OK, SubParsers, require_db_file
from riskdesk.services import database_files


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
