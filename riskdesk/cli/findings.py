"""``riskdesk finding …`` (整改台账) and ``riskdesk ledger export``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from riskdesk.cli.common import EXIT_OK, SubParsers, opened, print_json
from riskdesk.domain.findings import Finding, FindingState
from riskdesk.domain.model import Severity, Stage
from riskdesk.services.case_fields import parse_date
from riskdesk.services.errors import InvalidInput
from riskdesk.services.findings import FindingChanged, FindingFilter


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    by = argparse.ArgumentParser(add_help=False)
    by.add_argument("--by", default=None, help="操作人（单机数据库；默认：设置中的承办人）")
    parents = [common, by]
    fnd = sub.add_parser("finding", help="整改台账：建立、推进、延期、销号", parents=[common]).add_subparsers(
        dest="finding_cmd", required=True)
    p = fnd.add_parser("add", help="为一个存在风险的核查结果建立整改项", parents=parents)
    p.add_argument("case_no", metavar="CASE_NO")
    p.add_argument("point_id", metavar="POINT_ID")
    _fields(p)
    p.add_argument("--due", default=None, metavar="YYYY-MM-DD", help="整改时限（默认：按风险等级 15/30/60 日）")
    p.set_defaults(handler=_add)
    _register_steps(fnd, parents)
    _register_reads(sub, fnd, common, parents)


def _register_steps(fnd: SubParsers, parents: list[argparse.ArgumentParser]) -> None:
    p = fnd.add_parser("update", help="修改整改措施、责任人、责任部门、督办领导", parents=parents)
    p.add_argument("id", metavar="ID")
    _fields(p, default=None)
    p.set_defaults(handler=lambda a, o: _step(a, o, lambda s: s.update(
        _id(s, a), measure=a.measure, owner=a.owner, department=a.department, supervisor=a.supervisor)))
    p = fnd.add_parser("progress", help="记录整改进展", parents=parents)
    p.add_argument("id", metavar="ID")
    p.add_argument("--note", required=True)
    p.set_defaults(handler=lambda a, o: _step(a, o, lambda s: s.progress(_id(s, a), a.note)))
    p = fnd.add_parser("evidence", help="添加证据（文字或不超过 10 MB 的文件）", parents=parents)
    p.add_argument("id", metavar="ID")
    p.add_argument("--text", default="")
    p.add_argument("--file", default=None, type=Path)
    p.set_defaults(handler=lambda a, o: _step(a, o, lambda s: s.add_evidence(_id(s, a), a.text, a.file)))
    p = fnd.add_parser("extend", help="延期（另行记录，原定时限保留）", parents=parents)
    p.add_argument("id", metavar="ID")
    p.add_argument("--to", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=lambda a, o: _step(a, o, lambda s: s.extend(_id(s, a), _date(a.to), a.reason)))
    p = fnd.add_parser("severity", help="调整风险等级（须说明理由）", parents=parents)
    p.add_argument("id", metavar="ID")
    p.add_argument("level", choices=[s.value for s in Severity])
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=lambda a, o: _step(a, o, lambda s: s.change_severity(_id(s, a), Severity(a.level),
                                                                                a.reason)))
    p = fnd.add_parser("apply", help="申请销号（限责任人，须附证据）", parents=parents)
    p.add_argument("id", metavar="ID")
    p.add_argument("--evidence", required=True)
    p.add_argument("--result", default="", help="整改结果说明")
    p.set_defaults(handler=lambda a, o: _step(a, o, lambda s: s.apply(_id(s, a), a.evidence, a.result)))
    p = fnd.add_parser("close", help="销号（审核人不能是责任人或申请人）", parents=parents)
    p.add_argument("id", metavar="ID")
    p.add_argument("--comment", default="")
    p.set_defaults(handler=lambda a, o: _step(a, o, lambda s: s.close(_id(s, a), a.comment)))
    p = fnd.add_parser("return", help="退回销号申请（须写明意见）", parents=parents)
    p.add_argument("id", metavar="ID")
    p.add_argument("--comment", required=True)
    p.set_defaults(handler=lambda a, o: _step(a, o, lambda s: s.return_(_id(s, a), a.comment)))
    p = fnd.add_parser("dismiss", help="经复核无需整改（须说明理由）", parents=parents)
    p.add_argument("id", metavar="ID")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=lambda a, o: _step(a, o, lambda s: s.dismiss(_id(s, a), a.reason)))
    p = fnd.add_parser("reopen", help="已销号的整改项重新整改（须说明理由）", parents=parents)
    p.add_argument("id", metavar="ID")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=lambda a, o: _step(a, o, lambda s: s.reopen(_id(s, a), a.reason)))


def _register_reads(sub: SubParsers, fnd: SubParsers, common: argparse.ArgumentParser,
                    parents: list[argparse.ArgumentParser]) -> None:
    p = fnd.add_parser("list", help="列出整改项", parents=[common])
    p.add_argument("--json", action="store_true")
    p.add_argument("--overdue", action="store_true", help="只列逾期的")
    p.add_argument("--state", default=None, help="open、in_progress、pending_close、closed 或 dismissed")
    p.add_argument("--department", default="")
    p.set_defaults(handler=_list)
    p = fnd.add_parser("systemic", help="查找共性问题（同一风险点在同一部门多件案件中存在风险）并建立整改项",
                       parents=parents)
    p.set_defaults(handler=_systemic)
    led = sub.add_parser("ledger", help="整改台账导出", parents=[common]).add_subparsers(dest="ledger_cmd",
                                                                                    required=True)
    p = led.add_parser("export", help="导出整改台账（xlsx 或 PDF）", parents=[common])
    p.add_argument("--format", choices=["xlsx", "pdf"], required=True)
    p.add_argument("--department", default="")
    p.add_argument("--from", dest="start", default=None, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", default=None, metavar="YYYY-MM-DD")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=_export)


def _fields(p: argparse.ArgumentParser, default: str | None = "") -> None:
    p.add_argument("--measure", default=default, help="整改措施")
    p.add_argument("--owner", default=default, help="责任人")
    p.add_argument("--department", default=default, help="责任部门")
    p.add_argument("--supervisor", default=default, help="督办领导")


def _date(text: str) -> date:
    value = parse_date(text, "日期")
    if value is None:
        raise InvalidInput("需要日期，例如 2026-12-31")
    return value


def _id(service: Any, args: argparse.Namespace) -> int:
    return int(service.find(args.id).id)


def finding_json(f: Finding, today: date) -> dict[str, Any]:
    return {
        "id": f.id, "no": f.no, "case_no": f.case_no or None, "stage": f.stage or None, "point_id": f.point_id or None,
        "state": f.state.value, "description": f.description, "severity": f.severity.value,
        "severity_found": f.severity_found.value, "measure": f.measure, "department": f.department or None,
        "owner": f.owner, "supervisor": f.supervisor or None, "due": f.due.isoformat(),
        "current_due": f.current_due.isoformat(),
        "extensions": [{"to": x.new_due.isoformat(), "reason": x.reason, "approver": x.approver,
                        "at": x.at.isoformat(timespec="seconds")} for x in f.extensions],
        "overdue": f.overdue(today), "systemic": f.systemic, "result": f.result or None,
        "closed_by": f.closed_by or None, "closed_at": f.closed_at.isoformat(timespec="seconds") if f.closed_at else None,
    }


def _print_change(change: FindingChanged, out: TextIO) -> None:
    f = change.finding
    print(f"{f.no}\t{change.action.label_zh}\t{f.state.label_zh}\t责任人 {f.owner}\t时限 {f.current_due}", file=out)


def _add(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args, actor_name=args.by) as svc:
        stage = Stage.from_point_id(args.point_id)
        view = svc.checklists.open_by_case_no(args.case_no, stage)
        change = svc.findings.from_answer(view.info.id, args.point_id, measure=args.measure, owner=args.owner,
                                          department=args.department, supervisor=args.supervisor,
                                          due=_date(args.due) if args.due else None)
    print(change.finding.id, file=out)  # the new item's id, for scripts
    _print_change(change, out)
    return EXIT_OK


def _step(args: argparse.Namespace, out: TextIO, do: Any) -> int:
    with opened(args, actor_name=args.by) as svc:
        change = do(svc.findings)
    _print_change(change, out)
    return EXIT_OK


def _list(args: argparse.Namespace, out: TextIO) -> int:
    try:
        states = frozenset({FindingState.parse(args.state)}) if args.state else frozenset()
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc
    today = date.today()
    with opened(args) as svc:
        items = [f for f in svc.findings.list(FindingFilter(states=states, department=args.department))
                 if not args.overdue or f.overdue(today)]
    if args.json:
        print_json([finding_json(f, today) for f in items], out)
        return EXIT_OK
    for f in items:
        late = "  逾期" if f.overdue(today) else ""
        print(f"{f.no}\t{f.state.label_zh}\t{f.case_no or '—'} {f.point_id}\t{f.owner}\t{f.current_due}{late}", file=out)
    print(f"共 {len(items)} 项", file=out)
    return EXIT_OK


def _systemic(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args, actor_name=args.by) as svc:
        made = svc.ledger.detect_systemic()
    for f in made:
        print(f"{f.no}\t{f.description}", file=out)
    print(f"新建共性问题整改项 {len(made)} 项", file=out)
    return EXIT_OK


def _export(args: argparse.Namespace, out: TextIO) -> int:
    start = _date(args.start) if args.start else None
    end = _date(args.end) if args.end else None
    period = f"{start or '最早'} 至 {end or '今日'}" + (f"　{args.department}" if args.department else "")
    with opened(args) as svc:
        items = svc.findings.list(FindingFilter(department=args.department, made_from=start, made_to=end))
        target = Path(args.output)
        if args.format == "xlsx":
            path = svc.ledger.export_xlsx(items, target.expanduser().absolute(), f"整改台账（{period}）")
        else:
            path = svc.reports.write(target, svc.ledger.export_pdf(items, svc.reports.court(), period))
        _, total = svc.ledger.totals(items)
    print(f"已导出整改台账：{path}（{total.sentence()}）", file=out)
    return EXIT_OK
