"""《风险防控工作通报》 as a real PDF from a real SQLite file: its figures are the statistics service's and add
up, it is paged, in one embedded font, scoped to what the person may see, and never per judge."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from riskdesk.domain.model import SettingKey
from riskdesk.domain.stats import Breakdown, Period
from riskdesk.services import Services
from riskdesk.services.errors import NotFound, PermissionDenied
from tests.accounts_factory import make_shared, signed_in
from tests.reports import bulletin_world as world
from tests.reports.conftest import kinsoku_violations, pdf_text, squash
from tests.reports.test_pdf_documents import fonts_of

COURT = "鄂尔多斯市东胜区人民法院"
Q3 = Period.parse("2026-Q3")


@pytest.fixture
def court(services: Services) -> Services:
    """A single-seat database with the world's cases (王法官 types every case in)."""
    services.settings.set(SettingKey.COURT, COURT)
    world.build(services, lambda _judge: services)
    return services


@pytest.fixture
def shared(services: Services) -> Iterator[dict[str, Services]]:
    """The same cases on a shared database, each made by its own judge; the people signed in by login."""
    make_shared(services)
    services.settings.set(SettingKey.COURT, COURT)
    people = {login: signed_in(services, login) for login in ("wang", "chen", "zhang", "zhao")}
    world.build(services, lambda judge: people["wang" if judge == "王法官" else "chen"])
    yield people


def _text(data: bytes) -> str:
    return squash(pdf_text(data))


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def test_key_figures_are_the_services_and_add_up(court: Services) -> None:
    dash = court.stats.dashboard(Q3)
    data = court.reports.bulletin(Q3)
    text = _text(data)
    # The known answers of the world, as the service counts them ...
    t, f = dash.total, dash.findings
    assert (dash.checklists.started, t.risk, t.clear, t.na) == (4, 5, 5, 1)
    assert (f.opened, f.closed, f.dismissed, f.open_now, f.overdue, f.median_days_to_close) == (4, 1, 1, 2, 1, 10.0)
    # ... and as the bulletin prints them.
    c = dash.checklists
    assert f"共开始核查清单{c.started}份，提交审核{c.submitted}份，审核通过{c.approved}份" in text
    assert f"已核查{t.answered}项" in text
    assert f"无风险{t.clear}项、存在风险{t.risk}项、不适用{t.na}项，风险率50.0%" in text
    assert "梳理整改项4条，已销号1条，经复核无需整改1条，整改中2条（其中逾期1条）；销号用时中位数10日" in text
    # Stage, month and 庭室 rows add up to the total, in the service and in the printed 合计 rows.
    for by in (Breakdown.STAGE, Breakdown.MONTH, Breakdown.DEPARTMENT):
        table = dash.tables[by]
        assert sum(r.tally.risk for r in table.rows) == t.risk
        assert sum(r.tally.checklists for r in table.rows) == c.started
        assert sum(r.tally.answered for r in table.rows) == t.answered
    assert {r.label: r.tally.risk for r in dash.tables[Breakdown.STAGE].rows} == {"立案": 4, "审判": 1}
    assert "立案39450.0%" in text and "审判12150.0%" in text  # 环节, 清单, 已核查, 存在风险, 风险率
    assert text.count(f"合计{c.started}{t.answered}{t.risk}50.0%") == 4  # stage, node (same 清单 total), month, 庭室
    assert "2026年第三季度" in text and "全院" in text and COURT in text


def test_months_and_departments_as_printed(court: Services) -> None:
    text = _text(court.reports.bulletin(Q3))
    # A quarter's months are printed short (7月) beside their chart: 月份, 清单, 已核查, 存在风险, 风险率.
    for row in ("7月13150.0%", "8月25360.0%", "9月13133.3%", "民一庭38457.1%", "民二庭13133.3%"):
        assert row in text, row
    assert "分庭室情况" in text


def test_top_points_carry_their_guidance(court: Services) -> None:
    text = _text(court.reports.bulletin(Q3))
    top = court.stats.dashboard(Q3).top_points[0]
    assert (top.point_id, top.risk) == ("LA-003", 3)
    assert f"1．LA-003{squash(top.title)}" in text and "存在风险3次，风险率100.0%" in text
    for line in top.guidance:
        assert squash(line) in text


def test_paged_one_font_no_bad_line_starts(court: Services) -> None:
    data = court.reports.bulletin(Q3)
    n = _pages(data)
    text = _text(data)
    assert n >= 3
    for page in range(1, n + 1):
        assert f"第{page}页共{n}页" in text
    names, embedded = fonts_of(data)
    assert names and all(name.endswith("+WenQuanYiMicroHei-0") for name in names), names
    assert embedded
    assert kinsoku_violations(data) == []


