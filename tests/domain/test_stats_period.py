"""Statistics periods as a court writes them, and the figures' arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from riskdesk.domain.model import Status
from riskdesk.domain.stats import Breakdown, Period, Tally, median


@pytest.mark.parametrize(("text", "first", "last", "label"), [
    ("2026", date(2026, 1, 1), date(2026, 12, 31), "2026年"),
    ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30), "2026年第三季度"),
    ("2026q1", date(2026, 1, 1), date(2026, 3, 31), "2026年第一季度"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "2024年2月"),
    ("2025-11..2026-02", date(2025, 11, 1), date(2026, 2, 28), "2025年11月至2026年2月"),
    ("2024..2026", date(2024, 1, 1), date(2026, 12, 31), "2024年1月至2026年12月"),
    ("2024-03 至 2024-05", date(2024, 3, 1), date(2024, 5, 31), "2024年3月至2024年5月"),
])
def test_periods(text: str, first: date, last: date, label: str) -> None:
    p = Period.parse(text)
    assert (p.first, p.last, p.label) == (first, last, label)
    assert p.months[0] == first.year * 100 + first.month and p.months[-1] == last.year * 100 + last.month


@pytest.mark.parametrize(("text", "says"), [
    ("2026-13", "月份 13 不存在"), ("2026-Q5", "无法识别"), ("1999", "超出范围"), ("2026-05..2026-01", "结束早于开始"),
    ("上个月", "无法识别"),
])
def test_bad_periods_say_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        Period.parse(text)


def test_tally_rate_and_sum() -> None:
    t = Tally.of_status(Status.RISK, 3) + Tally.of_status(Status.CLEAR, 9) + Tally.of_status(Status.NA, 5)
    assert (t.answered, t.risk_rate) == (17, 0.25)  # 不适用 is not part of the rate
    assert Tally().risk_rate is None and Tally.total([t, t]).risk == 6
    assert t.as_dict()["risk_rate"] == 0.25
    assert median([5, 1, 3]) == 3 and median([1, 2, 3, 10]) == 2.5 and median([]) is None
    assert Breakdown.parse("庭室") is Breakdown.DEPARTMENT and Breakdown.parse("NODE") is Breakdown.NODE
