"""Layout in Chromium: reflow at 320px, text spacing, zoom and text size, visible and unhidden focus,
target sizes — on every page type, in the standard view and in 关怀版."""

from __future__ import annotations

import pytest
from support.inpage import MODES, PAGES, TARGETS, opened, run, tab_through
from support.layout import CLIPPED, cut_off, reflow_faults

pytestmark = pytest.mark.browser

TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", PAGES)
def test_reflow_at_320_css_pixels(browser, demo_url: str, kind: str, mode: str) -> None:
    """1.4.10: at 320px nothing needs sideways scrolling (a wide table scrolls inside its own box)."""
    assert reflow_faults(browser, demo_url + PAGES[kind], mode) == []


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
        assert cut_off(page) == []


@pytest.mark.parametrize("kind", PAGES)
def test_200_percent_zoom(browser, demo_url: str, kind: str) -> None:
    """1.4.4: a 1280px window zoomed to 200% is 640 CSS px wide: everything fits and the menu is a button."""
    with opened(browser, demo_url + PAGES[kind], width=640, height=450) as page:
        assert cut_off(page) == []
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
