"""The catalog RiskDesk ships: counts, ids, fields, node order, no near-duplicates, citations resolve."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from functools import cache

import pytest

from riskdesk.catalog.export import catalog_to_dict
from riskdesk.catalog.loader import load_catalog
from riskdesk.domain.case_kind import Matter
from riskdesk.domain.catalog import Catalog
from riskdesk.domain.model import Stage
from riskdesk.paths import catalog_dir
from tests.conftest import REPO

SHARED = REPO.parent / "shared"
CHECKER = SHARED / "tools" / "check_citations.py"
# Near-duplicate threshold, from measuring the shipped text: character-bigram Jaccard over title,
# risk and guidance is at most ~0.20 between genuinely different points that share vocabulary
# (回避 of a filing clerk vs. an enforcement officer), and was 0.23–0.35 for the pairs that really
# said the same thing before they were rewritten. 0.30 flags those with margin on both sides;
# pairs that also share their whole legal basis are flagged from 0.22.
NEAR_DUPLICATE = 0.30
NEAR_DUPLICATE_SAME_BASIS = 0.22


@cache
def shipped() -> Catalog:
    return load_catalog(catalog_dir())


def _bigrams(text: str) -> set[str]:
    t = re.sub(r"[\s，。、；：！？（）《》“”\-\d]", "", text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


def test_three_stages_of_exactly_100_points() -> None:
    cat = shipped()
    assert [s.stage for s in cat.stages] == list(Stage)
    for s in cat.stages:
        assert [p.id for p in s.points] == [f"{s.stage.prefix}-{i:03d}" for i in range(1, 101)]


def test_nodes_are_in_procedural_order_and_every_point_is_complete() -> None:
    for s in shipped().stages:
        node_ids = [n.id for n in s.nodes]
        assert node_ids == sorted(node_ids), f"{s.stage}: nodes out of order"
        assert len(node_ids) >= 8
        for p in s.points:
            assert p.title and len(p.title) <= 30, p.id
            assert len(p.risk) >= 30, f"{p.id}: 风险提示 too thin to be useful"
            assert 1 <= len(p.guidance) <= 5 and all(len(g) >= 8 for g in p.guidance), p.id
            assert p.basis, p.id
            if p.local_practice:
                assert p.note, p.id


def test_trial_has_criminal_and_administrative_add_ons() -> None:
    trial = shipped().stage(Stage.TRIAL).points
    assert sum(1 for p in trial if p.applies_to == (Matter.CRIMINAL,)) >= 5
    assert sum(1 for p in trial if p.applies_to == (Matter.ADMINISTRATIVE,)) >= 5


def test_no_two_points_say_the_same_thing() -> None:
    points = [p for s in shipped().stages for p in s.points]
    grams = {p.id: _bigrams(p.title + p.risk + "".join(p.guidance)) for p in points}
    basis = {p.id: {(c.law, c.article) for c in p.basis} for p in points}
    flagged = []
    for a, b in itertools.combinations(points, 2):
        x, y = grams[a.id], grams[b.id]
        j = len(x & y) / len(x | y)
        same_basis = basis[a.id] == basis[b.id]
        if j >= NEAR_DUPLICATE or (same_basis and j >= NEAR_DUPLICATE_SAME_BASIS):
            flagged.append(f"{a.id} ~ {b.id}: {j:.2f}")
    assert flagged == []


def test_civil_procedure_law_is_cited_with_2023_numbering() -> None:
    # The 2023 text has 306 articles; the 2021 numbering stopped at 291.
    for s in shipped().stages:
        for p in s.points:
            for c in p.basis:
                if c.law == "中华人民共和国民事诉讼法":
                    assert c.article is not None and 1 <= c.article <= 306, p.id


def test_export_has_the_promised_shape() -> None:
    data = catalog_to_dict(shipped())
    assert set(data) >= {"version", "fingerprint", "stages"}
    point = data["stages"][0]["nodes"][0]["points"][0]
    assert set(point) >= {"id", "title", "severity", "risk", "guidance", "basis", "deadline", "applies_to", "type"}
    assert set(data["stages"][0]) >= {"id", "name", "nodes"}
    assert all({"law"} <= set(c) for c in point["basis"])


@pytest.mark.skipif(not CHECKER.exists(), reason="../shared/tools/check_citations.py is not beside this checkout")
def test_every_statute_citation_resolves_and_90_percent_are_checkable() -> None:
    exported = subprocess.run([sys.executable, "-m", "riskdesk", "catalog", "export", "--format", "json"],
                              capture_output=True, text=True, check=True, cwd=REPO).stdout
    json.loads(exported)
    proc = subprocess.run([sys.executable, str(CHECKER), "-"], input=exported, capture_output=True, text=True)
    last = proc.stdout.strip().splitlines()[-1]
    m = re.search(r"citations: (\d+) in all, (\d+) resolved, (\d+) bad, (\d+) unchecked", last)
    assert m, proc.stdout[-2000:]
    total, resolved, bad, _unchecked = map(int, m.groups())
    assert bad == 0 and proc.returncode == 0, proc.stdout[-3000:]
    assert resolved / total >= 0.90, last
