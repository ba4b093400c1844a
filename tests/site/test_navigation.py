"""The navigation Material prints on every page does not grow with the site: the overview lists every
report, the other pages the report they belong to and the pages that are not reports."""

from __future__ import annotations

import re

import pytest
from support.builds import MINIMAL_CONFIG, Build, build_site, problem_file

TITLES = {
    "alpha-2024": "甲单位巡察整改通报",
    "beta-2024": "乙单位巡察整改通报",
    "gamma-2024": "丙单位巡察整改通报",
}


def report_yml(title: str) -> str:
    return f"title: {title}\nissuer: 测试单位党组\npublished: 2024-05-06\n"


def primary_nav(page: str) -> str:
    nav = page[page.index('<nav class="md-nav md-nav--primary"') :]
    return nav[: nav.index("</nav>\n", nav.index('<ul class="md-nav__list"'))]


def listed(page: str) -> set[str]:
    """The report titles the page's primary navigation lists."""
    nav = primary_nav(page)
    return {report for report, title in TITLES.items() if title in nav}


@pytest.fixture
def site(make_site) -> Build:
    files = {"docs/guide.md": "# 使用说明\n\n正文。\n"}
    for report, title in TITLES.items():
        files[f"content/{report}/report.yml"] = report_yml(title)
        files[f"content/{report}/01.md"] = problem_file(1, "问题标题")
    build = build_site(make_site(files, config=MINIMAL_CONFIG), "--strict")
    assert build.returncode == 0, build.output
    return build


def test_the_overview_lists_every_report(site: Build) -> None:
    assert listed(site.html("")) == set(TITLES)


def test_a_report_and_its_problems_list_their_own_report_only(site: Build) -> None:
    for report in TITLES:
        assert listed(site.html(f"{report}/")) == {report}
        assert listed(site.html(f"{report}/1/")) == {report}


def test_pages_of_no_report_list_none(site: Build) -> None:
    for page in (site.html("guide/"), site.html("accessibility/"), site.html("404.html")):
        assert listed(page) == set()
        assert re.search(r'<a href="[./]*"[^>]*class="md-nav__link', primary_nav(page))  # the overview


def test_every_report_is_listed_without_an_overview(make_site) -> None:
    files = {}
    for report, title in TITLES.items():
        files[f"content/{report}/report.yml"] = report_yml(title)
        files[f"content/{report}/01.md"] = problem_file(1, "问题标题")
    config = MINIMAL_CONFIG.replace("  - rectify:\n", "  - rectify:\n      overview: false\n")
    build = build_site(make_site(files, config=config), "--strict")
    assert build.returncode == 0, build.output
    assert listed(build.html("alpha-2024/1/")) == set(TITLES)  # nowhere else to find them
