"""The examples of the documentation, read from the Markdown that shows them.

A fenced block is an example when an HTML comment right before it says what it is (the comment is
invisible on GitHub and in the guide):

- ``<!-- tutorial: file PATH -->``, ``run``, ``serve``, ``publish``: a step of the tutorial;
- ``<!-- example: front-matter -->``, ``report``, ``mkdocs.yml``, ``plugin`` (the ``rectify``
  options, in ``plugins: - rectify:`` form): a file of a site, validated or built by a test;
- ``<!-- example: validate -->``: ``$ mkdocs-rectify …`` commands and what they print, run by a test;
- ``<!-- example: none -->``: a fragment on purpose (a wrong value, say), left out.
"""

from __future__ import annotations

import re
import textwrap
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "guide"

_BLOCK = re.compile(
    r"(?:^[ \t]*<!--\s*(?P<marker>(?:tutorial|example):[^>]*?)\s*-->\n)?"
    r"^(?P<indent>[ \t]*)(?P<fence>```+|~~~+)(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


@dataclass(frozen=True)
class Block:
    """One fenced block of a Markdown file, with the example marker before it, if any."""

    path: Path
    line: int
    language: str
    body: str
    marker: str | None

    @property
    def kind(self) -> str | None:
        """``tutorial`` or ``example`` (None when unmarked)."""
        return self.marker.split(":", 1)[0] if self.marker else None

    @property
    def words(self) -> list[str]:
        """What the marker says after its colon (``["file", "mkdocs.yml"]``)."""
        return self.marker.split(":", 1)[1].split() if self.marker else []

    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks(path: Path) -> list[Block]:
    """Every fenced block of a Markdown file, in order."""
    text = path.read_text("utf-8")
    found = []
    for match in _BLOCK.finditer(text):
        line = text.count("\n", 0, match.start("fence")) + 1
        language = match["info"].strip().split(" ")[0].strip("{}.")
        body = textwrap.dedent(match["body"]) if match["indent"] else match["body"]
        found.append(Block(path, line, language, body, match["marker"]))
    return found


def documents() -> list[Path]:
    """The Markdown that shows examples: the README, the guide (both languages), ARCHITECTURE.md."""
    return sorted([ROOT / "README.md", ROOT / "ARCHITECTURE.md", *GUIDE.glob("*/**/*.md")])


def tutorial(language: str) -> list[Block]:
    """The steps of the tutorial of the guide in ``language`` (``zh`` or ``en``)."""
    return [b for b in blocks(GUIDE / language / "tutorial.md") if b.kind == "tutorial"]


def version() -> str:
    """The package's version, as ``pyproject.toml`` gives it."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
