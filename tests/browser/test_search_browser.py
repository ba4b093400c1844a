"""Search in Chromium, on the real Pagefind index: relevance, filters, keyboard, announcements, WCAG."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import yaml
from support.axe import violations
from support.builds import DEMO_ID, FIXTURES, build_site, problem_file, write_tree
from support.inpage import opened as opened_in_mode
from support.searching import DONE, STATUS, opened, pages_of, problem_of, result_links, search, served
from support.sites import SEARCH_SITE

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((FIXTURES / "search_queries.yml").read_text("utf-8"))
# -- relevance over the demo ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def search_page(browser, demo_url: str) -> Iterator:
    with opened(browser, demo_url + "/search/") as page:
        yield page


def test_the_query_set_is_large_and_varied() -> None:
    assert len(QUERIES) >= 25
    notes = {case.get("note") for case in QUERIES}
    assert {"traditional", "number", "phrase"} <= notes
    assert any(len(case["query"]) == 2 for case in QUERIES)


@pytest.mark.parametrize("case", QUERIES, ids=[case["query"] for case in QUERIES])
def test_citizen_query_finds_its_problem_in_the_top_three(search_page, case: dict) -> None:
    links = search(search_page, case["query"])
    top = [problem_of(url) for url in links[:3]]
    expected = [str(e) for e in case["expect"]]
    assert set(top) & set(expected), f"{case['query']}: top three {top}, expected one of {expected}"
    assert search_page.inner_text(STATUS).strip()


def test_a_problem_is_found_on_its_page_not_also_on_the_report(search_page) -> None:
    links = search(search_page, "超期办件量达13128件")
    assert [problem_of(u) for u in links] == ["5"]


def test_results_show_title_report_status_and_highlighted_excerpt(search_page) -> None:
    search(search_page, "电子保函")
    first = search_page.locator(".rectify-search__result").first
    assert first.locator("h3 a").inner_text().startswith("问题")
    assert "中共海口市政务管理局党组关于巡察整改情况的通报" in first.inner_text()
    badge = first.locator(".rectify-badge")
    assert badge.get_attribute("data-status") == "completed"
    assert badge.locator(".rectify-badge__text").inner_text() == "已完成"
    assert badge.text_content().strip() == "整改结果：已完成"
    marks = first.locator(".rectify-search__excerpt mark").all_inner_texts()
    assert marks and any(text in "电子保函" for text in marks)


def test_the_words_of_a_phrase_are_highlighted_as_one(search_page) -> None:
    search(search_page, "超期办件")
    excerpt = search_page.locator(".rectify-search__excerpt").first
    assert "超期办件" in excerpt.locator("mark").all_inner_texts()
    assert "</mark><mark>" not in excerpt.inner_html()


def test_traditional_query_is_highlighted_in_simplified_text(search_page) -> None:
    search(search_page, "翻譯錯誤")
    # The page holding the typed words comes first; pages found through the thesaurus after it mark
    # the related words that found them.
    first = search_page.locator(".rectify-search__excerpt").first
    marks = first.locator("mark").all_inner_texts()
    assert marks and all(mark in "翻译错误" for mark in marks)


def test_the_url_holds_the_query_and_back_restores_it(search_page) -> None:
    search(search_page, "超期")
    search(search_page, "考勤")
    assert parse_qs(urlparse(search_page.url).query) == {"q": ["考勤"]}
    search_page.go_back()
    search_page.wait_for_function("document.querySelector('#rectify-search-q').value === '超期'")
    search_page.wait_for_selector(DONE)
    assert problem_of(result_links(search_page)[0]) == "5"


def test_a_query_with_no_match_says_so(search_page) -> None:
    assert search(search_page, "量子纠缠") == []
    assert "没有找到与“量子纠缠”相关的问题" in search_page.inner_text(STATUS)


def test_words_typed_together_that_no_page_holds_all_of_show_the_pages_with_some(search_page) -> None:
    links = search(search_page, "量子计算机")
    # Pages with 计算机; none for the lone characters 量 and 子.
    assert {problem_of(u) for u in links} == {"11", "13"}
    assert "部分词语" in search_page.inner_text(STATUS)


# -- loading ------------------------------------------------------------------------------------------------


def test_a_problem_page_view_downloads_nothing_of_search(page, demo_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{demo_url}/{DEMO_ID}/5/", wait_until="networkidle")
    page.focus("#rectify-search-box-q")
    page.keyboard.type("超期")
    page.wait_for_timeout(300)
    searching = [u for u in requests if "/pagefind/" in u or "hanzi.json" in u or "search.js" in u]
    assert searching == []
    assert page.locator("#rectify-search-box-q").is_visible()


def test_the_search_page_loads_the_index_without_a_query(page, demo_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{demo_url}/search/", wait_until="networkidle")
    assert any(u.endswith("/pagefind/pagefind.js") for u in requests)
    assert page.locator("[data-rectify-search-nojs]").is_hidden()
    assert page.evaluate("document.documentElement.lang").startswith("zh")


def test_the_traditional_characters_table_is_fetched_only_for_a_query_needing_it(page, demo_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{demo_url}/search/?q=热线", wait_until="networkidle")
    page.wait_for_selector(DONE)
    assert len(result_links(page)) >= 3
    assert not any(u.endswith("/search/hanzi.json") for u in requests)
    links = search(page, "電子保函")
    assert problem_of(links[0]) == "1"
    assert any(u.endswith("/search/hanzi.json") for u in requests)


def test_pinyin_being_composed_fetches_no_index_chunk(page, demo_url: str) -> None:
    chunks: list[str] = []
    page.on(
        "request", lambda request: chunks.append(request.url) if "/pagefind/index/" in request.url else None
    )
    page.goto(f"{demo_url}/search/", wait_until="networkidle")
    box = page.locator("#rectify-search-q")
    box.dispatch_event("compositionstart")
    for typed in ("c", "ch", "chao", "chaoqi"):
        box.evaluate(
            "(el, typed) => { el.value = typed;"
            " el.dispatchEvent(new InputEvent('input', {isComposing: true, data: typed})); }",
            typed,
        )
    page.wait_for_timeout(600)
    assert chunks == []
    with page.expect_request(lambda request: "/pagefind/index/" in request.url, timeout=10_000):
        box.evaluate("el => { el.value = '超期'; el.dispatchEvent(new CompositionEvent('compositionend')); }")


def test_without_javascript_the_search_page_explains_and_links_to_the_overview(browser, demo_url) -> None:
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{demo_url}/search/?q=超期")
        assert "需要在浏览器中启用 JavaScript" in page.inner_text("main")
        link = page.locator("[data-rectify-search-nojs]").get_by_role("link", name="巡察整改情况通报")
        assert link.get_attribute("href") == "../"
        assert page.locator("[data-rectify-search-form]").is_hidden()
    finally:
        context.close()


# -- keyboard, announcements, WCAG ------------------------------------------------------------------------


def tab_to(page, predicate: str, limit: int = 60) -> int:
    """Press Tab until ``predicate`` (a JS expression about document.activeElement) holds."""
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return count
    raise AssertionError(f"focus never reached {predicate!r} in {limit} presses of Tab")


def test_search_from_the_header_to_a_problem_with_the_keyboard_only(page, demo_url: str) -> None:
    page.goto(f"{demo_url}/{DEMO_ID}/9/")
    tab_to(page, "el.id === 'rectify-search-box-q'")
    page.keyboard.type("超期")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert unquote(urlparse(page.url).query) == "q=超期"
    page.wait_for_selector(DONE)
    assert page.input_value("#rectify-search-q") == "超期"
    tab_to(page, "el.classList.contains('rectify-search__result-link')")
    target = page.evaluate("document.activeElement.href")
    assert problem_of(target) == "5"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{DEMO_ID}/5/")


def test_result_count_is_announced_politely(page, demo_url: str) -> None:
    page.goto(f"{demo_url}/search/")
    status = page.locator(STATUS)
    assert status.get_attribute("role") == "status" and status.is_visible()
    page.fill("#rectify-search-q", "超期")
    page.press("#rectify-search-q", "Enter")
    page.wait_for_selector(DONE)
    assert status.inner_text() == "找到 2 个结果。"
    # The announcement lives in the same element all along, so screen readers hear each change.
    assert page.locator("[role=status]", has_text="找到").count() == 1


def test_the_first_view_loads_five_results_and_more_loads_the_next_ten(page, demo_url: str) -> None:
    fragments: list[str] = []
    page.on("request", lambda request: fragments.append(request.url) if "/fragment/" in request.url else None)
    page.goto(f"{demo_url}/search/")
    page.fill("#rectify-search-q", "整改")
    page.press("#rectify-search-q", "Enter")
    page.wait_for_selector(DONE)
    page.wait_for_load_state("networkidle")
    # Only the results a reader sees first are fetched (each is a fragment of 1–2 kB).
    assert len(result_links(page)) == 5 and len(fragments) == 5
    said = page.inner_text(STATUS)
    assert said.startswith("找到 ") and said.endswith("显示前 5 个。")
    page.click("[data-rectify-search-more]")
    page.wait_for_function("document.querySelectorAll('.rectify-search__result-link').length === 15")
    links = result_links(page)
    # Keyboard and screen reader users go on at the first of the new results, and hear the count again.
    assert page.evaluate("document.activeElement.href") == links[5]
    page.wait_for_function(f"document.querySelector('{STATUS}').innerText.endsWith('显示前 15 个。')")
    assert len(fragments) == 15


def test_axe_finds_no_violation_on_the_search_page_with_results(page, demo_url: str) -> None:
    page.goto(f"{demo_url}/search/?q=热线")
    page.wait_for_selector(DONE)
    assert len(result_links(page)) >= 3
    assert violations(page) == []


def test_axe_finds_no_violation_on_a_page_with_the_header_box(page, demo_url: str) -> None:
    page.goto(f"{demo_url}/{DEMO_ID}/5/")
    assert violations(page) == []


@pytest.mark.parametrize("path", ["/search/?q=热线", f"/{DEMO_ID}/5/"])
def test_nothing_scrolls_sideways_at_320_px(browser, demo_url: str, path: str) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(demo_url + path)
        if "search" in path:
            page.wait_for_selector(DONE)
            assert page.locator(".rectify-search__result").count() >= 3
            assert page.locator("#rectify-search-q").is_visible()
        else:
            # The header keeps a way to search: a link to the search page instead of the box.
            assert page.get_by_role("link", name="搜索").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


# -- filters, on a site with several reports, years, units and statuses -------------------------------------


@pytest.fixture(scope="module")
def filter_site(shared_build) -> Iterator[str]:
    with served(shared_build(SEARCH_SITE, "--strict")) as url:
        yield url


def test_filters_are_labelled_form_controls(browser, filter_site: str) -> None:
    with opened(browser, filter_site + "/search/") as page:
        filters = page.get_by_role("group", name="筛选条件")
        status = filters.get_by_role("group", name="整改结果")
        for label in ("已完成", "基本完成·持续整改", "正在整改", "未完成"):
            assert status.get_by_role("checkbox", name=label).count() == 1
        report = page.get_by_label("所属通报")
        assert report.locator("option").all_inner_texts() == [
            "全部通报",
            "乙单位巡察整改情况通报",
            "甲单位巡察整改情况通报",
        ]
        assert page.get_by_label("责任单位").locator("option").all_inner_texts() == [
            "全部单位",
            "公共资源交易中心",
            "市民热线中心",
            "政务服务中心",
        ]
        years = page.get_by_label("通报年份").locator("option").all_inner_texts()
        assert years == ["全部年份", "2024年", "2021年"]


def test_each_filter_narrows_the_results_and_updates_the_url(browser, filter_site: str) -> None:
    with opened(browser, filter_site + "/search/") as page:
        everything = pages_of(search(page, "热线"))
        assert everything == {"alpha-2021/1", "alpha-2021/2", "alpha-2021/3", "beta-2024/1"}

        page.get_by_role("checkbox", name="已完成").check()
        page.wait_for_selector(DONE)
        assert pages_of(result_links(page)) == {"alpha-2021/1"}
        assert parse_qs(urlparse(page.url).query) == {"q": ["热线"], "status": ["completed"]}

        page.get_by_role("checkbox", name="未完成").check()
        page.wait_for_selector(DONE)
        assert pages_of(result_links(page)) == {"alpha-2021/1", "alpha-2021/3"}

        page.get_by_role("checkbox", name="已完成").uncheck()
        page.get_by_role("checkbox", name="未完成").uncheck()
        page.wait_for_selector(DONE)
        page.get_by_label("所属通报").select_option("beta-2024")
        page.wait_for_selector(DONE)
        assert pages_of(result_links(page)) == {"beta-2024/1"}

        page.get_by_label("所属通报").select_option("")
        page.get_by_label("责任单位").select_option("政务服务中心")
        page.wait_for_selector(DONE)
        assert pages_of(result_links(page)) == {"alpha-2021/2", "alpha-2021/3"}
        assert parse_qs(urlparse(page.url).query) == {"q": ["热线"], "unit": ["政务服务中心"]}


def test_a_search_started_at_once_silences_the_count_of_the_one_before(browser, filter_site: str) -> None:
    with opened(browser, filter_site + "/search/") as page:
        search(page, "热线")
        # The moment the count for 已完成 is about to be announced, 未完成 is ticked too.
        page.evaluate(
            """() => {
              const status = document.querySelector('[data-rectify-search-status]');
              const second = document.querySelector('input[name=status][value=not_done]');
              window.said = [];
              let armed = true;
              new MutationObserver(() => {
                if (status.textContent) window.said.push(status.textContent);
                else if (armed) { armed = false; second.click(); }
              }).observe(status, {childList: true, characterData: true, subtree: true});
            }"""
        )
        page.get_by_role("checkbox", name="已完成").check()
        page.wait_for_function("window.said.length > 0")
        page.wait_for_selector(DONE)
        page.wait_for_timeout(400)
        assert page.evaluate("window.said") == ["找到 2 个结果。"]
        assert pages_of(result_links(page)) == {"alpha-2021/1", "alpha-2021/3"}


def test_results_from_several_reports_are_grouped_under_each_reports_title(browser, filter_site: str) -> None:
    with opened(browser, filter_site + "/search/") as page:
        search(page, "热线")
        output = page.locator("[data-rectify-search-output]")
        groups = output.get_by_role("heading", level=3)
        # The report of the best result first (热线回访不及时 is about 热线 only).
        assert groups.all_inner_texts() == [
            "乙单位巡察整改情况通报（1 个结果）",
            "甲单位巡察整改情况通报（3 个结果）",
        ]
        # Each group is a list named by its heading, its results' titles a level below.
        alpha = output.get_by_role("list", name="甲单位巡察整改情况通报（3 个结果）")
        assert pages_of(alpha.get_by_role("link").evaluate_all("a => a.map(l => l.href)")) == {
            "alpha-2021/1",
            "alpha-2021/2",
            "alpha-2021/3",
        }
        assert alpha.get_by_role("heading", level=4).count() == 3
        assert output.get_by_role("list", name="乙单位巡察整改情况通报（1 个结果）").count() == 1
        # The report is said once, by the group's heading, not again in each result.
        assert output.locator(".rectify-search__result-report:visible").count() == 0
        assert page.inner_text(STATUS) == "找到 4 个结果。结果按所属的 2 份通报分组。"
        assert violations(page) == []

        # Keyboard: from the box, Tab reaches the first result of the first group.
        page.focus("#rectify-search-q")
        tab_to(page, "document.activeElement.classList.contains('rectify-search__result-link')")
        assert page.evaluate("document.activeElement.closest('ol').getAttribute('aria-labelledby')") == (
            "rectify-search-group-1"
        )

        # The filters still narrow the results; one report left, one list without group headings.
        page.get_by_role("checkbox", name="已完成").check()
        page.wait_for_selector(DONE)
        assert pages_of(result_links(page)) == {"alpha-2021/1"}
        assert output.locator(".rectify-search__group").count() == 0
        assert output.get_by_role("heading", level=3).all_inner_texts() == ["问题1：热线接通率低"]
        assert page.inner_text(STATUS) == "找到 1 个结果。"
        page.get_by_role("checkbox", name="已完成").uncheck()
        page.get_by_label("所属通报").select_option("beta-2024")
        page.wait_for_selector(DONE)
        assert pages_of(result_links(page)) == {"beta-2024/1"}
        assert output.locator(".rectify-search__group").count() == 0
        assert output.locator(".rectify-search__result-report:visible").count() == 1


@pytest.mark.parametrize("mode", ["default", "care"])
def test_axe_finds_no_violation_in_results_grouped_by_report(browser, filter_site: str, mode: str) -> None:
    with opened_in_mode(browser, filter_site + "/search/?q=热线", mode=mode) as page:
        page.wait_for_selector(DONE)
        assert page.locator(".rectify-search__group").count() == 2
        assert violations(page) == []


def test_filters_alone_list_problems_and_come_back_from_the_url(browser, filter_site: str) -> None:
    with opened(browser, filter_site + "/search/?year=2024") as page:
        page.wait_for_selector(DONE)
        assert page.get_by_label("通报年份").input_value() == "2024"
        found = pages_of(result_links(page))
        assert {"beta-2024/1", "beta-2024/2"} <= found
        assert not any(p.startswith("alpha") for p in found)
        assert "找到" in page.inner_text(STATUS)


def test_axe_finds_no_violation_with_filters_and_results(browser, filter_site: str) -> None:
    with opened(browser, filter_site + "/search/?q=热线&status=completed&status=not_done") as page:
        page.wait_for_selector(DONE)
        assert page.get_by_role("checkbox", name="已完成").is_checked()
        assert len(result_links(page)) == 2
        assert violations(page) == []


def test_nothing_scrolls_sideways_at_320_px_with_filters(browser, filter_site: str) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(filter_site + "/search/?q=热线")
        page.wait_for_selector(DONE)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


# -- an English site ----------------------------------------------------------------------------------------

ENGLISH = {
    "mkdocs.yml": SEARCH_SITE["mkdocs.yml"].replace("language: zh", "language: en"),
    "docs/.keep": "",
    "content/city-2024/report.yml": "title: Rectification report of the city office\n"
    "issuer: City office\npublished: 2024-05-06\n",
    "content/city-2024/01.md": problem_file(
        1, "Hotline calls go unanswered", "in_progress", "Citizens say the 12345 hotline rings out at lunch."
    ),
    "content/city-2024/02.md": problem_file(
        2, "Late building permits", "completed", "Permits were issued after the legal deadline."
    ),
}


def test_an_english_site_searches_and_announces_in_english(browser, tmp_path_factory) -> None:
    project = tmp_path_factory.mktemp("english") / "project"
    write_tree(project, ENGLISH)
    with served(build_site(project, "--strict")) as url, opened(browser, url + "/search/") as page:
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.get_by_label("What are you looking for?").count() == 1
        assert pages_of(search(page, "hotline")) == {"city-2024/1"}
        assert page.inner_text(STATUS) == "1 result."
        marks = page.locator(".rectify-search__excerpt mark").all_inner_texts()
        assert [mark.lower() for mark in marks] == ["hotline", "hotline"]
        assert pages_of(search(page, "PERMITS deadline")) == {"city-2024/2"}
        assert violations(page) == []
