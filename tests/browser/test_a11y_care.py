"""关怀版 (care mode) in Chromium: the toggle, its shortcut and announcements, what it changes, and
how it persists — and what a reader without JavaScript still gets."""

from __future__ import annotations

import re

import pytest
from support.builds import Build
from support.inpage import CARE_KEY, PAGES, opened, run

pytestmark = pytest.mark.browser

ANNOUNCE_ON = "已开启关怀版：字号更大，对比度更高，按钮更大。再按一次可恢复标准版。"
ANNOUNCE_OFF = "已恢复标准版。"

# Records whether <html> was already in care mode when <body> first appeared (before first paint).
AT_FIRST_PAINT = """
window.__careAtBody = null;
new MutationObserver((records, observer) => {
  if (document.body) {
    window.__careAtBody = document.documentElement.hasAttribute('data-rectify-care');
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""

STATE = """() => ({
  on: document.documentElement.hasAttribute('data-rectify-care'),
  pressed: document.querySelector('[data-rectify-care-toggle]').getAttribute('aria-pressed'),
  stored: localStorage.getItem('rectify-care'),
  atBody: window.__careAtBody,
})"""


def status_text(page) -> str:
    return page.locator("[data-rectify-care-status]").inner_text().strip()


def test_the_toggle_switches_announces_and_persists(browser, demo_url: str) -> None:
    with opened(browser, demo_url + PAGES["problem"]) as page:
        page.context.add_init_script(AT_FIRST_PAINT)
        button = page.locator("[data-rectify-care-toggle]")
        assert button.is_visible()
        assert button.inner_text().strip() == "关怀版"
        assert button.evaluate("b => b.tagName") == "BUTTON"
        assert button.get_attribute("aria-pressed") == "false"
        assert button.get_attribute("aria-keyshortcuts") == "Alt+Shift+C"
        status = page.locator("[data-rectify-care-status]")
        assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
        assert status_text(page) == ""

        button.click()
        assert page.evaluate(STATE) | {"atBody": None} == {
            "on": True,
            "pressed": "true",
            "stored": "on",
            "atBody": None,
        }
        page.wait_for_function(
            f"document.querySelector('[data-rectify-care-status]').textContent === {ANNOUNCE_ON!r}"
        )

        # Another page: care mode is on before anything is painted.
        page.goto(demo_url + PAGES["report"])
        assert page.evaluate(STATE) == {"on": True, "pressed": "true", "stored": "on", "atBody": True}
        assert status_text(page) == ""  # nothing to announce: the reader did not change anything here

        page.locator("[data-rectify-care-toggle]").click()
        assert page.evaluate(STATE)["on"] is False and page.evaluate(STATE)["pressed"] == "false"
        page.wait_for_function(
            f"document.querySelector('[data-rectify-care-status]').textContent === {ANNOUNCE_OFF!r}"
        )
        page.goto(demo_url + PAGES["statement"])
        assert page.evaluate(STATE) == {"on": False, "pressed": "false", "stored": None, "atBody": False}


def test_the_shortcut_works_from_anywhere_on_the_page(browser, demo_url: str) -> None:
    with opened(browser, demo_url + PAGES["report"]) as page:
        page.locator(".rectify-report__problems a").first.focus()
        page.keyboard.press("Alt+Shift+C")
        assert page.evaluate(STATE)["on"] is True
        page.wait_for_function(
            f"document.querySelector('[data-rectify-care-status]').textContent === {ANNOUNCE_ON!r}"
        )
        page.keyboard.press("Alt+Shift+C")
        assert page.evaluate(STATE)["on"] is False
        page.keyboard.press("Alt+C")  # not the shortcut
        page.keyboard.press("Shift+C")
        assert page.evaluate(STATE)["on"] is False


def test_the_shortcut_is_documented(demo_build: Build) -> None:
    page = demo_build.html(PAGES["problem"].lstrip("/"))
    button = re.search(r'<button [^>]*aria-keyshortcuts="([^"]+)"[^>]* data-rectify-care-toggle', page)
    assert button
    statement = demo_build.html("accessibility/")
    assert f'<kbd><span lang="en">{button.group(1)}</span></kbd>' in statement
    about = demo_build.html("about/")
    assert button.group(1) in about and "关怀版" in about and "无障碍声明" in about
    # And the speech tools' (连读).
    read_on = re.search(r'<button [^>]*aria-keyshortcuts="([^"]+)"[^>]* data-rectify-speech-read-on', page)
    assert read_on and read_on.group(1) in about and "连读" in about


# Text below 22px, and running text with lines closer than 1.8.
TEXT_SIZES = r"""
const small = new Set(), tight = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if (!n.textContent.trim()) continue;
  const el = n.parentElement;
  if (el.closest('script, style') || !rectify.visible(el)) continue;
  const s = getComputedStyle(el);
  const size = parseFloat(s.fontSize);
  if (size < 22) small.add(`${size}px: ${rectify.describe(el)}`);
  const block = el.closest('p, li, dd, dt, td, th, caption');
  if (block && el.closest('.md-content')) {
    const b = getComputedStyle(block);
    const ratio = b.lineHeight === 'normal' ? 1.2 : parseFloat(b.lineHeight) / parseFloat(b.fontSize);
    if (ratio < 1.8 - 1e-6) tight.add(`${ratio.toFixed(2)}: ${rectify.describe(block)}`);
  }
}
return { small: [...small], tight: [...tight] };
"""


@pytest.mark.parametrize("kind", PAGES)
def test_care_mode_text_is_22px_with_1_8_line_height(browser, demo_url: str, kind: str) -> None:
    with opened(browser, demo_url + PAGES[kind]) as page:
        standard = run(page, TEXT_SIZES)
    with opened(browser, demo_url + PAGES[kind], mode="care") as page:
        care = run(page, TEXT_SIZES)
    assert standard["small"], "the standard view already has only large text: the test shows nothing"
    assert care == {"small": [], "tight": []}


MOTION = r"""
const moving = new Set();
for (const el of document.querySelectorAll('*')) {
  for (const pseudo of [null, '::before', '::after']) {
    const s = getComputedStyle(el, pseudo);
    const long = (value) => value.split(',').some((d) => parseFloat(d) > 0);
    if (long(s.transitionDuration) || (s.animationName !== 'none' && long(s.animationDuration)))
      moving.add(rectify.describe(el) + (pseudo || ''));
  }
}
return [...moving];
"""


@pytest.mark.parametrize("kind", ["problem", "about"])
def test_no_motion_in_care_mode_or_when_the_system_asks(browser, demo_url: str, kind: str) -> None:
    with opened(browser, demo_url + PAGES[kind]) as page:
        assert run(page, MOTION), "nothing moves in the standard view: the test shows nothing"
    with opened(browser, demo_url + PAGES[kind], mode="care") as page:
        assert run(page, MOTION) == []
    with opened(browser, demo_url + PAGES[kind], reduced_motion="reduce") as page:
        assert run(page, MOTION) == []


def test_without_javascript_the_page_reads_fully_and_hides_the_toggle(browser, demo_url: str) -> None:
    with opened(browser, demo_url + PAGES["problem"], javascript=False) as page:
        page.evaluate(f"localStorage.setItem('{CARE_KEY}', 'on')")
        page.reload()
        assert page.evaluate("document.documentElement.hasAttribute('data-rectify-care')") is False
        assert page.locator(".rectify-care").evaluate("e => getComputedStyle(e).display") == "none"
        assert page.locator("h1").inner_text().startswith("问题1：")
        assert "三轮驱动" in page.locator(".md-content").inner_text()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "跳到正文"
