"""The ledger as a court reports it: totals per division (梳理、已销号、整改中、逾期), 共性问题, exports."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from riskdesk.domain.findings import SYSTEMIC_CASES, SYSTEMIC_DAYS, Finding, Totals
from riskdesk.domain.model import SettingKey
from riskdesk.services.errors import ServiceError
from riskdesk.services.findings import FindingFilter, FindingService
from riskdesk.services.settings import SettingsService
from riskdesk.storage import finding_queries as q
from riskdesk.storage.chain import stamp
from riskdesk.storage.db import Database


class LedgerService:
    def __init__(self, db: Database, findings: FindingService, settings: SettingsService) -> None:
        self._db = db
        self._findings = findings
        self._settings = settings

    def totals(self, items: list[Finding], today: date | None = None) -> tuple[list[Totals], Totals]:
        """Per division (in name order; items without one last) and for the court."""
        day = today or date.today()
        names = sorted({f.department for f in items if f.department})
        rows = [Totals.of(n, [f for f in items if f.department == n], day) for n in names]
        if any(not f.department for f in items):
            rows.append(Totals.of("（未指定部门）", [f for f in items if not f.department], day))
        return rows, Totals.of("全院", items, day)

    def detect_systemic(self) -> list[Finding]:
        """Make a 共性问题 item for each point found at risk in N or more cases of one division within the
        period (settings; 3 cases in 90 days by default), unless one was made in that period already."""
        self._findings.require_systemic()
        n = _int(self._settings.get(SettingKey.SYSTEMIC_CASES), SYSTEMIC_CASES)
        days = _int(self._settings.get(SettingKey.SYSTEMIC_DAYS), SYSTEMIC_DAYS)
        since = datetime.now() - timedelta(days=days)
        made = []
        with self._db.reading() as conn:
            candidates = [(pid, dept, ids, q.department_name(conn, dept))
                          for pid, dept, ids in q.systemic_candidates(conn, stamp(since), n)
                          if not q.systemic_exists(conn, pid, dept, since)]
        for pid, _dept, ids, name in candidates:
            made.append(self._findings.systemic(pid, name, ids, days).finding)
        return made

    def export_xlsx(self, items: list[Finding], path: Path, title: str) -> Path:
        from riskdesk.sheets.ledger import write_ledger

        rows, total = self.totals(items)
        try:
            return write_ledger(path, title, items, rows, total, date.today())
        except OSError as exc:  # a folder that is not there, no right to write, the file open in Excel
            raise ServiceError(f"无法保存整改台账到 {path}：{exc.strerror or exc}") from exc

    def export_pdf(self, items: list[Finding], court: str, period: str) -> bytes:
        from riskdesk.reports.ledger import LedgerSheet, build_ledger

        rows, total = self.totals(items)
        return build_ledger(LedgerSheet(court, period, tuple(items), tuple(rows), total, date.today()))


def in_period(f: FindingFilter, start: date | None, end: date | None) -> FindingFilter:
    return FindingFilter(f.states, f.department, f.owner, f.stage, f.point_id, f.case_id, start, end, f.search)


def _int(value: str, default: int) -> int:
    return int(value) if value.isdigit() and int(value) > 0 else default

