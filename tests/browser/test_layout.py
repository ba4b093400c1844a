"""Layout in Chromium: reflow at 320px, text spacing, zoom and text size, visible and unhidden focus,
target sizes — on every page type, in the standard view and in 关怀版."""

from __future__ import annotations

import pytest
from support.inpage import MODES, PAGES, TARGETS, opened, run, tab_through

pytestmark = pytest.mark.browser

# Elements that stick out of the viewport or are clipped, apart from what scrolls in its own box.
OVERFLOW = r"""
const out = [];
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > width + 1 || document.body.scrollWidth > width + 1)
  out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px > ${width}px`);
for (const el of document.body.querySelectorAll('*')) {
  if (!rectify.visible(el) || rectify.inScroller(el)) continue;
  if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
  const r = el.getBoundingClientRect();
  if (r.right > width + 1 || r.left < -1)
    out.push(`sticks out (${Math.round(r.left)}–${Math.round(r.right)}): ${rectify.describe(el)}`);
}
return out;
"""

# Text cut off by its box: boxes that clip (overflow hidden) and are too small for their content, and
# text boxes with a character outside them (the text runs over what follows). What sticks out of a
# text box without any text (the padding of a wrapped inline code) is no loss.
CLIPPED = r"""
const out = [];
const textOutside = (el) => {
  const box = el.getBoundingClientRect();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (let i = 0; i < n.length; i++) {
      if (!n.data[i].trim()) continue;
      range.setStart(n, i);
      range.setEnd(n, i + 1);
      const r = range.getBoundingClientRect();
      const beside = r.right > box.right + 1 || r.left < box.left - 1;
      if (beside || r.bottom > box.bottom + 1 || r.top < box.top - 1)
        return n.data.slice(Math.max(0, i - 4), i + 4);
    }
  }
  return null;
};
const TEXT = 'p, li, dt, dd, h1, h2, h3, h4, h5, h6, td, th, caption, button, label, a, summary, '
  + 'span.rectify-badge, .md-header__title';
for (const el of document.body.querySelectorAll('*')) {
  if (!rectify.visible(el) || !el.innerText || !el.innerText.trim()) continue;
  const s = getComputedStyle(el);
  if (s.display === 'inline') continue;
  const clips = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
  const text = el.matches(TEXT);
  if (!clips && !text) continue;
  if (rectify.scrolls(el)) continue;
  const wide = el.scrollWidth > el.clientWidth + 1;
  const tall = el.scrollHeight > el.clientHeight + 1;
  if (!wide && !tall) continue;
  const size = `${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`;
  const outside = clips ? null : textOutside(el);
  if (clips || outside !== null)
    out.push(`${wide ? 'wider' : 'taller'} than its box (${size}${outside ? `, "${outside}"` : ''}): `
      + rectify.describe(el));
}
return out;
"""

TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", PAGES)
def test_reflow_at_320_css_pixels(browser, demo_url: str, kind: str, mode: str) -> None:
    """1.4.10: at 320px nothing needs sideways scrolling (a wide table scrolls inside its own box)."""
    with opened(browser, demo_url + PAGES[kind], mode=mode, width=320, height=640) as page:
        assert run(page, OVERFLOW) == []
        assert run(page, CLIPPED) == []


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", PAGES)
def test_text_spacing_cuts_nothing_off(browser, demo_url: str, kind: str, mode: str, width: int) -> None:
    """1.4.12: with WCAG's text spacing, no text is clipped or runs out of its box."""
    with opened(browser, demo_url + PAGES[kind], mode=mode, width=width) as page:
        before = run(page, CLIPPED)
        page.add_style_tag(content=TEXT_SPACING)
        assert (
            page.evaluate("getComputedStyle(document.querySelector('main p, main li')).letterSpacing")
            != "normal"
        )
        assert before == []
        assert run(page, CLIPPED) == []
        assert run(page, OVERFLOW) == []


