"""Each kind of page loads the scripts of the components it uses, and only those."""

from __future__ import annotations

import re

import pytest
from support.builds import MINIMAL_CONFIG, REPORT_YML, Build, problem_file

EVERY_PAGE = ["head.js", "base.js", "care.js", "a11y.js", "header.js", "table.js", "read-aloud.js"]
SEARCH = ["search-query.js", "search-expand.js", "search-rank.js", "search.js"]
CONFIG = MINIMAL_CONFIG + "extra:\n  generator: false\n"  # no link to Material's site in every footer
SITE = {
    "content/r-2024/report.yml": REPORT_YML,
    "content/r-2024/01.md": problem_file(1, "甲", measures="['见[中国政府网](https://www.gov.cn/)。']"),
    "content/r-2024/02.md": problem_file(2, "乙"),
    "docs/guide.md": "# 指南\n\n本页没有指向其他网站的链接。\n",
}


@pytest.fixture
def build(shared_build) -> Build:
    built = shared_build({"mkdocs.yml": CONFIG, **SITE}, "--strict")
    assert built.returncode == 0, built.output
    return built


def scripts(html: str) -> list[str]:
    """The package's scripts a page loads, in order, by file name."""
    return re.findall(r'<script src="[^"]*assets/rectify/([^"/]+)"', html)


def test_each_kind_of_page_loads_only_the_scripts_it_uses(build: Build) -> None:
    notices = sorted((build.site / "leave").glob("*/index.html"))
    assert len(notices) == 1
    expected = {
        "": EVERY_PAGE,  # the overview
        "r-2024/": [*EVERY_PAGE, "leave.js"],  # problem 1, in full, links to gov.cn
        "r-2024/1/": [*EVERY_PAGE, "leave.js"],
        "r-2024/2/": EVERY_PAGE,
        "search/": [*EVERY_PAGE, *SEARCH],
        "accessibility/": EVERY_PAGE,
        "guide/": EVERY_PAGE,
        "404.html": EVERY_PAGE,
        notices[0].parent.relative_to(build.site).as_posix(): EVERY_PAGE,  # the notice page itself
    }
    assert {url: scripts(build.html(url)) for url in expected} == expected
    # leave.js comes with the dialog it works, at the end of the page.
    page = build.html("r-2024/1/")
    assert page.index('id="rectify-leave"') < page.index("leave.js") < page.rindex("</body>")


def test_every_script_a_page_names_is_published_and_the_empty_one_is_gone(build: Build) -> None:
    published = {path.name for path in (build.site / "assets" / "rectify").glob("*.js")}
    assert published == {*EVERY_PAGE, *SEARCH, "leave.js", "palette.js", "tabs.js"}
    named = {name for page in build.site.rglob("*.html") for name in scripts(page.read_text("utf-8"))}
    assert named <= published and "rectify.js" not in named
