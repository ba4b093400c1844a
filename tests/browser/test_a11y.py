"""WCAG 2.2 AA in Chromium: axe-core on every page type in both views, and the structure of every page."""

from __future__ import annotations

import re

import pytest
from support.axe import WCAG_AA, violations
from support.builds import DEMO_ID, Build
from support.inpage import MODES, PAGES, in_care_mode, opened, run

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", PAGES)
def test_axe_finds_no_wcag_aa_violation(browser, demo_url: str, kind: str, mode: str) -> None:
    with opened(browser, demo_url + PAGES[kind], mode=mode) as page:
        assert in_care_mode(page) == (mode == "care")
        assert violations(page) == []


@pytest.mark.parametrize("kind", PAGES)
def test_care_mode_text_reaches_7_to_1(browser, demo_url: str, kind: str) -> None:
    """关怀版 passes axe's AAA contrast rule (7:1, 4.5:1 for large text)."""
    with opened(browser, demo_url + PAGES[kind], mode="care") as page:
        assert violations(page, rules=["color-contrast-enhanced"]) == []


@pytest.mark.parametrize("kind", ["problem", "about"])
def test_more_contrast_without_javascript(browser, demo_url: str, kind: str) -> None:
    """Without scripts there is no 关怀版 button, but a reader asking the system for more contrast gets it."""
    with opened(browser, demo_url + PAGES[kind], javascript=False, contrast="more") as page:
        state = run(
            page,
            """
            const p = document.querySelector('.md-content .md-typeset p');
            return {
              js: document.documentElement.classList.contains('rectify-js'),
              button: getComputedStyle(document.querySelector('.rectify-care')).display,
              ratio: rectify.contrast(rectify.parse(getComputedStyle(p).color), rectify.background(p)),
            };
            """,
        )
        assert state["js"] is False and state["button"] == "none"
        assert state["ratio"] >= 7
    with opened(browser, demo_url + PAGES[kind], contrast="more") as page:
        assert violations(page, rules=["color-contrast-enhanced"]) == []


STRUCTURE = r"""
const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter((h) => !rectify.hiddenByStyle(h)).map((h) => Number(h.tagName[1]));
const skips = [];
headings.forEach((level, i) => {
  if (i && level > headings[i - 1] + 1) skips.push([headings[i - 1], level]);
});
const landmarks = {
  banner: document.querySelectorAll('header.md-header').length,
  navigation: document.querySelectorAll('nav').length,
  main: document.querySelectorAll('main').length,
  contentinfo: document.querySelectorAll('footer').length,
};
// Runs of three or more words in Latin letters, outside code and outside lang="en".
const english = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const parent = node.parentElement;
  if (parent.closest('script, style, code, pre, kbd, samp, [lang^="en"]')) continue;
  const m = node.textContent.match(/[A-Za-z][A-Za-z'’-]*(?:[ \t]+[A-Za-z][A-Za-z'’-]*){2,}/);
  if (m) english.push(m[0]);
}
const tables = [...document.querySelectorAll('.md-content table')].map((t) => ({
  caption: Boolean(t.querySelector('caption') && t.querySelector('caption').textContent.trim()),
  scoped: [...t.querySelectorAll('th')].every((th) => th.hasAttribute('scope')),
}));
return { lang: document.documentElement.lang, h1: headings.filter((l) => l === 1).length, first: headings[0],
         skips, landmarks, english, tables, title: document.title };
"""


# Names need no language of their own (WCAG 3.1.2 exempts proper names).
PROPER_NAMES = {"Material for MkDocs"}


@pytest.mark.parametrize("kind", PAGES)
def test_page_structure(browser, demo_url: str, kind: str) -> None:
    with opened(browser, demo_url + PAGES[kind]) as page:
        s = run(page, STRUCTURE)
    assert s["lang"] == "zh-CN"
    assert s["h1"] == 1 and s["first"] == 1, s
    assert s["skips"] == [], f"heading levels skipped: {s['skips']}"
    assert all(count >= 1 for count in s["landmarks"].values()), s["landmarks"]
    assert s["landmarks"]["main"] == 1
    english = [text for text in s["english"] if text not in PROPER_NAMES]
    assert english == [], f"English passages without lang=en: {english}"


@pytest.mark.parametrize("kind", ["overview", "report", "problem", "statement"])
def test_generated_tables_have_captions_and_scoped_headers(browser, demo_url: str, kind: str) -> None:
    with opened(browser, demo_url + PAGES[kind]) as page:
        tables = run(page, STRUCTURE)["tables"]
    assert all(t["caption"] and t["scoped"] for t in tables), tables
    if kind in ("report", "problem"):
        assert tables, "the page has no table at all"


