"""Moving cases between databases (``riskdesk db copy``): a workstation's file into a shared database, and
back into a new single-seat file for a court that leaves.

An admin moves the data without reading it: the report names cases by 案号 and counts, nothing else.
A case whose 案号 the target already has is compared point by point (each checklist's current status and
note); identical ones need nothing, the others are listed as conflicts and left as they are, so running
the move twice changes nothing. Everything is written in one transaction on the target: the cases with
their 庭室 (by name), checklists, every version of every answer and the events about them (appended to
the target's audit chain in their old order and hashed anew, after the target's last entry), 整改项 with
their extensions, notes and evidence, the catalog contents the answers were given against, and the
statistics tallies; then an entry per case and one for the move. The source's own chain must verify first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from riskdesk.domain.events import EventKind, NewEvent
from riskdesk.domain.model import Stage, StageCounts
from riskdesk.domain.people import Actor
from riskdesk.services.errors import ServiceError
from riskdesk.services.permissions import Action, Policy
from riskdesk.services.session import Session
from riskdesk.services.tallies import Changes, Contribution, accumulate, changes
from riskdesk.storage import chain
from riskdesk.storage import copy_queries as q
from riskdesk.storage import tally_queries as tq
from riskdesk.storage.case_queries import add_department
from riskdesk.storage.db import Database, hold_checklists, serialise
from riskdesk.storage.events import event_values
from riskdesk.storage.finding_queries import insert_finding, next_no
from riskdesk.storage.schema import cases, checklists, evidence_files, finding_extensions, finding_notes
from riskdesk.storage.user_queries import has_users

# Every table of the schema, and what a move does with it (a test fails when a new table is not here).
TABLES: dict[str, str] = {
    "departments": "按名称对应，目标中没有的新建",
    "cases": "复制目标中没有的案号；已有的逐点比对，不覆盖",
    "users": "不复制：账户属于各自的数据库；案件按承办人姓名归属目标中的账户",
    "case_assignments": "不复制：分配的是源数据库的账户",
    "catalog_versions": "复制所复制清单用到而目标中没有的",
    "catalog_entries": "随目录版本复制",
    "catalog_points": "复制答案所对应而目标中没有的内容（按内容哈希，另编号）",
    "checklists": "复制（含审核状态）",
    "point_tallies": "按所复制的清单重新计入",
    "checklist_tallies": "按所复制的清单重新计入",
    "people": "按姓名、登录名、角色对应，没有的新建",
    "answer_versions": "复制全部版本，按原顺序接在目标审计记录之后",
    "events": "复制与所复制案件、整改项有关的，按原顺序接在目标审计记录之后；账户、庭室的不复制",
    "findings": "复制属于所复制案件的整改项（在目标中重新编号）；共性问题和不属于案件的不复制",
    "finding_extensions": "随整改项复制",
    "finding_notes": "随整改项复制",
    "evidence_files": "复制所复制整改项用到而目标中没有的",
    "finding_cases": "不复制：只用于共性问题",
    "chain_head": "随追加的记录前移",
    "chain_checkpoints": "随追加的记录新增",
    "settings": "不复制：法院名称、核查人、整改期限等是各数据库自己的设置",
}
Contributor = Callable[[Connection, int], Contribution]


@dataclass(frozen=True)
class Conflict:
    case_no: str
    points: tuple[str, ...]  # "立案 LA-001": where the two databases' answers differ (never the answers)


@dataclass
class CopyReport:
    dry_run: bool
    source: str
    target: str
    added: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    owners: dict[str, str] = field(default_factory=dict)  # 案号 → login, for added cases given to an account
    unassigned: dict[str, str] = field(default_factory=dict)  # 案号 → why no account was found
    departments_created: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    findings_not_copied: dict[str, str] = field(default_factory=dict)  # 整改项编号 → why
    renumbered: dict[str, str] = field(default_factory=dict)  # source 整改项编号 → target's
    not_copied: dict[str, int] = field(default_factory=dict)

    @property
    def nothing_to_do(self) -> bool:
        return not self.added

    def as_dict(self) -> dict[str, Any]:
        return {"dry_run": self.dry_run, "source": self.source, "target": self.target, "added": self.added,
                "matched": self.matched, "conflicts": [{"case_no": c.case_no, "points": list(c.points)}
                                                       for c in self.conflicts],
                "owners": self.owners, "unassigned": self.unassigned,
                "departments_created": self.departments_created, "copied": self.counts,
                "findings_not_copied": self.findings_not_copied, "findings_renumbered": self.renumbered,
                "not_copied": self.not_copied, "nothing_to_do": self.nothing_to_do}


@dataclass(frozen=True)
class Side:
    """One database of a move and who acts on it."""

    db: Database
    policy: Policy
    session: Session


@dataclass
class _Selection:
    """What of the source goes into the target: the added cases and everything that hangs off them."""

    cases: list[q.Row]
    checklists: list[q.Row]
    versions: list[q.Row]
    events: list[q.Row]
    findings: list[q.Row]
    extensions: list[q.Row]
    notes: list[q.Row]


class DatabaseCopy:
    def __init__(self, source: Side, target: Side, contribution: Contributor) -> None:
        self._source = source
        self._target = target
        self._contribution = contribution

    def run(self, source_label: str, target_label: str, *, dry_run: bool) -> CopyReport:
        self._source.policy.require(Action.MOVE_DATABASE)
        self._target.policy.require(Action.MOVE_DATABASE)
        report = CopyReport(dry_run, source_label, target_label)
        actor = self._actor()
        with self._source.db.reading() as s:
            verdict = chain.verify(s)
            if not verdict.ok:
                raise ServiceError(f"源数据库的审计记录校验未通过（{verdict.problem}），未迁移：请先查明原因")
            tip = chain.tip(s)
            snap = q.snapshot(s)
            opening = self._target.db.reading() if dry_run else self._target.db.writing()
            with opening as t:
                link = None if dry_run else self._hold(t)
                chosen = self._plan(t, snap, report)
                if not dry_run and chosen.cases:
                    assert link is not None
                    self._write(s, t, link, chosen, report, tip, actor)
        return report

    @staticmethod
    def _hold(t: Connection) -> chain.Link:
        """The whole target for this move: no checklist changes, no 整改项 is numbered, and the record
        waits (in the order every writer takes these, so no one waits in a circle)."""
        hold_checklists(t)
        serialise(t, "finding numbers")
        return chain.take(t)

    # -- planning ------------------------------------------------------------------------------------
    def _plan(self, t: Connection, snap: q.Snapshot, report: CopyReport) -> _Selection:
        existing = q.case_ids_by_no(t, [str(c["case_no"]) for c in snap.cases])
        theirs = q.current_answers(t, sorted(existing.values()))
        ours = _answers(snap)
        names = {str(v["point_hash"]): str(v["point_id"]) for v in snap.versions}
        names.update(q.point_ids(t, {h for a in theirs.values() for _, h in a}))
        added: list[q.Row] = []
        for c in snap.cases:
            no = str(c["case_no"])
            if no not in existing:
                added.append(c)
                continue
            mine, other = ours.get(int(c["id"]), {}), theirs.get(existing[no], {})
            differ = sorted((list(Stage).index(Stage(st)), names.get(h, h[:8])) for st, h in mine.keys() | other.keys()
                            if mine.get((st, h)) != other.get((st, h)))
            if differ:
                report.conflicts.append(Conflict(no, tuple(f"{list(Stage)[i].label_zh} {pid}" for i, pid in differ)))
            else:
                report.matched.append(no)
        report.added = [str(c["case_no"]) for c in added]
        chosen = _select(snap, added, report)
        self._owners(t, chosen.cases, report)
        known = q.department_ids(t)
        report.departments_created = sorted({str(r["department"]) for r in chosen.cases + chosen.findings
                                             if r["department"] and r["department"] not in known})
        report.counts = {"cases": len(chosen.cases), "checklists": len(chosen.checklists),
                         "answer_versions": len(chosen.versions), "events": len(chosen.events),
                         "findings": len(chosen.findings), "finding_extensions": len(chosen.extensions),
                         "finding_notes": len(chosen.notes)}
        report.not_copied = {k: n for k, n in snap.other.items() if n}
        return chosen

    def _owners(self, t: Connection, added: list[q.Row], report: CopyReport) -> None:
        """Each added case to the account whose 姓名 is its 承办人; the rest are listed for assignment."""
        if not has_users(t):
            return  # a single seat: no accounts, a case goes by its 承办人 text
        accounts = q.owner_accounts(t)
        for c in added:
            found = accounts.get(str(c["judge"]).strip(), [])
            if len(found) == 1:
                report.owners[str(c["case_no"])] = found[0][1]
            else:
                report.unassigned[str(c["case_no"])] = ("没有承办人姓名与之相同的法官或庭长账户" if not found
                                                        else "有多个同名的法官或庭长账户")

    # -- writing ---------------------------------------------------------------------------------------
    def _write(self, s: Connection, t: Connection, link: chain.Link, chosen: _Selection, report: CopyReport,
               tip: tuple[int, str], actor: Actor) -> None:
        now = datetime.now()
        departments = q.department_ids(t)
        new_events: list[tuple[str, dict[str, Any]]] = []
        for name in report.departments_created:
            departments[name] = add_department(t, name)
            if has_users(t):
                new_events.append(("e", event_values(NewEvent(EventKind.DEPARTMENT_ADDED, actor, field="name",
                                                              new=name, reason="迁入案件时新建"), now)))
        owners = {login: uid for found in q.owner_accounts(t).values() for uid, login in found}
        case_ids = dict(zip((int(c["id"]) for c in chosen.cases), q.insert_rows(t, cases, [
            {**_columns(c, cases), "department_id": departments.get(c["department"]) if c["department"] else None,
             "owner_user_id": owners.get(report.owners.get(str(c["case_no"]), ""))} for c in chosen.cases]),
            strict=True))
        refs = self._catalog(s, t, chosen)  # before the checklists, which name their catalog version
        cl_ids = dict(zip((int(r["id"]) for r in chosen.checklists), q.insert_rows(t, checklists, [
            {**_columns(r, checklists), "case_id": case_ids[int(r["case_id"])]} for r in chosen.checklists]),
            strict=True))
        authors = q.person_ids(t, {_author(v) for v in chosen.versions})
        # The old entries in their old order, numbered on from the target's last one.
        old = sorted([("v", v) for v in chosen.versions] + [("e", e) for e in chosen.events],
                     key=lambda item: int(item[1]["seq"]))
        first = link.seq + len(new_events)
        new_seq = {int(row["seq"]): first + i for i, (_, row) in enumerate(old)}
        finding_ids = self._findings(s, t, chosen, case_ids, cl_ids, departments, new_seq, report)
        for kind, row in old:
            if kind == "v":  # the source's row itself, given the target's numbers (a copy per answer would
                # double a move's memory); the chain takes the columns it stores and hashes
                row.update(checklist_id=cl_ids[int(row["checklist_id"])], point_ref=refs[str(row["point_hash"])],
                           actor_id=authors[_author(row)])
                new_events.append(("v", row))
            else:
                new_events.append(("e", {**_columns(row, None, drop=("seq", "tag")),
                                         "case_id": case_ids.get(row["case_id"]),
                                         "checklist_id": cl_ids.get(row["checklist_id"]),
                                         "finding_id": finding_ids.get(row["finding_id"])}))
        for c in chosen.cases:
            login = report.owners.get(str(c["case_no"]), "")
            new_events.append(("e", event_values(NewEvent(
                EventKind.CASE_COPIED, actor, case_id=case_ids[int(c["id"])], field="owner" if login else "",
                new=login, reason=f"迁自 {report.source}"), now)))
        new_events.append(("e", event_values(NewEvent(
            EventKind.DATABASE_COPIED, actor, field="source", old=report.source,
            new=f"案件 {len(chosen.cases)} 件，核查结果版本 {len(chosen.versions)} 条，记录 {len(chosen.events)} 条，"
                f"整改项 {len(chosen.findings)} 项",
            reason=f"源数据库审计记录共 {tip[0]} 条，末条哈希 {tip[1]}"), now)))
        chain.append_entries(t, link, new_events)
        self._tallies(t, list(cl_ids.values()))

    def _catalog(self, s: Connection, t: Connection, chosen: _Selection) -> dict[str, int]:
        """The catalog contents the copied checklists and answers were made against, registered in the target."""
        fingerprints = {str(r["catalog_fingerprint"]) for r in chosen.checklists}
        versions, entries, points = q.catalog_rows(s, fingerprints, {str(v["point_hash"]) for v in chosen.versions})
        points = [_columns(p, None, drop=("ref",)) for p in points]
        return q.ensure_catalog(t, versions, entries, points)

    def _findings(self, s: Connection, t: Connection, chosen: _Selection, case_ids: dict[int, int],
                  cl_ids: dict[int, int], departments: dict[str, int], new_seq: dict[int, int],
                  report: CopyReport) -> dict[int, int]:
        """Copy the 整改项 (numbered anew: numbers are per database), their extensions, notes and evidence."""
        ids: dict[int, int] = {}
        for f in chosen.findings:
            no = next_no(t, f["created_at"].year)
            if no != f["no"]:
                report.renumbered[str(f["no"])] = no
            ids[int(f["id"])] = insert_finding(t, {
                **_columns(f, None, drop=("id", "department")), "no": no, "case_id": case_ids[int(f["case_id"])],
                "checklist_id": cl_ids.get(f["checklist_id"]),
                "department_id": departments.get(f["department"]) if f["department"] else None,
                "source_seq": new_seq.get(f["source_seq"]) if f["source_seq"] is not None else None})
        q.insert_plain(t, finding_extensions, [{**_columns(x, finding_extensions), "finding_id": ids[x["finding_id"]]}
                                               for x in chosen.extensions])
        q.insert_plain(t, finding_notes, [{**_columns(n, finding_notes), "finding_id": ids[n["finding_id"]]}
                                          for n in chosen.notes])
        missing = q.missing_files(t, (str(n["sha256"]) for n in chosen.notes))
        files = q.file_rows(s, missing)
        q.insert_plain(t, evidence_files, files)
        report.counts["evidence_files"] = len(files)
        return ids

    def _tallies(self, t: Connection, checklist_ids: list[int]) -> None:
        """Each copied checklist's counts and its part of the statistics, from its answers as now stored."""
        total: Changes = {}
        counts: list[q.Row] = []
        for cl in checklist_ids:
            part = self._contribution(t, cl)
            kept = StageCounts.of(part.statuses.values())
            counts.append({"cl": cl, "n_unreviewed": kept.unreviewed, "n_clear": kept.clear, "n_risk": kept.risk,
                           "n_na": kept.na, "n_settled": kept.settled})
            accumulate(total, changes(None, part))
        q.set_counts_many(t, counts)
        tq.add(t, total)

    def _actor(self) -> Actor:
        """Who the move's entries name: the admin signed in (on the target, else on the source)."""
        for side in (self._target, self._source):
            if side.session.shared:
                return side.session.actor
        name = self._target.session.actor.name
        return Actor(name or "数据库迁移")


