"""The Content-Security-Policy a built site works under, without ``'unsafe-inline'``.

The site's own scripts are files (``'self'``); Pagefind compiles its WebAssembly, which needs
``'wasm-unsafe-eval'`` when the site has a search bundle. An inline script that remains (one of
Material's optional features, or a site's own template) is allowed by the SHA-256 of its text, as
the browser computes it; data blocks (``<script type="application/json">``) do not run and need
none. What no hash can allow (an ``onclick`` attribute, a ``javascript:`` link, a ``style``
attribute) is reported, to be taken out of the templates.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from mkdocs_rectify.messages import Message

__all__ = ["HEADER", "CspError", "SitePolicy", "page_findings", "script_hash", "site_policy"]

HEADER = "Content-Security-Policy"

_JAVASCRIPT_TYPES = {
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
}
"""``type`` values of a script that runs (HTML: "JavaScript MIME type essence match"); others are data."""

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
_JAVASCRIPT_URL = re.compile(r"^[\x00-\x20]*javascript:", re.IGNORECASE)

# A fast first look at a page (literal searches in its lower-cased text): a page with none of these
# needs nothing beyond 'self' and is not parsed. Most pages are like that, and parsing them all
# would take a third of the build.
_SCRIPT_TAG = re.compile(r"<script\b[^>]*>")
_SCRIPT_SRC = re.compile(r"\ssrc\s*=")
_JSON_TYPE = re.compile(r"\stype\s*=\s*[\"']?application/json[\"'\s>]")
_HANDLER = re.compile(r"on[a-z]+\s*=")
_STYLE_ATTRIBUTE = re.compile(r"style\s*=")
_BEFORE_ATTRIBUTE = " \t\n\r\f\"'/"


class CspError(Exception):
    """The folder is not a built site: missing, or without any HTML page."""


def script_hash(text: str) -> str:
    """The CSP source that allows an inline script or style element holding ``text``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as the browser reads the page
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass
class PageFindings:
    """What one page holds that a policy must allow, or that no policy without 'unsafe-inline' can."""

    scripts: list[str] = field(default_factory=list)
    """The text of each inline script that runs."""
    styles: list[str] = field(default_factory=list)
    """The text of each <style> element."""
    unhashable: list[str] = field(default_factory=list)
    """Event handler attributes, javascript: URLs and style attributes, described."""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found = PageFindings()
        self._element: str | None = None  # "script" or "style" while inside one that counts
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.unhashable.append(Message("csp.event_handler", tag=tag, name=name))
            elif name == "style" and value:
                self.found.unhashable.append(Message("csp.style", tag=tag))
            elif name in _URL_ATTRIBUTES and value and _JAVASCRIPT_URL.match(value):
                self.found.unhashable.append(Message("csp.javascript_url", tag=tag, name=name))
        if tag == "script" and "src" not in values:
            if (values.get("type") or "").strip().lower() in _JAVASCRIPT_TYPES:
                self._element, self._text = "script", []
        elif tag == "style":
            self._element, self._text = "style", []

    def handle_data(self, data: str) -> None:
        if self._element is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._element:
            text = "".join(self._text)
            (self.found.scripts if tag == "script" else self.found.styles).append(text)
            self._element = None


def _may_need_more(html: str) -> bool:
    """Whether the page may hold an inline script or style, or what no hash allows (or more)."""
    text = html.lower()
    if "<style" in text or "javascript:" in text:
        return True
    for tag in _SCRIPT_TAG.finditer(text):
        if not _SCRIPT_SRC.search(tag.group()) and not _JSON_TYPE.search(tag.group()):
            return True
    for pattern in (_HANDLER, _STYLE_ATTRIBUTE):
        for match in pattern.finditer(text):
            if match.start() and text[match.start() - 1] in _BEFORE_ATTRIBUTE:
                return True
    return False


def page_findings(html: str) -> PageFindings:
    """The inline scripts and styles of a page, and what in it no hash can allow."""
    if not _may_need_more(html):
        return PageFindings()
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.found


@dataclass(frozen=True)
class SitePolicy:
    """The policy a built site needs."""

    script_hashes: list[str]
    style_hashes: list[str]
    webassembly: bool
    """The site has a Pagefind bundle, whose WebAssembly needs 'wasm-unsafe-eval'."""
    unhashable: list[str]
    """``page: what`` for each thing no hash can allow; empty on a site built by rectify alone."""
    pages: int

    def directives(self) -> list[tuple[str, list[str]]]:
        script = ["'self'", *(["'wasm-unsafe-eval'"] if self.webassembly else []), *self.script_hashes]
        return [
            ("default-src", ["'self'"]),
            ("script-src", script),
            # Material sets styles from its scripts (CSSOM), which a policy does not restrict.
            ("style-src", ["'self'", *self.style_hashes]),
            ("img-src", ["'self'", "data:"]),  # Material's icons in its style sheets are data: URLs
            ("font-src", ["'self'"]),
            ("connect-src", ["'self'"]),  # Pagefind's index, the traditional→simplified map
            ("object-src", ["'none'"]),
            ("base-uri", ["'self'"]),
            ("form-action", ["'self'"]),
            ("frame-ancestors", ["'self'"]),
        ]

    def header(self) -> str:
        """The value of the ``Content-Security-Policy`` header."""
        return "; ".join(" ".join([name, *sources]) for name, sources in self.directives())


def site_policy(site_dir: Path, *, bundle_dir: str = "pagefind") -> SitePolicy:
    """The policy for the built site in ``site_dir``, from every one of its HTML pages."""
    if not site_dir.is_dir():
        raise CspError(Message("csp.no_folder", path=site_dir))
    pages = sorted(site_dir.rglob("*.html"))
    if not pages:
        raise CspError(Message("csp.no_page", path=site_dir))
    scripts: set[str] = set()
    styles: set[str] = set()
    unhashable: list[str] = []
    for page in pages:
        try:
            html = page.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CspError(Message("csp.unreadable", path=page, error=str(error))) from None
        found = page_findings(html)
        scripts.update(script_hash(text) for text in found.scripts)
        styles.update(script_hash(text) for text in found.styles)
        where = page.relative_to(site_dir).as_posix()
        unhashable += [
            Message("csp.found", page=where, what=what) for what in dict.fromkeys(found.unhashable)
        ]
    return SitePolicy(
        script_hashes=sorted(scripts),
        style_hashes=sorted(styles),
        webassembly=(site_dir / bundle_dir / "pagefind.js").is_file(),
        unhashable=unhashable,
        pages=len(pages),
    )
