"""案号: parse, validate and normalise a Chinese court case number.

Format (《关于人民法院案件案号的若干规定》): （收案年度）+ 法院代字 + [专门审判代字] + 类型代字 + 编号 + 号,
for example （2024）内0602民初123号. Users type half- or full-width brackets, full-width digits and
stray spaces; all of those normalise to the one stored form with full-width brackets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Province-level short names used as 法院代字, plus 兵 (兵团法院) and 军 (军事法院).
PROVINCE_CODES = frozenset(
    "京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新兵军"
)

# 类型代字 from the SPC standard (domain.md §4). Matching takes the longest code first.
CASE_TYPE_CODES = frozenset(
    {
        # 刑事
        "刑初", "刑终", "刑监", "刑申", "刑抗", "刑再", "刑核", "刑更", "刑医", "刑没", "刑辖", "刑他",
        # 民事
        "民初", "民终", "民监", "民申", "民抗", "民再", "民撤", "民特", "民催", "民督", "民他", "民保令",
        "民辖", "民辖终", "民诉前调",
        # 行政
        "行初", "行终", "行申", "行再", "行审", "行审复", "行辖", "行他", "行抗", "行监",
        # 赔偿、救助、制裁
        "行赔初", "行赔终", "法赔", "委赔", "司救民", "司救执", "司救刑", "司救行", "司惩", "司惩复",
        # 非诉保全
        "财保", "行保", "证保",
        # 执行
        "执", "执恢", "执保", "执异", "执复", "执监", "执协", "执他",
        # 破产
        "破申", "破",
    }
)
SPECIAL_TRIAL_CODES = frozenset({"知", "金"})

_TYPE_ALTERNATION = "|".join(sorted(CASE_TYPE_CODES, key=len, reverse=True))
_PATTERN = re.compile(
    r"^\((?P<year>\d{4})\)"
    r"(?P<court>最高法|[^\d()]\d{0,4}?(?:\d{2}|\d{4})?)"
    r"(?P<special>知|金)?"
    r"(?P<type>" + _TYPE_ALTERNATION + r")"
    r"(?P<serial>\d+)号$"
)
_COURT = re.compile(r"^(最高法|(?P<prov>[^\d])(?P<digits>\d{2}|\d{4})?)$")
_BRACKETS = str.maketrans({"（": "(", "）": ")", "〔": "(", "〕": ")", "[": "(", "]": ")", "【": "(", "】": ")"})


class CaseNumberError(ValueError):
    """A malformed 案号; the message says what is wrong, in the user's language (Chinese)."""


@dataclass(frozen=True)
class CaseNumber:
    year: int
    court: str
    special: str
    case_type: str
    serial: int

    def __str__(self) -> str:
        return f"（{self.year}）{self.court}{self.special}{self.case_type}{self.serial}号"

    @property
    def is_enforcement(self) -> bool:
        return self.case_type.startswith("执")

    @classmethod
    def parse(cls, text: str, *, max_year: int | None = None) -> CaseNumber:
        """Parse ``text`` or raise CaseNumberError saying exactly what is wrong."""
        if text is None or not str(text).strip():
            raise CaseNumberError("案号不能为空")
        raw = str(text)
        if len(raw) > 64:
            raise CaseNumberError(f"案号过长（{len(raw)} 个字符），正常案号不超过 30 个字符")
        if any(unicodedata.category(ch) == "Cc" for ch in raw):
            raise CaseNumberError("案号含有控制字符，请重新输入")
        # NFKC turns full-width digits and letters into ASCII ones; brackets are mapped by hand
        # because NFKC keeps 〔〕 and 【】.
        norm = unicodedata.normalize("NFKC", raw).translate(_BRACKETS)
        norm = re.sub(r"\s+", "", norm)
        if not norm.startswith("("):
            raise CaseNumberError("案号应以带括号的收案年度开头，例如（2024）内0602民初123号")
        m_year = re.match(r"^\((\d{4})\)", norm)
        if not m_year:
            raise CaseNumberError("收案年度应为括号中的四位数字，例如（2024）")
        year = int(m_year.group(1))
        upper = max_year if max_year is not None else 2100
        if not 1990 <= year <= upper:
            raise CaseNumberError(f"收案年度 {year} 不在合理范围内（1990—{upper}）")
        if not norm.endswith("号"):
            raise CaseNumberError("案号应以“号”结尾，例如（2024）内0602民初123号")
        if "字第" in norm:
            raise CaseNumberError("这是 2016 年以前的旧式案号（含“字第”），请按现行格式输入，例如（2024）内0602民初123号")
        m = _PATTERN.match(norm)
        if not m:
            raise CaseNumberError(cls._explain(norm))
        court = m.group("court")
        cm = _COURT.match(court)
        if not cm or (cm.group("prov") and cm.group("prov") not in PROVINCE_CODES):
            raise CaseNumberError(f"法院代字“{court}”无法识别：应为“最高法”，或省级简称加 2 位或 4 位数字，例如“内0602”")
        serial_text = m.group("serial")
        if len(serial_text) > 8:
            raise CaseNumberError(f"案件编号“{serial_text}”过长（最多 8 位数字）")
        serial = int(serial_text)
        if serial == 0:
            raise CaseNumberError("案件编号不能为 0")
        return cls(year, court, m.group("special") or "", m.group("type"), serial)

    @staticmethod
    def _explain(norm: str) -> str:
        body = norm[6:-1]  # between "(2024)" and "号"
        if not re.search(r"\d+$", body):
            return "案号缺少案件编号（“号”前的数字）"
        head = re.sub(r"\d+$", "", body)
        m = re.match(r"^(最高法|[^\d]\d*)(.*)$", head)
        if not m or not m.group(2):
            return "案号缺少类型代字，例如“民初”“执”"
        rest = m.group(2)
        if rest[:1] in SPECIAL_TRIAL_CODES:
            rest = rest[1:]
        return f"类型代字“{rest}”无法识别，例如应为民初、民终、刑初、行初、执、执恢、执异、财保"

