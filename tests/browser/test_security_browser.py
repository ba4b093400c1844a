"""In Chromium: a site built from hostile content runs none of it, asks no other host for anything,
and still shows all of its text where it belongs.

Every page type is opened (overview, report, every problem, search with a query, statement, 404,
a docs page, a leave notice), every link that is not web navigation is clicked, and the browser
is watched for dialogs (alert, confirm, prompt), page errors, console errors and requests to any
host but the local server.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, urlparse

import pytest
from click.testing import CliRunner
from support import hostile
from support.builds import Build, build_site
from support.payloads import EMAIL, EVIL, MARKDOWN, MARKER, PHONE, TEXT
from support.web import serve_dir

from mkdocs_rectify.cli import main

pytestmark = pytest.mark.browser

LOCAL = ("127.0.0.1", "localhost")
MISSING_IMAGE = "Failed to load resource: the server responded with a status of 404"
"""The console error of <img src=x>: a relative image that does not exist, kept by the sanitiser."""
LAUNCH = re.compile(r"^(Not allowed|Failed) to launch '(mailto|tel):")
"""The console error of a click on a mailto: or tel: link, which a headless browser cannot hand on."""


def key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


@dataclass
class Watch:
    """What a page did that it must not: dialogs, errors, requests to other hosts."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def problems(self) -> dict[str, list[str]]:
        # <img src=x> asks the local server for "x", which does not exist: that is all a 404 may be.
        assert all(urlparse(u).hostname in LOCAL and u.endswith("/x") for u in self.missing), self.missing
        console = [
            m
            for m in self.console
            if not (self.missing and m.startswith(MISSING_IMAGE)) and not LAUNCH.match(m)
        ]
        found = {"dialogs": self.dialogs, "errors": self.errors, "console": console, "outside": self.outside}
        return {name: items for name, items in found.items() if items}


@contextlib.contextmanager
def watched(browser, url: str, *, width: int = 1280) -> Iterator[tuple]:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    watch = Watch()

    def outside(url: str) -> bool:
        host = urlparse(url).hostname
        return host is not None and host not in LOCAL

    def refuse(route) -> None:
        watch.outside.append(route.request.url)
        route.abort()

    # Only requests to other hosts are routed (and refused): routing every request would also hold
    # up those of Material's search worker.
    context.route(outside, refuse)
    page = context.new_page()
    page.on(
        "dialog", lambda dialog: (watch.dialogs.append(f"{dialog.type}: {dialog.message}"), dialog.dismiss())
    )
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and watch.console.append(message.text))
    page.on("response", lambda response: response.status >= 400 and watch.missing.append(response.url))
    try:
        page.goto(url, wait_until="load")
        yield page, watch
    finally:
        context.close()


DOM_DANGERS = r"""() => {
  const found = [];
  const local = (url) => {
    try {
      return new URL(url, location.href).origin === location.origin;
    } catch (e) {
      return false;
    }
  };
  const allowed = (host) => host === 'gov.cn' || host.endsWith('.gov.cn'); // leave_site.allow
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
    }
  }
  const embedded = 'iframe, frame, object, embed, applet, base, meta[http-equiv], math';
  for (const el of document.querySelectorAll(embedded)) found.push(el.outerHTML.slice(0, 80));
  for (const el of document.querySelectorAll('script')) {
    if (el.src && !local(el.src)) found.push('script ' + el.src);
    const code = !el.src && el.type !== 'application/json';
    if (code && /alert\(|evil\.example/.test(el.textContent)) found.push('inline script');
  }
  const resources = 'img[src], source[src], video[src], audio[src], link[href][rel~=stylesheet]';
  for (const el of document.querySelectorAll(resources)) {
    if (!local(el.src || el.href)) found.push('resource ' + (el.src || el.href));
  }
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    const protocol = new URL(a.href, location.href).protocol;
    if (!['http:', 'https:', 'mailto:', 'tel:'].includes(protocol)) {
      found.push('link ' + a.getAttribute('href'));
    } else if (/^https?:$/.test(protocol) && !local(a.href) && !allowed(new URL(a.href).hostname)) {
      if (!a.hasAttribute('data-rectify-leave-continue')) found.push('leaving link ' + a.href);
    }
  }
  return found;
}"""

OTHER_LINKS = """(limit) => {
  const links = [...document.querySelectorAll('a[href], area[href]')].filter(
    (a) => !/^https?:$/.test(new URL(a.href, location.href).protocol)
  );
  for (const a of links.slice(0, limit)) a.click();
  return links.length;
}"""


