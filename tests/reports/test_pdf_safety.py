"""Hostile user text, missing glyphs, lazy reportlab import, atomic writes and the CLI end to end."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from riskdesk.domain.model import SettingKey, Stage, Status
from riskdesk.reports.text import markup, replace_missing, strip_controls
from riskdesk.services import Services
from riskdesk.services.report_service import ReportService, ReportWriteError
from tests.reports.conftest import CASE_NO, kinsoku_violations, pdf_text, squash

REPO = Path(__file__).resolve().parents[2]


def test_text_helpers() -> None:
    covered = {ord(c) for c in "ab<>&□"}
    assert strip_controls("a\x00b\x07\tc\r\nd\x1b") == "ab c\nd"
    assert replace_missing("a😀\ufe0fb𠀀", covered) == "a□b□"
    assert markup("<b>a</b> & b", covered | {ord(c) for c in "/ "}) == "&lt;b&gt;a&lt;/b&gt; &amp; b"
    assert markup("a\nb", covered) == "a<br/>b"


def test_font_lacks_emoji_and_rare_characters() -> None:
    from riskdesk.reports.fonts import ensure_font

    font = ensure_font()
    assert ord("😀") not in font.covered and ord("𠀀") not in font.covered
    assert ord("案") in font.covered and ord(font.replacement) in font.covered


HOSTILE = "<b>加粗</b> & <i>斜体</i> <font size=40>大</font> 1 < 2 > 0 &amp; 😀𠀀 \x00\x01\x1b末尾"


def test_hostile_text_prints_literally(tmp_path: Path, pdf_catalog: Path) -> None:
    svc = Services.open("sqlite:///" + str(tmp_path / "h.db"), pdf_catalog, backups=False)
    try:
        svc.settings.set(SettingKey.COURT, "法院<b>&amp;</b>😀")
        case = svc.cases.create(CASE_NO, "案由<script>&", "原告<b>甲</b> & 乙𠀀", "法官&lt;")
        view = svc.checklists.open(case.id, Stage.TRIAL)
        svc.session.act_as("王<b>")
        svc.answers.set_status(view.info.id, "SP-001", Status.RISK)
        svc.session.act_as("王<b>")
        svc.answers.set_note(view.info.id, "SP-001", HOSTILE)
        long_note = ("很长的备注，包含“引号”和（括号）。" * 400)[:5000]
        svc.session.act_as("王")
        svc.answers.set_status(view.info.id, "SP-002", Status.RISK)
        svc.session.act_as("王")
        svc.answers.set_note(view.info.id, "SP-002", long_note)
        svc.session.act_as("王")
        svc.answers.set_note(view.info.id, "SP-003", long_note)  # long note on a point not at risk
        reports = ReportService(svc)
        data = reports.case_pdf(CASE_NO)
        guidance = reports.guidance_pdf(Stage.FILING)
    finally:
        svc.close()
    text = pdf_text(data)
    flat = squash(text)
    assert squash("<b>加粗</b>&<i>斜体</i><fontsize=40>大</font>1<2>0&amp;□□末尾") in flat
    assert "法院<b>&amp;</b>□" in flat and "原告<b>甲</b>&乙□" in flat and "案由<script>&" in flat
    assert "😀" not in text and "𠀀" not in text and "\x00" not in text and "\x1b" not in text
    # Both long notes print in full (SP-002 under the risks, SP-003 in 较长备注全文); a page break may
    # cut one repetition where the header and footer land in the extracted text.
    reps = long_note.count("很长的备注")
    assert flat.count("很长的备注") >= 2 * reps - 10
    assert "共5000字" in flat  # the table shows the start and says where the rest is
    assert kinsoku_violations(data) == []
    assert len(PdfReader(io.BytesIO(data)).pages) <= 20
    assert "法院<b>&amp;</b>□" in squash(pdf_text(guidance))


def test_importing_services_does_not_load_reportlab() -> None:
    code = ("import sys, riskdesk.services, riskdesk.services.report_service, riskdesk.reports.data, riskdesk.cli; "
            "bad = [m for m in sys.modules if m.startswith(('reportlab', 'PySide6'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_reports_package_imports_no_qt_or_sqlalchemy() -> None:
    for path in (REPO / "riskdesk" / "reports").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "PySide6" not in source and "sqlalchemy" not in source.lower(), path


def test_write_is_atomic_and_reports_failures(tmp_path: Path, pdf_services: Services) -> None:
    reports = ReportService(pdf_services)
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    assert reports.write(target, b"%PDF-new") == target.absolute()
    assert target.read_bytes() == b"%PDF-new"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    with pytest.raises(ReportWriteError, match="文件夹不存在"):
        reports.write(tmp_path / "missing" / "x.pdf", b"x")
    with pytest.raises(ReportWriteError, match="是一个文件夹"):
        reports.write(tmp_path, b"x")
    if os.name == "posix" and os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            with pytest.raises(ReportWriteError, match="无法保存"):
                reports.write(locked / "x.pdf", b"x")
        finally:
            locked.chmod(0o700)


def _cli(tmp_path: Path, catalog: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "riskdesk", "--db", str(tmp_path / "cli.db"), "--catalog", str(catalog),
                           *args], cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env)


def test_cli_end_to_end(tmp_path: Path, pdf_catalog: Path) -> None:
    assert _cli(tmp_path, pdf_catalog, "config", "set", "court", "测试人民法院").returncode == 0
    assert _cli(tmp_path, pdf_catalog, "case", "add", CASE_NO, "--cause", "借款合同纠纷").returncode == 0
    r = _cli(tmp_path, pdf_catalog, "review", CASE_NO, "ZX-007", "risk", "--note", "被执行人财产未查控")
    assert r.returncode == 0, r.stderr

    r = _cli(tmp_path, pdf_catalog, "pdf", "guidance", "--stage", "trial", "-o", "g.pdf")
    assert r.returncode == 0, r.stderr
    assert "《审判环节风险提示与操作指引》" in squash(pdf_text((tmp_path / "g.pdf").read_bytes()))
    r = _cli(tmp_path, pdf_catalog, "pdf", "blank", "--stage", "filing", "-o", "b.pdf")
    assert r.returncode == 0, r.stderr
    assert "《立案环节风险核查清单》" in squash(pdf_text((tmp_path / "b.pdf").read_bytes()))
    r = _cli(tmp_path, pdf_catalog, "pdf", "case", CASE_NO, "-o", "c.pdf")
    assert r.returncode == 0, r.stderr
    assert "已生成" in r.stdout
    text = squash(pdf_text((tmp_path / "c.pdf").read_bytes()))
    assert "被执行人财产未查控" in text and "执行环节" in text and "测试人民法院" in text

    r = _cli(tmp_path, pdf_catalog, "pdf", "case", CASE_NO, "--stage", "filing", "-o", "c2.pdf")
    assert r.returncode == 1 and "尚未开始立案环节" in r.stderr and not (tmp_path / "c2.pdf").exists()
    r = _cli(tmp_path, pdf_catalog, "pdf", "guidance", "--stage", "bogus", "-o", "x.pdf")
    assert r.returncode == 2 and "无法识别" in r.stderr
    r = _cli(tmp_path, pdf_catalog, "pdf", "blank", "--stage", "filing", "-o", str(tmp_path / "nope" / "x.pdf"))
    assert r.returncode == 1 and "文件夹不存在" in r.stderr
