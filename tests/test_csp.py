"""The site under a strict Content-Security-Policy: no inline script runs unless its hash is allowed.

``mkdocs-rectify csp SITE_DIR`` prints the policy for a built site; the build logs it too. In
Chromium, every kind of page is served with that exact header and used (a search with a filter, the
leave dialog, 关怀版): no violation is reported and no error reaches the console.
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import (
    DEMO_ID,
    MINIMAL_CONFIG,
    REPORT_YML,
    Build,
    problem_file,
    run_mkdocs,
    serve_dir,
    write_tree,
)
from test_search_browser import SITE as FILTER_SITE

from mkdocs_rectify.csp import PageFindings, page_findings, script_hash

HEADER = "Content-Security-Policy"
DIRECTIVES = [
    "default-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
]


def csp(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_rectify", "csp", str(site), *args], capture_output=True, text=True
    )


def policy_of(site: Path) -> str:
    result = csp(site)
    assert result.returncode == 0, result.stderr
    name, _, value = result.stdout.strip().partition(": ")
    assert name == HEADER
    return value


class _Scripts(HTMLParser):
    """The text of every script element without src that a browser would run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.inline: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        runs = (values.get("type") or "").strip().lower() in ("", "module", "text/javascript")
        if tag == "script" and "src" not in values and runs:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.inline.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    parser = _Scripts()
    parser.feed(html)
    return parser.inline


def test_no_page_of_the_demo_runs_an_inline_script(demo_build: Build) -> None:
    pages = sorted(demo_build.site.rglob("*.html"))
    assert len(pages) > 20
    inline = {
        page.relative_to(demo_build.site).as_posix(): inline_scripts(page.read_text("utf-8"))
        for page in pages
    }
    assert {page: scripts for page, scripts in inline.items() if scripts} == {}


def test_the_policy_of_the_demo_allows_its_own_files_and_webassembly_only(demo_build: Build) -> None:
    policy = policy_of(demo_build.site)
    assert (
        policy.split("; ")
        == [
            DIRECTIVES[0],
            "script-src 'self' 'wasm-unsafe-eval'",  # Pagefind's WebAssembly
            *DIRECTIVES[1:],
        ]
    )
    assert f"{HEADER}: {policy}" in demo_build.output  # logged at the end of the build
    nginx = csp(demo_build.site, "--nginx")
    assert nginx.returncode == 0
    assert nginx.stdout.strip() == f'add_header {HEADER} "{policy}" always;'


def test_a_site_without_search_needs_no_webassembly(make_site) -> None:
    config = MINIMAL_CONFIG.replace("  - rectify:\n", "  - rectify:\n      search: false\n")
    files = {"content/r-2024/report.yml": REPORT_YML, "content/r-2024/01.md": problem_file(1, "甲")}
    build = run_mkdocs(make_site(files, config=config), "--strict")
    assert build.returncode == 0, build.output
    assert policy_of(build.site).split("; ")[1] == "script-src 'self'"


def test_csp_explains_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    missing = csp(tmp_path / "nowhere")
    assert missing.returncode == 2
    assert "nowhere: no such folder" in missing.stderr and "Traceback" not in missing.stderr
    empty = csp(tmp_path)
    assert empty.returncode == 2
    assert "no HTML page" in empty.stderr and "Traceback" not in empty.stderr


def test_inline_scripts_and_styles_are_found_however_they_are_written() -> None:
    html = (
        '<html><head><SCRIPT TYPE="module">import "./a.js"</SCRIPT>'
        '<script type="application/ld+json">{"@type": "Thing"}</script>'
        '<script type="application/json">{"a": 1}</script><script src="x.js"></script>'
        "<script>\r\nrun()\r\n</script></head>"
        '<body><svg><style>path{fill:red}</style></svg><DIV ONCLICK="go()" Style="x"></DIV>'
        '<a href=" JavaScript:void(0)">a</a><p data-x-onclick="1">data-x-onclick=1 in text</p></body></html>'
    )
    found = page_findings(html)
    assert found.scripts == ['import "./a.js"', "\r\nrun()\r\n"]
    assert found.styles == ["path{fill:red}"]
    assert found.unhashable == [
        "<div onclick=…> (an event handler attribute)",
        "<div style=…> (a style attribute)",
        '<a href="javascript:…"> (a javascript: URL)',
    ]
    # The browser hashes the text with its line breaks read as \n.
    assert script_hash("\r\nrun()\r\n") == script_hash("\nrun()\n")