def _select(snap: q.Snapshot, added: list[q.Row], report: CopyReport) -> _Selection:
    case_ids = {int(c["id"]) for c in added}
    cls = [r for r in snap.checklists if int(r["case_id"]) in case_ids]
    cl_ids = {int(r["id"]) for r in cls}
    findings: list[q.Row] = []
    for f in snap.findings:
        if f["kind"] == "systemic" or f["case_id"] is None:
            report.findings_not_copied[str(f["no"])] = ("共性问题：请在目标数据库中重新识别" if f["kind"] == "systemic"
                                                         else "不属于任何案件的整改项：请在目标数据库中重新登记")
        elif int(f["case_id"]) in case_ids:
            findings.append(f)
    finding_ids = {int(f["id"]) for f in findings}
    events = [e for e in snap.events if (e["finding_id"] in finding_ids if e["finding_id"] is not None
                                         else e["case_id"] in case_ids)]
    return _Selection(added, cls, [v for v in snap.versions if int(v["checklist_id"]) in cl_ids], events, findings,
                      [x for x in snap.extensions if x["finding_id"] in finding_ids],
                      [n for n in snap.notes if n["finding_id"] in finding_ids])


def _answers(snap: q.Snapshot) -> dict[int, q.Answers]:
    """The source's current answers per case, from its versions (oldest first, so the newest stays)."""
    where = {int(r["id"]): (int(r["case_id"]), str(r["stage"])) for r in snap.checklists}
    out: dict[int, q.Answers] = {}
    for v in snap.versions:
        case_id, stage = where[int(v["checklist_id"])]
        out.setdefault(case_id, {})[(stage, str(v["point_hash"]))] = (int(v["status"]), str(v["note"]))
    return {i: {k: a for k, a in answers.items() if a != (0, "")} for i, answers in out.items()}


def _author(v: q.Row) -> tuple[str, str, str]:
    return str(v["actor"]), str(v["actor_login"]), str(v["actor_role"])


def _columns(row: q.Row, table: Any, drop: tuple[str, ...] = ("id",)) -> q.Row:
    """A source row's own columns (those of ``table`` when given) without its id and the ones ``drop`` names."""
    names = set(row) if table is None else {c.name for c in table.columns}
    return {k: v for k, v in row.items() if k in names and k not in drop}
