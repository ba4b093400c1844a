"""Keyboard only, in Chromium: from the skip link to the main content and to every header tool.

A journey is a list of steps run one after the other on the same page, each with keys only.
To cover a new tool (朗读, 即将离开本网站, search …), write a step — a function of the page that
presses keys and checks what happened, leaving the focus where the next step can go on — and add
it to ``JOURNEY``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from support.inpage import PAGES, focused, opened, settle, tab_until
from support.speech import SPEECH

pytestmark = pytest.mark.browser

Step = Callable[[Any], None]


def active(page, expression: str) -> Any:
    """``expression`` evaluated on the focused element ``el``."""
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {expression}; }})()")


def step_skip_link_comes_first(page) -> None:
    page.keyboard.press("Tab")
    stop = focused(page)
    assert stop["isSkipLink"], stop
    assert active(page, "el.textContent.trim()") == "跳到正文"
    assert active(page, "el.getBoundingClientRect().height") > 10, "the skip link stays hidden when focused"


def step_care_toggle_by_keyboard(page) -> None:
    """From the skip link, on through the header to 关怀版; Enter and Space switch it."""
    tab_until(page, "el.matches('[data-rectify-care-toggle]')", limit=20)
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.hasAttribute('data-rectify-care')")
    assert active(page, "el.getAttribute('aria-pressed')") == "true"
    page.keyboard.press("Space")
    assert not page.evaluate("document.documentElement.hasAttribute('data-rectify-care')")
    assert active(page, "el.getAttribute('aria-pressed')") == "false"


def step_back_to_the_skip_link(page) -> None:
    tab_until(page, "el.classList.contains('rectify-skip')", backwards=True, limit=20)


def step_skip_link_leads_to_the_content(page) -> None:
    """Enter on the skip link, then Tab: the focus is in the main content, past header and navigation."""
    assert active(page, "el.classList.contains('rectify-skip')")
    page.keyboard.press("Enter")
    settle(page)
    assert page.evaluate("location.hash") == "#rectify-content"
    assert active(page, "el.id") == "rectify-content"
    page.keyboard.press("Tab")
    settle(page)
    assert active(page, "Boolean(el.closest('.md-content'))"), focused(page)
    assert focused(page)["inViewport"]


JOURNEY: list[Step] = [
    step_skip_link_comes_first,
    step_care_toggle_by_keyboard,
    step_back_to_the_skip_link,
    step_skip_link_leads_to_the_content,
]


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("kind", PAGES)
def test_keyboard_journey(browser, demo_url: str, kind: str, width: int) -> None:
    with opened(browser, demo_url + PAGES[kind], width=width, height=700) as page:
        for step in JOURNEY:
            step(page)


def step_read_aloud_button(page) -> None:
    """From the content, on to 朗读全文; Enter starts reading and the change is announced."""
    button = "el.matches('[data-rectify-read-aloud-main]')"
    if not active(page, button):
        tab_until(page, button, limit=10)
    assert focused(page)["inViewport"]
    page.keyboard.press("Enter")
    status = "document.querySelector('[data-rectify-read-aloud-status]').textContent.trim()"
    page.wait_for_function(f"{status} !== ''")
    page.keyboard.press("Escape")


def step_leave_site_link_and_dialog(page) -> None:
    """A link to another site: Enter opens the notice dialog with the focus in it; Esc returns to the link."""
    tab_until(page, "el.hasAttribute('data-rectify-leave')", limit=200)
    href = active(page, "el.getAttribute('data-rectify-leave')")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('dialog[open]') !== null")
    assert active(page, "Boolean(el.closest('dialog[open]'))"), focused(page)
    page.keyboard.press("Escape")
    page.wait_for_function("document.querySelector('dialog[open]') === null")
    assert active(page, "el.getAttribute('data-rectify-leave')") == href


def step_search_box(page) -> None:
    """Back up to the header's search box, type a query and press Enter: the search page shows results."""
    tab_until(page, "el.id === 'rectify-search-box-q'", limit=400, backwards=True)
    page.keyboard.type("电子保函")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    regions = "[...document.querySelectorAll('[role=status]')]"
    page.wait_for_function(f"{regions}.some((region) => /找到 \\d+ 个结果/.test(region.textContent))")


def test_keyboard_reaches_every_tool(browser, demo_url: str) -> None:
    """Skip link, 关怀版, 朗读, a leave-site link and its dialog, and the search box, with keys only
    (with a Chinese voice, which 朗读 needs)."""
    with opened(browser, demo_url + PAGES["problem"], width=1280, height=700, init_script=SPEECH) as page:
        for step in [*JOURNEY, step_read_aloud_button, step_leave_site_link_and_dialog, step_search_box]:
            step(page)


@pytest.mark.parametrize("width", [320, 640])
def test_navigation_drawer_by_keyboard(browser, demo_url: str, width: int) -> None:
    """On narrow screens (and zoomed in) the navigation is a drawer: a button opens it, Escape closes it."""
    with opened(browser, demo_url + PAGES["problem"], width=width, height=700) as page:
        drawer_links = "[...document.querySelectorAll('.md-sidebar--primary a')]"
        reachable = f"{drawer_links}.filter((a) => getComputedStyle(a).visibility === 'visible').length"
        assert page.evaluate(reachable) == 0, "the closed drawer's links can take the focus"
        tab_until(page, "el.matches('button[data-rectify-drawer]')", limit=10)
        assert active(page, "el.tagName") == "BUTTON"
        assert active(page, "el.getAttribute('aria-label')") == "导航菜单"
        assert active(page, "el.getAttribute('aria-expanded')") == "false"
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
        # The focus arrives once the drawer has slid in: in sight at once.
        assert page.evaluate("document.activeElement.getBoundingClientRect().left") >= 0
        assert page.evaluate("document.getElementById('__drawer').checked")
        assert (
            page.evaluate(
                "document.querySelector('button[data-rectify-drawer]').getAttribute('aria-expanded')"
            )
            == "true"
        )
        stop = focused(page)
        assert stop["inViewport"] and stop["shown"] > 0, stop
        tab_until(page, "el.textContent.trim() === '关于本站'", limit=10)
        assert focused(page)["inViewport"]
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__drawer').checked")
        assert active(page, "el.matches('button[data-rectify-drawer]')")
        page.keyboard.press("Space")
        page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
        tab_until(page, "el.textContent.trim() === '关于本站'", limit=10)
        page.keyboard.press("Enter")
        page.wait_for_url("**/about/")
        assert page.locator("h1").inner_text() == "关于本站"


def test_no_single_character_shortcuts(browser, demo_url: str) -> None:
    """2.1.4: Material's n/./p/, (next and previous page, from anywhere) are switched off."""
    with opened(browser, demo_url + PAGES["overview"]) as page:
        assert page.locator("link[rel=next]").count() == 1, (
            "the page has no next page: the test shows nothing"
        )
        for key in ["n", ".", "p", ","]:
            page.keyboard.press(key)
            page.wait_for_timeout(150)
            assert page.url == demo_url + PAGES["overview"], key