def test_a_page_with_only_files_and_data_blocks_needs_nothing_more() -> None:
    html = (
        '<script src="a.js"></script><script id="__config" type="application/json">{"style=": 1}</script>'
        '<link rel="stylesheet" href="s.css"><p data-md-component="content">list-style=none on=off</p>'
    )
    assert page_findings(html) == PageFindings()


ADVICE = "take it out of the page or its template"


def test_what_no_hash_can_allow_is_named_with_its_page(make_site) -> None:
    page = (
        "# 指南\n\n"
        '<p style="color: red">红字</p>\n\n'
        '<p><a href="javascript:alert(1)">链接</a> <button onclick="go()">按钮</button></p>\n'
    )
    files = {
        "content/r-2024/report.yml": REPORT_YML,
        "content/r-2024/01.md": problem_file(1, "甲"),
        "docs/guide.md": page,
    }
    build = run_mkdocs(make_site(files), "--strict")  # reported, but not a reason to stop a build
    assert build.returncode == 0, build.output
    assert "guide/index.html: <p style=…> (a style attribute): not allowed" in build.output
    result = csp(build.site)
    assert result.returncode == 0 and result.stdout.startswith(HEADER)
    assert result.stderr.splitlines() == [
        f"warning: guide/index.html: {what}: not allowed by this policy; {ADVICE}"
        for what in (
            "<p style=…> (a style attribute)",
            '<a href="javascript:…"> (a javascript: URL)',
            "<button onclick=…> (an event handler attribute)",
        )
    ]


# -- a site with inline scripts of its own: their hashes are in the policy ------------------------------

CUSTOM_MAIN = """\
{% extends "base.html" %}
{% block extrahead %}
<script>document.documentElement.setAttribute("data-custom", "{{ page.url | length }}")</script>
<script type="application/json" id="site-data">{"a": 1}</script>
{% endblock %}
"""


@pytest.fixture(scope="module")
def custom_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("custom") / "project"
    config = MINIMAL_CONFIG.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    files = {
        "mkdocs.yml": config,
        "overrides/main.html": CUSTOM_MAIN,
        "docs/guide.md": "# 指南\n\n正文。\n",
        "content/r-2024/report.yml": REPORT_YML,
        "content/r-2024/01.md": problem_file(1, "甲"),
    }
    write_tree(project, files)
    build = run_mkdocs(project, "--strict")
    assert build.returncode == 0, build.output
    return build


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def test_the_hash_of_every_inline_script_of_a_site_is_in_its_policy(custom_site: Build) -> None:
    scripts = {
        script for page in custom_site.site.rglob("*.html") for script in inline_scripts(page.read_text())
    }
    # The script differs with the length of the page's URL: one hash for each variant.
    assert len(scripts) >= 3
    script_src = policy_of(custom_site.site).split("; ")[1].split()
    assert script_src[:3] == ["script-src", "'self'", "'wasm-unsafe-eval'"]
    assert script_src[3:] == sorted(sha256(script) for script in scripts)
    assert not any("application/json" in s or '"a": 1' in s for s in scripts)


