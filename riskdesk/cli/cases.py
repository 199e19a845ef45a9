"""``riskdesk case add|list|show``."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from riskdesk.cli.common import EXIT_OK, SubParsers, opened, print_json
from riskdesk.domain.model import Case, Stage, Status
from riskdesk.domain.signoff import SignOff
from riskdesk.services import CaseQuery, ChecklistView
from riskdesk.services.case_fields import CaseInput
from riskdesk.services.cases import OriginRisk


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    case = sub.add_parser("case", help="案件：新建、列表、查看", parents=[common]).add_subparsers(dest="case_cmd",
                                                                                               required=True)
    p = case.add_parser("add", help="新建案件", parents=[common])
    p.add_argument("case_no", metavar="CASE_NO", help="案号，例如 (2024)内0602民初123号")
    p.add_argument("--cause", default="", help="案由")
    p.add_argument("--parties", default="", help="当事人")
    p.add_argument("--judge", default="", help="承办人")
    _case_options(p)
    p.set_defaults(handler=_add)
    p = case.add_parser("update", help="修改案件信息（案号不可修改；未给出的项保持不变）", parents=[common])
    p.add_argument("case_no", metavar="CASE_NO")
    p.add_argument("--cause", default=None, help="案由")
    p.add_argument("--parties", default=None, help="当事人")
    p.add_argument("--judge", default=None, help="承办人")
    _case_options(p, default=None)
    p.set_defaults(handler=_update)
    p = case.add_parser("list", help="列出案件", parents=[common])
    p.add_argument("--search", default="", help="按案号、当事人、案由或承办人筛选")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)
    p = case.add_parser("show", help="查看案件及各阶段核查结果", parents=[common])
    p.add_argument("case_no", metavar="CASE_NO")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_show)
    p = case.add_parser("assign", help="共享数据库：让另一个账户（法官助理、书记员等）也办理这个案件", parents=[common])
    p.add_argument("case_no", metavar="CASE_NO")
    p.add_argument("login", metavar="LOGIN", help="被分配的用户的登录名")
    p.set_defaults(handler=_assign)
    from riskdesk.cli.imports import add_import  # case import lives in its own module

    add_import(case, common)


def _case_options(p: argparse.ArgumentParser, default: str | None = "") -> None:
    p.add_argument("--origin", default=default, metavar="CASE_NO", help="原审案号或执行依据案号")
    p.add_argument("--filed", default=default, metavar="YYYY-MM-DD", help="立案日期")
    p.add_argument("--department", default=default, metavar="NAME", help="承办部门（庭室）")
    p.add_argument("--procedure", default=default, metavar="NAME", help="程序：普通、简易、小额或速裁")


def _add(args: argparse.Namespace, out: TextIO) -> int:
    given = CaseInput(args.case_no, args.cause, args.parties, args.judge, args.origin or None, args.filed or None,
                      args.department, args.procedure or None)
    with opened(args) as svc:
        case = svc.cases.create(given)
    print(f"已新建案件 {case.case_no}（{case.profile.describe()}）", file=out)
    return EXIT_OK


def _update(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        case = svc.cases.get(args.case_no)

        def keep(given: str | None, stored: object) -> str | None:
            return (str(stored) if stored is not None else None) if given is None else given

        given = CaseInput(case.case_no, keep(args.cause, case.cause) or "", keep(args.parties, case.parties) or "",
                          keep(args.judge, case.judge) or "", keep(args.origin, case.origin),
                          keep(args.filed, case.filed_on), keep(args.department, case.department),
                          keep(args.procedure, case.track.value if case.track else None))
        changed = svc.cases.update(case.id, given)
    from riskdesk.services.case_fields import CaseFields

    names = "、".join(CaseFields.EDITABLE[f] for f in changed.changed) or "无"
    print(f"已更新案件 {case.case_no}：{names}", file=out)
    return EXIT_OK


def _assign(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        case = svc.cases.get(args.case_no)
        svc.cases.assign(case.id, args.login)
        logins = svc.cases.assignees(case.id)
    print(f"已将案件 {case.case_no} 分配给 {args.login.strip().lower()}（现在分配给：{'、'.join(logins)}）", file=out)
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
        progress = "  ".join(f"{st.label_zh} {c.reviewed}/{c.applicable}" for st, c in r.counts.items()) or "未开始核查"
        print(f"{r.case.case_no}\t{r.case.cause}\t{r.case.parties}\t{r.case.judge}\t{progress}", file=out)
    return EXIT_OK


def _stage_json(view: ChecklistView, signoff: SignOff) -> dict[str, Any]:
    return {
        "state": signoff.state.value,
        "signoff": {k: v for k, v in signoff.as_dict().items() if k != "state"},
        "catalog_version": view.info.catalog_version,
        "catalog_fingerprint": view.info.catalog_fingerprint,
        "counts": view.counts.as_dict(),
        "settled_by_case_type": [it.point.id for it in view.items if it.result.status is Status.SETTLED],
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
        signoffs = {st: svc.signoff.signoff(view.info.id) for st, view in views.items()}
        origin_risks = svc.cases.origin_risks(case)
    if args.json:
        print_json(case_json(case, views, signoffs, origin_risks), out)
        return EXIT_OK
    profile = case.profile
    print(f"案号：{case.case_no}\n案件类型：{profile.describe()}\n案由：{case.cause}\n当事人：{case.parties}\n"
          f"承办人：{case.judge}", file=out)
    for label, value in (("立案日期", case.filed_on), ("承办部门", case.department), ("原审/执行依据", case.origin)):
        if value:
            print(f"{label}：{value}", file=out)
    print("核查环节：" + "、".join(st.label_zh for st in profile.stages)
          + ("" if profile.stage_rule_known else "（该类型代字没有环节规则，显示全部环节）"), file=out)
    if case.origin:
        print(f"原审/执行依据案件尚有 {len(origin_risks)} 项存在风险"
              + "".join(f"\n  {r.point_id} {r.note}" for r in origin_risks), file=out)
    if not views:
        print("尚未开始任何阶段的核查", file=out)
    for st, view in views.items():
        c = view.counts
        settled = f"，另有 {c.settled} 项按案件类型不适用" if c.settled else ""
        print(f"\n【{st.label_zh}】{signoffs[st].state.label_zh}　已核查 {c.reviewed}/{c.applicable}：无风险 {c.clear}，"
              f"存在风险 {c.risk}，不适用 {c.na}{settled}", file=out)
        for it in view.items:
            if it.result.status in (Status.UNREVIEWED, Status.SETTLED) and not it.result.note:
                continue
            note = f"  备注：{it.result.note}" if it.result.note else ""
            print(f"  {it.point.id} {it.result.status.label_zh}  {it.point.title}{note}", file=out)
    return EXIT_OK


def case_json(case: Case, views: dict[Stage, ChecklistView], signoffs: dict[Stage, SignOff],
              origin_risks: list[OriginRisk]) -> dict[str, Any]:
    """``case show --json``: the case, what its 案号 says about it, and every started stage."""
    profile = case.profile
    return {
        "case_no": case.case_no, "cause": case.cause, "parties": case.parties, "judge": case.judge,
        "created_at": case.created_at.isoformat(timespec="seconds"),
        "type_code": case.type_code,
        "kind": profile.kind.label_zh if profile.kind else None,
        "type_procedure": profile.procedure.label_zh if profile.procedure else None,
        "procedure": case.track.short_zh if case.track else None,
        "origin": case.origin,
        "filed": case.filed_on.isoformat() if case.filed_on else None,
        "department": case.department or None,
        "applicable_stages": [st.value for st in profile.stages],
        "stage_rule_known": profile.stage_rule_known,
        "origin_open_risks": [{"case_no": r.case_no, "stage": r.stage.value, "point_id": r.point_id, "note": r.note}
                              for r in origin_risks],
        "stages": {st.value: _stage_json(view, signoffs[st]) for st, view in views.items()},
    }
