"""Reading a built site back as text, the way the tests compare it with the notice."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

_SKIP = {"script", "style", "svg", "template"}
_PUNCT = re.compile(r"[\s\u3000,，.。;；:：!！?？、()（）“”\"'‘’《》<>\[\]【】·…—\-]+")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def site_text(site: Path) -> str:
    return "\n".join(html_text(p.read_text("utf-8")) for p in sorted(site.rglob("*.html")))


def squash(text: str) -> str:
    """Text without whitespace and punctuation: what must survive any typographic clean-up."""
    return _PUNCT.sub("", text)
