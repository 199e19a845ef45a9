"""``riskdesk case add|list|show``."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from riskdesk.cli.common import EXIT_OK, SubParsers, opened, print_json
from riskdesk.domain.model import Stage, Status
from riskdesk.services import CaseQuery, ChecklistView


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    case = sub.add_parser("case", help="案件：新建、列表、查看", parents=[common]).add_subparsers(dest="case_cmd",
                                                                                               required=True)
    p = case.add_parser("add", help="新建案件", parents=[common])
    p.add_argument("case_no", metavar="CASE_NO", help="案号，例如 (2024)内0602民初123号")
    p.add_argument("--cause", default="", help="案由")
    p.add_argument("--parties", default="", help="当事人")
    p.add_argument("--judge", default="", help="承办人")
    p.set_defaults(handler=_add)
    p = case.add_parser("list", help="列出案件", parents=[common])
    p.add_argument("--search", default="", help="按案号、当事人、案由或承办人筛选")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)
    p = case.add_parser("show", help="查看案件及各阶段核查结果", parents=[common])
    p.add_argument("case_no", metavar="CASE_NO")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_show)
    from riskdesk.cli.imports import add_import  # case import lives in its own module

    add_import(case, common)


def _add(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        case = svc.cases.create(args.case_no, args.cause, args.parties, args.judge)
    print(f"已新建案件 {case.case_no}", file=out)
    return EXIT_OK


def _list(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        rows = svc.cases.list(CaseQuery(args.search, limit=args.limit))
    if args.json:
        print_json([
            {"case_no": r.case.case_no, "cause": r.case.cause, "parties": r.case.parties, "judge": r.case.judge,
             "created_at": r.case.created_at.isoformat(timespec="seconds"),
             "stages": {st.value: c.as_dict() for st, c in r.counts.items()}}
            for r in rows
        ], out)
        return EXIT_OK
    if not rows:
        print("没有符合条件的案件", file=out)
    for r in rows:
        progress = "  ".join(f"{st.label_zh} {c.reviewed}/{c.total}" for st, c in r.counts.items()) or "未开始核查"
        print(f"{r.case.case_no}\t{r.case.cause}\t{r.case.parties}\t{r.case.judge}\t{progress}", file=out)
    return EXIT_OK


def _stage_json(view: ChecklistView) -> dict[str, Any]:
    return {
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


def _show(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        case = svc.cases.get(args.case_no)
        views = {st: view for st in Stage if (view := svc.checklists.existing(case.id, st)) is not None}
    if args.json:
        print_json({"case_no": case.case_no, "cause": case.cause, "parties": case.parties, "judge": case.judge,
                    "created_at": case.created_at.isoformat(timespec="seconds"),
                    "stages": {st.value: _stage_json(view) for st, view in views.items()}}, out)
        return EXIT_OK
    print(f"案号：{case.case_no}\n案由：{case.cause}\n当事人：{case.parties}\n承办人：{case.judge}", file=out)
    if not views:
        print("尚未开始任何阶段的核查", file=out)
    for st, view in views.items():
        c = view.counts
        print(f"\n【{st.label_zh}】已核查 {c.reviewed}/{c.total}：无风险 {c.clear}，存在风险 {c.risk}，不适用 {c.na}", file=out)
        for it in view.items:
            if it.result.status is Status.UNREVIEWED and not it.result.note:
                continue
            note = f"  备注：{it.result.note}" if it.result.note else ""
            print(f"  {it.point.id} {it.result.status.label_zh}  {it.point.title}{note}", file=out)
    return EXIT_OK
