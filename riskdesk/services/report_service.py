"""Printing: gathers plain data for the PDF builders and saves the result safely.

reportlab loads only inside the ``*_pdf`` methods, so importing the services stays fast.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from riskdesk.domain.model import SettingKey, Stage
from riskdesk.domain.stats import Breakdown, Period
from riskdesk.services.case_fields import parse_case_no
from riskdesk.services.errors import NotFound, ServiceError
from riskdesk.services.permissions import Action, CaseAction

if TYPE_CHECKING:
    from riskdesk.domain.catalog import Catalog
    from riskdesk.reports.data import Bulletin, CaseReport, CatalogSheet
    from riskdesk.services import Services


# What a bulletin prints; never Breakdown.PERSON (统计数据供研判，不用于对法官排名).
_BULLETIN_TABLES = (Breakdown.STAGE, Breakdown.NODE, Breakdown.MONTH, Breakdown.DEPARTMENT)


class ReportWriteError(ServiceError):
    """The PDF was made but could not be saved; the target file is untouched."""


@dataclass(frozen=True)
class Document:
    """A PDF to make: its file name as the court would file it, and the call that renders it.

    The data is read when the Document is made (on the caller's thread); ``render`` only lays out
    the pages, so the window can run it on a worker thread without touching the database there.
    """

    file_name: str
    title: str
    render: Callable[[], bytes]


def safe_file_name(text: str) -> str:
    """A case number or title usable as a file name on Windows and Linux."""
    return "".join("-" if ch in '/\\:*?"<>|' else ch for ch in text).strip() or "RiskDesk"


class ReportService:
    def __init__(self, services: Services) -> None:
        self._services = services

    def court(self) -> str:
        return self._court()

    def _court(self) -> str:
        return self._services.settings.get(SettingKey.COURT)

    def catalog_sheet(self, stage: Stage) -> CatalogSheet:
        from riskdesk.reports.data import CatalogSheet  # only when printing: start-up stays lean

        self._services.policy.require(Action.PRINT_CATALOG)

        cat = self._services.catalogs.catalog
        sc = cat.stage(stage)
        return CatalogSheet(self._court(), stage, sc.name, sc.nodes, cat.version, cat.fingerprint, date.today())

    def case_report(self, case_no: str, stages: list[Stage] | None = None) -> CaseReport:
        """The case's started stages (or those asked for, which must have been started)."""
        from riskdesk.reports.data import CaseReport, CaseStageReport, OriginRiskLine, record_fingerprint

        svc = self._services
        svc.policy.check_case(CaseAction.REPORT, case_no=parse_case_no(case_no))
        case = svc.cases.get(case_no)
        parts: list[CaseStageReport] = []
        for st in stages or list(Stage):
            view = svc.checklists.existing(case.id, st)
            if view is None:
                if stages:
                    raise NotFound(f"案件 {case.case_no} 尚未开始{st.label_zh}环节的核查，无法打印该环节的报告")
                continue
            parts.append(CaseStageReport(st, view.info.catalog_version, view.info.catalog_fingerprint, view.counts,
                                         tuple((it.point, it.result) for it in view.items)))
        if not parts:
            raise NotFound(f"案件 {case.case_no} 尚未开始任何环节的核查，没有可打印的核查报告")
        stages_t = tuple(parts)
        catalog = svc.catalogs.catalog
        origin = tuple(OriginRiskLine(r.case_no, r.stage, r.point_id, _title(catalog, r.point_id), r.note)
                       for r in svc.cases.origin_risks(case))
        signoffs = {}
        for st in (p.stage for p in parts):
            view = svc.checklists.existing(case.id, st)
            assert view is not None
            signoffs[st] = svc.signoff.signoff(view.info.id)
        code = svc.verification.code_for(case.case_no).text()
        return CaseReport(self._court(), case, stages_t, datetime.now().replace(microsecond=0),
                          record_fingerprint(stages_t), origin, signoffs, code, not svc.session.actor.shared)

    def bulletin_data(self, period: Period, department: str | None = None, today: date | None = None) -> Bulletin:
        """The 通报's figures: the statistics window's dashboard for the same period and scope (the
        acting person's scope is enforced there), without the per-person breakdown."""
        from riskdesk.reports.data import Bulletin, BulletinPoint

        dash = self._services.stats.dashboard(period, department, top=10, today=today)
        tables = {by: dash.tables[by] for by in _BULLETIN_TABLES if by in dash.tables}
        assert Breakdown.PERSON not in tables  # the bulletin ranks no judge, whatever the court turned on
        top = tuple(BulletinPoint(p.point_id, p.title,
                                  "·".join(x for x in (p.stage.label_zh if p.stage else "", p.node_name) if x),
                                  p.risk, p.risk_rate, p.guidance) for p in dash.top_points)
        return Bulletin(self._court(), period, dash.scope, today or date.today(), dash.checklists, dash.total,
                        tables, top, dash.findings)

    # -- documents ---------------------------------------------------------------------------------
    def guidance_document(self, stage: Stage) -> Document:
        """《X环节风险提示与操作指引》 for the current catalog."""
        sheet = self.catalog_sheet(stage)

        def render() -> bytes:
            from riskdesk.reports.guidance import build_guidance

            return build_guidance(sheet)

        title = f"{stage.label_zh}环节风险提示与操作指引"
        return Document(f"{title}.pdf", title, render)

    def blank_document(self, stage: Stage) -> Document:
        """The blank paper checklist of one stage, to fill in by hand."""
        sheet = self.catalog_sheet(stage)

        def render() -> bytes:
            from riskdesk.reports.blank import build_blank

            return build_blank(sheet)

        title = f"{stage.label_zh}环节风险核查清单"
        return Document(f"{title}.pdf", title, render)

    def case_document(self, case_no: str, stages: list[Stage] | None = None) -> Document:
        """The case's 核查报告 for its started stages (``stages`` narrows the choice)."""
        report = self.case_report(case_no, stages)

        def render() -> bytes:
            from riskdesk.reports.case_report import build_case_report

            return build_case_report(report)

        return Document(f"{safe_file_name(report.case.case_no)}核查报告.pdf", "案件风险核查报告", render)

    def bulletin_document(self, period: Period, department: str | None = None) -> Document:
        """《风险防控工作通报》 for a period and the court, a 庭室 (None: as wide as the person may see)."""
        data = self.bulletin_data(period, department)

        def render() -> bytes:
            from riskdesk.reports.bulletin import build_bulletin

            return build_bulletin(data)

        scope = "" if data.scope == "全院" else f"（{data.scope}）"
        return Document(safe_file_name(f"风险防控工作通报{period.label}{scope}.pdf"), "风险防控工作通报", render)

    def bulletin(self, period: Period, department: str | None = None) -> bytes:
        return self.bulletin_document(period, department).render()

    def guidance_pdf(self, stage: Stage) -> bytes:
        return self.guidance_document(stage).render()

    def blank_pdf(self, stage: Stage) -> bytes:
        return self.blank_document(stage).render()

    def case_pdf(self, case_no: str, stages: list[Stage] | None = None) -> bytes:
        return self.case_document(case_no, stages).render()

    def write(self, path: str | os.PathLike[str], data: bytes) -> Path:
        """Save atomically: a temporary file next to the target, then os.replace.

        A reader (or a crash) never sees half a PDF, and a failed save leaves any earlier file intact.
        """
        target = Path(path).expanduser().absolute()
        folder = target.parent
        if not folder.is_dir():
            raise ReportWriteError(f"无法保存 PDF：文件夹不存在：{folder}")
        if target.is_dir():
            raise ReportWriteError(f"无法保存 PDF：{target} 是一个文件夹，请指定文件名")
        tmp: str | None = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            with suppress(OSError):  # mkstemp makes the file private; a PDF is shared like any document
                os.chmod(tmp, 0o644)
            os.replace(tmp, target)
            tmp = None
        except PermissionError as exc:
            raise ReportWriteError(f"无法保存 PDF 到 {target}：没有写入权限，或文件正被其他程序"
                                   f"（如 PDF 阅读器）打开。（{exc.strerror or exc}）") from exc
        except OSError as exc:
            raise ReportWriteError(f"无法保存 PDF 到 {target}：{exc.strerror or exc}") from exc
        finally:
            if tmp is not None:
                with suppress(OSError):
                    os.unlink(tmp)
        return target


def _title(catalog: Catalog, point_id: str) -> str:
    try:
        return catalog.point(point_id).title
    except (KeyError, ValueError):
        return ""  # a point of an older catalog: its number and the note say enough
