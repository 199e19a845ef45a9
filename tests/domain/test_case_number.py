from __future__ import annotations

import pytest

from riskdesk.domain.case_number import CaseNumber, CaseNumberError

VALID = [
    ("(2024)内0602民初123号", "（2024）内0602民初123号", "民初"),
    ("（2024）内0602民初123号", "（2024）内0602民初123号", "民初"),
    ("〔2024〕内0602民初123号", "（2024）内0602民初123号", "民初"),
    (" ( 2024 ) 内06 民终 5 号 ", "（2024）内06民终5号", "民终"),
    ("（２０２４）内０６０２民初１２３号", "（2024）内0602民初123号", "民初"),
    ("(2019)最高法知民终1号", "（2019）最高法知民终1号", "民终"),
    ("(2024)内0602执恢12号", "（2024）内0602执恢12号", "执恢"),
    ("(2024)内0602执123号", "（2024）内0602执123号", "执"),
    ("(2024)内0602执保7号", "（2024）内0602执保7号", "执保"),
    ("(2024)内06执异1号", "（2024）内06执异1号", "执异"),
    ("(2024)内06执复2号", "（2024）内06执复2号", "执复"),
    ("(2024)内0602财保3号", "（2024）内0602财保3号", "财保"),
    ("(2024)内0602刑初45号", "（2024）内0602刑初45号", "刑初"),
    ("(2024)内0602行初9号", "（2024）内0602行初9号", "行初"),
    ("(2024)内0602民保令2号", "（2024）内0602民保令2号", "民保令"),
    ("(2024)内民终100号", "（2024）内民终100号", "民终"),
    ("(2023)京0105民特88号", "（2023）京0105民特88号", "民特"),
    ("(2024)最高法刑核12345678号", "（2024）最高法刑核12345678号", "刑核"),
]

INVALID = [
    ("", "不能为空"),
    ("   ", "不能为空"),
    ("2024内0602民初1号", "开头"),
    ("(24)内0602民初1号", "四位数字"),
    ("(1850)内0602民初1号", "合理范围"),
    ("(2024)内0602民初123", "结尾"),
    ("(2024)内0602民乙123号", "类型代字“民乙”"),
    ("(2024)内0602号", "类型代字"),
    ("(2024)内0602民初号", "编号"),
    ("(2024)内0602民初0号", "不能为 0"),
    ("(2024)X0602民初1号", "法院代字"),
    ("(2024)内602民初1号", "法院代字"),
    ("(2015)东民初字第123号", "旧式案号"),
    ("(2024)内0602民初1号'; DROP TABLE cases; --", "结尾"),
    ("(2024)内0602民初\x001号", "控制字符"),
    ("(2024)内0602民初" + "1" * 1000 + "号", "过长"),
    ("(2024)内0602民初123456789号", "过长"),
]


@pytest.mark.parametrize(("text", "normal", "case_type"), VALID)
def test_valid_case_numbers_normalise(text: str, normal: str, case_type: str) -> None:
    number = CaseNumber.parse(text)
    assert str(number) == normal
    assert number.case_type == case_type


@pytest.mark.parametrize(("text", "fragment"), INVALID)
def test_invalid_case_numbers_say_what_is_wrong(text: str, fragment: str) -> None:
    with pytest.raises(CaseNumberError) as info:
        CaseNumber.parse(text)
    assert fragment in str(info.value)
    assert "\n" not in str(info.value)


def test_parts() -> None:
    n = CaseNumber.parse("(2024)内0602民初123号")
    assert (n.year, n.court, n.special, n.case_type, n.serial) == (2024, "内0602", "", "民初", 123)
    assert not n.is_enforcement
    assert CaseNumber.parse("(2024)内0602执恢1号").is_enforcement


def test_year_bound() -> None:
    with pytest.raises(CaseNumberError, match="合理范围"):
        CaseNumber.parse("(2031)内0602民初1号", max_year=2027)
