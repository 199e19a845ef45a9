"""The three documents as real PDFs: content, fonts, line breaking, page counts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from riskdesk.catalog.loader import CatalogError, load_catalog
from riskdesk.domain.model import Stage
from riskdesk.services import Services
from riskdesk.services.errors import NotFound
from riskdesk.services.report_service import ReportService
from tests.reports.conftest import CASE_NO, REAL_CATALOG, answer_case, kinsoku_violations, pdf_text, squash


def fonts_of(data: bytes) -> tuple[set[str], bool]:
    """Base font names used by any page (incl. form XObjects), and whether every one embeds FontFile2."""
    reader = PdfReader(io.BytesIO(data))
    names: set[str] = set()
    all_embedded = True

    def walk(resources: object) -> None:
        nonlocal all_embedded
        res = resources.get_object() if hasattr(resources, "get_object") else resources  # type: ignore[union-attr]
        if not res:
            return
        for font in (res.get("/Font") or {}).values():  # type: ignore[union-attr]
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            if desc is None or "/FontFile2" not in desc.get_object():
                all_embedded = False
        for xobj in (res.get("/XObject") or {}).values():  # type: ignore[union-attr]
            walk(xobj.get_object().get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return names, all_embedded


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("stage", list(Stage))
def test_guidance_lists_every_point(reports: ReportService, pdf_services: Services, stage: Stage) -> None:
    data = reports.guidance_pdf(stage)
    text = squash(pdf_text(data))
    assert f"《{stage.label_zh}环节风险提示与操作指引》" in text
    assert "内蒙古自治区包头市昆都仑区人民法院" in text
    cat = pdf_services.catalogs.catalog
    assert cat.fingerprint[:12] in text and cat.version in text
    for p in cat.stage(stage).points:
        assert p.id in text and squash(p.title) in text
        assert squash(p.basis[0].label()) in text
    for node in cat.stage(stage).nodes:
        assert squash(node.name) in text
    assert "第1页共" in text
    assert 5 <= page_count(data) <= 40


def test_guidance_without_court_name(pdf_services: Services) -> None:
    data = ReportService(pdf_services).guidance_pdf(Stage.TRIAL)
    assert "《审判环节风险提示与操作指引》" in squash(pdf_text(data))


def test_blank_checklist(reports: ReportService, pdf_services: Services) -> None:
    data = reports.blank_pdf(Stage.ENFORCEMENT)
    text = squash(pdf_text(data))
    for p in pdf_services.catalogs.catalog.stage(Stage.ENFORCEMENT).points:
        assert p.id in text and squash(p.title) in text
    for word in ("案号", "案由", "无风险", "存在风险", "不适用", "承办人", "审核人", "日期"):
        assert word in text
    n = page_count(data)
    assert 2 <= n <= 10
    # The header row repeats on every page.
    reader = PdfReader(io.BytesIO(data))
    assert all("不适用" in page.extract_text() for page in reader.pages)


def test_case_report(reports: ReportService, pdf_services: Services) -> None:
    answer_case(pdf_services)
    data = reports.case_pdf(CASE_NO)
    text = squash(pdf_text(data))
    for word in ("（2024）内0602民初123号", "买卖合同纠纷", "张三诉李四", "王法官", "立案环节", "存在风险"):
        assert word in text
    assert "诉状缺少被告住所" in text
    assert "审判环节" not in text  # not started, so not printed
    report = reports.case_report(CASE_NO)
    assert report.record_fingerprint in text
    for p, _ in report.stages[0].items:
        assert p.id in text
    assert 2 <= page_count(data) <= 12
    # The risk is listed before the full table.
    assert text.index("诉状缺少被告住所") < text.index("全部风险点核查结果")


def test_case_report_fingerprint_follows_the_answers(reports: ReportService, pdf_services: Services) -> None:
    answer_case(pdf_services)
    before = reports.case_report(CASE_NO).record_fingerprint
    assert reports.case_report(CASE_NO).record_fingerprint == before
    case = pdf_services.cases.get(CASE_NO)
    view = pdf_services.checklists.open(case.id, Stage.FILING)
    pdf_services.session.act_as("书记员")
    pdf_services.answers.set_note(view.info.id, "LA-004", "补充说明")
    assert reports.case_report(CASE_NO).record_fingerprint != before


def test_case_report_stage_choice(reports: ReportService, pdf_services: Services) -> None:
    answer_case(pdf_services)
    with pytest.raises(NotFound, match="尚未开始执行环节"):
        reports.case_pdf(CASE_NO, [Stage.ENFORCEMENT])
    pdf_services.cases.create("(2024)内0602民初124号")
    with pytest.raises(NotFound, match="尚未开始任何环节"):
        reports.case_pdf("(2024)内0602民初124号")
    with pytest.raises(NotFound):
        reports.case_pdf("(2024)内0602民初999号")


def test_one_embedded_truetype_font_only(reports: ReportService, pdf_services: Services) -> None:
    answer_case(pdf_services)
    for data in (reports.guidance_pdf(Stage.FILING), reports.blank_pdf(Stage.FILING), reports.case_pdf(CASE_NO)):
        names, embedded = fonts_of(data)
        # reportlab embeds a TrueType font in subsets of at most 256 glyphs: AAAAAA+…, AAAAAB+… are one font.
        assert names and all(n.endswith("+WenQuanYiMicroHei-0") for n in names), names
        assert embedded


def test_no_line_starts_with_closing_punctuation(reports: ReportService, pdf_services: Services) -> None:
    answer_case(pdf_services)
    # Notes full of commas and closing quotes at every possible break position.
    case = pdf_services.cases.get(CASE_NO)
    view = pdf_services.checklists.open(case.id, Stage.FILING)
    note = "".join(f"第{i}项“材料”，（附件）。" + "字" * (i % 7) for i in range(60))
    pdf_services.answers.set_note(view.info.id, "LA-004", note)
    for data in (reports.guidance_pdf(Stage.FILING), reports.blank_pdf(Stage.FILING), reports.case_pdf(CASE_NO)):
        assert kinsoku_violations(data) == []


def _real_catalog_or_skip() -> Path:
    try:
        load_catalog(REAL_CATALOG)
    except (CatalogError, FileNotFoundError, OSError) as exc:
        pytest.skip(f"the shipped catalog does not validate yet: {str(exc)[:200]}")
    return REAL_CATALOG


@pytest.mark.parametrize("stage", list(Stage))
def test_real_catalog_documents(tmp_path: Path, stage: Stage) -> None:
    catalog = _real_catalog_or_skip()
    svc = Services.open("sqlite:///" + str(tmp_path / "real.db"), catalog, backups=False)
    try:
        answer_case(svc, stage)
        reports = ReportService(svc)
        cat = svc.catalogs.catalog
        guidance = reports.guidance_pdf(stage)
        text = squash(pdf_text(guidance))
        for p in cat.stage(stage).points:
            assert p.id in text and squash(p.title) in text
        for data in (guidance, reports.blank_pdf(stage), reports.case_pdf(CASE_NO)):
            assert kinsoku_violations(data) == []
            assert fonts_of(data)[1]
        assert 10 <= page_count(guidance) <= 80
    finally:
        svc.close()
