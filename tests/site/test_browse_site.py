"""The browsing pages of a built site: every status, overdue, each unit and each year, paged, at
stable addresses under browse/; the pages of each year's reports; the overview's totals and chart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.builds import Build
from support.htmlcheck import parse
from support.text import html_text
from support.tracking_site import NEW, OLD, build_tracking_site

from mkdocs_rectify.browse import unit_slugs


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_tracking_site(tmp_path_factory.mktemp("browse"))


def text(build: Build, url: str, css_class: str = "md-content") -> str:
    return " ".join(html_text(build.html(url)).split())


def links(html: str) -> list[str]:
    return [e.attrs.get("href", "") for e in parse(html).elements if e.tag == "a"]


def titles(build: Build, url: str) -> list[str]:
    """The problems a browsing page lists, as 问题N：title."""
    return re.findall(r'class="rectify-browse__title" href="[^"]*">([^<]+)</a>', build.html(url))


def test_one_page_per_status_and_unit_and_year_under_browse(build: Build) -> None:
    site = build.site / "browse"
    statuses = sorted(p.name for p in (site / "status").iterdir())
    assert statuses == ["completed", "in_progress", "not_done", "ongoing", "overdue"]
    assert sorted(p.name for p in (site / "year").iterdir()) == ["2023", "2024"]
    slugs = unit_slugs(["示例市政务服务中心", "示例市市政局", "示例市市正局"])
    assert slugs["示例市政务服务中心"] == "shi-li-shi-zheng-wu-fu-wu-zhong-xin"
    assert sorted(p.name for p in (site / "unit").iterdir()) == sorted(slugs.values())
    assert (site / "index.html").is_file() and (build.site / "years" / "2024" / "index.html").is_file()


def test_units_that_read_alike_get_a_hash_and_keep_it(build: Build) -> None:
    slugs = unit_slugs(["示例市市政局", "示例市市正局"])
    assert slugs["示例市市政局"] != slugs["示例市市正局"]
    assert all(re.fullmatch(r"shi-li-shi-shi-zheng-ju-[0-9a-f]{6}", s) for s in slugs.values())
    # A slug depends on the name and the names that read alike, not on the other units.
    assert unit_slugs(["示例市市政局", "示例市市正局", "另一个单位"])["示例市市政局"] == slugs["示例市市政局"]
    assert unit_slugs(["海口市", "Haikou 12345"]) == {"海口市": "hai-kou-shi", "Haikou 12345": "haikou-12345"}
    assert unit_slugs(["！！"])["！！"].startswith("unit-")


def test_a_filter_is_paged_with_an_accessible_pager(build: Build) -> None:
    unit = unit_slugs(["示例市政务服务中心"])["示例市政务服务中心"]
    first = build.html(f"browse/unit/{unit}/")
    second = build.html(f"browse/unit/{unit}/2/")
    assert not (build.site / f"browse/unit/{unit}/3").exists()
    # Four problems, two a page: overdue first, then open, then completed; newest report first.
    assert titles(build, f"browse/unit/{unit}/") == ["问题2：逾期的问题", "问题2：去年逾期未完成的问题"]
    assert titles(build, f"browse/unit/{unit}/2/") == ["问题1：已完成的问题", "问题1：去年的已完成问题"]
    pager = re.search(r'<nav class="rectify-paging" aria-label="分页">.*?</nav>', second, re.S)
    assert pager and "第 2 页，共 2 页" in html_text(pager.group(0))
    assert re.search(r'<a href="\./" aria-current="page">第 2 页</a>', pager.group(0))
    assert '<a href="../" rel="prev">上一页</a>' in pager.group(0)
    assert '<a href="2/" rel="next">下一页</a>' in first and "第 1 页，共 2 页" in html_text(first)
    assert "<title>责任单位：示例市政务服务中心（第 2 页，共 2 页）" in second


def test_each_problem_listed_with_its_report_status_and_link(build: Build) -> None:
    page = build.html("browse/status/in_progress/")
    items = re.findall(r'<li class="rectify-browse__problem">.*?</li>', page, re.S)
    assert len(items) == 2
    assert f'href="../../../{NEW}/2/"' in items[0] and f'href="../../../{NEW}/"' in items[0]
    assert 'data-status="in_progress"' in items[
        0
    ] and "所属通报：示例单位关于2024年巡察整改情况的通报" in html_text(items[0]).replace(" ", "")
    assert "第 1–2 个，共 3 个问题" not in html_text(page)
    empty = build.html("browse/status/ongoing/")
    assert "问题3：持续整改的问题" in empty


def test_year_pages_list_that_years_reports(build: Build) -> None:
    page = build.html("years/2023/")
    listed = re.findall(r'class="rectify-report-list__title"><a href="([^"]+)"', page)
    assert listed == [f"../../{OLD}/"]
    assert "共 2 个问题，已完成 1 个，完成率 50%" in html_text(page)
    assert 'href="../../browse/year/2023/"' in page
    assert titles(build, "browse/year/2023/") == ["问题2：去年逾期未完成的问题", "问题1：去年的已完成问题"]


def test_the_overview_stays_bounded_and_links_every_year(build: Build) -> None:
    page = build.html("")
    listed = re.findall(r'class="rectify-report-list__title"><a href="([^"]+)"', page)
    assert listed == [f"{NEW}/"]  # latest_reports: 1
    assert "另有 1 份较早的通报" in html_text(page)
    assert 'href="years/2024/"' in page and 'href="years/2023/"' in page
    assert 'href="browse/"' in page
    assert "共 7 个问题，已完成 2 个，完成率 28.6%" in html_text(page)


def test_the_chart_draws_each_status_with_its_count_in_words(build: Build) -> None:
    page = build.html("")
    chart = re.search(r'<figure class="rectify-chart".*?</figure>', page, re.S)
    assert chart
    parts = re.findall(r'data-status="([a-z_]+)" data-count="(\d+)"', chart.group(0))
    assert parts == [("completed", "2"), ("ongoing", "1"), ("in_progress", "2"), ("not_done", "2")]
    widths = [
        int(w) for w in re.findall(r'class="rectify-chart__fill" x="\d+" y="0" width="(\d+)"', chart.group(0))
    ]
    assert sum(widths) == 1000
    assert '<svg class="rectify-chart__bar" aria-hidden="true"' in chart.group(0)
    words = " ".join(html_text(chart.group(0)).split())
    assert "已完成 2 个（28.6%）" in words and "未完成 2 个（28.6%）" in words
    assert "<caption>全站各状态问题数</caption>" in page


def test_every_page_of_the_site_has_a_reserved_top_level_path(build: Build) -> None:
    from mkdocs_rectify.pages import RESERVED_IDS

    top = {p.name.split(".")[0] for p in Path(build.site).iterdir()}
    assert top - RESERVED_IDS == {NEW, OLD, "index"}
