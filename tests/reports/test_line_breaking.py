"""Chinese line breaking of report paragraphs, checked on the lines reportlab is given."""

from __future__ import annotations

from typing import Any

from riskdesk.reports.fonts import CANNOT_END, CHINESE_CANNOT_START, KinsokuParagraph
from riskdesk.reports.layout import kit


def _lines(markup_text: str, width: float) -> list[str]:
    para: Any = KinsokuParagraph(markup_text, kit().body)
    para.wrap(width, 10_000)
    return ["".join(w.text for w in line.words) for line in para.blPara.lines]


def test_lines_fill_the_width_and_keep_every_character() -> None:
    text = "当事人申请回避的，应当说明理由，在案件开始审理时提出；回避事由在案件开始审理后知道的，也可以在法庭辩论终结前提出。" * 3
    lines = _lines(text, 120)
    assert "".join(lines) == text
    assert len(lines) > 5
    assert all(line[0] not in CHINESE_CANNOT_START for line in lines[1:])
    assert all(line[-1] not in CANNOT_END for line in lines[:-1])


def test_a_line_break_in_the_markup_ends_the_line_there() -> None:
    lines = _lines("第一行<br/>第二行，较长的内容会在宽度处折行继续排列", 1000)
    assert lines[0] == "第一行"
    assert lines[1].startswith("第二行")


def test_coloured_labels_stay_on_the_line_with_their_text() -> None:
    lines = _lines("<font color='#1F3A5F'>风险提示：</font>送达地址确认书未签署。", 1000)
    assert lines == ["风险提示：送达地址确认书未签署。"]


def test_latin_words_break_at_spaces() -> None:
    lines = _lines("案号 (2024)内0602民初123号 RiskDesk checklist report version", 90)
    assert "".join(lines).replace(" ", "") == "案号(2024)内0602民初123号RiskDeskchecklistreportversion"
    assert all(not line.startswith(" ") for line in lines)