# -- in Chromium, under the policy -----------------------------------------------------------------------

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${where}`);
});
"""


class Watched:
    """A page in a fresh browser context, with its CSP violations and console errors collected."""

    def __init__(self, browser, base: str, init_script: str = "") -> None:
        self.context = browser.new_context(locale="zh-CN")
        self.context.add_init_script(WATCH + init_script)
        self.page = self.context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.page.on(
            "console", lambda m: m.type == "error" and self.errors.append(f"{self.page.url}: {m.text}")
        )
        self.page.on("pageerror", lambda e: self.errors.append(f"{self.page.url}: {e}"))
        self.violations: list[str] = []

    def goto(self, path: str) -> None:
        self.collect()
        response = self.page.goto(self.base + path, wait_until="load")
        assert response is not None and HEADER.lower() in response.headers
        self.page.wait_for_load_state("networkidle")

    def collect(self) -> None:
        if self.page.url.startswith("http"):
            found = self.page.evaluate("window.__violations || []")
            self.violations += [f"{self.page.url}: {v}" for v in found]
            self.page.evaluate("window.__violations = []")

    def close(self) -> None:
        self.collect()
        self.context.close()


@pytest.fixture(scope="module")
def strict_demo(demo_build: Build) -> Iterator[str]:
    headers = {HEADER: policy_of(demo_build.site), "X-Content-Type-Options": "nosniff"}
    with serve_dir(demo_build.site, headers=headers) as url:
        yield url


@pytest.fixture
def watched(browser, strict_demo: str) -> Iterator[Watched]:
    watched = Watched(browser, strict_demo)
    yield watched
    watched.close()
    assert watched.violations == []
    assert watched.errors == []


@pytest.mark.browser
def test_every_page_type_works_under_the_policy(watched: Watched, demo_build: Build) -> None:
    page = watched.page
    notice = next((demo_build.site / "leave").iterdir()).name
    for path in ("/", f"/{DEMO_ID}/", f"/{DEMO_ID}/1/", "/accessibility/", "/404.html", "/about/"):
        watched.goto(path)
        # Material's bundle and the helpers it needs ran, and so did 关怀版's head script.
        assert page.evaluate(
            "typeof __md_get === 'function' && !document.documentElement.classList.contains('no-js')"
        )
        assert page.evaluate("document.documentElement.classList.contains('rectify-js')")
    watched.goto(f"/leave/{notice}/")
    assert (
        page.locator(".rectify-leave--page [data-rectify-leave-continue]")
        .get_attribute("href")
        .startswith("http")
    )


def search(page, query: str) -> int:
    page.wait_for_selector("[data-rectify-search-form]:not([hidden])")
    page.fill("#rectify-search-q", query)
    page.press("#rectify-search-q", "Enter")
    page.wait_for_selector("[data-rectify-search-output][aria-busy=false]")
    return page.locator(".rectify-search__result-link").count()


@pytest.mark.browser
def test_search_with_results_works_under_the_policy(watched: Watched) -> None:
    watched.goto("/search/")
    assert search(watched.page, "电子保函") > 0


@pytest.mark.browser
def test_search_with_filters_works_under_the_policy(browser, tmp_path: Path) -> None:
    # The demo has one status, one report, one year and no unit: no filter to tick.
    project = tmp_path / "project"
    write_tree(project, FILTER_SITE)
    build = run_mkdocs(project, "--strict")
    assert build.returncode == 0, build.output
    with serve_dir(build.site, headers={HEADER: policy_of(build.site)}) as url:
        watched = Watched(browser, url)
        page = watched.page
        watched.goto("/search/?q=热线")
        page.wait_for_selector("[data-rectify-search-output][aria-busy=false]")
        page.get_by_role("checkbox", name="已完成").check()
        page.wait_for_selector("[data-rectify-search-output][aria-busy=false]")
        page.get_by_label("责任单位").select_option("市民热线中心")
        page.wait_for_selector("[data-rectify-search-output][aria-busy=false]")
        assert page.locator(".rectify-search__result-link").count() == 1
        assert "status=completed" in page.url
        watched.close()
    assert watched.violations == [] and watched.errors == []


@pytest.mark.browser
def test_the_leave_dialog_and_care_mode_work_under_the_policy(watched: Watched) -> None:
    page = watched.page
    watched.goto("/about/")
    page.click('a[data-rectify-leave="https://www.mkdocs.org/"]')
    assert page.evaluate("document.getElementById('rectify-leave').open")
    page.keyboard.press("Escape")
    watched.goto(f"/{DEMO_ID}/1/")
    page.locator("[data-rectify-care-toggle]").click()
    assert page.evaluate("document.documentElement.hasAttribute('data-rectify-care')")
    watched.goto(f"/{DEMO_ID}/")  # applied before the first paint on the next page, by the head script
    assert page.evaluate("document.documentElement.hasAttribute('data-rectify-care')")


@pytest.mark.browser
def test_a_sites_own_inline_scripts_run_under_its_policy(browser, custom_site: Build) -> None:
    with serve_dir(custom_site.site, headers={HEADER: policy_of(custom_site.site)}) as url:
        watched = Watched(browser, url)
        for path in ("/", "/r-2024/", "/r-2024/1/", "/guide/"):
            watched.goto(path)
            assert watched.page.evaluate("document.documentElement.getAttribute('data-custom')")
        watched.close()
    assert watched.violations == [] and watched.errors == []


@pytest.mark.browser
def test_an_inline_script_without_its_hash_is_blocked_and_seen(browser, custom_site: Build) -> None:
    # The watch itself can fail: under the policy without the custom script's hashes, it reports them.
    policy = re.sub(r" 'sha256-[^']+'", "", policy_of(custom_site.site))
    with serve_dir(custom_site.site, headers={HEADER: policy}) as url:
        watched = Watched(browser, url)
        watched.goto("/r-2024/1/")
        assert watched.page.evaluate("document.documentElement.getAttribute('data-custom')") is None
        watched.close()
    assert watched.violations and all("script-src" in v for v in watched.violations)


# -- Material's palette toggle and linked content tabs, whose inline scripts became files ------------------

THEMED_CONFIG = (
    MINIMAL_CONFIG.replace(
        "  font: false\n",
        """\
  font: false
  features: [content.tabs.link]
  palette:
    - scheme: default
      toggle: {icon: material/brightness-7, name: 深色模式}
    - scheme: slate
      toggle: {icon: material/brightness-4, name: 浅色模式}
""",
    )
    + "  - pymdownx.superfences\n  - pymdownx.tabbed:\n      alternate_style: true\n"
)
# The scheme <body> has when the page's container is parsed: before Material's bundle runs.
SCHEME_AT_CONTAINER = """
window.__schemeAtContainer = null;
new MutationObserver((records, observer) => {
  if (document.querySelector('[data-md-component=container]')) {
    window.__schemeAtContainer = document.body.getAttribute('data-md-color-scheme');
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""
TABS = '=== "甲"\n\n    甲的内容\n\n=== "乙"\n\n    乙的内容\n'


@pytest.fixture(scope="module")
def themed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Watched]]:
    project = tmp_path_factory.mktemp("themed") / "project"
    files = {
        "mkdocs.yml": THEMED_CONFIG,
        "docs/one.md": "# 一\n\n" + TABS,
        "docs/two.md": "# 二\n\n" + TABS,
        "content/r-2024/report.yml": REPORT_YML,
        "content/r-2024/01.md": problem_file(1, "甲"),
    }
    write_tree(project, files)
    build = run_mkdocs(project, "--strict")
    assert build.returncode == 0, build.output
    policy = policy_of(build.site)
    assert "sha256-" not in policy
    with serve_dir(build.site, headers={HEADER: policy}) as url:
        yield url, build


def test_the_chosen_palette_is_applied_on_the_next_page_under_the_policy(browser, themed_site) -> None:
    url, _ = themed_site
    watched = Watched(browser, url, SCHEME_AT_CONTAINER)
    page = watched.page
    watched.goto("/one/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    page.locator("label[for='__palette_1']").click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    watched.goto("/two/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.evaluate("window.__schemeAtContainer") == "slate"  # before the first paint
    watched.close()
    assert watched.violations == [] and watched.errors == []


def test_content_tabs_follow_the_address_and_the_last_choice_under_the_policy(browser, themed_site) -> None:
    url, _ = themed_site
    watched = Watched(browser, url)
    page = watched.page
    checked = "Array.from(document.querySelectorAll('.tabbed-set input')).map(i => i.checked)"
    watched.goto("/one/")
    assert page.evaluate(checked) == [True, False]
    watched.goto("/two/#__tabbed_1_2")  # the address names the second tab
    assert page.evaluate(checked) == [False, True]
    page.locator(".tabbed-labels label", has_text="甲").click()
    page.locator(".tabbed-labels label", has_text="乙").click()  # remembered (content.tabs.link)
    watched.goto("/one/")
    assert page.evaluate(checked) == [False, True]
    watched.close()
    assert watched.violations == [] and watched.errors == []
