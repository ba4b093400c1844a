"""What a screen reader is given: Chromium's accessibility tree of every page type of the demo.

Landmarks are what a reader jumps between (Orca's ``d``, NVDA's ``d``): only what is worth jumping to is
one, each named so that the list of them reads as a table of contents. Headings give the outline. The
tree is read from Chromium through the DevTools protocol (``support.axtree``), as screen readers get it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.axtree import Node, tree
from support.builds import DEMO_ID, ROOT
from support.inpage import PAGES, opened

pytestmark = pytest.mark.browser

LOCALE = yaml.safe_load((ROOT / "mkdocs_rectify/locales/zh-CN.yml").read_text("utf-8"))
SITE_NAME = "海口市政务管理局巡察整改公开"
REPORT_TITLE = "中共海口市政务管理局党组关于巡察整改情况的通报"


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---")[1])


PROBLEMS = sorted((_front(p) for p in (ROOT / "content" / DEMO_ID).glob("*.md")), key=lambda p: p["number"])
HEADINGS = [LOCALE["problem"]["heading"].format(number=p["number"], title=p["title"]) for p in PROBLEMS]
LABELS = {code: label for code, label in LOCALE["status"].items()}
RESULT = LOCALE["section"]["status"]  # 整改结果

HEADER = [("banner", ""), ("search", LOCALE["search"]["box_label"])]
SIDEBAR = [("navigation", "导航栏")]
FOOTER = [("contentinfo", ""), ("navigation", LOCALE["a11y"]["footer"])]
TRAIL = ("navigation", LOCALE["breadcrumb"]["label"])

LANDMARKS = {
    "overview": [*HEADER, *SIDEBAR, ("main", ""), ("region", LOCALE["totals"]["heading"]), *FOOTER],
    "report": [
        *HEADER,
        *SIDEBAR,
        ("main", ""),
        ("region", LOCALE["report"]["summary_table"]),
        *(("region", heading) for heading in HEADINGS),
        ("region", LOCALE["report"]["contact"]),
        *FOOTER,
    ],
    "problem": [*HEADER, *SIDEBAR, ("main", ""), TRAIL, ("navigation", LOCALE["problem"]["pager"]), *FOOTER],
    "statement": [
        *HEADER,
        *SIDEBAR,
        ("main", ""),
        ("region", LOCALE["statement"]["feedback_title"]),
        *FOOTER,
    ],
    "not-found": [*HEADER, *SIDEBAR, ("main", ""), *FOOTER],
    "about": [*HEADER, *SIDEBAR, ("navigation", "目录"), ("main", ""), *FOOTER],
    "search": [
        ("banner", ""),
        *SIDEBAR,
        ("main", ""),
        ("search", LOCALE["search"]["title"]),
        ("region", LOCALE["search"]["results"]),
        *FOOTER,
    ],
    "browse": [*HEADER, *SIDEBAR, ("main", ""), TRAIL, *FOOTER],
    "year": [*HEADER, *SIDEBAR, ("main", ""), TRAIL, *FOOTER],
}
"""Every landmark of each page type, in document order: (role, name)."""


@pytest.fixture(scope="module")
def trees(browser, demo_url: str) -> dict[str, Node]:
    """The accessibility tree of each page type, read once."""
    found = {}
    for kind, path in PAGES.items():
        with opened(browser, demo_url + path) as page:
            found[kind] = tree(page)
    return found


def main_of(root: Node) -> Node:
    (main,) = root.find_all(lambda n: n.role == "main")
    return main


@pytest.mark.parametrize("kind", PAGES)
def test_landmarks_are_the_places_a_reader_jumps_to(trees: dict[str, Node], kind: str) -> None:
    """Regions only for each problem (named with it), the statistics and the contact; nothing else (the
    breadcrumb, 当前位置, is a navigation landmark)."""
    assert trees[kind].landmarks() == LANDMARKS[kind], trees[kind].outline()


@pytest.mark.parametrize("kind", PAGES)
def test_navigation_landmarks_are_outside_main_and_hold_links(trees: dict[str, Node], kind: str) -> None:
    """No empty 目录, no header navigation without links; the site navigation is not part of the content."""
    root = trees[kind]
    for nav in root.find_all(lambda n: n.role == "navigation"):
        assert nav.name and nav.find_all(lambda n: n.role == "link"), f"an empty navigation: {nav.outline()}"
    assert not root.find_all(lambda n: n.role == "banner")[0].find_all(lambda n: n.role == "navigation")
    inside = [n.name for n in main_of(root).walk() if n.role == "navigation"]
    assert "导航栏" not in inside and "目录" not in inside


@pytest.mark.parametrize("kind", PAGES)
def test_the_site_name_is_heard_once_before_the_content(trees: dict[str, Node], kind: str) -> None:
    root = trees[kind]
    before: list[str] = []
    for node in root.walk():
        if node.role == "main":
            break
        if node is not root and node.role != "InlineTextBox":
            before.append(node.name)
    assert sum(SITE_NAME in text for text in before) == 1, [t for t in before if SITE_NAME in t]


def test_the_statistics_are_one_region_with_a_table_of_its_own_name(trees: dict[str, Node]) -> None:
    """统计 is announced once: no region inside the region, and the table's caption says what it counts."""
    (statistics,) = trees["report"].find_all(
        lambda n: n.role == "region" and n.name == LOCALE["report"]["summary_table"]
    )
    inner = [n for n in statistics.walk() if n.role == "region" and n is not statistics]
    assert inner == []
    (table,) = statistics.find_all(lambda n: n.role == "table")
    assert table.name and table.name != statistics.name


