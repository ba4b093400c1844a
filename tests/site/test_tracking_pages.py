"""What a reader sees of tracking on the pages of a built site: 数据截至, the 逾期 mark, a problem's
breadcrumb and facts (a moved deadline shown as moved), its history as a timeline, the report's
chart, and the metrics table."""

from __future__ import annotations

import re

import pytest
from support.builds import Build
from support.text import html_text
from support.tracking_site import NEW, OLD, build_tracking_site


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_tracking_site(tmp_path_factory.mktemp("tracking"))


def words(html: str) -> str:
    return " ".join(html_text(html).split())


def block(html: str, pattern: str) -> str:
    found = re.search(pattern, html, re.S)
    assert found, pattern
    return found.group(0)


def overdue_marked(html: str) -> bool:
    return 'class="rectify-badge rectify-badge--overdue" data-status="overdue"' in html


@pytest.mark.parametrize(
    "url",
    ["", f"{NEW}/", f"{NEW}/2/", "browse/", "browse/status/overdue/", "browse/year/2024/", "years/2024/"],
)
def test_every_page_that_shows_statuses_says_as_of_when(build: Build, url: str) -> None:
    assert (
        '<p class="rectify-as-of">数据截至<time datetime="2025-01-01">2025年1月1日</time></p>'
        in build.html(url)
    )


def test_overdue_is_open_work_past_the_deadline_in_force(build: Build) -> None:
    # In progress, deadline moved to 2024-10-31: overdue on 2025-01-01. Ongoing past its deadline,
    # not done before its deadline and in progress without one: not overdue.
    marked = {
        n: overdue_marked(block(build.html(f"{NEW}/{n}/"), r'<p class="rectify-problem__status">.*?</p>'))
        for n in range(1, 6)
    }
    assert marked == {1: False, 2: True, 3: False, 4: False, 5: False}
    assert overdue_marked(block(build.html(f"{OLD}/2/"), r'<p class="rectify-problem__status">.*?</p>'))
    listed = re.findall(r'class="rectify-browse__title" href="([^"]+)"', build.html("browse/status/overdue/"))
    assert listed == [f"../../../{NEW}/2/", f"../../../{OLD}/2/"]
    mark = block(
        build.html(f"{NEW}/2/"), r'<span class="rectify-badge rectify-badge--overdue".*?</span>\s*</span>'
    )
    assert "逾期" in words(mark)  # in words, not colour alone


def test_a_problem_page_says_where_it_is(build: Build) -> None:
    nav = block(build.html(f"{NEW}/2/"), r'<nav class="rectify-breadcrumb" aria-label="当前位置">.*?</nav>')
    items = re.findall(
        r'<li class="rectify-breadcrumb__item"><a href="([^"]*)"( aria-current="page")?>([^<]+)</a>', nav
    )
    assert [(href, label) for href, _, label in items] == [
        ("../..", "首页"),
        ("../", "示例单位关于2024年巡察整改情况的通报"),
        ("./", "问题2"),
    ]
    assert [bool(current) for _, current, _ in items] == [False, False, True]


def test_a_problem_page_gives_its_facts_with_the_deadline_moved(build: Build) -> None:
    facts = block(build.html(f"{NEW}/2/"), r'<dl class="rectify-facts rectify-problem__facts".*?</dl>')
    rows = dict(re.findall(r"<dt[^>]*>([^<]+)</dt><dd>(.*?)</dd>", facts, re.S))
    assert list(rows) == ["所属通报", "责任单位", "整改时限", "最近更新"]
    assert '<a href="../">示例单位关于2024年巡察整改情况的通报</a>' in rows["所属通报"]
    assert re.findall(r'href="../../browse/unit/([^"]+)/"', rows["责任单位"]) == [
        "shi-li-shi-shi-zheng-ju-" + re.findall(r"shi-li-shi-shi-zheng-ju-([0-9a-f]{6})", facts)[0],
        "shi-li-shi-zheng-wu-fu-wu-zhong-xin",
    ]
    assert (
        words(rows["整改时限"]).replace(" ", "")
        == "原定2024年6月30日，延至2024年10月31日（系统改造需要招标）"
    )
    assert 'class="rectify-problem__deadline rectify-problem__deadline--moved"' in rows["整改时限"]
    assert words(rows["最近更新"]) == "2024年7月2日"
    # Without history, last updated is the report's publication date; a deadline not moved is a date.
    other = block(build.html(f"{NEW}/3/"), r'<dl class="rectify-facts rectify-problem__facts".*?</dl>')
    assert "2024年5月6日" in words(other) and "原定" not in words(other)