def click_other_links(page, *, limit: int = 10_000) -> int:
    """Click every link whose address is not web navigation (mailto:, tel:, or any other scheme)."""
    count = page.evaluate(OTHER_LINKS, limit)
    page.wait_for_timeout(200)
    return count


def assert_clean(page, watch: Watch) -> None:
    assert page.evaluate(DOM_DANGERS) == []
    page.wait_for_timeout(300)  # a late onerror or ontoggle would have fired by now
    assert watch.problems() == {}


@pytest.fixture(scope="module")
def site(shared_build) -> Iterator[tuple[str, Build]]:
    build = hostile.build(shared_build)
    with serve_dir(build.site) as url:
        yield url, build


PAGES = {
    "overview": "/",
    "report": f"/{hostile.REPORT_ID}/",
    "statement": "/accessibility/",
    "not-found": "/404.html",
    "guide": "/guide/",
    "other-report": f"/{hostile.OTHER_ID}/",
    "notice": f"/leave/{key(f'https://{EVIL}/a')}/",
}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_page_runs_or_loads_anything_of_the_content(browser, site, path: str) -> None:
    url, _ = site
    with watched(browser, url + path) as (page, watch):
        page.mouse.wheel(0, 20000)
        click_other_links(page)
        assert_clean(page, watch)


@pytest.mark.parametrize("index", range(len(TEXT)), ids=[p.name for p in TEXT])
def test_no_problem_page_runs_anything_and_its_title_is_text(browser, site, index: int) -> None:
    url, _ = site
    with watched(browser, f"{url}/{hostile.REPORT_ID}/{index + 1}/") as (page, watch):
        assert page.title() == hostile.problem_page_title(index)
        title = TEXT[index].text
        assert page.inner_text("h1").strip() == f"问题{index + 1}：{title}"
        assert title in page.text_content(".md-header__topic[data-md-component=header-topic]")
        for details in page.locator("details").all()[:3]:
            details.click()  # toggles: an ontoggle handler would run
        click_other_links(page)
        assert_clean(page, watch)


def test_titles_read_as_text_in_nav_tabs_and_footer(browser, site) -> None:
    url, _ = site
    title = hostile.REPORT_TITLE
    with watched(browser, url + "/") as (page, watch):
        assert title in page.text_content(".md-tabs")
        assert title in page.text_content(".md-nav--primary")
        assert title in page.inner_text(".rectify-overview")
        assert_clean(page, watch)
    with watched(browser, f"{url}/{hostile.OTHER_ID}/") as (page, watch):
        assert title in page.text_content(".md-footer__inner")
        assert page.locator(".md-footer__link--prev").get_attribute("aria-label").endswith(title)
        assert_clean(page, watch)


def test_the_text_of_every_field_is_shown(browser, site) -> None:
    url, _ = site
    with watched(browser, f"{url}/{hostile.REPORT_ID}/1/") as (page, watch):
        measures = page.inner_text(".rectify-problem__section--measures")
        for payload in MARKDOWN:
            if payload.shown:
                assert payload.shown in measures, payload.name
        facts = page.inner_text(".rectify-problem__facts")
        assert TEXT[1].text in facts and TEXT[2].text in facts  # category, unit
        assert_clean(page, watch)
    with watched(browser, f"{url}/{hostile.REPORT_ID}/") as (page, watch):
        text = page.inner_text("article")
        for payload in TEXT[:8]:
            assert payload.text in text, payload.name
        assert PHONE in text and EMAIL in text
        click_other_links(page, limit=40)
        assert_clean(page, watch)


@pytest.mark.parametrize("query", [MARKER, "onerror", "标题"])
def test_search_results_show_the_text_and_run_nothing(browser, site, query: str) -> None:
    url, _ = site
    with watched(browser, f"{url}/search/?q={quote(query)}") as (page, watch):
        page.wait_for_selector("[data-rectify-search-output][aria-busy=false]", timeout=20000)
        excerpts = page.locator(".rectify-search__excerpt").all_inner_texts()
        assert excerpts and any(query in excerpt for excerpt in excerpts)
        titles = page.locator(".rectify-search__result-link").all_inner_texts()
        assert titles
        page.mouse.wheel(0, 20000)
        assert_clean(page, watch)


