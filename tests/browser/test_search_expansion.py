"""Residents' words in Chromium: expansion with the thesaurus, what is marked, and searches that find
nothing or only part of what was typed."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest
from support.axe import violations
from support.builds import MINIMAL_CONFIG, REPORT_YML, problem_file
from support.inpage import opened as opened_in_mode
from support.searching import (
    DONE,
    STATUS,
    marks,
    opened,
    pages_of,
    problem_of,
    result_links,
    search,
    served_files,
)

SITE = {
    "mkdocs.yml": MINIMAL_CONFIG.replace(
        "  - rectify:\n", "  - rectify:\n      search_thesaurus:\n        extra: [words.yml]\n", 1
    ),
    "words.yml": "# The office's own words.\n- {plain: [点卯], official: [考勤]}\n",
    "docs/.keep": "",
    "content/city-2024/report.yml": REPORT_YML,
    "content/city-2024/01.md": problem_file(
        1, "信访件办理不及时", "in_progress", "群众信访件办理不及时，答复超过期限。"
    ),
    "content/city-2024/02.md": problem_file(
        2, "接待群众不热情", "completed", "有群众上访时，接待窗口人员态度冷淡。"
    ),
    "content/city-2024/03.md": problem_file(3, "窗口纪律松散", "not_done", "窗口人员考勤管理不严。"),
    "content/city-2024/04.md": problem_file(
        4, "部门之间推诿扯皮", "in_progress", "办事部门之间推诿扯皮，互不配合。"
    ),
    "content/city-2024/05.md": problem_file(5, "排队时间长", "completed", "窗口人员不了解政策，排队时间长。"),
    "content/city-2024/06.md": problem_file(
        6, "舆情处置被动", "completed", "大厅双语介绍展板存在英语翻译错误，直至舆情发生才处理。"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_files(tmp_path_factory, "expansion", SITE) as url:
        yield url


def test_a_plain_word_finds_the_official_one_after_the_pages_that_hold_it(browser, site: str) -> None:
    with opened(browser, site + "/search/") as page:
        links = search(page, "上访")
        # 02 holds the typed word and comes first; 01 says 信访, the word of the notices.
        assert [problem_of(u) for u in links] == ["2", "1"]
        assert "还查找了相关的规范用语：信访" in page.inner_text(STATUS)
        assert [set(words) for words in marks(page)] == [{"上访"}, {"信访"}]


def test_a_sites_own_words_expand_too(browser, site: str) -> None:
    with opened(browser, site + "/search/") as page:
        assert pages_of(search(page, "点卯")) == {"city-2024/3"}
        assert marks(page) == [["考勤"]]


def test_spoken_filler_does_not_narrow_the_search(browser, site: str) -> None:
    with opened(browser, site + "/search/") as page:
        # 了 would keep only the page holding 了解 (Pagefind matches a term as the start of a word).
        assert {"city-2024/2", "city-2024/3", "city-2024/5"} <= pages_of(search(page, "窗口人员了吗"))
        assert "已搜索的词语" not in page.inner_text(STATUS)


def test_a_typed_word_no_page_holds_brings_in_the_official_words(browser, site: str) -> None:
    with opened(browser, site + "/search/") as page:
        # 窗口 alone finds three pages; 踢皮球 is in none, so what was meant is not among them.
        links = search(page, "窗口踢皮球")
        assert problem_of(links[0]) == "4"
        said = page.inner_text(STATUS)
        assert "部分词语" in said and "还查找了相关的规范用语：推诿扯皮" in said


def test_a_query_whose_words_few_pages_hold_together_is_followed_by_pages_with_some(
    browser, site: str
) -> None:
    with opened(browser, site + "/search/") as page:
        links = search(page, "群众窗口")
        assert problem_of(links[0]) == "2"
        assert {"city-2024/1", "city-2024/3", "city-2024/5"} <= pages_of(links[1:])


def test_a_word_no_page_holds_finds_the_words_of_the_index_that_start_like_it(browser, site: str) -> None:
    with opened(browser, site + "/search/") as page:
        # 英文 is in no page, nor anything read like it; 英语 starts like it.
        assert [problem_of(u) for u in search(page, "英文写错了")] == ["6"]
        said = page.inner_text(STATUS)
        assert "部分词语" in said and "还查找了相关的规范用语：英语" in said
        assert marks(page) == [["英语"]]


def test_the_words_that_only_start_like_a_typed_one_come_after_the_others(browser, site: str) -> None:
    with opened(browser, site + "/search/") as page:
        links = [problem_of(u) for u in search(page, "英文写错窗口")]
        assert set(links[:3]) == {"2", "3", "5"} and links[-1] == "6"


def test_nothing_found_says_what_was_searched_and_offers_the_reports(browser, site: str) -> None:
    with opened(browser, site + "/search/?q=上访&status=not_done") as page:
        page.wait_for_selector(DONE)
        assert result_links(page) == []
        said = page.inner_text(STATUS)
        assert "没有找到与“上访”相关的问题" in said
        assert "已搜索的词语：上访。" in said and "还查找了相关的规范用语：信访" in said
        help = page.locator("[data-rectify-search-help]")
        assert help.is_visible()
        assert "已搜索的词语：上访。" in help.inner_text()
        assert help.get_by_role("link", name="巡察整改情况通报").get_attribute("href") == "../"
        assert help.get_by_role("link", name="分类浏览").get_attribute("href") == "../browse/"
        report = help.get_by_role("link", name="测试单位关于巡察整改情况的通报")
        assert report.get_attribute("href") == "../city-2024/"
        assert violations(page) == []


def test_the_help_goes_away_when_a_search_finds_what_was_typed(browser, site: str) -> None:
    with opened(browser, site + "/search/?q=上访&status=not_done") as page:
        page.wait_for_selector(DONE)
        page.get_by_role("checkbox", name="未完成").uncheck()
        page.wait_for_selector(DONE)
        page.wait_for_function("document.querySelector('[data-rectify-search-help]').hidden")
        assert len(result_links(page)) == 2


# -- on the demo -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_page(browser, demo_url: str) -> Iterator:
    with opened(browser, demo_url + "/search/") as page:
        yield page


def test_only_the_words_searched_for_are_marked(demo_page) -> None:
    links = search(demo_page, "热线打不通")
    assert problem_of(links[0]) == "1"
    found = marks(demo_page)
    # Pagefind matches 不 as the start of 不够 in the title; only 热线 is a word that was searched.
    assert found[0] and set(found[0]) == {"热线"}
    assert all("不够" not in words for words in found)


def test_a_search_finding_only_some_words_offers_a_shorter_query_that_finds_all(demo_page) -> None:
    search(demo_page, "量子计算机")
    said = demo_page.inner_text(STATUS)
    assert "部分词语" in said and "少一个词可以找到结果：“计算机”" in said
    link = demo_page.locator("[data-rectify-search-suggest-link]")
    assert link.inner_text() == "计算机"
    link.click()
    demo_page.wait_for_selector(DONE)
    assert demo_page.input_value("#rectify-search-q") == "计算机"
    assert parse_qs(urlparse(demo_page.url).query) == {"q": ["计算机"]}
    assert {problem_of(u) for u in result_links(demo_page)} == {"11", "13"}
    assert "部分词语" not in demo_page.inner_text(STATUS)
    assert demo_page.locator("[data-rectify-search-help]").is_hidden()


def test_a_query_with_no_word_of_the_site_lists_its_terms_and_the_reports(demo_page) -> None:
    assert search(demo_page, "量子纠缠") == []
    said = demo_page.inner_text(STATUS)
    assert "没有找到与“量子纠缠”相关的问题" in said and "已搜索的词语：" in said
    help = demo_page.locator("[data-rectify-search-help]")
    assert help.get_by_role("link", name="中共海口市政务管理局党组关于巡察整改情况的通报").count() == 1


def test_each_plain_phrase_inside_a_spoken_sentence_is_expanded(demo_page) -> None:
    # 我 and 去 are filler; 办证 and 跑了好几趟 are plain words of two entries of the thesaurus.
    links = search(demo_page, "我去办证跑了好几趟")
    said = demo_page.inner_text(STATUS)
    assert "跑动次数" in said and "审批" in said
    assert {"1", "3"} & {problem_of(u) for u in links[:3]}


def test_pinyin_and_a_homophone_find_the_word_meant(demo_page) -> None:
    # 社保 and 公积金 typed as residents type them (full pinyin, initials, a wrong character).
    for query in ("shebao", "gjj", "社报窗口"):
        assert "4" in [problem_of(u) for u in search(demo_page, query)[:3]], query


@pytest.mark.parametrize("mode", ["default", "care"])
def test_axe_finds_no_violation_when_nothing_is_found(browser, demo_url: str, mode: str) -> None:
    with opened_in_mode(browser, demo_url + "/search/?q=量子纠缠", mode=mode) as page:
        page.wait_for_selector(DONE)
        assert page.locator("[data-rectify-search-help]").is_visible()
        assert violations(page) == []
