"""The ``riskdesk`` command line: every sub-command runs through the same services as the GUI.

No sub-command starts the GUI (see app.py). Output is Chinese, like the interface; ``--json``
gives machine-readable output.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from riskdesk import __version__
from riskdesk.domain.model import Stage, Status

Handler = Callable[[argparse.Namespace, TextIO], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="riskdesk",
        description="RiskDesk 立审执风险防控清单。不带子命令时启动图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"RiskDesk {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                        help="数据库文件路径或 SQLAlchemy URL（默认：用户数据目录下的 riskdesk.db；也可用环境变量 RISKDESK_DB）")
    common.add_argument("--catalog", metavar="DIR", default=argparse.SUPPRESS,
                        help="风险点目录文件夹（默认：随程序提供的目录；也可用环境变量 RISKDESK_CATALOG）")
    parser.add_argument("--db", metavar="PATH_OR_URL", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--catalog", metavar="DIR", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--lang", choices=["zh_CN", "en"], default=None, help="界面语言（默认简体中文）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    case = sub.add_parser("case", help="案件：新建、列表、查看", parents=[common]).add_subparsers(dest="case_cmd", required=True)
    p = case.add_parser("add", help="新建案件", parents=[common])
    p.add_argument("case_no", metavar="CASE_NO", help="案号，例如 (2024)内0602民初123号")
    p.add_argument("--cause", default="", help="案由")
    p.add_argument("--parties", default="", help="当事人")
    p.add_argument("--judge", default="", help="承办人")
    p.set_defaults(handler=_case_add)
    p = case.add_parser("list", help="列出案件", parents=[common])
    p.add_argument("--search", default="", help="按案号、当事人、案由或承办人筛选")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_case_list)
    p = case.add_parser("show", help="查看案件及各阶段核查结果", parents=[common])
    p.add_argument("case_no", metavar="CASE_NO")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_case_show)

    p = sub.add_parser("review", help="记录一个风险点的核查结果", parents=[common])
    p.add_argument("case_no", metavar="CASE_NO")
    p.add_argument("point_id", metavar="POINT_ID", help="风险点编号，例如 LA-001（立案）、SP-010（审判）、ZX-100（执行）")
    p.add_argument("status", metavar="STATUS", help="unreviewed（未核查）、clear（无风险）、risk（存在风险）或 na（不适用）")
    p.add_argument("--note", default=None, help="备注")
    p.add_argument("--by", default=None, help="核查人（默认：设置中的承办人）")
    p.set_defaults(handler=_review)

    cfg = sub.add_parser("config", help="设置：court（法院名称）、reviewer（承办人）", parents=[common]).add_subparsers(dest="config_cmd", required=True)
    p = cfg.add_parser("set", parents=[common])
    p.add_argument("key", choices=["court", "reviewer"])
    p.add_argument("value")
    p.set_defaults(handler=_config_set)
    p = cfg.add_parser("get", parents=[common])
    p.add_argument("key", choices=["court", "reviewer"])
    p.set_defaults(handler=_config_get)

    from riskdesk import cli_more, cli_pdf

    cli_more.add_commands(sub, common)
    cli_pdf.add_commands(sub, common)
    return parser


def services_for(args: argparse.Namespace) -> Any:
    """Open the services for a sub-command (the composition root does the wiring)."""
    from riskdesk.app import open_services

    svc = open_services(args.db, args.catalog)
    for warning in svc.warnings:
        print(f"riskdesk: 注意：{warning}", file=sys.stderr)
    return svc


def _case_add(args: argparse.Namespace, out: TextIO) -> int:
    svc = services_for(args)
    try:
        case = svc.cases.create(args.case_no, args.cause, args.parties, args.judge)
    finally:
        svc.close()
    print(f"已新建案件 {case.case_no}", file=out)
    return 0


def _case_list(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.services import CaseQuery

    svc = services_for(args)
    try:
        rows = svc.cases.list(CaseQuery(args.search, limit=args.limit))
    finally:
        svc.close()
    if args.json:
        data = [
            {"case_no": r.case.case_no, "cause": r.case.cause, "parties": r.case.parties, "judge": r.case.judge,
             "created_at": r.case.created_at.isoformat(timespec="seconds"),
             "stages": {st.value: c.as_dict() for st, c in r.counts.items()}}
            for r in rows
        ]
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not rows:
        print("没有符合条件的案件", file=out)
    for r in rows:
        progress = "  ".join(f"{st.label_zh} {c.reviewed}/{c.total}" for st, c in r.counts.items()) or "未开始核查"
        print(f"{r.case.case_no}\t{r.case.cause}\t{r.case.parties}\t{r.case.judge}\t{progress}", file=out)
    return 0


def _case_show(args: argparse.Namespace, out: TextIO) -> int:
    svc = services_for(args)
    try:
        case = svc.cases.get(args.case_no)
        views = {st: svc.review.existing(case.id, st) for st in Stage}
    finally:
        svc.close()
    stages: dict[str, Any] = {}
    for st, view in views.items():
        if view is None:
            continue
        stages[st.value] = {
            "catalog_version": view.info.catalog_version,
            "catalog_fingerprint": view.info.catalog_fingerprint,
            "counts": view.counts.as_dict(),
            "results": [
                {"point_id": it.point.id, "status": it.result.status.value, "note": it.result.note,
                 "updated_at": it.result.updated_at.isoformat(timespec="seconds") if it.result.updated_at else None,
                 "updated_by": it.result.updated_by}
                for it in view.items
            ],
        }
    if args.json:
        data = {"case_no": case.case_no, "cause": case.cause, "parties": case.parties, "judge": case.judge,
                "created_at": case.created_at.isoformat(timespec="seconds"), "stages": stages}
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    print(f"案号：{case.case_no}\n案由：{case.cause}\n当事人：{case.parties}\n承办人：{case.judge}", file=out)
    if not stages:
        print("尚未开始任何阶段的核查", file=out)
    for st, view in views.items():
        if view is None:
            continue
        c = view.counts
        print(f"\n【{st.label_zh}】已核查 {c.reviewed}/{c.total}：无风险 {c.clear}，存在风险 {c.risk}，不适用 {c.na}", file=out)
        for it in view.items:
            if it.result.status is Status.UNREVIEWED and not it.result.note:
                continue
            note = f"  备注：{it.result.note}" if it.result.note else ""
            print(f"  {it.point.id} {it.result.status.label_zh}  {it.point.title}{note}", file=out)
    return 0


def _review(args: argparse.Namespace, out: TextIO) -> int:
    from riskdesk.services.errors import InvalidInput

    try:
        stage = Stage.from_point_id(args.point_id)
        status = Status.parse(args.status)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc
    point_id = args.point_id.strip().upper()
    svc = services_for(args)
    try:
        try:
            svc.catalogs.catalog.point(point_id)
        except KeyError:
            raise InvalidInput(f"风险点 {point_id} 不在当前目录中（{stage.label_zh}阶段编号为 {stage.prefix}-001 至 {stage.prefix}-100）") from None
        by = args.by if args.by is not None else svc.settings.get("reviewer")
        view = svc.review.open_by_case_no(args.case_no, stage)
        result = svc.review.set_status(view.info.id, point_id, status, by)
        if args.note is not None:
            result = svc.review.set_note(view.info.id, point_id, args.note, by)
    finally:
        svc.close()
    print(f"已保存：{point_id} {result.status.label_zh}" + (f"（备注：{result.note}）" if result.note else ""), file=out)
    return 0


def _config_set(args: argparse.Namespace, out: TextIO) -> int:
    svc = services_for(args)
    try:
        svc.settings.set(args.key, args.value)
    finally:
        svc.close()
    print(f"已设置 {args.key} = {args.value.strip()}", file=out)
    return 0


def _config_get(args: argparse.Namespace, out: TextIO) -> int:
    svc = services_for(args)
    try:
        print(svc.settings.get(args.key), file=out)
    finally:
        svc.close()
    return 0


def run(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run one sub-command; user errors print one line to stderr and return a non-zero status."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from riskdesk.catalog.errors import CatalogError
    from riskdesk.services.errors import InvalidInput, ServiceError
    from riskdesk.storage.db import DatabaseError, translate_error

    stream = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(list(argv))
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(stream)
        return 2
    try:
        return handler(args, stream)
    except InvalidInput as exc:
        print(f"riskdesk: 错误：{exc}", file=sys.stderr)
        return 2
    except (ServiceError, DatabaseError) as exc:
        print(f"riskdesk: 错误：{exc}", file=sys.stderr)
        return 1
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        # Whatever SQLite failure escaped the services still gets one readable line, not a traceback.
        nice = translate_error(exc, _db_file(args))
        detail = str(exc.orig if isinstance(exc, DBAPIError) else exc).splitlines()[0]
        print(f"riskdesk: 错误：{nice or '数据库操作失败：' + detail}", file=sys.stderr)
        return 1
    except CatalogError as exc:
        print(f"riskdesk: 风险点目录有误：\n{exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into head and cut short: not an error
        return 0
    except OSError as exc:
        print(f"riskdesk: 错误：{exc.strerror or exc}：{exc.filename or ''}", file=sys.stderr)
        return 1


def _db_file(args: argparse.Namespace) -> Path | None:
    from riskdesk.app import database_url
    from riskdesk.storage.db import sqlite_path

    try:
        return sqlite_path(database_url(getattr(args, "db", None)))
    except Exception:  # only used to word an error message; never hide the original error
        return None


def catalog_dir_arg(value: str | None) -> Path:
    import os

    from riskdesk.paths import catalog_dir

    chosen = value or os.environ.get("RISKDESK_CATALOG") or ""
    return Path(chosen).expanduser() if chosen else catalog_dir()
