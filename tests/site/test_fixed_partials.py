"""The header tools and the 无障碍工具条 are rendered once per build for all the pages they are the same
on: every page still gets what it would get rendered on its own (its relative links), and a site's
override of them."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from support.builds import MINIMAL_CONFIG, REPORT_YML, build_site, problem_file

STATEMENT = "https://site.example/accessibility/"
LINK = re.compile(r'<a class="rectify-a11y__button rectify-a11y__link" href="([^"]*)">')

FILES = {
    "content/r-2024/report.yml": REPORT_YML,
    "content/r-2024/01.md": problem_file(1, "甲"),
    "content/r-2024/02.md": problem_file(2, "乙", status="ongoing"),
    "docs/accessibility/more.md": "# 更多\n",
    "docs/guide/deep/page.md": "# 深处\n",
}


def pages(site: Path) -> list[str]:
    """The URL path of every page of the site (``accessibility/`` for ``accessibility/index.html``)."""
    return sorted(
        path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("index.html")
        if "<html" in path.read_text("utf-8")
    )


def test_the_statement_link_of_the_toolbar_leads_to_the_statement_from_every_page(make_site) -> None:
    build = build_site(make_site(FILES), "--strict")
    assert build.returncode == 0, build.output
    urls = pages(build.site)
    # Pages at one depth whose links differ: the statement's own (accessibility/) and a report's.
    assert {"accessibility/", "r-2024/", "accessibility/more/", "r-2024/1/", "guide/deep/page/"} <= set(urls)
    hrefs = {}
    for url in urls:
        links = LINK.findall(build.html(url))
        assert len(links) == 1, url
        hrefs[url] = links[0]
        assert urljoin(f"https://site.example/{url}", links[0]) == STATEMENT, (url, links[0])
    assert hrefs["accessibility/"] != hrefs["r-2024/"]
    assert hrefs["accessibility/more/"] != hrefs["r-2024/1/"]


def test_a_sites_override_of_the_toolbar_is_on_every_page(make_site) -> None:
    override = '<section id="rectify-a11y" class="mine">{{ rectify.t("a11y_toolbar.title") }}</section>\n'
    files = {
        **FILES,
        "overrides/partials/rectify/a11y.html": override,
        "overrides/partials/rectify/speech-tools.html": "<p>never included by the override</p>",
        "overrides/partials/rectify/care.html": '<div class="my-care">{{ rectify.care_shortcut }}</div>',
    }
    config = MINIMAL_CONFIG.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    build = build_site(make_site(files, config=config), "--strict")
    assert build.returncode == 0, build.output
    for url in pages(build.site):
        html = build.html(url)
        assert html.count('<section id="rectify-a11y" class="mine">无障碍工具条</section>') == 1, url
        assert html.count('<div class="my-care">Alt+Shift+C</div>') == 1, url
        assert "rectify-speech" not in html and "never included" not in html, url


def test_an_override_that_reads_the_page_is_rendered_on_every_page(make_site) -> None:
    """A badge that shows its problem's title reads more than its parameters: it is not kept."""
    override = '<span class="my-badge">{{ status.value }} {{ problem.title if problem is defined }}</span>'
    files = {**FILES, "overrides/partials/rectify/badge.html": override}
    config = MINIMAL_CONFIG.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    build = build_site(make_site(files, config=config), "--strict")
    assert build.returncode == 0, build.output
    assert '<span class="my-badge">completed 甲</span>' in build.html("r-2024/1/")
    assert '<span class="my-badge">ongoing 乙</span>' in build.html("r-2024/2/")
    report = build.html("r-2024/")
    assert '<span class="my-badge">completed 甲</span>' in report
    assert '<span class="my-badge">ongoing 乙</span>' in report

