"""The report page printed (print media in Chromium): a document, without the site around it."""

from __future__ import annotations

import pytest
from support.builds import MINIMAL_CONFIG, REPORT_YML, build_site, problem_file
from support.inpage import PAGES, opened, run
from support.web import serve_dir

pytestmark = pytest.mark.browser

CHROME = [
    ".md-header",
    ".md-footer",
    ".md-sidebar",
    ".md-top",
    ".rectify-skip",
    ".rectify-toolbar",
    ".rectify-care__button",
    ".rectify-pager",
    "nav",
    "button",
]

PRINTED = r"""
const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const chrome = arg.flatMap((selector) => [...document.querySelectorAll(selector)]
  .filter((el) => shown(el) && !el.closest('.md-content'))
  .map((el) => rectify.describe(el)));
const buttons = [...document.querySelectorAll('button, [role=button]')].filter(shown).map(rectify.describe);
const badges = [...document.querySelectorAll('.rectify-badge')].map((b) => ({
  text: b.innerText.trim(), icon: [...b.querySelectorAll('svg')].some(shown),
  colour: getComputedStyle(b).color,
}));
const style = (selector, property) => {
  const el = document.querySelector(selector);
  return el ? getComputedStyle(el)[property] : null;
};
return {
  chrome, buttons, badges,
  content: shown(document.querySelector('.md-content')),
  h3After: style('.rectify-report__full h3', 'breakAfter'),
  h2After: style('.md-content h2', 'breakAfter'),
  statusInside: style('.rectify-problem__status', 'breakInside'),
  rowInside: style('.rectify-facts__row', 'breakInside'),
};
"""


@pytest.fixture(scope="module")
def printed(browser, demo_url: str) -> dict:
    with opened(browser, demo_url + PAGES["report"], mode="default") as page:
        page.emulate_media(media="print")
        return run(page, PRINTED, CHROME)


def test_print_leaves_out_navigation_header_footer_and_buttons(printed: dict) -> None:
    assert printed["content"]
    assert printed["chrome"] == []
    assert printed["buttons"] == []


def test_print_keeps_badges_as_text(printed: dict) -> None:
    badges = printed["badges"]
    assert len(badges) >= 17 * 3
    assert all(b["text"] and not b["icon"] for b in badges), badges[:3]
    assert {b["colour"] for b in badges} == {"rgb(0, 0, 0)"}


def test_print_keeps_headings_with_what_follows(printed: dict) -> None:
    assert printed["h2After"] == "avoid" and printed["h3After"] == "avoid"
    assert printed["statusInside"] == "avoid" and printed["rowInside"] == "avoid"


def test_printed_external_links_show_where_they_go(browser, make_site) -> None:
    report = (
        REPORT_YML + "intro: 详见[某市人民政府网站](https://www.example.org/notice/2024)和[本站首页](../)。\n"
    )
    project = make_site(
        {"content/demo-2024/report.yml": report, "content/demo-2024/01.md": problem_file(1, "问题")}
    )
    (project / "mkdocs.yml").write_text(MINIMAL_CONFIG, "utf-8")
    build = build_site(project)
    assert build.returncode == 0, build.output
    with serve_dir(build.site) as url, opened(browser, url + "/demo-2024/") as page:
        screen = page.evaluate(
            "getComputedStyle(document.querySelector('.rectify-report__intro a'), '::after').content"
        )
        page.emulate_media(media="print")
        after = page.evaluate(
            """[...document.querySelectorAll('.rectify-report__intro a')].map(
                 (a) => [a.textContent.trim(), getComputedStyle(a, '::after').content])"""
        )
    assert "example.org" not in screen
    external, internal = after
    assert external[0].startswith("某市人民政府网站")
    assert "https://www.example.org/notice/2024" in external[1]
    assert internal[1] in ("none", "normal", '""')
