"""Old addresses keep working: a renamed report, a renumbered problem and a withdrawn problem or
report each leave a page that says where the content went, or that it was withdrawn, when and why."""

from __future__ import annotations

import pytest
from support.builds import MINIMAL_CONFIG, REPORT_YML, Build, build_site, problem_file
from support.tracking import text_of


def notice(build: Build, url: str) -> str:
    """The notice of the page at ``url``, a page kept out of search engines' indexes that does not
    jump elsewhere by itself (the reader follows the link when ready)."""
    html = build.html(url)
    assert '<meta name="robots" content="noindex">' in html
    assert 'http-equiv="refresh"' not in html
    start = html.index('<div class="rectify-gone')
    return html[start : html.index("</article>", start)]


NOTICES = {
    "sjj-2024/7/": (  # a renumbered problem's old address
        "页面地址已变更 本问题已移至新的地址： "
        "问题6：培训计划尚未落实 - 示例：中共示例市示例局党组关于巡察整改进展情况的通报 "
        "请更新您的书签或链接。"
    ),
    "sjj-2024/8/": (  # a withdrawn problem
        "问题8已撤回 问题 问题8：政务服务事项清单未及时更新 "
        "所属通报 示例：中共示例市示例局党组关于巡察整改进展情况的通报 "
        "撤回日期 2024年5月20日 撤回原因 与问题1重复，予以撤回。 返回通报全文"
    ),
    "sjj-2022/": (  # a withdrawn report
        "本通报已撤回 所属通报 示例：中共示例市示例局党组关于巡察整改情况的通报（误发稿） "
        "撤回日期 2022年5月12日 撤回原因 误发未定稿，已撤回。 返回首页"
    ),
}
"""What the notice at each of these addresses says, as read."""


@pytest.mark.parametrize("url", NOTICES)
def test_the_notice_says_where_the_content_went_or_when_and_why(tracking_example: Build, url: str) -> None:
    assert text_of(notice(tracking_example, url)) == NOTICES[url]


def test_a_renumbered_problems_old_address_leads_to_its_page(tracking_example: Build) -> None:
    assert '<a href="../6/">' in notice(tracking_example, "sjj-2024/7/")


def test_a_renamed_reports_old_addresses_lead_to_its_pages(tracking_example: Build) -> None:
    title = "示例：中共示例市示例局党组关于巡察整改进展情况的通报"
    assert f'<a href="../sjj-2024/">{title}</a>' in notice(tracking_example, "sljj-2024/")
    assert '<a href="../../sjj-2024/1/">问题1：' in notice(tracking_example, "sljj-2024/1/")
    old_id_and_number = notice(tracking_example, "sljj-2024/7/")
    assert '<a href="../../sjj-2024/6/">问题6：' in old_id_and_number
    withdrawn_since = notice(tracking_example, "sljj-2024/8/")
    assert '<a href="../../sjj-2024/8/">' in withdrawn_since and "（此后已撤回）" in withdrawn_since


def test_a_withdrawn_problem_says_when_and_why_and_is_shown_nowhere_else(tracking_example: Build) -> None:
    part = notice(tracking_example, "sjj-2024/8/")
    assert '<time datetime="2024-05-20">' in part and '<a href="../">返回通报全文</a>' in part
    assert "政务服务事项清单未及时更新" not in tracking_example.html("sjj-2024/")
    hanzi = (tracking_example.site / "search" / "hanzi.json").read_text("utf-8")
    assert "政务服务事项清单未及时更新" not in hanzi
    # Indexed: the two reports and their 8 published problems; no moved or withdrawn page.
    assert "已生成搜索索引，共 10 个页面" in tracking_example.output


def test_a_withdrawn_report_says_so_at_every_address_it_had(tracking_example: Build) -> None:
    assert "返回首页" in notice(tracking_example, "sjj-2022/")
    assert "问题1已撤回" in notice(tracking_example, "sjj-2022/1/")
    assert "（整篇通报已撤回）" in notice(tracking_example, "sjj-2022/1/")
    assert "误发稿" not in tracking_example.html("")  # not on the overview


def test_moved_and_withdrawn_pages_stay_out_of_the_sitemap_and_the_nav(tracking_example: Build) -> None:
    sitemap = (tracking_example.site / "sitemap.xml").read_text("utf-8")
    assert "https://rectify.example.org/sjj-2024/1/" in sitemap
    for url in ("sljj-2024/", "sjj-2024/7/", "sjj-2024/8/", "sjj-2022/"):
        assert f"https://rectify.example.org/{url}<" not in sitemap
    home = tracking_example.html("")
    assert 'href="sljj-2024/"' not in home and 'href="sjj-2022/"' not in home


def test_an_old_address_cannot_be_a_docs_page(make_site) -> None:
    files = {
        "content/r-2024/report.yml": REPORT_YML + "former_ids: [guide-old]\n",
        "content/r-2024/01.md": problem_file(1, "甲"),
        "docs/guide-old/index.md": "# 指南\n",
    }
    build = build_site(make_site(files, config=MINIMAL_CONFIG))
    assert build.returncode == 1
    assert "docs/guide-old/index.md 已存在，但插件要在这里生成页面" in build.output


def test_history_entries_that_move_the_deadline_or_correct_the_text_are_shown(
    tracking_example: Build,
) -> None:
    # The history is the problem page's timeline: each move from what to what, and why.
    text = text_of(tracking_example.html("sjj-2024/3/")).replace(" ", "")
    assert "整改时限由2024年6月30日延至2024年9月30日原因：改造资金需列入年度预算。" in text
    assert "整改时限由2024年9月30日延至2025年3月31日原因：系统改造需与省级平台同步上线。" in text
    assert "更正原文“2023年底前完成”应为“2024年底前完成”。" in text
