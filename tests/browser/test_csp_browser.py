"""Every kind of page served under the site's own Content-Security-Policy in Chromium and used (a
search with a filter, the leave dialog, 关怀版, Material's palette toggle and content tabs): no
violation is reported and no error reaches the console."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from support.builds import DEMO_ID, MINIMAL_CONFIG, REPORT_YML, Build, build_site, problem_file, write_tree
from support.policy import CUSTOM_FILES, HEADER, policy_of
from support.sites import SEARCH_SITE
from support.web import serve_dir

pytestmark = pytest.mark.browser


@pytest.fixture
def custom_site(shared_build) -> Build:
    build = shared_build(CUSTOM_FILES, "--strict")
    assert build.returncode == 0, build.output
    return build


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
def test_search_with_filters_works_under_the_policy(browser, shared_build) -> None:
    # The demo has one status, one report, one year and no unit: no filter to tick.
    build = shared_build(SEARCH_SITE, "--strict")
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
def test_the_accessibility_toolbar_works_under_the_policy(watched: Watched) -> None:
    """Its tools set no style attribute in markup: the guide moves through CSSOM, the large pointer
    is an image of the site."""
    page = watched.page
    watched.goto(f"/{DEMO_ID}/1/")
    page.locator("[data-rectify-a11y-entry]").click()
    for tool in ("cursor", "guide", "caption"):
        page.locator(f"[data-rectify-a11y-toggle={tool}]").click()
    page.locator("[data-rectify-a11y-scheme=yellow]").click()
    page.locator("[data-rectify-a11y-step=in]").click()
    page.mouse.move(200, 300)
    page.locator("main h1").hover()
    page.wait_for_function("document.querySelector('.rectify-a11y-guide__line--y').style.transform !== ''")
    assert page.locator("[data-rectify-a11y-caption]").inner_text() == page.locator("main h1").inner_text()
    page.locator("[data-rectify-a11y-toggle=text]").click()
    watched.goto(f"/{DEMO_ID}/")
    assert page.evaluate("document.documentElement.getAttribute('data-rectify-scheme')") == "yellow"
    assert page.evaluate("document.documentElement.hasAttribute('data-rectify-text')")


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
    build = build_site(project, "--strict")
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
