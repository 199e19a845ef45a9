"""PDF timings: guidance sheet and case report against a plain reportlab floor of the same text.

``python bench/pdf_bench.py`` prints JSON. Times are medians of in-process runs after imports and
font registration; the guidance sheet and its floor run in pairs, and the ratio is the median of
the pairs' ratios, on the shipped catalog when it validates (else the synthetic test catalog).
Targets: guidance ≤ 2× floor and ≤ 500 ms.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.timing import median_ms, paired_ms  # noqa: E402
from riskdesk.domain.catalog import RiskPoint  # noqa: E402
from riskdesk.domain.model import SettingKey, Stage, Status  # noqa: E402
from riskdesk.services import Services  # noqa: E402
from riskdesk.services.report_service import ReportService  # noqa: E402

CASE_NO = "(2024)内0602民初123号"


def _catalog_dir(tmp: Path) -> Path:
    from riskdesk.catalog.loader import CatalogError, load_catalog

    real = ROOT / "resources" / "catalog"
    try:
        load_catalog(real)
        return real
    except (CatalogError, OSError):
        from tests.catalog_factory import write_catalog

        return write_catalog(tmp / "catalog")


def _point_text(p: RiskPoint) -> list[str]:
    return [f"{p.id} {p.title} {p.severity.label_zh}", f"风险提示：{p.risk}",
            *(f"{i + 1}. {s}" for i, s in enumerate(p.guidance)),
            "法律依据：" + "；".join(c.label() for c in p.basis), *([f"期限：{p.deadline}"] if p.deadline else [])]


def floor_pdf(points: tuple[RiskPoint, ...]) -> bytes:
    """The same words as the guidance sheet, one plain paragraph each, in the same font."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from riskdesk.reports.fonts import ensure_font

    style = ParagraphStyle("floor", fontName=ensure_font().name, fontSize=9, leading=13.5, wordWrap="CJK")
    story = [Paragraph(escape(line), style) for p in points for line in _point_text(p)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def measure(runs: int = 11) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        svc = Services.open("sqlite:///" + str(tmp / "bench.db"), _catalog_dir(tmp), backups=False)
        try:
            svc.settings.set(SettingKey.COURT, "内蒙古自治区包头市昆都仑区人民法院")
            case = svc.cases.create(CASE_NO, "买卖合同纠纷", "张三诉李四", "王法官")
            for stage in Stage:
                view = svc.checklists.open(case.id, stage)
                for i, it in enumerate(view.items[:40]):
                    status = (Status.CLEAR, Status.RISK, Status.NA)[i % 3]
                    svc.answers.set_status(view.info.id, it.point.id, status)
                    if status is Status.RISK:
                        svc.answers.set_note(view.info.id, it.point.id, "已书面告知当事人补正，待补正材料到院后复核。")
            reports = ReportService(svc)
            points = svc.catalogs.catalog.stage(Stage.TRIAL).points
            guidance, floor, ratio = paired_ms(lambda: reports.guidance_pdf(Stage.TRIAL), lambda: floor_pdf(points),
                                              runs=runs)
            return {"pdf_guidance_ms": guidance, "pdf_floor_ms": floor, "pdf_guidance_ratio": ratio,
                    "pdf_case_ms": median_ms(lambda: reports.case_pdf(CASE_NO), runs=min(runs, 5))}
        finally:
            svc.close()


if __name__ == "__main__":
    print(json.dumps(measure(), ensure_ascii=False))
