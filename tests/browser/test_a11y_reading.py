"""What a reader meets beyond axe-core: faults no automated rule flags, each seen in Chromium.

The pager of 关怀版 on a desktop and a phone, tables that are Tab stops only while they scroll, a link
told apart by more than colour, a search result whose badge does not run into the report's title.
"""

from __future__ import annotations

import re

import pytest
from support.axe import violations
from support.inpage import PAGES, opened, run

pytestmark = pytest.mark.browser

PAGER = r"""
return [...document.querySelectorAll('.rectify-pager__item > a')].map((a) => {
  const label = a.querySelector('.rectify-pager__label');
  const range = document.createRange();
  range.setStartAfter(label);
  range.setEndAfter(a.lastChild);
  const lines = [...range.getClientRects()].filter((r) => r.width > 1);
  const style = getComputedStyle(a);
  const inner = a.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {
    text: a.innerText.replace(/\s+/g, ' ').trim(),
    labelBottom: label.getBoundingClientRect().bottom,
    titleTop: Math.min(...lines.map((r) => r.top)),
    titleWidth: lines.reduce((sum, r) => sum + r.width, 0),
    firstLine: lines.length ? lines[0].width : 0,
    inner,
  };
});
"""


@pytest.mark.parametrize("width", [1280, 390])
def test_care_mode_pager_shows_its_label_above_a_title_in_full_lines(
    browser, demo_url: str, width: int
) -> None:
    """上一个问题 on a line of its own, the title under it in lines as wide as the link (issue 13, 2)."""
    with opened(browser, demo_url + PAGES["problem"].replace("/1/", "/2/"), mode="care", width=width) as page:
        links = run(page, PAGER)
    assert len(links) == 3
    for link in links:
        assert link["labelBottom"] <= link["titleTop"] + 1, link
        # The first line of the title is as wide as the link allows (or holds the whole title).
        assert link["firstLine"] >= min(link["titleWidth"], link["inner"]) * 0.8, link


TABLES = r"""
return [...document.querySelectorAll('[data-rectify-scroll]')].map((box) => ({
  name: box.getAttribute('data-rectify-scroll'),
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


def test_the_link_on_the_search_page_without_javascript_is_underlined(browser, demo_url: str) -> None:
    """Told apart from the text around it by more than its colour (1.4.1; issue 13, 11)."""
    with opened(browser, demo_url + "/search/", javascript=False) as page:
        link = page.locator("[data-rectify-search-nojs] a")
        assert link.count() == 1
        assert "underline" in link.evaluate("(a) => getComputedStyle(a).textDecorationLine")


def test_a_search_result_says_which_report_it_is_from(browser, demo_url: str) -> None:
    """The badge, then 所属通报： and the title: not 已完成中共海口… in one breath (issue 13, 4)."""
    with opened(browser, demo_url + "/search/?q=%E7%94%B5%E5%AD%90%E4%BF%9D%E5%87%BD") as page:
        page.wait_for_selector("[data-rectify-search-output][aria-busy=false] .rectify-search__result")
        meta = page.locator(".rectify-search__result-meta").first
        text = meta.evaluate("(p) => p.textContent.replace(/\\s+/g, ' ').trim()")
    assert text == "整改结果：已完成 所属通报：中共海口市政务管理局党组关于巡察整改情况的通报", text


def test_overview_counts_have_their_unit(browser, demo_url: str) -> None:
    """已完成 17 个问题, not 已完成 17 (issue 13, 4)."""
    with opened(browser, demo_url + "/") as page:
        counts = page.locator(".rectify-report-list__counts li").all_inner_texts()
    assert counts and all(text.replace("\n", " ").strip().endswith("个问题") for text in counts), counts


CARE = r"""
const button = document.querySelector('[data-rectify-care-toggle]');
const style = getComputedStyle(button);
return { text: button.querySelector('.rectify-care__label').innerText.trim(),
         pressed: button.getAttribute('aria-pressed'),
         background: style.backgroundColor, color: style.color };
"""


def test_the_care_button_says_how_to_leave_care_mode(browser, demo_url: str) -> None:
    """On, it is named 退出关怀版 and is pressed; in forced colours on and off differ (issue 13, 6)."""
    with opened(browser, demo_url + PAGES["problem"], forced_colors="active") as page:
        off = run(page, CARE)
        page.locator("[data-rectify-care-toggle]").click()
        on = run(page, CARE)
        assert page.get_by_role("button", name=re.compile(r"^退出\s?关怀版$"), pressed=True).count() == 1
    assert (off["text"], off["pressed"]) == ("关怀版", "false")
    assert (on["text"], on["pressed"]) == ("关怀版", "true")
    assert (on["background"], on["color"]) != (off["background"], off["color"]), (on, off)


@pytest.mark.parametrize("kind", PAGES)
def test_axe_on_a_phone(browser, demo_url: str, kind: str) -> None:
    """As a Lighthouse audit runs it (a 412px phone), with axe's best practices: the menu button Material
    draws as a <label> must not take a role a label may not have (aria-allowed-role)."""
    with opened(browser, demo_url + PAGES[kind], width=412, height=823) as page:
        assert violations(page) == []