def test_page_titles_say_report_and_problem(demo_build: Build) -> None:
    title = re.compile(r"<title>(.*?)</title>", re.S)
    report = "中共海口市政务管理局党组关于巡察整改情况的通报"
    site = "海口市政务管理局巡察整改公开"

    def page_title(url: str) -> str:
        match = title.search(demo_build.html(url))
        assert match
        return match.group(1).strip()

    assert page_title(f"{DEMO_ID}/") == f"{report} - {site}"
    assert page_title(f"{DEMO_ID}/7/").startswith("问题7：") and report in page_title(f"{DEMO_ID}/7/")
    assert page_title("accessibility/") == f"无障碍声明 - {site}"
    assert page_title("404.html") == f"找不到这个页面 - {site}"


BADGES = r"""
return [...document.querySelectorAll('.rectify-badge')].map((b) => ({
  text: b.innerText.trim(),
  icons: [...b.querySelectorAll('svg')].every((svg) => svg.getAttribute('aria-hidden') === 'true'),
}));
"""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", ["overview", "report", "problem"])
def test_badges_always_show_their_text(browser, demo_url: str, kind: str, mode: str) -> None:
    with opened(browser, demo_url + PAGES[kind], mode=mode) as page:
        badges = run(page, BADGES)
        page.emulate_media(media="print")
        printed = run(page, BADGES)
    assert badges and all(b["text"] and b["icons"] for b in badges), badges
    assert [b["text"] for b in printed] == [b["text"] for b in badges]


def test_metadata_are_description_lists(demo_build: Build) -> None:
    report = demo_build.html(f"{DEMO_ID}/")
    assert re.search(
        r'<dl class="rectify-facts rectify-report__facts"[^>]*>\s*<div class="rectify-facts__row"><dt>',
        report,
    )
    statement = demo_build.html("accessibility/")
    assert re.search(
        r'<dl class="rectify-facts rectify-statement__contact"[^>]*>\s*<div class="rectify-facts__row"><dt>',
        statement,
    )


@pytest.mark.parametrize("kind", PAGES)
def test_skip_link_is_first_and_leads_to_the_content(demo_build: Build, kind: str) -> None:
    html = demo_build.html(PAGES[kind].lstrip("/") or "")
    body = html[html.index("<body") :]
    # Material's drawer and search toggles (input.md-toggle) are never displayed, nor is its own skip
    # link (a.md-skip, only on pages with a table of contents): rectify.css hides it.
    controls = re.finditer(r"<(a|button|input|select|textarea)\b[^>]*>", body)
    hidden = ('class="md-toggle"', 'class="md-skip"')
    first = next(m.group(0) for m in controls if not any(h in m.group(0) for h in hidden))
    assert 'class="rectify-skip"' in first and 'href="#rectify-content"' in first, first
    assert ">跳到正文</a>" in body
    target = body.index('id="rectify-content"')
    assert body.index('<main class="md-content"') < target < body.index("<h1")


def test_every_page_has_the_skip_links_target(demo_build: Build) -> None:
    """Every page template puts partials/rectify/skip-target.html first in its content block."""
    pages = sorted(demo_build.site.rglob("*.html"))
    assert len(pages) > 20 and any("leave" in p.parts for p in pages)
    texts = {str(p.relative_to(demo_build.site)): p.read_text("utf-8") for p in pages}
    missing = [
        name
        for name, html in texts.items()
        if 'class="rectify-skip"' in html and html.count('id="rectify-content"') != 1
    ]
    assert missing == []


def test_not_found_page_says_what_happened_in_chinese(demo_build: Build) -> None:
    html = demo_build.html("404.html")
    assert "<h1>找不到这个页面</h1>" in html
    assert "404 - Not found" not in html
    home = re.search(r'<a href="([^"]*)" title="[^"]*" class="md-header__button md-logo"', html)
    assert home and f'<a href="{home.group(1)}">返回首页，查看全部巡察整改情况通报</a>' in html
    assert re.search(r'<a href="/accessibility/">阅读无障碍声明', html)


def test_a_site_with_materials_own_search(browser, make_site) -> None:
    """A site may keep Material's search (rectify's off): its dialog is named, its s, f, / shortcuts off."""
    from support.builds import MINIMAL_CONFIG, REPORT_YML, build_site, problem_file
    from support.web import serve_dir

    config = MINIMAL_CONFIG.replace("  - rectify:\n", "  - search\n  - rectify:\n      search: false\n")
    files = {"content/t-2024/report.yml": REPORT_YML, "content/t-2024/01.md": problem_file(1, "问题一")}
    build = build_site(make_site(files, config=config), "--strict")
    assert build.returncode == 0, build.output
    assert 'class="md-search" data-md-component="search" role="dialog" aria-label="查找"' in build.html("")
    with serve_dir(build.site) as url, opened(browser, url + "/t-2024/1/") as page:
        assert page.locator(".md-search__input").count() == 1
        assert violations(page, tags=[*WCAG_AA, "best-practice"]) == []
        for key in ["s", "f", "/"]:
            page.keyboard.press(key)
            assert not page.evaluate("document.activeElement.matches('.md-search__input')"), key