def test_history_is_a_dated_timeline_with_moves_and_corrections(build: Build) -> None:
    page = build.html(f"{NEW}/2/")
    timeline = block(page, r'<ol class="rectify-timeline".*?</ol>')
    entries = re.findall(r'<li class="rectify-timeline__entry[^"]*">.*?</li>', timeline, re.S)
    assert [re.search(r'<time datetime="([0-9-]+)"', e).group(1) for e in entries] == [
        "2024-05-20",
        "2024-06-25",
        "2024-07-02",
    ]
    assert "状态改为 正在整改" in words(entries[0])
    assert "rectify-timeline__entry--deadline" in entries[1]
    assert (
        words(entries[1])
        .replace(" ", "")
        .endswith("整改时限由2024年6月30日延至2024年10月31日原因：系统改造需要招标")
    )
    assert "rectify-timeline__entry--correction" in entries[2]
    assert '<strong class="rectify-timeline__mark">更正</strong> 原文“三个窗口”应为“五个窗口”' in entries[2]
    assert '<h3 class="rectify-timeline__heading" id="problem-history"' in page
    assert 'aria-labelledby="problem-history"' in timeline


def test_the_report_page_has_its_chart_and_overdue_marks_and_browsing_links(build: Build) -> None:
    page = build.html(f"{NEW}/")
    chart = block(page, r'<figure class="rectify-chart".*?</figure>')
    assert re.findall(r'data-status="([a-z_]+)" data-count="(\d+)"', chart) == [
        ("completed", "1"),
        ("ongoing", "1"),
        ("in_progress", "2"),
        ("not_done", "1"),
    ]
    assert "逾期 1 个问题" in words(chart)
    listed = block(page, r'<ol class="rectify-report__problems">.*?</ol>')
    items = re.findall(r'<li class="rectify-report__problem".*?</li>', listed, re.S)
    assert [overdue_marked(item) for item in items] == [False, True, False, False, False]
    assert 'href="../browse/status/overdue/"' in page
    units = block(
        page, r'<section class="rectify-browse__facet">\s*<h3 id="browse-units">.*?</section>'
    )
    assert len(re.findall(r'href="../browse/unit/', units)) == 3


def test_the_metrics_table_shows_the_columns_with_data_and_says_what_is_missing(build: Build) -> None:
    table = block(build.html(f"{NEW}/4/"), r'<table class="rectify-metrics__table">.*?</table>')
    assert re.findall(r'<th scope="col">([^<]+)</th>', table) == ["指标", "整改前", "现值", "目标", "进度"]
    rows = re.findall(r"<tr class=\"rectify-metrics__row[^\"]*\">.*?</tr>", table, re.S)
    assert len(rows) == 3
    first, lower, bare = (words(row) for row in rows)
    assert "全程网办率 82.29%，目标 95%" in first and "整改前： 60%" in first
    assert "数值越低越好" in lower and "平均跑动次数 0.3次，目标不高于 0.5次（已达到目标）" in lower
    assert "整改前： 未说明" in bare and "目标： 未说明" in bare and "无目标" in bare
    # Each value carries its column's name, for read-aloud and the narrow layout.
    assert all(row.count('class="rectify-metrics__label"') == 4 for row in rows)
    # The progress bar is drawn for the eye only; 63 of 100: from 60% towards 95%, at 82.29%.
    assert '<rect class="rectify-metrics__done" width="63" height="8"/>' in rows[0]
    assert '<svg class="rectify-metrics__bar" aria-hidden="true"' in rows[0]


def test_the_report_page_shows_the_declared_counts_beside_the_computed_ones(build: Build) -> None:
    table = block(build.html(f"{OLD}/"), r'<table class="rectify-summary">.*?</table>')
    assert re.findall(r'<th scope="col">([^<]+)</th>', table) == ["整改结果", "项数", "通报所述数字"]
    rows = [words(row) for row in re.findall(r"<tr>.*?</tr>", table, re.S)[1:]]
    assert rows == [
        "已完成 1 1",
        "基本完成·持续整改 0 未说明",
        "正在整改 0 未说明",
        "未完成 1 未说明",
        "合计 2 2",
    ]
    assert "通报所述数字" not in build.html(f"{NEW}/")  # no declared counts, no column
