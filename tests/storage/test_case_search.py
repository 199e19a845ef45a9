"""The case search: the same cases on both back ends as "the term is in 案号, 当事人, 案由 or 承办人"; on
PostgreSQL the bigram index (migration 0012) narrows first, and must never leave a match out."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from riskdesk.services import CaseQuery, Services
from riskdesk.storage.case_queries import case_search
from tests.pg import PgDatabase

CASES = [
    ("(2024)内0602民初123号", "民间借贷纠纷", "张三诉李四", "王伟"),
    ("(2024)内0602民初124号", "买卖合同纠纷", "甲公司诉乙公司", "王伟民"),
    ("(2023)内0602执55号", "借款合同纠纷", "100%_公司", "李娜"),
    ("(2023)内06民终7号", "房屋租赁合同纠纷", "ABC科技有限公司诉李四", "赵敏"),
    ("(2022)内0602刑初8号", "盗窃罪", "内蒙古自治区鄂尔多斯市东胜区人民检察院", "王伟"),
]
TERMS = ["王伟", "王", "伟民", "（2024）", "内0602民初12", "124号", "民初", "纠纷", "合同纠纷", "abc", "ABC科技",
         "Abc", "%", "_", "%_", "100%", "李四", "诉李四 民间",  # the last spans two fields: no case has it
         "张三诉李四", "民间借贷纠纷", "赵敏", "东胜区人民检察院", "不存在的当事人", "号", "2", "0602执5"]


def _stored(case_no: str) -> str:
    from riskdesk.domain.case_number import CaseNumber

    return str(CaseNumber.parse(case_no))


def _expected(term: str) -> list[str]:
    found = []
    for case_no, cause, parties, judge in CASES:
        if any(term.lower() in field.lower() for field in (_stored(case_no), cause, parties, judge)):
            found.append(_stored(case_no))
    return sorted(found)


def test_the_search_finds_every_case_that_contains_the_term(services: Services) -> None:
    for case_no, cause, parties, judge in CASES:
        services.cases.create(case_no, cause=cause, parties=parties, judge=judge)
    for term in TERMS:
        got = sorted(r.case.case_no for r in services.cases.list(CaseQuery(term)))
        assert got == _expected(term), term


def test_a_full_page_among_the_newest_cases_is_the_page_the_whole_search_gives(
        services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """The search reads the newest cases first (case_queries.RECENT_WINDOW): whether the page comes from
    there or from the whole search, it is the same page, at every offset."""
    from riskdesk.storage import case_queries

    for case_no, cause, parties, judge in CASES:
        services.cases.create(case_no, cause=cause, parties=parties, judge=judge)
    for n in range(6, 30):
        services.cases.create(f"(2021)内0602民初{n}号", cause="民间借贷纠纷" if n % 3 else "离婚纠纷", judge="王伟")
    whole = {}
    for term in ("纠纷", "王伟", "借贷", "离婚", "民初"):
        monkeypatch.setattr(case_queries, "RECENT_WINDOW", 10 ** 6)  # every case is "recent": one query
        whole[term] = [r.case.case_no for r in services.cases.list(CaseQuery(term, limit=1000))]
        for window in (1, 3, 8, 40):
            monkeypatch.setattr(case_queries, "RECENT_WINDOW", window)
            for limit, offset in ((1, 0), (3, 0), (3, 2), (5, 7), (200, 0)):
                got = [r.case.case_no for r in services.cases.list(CaseQuery(term, limit=limit, offset=offset))]
                assert got == whole[term][offset:offset + limit], (term, window, limit, offset)


def test_a_changed_case_is_found_by_its_new_text(services: Services) -> None:
    from riskdesk.services.case_fields import CaseInput

    case = services.cases.create(CASES[0][0], cause="民间借贷纠纷", parties="张三诉李四", judge="王伟")
    services.cases.update(case.id, CaseInput(case.case_no, "民间借贷纠纷", "孙悟空诉猪八戒", "王伟"))
    assert [r.case.id for r in services.cases.list(CaseQuery("悟空"))] == [case.id]
    assert services.cases.list(CaseQuery("张三")) == []


@pytest.mark.pg
def test_on_a_server_the_search_asks_the_bigram_index(pg: PgDatabase, catalog_dir: Path) -> None:
    """The query's expression is the index's exactly (else the server would read every case again)."""
    svc = Services.open(pg.app_url, catalog_dir, actor_name="王法官")
    try:
        for case_no, cause, parties, judge in CASES:
            svc.cases.create(case_no, cause=cause, parties=parties, judge=judge)
        with svc.db.reading() as conn:
            conn.execute(text("SET LOCAL enable_seqscan = off"))  # five cases: a scan would be cheaper
            compiled = case_search("王伟", 200, 0).compile(dialect=conn.dialect)
            plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params))
    finally:
        svc.close()
    assert "ix_cases_grams" in plan, plan
