"""Every 类型代字 the 案号 parser accepts has its kind, procedure and stages — entry by entry."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from riskdesk.domain.case_kind import CASE_TYPES, CaseKind, CaseProfile, Matter, Procedure, Track, type_code_of
from riskdesk.domain.case_number import CASE_TYPE_CODES, CaseNumber
from riskdesk.domain.stage import Stage
from tests.conftest import REPO

F, T, E = Stage.FILING, Stage.TRIAL, Stage.ENFORCEMENT
K, P = CaseKind, Procedure
C, CR, A = Matter.CIVIL, Matter.CRIMINAL, Matter.ADMINISTRATIVE

# code: (kind, procedure, matter, stages or None for "every stage, no rule")
EXPECTED = {
    "民初": (K.CIVIL, P.FIRST_INSTANCE, C, (F, T)), "民终": (K.CIVIL, P.SECOND_INSTANCE, C, (F, T)),
    "民再": (K.CIVIL, P.RETRIAL, C, (F, T)), "民申": (K.CIVIL, P.RETRIAL_REVIEW, C, (F, T)),
    "民监": (K.CIVIL, P.SUPERVISION, C, (F, T)), "民抗": (K.CIVIL, P.PROTEST, C, (F, T)),
    "民撤": (K.CIVIL, P.THIRD_PARTY_REVOCATION, C, (F, T)), "民特": (K.CIVIL, P.SPECIAL, C, (F, T)),
    "民督": (K.CIVIL, P.URGING, C, (F, T)), "民催": (K.CIVIL, P.PUBLIC_NOTICE, C, (F, T)),
    "民保令": (K.CIVIL, P.PROTECTION_ORDER, C, (F, T)), "民辖": (K.CIVIL, P.JURISDICTION, C, (F,)),
    "民辖终": (K.CIVIL, P.JURISDICTION, C, (F,)), "民诉前调": (K.CIVIL, P.PRE_SUIT_MEDIATION, C, (F,)),
    "民他": (K.CIVIL, P.OTHER, C, None),
    "刑初": (K.CRIMINAL, P.FIRST_INSTANCE, CR, (F, T)), "刑终": (K.CRIMINAL, P.SECOND_INSTANCE, CR, (F, T)),
    "刑再": (K.CRIMINAL, P.RETRIAL, CR, (F, T)), "刑申": (K.CRIMINAL, P.RETRIAL_REVIEW, CR, (F, T)),
    "刑监": (K.CRIMINAL, P.SUPERVISION, CR, (F, T)), "刑抗": (K.CRIMINAL, P.PROTEST, CR, (F, T)),
    "刑核": (K.CRIMINAL, P.DEATH_PENALTY_REVIEW, CR, (F, T)), "刑更": (K.CRIMINAL, P.COMMUTATION_PAROLE, CR, (F, T)),
    "刑医": (K.CRIMINAL, P.COMPULSORY_TREATMENT, CR, (F, T)), "刑没": (K.CRIMINAL, P.CONFISCATION, CR, (F, T)),
    "刑辖": (K.CRIMINAL, P.JURISDICTION, CR, (F,)), "刑他": (K.CRIMINAL, P.OTHER, CR, None),
    "行初": (K.ADMINISTRATIVE, P.FIRST_INSTANCE, A, (F, T)), "行终": (K.ADMINISTRATIVE, P.SECOND_INSTANCE, A, (F, T)),
    "行再": (K.ADMINISTRATIVE, P.RETRIAL, A, (F, T)), "行申": (K.ADMINISTRATIVE, P.RETRIAL_REVIEW, A, (F, T)),
    "行监": (K.ADMINISTRATIVE, P.SUPERVISION, A, (F, T)), "行抗": (K.ADMINISTRATIVE, P.PROTEST, A, (F, T)),
    "行审": (K.ADMINISTRATIVE, P.NON_LITIGATION_REVIEW, A, (F, E)),
    "行审复": (K.ADMINISTRATIVE, P.NON_LITIGATION_REVIEW, A, (F, E)),
    "行辖": (K.ADMINISTRATIVE, P.JURISDICTION, A, (F,)), "行他": (K.ADMINISTRATIVE, P.OTHER, A, None),
    "行赔初": (K.ADMINISTRATIVE, P.FIRST_INSTANCE, A, (F, T)), "行赔终": (K.ADMINISTRATIVE, P.SECOND_INSTANCE, A, (F, T)),
    "法赔": (K.STATE_COMPENSATION, P.COMPENSATION, None, (F, T)),
    "委赔": (K.STATE_COMPENSATION, P.COMPENSATION, None, (F, T)),
    "司救民": (K.JUDICIAL_AID, P.JUDICIAL_AID, None, None), "司救执": (K.JUDICIAL_AID, P.JUDICIAL_AID, None, None),
    "司救刑": (K.JUDICIAL_AID, P.JUDICIAL_AID, None, None), "司救行": (K.JUDICIAL_AID, P.JUDICIAL_AID, None, None),
    "司惩": (K.SANCTION, P.SANCTION, None, None), "司惩复": (K.SANCTION, P.SANCTION_REVIEW, None, None),
    "财保": (K.PRESERVATION, P.PRESERVATION_REVIEW, C, (F,)), "行保": (K.PRESERVATION, P.PRESERVATION_REVIEW, C, (F,)),
    "证保": (K.PRESERVATION, P.PRESERVATION_REVIEW, C, (F,)),
    "执": (K.ENFORCEMENT, P.ENFORCEMENT, None, (E,)), "执恢": (K.ENFORCEMENT, P.ENFORCEMENT_RESUMED, None, (E,)),
    "执保": (K.ENFORCEMENT, P.PRESERVATION_ENFORCEMENT, None, (E,)),
    "执异": (K.ENFORCEMENT, P.ENFORCEMENT_OBJECTION, None, (E,)),
    "执复": (K.ENFORCEMENT, P.ENFORCEMENT_RECONSIDERATION, None, (E,)),
    "执监": (K.ENFORCEMENT, P.ENFORCEMENT_SUPERVISION, None, (E,)),
    "执协": (K.ENFORCEMENT, P.ENFORCEMENT_COORDINATION, None, (E,)), "执他": (K.ENFORCEMENT, P.OTHER, None, None),
    "破申": (K.BANKRUPTCY, P.BANKRUPTCY_APPLICATION, C, (F, T)), "破": (K.BANKRUPTCY, P.BANKRUPTCY, C, (F, T)),
}


def test_the_table_covers_exactly_the_codes_the_parser_accepts() -> None:
    assert set(CASE_TYPES) == set(CASE_TYPE_CODES) == set(EXPECTED)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_each_type_code(code: str) -> None:
    kind, procedure, matter, stages = EXPECTED[code]
    t = CASE_TYPES[code]
    assert (t.kind, t.procedure, t.matter, t.stages) == (kind, procedure, matter, stages)
    number = CaseNumber.parse(f"(2024)内0602{code}12号")
    assert number.case_type == code and type_code_of(str(number)) == code
    profile = CaseProfile.of(code)
    assert profile.stages == (stages or (F, T, E)) and profile.stage_rule_known is (stages is not None)


def test_first_instance_codes_offer_their_tracks_and_others_none() -> None:
    assert CASE_TYPES["民初"].tracks == (Track.ORDINARY, Track.SIMPLE, Track.SMALL_CLAIMS)
    assert CASE_TYPES["刑初"].tracks == (Track.ORDINARY, Track.SIMPLE, Track.FAST_TRACK)
    assert CASE_TYPES["行初"].tracks == (Track.ORDINARY, Track.SIMPLE)
    assert CASE_TYPES["民终"].tracks == () and CASE_TYPES["执"].tracks == ()


@pytest.mark.parametrize(("origin", "matter"), [
    ("（2024）内0602民初3号", C), ("（2024）内0602刑初3号", CR), ("（2024）内0602行初3号", A),
    ("（2024）内0602执3号", None), (None, None), ("not a case number", None),
])
def test_enforcement_takes_its_branch_of_law_from_the_origin(origin: str | None, matter: Matter | None) -> None:
    assert CaseProfile.of("执", origin).matter is matter
    assert CaseProfile.of("民初", origin).matter is C  # a trial case has its own


@pytest.mark.parametrize(("text", "track"), [("简易", Track.SIMPLE), ("简易程序", Track.SIMPLE), ("simple", Track.SIMPLE),
                                             ("小额", Track.SMALL_CLAIMS), ("小额诉讼程序", Track.SMALL_CLAIMS),
                                             ("普通", Track.ORDINARY), ("速裁", Track.FAST_TRACK)])
def test_track_names(text: str, track: Track) -> None:
    assert Track.parse(text) is track


def test_an_unknown_track_says_what_is_allowed() -> None:
    with pytest.raises(ValueError, match="简易"):
        Track.parse("快速")


def test_docs_table_is_current() -> None:
    doc = (REPO / "docs" / "case-kinds.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- table:.*?-->\n(.*)\n<!-- end of table -->", doc, re.S)
    assert table is not None
    fresh = subprocess.run([sys.executable, str(REPO / "scripts" / "case_kinds_table.py")], capture_output=True,
                           text=True, check=True, cwd=REPO).stdout.strip()
    assert table.group(1).strip() == fresh, "run scripts/case_kinds_table.py and paste the table into docs/case-kinds.md"
