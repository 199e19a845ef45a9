"""The catalog loader: every problem names the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from riskdesk.catalog.loader import CatalogError, load_catalog, load_stage_file
from riskdesk.domain.model import Stage
from tests.catalog_factory import stage_doc, write_catalog


def _stage_file(tmp_path: Path, doc: object, name: str = "filing.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _messages(path: Path) -> list[str]:
    with pytest.raises(CatalogError) as info:
        load_stage_file(path)
    return [str(i) for i in info.value.issues]


def test_synthetic_catalog_loads(catalog_dir: Path) -> None:
    cat = load_catalog(catalog_dir)
    assert [s.stage for s in cat.stages] == list(Stage)
    assert all(len(s.points) == 100 for s in cat.stages)
    assert len(cat.fingerprint) == 64
    assert cat.point("SP-050").stage is Stage.TRIAL


def test_fingerprint_and_point_hash_follow_content(tmp_path: Path) -> None:
    a = load_catalog(write_catalog(tmp_path / "a"))
    b = load_catalog(write_catalog(tmp_path / "b"))
    c = load_catalog(write_catalog(tmp_path / "c", tweak={"LA-001": {"risk": "改过的风险提示"}}))
    assert a.fingerprint == b.fingerprint
    assert a.fingerprint != c.fingerprint
    assert a.point("LA-001").content_hash != c.point("LA-001").content_hash
    assert a.point("LA-002").content_hash == c.point("LA-002").content_hash


def test_bad_severity_names_file_line_point_and_field(tmp_path: Path) -> None:
    doc = stage_doc("filing", "立案", "LA", "L", tweak={"LA-037": {"severity": "urgent"}})
    path = _stage_file(tmp_path, doc)
    msgs = _messages(path)
    assert len(msgs) == 1
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "urgent" in text)
    assert msgs[0] == f"filing.yaml:{line}: LA-037: severity must be high, medium or low"


@pytest.mark.parametrize(
    ("tweak", "fragment"),
    [
        ({"LA-005": {"title": ""}}, "LA-005: title must not be empty"),
        ({"LA-005": {"title": "很" * 31}}, "LA-005: title has 31 characters"),
        ({"LA-005": {"type": "其他"}}, "LA-005: type must be"),
        ({"LA-005": {"applies_to": ["civil", "military"]}}, "'military' is not civil"),
        ({"LA-005": {"applies_to": "civil"}}, "applies_to must be a list"),
        ({"LA-005": {"guidance": []}}, "guidance must not be empty"),
        ({"LA-005": {"basis": []}}, "basis must list at least one citation"),
        ({"LA-005": {"basis": [{"law": "中华人民共和国民事诉讼法"}]}}, "needs an article number"),
        ({"LA-005": {"basis": [{"law": "中华人民共和国民事诉讼法", "article": "一百"}]}}, "article must be a whole number"),
        ({"LA-005": {"risk": 42}}, "risk must be text"),
        ({"LA-005": {"local_practice": True}}, "needs a note"),
        ({"LA-005": {"colour": "red"}}, "unknown field 'colour'"),
        ({"LA-005": {"procedures": ["appeal"]}}, "procedures: 'appeal' is not one of first_instance"),
        ({"LA-005": {"procedures": []}}, "procedures must list at least one value"),
        ({"LA-005": {"procedures": ["retrial", "retrial"]}}, "procedures: 'retrial' is listed twice"),
        ({"LA-005": {"tracks": ["quick"]}}, "tracks: 'quick' is not one of ordinary"),
        ({"LA-005": {"id": "LA-004"}}, "duplicate id"),
        ({"LA-005": {"id": "SP-005"}}, "id must look like LA-001"),
        ({"LA-006": {"title": "立案测试风险点5"}}, "title repeats LA-005"),
    ],
)
def test_point_errors(tmp_path: Path, tweak: dict[str, dict[str, object]], fragment: str) -> None:
    msgs = _messages(_stage_file(tmp_path, stage_doc("filing", "立案", "LA", "L", tweak=tweak)))
    assert any(fragment in m for m in msgs), msgs
    assert all(m.startswith("filing.yaml:") for m in msgs)


def test_wrong_count(tmp_path: Path) -> None:
    msgs = _messages(_stage_file(tmp_path, stage_doc("filing", "立案", "LA", "L", drop={"LA-100"})))
    assert msgs == ["filing.yaml:1: the filing stage has 99 points; it must have exactly 100"]


def test_ids_out_of_order(tmp_path: Path) -> None:
    doc = stage_doc("filing", "立案", "LA", "L")
    pts = doc["nodes"][0]["points"]
    pts[3], pts[4] = pts[4], pts[3]
    msgs = _messages(_stage_file(tmp_path, doc))
    assert len(msgs) == 1 and "expected LA-004 here" in msgs[0]


def test_bad_node_id_and_empty_node(tmp_path: Path) -> None:
    doc = stage_doc("filing", "立案", "LA", "L")
    doc["nodes"][0]["id"] = "X1"
    doc["nodes"].append({"id": "L09", "name": "空节点", "points": []})
    msgs = _messages(_stage_file(tmp_path, doc))
    assert any("node id must look like L01" in m for m in msgs)
    assert any("L09: a node needs at least one point" in m for m in msgs)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "filing.yaml"
    path.write_text("stage: filing\nname: 立案\nnodes:\n  - id: L01\n    name: [unclosed\n", encoding="utf-8")
    msgs = _messages(path)
    assert len(msgs) == 1 and msgs[0].startswith("filing.yaml:") and "not valid YAML" in msgs[0]


def test_gbk_file_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "filing.yaml"
    path.write_bytes("stage: filing\nname: 立案\n".encode("gbk"))
    assert _messages(path) == ["filing.yaml:2: the file is not UTF-8 (save it as UTF-8, not GBK)"]


def test_bom_is_accepted(tmp_path: Path) -> None:
    doc = stage_doc("filing", "立案", "LA", "L")
    path = tmp_path / "filing.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + yaml.safe_dump(doc, allow_unicode=True).encode("utf-8"))
    assert len(load_stage_file(path).points) == 100


def test_wrong_top_level_types(tmp_path: Path) -> None:
    assert any("must be a mapping" in m for m in _messages(_stage_file(tmp_path, ["a", "b"])))
    assert any("stage must be filing" in m for m in _messages(_stage_file(tmp_path, {"stage": "appeal"})))
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert _messages(empty) == ["empty.yaml:1: the file is empty"]


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    path = tmp_path / "filing.yaml"
    path.write_text("stage: filing\nstage: trial\nname: 立案\nnodes: []\n", encoding="utf-8")
    assert any("key 'stage' appears twice" in m for m in _messages(path))


def test_index_must_name_all_three_stages(tmp_path: Path) -> None:
    d = write_catalog(tmp_path / "cat")
    (d / "catalog.yaml").write_text("version: x\nstages: [filing.yaml, trial.yaml]\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="one file each"):
        load_catalog(d)
    (d / "catalog.yaml").write_text("version: x\nstages: [../etc/passwd]\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="plain file name"):
        load_catalog(d)


def test_cached_catalog_equals_a_fresh_load_and_follows_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from riskdesk.catalog.cache import load_catalog_cached

    monkeypatch.setenv("RISKDESK_CACHE_DIR", str(tmp_path / "cache"))
    d = write_catalog(tmp_path / "cat")
    first = load_catalog_cached(d)
    assert list((tmp_path / "cache").glob("catalog-*.pickle"))
    again = load_catalog_cached(d)
    assert again == first and again.fingerprint == load_catalog(d).fingerprint
    write_catalog(d, tweak={"LA-001": {"title": "改过的标题"}})
    assert load_catalog_cached(d).point("LA-001").title == "改过的标题"
    for f in (tmp_path / "cache").glob("*.pickle"):
        f.write_bytes(b"garbage")
    assert load_catalog_cached(d).point("LA-001").title == "改过的标题"


def test_procedures_and_tracks_load_and_leave_other_hashes_alone(tmp_path: Path) -> None:
    from riskdesk.catalog.loader import load_stage_file
    from riskdesk.domain.case_kind import Matter, Procedure, Track

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    plain = load_stage_file(_stage_file(tmp_path / "a", stage_doc("filing", "立案", "LA", "L")))
    tagged = load_stage_file(_stage_file(tmp_path / "b", stage_doc(
        "filing", "立案", "LA", "L",
        tweak={"LA-005": {"procedures": ["second_instance"], "tracks": ["simple", "small_claims"]}})))
    by_id = {p.id: p for p in tagged.points}
    point = by_id["LA-005"]
    assert point.procedures == (Procedure.SECOND_INSTANCE,)
    assert point.tracks == (Track.SIMPLE, Track.SMALL_CLAIMS)
    assert point.applies(Matter.CIVIL, Procedure.SECOND_INSTANCE, None)
    assert not point.applies(Matter.CIVIL, Procedure.FIRST_INSTANCE, None)
    assert not point.applies(Matter.CIVIL, Procedure.SECOND_INSTANCE, Track.ORDINARY)
    assert point.applies(None, None, None)  # nothing known about the case: the point stays open
    changed = [p.id for p in plain.points if p.content_hash != by_id[p.id].content_hash]
    assert changed == ["LA-005"]