@pytest.mark.parametrize("kind", PAGES)
def test_200_percent_zoom(browser, demo_url: str, kind: str) -> None:
    """1.4.4: a 1280px window zoomed to 200% is 640 CSS px wide: everything fits and the menu is a button."""
    with opened(browser, demo_url + PAGES[kind], width=640, height=450) as page:
        assert run(page, OVERFLOW) == []
        assert run(page, CLIPPED) == []
        menu = page.locator("button[data-rectify-drawer]")
        assert menu.is_visible()


@pytest.mark.parametrize("mode", MODES)
def test_text_follows_the_browser_font_size(browser, demo_url: str, mode: str) -> None:
    """No text size is locked in px: doubling the browser's default font size doubles the text."""
    selector = (
        ".md-content p, .md-content li, .md-nav__link, .md-header__title, .rectify-care__button, "
        ".rectify-skip, .md-footer a"
    )
    sizes = (
        f"[...document.querySelectorAll('{selector}')].map((e) => parseFloat(getComputedStyle(e).fontSize))"
    )
    with opened(browser, demo_url + PAGES["report"], mode=mode) as page:
        normal = page.evaluate(sizes)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        page.reload()
        larger = page.evaluate(sizes)
    assert len(normal) == len(larger) > 20
    assert all(big >= 1.9 * small for small, big in zip(normal, larger, strict=True)), list(
        zip(normal, larger, strict=True)
    )


def _check_focus(stops: list[dict], *, strict_cover: bool) -> list[str]:
    problems = []
    for stop in stops:
        what = stop["what"]
        if not stop["inViewport"]:
            problems.append(f"focused out of sight: {what}")
        if stop["outlineStyle"] in ("none", "hidden") or stop["outlineWidth"] < 2:
            problems.append(f"no visible outline: {what} ({stop['outlineStyle']} {stop['outlineWidth']}px)")
        elif stop["outlineContrast"] < 3:
            problems.append(f"outline contrast {stop['outlineContrast']:.2f}:1 < 3:1: {what}")
        if stop["hiddenUnderHeader"] or stop["partlyUnderHeader"]:
            problems.append(f"under the sticky header: {what}")
        if stop["shown"] == 0 or (strict_cover and stop["shown"] < stop["points"]):
            problems.append(
                f"covered by another element ({stop['shown']}/{stop['points']} points visible): {what}"
            )
    return problems


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", PAGES)
def test_focus_is_visible_and_never_hidden(browser, demo_url: str, kind: str, mode: str, width: int) -> None:
    """2.4.7 and 2.4.11: tabbing through, each stop has a 3:1 outline, in sight, not under the header."""
    with opened(browser, demo_url + PAGES[kind], mode=mode, width=width, height=700) as page:
        stops = tab_through(page)
        assert len(stops) >= 3
        assert stops[0]["isSkipLink"]
        assert _check_focus(stops, strict_cover=True) == []


@pytest.mark.parametrize("mode", MODES)
def test_focus_going_backwards_is_not_hidden_under_the_header(browser, demo_url: str, mode: str) -> None:
    """Shift+Tab scrolls the page up, where a sticky header could cover what gets the focus."""
    with opened(browser, demo_url + PAGES["report"], mode=mode, height=600) as page:
        page.keyboard.press("End")
        page.wait_for_timeout(100)
        stops = tab_through(page, backwards=True)
        assert len(stops) > 30
        assert _check_focus(stops, strict_cover=False) == []


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("kind", PAGES)
def test_targets_are_at_least_24px(browser, demo_url: str, kind: str, width: int) -> None:
    """2.5.8: every target is 24 × 24px, or 24px clear of the others, or part of a line of text."""
    with opened(browser, demo_url + PAGES[kind], width=width) as page:
        assert run(page, TARGETS, [24, True]) == []


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("kind", PAGES)
def test_care_mode_targets_are_at_least_44px(browser, demo_url: str, kind: str, width: int) -> None:
    """关怀版: every target outside running text is 44 × 44px."""
    with opened(browser, demo_url + PAGES[kind], mode="care", width=width) as page:
        assert run(page, TARGETS, [44, False]) == []
