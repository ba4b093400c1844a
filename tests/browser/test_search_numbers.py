"""Amounts in residents' words find the digits of the notices, in Chromium on the real index."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support.builds import MINIMAL_CONFIG, REPORT_YML, problem_file
from support.searching import opened, problem_of, search, served_files

pytestmark = pytest.mark.browser

SITE = {
    "mkdocs.yml": MINIMAL_CONFIG,
    "docs/.keep": "",
    "content/city-2024/report.yml": REPORT_YML,
    "content/city-2024/01.md": problem_file(
        1, "借款长期未还", "in_progress", "个别干部向公司借款约71万元，至今未归还。"
    ),
    "content/city-2024/02.md": problem_file(
        2, "档案整理滞后", "not_done", "积压档案8000余件未整理，群众查询困难。"
    ),
    "content/city-2024/03.md": problem_file(
        3, "登记时限压缩", "completed", "不动产登记时限压缩到3个工作日，满意率达90%。"
    ),
    "content/city-2024/04.md": problem_file(
        4, "窗口服务不规范", "completed", "推行最多跑一次，群众办事只需跑一次。"
    ),
    "content/city-2024/05.md": problem_file(5, "会议纪律松散", "completed", "会上玩手机，开会迟到。"),
    # The same words with other amounts: only the amount tells these from the pages above.
    "content/city-2024/06.md": problem_file(
        6, "档案管理不严", "completed", "借阅档案300余件未登记，群众查询困难，借款手续不全。"
    ),
    "content/city-2024/07.md": problem_file(
        7, "审批时限过长", "completed", "审批时限为15个工作日，满意率仅60%，只跑一趟难以做到。"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_files(tmp_path_factory, "numbers", SITE) as url:
        yield url


READ = {
    # In words, as the index holds them; approximate amounts become the digits they start with.
    "借了七十多万": "借了 7 万",
    "两千多件": "2 件",
    "一百来个": "1 个",
    "十几天": "1 天",
    "七十万左右": "7 万",
    "三天": "3 天",
    "二十五名": "25 名",
    "五万元": "5 万元",
    "百分之九十": "90",
    # Digits written roughly.
    "1万多": "1 万",
    "2000多件": "2 件",
    # Words that hold numerals but are no amounts stay as they are.
    "一站式": "一站式",
    "三区一中心": "三区一中心",
    "最多跑一次": "最多跑一次",
    "十分满意": "十分满意",
    "千万别拖": "千万别拖",
    "百姓": "百姓",
    "3个工作日": "3个工作日",
}


def test_amounts_in_words_are_read_as_the_digits_notices_write(browser, site: str) -> None:
    with opened(browser, site + "/search/") as page:
        read = page.evaluate("(queries) => queries.map((q) => rectify.searchQuery.numbers(q))", list(READ))
        assert dict(zip(READ, read, strict=True)) == READ
        spelt = page.evaluate(
            "(queries) => queries.map((q) => rectify.searchQuery.numerals(q))",
            ["跑1次", "3个工作日", "12345热线"],
        )
        assert spelt == ["跑一次", "三个工作日", "12345热线"]
        bare = page.evaluate("rectify.searchQuery.numbers('查档案两千多件', true)")
        assert bare == "查档案 2"


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("借了七十多万", "1"),
        ("只跑1次", "4"),
        ("查档案八千多件", "2"),
        ("时限三个工作日", "3"),
        ("满意率百分之九十", "3"),
    ],
)
def test_an_amount_in_words_finds_the_notice_that_writes_it_in_digits(
    browser, site: str, query, problem
) -> None:
    with opened(browser, site + "/search/") as page:
        assert [problem_of(u) for u in search(page, query)][:1] == [problem], query
