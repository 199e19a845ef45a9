"""Hostile input, table-driven: each bad value gives one clear message and leaves the database untouched.

"Untouched" is checked with a SHA-256 over every row of every table, before and after.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from riskdesk.domain.model import MAX_NOTE_LENGTH, SettingKey, Stage, Status
from riskdesk.services import Services
from riskdesk.services.errors import InvalidInput
from tests.catalog_factory import STAGES, stage_doc, write_catalog
from tests.safety.helpers import CASE, cli_inproc, one_line, table_hash

BAD_CASE_NUMBERS = {
    "empty": "",
    "spaces only": "   \u3000 ",
    "1,000 characters": "(2024)内0602民初" + "1" * 990 + "号",
    "SQL-looking": "(2024)内0602民初1号'; DROP TABLE cases; --",
    "SQL-looking 2": "' OR '1'='1",
    "control characters": "(2024)内0602\x1b[31m民初1号",
    "NUL": "(2024)内0602民初\x001号",
    "newline": "(2024)内0602民初1号\n(2024)内0602民初2号",
    "right-to-left override": "(2024)内0602民初\u202e1号",
}


@pytest.fixture
def seeded(db_url: str, services: Services) -> tuple[Services, int, str]:
    case = services.cases.create(CASE, "民间借贷纠纷", "张三诉李四")
    view = services.checklists.open(case.id, Stage.FILING)
    services.answers.set_status(view.info.id, "LA-001", Status.RISK)
    return services, view.info.id, table_hash(db_url)


@pytest.mark.parametrize("text", BAD_CASE_NUMBERS.values(), ids=BAD_CASE_NUMBERS.keys())
def test_bad_case_number_one_line_and_database_untouched(db_url: str, catalog_dir: Path,
                                                         seeded: tuple[Services, int, str], text: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    _, _, before = seeded
    for args in (("case", "add", text), ("case", "show", text), ("review", text, "LA-001", "clear")):
        capsys.readouterr()
        assert cli_inproc(db_url, catalog_dir, *args) == 2, args
        line = one_line(capsys.readouterr().err)
        assert "案号" in line, line
        assert "\x00" not in line and "\x1b" not in line  # the echo must not carry the garbage to the terminal
    assert table_hash(db_url) == before


def test_full_width_case_number_is_the_same_case(seeded: tuple[Services, int, str]) -> None:
    svc, _, _ = seeded
    assert svc.cases.get("（２０２４）内０６０２民初１２３号").case_no == svc.cases.get(CASE).case_no


HOSTILE_NOTES = {
    "markup": "<b>粗体</b><script>alert(1)</script>&amp; <para>",
    "reportlab markup": "<font name='x' size='99'>大字</font><img src='/etc/passwd'/>",
    "quotes and SQL": "'); DELETE FROM results; --",
    "emoji and rare CJK": "👍 𠀀𪚥 鿿",
}


@pytest.mark.parametrize("note", HOSTILE_NOTES.values(), ids=HOSTILE_NOTES.keys())
def test_odd_notes_are_stored_verbatim(seeded: tuple[Services, int, str], note: str) -> None:
    svc, checklist, _ = seeded
    assert svc.answers.set_note(checklist, "LA-002", note).result.note == note
    assert svc.checklists.open_by_case_no(CASE, Stage.FILING).items[1].result.note == note
    assert svc.cases.list()[0].case.case_no  # nothing else disturbed


def test_nul_in_a_note_is_dropped_not_stored(seeded: tuple[Services, int, str]) -> None:
    svc, checklist, _ = seeded
    assert svc.answers.set_note(checklist, "LA-002", "送达\x00回证").result.note == "送达回证"


@pytest.mark.parametrize("size", [MAX_NOTE_LENGTH + 1, 1024 * 1024], ids=["one over", "1 MB paste"])
def test_an_overlong_note_is_refused_with_a_message(db_url: str, seeded: tuple[Services, int, str],
                                                    size: int) -> None:
    svc, checklist, before = seeded
    with pytest.raises(InvalidInput, match="备注过长") as info:
        svc.answers.set_note(checklist, "LA-002", "长" * size)
    assert str(MAX_NOTE_LENGTH) in str(info.value) and "\n" not in str(info.value)
    assert table_hash(db_url) == before


def test_overlong_fields_and_nul_in_fields_are_refused(db_url: str, seeded: tuple[Services, int, str]) -> None:
    svc, _, before = seeded
    for kwargs in ({"cause": "案由" * 400}, {"parties": "张三\x00李四"}, {"judge": "王" * 501}):
        with pytest.raises(InvalidInput):
            svc.cases.create("(2024)内0602民初500号", **kwargs)
    with pytest.raises(InvalidInput):
        svc.settings.set(SettingKey.COURT, "法院" * 300)
    assert table_hash(db_url) == before


# -- catalog files ------------------------------------------------------------------------------------

def _write(folder: Path, name: str, data: bytes) -> None:
    (folder / name).write_bytes(data)


def _doc(stage: int = 0) -> dict[str, object]:
    return stage_doc(*STAGES[stage])


def _yaml(doc: object) -> bytes:
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")


def _bad_yaml(d: Path) -> None:
    _write(d, "filing.yaml", b"stage: filing\nnodes: [\n  - id: L01\n   name: x\n")


def _wrong_types(d: Path) -> None:
    doc = _doc()
    doc["nodes"][0]["points"][0]["severity"] = ["high"]  # type: ignore[index]
    doc["nodes"][0]["points"][1]["guidance"] = 42  # type: ignore[index]
    _write(d, "filing.yaml", _yaml(doc))


def _duplicate_ids(d: Path) -> None:
    doc = _doc()
    doc["nodes"][1]["points"][0]["id"] = "LA-001"  # type: ignore[index]
    _write(d, "filing.yaml", _yaml(doc))


def _missing_fields(d: Path) -> None:
    doc = _doc()
    del doc["nodes"][0]["points"][0]["risk"]  # type: ignore[index]
    del doc["nodes"][2]["name"]  # type: ignore[index]
    _write(d, "filing.yaml", _yaml(doc))


def _wrong_count(d: Path) -> None:
    doc = _doc()
    doc["nodes"][3]["points"].pop()  # type: ignore[index]
    _write(d, "filing.yaml", _yaml(doc))


def _gbk(d: Path) -> None:
    _write(d, "filing.yaml", yaml.safe_dump(_doc(), allow_unicode=True, sort_keys=False).encode("gbk"))


def _binary(d: Path) -> None:
    _write(d, "filing.yaml", bytes(range(256)) * 10)


def _index_lists_a_missing_file(d: Path) -> None:
    _write(d, "catalog.yaml", b"version: x\nstages: [filing.yaml, trial.yaml, nope.yaml]\n")


BAD_CATALOGS = {
    "bad YAML": _bad_yaml,
    "wrong types": _wrong_types,
    "duplicate ids": _duplicate_ids,
    "missing fields": _missing_fields,
    "99 points": _wrong_count,
    "GBK-encoded": _gbk,
    "binary garbage": _binary,
    "index names a missing file": _index_lists_a_missing_file,
}


@pytest.mark.parametrize("spoil", BAD_CATALOGS.values(), ids=BAD_CATALOGS.keys())
def test_bad_catalog_clear_message_and_database_untouched(tmp_path: Path, db_url: str,
                                                          seeded: tuple[Services, int, str], spoil: object,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    _, _, before = seeded
    bad = write_catalog(tmp_path / "bad")
    spoil(bad)  # type: ignore[operator]
    capsys.readouterr()
    assert cli_inproc(db_url, bad, "review", CASE, "LA-002", "risk") == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("riskdesk: 风险点目录有误") and (".yaml" in err), err
    assert cli_inproc(db_url, bad, "catalog", "check") == 1
    out = capsys.readouterr().out
    assert "处错误" in out and "Traceback" not in out
    assert table_hash(db_url) == before


def test_a_bom_is_accepted(tmp_path: Path, db_url: str, seeded: tuple[Services, int, str]) -> None:
    # Windows Notepad writes a BOM; the catalog must still load, and the same answers apply.
    cat = write_catalog(tmp_path / "bom")
    for f in cat.glob("*.yaml"):
        f.write_bytes(b"\xef\xbb\xbf" + f.read_bytes())
    assert cli_inproc(db_url, cat, "review", CASE, "LA-002", "risk") == 0
