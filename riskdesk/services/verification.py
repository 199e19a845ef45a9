"""Codes that let anyone check a printed case report against the database.

A report carries (in its QR code and its PDF keywords) the case number, each stage's state and
record fingerprint, and the audit chain's head when it was printed. Checking it later says 一致, or
what changed since, by whom and when.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from pathlib import Path

from riskdesk.domain.model import Stage
from riskdesk.domain.signoff import ChecklistState
from riskdesk.reports.data import CaseStageReport, record_fingerprint
from riskdesk.services.audit import AuditService
from riskdesk.services.cases import CaseService
from riskdesk.services.checklists import ChecklistService
from riskdesk.services.errors import InvalidInput
from riskdesk.services.signoff import SignoffService

PREFIX = "RD1:"
_CODE = re.compile(rb"RD1:[A-Za-z0-9_\-]+")
_STAGE_KEY = {Stage.FILING: "F", Stage.TRIAL: "T", Stage.ENFORCEMENT: "E"}
_KEY_STAGE = {v: k for k, v in _STAGE_KEY.items()}


@dataclass(frozen=True)
class StageMark:
    stage: Stage
    state: str
    fingerprint: str  # the first 16 hex digits of the stage's record fingerprint


@dataclass(frozen=True)
class VerificationCode:
    case_no: str
    stages: tuple[StageMark, ...]
    chain_seq: int
    chain_hash: str  # the first 16 hex digits of the chain head

    def text(self) -> str:
        data = {"c": self.case_no, "s": [[_STAGE_KEY[m.stage], m.state, m.fingerprint] for m in self.stages],
                "h": [self.chain_seq, self.chain_hash]}
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return PREFIX + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    @classmethod
    def parse(cls, text: str) -> VerificationCode:
        body = text.strip()
        if not body.startswith(PREFIX):
            raise InvalidInput("这不是 RiskDesk 核查报告的校验码（应以 RD1: 开头）")
        try:
            raw = base64.urlsafe_b64decode(body[len(PREFIX):] + "=" * (-len(body[len(PREFIX):]) % 4))
            data = json.loads(raw.decode("utf-8"))
            marks = tuple(StageMark(_KEY_STAGE[k], str(state), str(fp)) for k, state, fp in data["s"])
            return cls(str(data["c"]), marks, int(data["h"][0]), str(data["h"][1]))
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise InvalidInput("校验码已损坏或不完整，请重新扫描或复制") from exc


def stage_fingerprint(part: CaseStageReport) -> str:
    return record_fingerprint((part,))[:16]


def code_in_pdf(path: Path) -> str:
    """The verification code a RiskDesk case report carries (in its document keywords)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"无法读取文件 {path}：{exc.strerror or exc}") from exc
    if not data.startswith(b"%PDF"):
        raise InvalidInput(f"{path} 不是 PDF 文件")
    found = _CODE.search(data)
    if found is None:
        raise InvalidInput(f"{path} 中没有 RiskDesk 校验码（它不是 RiskDesk 打印的案件核查报告，或打印于校验码启用之前）")
    return found.group(0).decode("ascii")


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    case_no: str
    differences: tuple[str, ...]  # what differs, then what happened since the report was printed


class VerificationService:
    """Makes the code a report carries, and checks a code against the database as it is now."""

    def __init__(self, cases: CaseService, checklists: ChecklistService, signoff: SignoffService,
                 audit: AuditService) -> None:
        self._cases = cases
        self._checklists = checklists
        self._signoff = signoff
        self._audit = audit

    def code_for(self, case_no: str) -> VerificationCode:
        case = self._cases.get(case_no)
        marks = []
        for stage in Stage:
            view = self._checklists.existing(case.id, stage)
            if view is not None:
                part = CaseStageReport(stage, view.info.catalog_version, view.info.catalog_fingerprint, view.counts,
                                       tuple((it.point, it.result) for it in view.items))
                marks.append(StageMark(stage, self._signoff.signoff(view.info.id).state.value,
                                       stage_fingerprint(part)))
        seq, head = self._audit.tip()
        return VerificationCode(case.case_no, tuple(marks), seq, head[:16])

    def check(self, text: str) -> CheckResult:
        printed = VerificationCode.parse(text)
        now = self.code_for(printed.case_no)
        differences: list[str] = []
        before = {m.stage: m for m in printed.stages}
        after = {m.stage: m for m in now.stages}
        for stage in Stage:
            b, a = before.get(stage), after.get(stage)
            if b is None and a is None:
                continue
            if b is None or a is None:
                differences.append(f"{stage.label_zh}环节：打印时{'没有' if b is None else '有'}核查清单，现在"
                                   f"{'有' if b is None else '没有'}")
                continue
            if b.state != a.state:
                differences.append(f"{stage.label_zh}环节：状态由“{ChecklistState(b.state).label_zh}”变为"
                                   f"“{ChecklistState(a.state).label_zh}”")
            if b.fingerprint != a.fingerprint:
                differences.append(f"{stage.label_zh}环节：核查记录已改变（记录指纹 {b.fingerprint} → {a.fingerprint}）")
        if now.chain_seq < printed.chain_seq:
            differences.append(f"数据库的记录比打印时少（打印时 {printed.chain_seq} 条，现在 {now.chain_seq} 条）："
                               "数据库可能已从较早的备份恢复")
        if not differences:
            return CheckResult(True, printed.case_no, ())
        since = [f"{e.at:%Y-%m-%d %H:%M} {e.who}{'（' + e.role + '）' if e.role else ''}：{e.what} "
                 f"{e.old or '—'} → {e.new or '—'}{'（理由：' + e.reason + '）' if e.reason else ''}"
                 for e in self._audit.case_log(printed.case_no) if e.seq > printed.chain_seq]
        return CheckResult(False, printed.case_no, tuple(differences + since))

    def check_pdf(self, path: Path) -> CheckResult:
        return self.check(code_in_pdf(path))
