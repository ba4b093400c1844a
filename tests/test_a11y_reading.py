"""What a reader meets beyond axe-core: faults no automated rule flags, each seen in Chromium."""

from __future__ import annotations

import pytest
from a11ypages import PAGES, opened, run
from support.axe import violations

pytestmark = pytest.mark.browser

TABLES = r"""
return [...document.querySelectorAll('[data-rectify-scroll], .md-typeset__scrollwrap')].map((box) => ({
  name: box.getAttribute('data-rectify-scroll') || box.className,
  overflows: box.scrollWidth > box.clientWidth + 1,
  tabbable: box.tabIndex >= 0 && box.hasAttribute('tabindex'),
  role: box.getAttribute('role'),
  label: box.getAttribute('aria-label'),
}));
"""


def test_tables_that_fit_are_no_tab_stops(browser, demo_url: str) -> None:
    """At a desktop's width no table of the report scrolls, and none is a Tab stop (issue 13, 7)."""
    with opened(browser, demo_url + PAGES["report"], width=1280) as page:
        boxes = run(page, TABLES)
    assert boxes and not any(box["overflows"] for box in boxes), boxes
    assert [box for box in boxes if box["tabbable"] or box["role"]] == []


WIDE = "[data-rectify-scroll] > table { min-width: 60em; }"
"""Tables wider than any phone: the demo's own fit a 320px screen in 关怀版 (they wrap)."""
ANY_STOP = "[...document.querySelectorAll('[data-rectify-scroll]')].some((b) => b.hasAttribute('tabindex'))"


@pytest.mark.parametrize("kind", ["report", "problem"])
def test_a_table_is_a_named_tab_stop_while_it_scrolls(browser, demo_url: str, kind: str) -> None:
    """On a 320px phone in 关怀版 a table that scrolls, and only such a table, is a named Tab stop; it stops
    being one when it fits again."""
    with opened(browser, demo_url + PAGES[kind], mode="care", width=320) as page:
        for box in run(page, TABLES):
            assert box["tabbable"] == box["overflows"], box
        style = page.add_style_tag(content=WIDE)
        page.wait_for_function(ANY_STOP)
        boxes = run(page, TABLES)
        assert violations(page, rules=["scrollable-region-focusable"]) == []
        scrolling = [box for box in boxes if box["overflows"]]
        assert scrolling and all(box["tabbable"] for box in boxes if box["overflows"]), boxes
        assert all(box["role"] == "group" and box["label"] == box["name"] for box in scrolling), scrolling
        style.evaluate("(element) => element.remove()")
        page.wait_for_function(f"!({ANY_STOP})")
        assert not any(box["tabbable"] or box["role"] for box in run(page, TABLES) if not box["overflows"])