def test_the_leave_notice_names_the_real_host(browser, site) -> None:
    url, _ = site
    with watched(browser, f"{url}/{hostile.REPORT_ID}/1/") as (page, watch):
        page.get_by_role("link", name=re.compile(f"^{MARKER}继续")).first.click()
        dialog = page.locator("#rectify-leave")
        assert dialog.evaluate("d => d.open")
        assert dialog.locator("[data-rectify-leave-host]").inner_text() == EVIL
        assert dialog.locator("[data-rectify-leave-continue]").get_attribute("href") == f"https://{EVIL}/a"
        page.keyboard.press("Escape")
        assert_clean(page, watch)
    with watched(browser, f"{url}/guide/") as (page, watch):
        page.get_by_role("link", name=re.compile("^像政府网的网站")).click()
        shown = page.locator("#rectify-leave [data-rectify-leave-host]").inner_text()
        assert shown == f"{hostile.LOOKALIKE}（实际域名：{hostile.LOOKALIKE_ASCII}）"
        page.keyboard.press("Escape")
        assert_clean(page, watch)
    notice = f"/leave/{key(f'https://{hostile.LOOKALIKE}/')}/"
    with watched(browser, url + notice) as (page, watch):
        host = page.inner_text(".rectify-leave--page .rectify-leave__host")
        assert host == f"{hostile.LOOKALIKE}（实际域名：{hostile.LOOKALIKE_ASCII}）"
        assert_clean(page, watch)


def test_material_search_finds_nothing_to_run(browser, shared_build) -> None:
    build = hostile.build(shared_build, search=False, material_search=True)
    with serve_dir(build.site) as url, watched(browser, f"{url}/guide/") as (page, watch):
        # Material's search takes queries once its index is loaded (its prompt replaces "initialising").
        page.wait_for_function(
            "document.querySelector('.md-search-result__meta').textContent.includes('键入')"
        )
        box = page.locator("input[data-md-component=search-query]")
        box.focus()
        page.keyboard.type("更多")
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__item", state="attached", timeout=20000)
        box.fill("")
        page.keyboard.type("onerror")
        page.keyboard.press("End")
        page.wait_for_timeout(500)
        assert_clean(page, watch)


# -- a hostile published notice, through the importer -----------------------------------------

NOTICE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>x&lt;/title&gt;&lt;img src=x onerror=alert(101)&gt;关于巡察整改情况的通报</title></head>
<body><div class="article-wrap">
<h1 class="article-title">&lt;img src=x onerror=alert(102)&gt;中共某局党组关于巡察整改情况的通报</h1>
<div class="article-info">日期：2023-04-11 15:20:06　来源：&lt;script&gt;alert(103)&lt;/script&gt;某局</div>
<div id="zoom">
<p>　　根据市委统一部署，市委第一巡察组对中共某局党组进行了巡察。现将整改情况公布如下。</p>
<p>　　问题表现1:&lt;img src=x onerror=alert(104)&gt;食品安全监管存在薄弱环节。</p>
<p>　　整改措施:1.&lt;svg onload=alert(105)&gt;制定专项整治方案。[点此](javascript:alert(106))</p>
<p>　　2.&lt;a href="https://evil.example/n" data-rectify-leave-continue&gt;联合检查&lt;/a&gt;。</p>
<p>　　整改成效：&lt;details open ontoggle=alert(107)&gt;检查312户次。</p>
<p>　　整改结果：已完成。</p>
<p>　　问题表现2：x&lt;/title&gt;&lt;script&gt;alert(108)&lt;/script&gt;案卷文书不齐全。</p>
<p>　　整改措施：开展案卷评查。</p>
<p>　　整改结果：已完成。</p>
<p>　　联系电话：&lt;img src=x onerror=alert(109)&gt;0898-1234567</p>
</div></div></body></html>
"""


def test_an_imported_hostile_notice_builds_and_runs_nothing(browser, make_site) -> None:
    project = make_site()
    (project / "notice.html").write_text(NOTICE, "utf-8")
    result = CliRunner().invoke(
        main, ["import", str(project / "notice.html"), "--out", str(project / "content"), "--id", "n-2023"]
    )
    assert result.exit_code == 0, result.output
    build = build_site(project)
    assert build.returncode == 0, build.output
    with serve_dir(build.site) as url:
        for path in ("/", "/n-2023/", "/n-2023/1/", "/n-2023/2/", "/search/?q=%E6%A1%88%E5%8D%B7"):
            with watched(browser, url + path) as (page, watch):
                page.mouse.wheel(0, 20000)
                click_other_links(page)
                assert_clean(page, watch)
        with watched(browser, url + "/n-2023/1/") as (page, watch):
            # The escaped text of the notice is text on the site: its characters, not its markup.
            assert "<img src=x onerror=alert(104)>" in page.inner_text("h1")
            assert "<img src=x onerror=alert(102)>" in page.title()
            assert_clean(page, watch)
