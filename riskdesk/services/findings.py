"""整改台账 use cases: make an item from a 存在风险 answer (or by hand), work it, and close it (销号).

Rules the service enforces, whoever asks (window or command line): one 责任人 per item; the
deadline never changes in place (an extension is its own entry, by someone other than the
责任人); only the 责任人 applies for 销号, with evidence; the 销号审核人 is neither the 责任人 nor
the applicant; dismissing needs a reason and a reviewer other than the 责任人; a closed item is
reopened only with a reason. Every change is an event of the audit chain; nothing is deleted.
"""

from __future__ import annotations

import builtins
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Connection

from riskdesk.domain.events import Event, EventKind, NewEvent
from riskdesk.domain.findings import (
    DEFAULT_DUE_DAYS,
    MAX_EVIDENCE_BYTES,
    TRANSITIONS,
    Finding,
    FindingAction,
    FindingState,
    default_due,
)
from riskdesk.domain.model import CaseId, ChecklistId, SettingKey, Severity, Stage, Status
from riskdesk.services.case_fields import clean_field
from riskdesk.services.checklists import ChecklistService
from riskdesk.services.errors import InvalidInput, NotFound, ServiceError
from riskdesk.services.finding_access import FindingAccess, FindingRight, right_for
from riskdesk.services.session import Session
from riskdesk.services.settings import SettingsService
from riskdesk.storage import finding_queries as q
from riskdesk.storage.case_queries import add_department, department_id
from riskdesk.storage.checklist_queries import checklist_by_id
from riskdesk.storage.db import Database, serialise
from riskdesk.storage.events import append_event, finding_events

FindingFilter = q.FindingFilter
MAX_TEXT = 4000
# What a step writes besides the state change, inside its transaction; it may refuse.
Record = Callable[[Connection, Finding], None]


class FindingRefused(ServiceError):
    """Not allowed now: the wrong state, or the wrong person for this step."""


@dataclass(frozen=True)
class FindingChanged:
    """What one step did to an item (the ledger and the status bar subscribe)."""

    finding: Finding
    action: FindingAction


DUE_KEYS = {Severity.HIGH: SettingKey.DUE_HIGH, Severity.MEDIUM: SettingKey.DUE_MEDIUM, Severity.LOW: SettingKey.DUE_LOW}


def _text(value: str | None, label: str, *, required: bool = False) -> str:
    text = clean_field(value, label, MAX_TEXT)
    if required and not text:
        raise InvalidInput(f"需要填写{label}")
    return text


