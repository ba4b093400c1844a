"""Reading HTML as a browser would act on it: which elements and attributes could run a script,
load from another host or steer the site's scripts. Shared by the sanitiser and site tests."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from support.payloads import EVIL

URL_ATTRIBUTES = (
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "srcdoc",
    "data",
    "poster",
    "background",
)
RUNNING_ELEMENTS = frozenset({
    "script", "iframe", "frame", "object", "embed", "applet", "base", "form", "svg", "math", "style",
    "link", "meta", "input", "button", "textarea", "select", "template", "noscript",
})  # fmt: skip
"""Elements that content must never bring into a page."""
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: dict[str, str]
    inside: tuple[Element, ...]
    """The open elements around it, outermost first."""

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def within(self, css_class: str) -> bool:
        return any(css_class in e.classes for e in self.inside)


class Document(HTMLParser):
    """Every start tag with its attributes and the elements around it; each piece of text with the
    element it is in; the text of ``<title>`` and of each ``<script>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.texts: list[tuple[str, Element | None]] = []
        self.title = ""
        self.scripts: list[tuple[str, Element]] = []
        """The text of each ``<script>`` and the element."""
        self._open: list[Element] = []

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.texts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, tuple(self._open))
        self.elements.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {k: v or "" for k, v in attrs}, tuple(self._open)))

    def handle_endtag(self, tag: str) -> None:
        if any(e.tag == tag for e in self._open):
            while self._open.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        parent = self._open[-1] if self._open else None
        if parent is not None and parent.tag == "title":
            self.title += data
        if parent is not None and parent.tag == "script":
            self.scripts.append((data, parent))
            return
        self.texts.append((data, parent))


def parse(html: str) -> Document:
    document = Document()
    document.feed(html)
    document.close()
    return document


def scriptish(value: str) -> bool:
    """Whether a URL runs a script or carries a document when followed, as a browser reads it."""
    return bool(re.match(r"(javascript|vbscript|data):", re.sub(r"[\x00-\x20]", "", value), re.I))


def remote(value: str) -> bool:
    """Whether a browser fetches ``value`` from an address of its own rather than from this site."""
    value = re.sub(r"[\t\n\r]", "", value.strip("".join(chr(i) for i in range(0x21))))
    return bool(re.match(r"[a-zA-Z][a-zA-Z0-9+.\-]*:", value)) or value[:2] in ("//", "\\\\", "/\\", "\\/")


def dangers(html: str, *, running: frozenset[str] = RUNNING_ELEMENTS) -> list[str]:
    """What in ``html`` could run a script or reach another host, in words (empty when nothing).

    ``running`` are the elements not to be found at all (content: all of them; a whole page holds
    the site's own scripts, forms and icons)."""
    found = []
    for element in parse(html).elements:
        where = f"<{element.tag}> in {'/'.join(e.tag for e in element.inside[-3:])}"
        if element.tag in running:
            found.append(f"{where}: element")
        if element.tag == "meta" and "http-equiv" in element.attrs:
            found.append(f"{where}: http-equiv")
        for name, value in element.attrs.items():
            runs = name.startswith("on") or (name in URL_ATTRIBUTES and scriptish(value))
            loads = name in URL_ATTRIBUTES and name != "href" and (remote(value) or EVIL in value)
            if runs or loads or (name == "style" and "url(" in value):
                found.append(f"{where}: {name}={value!r}")
    return found
