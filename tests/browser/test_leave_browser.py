"""In Chromium: the notice before leaving the site, as a dialog with JavaScript and as a page without."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from support import inpage
from support.axe import violations

pytestmark = pytest.mark.browser

MKDOCS = "https://www.mkdocs.org/"
SITE_NAME = "海口市政务管理局巡察整改公开"
MESSAGE = f"您访问的链接即将离开“{SITE_NAME}”，进入 www.mkdocs.org，是否继续？"
LINK = f'a[data-rectify-leave="{MKDOCS}"]'


def key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def open_page(browser, url: str, *, javascript: bool = True) -> Iterator:
    """A page in a fresh context where every request to another host is answered locally."""
    outside: list[str] = []

    def answer(route) -> None:
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.fulfill(
                status=200,
                content_type="text/html; charset=utf-8",
                body="<title>外部网站</title><h1>外部网站</h1>",
            )

    with inpage.opened(browser, url, javascript=javascript, route=answer) as page:
        page.outside = outside  # type: ignore[attr-defined]
        yield page


@pytest.fixture
def about(browser, demo_url: str) -> Iterator:
    yield from open_page(browser, demo_url + "/about/")


def state(page) -> dict:
    return page.evaluate(
        """() => {
          const d = document.getElementById('rectify-leave');
          const a = document.activeElement;
          return {
            open: d.open,
            modal: d.matches(':modal'),
            focusInside: d.contains(a),
            focused: a && (a.getAttribute('data-rectify-leave') || a.textContent.trim()),
            message: d.querySelector('#rectify-leave-message').textContent.replace(/\\s+/g, ' ').trim(),
            go: d.querySelector('[data-rectify-leave-continue]').getAttribute('href'),
          };
        }"""
    )


def test_a_click_opens_the_dialog_with_the_focus_inside(about) -> None:
    about.click(LINK)
    s = state(about)
    assert s["open"] and s["modal"] and s["focusInside"]
    assert s["focused"] == "返回" and s["go"] == MKDOCS and s["message"] == MESSAGE
    assert about.url.endswith("/about/") and about.outside == []
    # Its accessible name and description, as Chromium exposes them to screen readers.
    dialog = about.get_by_role("dialog", name="即将离开本网站")
    assert dialog.is_visible()
    assert dialog.get_attribute("aria-describedby") == "rectify-leave-message"


def test_enter_on_the_link_opens_the_dialog(about) -> None:
    about.focus(LINK)
    about.keyboard.press("Enter")
    s = state(about)
    assert s["open"] and s["focusInside"] and about.url.endswith("/about/")


def test_enter_twice_keeps_the_reader_on_the_site(about) -> None:
    """The focus starts on 返回: a second Enter closes the dialog, it does not leave the site."""
    about.focus(LINK)
    about.keyboard.press("Enter")
    about.keyboard.press("Enter")
    s = state(about)
    assert not s["open"] and s["focused"] == MKDOCS
    assert about.url.endswith("/about/") and about.outside == []


def test_escape_closes_and_the_focus_returns_to_the_link(about) -> None:
    about.focus(LINK)
    about.keyboard.press("Enter")
    assert state(about)["open"]
    about.keyboard.press("Escape")
    s = state(about)
    assert not s["open"] and s["focused"] == MKDOCS and about.url.endswith("/about/")


def test_back_closes_and_the_focus_returns_to_the_link(about) -> None:
    about.click(LINK)
    assert about.evaluate("document.activeElement.textContent.trim()") == "返回"
    about.keyboard.press("Enter")
    s = state(about)
    assert not s["open"] and s["focused"] == MKDOCS
    about.click(LINK)
    about.get_by_role("button", name="返回").click()
    assert not state(about)["open"] and state(about)["focused"] == MKDOCS


def test_the_focus_stays_in_the_dialog(about) -> None:
    about.click(LINK)
    for _ in range(4):
        about.keyboard.press("Tab")
        assert state(about)["focusInside"] or about.evaluate("document.activeElement === document.body")


def test_continue_goes_to_the_other_site(about) -> None:
    about.click(LINK)
    with about.expect_navigation():
        about.get_by_role("link", name="继续访问").click()
    assert about.url == MKDOCS and about.outside == [MKDOCS]
    assert about.title() == "外部网站"


def test_a_modified_click_opens_the_notice_page_not_the_dialog(about) -> None:
    with about.context.expect_page() as new:
        about.click(LINK, modifiers=["Control"])
    opened = new.value
    opened.wait_for_load_state()
    assert urlparse(opened.url).path == f"/leave/{key(MKDOCS)}/"
    assert not state(about)["open"]


def test_without_javascript_the_link_leads_to_the_notice_page(browser, demo_url: str) -> None:
    for page in open_page(browser, demo_url + "/about/", javascript=False):
        page.click(LINK)
        page.wait_for_load_state()
        assert urlparse(page.url).path == f"/leave/{key(MKDOCS)}/"
        assert page.locator("h1").inner_text() == "即将离开本网站"
        assert page.locator(".rectify-leave--page .rectify-leave__message").inner_text() == MESSAGE
        page.get_by_role("link", name="返回").click()
        page.wait_for_load_state()
        assert urlparse(page.url).path == "/about/"
        page.click(LINK)
        page.wait_for_load_state()
        with page.expect_navigation():
            page.get_by_role("link", name="继续访问").click()
        assert page.url == MKDOCS and page.outside == [MKDOCS]


def test_screen_readers_hear_that_the_link_leaves(about) -> None:
    name = about.evaluate(
        f"""() => {{
          const a = document.querySelector('{LINK}');
          const hint = a.querySelector('.rectify-leave__hint');
          const box = hint.getBoundingClientRect();
          return {{ text: a.textContent.trim(), width: box.width, height: box.height, target: a.target }};
        }}"""
    )
    assert name["text"] == "MkDocs（将离开本站）" and name["width"] <= 1 and name["height"] <= 1
    assert name["target"] == ""
    # The accessible name, as Chromium gives it to screen readers (the hidden hint is set apart).
    assert about.get_by_role("link", name=re.compile(r"^MkDocs\s?（将离开本站）$")).count() == 1


def test_axe_with_the_dialog_open(about) -> None:
    about.click(LINK)
    assert state(about)["open"]
    assert violations(about) == []


def test_axe_on_the_notice_page(browser, demo_url: str) -> None:
    # The page is the same markup with or without scripts (axe itself needs them to run).
    for page in open_page(browser, f"{demo_url}/leave/{key(MKDOCS)}/"):
        assert page.locator("h1").inner_text() == "即将离开本网站"
        assert violations(page) == []


def test_care_mode_dialog_reaches_7_to_1_and_44_px(browser, demo_url: str) -> None:
    context = browser.new_context(locale="zh-CN")
    context.add_init_script(f"localStorage.setItem('{inpage.CARE_KEY}', 'on')")
    page = context.new_page()
    try:
        page.goto(demo_url + "/about/")
        assert page.evaluate("document.documentElement.hasAttribute('data-rectify-care')")
        page.click(LINK)
        assert state(page)["open"]
        assert violations(page, rules=["color-contrast-enhanced"]) == []
        assert violations(page) == []
        for name in ("继续访问", "返回"):
            box = page.locator("#rectify-leave").get_by_text(name, exact=True).bounding_box()
            assert box and box["height"] >= 44 and box["width"] >= 44, name
    finally:
        context.close()