class FindingService:
    def __init__(self, db: Database, session: Session, checklists: ChecklistService, settings: SettingsService,
                 access: FindingAccess) -> None:
        self._db = db
        self._session = session
        self._checklists = checklists
        self._settings = settings
        self._access = access

    # -- making an item ------------------------------------------------------------------------------
    def from_answer(self, checklist_id: ChecklistId, point_id: str, *, measure: str = "", owner: str = "",
                    department: str = "", supervisor: str = "", due: date | None = None) -> FindingChanged:
        """An item for a 存在风险 answer, with the answer and its note as they are now."""
        view = self._checklists.view_by_id(checklist_id)
        item = next((it for it in view.items if it.point.id == point_id.upper()), None)
        if item is None:
            raise NotFound(f"风险点 {point_id} 不在这份清单中")
        if item.result.status is not Status.RISK:
            raise InvalidInput(f"{item.point.id} 的核查结果是“{item.result.status.label_zh}”：只有存在风险的风险点才建立整改项")
        with self._db.reading() as conn:
            cl = checklist_by_id(conn, checklist_id)
            existing = q.open_finding_for(conn, checklist_id, item.point.id)
        assert cl is not None
        if existing is not None:
            raise FindingRefused(f"{item.point.id} 已有未销号的整改项（{self.get(existing).no}），不再重复建立")
        case = self._checklists.case_of(view)
        self._access.check_from_answer(case.id, case.department)
        description = f"{case.case_no} {Stage(cl.stage).label_zh}环节 {item.point.id} {item.point.title}"
        if item.result.note:
            description += f"：{item.result.note}"
        return self._create(
            kind="case", case_id=case.id, checklist_id=checklist_id, point_id=item.point.id,
            source_note=item.result.note, description=description, severity=item.point.severity,
            measure=measure or "\n".join(item.point.guidance), owner=owner or case.judge,
            department=department or case.department, supervisor=supervisor, due=due)

    def manual(self, description: str, severity: Severity, *, measure: str = "", owner: str = "",
               department: str = "", supervisor: str = "", due: date | None = None) -> FindingChanged:
        """An item for a problem found outside a checklist."""
        self._access.check(FindingRight.CREATE_MANUAL, department=department.strip())
        return self._create(kind="manual", case_id=None, checklist_id=None, point_id="", source_note="",
                            description=_text(description, "问题描述", required=True), severity=severity,
                            measure=measure, owner=owner, department=department, supervisor=supervisor, due=due)

    def _create(self, *, kind: str, case_id: int | None, checklist_id: int | None, point_id: str, source_note: str,
                description: str, severity: Severity, measure: str, owner: str, department: str, supervisor: str,
                due: date | None, linked: list[int] | None = None) -> FindingChanged:
        actor = self._session.actor
        owner = _text(owner, "责任人") or actor.name
        if not owner:
            raise InvalidInput("需要写明责任人（--owner）")
        now = datetime.now()
        deadline = due or default_due(severity, now.date(), self.due_days())
        if deadline < now.date():
            raise InvalidInput(f"整改时限 {deadline} 早于今天")
        with self._db.writing() as conn:
            serialise(conn, "finding numbers")  # ZG-<year>-<n>: one writer numbers at a time
            fid = q.insert_finding(conn, {
                "no": q.next_no(conn, now.year), "kind": kind, "state": FindingState.OPEN.value, "case_id": case_id,
                "checklist_id": checklist_id, "point_id": point_id, "source_note": source_note,
                "description": description, "severity": severity.value, "severity_found": severity.value,
                "measure": _text(measure, "整改措施"), "department_id": self._department(conn, department),
                "owner": owner, "owner_login": "", "supervisor": _text(supervisor, "督办领导"), "due": deadline,
                "created_at": now, "created_by": actor.name, "updated_at": now})
            q.link_cases(conn, fid, linked or [])
            self._event(conn, fid, case_id, checklist_id, point_id, FindingAction.CREATE, "", FindingState.OPEN.value,
                        f"整改时限 {deadline}")
            made = q.finding_by_id(conn, fid)
        assert made is not None
        return FindingChanged(made, FindingAction.CREATE)

    def systemic(self, point_id: str, department: str, case_ids: list[int], days: int) -> FindingChanged:
        """A 共性问题 item for 审管办: one point at risk in several cases of one division."""
        self.require_systemic()
        from riskdesk.storage.case_queries import case_by_id

        with self._db.reading() as conn:
            numbers = [c.case_no for cid in case_ids if (c := case_by_id(conn, CaseId(cid))) is not None]
        point = self._checklists.point(point_id)
        where = department or "同一部门"
        description = (f"共性问题：{where} {days} 日内有 {len(numbers)} 件案件在 {point_id}"
                       f"（{point.title if point else ''}）存在风险：" + "、".join(numbers))
        return self._create(kind="systemic", case_id=None, checklist_id=None, point_id=point_id, source_note="",
                            description=description, severity=point.severity if point else Severity.MEDIUM,
                            measure="分析成因，建章立制，组织对照整改", owner="审管办", department=department,
                            supervisor="", due=None, linked=case_ids)

    def require_systemic(self) -> None:
        self._access.check(FindingRight.SYSTEMIC)

    # -- working an item -----------------------------------------------------------------------------
    def update(self, finding_id: int, *, measure: str | None = None, owner: str | None = None,
               department: str | None = None, supervisor: str | None = None) -> FindingChanged:
        def change(conn: Connection, f: Finding) -> None:
            values: dict[str, object] = {}
            for field, label, old, new in (("measure", "整改措施", f.measure, measure), ("owner", "责任人", f.owner, owner),
                                           ("supervisor", "督办领导", f.supervisor, supervisor)):
                if new is not None and _text(new, label) != old:
                    values[field] = _text(new, label, required=field == "owner")
                    self._event(conn, f.id, f.case_id, None, f.point_id, FindingAction.UPDATE, old, str(values[field]),
                                "", label)
            if department is not None and department.strip() != f.department:
                values["department_id"] = self._department(conn, department.strip())
                self._event(conn, f.id, f.case_id, None, f.point_id, FindingAction.UPDATE, f.department,
                            department.strip(), "", "责任部门")
            if values:
                q.update_finding(conn, f.id, {**values, "updated_at": datetime.now()})
        return self._step(finding_id, FindingAction.UPDATE, change, settled_ok=False)

    def progress(self, finding_id: int, note: str) -> FindingChanged:
        text = _text(note, "进展", required=True)
        return self._step(finding_id, FindingAction.PROGRESS, lambda conn, f: q.add_note(
            conn, f.id, datetime.now(), self._session.actor.name, "progress", text), text=text)

    def add_evidence(self, finding_id: int, text: str = "", file: Path | None = None) -> FindingChanged:
        """Evidence as text, or a file (at most 10 MB) kept in the database with its SHA-256."""
        body = _text(text, "证据说明")
        content: bytes | None = None
        if file is not None:
            try:
                size = file.stat().st_size
                if size > MAX_EVIDENCE_BYTES:
                    raise InvalidInput(f"证据文件 {file.name} 有 {size / 1048576:.1f} MB，超过 10 MB 的上限")
                content = file.read_bytes()
            except OSError as exc:
                raise InvalidInput(f"无法读取证据文件 {file}：{exc.strerror or exc}") from exc
        if not body and content is None:
            raise InvalidInput("证据需要一段说明或一个文件")

        def record(conn: Connection, f: Finding) -> None:
            meta = None
            if content is not None and file is not None:
                sha = hashlib.sha256(content).hexdigest()
                q.store_file(conn, sha, content)
                meta = (file.name[:255], sha, len(content))
            q.add_note(conn, f.id, datetime.now(), self._session.actor.name, "evidence", body, meta)

        label = f"{body}{'；文件 ' + file.name if file else ''}"
        return self._step(finding_id, FindingAction.EVIDENCE, record, text=label, settled_ok=False)

    def extend(self, finding_id: int, new_due: date, reason: str) -> FindingChanged:
        """A later deadline, as its own entry: the original one stays."""
        why = _text(reason, "延期理由", required=True)

        def record(conn: Connection, f: Finding) -> None:
            if self._is(f.owner, ""):
                raise FindingRefused(f"延期须由责任人（{f.owner}）以外的人批准")
            if new_due <= f.current_due:
                raise InvalidInput(f"新的整改时限 {new_due} 应晚于现在的时限 {f.current_due}")
            q.add_extension(conn, f.id, new_due, why, self._session.actor.name, datetime.now())
            self._event(conn, f.id, f.case_id, None, f.point_id, FindingAction.EXTEND, str(f.current_due),
                        str(new_due), why, "整改时限")
        return self._step(finding_id, FindingAction.EXTEND, record, settled_ok=False, log=False)

    def change_severity(self, finding_id: int, severity: Severity, reason: str) -> FindingChanged:
        why = _text(reason, "调整理由", required=True)

        def record(conn: Connection, f: Finding) -> None:
            q.update_finding(conn, f.id, {"severity": severity.value, "updated_at": datetime.now()})
            self._event(conn, f.id, f.case_id, None, f.point_id, FindingAction.SEVERITY, f.severity.label_zh,
                        severity.label_zh, why, "风险等级")
        return self._step(finding_id, FindingAction.SEVERITY, record, settled_ok=False, log=False)

    def apply(self, finding_id: int, evidence: str, result: str = "") -> FindingChanged:
        """申请销号: by the 责任人, with evidence of what was done."""
        proof = _text(evidence, "证据", required=True)

        def record(conn: Connection, f: Finding) -> None:
            if not self._is(f.owner, ""):
                raise FindingRefused(f"只有责任人（{f.owner}）可以申请销号")
            now = datetime.now()
            q.add_note(conn, f.id, now, self._session.actor.name, "evidence", proof)
            q.update_finding(conn, f.id, {"applicant": self._session.actor.name, "updated_at": now,
                                          "result": _text(result, "整改结果说明") or f.result})
        return self._step(finding_id, FindingAction.APPLY, record, text=proof)

    def close(self, finding_id: int, comment: str = "") -> FindingChanged:
        """销号: by someone who is neither the 责任人 nor the applicant."""
        def record(conn: Connection, f: Finding) -> None:
            if self._is(f.owner, f.applicant):
                raise FindingRefused(f"销号审核人不能是责任人（{f.owner}）或申请人（{f.applicant}）")
            q.update_finding(conn, f.id, {"closed_by": self._session.actor.name, "closed_at": datetime.now(),
                                          "updated_at": datetime.now()})
        return self._step(finding_id, FindingAction.CLOSE, record, text=_text(comment, "意见"))

    def return_(self, finding_id: int, comment: str) -> FindingChanged:
        why = _text(comment, "退回意见", required=True)

        def record(conn: Connection, f: Finding) -> None:
            if self._is(f.owner, f.applicant):
                raise FindingRefused("退回销号申请须由责任人和申请人以外的人作出")
            q.add_note(conn, f.id, datetime.now(), self._session.actor.name, "comment", why)
        return self._step(finding_id, FindingAction.RETURN, record, text=why)

    def dismiss(self, finding_id: int, reason: str) -> FindingChanged:
        why = _text(reason, "理由", required=True)

        def record(conn: Connection, f: Finding) -> None:
            if self._is(f.owner, ""):
                raise FindingRefused(f"“无需整改”须由责任人（{f.owner}）以外的复核人决定")
        return self._step(finding_id, FindingAction.DISMISS, record, text=why)

    def reopen(self, finding_id: int, reason: str) -> FindingChanged:
        why = _text(reason, "理由", required=True)

        def record(conn: Connection, f: Finding) -> None:
            q.update_finding(conn, f.id, {"closed_by": "", "closed_at": None, "applicant": "",
                                          "updated_at": datetime.now()})
        return self._step(finding_id, FindingAction.REOPEN, record, text=why)

    # -- reading -------------------------------------------------------------------------------------
    def get(self, finding_id: int) -> Finding:
        with self._db.reading() as conn:
            found = q.finding_by_id(conn, finding_id)
        if found is None:
            raise NotFound(f"没有编号为 {finding_id} 的整改项")
        self._access.check(FindingRight.READ, found)
        return found

    def find(self, no_or_id: str) -> Finding:
        """An item by its 编号 (ZG-2026-0001) or its number."""
        text = no_or_id.strip().upper()
        if text.isdigit():
            return self.get(int(text))
        with self._db.reading() as conn:
            found = q.finding_by_no(conn, text)
        if found is None:
            raise NotFound(f"没有编号为 {text} 的整改项")
        self._access.check(FindingRight.READ, found)
        return found

    def list(self, f: FindingFilter | None = None) -> list[Finding]:
        with self._db.reading() as conn:
            found = q.list_findings(conn, f or FindingFilter())
        return self._access.visible(found)

    def notes(self, finding_id: int) -> builtins.list[tuple[datetime, str, str, str, str, str, int]]:
        self.get(finding_id)
        with self._db.reading() as conn:
            return q.notes_of(conn, finding_id)

    def evidence_file(self, sha256: str) -> bytes:
        with self._db.reading() as conn:
            owners = q.findings_with_file(conn, sha256)
            items = [f for i in owners if (f := q.finding_by_id(conn, i)) is not None]
            found = q.file_content(conn, sha256) if self._access.visible(items) else None
        if found is None:
            raise NotFound("证据文件不在数据库中")
        return found

    def events(self, finding_id: int) -> builtins.list[Event]:
        """Everything that happened to an item, in order: its entries of the audit chain."""
        with self._db.reading() as conn:
            return finding_events(conn, finding_id)

    def linked_cases(self, finding_id: int) -> builtins.list[str]:
        self.get(finding_id)
        with self._db.reading() as conn:
            return q.linked_cases(conn, finding_id)

    def overdue_count(self, today: date | None = None) -> int:
        day = today or date.today()
        return sum(1 for f in self.list() if f.overdue(day))

    def due_days(self) -> dict[Severity, int]:
        """Days to put a risk right, by level: the court's own (设置), else 高 15 / 中 30 / 低 60."""
        out = dict(DEFAULT_DUE_DAYS)
        for severity, key in DUE_KEYS.items():
            value = self._settings.get(key)
            if value.isdigit() and int(value) > 0:
                out[severity] = int(value)
        return out

    # -- the machinery -------------------------------------------------------------------------------
    def _is(self, *names: str) -> bool:
        """Whether the person acting is one of these (by login on a shared database, else by name)."""
        me = self._session.actor
        return any(n and n == me.name for n in names)

    def _step(self, finding_id: int, action: FindingAction, record: Record, *, text: str = "",
              settled_ok: bool = True, log: bool = True) -> FindingChanged:
        actor = self._session.actor
        if not actor.name.strip():
            raise InvalidInput("需要写明由谁操作：请先在设置中填写承办人，或用 --by 指定姓名")
        with self._db.writing() as conn:
            q.lock_finding(conn, finding_id)  # its steps one at a time (its record entries come last)
            f = q.finding_by_id(conn, finding_id)
            if f is None:
                raise NotFound(f"没有编号为 {finding_id} 的整改项")
            self._access.check(right_for(action), f)
            target = TRANSITIONS.get((f.state, action))
            moves = action in {a for (_, a) in TRANSITIONS}
            if moves and target is None:
                raise FindingRefused(f"整改项 {f.no} 现为“{f.state.label_zh}”，不能{action.label_zh}")
            if not moves and not settled_ok and f.state.settled:
                raise FindingRefused(f"整改项 {f.no} 已{f.state.label_zh}：请先重新整改")
            record(conn, f)
            if target is not None and target is not f.state:
                q.update_finding(conn, f.id, {"state": target.value, "updated_at": datetime.now()})
            if log:
                self._event(conn, f.id, f.case_id, None, f.point_id, action, f.state.value,
                            (target or f.state).value, text)
            changed = q.finding_by_id(conn, finding_id)
        assert changed is not None
        return FindingChanged(changed, action)

    def _event(self, conn: Connection, finding_id: int, case_id: int | None, checklist_id: int | None, point_id: str,
               action: FindingAction, old: str, new: str, reason: str, field: str = "") -> None:
        append_event(conn, NewEvent(EventKind.FINDING, self._session.actor, case_id=case_id, checklist_id=checklist_id,
                                    point_id=point_id, field=field or action.value, old=old, new=new, reason=reason,
                                    finding_id=finding_id), datetime.now())

    @staticmethod
    def _department(conn: Connection, name: str) -> int | None:
        if not name.strip():
            return None
        return department_id(conn, name.strip()) or add_department(conn, name.strip())
