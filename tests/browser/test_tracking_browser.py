"""The tracking pages in Chromium: axe (the project's WCAG tags) on the overview with its chart, the
browsing pages, a year's page and a problem with its facts, timeline and figures, in the standard
view and in 关怀版; their reflow at 320px; the metrics table's borders and its reflow; the chart in
forced colours."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support.axe import violations
from support.builds import Build
from support.inpage import MODES, opened, run
from support.layout import reflow_faults
from support.tracking_site import NEW, OLD, build_tracking_site
from support.web import serve_dir

pytestmark = pytest.mark.browser

PAGES = {
    "overview": "/",
    "report": f"/{NEW}/",
    "problem": f"/{NEW}/2/",
    "metrics": f"/{NEW}/4/",
    "browse": "/browse/",
    "filter": "/browse/status/overdue/",
    "filter-paged": "/browse/year/2024/2/",
    "year": "/years/2023/",
    "old-report": f"/{OLD}/",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_tracking_site(tmp_path_factory.mktemp("tracking-browser"))


@pytest.fixture(scope="module")
def url(site: Build) -> Iterator[str]:
    with serve_dir(site.site) as address:
        yield address


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", PAGES)
def test_axe_finds_no_violation(browser, url: str, kind: str, mode: str) -> None:
    with opened(browser, url + PAGES[kind], mode=mode) as page:
        assert violations(page) == []


@pytest.mark.parametrize("kind", PAGES)
def test_care_mode_reaches_7_to_1(browser, url: str, kind: str) -> None:
    with opened(browser, url + PAGES[kind], mode="care") as page:
        assert violations(page, rules=["color-contrast-enhanced"]) == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", PAGES)
def test_reflow_at_320_css_pixels(browser, url: str, kind: str, mode: str) -> None:
    assert reflow_faults(browser, url + PAGES[kind], mode) == []


METRICS = r"""
const table = document.querySelector('.rectify-metrics__table');
const cells = [...table.querySelectorAll('th, td')].filter((c) => c.getBoundingClientRect().width > 0);
const px = (v) => parseFloat(v);
const header = [...table.querySelectorAll('thead th')];
const border = (el) => px(getComputedStyle(el).borderTopWidth);
return {
  bordered: cells.every((c) => border(c) >= 1 || border(c.parentElement) >= 1),
  padded: cells.every((c) => px(getComputedStyle(c).paddingLeft) >= 4),
  headerLines: header.filter((h) => h.getBoundingClientRect().width > 2).map((h) => {
    const range = document.createRange();
    range.selectNodeContents(h);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  }),
  labels: [...table.querySelectorAll('tbody tr:first-child .rectify-metrics__label')]
    .map((l) => l.getBoundingClientRect().width > 2),
  wide: table.scrollWidth > table.parentElement.clientWidth + 1,
};
"""


@pytest.mark.parametrize("mode", MODES)
def test_the_metrics_table_has_borders_and_padding_and_reflows(browser, url: str, mode: str) -> None:
    with opened(browser, url + PAGES["metrics"], mode=mode) as page:
        wide = run(page, METRICS)
        assert wide["bordered"] and wide["padded"]
        assert wide["headerLines"] and max(wide["headerLines"]) == 1  # a header never wraps
        assert wide["labels"] == [False] * 4  # the column names in the cells are for read-aloud only
    with opened(browser, url + PAGES["metrics"], mode=mode, width=320, height=640) as page:
        narrow = run(page, METRICS)
        assert narrow["bordered"] and narrow["padded"]
        assert narrow["labels"] == [True] * 4  # each value under its column's name
        assert not narrow["wide"]  # a card per figure, nothing to scroll


CHART = r"""
const parts = [...document.querySelectorAll('.rectify-chart__bar .rectify-chart__part')];
return parts.map((g) => {
  const fill = g.querySelector('.rectify-chart__fill');
  const hatch = g.querySelector('.rectify-chart__hatch');
  return {
    status: g.dataset.status,
    fill: getComputedStyle(fill).fill,
    hatch: hatch ? getComputedStyle(hatch).fill : null,
    width: fill.getBoundingClientRect().width,
  };
});
"""


def test_the_chart_tells_statuses_apart_without_colour(browser, url: str) -> None:
    with opened(browser, url + "/", forced_colors="active") as page:
        parts = run(page, CHART)
    assert [p["status"] for p in parts] == ["completed", "ongoing", "in_progress", "not_done"]
    assert all(p["width"] > 4 for p in parts)
    # In forced colours every part but the first is the same colour: each has its own pattern.
    patterns = [p["hatch"] for p in parts[1:]]
    assert all(patterns) and len(set(patterns)) == 3


def test_the_chart_is_read_as_its_words(browser, url: str) -> None:
    with opened(browser, url + "/") as page:
        tree = page.locator(".rectify-chart").aria_snapshot()
    assert "已完成 2 个（28.6%）" in tree and "逾期" in tree
    assert "img" not in tree  # the drawing is hidden; its words are read
