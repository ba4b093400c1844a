"""ARCHITECTURE.md and the README's layout section match the tree: every path they name exists, in
the repository or the package (a template or a component's file where they are found), or is one
the build writes, as the code names it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from support.docs import ROOT

from mkdocs_rectify import components, manifest, pages

PACKAGE = ROOT / "mkdocs_rectify"
NAMED = re.compile(r"`([^`\s]+(?:/|\.(?:py|html|css|js|md|yml|json)))`")
"""A path in a document: in backticks, a folder (ends in /) or a file of the kinds the layout names."""

PUBLISHED = {components.STYLESHEET, manifest.MANIFEST_PATH, f"{pages.BROWSE_DIR}/", f"{pages.YEARS_DIR}/"}
"""Paths of the published site that the documents name."""


def places() -> list[Path]:
    """Where a document's path may start: the repository, its tests, the package, its page templates
    and each component's folder."""
    folders = [path for path in sorted((PACKAGE / "components").iterdir()) if path.is_dir()]
    templates = PACKAGE / "templates"
    return [ROOT, ROOT / "tests", PACKAGE, templates, templates / "rectify", PACKAGE / "components", *folders]


def missing(text: str) -> list[str]:
    """The paths ``text`` names that exist nowhere (``<name>`` stands for any name)."""
    found = []
    for path in NAMED.findall(text):
        pattern = re.sub(r"<[^>]+>", "*", path).rstrip("/")
        if path not in PUBLISHED and not any(any(place.glob(pattern)) for place in places()):
            found.append(path)
    return found


def layout_section(readme: str) -> str:
    return readme.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize(
    ("document", "section"),
    [("ARCHITECTURE.md", lambda text: text), ("README.md", layout_section)],
    ids=["ARCHITECTURE.md", "README.md-layout"],
)
def test_every_path_the_documents_name_exists(document: str, section: Callable[[str], str]) -> None:
    assert missing(section((ROOT / document).read_text("utf-8"))) == []


def test_a_path_that_is_gone_is_found() -> None:
    text = "`views/site.py`, `views/gone.py`, `components/<name>/`, `rectify/gone.html`, `data/manifest.json`"
    assert missing(text) == ["views/gone.py", "rectify/gone.html"]