def test_no_figures_per_judge_even_when_the_court_turns_them_on(court: Services) -> None:
    court.settings.set(SettingKey.PERSON_FIGURES, "on")
    assert Breakdown.PERSON in court.stats.dashboard(Q3).tables
    assert Breakdown.PERSON not in court.reports.bulletin_data(Q3).tables
    text = _text(court.reports.bulletin(Q3))
    assert "王法官" not in text and "陈法官" not in text and "承办人排名" not in text


def test_one_department_and_an_unknown_one(court: Services) -> None:
    text = _text(court.reports.bulletin(Q3, "民二庭"))
    assert "统计范围：民二庭" in text
    assert "共开始核查清单1份" in text and "存在风险1项" in text
    assert "分庭室情况" not in text  # one 庭室: nothing to compare
    with pytest.raises(NotFound, match="没有名为“刑庭”的庭室"):
        court.reports.bulletin(Q3, "刑庭")


def test_an_empty_period_still_makes_a_bulletin(court: Services) -> None:
    text = _text(court.reports.bulletin(Period.parse("2025-01")))
    assert "共开始核查清单0份" in text and "本期没有核查记录" in text and "本期未梳理整改项" in text


def test_a_year_and_a_custom_range(court: Services) -> None:
    text = _text(court.reports.bulletin(Period.parse("2026")))
    assert "共开始核查清单5份" in text and "2026年12月" in text
    text = _text(court.reports.bulletin(Period.parse("2026-05..2026-07")))
    assert "2026年5月至2026年7月" in text and "共开始核查清单2份" in text


def test_a_judges_bulletin_has_only_their_cases(shared: dict[str, Services]) -> None:
    wang, chen, zhang, zhao = (shared[k] for k in ("wang", "chen", "zhang", "zhao"))
    mine = wang.reports.bulletin_data(Q3)
    assert mine.scope == "本人承办案件"
    assert (mine.checklists.started, mine.total.risk, mine.findings.opened) == (3, 4, 3)
    text = _text(wang.reports.bulletin(Q3))
    assert "统计范围：本人承办案件" in text and "共开始核查清单3份" in text and "民二庭" not in text
    assert _text(chen.reports.bulletin(Q3)).count("共开始核查清单1份") == 1
    with pytest.raises(PermissionDenied):
        wang.reports.bulletin(Q3, "民二庭")
    head = zhang.reports.bulletin_data(Q3)  # 庭长: their 庭室
    assert (head.scope, head.checklists.started, head.total.risk) == ("民一庭", 3, 4)
    with pytest.raises(PermissionDenied):
        zhang.reports.bulletin_document(Q3, "民二庭")
    assert zhao.reports.bulletin_data(Q3).checklists.started == 4  # 审管办: the court


def _cli(db: str, catalog: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RISKDESK_CATALOG": str(catalog)}
    env.pop("RISKDESK_DB", None)
    return subprocess.run([sys.executable, "-m", "riskdesk", "--db", db, *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


def test_command_line(court: Services, db_url: str, catalog_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "通报.pdf"
    proc = _cli(db_url, catalog_dir, "report", "bulletin", "--period", "2026-Q3", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "已生成风险防控工作通报（2026年第三季度）" in proc.stdout
    data = out.read_bytes()
    text = _text(data)
    assert "共开始核查清单4份" in text and "风险率50.0%" in text
    proc = _cli(db_url, catalog_dir, "report", "bulletin", "--period", "2026-Q3", "--department", "民一庭",
                "-o", str(tmp_path / "民一庭.pdf"))
    assert proc.returncode == 0, proc.stderr
    assert "统计范围：民一庭" in _text((tmp_path / "民一庭.pdf").read_bytes())


@pytest.mark.parametrize(("args", "status", "message"), [
    (("--period", "2026-Q5"), 2, "统计期间“2026-Q5”无法识别"),
    (("--period", "2026-13"), 2, "月份 13 不存在"),
    (("--period", "2026-09..2026-07"), 2, "结束早于开始"),
    (("--period", "2026-Q3", "--department", "刑庭"), 1, "没有名为“刑庭”的庭室"),
])
def test_command_line_refusals(court: Services, db_url: str, catalog_dir: Path, tmp_path: Path,
                               args: tuple[str, ...], status: int, message: str) -> None:
    out = tmp_path / "x.pdf"
    proc = _cli(db_url, catalog_dir, "report", "bulletin", *args, "-o", str(out))
    assert proc.returncode == status
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and re.match("riskdesk: 错误：", lines[0]), proc.stderr
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []
