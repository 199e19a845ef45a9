"""What a case is, from its 案号's 类型代字: kind, procedure, branch of law, and the stages it shows.

Sources: 《关于人民法院案件案号的若干规定》 and 《人民法院案件类型及其代字标准》 (the type codes the
案号 parser accepts, ``case_number.CASE_TYPE_CODES``). Why each code shows the stages it does is
written down in ``docs/case-kinds.md``; a test keeps this table and the parser's codes in step.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from riskdesk.domain.case_number import CaseNumber, CaseNumberError
from riskdesk.domain.stage import Stage

if TYPE_CHECKING:
    from riskdesk.domain.catalog import RiskPoint


class Matter(enum.Enum):
    """The branch of law a catalog point is written for (the catalog's ``applies_to``)."""

    CIVIL = "civil"
    CRIMINAL = "criminal"
    ADMINISTRATIVE = "administrative"

    @property
    def label_zh(self) -> str:
        return _MATTER_ZH[self]


_MATTER_ZH = {Matter.CIVIL: "民事", Matter.CRIMINAL: "刑事", Matter.ADMINISTRATIVE: "行政"}


class CaseKind(enum.Enum):
    CIVIL = "civil"
    CRIMINAL = "criminal"
    ADMINISTRATIVE = "administrative"
    STATE_COMPENSATION = "state_compensation"
    ENFORCEMENT = "enforcement"
    PRESERVATION = "preservation"  # 非诉保全审查
    JUDICIAL_AID = "judicial_aid"
    SANCTION = "sanction"
    BANKRUPTCY = "bankruptcy"

    @property
    def label_zh(self) -> str:
        return _KIND_ZH[self]


_KIND_ZH = {
    CaseKind.CIVIL: "民事", CaseKind.CRIMINAL: "刑事", CaseKind.ADMINISTRATIVE: "行政",
    CaseKind.STATE_COMPENSATION: "国家赔偿", CaseKind.ENFORCEMENT: "执行", CaseKind.PRESERVATION: "非诉保全",
    CaseKind.JUDICIAL_AID: "司法救助", CaseKind.SANCTION: "司法制裁", CaseKind.BANKRUPTCY: "破产",
}


class Procedure(enum.Enum):
    """The procedure a type code stands for; the catalog's ``procedures`` field uses these values."""

    FIRST_INSTANCE = "first_instance"
    SECOND_INSTANCE = "second_instance"
    RETRIAL = "retrial"
    RETRIAL_REVIEW = "retrial_review"  # 申请再审审查
    SUPERVISION = "supervision"  # 依职权或依检察建议的审判监督
    PROTEST = "protest"  # 抗诉
    THIRD_PARTY_REVOCATION = "third_party_revocation"
    SPECIAL = "special"  # 特别程序（含司法确认、实现担保物权）
    URGING = "urging"  # 督促程序
    PUBLIC_NOTICE = "public_notice"  # 公示催告
    PROTECTION_ORDER = "protection_order"  # 人身安全保护令
    JURISDICTION = "jurisdiction"
    PRE_SUIT_MEDIATION = "pre_suit_mediation"
    DEATH_PENALTY_REVIEW = "death_penalty_review"  # 刑事复核
    COMMUTATION_PAROLE = "commutation_parole"  # 减刑、假释
    COMPULSORY_TREATMENT = "compulsory_treatment"  # 强制医疗
    CONFISCATION = "confiscation"  # 违法所得没收
    NON_LITIGATION_REVIEW = "non_litigation_review"  # 非诉行政行为执行审查（行审、行审复）
    PRESERVATION_REVIEW = "preservation_review"  # 诉前、仲裁前保全审查（财保、行保、证保）
    ENFORCEMENT = "enforcement"  # 首次执行
    ENFORCEMENT_RESUMED = "enforcement_resumed"  # 恢复执行
    PRESERVATION_ENFORCEMENT = "preservation_enforcement"  # 财产保全执行
    ENFORCEMENT_OBJECTION = "enforcement_objection"  # 执行异议
    ENFORCEMENT_RECONSIDERATION = "enforcement_reconsideration"  # 执行复议
    ENFORCEMENT_SUPERVISION = "enforcement_supervision"  # 执行监督
    ENFORCEMENT_COORDINATION = "enforcement_coordination"  # 执行协调
    COMPENSATION = "compensation"  # 法院、赔偿委员会审理的国家赔偿
    JUDICIAL_AID = "judicial_aid"
    SANCTION = "sanction"
    SANCTION_REVIEW = "sanction_review"
    BANKRUPTCY_APPLICATION = "bankruptcy_application"
    BANKRUPTCY = "bankruptcy"
    OTHER = "other"  # 民他、刑他、行他、执他：请示、协调等其他事项

    @property
    def label_zh(self) -> str:
        return _PROCEDURE_ZH[self]


_PROCEDURE_ZH = {
    Procedure.FIRST_INSTANCE: "一审", Procedure.SECOND_INSTANCE: "二审", Procedure.RETRIAL: "再审",
    Procedure.RETRIAL_REVIEW: "申请再审审查", Procedure.SUPERVISION: "审判监督", Procedure.PROTEST: "抗诉",
    Procedure.THIRD_PARTY_REVOCATION: "第三人撤销之诉", Procedure.SPECIAL: "特别程序", Procedure.URGING: "督促程序",
    Procedure.PUBLIC_NOTICE: "公示催告", Procedure.PROTECTION_ORDER: "人身安全保护令", Procedure.JURISDICTION: "管辖",
    Procedure.PRE_SUIT_MEDIATION: "诉前调解", Procedure.DEATH_PENALTY_REVIEW: "刑事复核",
    Procedure.COMMUTATION_PAROLE: "减刑、假释", Procedure.COMPULSORY_TREATMENT: "强制医疗",
    Procedure.CONFISCATION: "违法所得没收", Procedure.NON_LITIGATION_REVIEW: "非诉执行审查",
    Procedure.PRESERVATION_REVIEW: "诉前保全", Procedure.ENFORCEMENT: "执行实施",
    Procedure.ENFORCEMENT_RESUMED: "恢复执行", Procedure.PRESERVATION_ENFORCEMENT: "保全执行",
    Procedure.ENFORCEMENT_OBJECTION: "执行异议", Procedure.ENFORCEMENT_RECONSIDERATION: "执行复议",
    Procedure.ENFORCEMENT_SUPERVISION: "执行监督", Procedure.ENFORCEMENT_COORDINATION: "执行协调",
    Procedure.COMPENSATION: "国家赔偿", Procedure.JUDICIAL_AID: "司法救助", Procedure.SANCTION: "司法制裁",
    Procedure.SANCTION_REVIEW: "司法制裁复议", Procedure.BANKRUPTCY_APPLICATION: "破产申请审查",
    Procedure.BANKRUPTCY: "破产", Procedure.OTHER: "其他",
}


class Track(enum.Enum):
    """程序 a court chooses for a first-instance case; the catalog's ``tracks`` field uses these values."""

    ORDINARY = "ordinary"
    SIMPLE = "simple"
    SMALL_CLAIMS = "small_claims"
    FAST_TRACK = "fast_track"  # 刑事速裁

    @property
    def label_zh(self) -> str:
        return _TRACK_ZH[self]

    @property
    def short_zh(self) -> str:
        """简易 rather than 简易程序: what a court's case list and ``--procedure`` use."""
        return _TRACK_SHORT[self]

    @classmethod
    def parse(cls, text: str) -> Track:
        key = text.strip()
        for track in cls:
            if key in (track.value, track.label_zh, track.label_zh.removesuffix("程序"), _TRACK_SHORT[track]):
                return track
        spoken = "、".join(_TRACK_SHORT[t] for t in cls)
        raise ValueError(f"程序“{text}”无法识别：应为{spoken}")


_TRACK_ZH = {Track.ORDINARY: "普通程序", Track.SIMPLE: "简易程序", Track.SMALL_CLAIMS: "小额诉讼程序",
             Track.FAST_TRACK: "速裁程序"}
_TRACK_SHORT = {Track.ORDINARY: "普通", Track.SIMPLE: "简易", Track.SMALL_CLAIMS: "小额", Track.FAST_TRACK: "速裁"}


@dataclass(frozen=True)
class CaseType:
    """One 类型代字 and what it says about the case.

    ``matter`` is the branch of law used to match the catalog's ``applies_to``; None where the code
    alone does not tell (an enforcement case takes it from its 执行依据, when one is named).
    ``stages`` is None for a code the table has no stage rule for: such a case shows every stage.
    """

    code: str
    kind: CaseKind
    procedure: Procedure
    matter: Matter | None
    stages: tuple[Stage, ...] | None
    tracks: tuple[Track, ...] = ()  # the 程序 a case of this type may be given


_F, _T, _E = Stage.FILING, Stage.TRIAL, Stage.ENFORCEMENT
_FT = (_F, _T)
_CIV, _CRIM, _ADM = Matter.CIVIL, Matter.CRIMINAL, Matter.ADMINISTRATIVE
K, P = CaseKind, Procedure
_CIVIL_TRACKS = (Track.ORDINARY, Track.SIMPLE, Track.SMALL_CLAIMS)
_CRIMINAL_TRACKS = (Track.ORDINARY, Track.SIMPLE, Track.FAST_TRACK)
_ADMIN_TRACKS = (Track.ORDINARY, Track.SIMPLE)

_TYPES = (
    # 民事
    CaseType("民初", K.CIVIL, P.FIRST_INSTANCE, _CIV, _FT, _CIVIL_TRACKS),
    CaseType("民终", K.CIVIL, P.SECOND_INSTANCE, _CIV, _FT),
    CaseType("民再", K.CIVIL, P.RETRIAL, _CIV, _FT),
    CaseType("民申", K.CIVIL, P.RETRIAL_REVIEW, _CIV, _FT),
    CaseType("民监", K.CIVIL, P.SUPERVISION, _CIV, _FT),
    CaseType("民抗", K.CIVIL, P.PROTEST, _CIV, _FT),
    CaseType("民撤", K.CIVIL, P.THIRD_PARTY_REVOCATION, _CIV, _FT, _CIVIL_TRACKS[:1]),
    CaseType("民特", K.CIVIL, P.SPECIAL, _CIV, _FT),
    CaseType("民督", K.CIVIL, P.URGING, _CIV, _FT),
    CaseType("民催", K.CIVIL, P.PUBLIC_NOTICE, _CIV, _FT),
    CaseType("民保令", K.CIVIL, P.PROTECTION_ORDER, _CIV, _FT),
    CaseType("民辖", K.CIVIL, P.JURISDICTION, _CIV, (_F,)),
    CaseType("民辖终", K.CIVIL, P.JURISDICTION, _CIV, (_F,)),
    CaseType("民诉前调", K.CIVIL, P.PRE_SUIT_MEDIATION, _CIV, (_F,)),
    CaseType("民他", K.CIVIL, P.OTHER, _CIV, None),
    # 刑事
    CaseType("刑初", K.CRIMINAL, P.FIRST_INSTANCE, _CRIM, _FT, _CRIMINAL_TRACKS),
    CaseType("刑终", K.CRIMINAL, P.SECOND_INSTANCE, _CRIM, _FT),
    CaseType("刑再", K.CRIMINAL, P.RETRIAL, _CRIM, _FT),
    CaseType("刑申", K.CRIMINAL, P.RETRIAL_REVIEW, _CRIM, _FT),
    CaseType("刑监", K.CRIMINAL, P.SUPERVISION, _CRIM, _FT),
    CaseType("刑抗", K.CRIMINAL, P.PROTEST, _CRIM, _FT),
    CaseType("刑核", K.CRIMINAL, P.DEATH_PENALTY_REVIEW, _CRIM, _FT),
    CaseType("刑更", K.CRIMINAL, P.COMMUTATION_PAROLE, _CRIM, _FT),
    CaseType("刑医", K.CRIMINAL, P.COMPULSORY_TREATMENT, _CRIM, _FT),
    CaseType("刑没", K.CRIMINAL, P.CONFISCATION, _CRIM, _FT),
    CaseType("刑辖", K.CRIMINAL, P.JURISDICTION, _CRIM, (_F,)),
    CaseType("刑他", K.CRIMINAL, P.OTHER, _CRIM, None),
    # 行政
    CaseType("行初", K.ADMINISTRATIVE, P.FIRST_INSTANCE, _ADM, _FT, _ADMIN_TRACKS),
    CaseType("行终", K.ADMINISTRATIVE, P.SECOND_INSTANCE, _ADM, _FT),
    CaseType("行再", K.ADMINISTRATIVE, P.RETRIAL, _ADM, _FT),
    CaseType("行申", K.ADMINISTRATIVE, P.RETRIAL_REVIEW, _ADM, _FT),
    CaseType("行监", K.ADMINISTRATIVE, P.SUPERVISION, _ADM, _FT),
    CaseType("行抗", K.ADMINISTRATIVE, P.PROTEST, _ADM, _FT),
    # 非诉行政执行审查 decides whether an administrative decision is enforced: its points are in 执行.
    CaseType("行审", K.ADMINISTRATIVE, P.NON_LITIGATION_REVIEW, _ADM, (_F, _E)),
    CaseType("行审复", K.ADMINISTRATIVE, P.NON_LITIGATION_REVIEW, _ADM, (_F, _E)),
    CaseType("行辖", K.ADMINISTRATIVE, P.JURISDICTION, _ADM, (_F,)),
    CaseType("行他", K.ADMINISTRATIVE, P.OTHER, _ADM, None),
    # 赔偿: 行政赔偿 is tried as an administrative case; 法赔/委赔 are 国家赔偿 decided by a committee.
    CaseType("行赔初", K.ADMINISTRATIVE, P.FIRST_INSTANCE, _ADM, _FT, _ADMIN_TRACKS),
    CaseType("行赔终", K.ADMINISTRATIVE, P.SECOND_INSTANCE, _ADM, _FT),
    CaseType("法赔", K.STATE_COMPENSATION, P.COMPENSATION, None, _FT),
    CaseType("委赔", K.STATE_COMPENSATION, P.COMPENSATION, None, _FT),
    # 司法救助、司法制裁: no stage of the catalog is written for them.
    CaseType("司救民", K.JUDICIAL_AID, P.JUDICIAL_AID, None, None),
    CaseType("司救执", K.JUDICIAL_AID, P.JUDICIAL_AID, None, None),
    CaseType("司救刑", K.JUDICIAL_AID, P.JUDICIAL_AID, None, None),
    CaseType("司救行", K.JUDICIAL_AID, P.JUDICIAL_AID, None, None),
    CaseType("司惩", K.SANCTION, P.SANCTION, None, None),
    CaseType("司惩复", K.SANCTION, P.SANCTION_REVIEW, None, None),
    # 非诉保全审查 (财产、行为、证据保全, before a suit or an arbitration): the 立案 stage holds the
    # 诉前保全 points; carrying a ruling out is a separate 执保 case. 行保 is 行为保全, not 行政.
    CaseType("财保", K.PRESERVATION, P.PRESERVATION_REVIEW, _CIV, (_F,)),
    CaseType("行保", K.PRESERVATION, P.PRESERVATION_REVIEW, _CIV, (_F,)),
    CaseType("证保", K.PRESERVATION, P.PRESERVATION_REVIEW, _CIV, (_F,)),
    # 执行: the branch of law comes from the 执行依据 (origin case), when it is named.
    CaseType("执", K.ENFORCEMENT, P.ENFORCEMENT, None, (_E,)),
    CaseType("执恢", K.ENFORCEMENT, P.ENFORCEMENT_RESUMED, None, (_E,)),
    CaseType("执保", K.ENFORCEMENT, P.PRESERVATION_ENFORCEMENT, None, (_E,)),
    CaseType("执异", K.ENFORCEMENT, P.ENFORCEMENT_OBJECTION, None, (_E,)),
    CaseType("执复", K.ENFORCEMENT, P.ENFORCEMENT_RECONSIDERATION, None, (_E,)),
    CaseType("执监", K.ENFORCEMENT, P.ENFORCEMENT_SUPERVISION, None, (_E,)),
    CaseType("执协", K.ENFORCEMENT, P.ENFORCEMENT_COORDINATION, None, (_E,)),
    CaseType("执他", K.ENFORCEMENT, P.OTHER, None, None),
    # 破产 is a civil procedure: filing and trial.
    CaseType("破申", K.BANKRUPTCY, P.BANKRUPTCY_APPLICATION, _CIV, _FT),
    CaseType("破", K.BANKRUPTCY, P.BANKRUPTCY, _CIV, _FT),
)
del K, P

CASE_TYPES: dict[str, CaseType] = {t.code: t for t in _TYPES}


def case_type(code: str) -> CaseType:
    """The table entry for a type code the 案号 parser accepted (KeyError for any other)."""
    return CASE_TYPES[code]


def matter_of(code: str, origin_code: str | None = None) -> Matter | None:
    """Branch of law for matching catalog points: the code's own, or for enforcement its origin's."""
    own = CASE_TYPES[code].matter
    if own is not None or origin_code is None or origin_code not in CASE_TYPES:
        return own
    origin = CASE_TYPES[origin_code]
    return origin.matter if origin.kind is not CaseKind.ENFORCEMENT else None


def type_code_of(case_no: str) -> str:
    """The 类型代字 of a stored (normalised) 案号; "" when it cannot be read."""
    try:
        return CaseNumber.parse(case_no).case_type
    except CaseNumberError:
        return ""


@dataclass(frozen=True)
class CaseProfile:
    """What a case's 案号, 执行依据 and 程序 say about which stages and points apply to it."""

    case_type: CaseType | None
    matter: Matter | None
    track: Track | None = None

    @classmethod
    def of(cls, type_code: str, origin_case_no: str | None = None, track: Track | None = None) -> CaseProfile:
        origin_code = type_code_of(origin_case_no) if origin_case_no else None
        found = CASE_TYPES.get(type_code)
        return cls(found, matter_of(type_code, origin_code) if found else None, track)

    @property
    def kind(self) -> CaseKind | None:
        return self.case_type.kind if self.case_type else None

    @property
    def procedure(self) -> Procedure | None:
        return self.case_type.procedure if self.case_type else None

    @property
    def stage_rule_known(self) -> bool:
        return self.case_type is not None and self.case_type.stages is not None

    @property
    def stages(self) -> tuple[Stage, ...]:
        """The stages the case shows; every stage when the table has no rule for its type code."""
        if self.case_type is None or self.case_type.stages is None:
            return tuple(Stage)
        return self.case_type.stages

    def applies(self, point: RiskPoint) -> bool:
        return point.applies(self.matter, self.procedure, self.track)

    def describe(self) -> str:
        """e.g. 民事 · 一审 · 简易程序 (Chinese, for reports and the CLI)."""
        if self.case_type is None:
            return "案件类型未知"
        parts = [self.case_type.kind.label_zh, self.case_type.procedure.label_zh]
        if self.track is not None:
            parts.append(self.track.label_zh)
        return " · ".join(parts)
