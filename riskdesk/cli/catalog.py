"""``riskdesk catalog check|list|export``: the risk-point catalog, without opening a database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from riskdesk.bootstrap import Environment
from riskdesk.cli.common import EXIT_FAILED, EXIT_OK, SubParsers, options, print_json
from riskdesk.domain.model import Stage


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    cat = sub.add_parser("catalog", help="风险点目录：检查、列出、导出",
                         parents=[common]).add_subparsers(dest="catalog_cmd", required=True)
    p = cat.add_parser("check", help="检查目录文件（文件夹或单个阶段文件）", parents=[common])
    p.add_argument("path", nargs="?", default=None, metavar="PATH")
    p.set_defaults(handler=_check)
    p = cat.add_parser("list", help="列出一个阶段的风险点", parents=[common])
    p.add_argument("--stage", required=True, choices=[s.value for s in Stage])
    p.set_defaults(handler=_list)
    p = cat.add_parser("export", help="导出整个目录", parents=[common])
    p.add_argument("--format", choices=["json"], default="json")
    p.set_defaults(handler=_export)


def _catalog_dir(args: argparse.Namespace) -> Path:
    return options(args).catalog_dir(Environment.read())


def _check(args: argparse.Namespace, out: TextIO) -> int:
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
        return EXIT_FAILED
    return EXIT_OK


def _list(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.catalog.loader import load_catalog

    stage = load_catalog(_catalog_dir(args)).stage(Stage(args.stage))
    for node in stage.nodes:
        print(f"【{node.id} {node.name}】", file=out)
        for p in node.points:
            deadline = f"  期限：{p.deadline}" if p.deadline else ""
            print(f"  {p.id}  [{p.severity.label_zh}] {p.title}{deadline}", file=out)
    return EXIT_OK


def _export(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.catalog.export import catalog_to_dict
    from riskdesk.catalog.loader import load_catalog

    print_json(catalog_to_dict(load_catalog(_catalog_dir(args))), out, indent=1)
    return EXIT_OK
