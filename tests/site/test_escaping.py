"""Text from the content is escaped wherever a page prints it: the package's templates are autoescaped,
and titles reach Material's templates (which print them as HTML) already escaped."""

from __future__ import annotations

from support.builds import MINIMAL_CONFIG, REPORT_YML, build_site, problem_file
from support.htmlcheck import dangers, parse

BREAKOUT = "x</title><img src=x onerror=alert(1)>标题"
"""A title that ends <title> and adds an element if printed unescaped."""
FEATURES = "  features: [navigation.tabs, navigation.footer, navigation.indexes]\n"
IN_PAGES = frozenset({"iframe", "object", "embed", "base", "math"})


def test_titles_are_text_in_title_nav_tabs_header_and_footer(make_site) -> None:
    files = {
        "content/r-2024/report.yml": REPORT_YML.replace("测试单位关于巡察整改情况的通报", f'"{BREAKOUT}"'),
        "content/r-2024/01.md": problem_file(1, f'"{BREAKOUT}"'),
        "content/r-2024/02.md": problem_file(2, "乙"),
        "docs/guide.md": "# 指南\n",
    }
    config = MINIMAL_CONFIG.replace("  font: false\n", "  font: false\n" + FEATURES)
    build = build_site(make_site(files, config=config), "--strict")
    assert build.returncode == 0, build.output
    for url, title in (
        ("r-2024/", f"{BREAKOUT} - 测试站点"),
        ("r-2024/1/", f"问题1：{BREAKOUT} - {BREAKOUT} - 测试站点"),
        ("", "巡察整改情况通报 - 测试站点"),
        ("guide/", "指南 - 测试站点"),
        ("404.html", "找不到这个页面 - 测试站点"),
    ):
        html = build.html(url)
        assert dangers(html, running=IN_PAGES) == [], url
        assert parse(html).title.strip() == title, url
    text = parse(build.html("")).text
    assert text.count(BREAKOUT) >= 3  # tabs, navigation, the list of reports
    assert BREAKOUT in parse(build.html("guide/")).text  # the footer's link to the previous page


def test_the_package_templates_escape_what_an_override_forgets_to(make_site) -> None:
    # A site's own partial that prints a title without `| e` still prints it as text: the
    # package's templates (and overrides of them) are autoescaped; the content's HTML is Markup.
    override = (
        '{%- for entry in view.reports %}<p class="forgotten">{{ entry.report.meta.title }}</p>{%- endfor %}'
    )
    files = {
        "content/r-2024/report.yml": REPORT_YML.replace("测试单位关于", "<img src=x onerror=alert(1)>关于"),
        "content/r-2024/01.md": problem_file(1, "甲", body="<b>粗体</b>"),
        "overrides/partials/rectify/overview.html": override,
    }
    config = MINIMAL_CONFIG.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    build = build_site(make_site(files, config=config), "--strict")
    assert build.returncode == 0, build.output
    assert '<p class="forgotten">&lt;img src=x onerror=alert(1)&gt;关于巡察整改情况的通报</p>' in build.html(
        ""
    )
    assert "<p><b>粗体</b></p>" in build.html("r-2024/1/")