def test_no_region_is_inside_another(trees: dict[str, Node]) -> None:
    for kind, root in trees.items():
        for region in root.find_all(lambda n: n.role == "region"):
            nested = [n.name for n in region.walk() if n.role == "region" and n is not region]
            assert nested == [], (kind, region.name, nested)


def outline(root: Node) -> list[tuple[int, str]]:
    return [(level, name) for level, name in main_of(root).headings()]


SECTIONS = [LOCALE["section"][name] for name in ("statement", "measures", "results", "next_steps", "status")]


def test_heading_outline_of_a_problem(trees: dict[str, Node]) -> None:
    assert outline(trees["problem"]) == [(1, HEADINGS[0]), *((2, s) for s in SECTIONS)]


def test_heading_outline_of_the_report(trees: dict[str, Node]) -> None:
    headings = outline(trees["report"])
    report = LOCALE["report"]
    assert [h for h in headings if h[0] <= 2][:4] == [
        (1, REPORT_TITLE),
        (2, report["summary_table"]),
        (2, report["problems"]),
        (2, report["full_text"]),
    ]
    full_text = headings[headings.index((2, report["full_text"])) :]
    assert [name for level, name in full_text if level == 3] == HEADINGS
    assert {name for level, name in headings if level == 4} == set(SECTIONS)
    assert headings[-2:] == [(2, report["contact"]), (2, report["open_data"])]


def test_heading_outline_of_the_overview_and_the_statement(trees: dict[str, Node]) -> None:
    assert outline(trees["overview"]) == [
        (1, LOCALE["overview"]["title"]),
        (2, LOCALE["totals"]["heading"]),
        (2, LOCALE["latest"]["heading"]),
        (3, REPORT_TITLE),
        (2, LOCALE["years"]["heading"]),
        (2, LOCALE["browse"]["title"]),
    ]
    statement = outline(trees["statement"])
    assert statement[0] == (1, LOCALE["statement"]["title"])
    assert statement[1][0] == 2 and all(level in (2, 3) for level, _ in statement[1:])


def texts(node: Node) -> list[str]:
    return [n.name for n in node.walk() if n.role == "StaticText"]


def badge_readings(root: Node) -> list[tuple[str, str, str]]:
    """Each status label heard in the content outside tables: (text before, label, text after)."""
    read: list[tuple[str, str, str]] = []
    cells = {id(n) for c in root.find_all(lambda n: n.role in ("cell", "rowheader")) for n in c.walk()}
    flat = [n for n in main_of(root).walk() if n.role == "StaticText"]
    for i, node in enumerate(flat):
        if node.name.strip() in LABELS.values() and id(node) not in cells:
            before = flat[i - 1].name if i else ""
            after = flat[i + 1].name if i + 1 < len(flat) else ""
            read.append((before, node.name.strip(), after))
    return read


@pytest.mark.parametrize("kind", ["problem", "report", "overview"])
def test_a_status_is_heard_as_the_result_of_rectification(trees: dict[str, Node], kind: str) -> None:
    """A badge is read "整改结果：已完成", never a bare "已完成" (inside tables the column header says it)."""
    readings = badge_readings(trees[kind])
    assert readings
    assert [r for r in readings if not r[0].endswith(f"{RESULT}：")] == []


def test_the_problem_page_status_reads_in_full(trees: dict[str, Node]) -> None:
    status = LABELS[PROBLEMS[0]["status"]]
    (paragraph,) = [
        n
        for n in main_of(trees["problem"]).walk()
        if n.role == "paragraph" and "rectify-problem__status" in n.attributes.get("class", "")
    ]
    assert "".join(texts(paragraph)) == f"{RESULT}：{status}"


@pytest.mark.parametrize(
    "kind, current",
    [("overview", LOCALE["overview"]["title"]), ("report", REPORT_TITLE), ("about", "关于本站")],
)
def test_the_current_page_is_marked_in_the_navigation(
    trees: dict[str, Node], kind: str, current: str
) -> None:
    (sidebar,) = trees[kind].find_all(lambda n: n.role == "navigation" and n.name == "导航栏")
    marked = [n.name for n in sidebar.walk() if n.role == "link" and n.attributes.get("aria-current")]
    assert marked == [current]
    (link,) = [n for n in sidebar.walk() if n.role == "link" and n.name == current]
    assert link.attributes["aria-current"] == "page"


@pytest.mark.parametrize("kind", ["problem", "statement", "search", "not-found"])
def test_a_page_outside_the_navigation_marks_no_link_of_it(trees: dict[str, Node], kind: str) -> None:
    (sidebar,) = trees[kind].find_all(lambda n: n.role == "navigation" and n.name == "导航栏")
    assert [n.name for n in sidebar.walk() if n.attributes.get("aria-current")] == []
