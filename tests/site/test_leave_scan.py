"""The fast scan that finds leaving links reads a page exactly as html.parser does: the same rewritten
page and the same destinations, on every page of the demo and of the hostile site and on random
documents; and it reads the plain HTML that pages are made of, so that the builds use it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import hostile
from support.builds import ROOT, Build, build_site, write_tree
from support.fuzzing import fuzz, no_time_limit_when_long

from mkdocs_rectify import leave
from mkdocs_rectify.leave import Destination, LeavePolicy, find_destinations, rewrite_links

pytestmark = no_time_limit_when_long()

POLICY = LeavePolicy(["rectify.example.gov"], ["*.gov.cn"])
HINT = "（将离开本站）"
NO_NOTICES = "      leave_site:\n        enabled: false\n"


def notice(destination: Destination) -> str:
    return f"../leave/{destination.key}/"


def both(source: str) -> tuple[tuple[str, list[str]], tuple[str, list[str]]]:
    """The page rewritten, and its destinations, as the scan and as html.parser read it."""
    read = []
    for parser in (False, True):
        result = rewrite_links(source, POLICY, notice, HINT, "zh-CN", parser=parser)
        found = [d.url for d in find_destinations(source, POLICY, parser=parser)]
        assert found == [d.url for d in result.destinations]
        read.append((result.html, found))
    return read[0], read[1]


def scanned(source: str) -> bool:
    return leave._scan(source, leave._Links(source, POLICY, notice, HINT, "zh-CN"))


def pages(build: Build) -> list[Path]:
    return sorted(p for p in build.site.rglob("*.html") if "pagefind" not in p.parts)


@pytest.fixture(scope="module")
def demo_unrewritten(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The demo site with its leaving links as the pages are made (no notices)."""
    project = tmp_path_factory.mktemp("demo-scan") / "project"
    project.mkdir()
    for name in ("content", "docs"):
        (project / name).symlink_to(ROOT / name)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"      leave_site:.*\n.*\n", NO_NOTICES, config, count=1)
    assert NO_NOTICES in config
    (project / "mkdocs.yml").write_text(config + "site_url: https://rectify.example.gov/\n", "utf-8")
    build = build_site(project, "--site-dir", str(project.parent / "site"))
    assert build.returncode == 0, build.output
    return Build(build.returncode, build.output, project.parent / "site")


@pytest.fixture(scope="module")
def hostile_unrewritten(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The hostile site with its leaving links as the pages are made (no notices)."""
    root = tmp_path_factory.mktemp("hostile-scan") / "project"
    config = hostile.config().replace('      leave_site:\n        allow: ["*.gov.cn"]\n', NO_NOTICES)
    assert NO_NOTICES in config
    write_tree(root, {"mkdocs.yml": config, **hostile.files()})
    build = build_site(root)
    assert build.returncode == 0, build.output
    return build


def test_the_demo_pages_are_scanned_and_read_as_html_parser_reads_them(demo_unrewritten: Build) -> None:
    leaving = 0
    for path in pages(demo_unrewritten):
        source = path.read_text("utf-8")
        assert scanned(source), path
        fast, reference = both(source)
        assert fast == reference, path
        leaving += len(fast[1])
    assert leaving  # the footer's credit, at least


def test_the_hostile_pages_are_read_as_html_parser_reads_them(hostile_unrewritten: Build) -> None:
    read = 0
    for path in pages(hostile_unrewritten):
        source = path.read_text("utf-8")
        fast, reference = both(source)
        assert fast == reference, path
        read += scanned(source)
    assert read == len(pages(hostile_unrewritten))  # the sanitiser writes plain HTML


PLAIN = [
    '<a href="https://x.example/">',
    '<a href=\'//y.example/p?q=1#f\' target="_blank" rel="noopener">',
    '<A HREF="HTTPS://Z.EXAMPLE/">',
    '<a href="&#104;ttps://e.example/">',
    '<a href="https&colon;//c.example/">',
    '<a href="https://www.gov.cn/">',
    '<a href="https://rectify.example.gov/">',
    '<a href="../page/">',
    '<a href="">',
    "<a href>",
    '<a title="标题" href="https://t.example/">',
    '<a aria-label="标签" href="https://l.example/">',
    '<a href="https://d.example/" data-rectify-leave="https://x.example/">',
    '<a href="https://h.example/" href="https://i.example/">',
    '<a\thref="https://tab.example/"\n>',
    '<a lang="en" href="https://en.example/">',
    "<a/>",
    '<a href="https://s.example/" />',
    "</a>",
    "</A >",
    "</a\n>",
    '<area href="https://a.example/" alt="图">',
    '<area href="https://a.example/"/>',
    '<svg viewBox="0 0 1 1">',
    "</svg>",
    '<a xlink:href="https://x.example/svg">',
    '<path d="M0 0"/>',
    "<textarea>",
    "</textarea>",
    "<title>",
    "</title>",
    "<math>",
    "</math>",
    '<span lang="en">',
    '<div LANG="fr-FR" class="x">',
    "</span>",
    "</div>",
    '<img alt="图" src="x.png">',
    '<img alt="">',
    '<p aria-label="说明">',
    "<br/>",
    "<br>",
    "<script>",
    '<script type="text/javascript">var a = "<a href=\'https://j.example/\'>";',
    "</script>",
    "</SCRIPT >",
    "<style>",
    "</ style >",
    "<!-- 注释 -->",
    "-->",
    "<!doctype html>",
    "<!DOCTYPE html>",
    "< a",
    "<3",
    "&amp;",
    "&nbsp;",
    "&lt;a href=&quot;https://n.example/&quot;&gt;",
    "链接",
    " ",
    "\n",
    '"',
    "'",
    ">",
    "=",
    "<div data-x=\"a>b\" class='y'>",
    '<a title="标题" href="https://t.example/">链接</a>',
    '<a title="标题" href="https://t.example/">&nbsp;</a>',
    '<a title="标题" href="https://t.example/"> <img alt="图"></a>',
    '<a title="标题" href="https://t.example/"><script>x</script></a>',
]
"""Pieces of the plain HTML the scan reads."""
ODD = [
    "<a href=https://u.example/>",
    '<a href="https://x.example/"title="t">',
    '<a\x0bhref="https://v.example/">',
    '<a href\u3000="https://w.example/">',
    "</ a>",
    "<!-- a -- > b -->",
    "<!--",
    "<!x>",
    "<![CDATA[x]]>",
    "<?pi?>",
    "<",
]
"""Pieces that html.parser reads in its own way, where the scan leaves the document to it."""


@fuzz(200)
@given(st.lists(st.sampled_from(PLAIN), max_size=40))
def test_random_plain_documents_are_read_as_html_parser_reads_them(pieces: list[str]) -> None:
    source = "".join(pieces)
    fast, reference = both(source)
    assert fast == reference


@fuzz(200)
@given(
    st.lists(st.sampled_from(PLAIN + ODD) | st.text("<>/\"'=&!-? \t\n\x0baAhref:", max_size=6), max_size=40)
)
def test_random_documents_are_read_as_html_parser_reads_them(pieces: list[str]) -> None:
    source = "".join(pieces)
    fast, reference = both(source)
    assert fast == reference
