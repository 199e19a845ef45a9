"""Fixtures for the PDF tests: a synthetic catalog, a real SQLite file and a case with answers."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from riskdesk.domain.model import SettingKey, Stage, Status
from riskdesk.services import Services
from riskdesk.services.report_service import ReportService
from tests.catalog_factory import write_catalog

CASE_NO = "(2024)内0602民初123号"
REAL_CATALOG = Path(__file__).resolve().parents[2] / "resources" / "catalog"
# No extracted line may start with one of these (Chinese typesetting rule, 避头点).
CANNOT_START = "，。、；：！？）》”’"


@pytest.fixture
def pdf_catalog(tmp_path: Path) -> Path:
    return write_catalog(tmp_path / "catalog")


@pytest.fixture
def pdf_services(tmp_path: Path, pdf_catalog: Path) -> Iterator[Services]:
    svc = Services.open("sqlite:///" + str(tmp_path / "riskdesk.db"), pdf_catalog, backups=False)
    yield svc
    svc.close()


@pytest.fixture
def reports(pdf_services: Services) -> ReportService:
    pdf_services.settings.set(SettingKey.COURT, "内蒙古自治区包头市昆都仑区人民法院")
    return ReportService(pdf_services)


def answer_case(svc: Services, stage: Stage = Stage.FILING, case_no: str = CASE_NO, *, cause: str = "买卖合同纠纷",
                parties: str = "张三诉李四", judge: str = "王法官") -> None:
    """A case whose ``stage`` has one risk, one clear and one n/a answer."""
    case = svc.cases.create(case_no, cause, parties, judge)
    view = svc.checklists.open(case.id, stage)
    p = stage.prefix
    svc.answers.set_status(view.info.id, f"{p}-003", Status.RISK)
    svc.answers.set_note(view.info.id, f"{p}-003", "诉状缺少被告住所，已一次性书面告知补正。")
    svc.answers.set_status(view.info.id, f"{p}-004", Status.CLEAR)
    svc.answers.set_status(view.info.id, f"{p}-005", Status.NA)


def pdf_lines(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [line for page in reader.pages for line in page.extract_text().splitlines()]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_lines(data))


def squash(text: str) -> str:
    """Text without whitespace, so a title wrapped over two lines still matches."""
    return re.sub(r"\s+", "", text)


def kinsoku_violations(data: bytes) -> list[str]:
    return [line for line in pdf_lines(data) if line.strip() and line.lstrip()[0] in CANNOT_START]
