"""Links that leave the site, and the rewriting that sends them through a notice (即将离开本网站).

Government sites must tell readers before they leave for another site. A link *leaves* when it
is an absolute web address (``http``, ``https``, ``ftp`` or scheme-relative ``//host``) whose host
is neither one of the site's own hosts nor allowed by the site (``leave_site.allow``). ``mailto:``,
``tel:`` and every other scheme do not leave for another web site and are never touched; in
particular ``javascript:`` and ``data:`` links are left as they are (they do not leave the site,
and wrapping them in a notice would make the notice's 继续访问 link run them; the content's
sanitiser never lets them through).

Hosts are compared as browsers reach them: in their ASCII form (IDNA, ``xn--…``), so that
``www.gοv.cn`` with a Greek ο is not ``www.gov.cn``, and an allowed host written in Chinese
(``*.政府.cn``) matches its ASCII form. The notice shows a host that is not plain ASCII in both
forms (:attr:`Destination.ascii_host`).

:func:`rewrite_links` rewrites each leaving ``<a>`` (and ``<area>``, and an SVG ``<a>`` that has
only ``xlink:href``) of a page's HTML:

* ``href`` points to the static notice page of its destination (works without JavaScript),
* ``data-rectify-leave`` holds the real address (``leave.js`` opens a dialog with it),
* ``target`` is removed (no new tab or window),
* a visually hidden hint (（将离开本站）) is added to the link text for screen-reader users.

Links inside ``<code>`` and ``<pre>`` are links like any other. Only inside ``<textarea>`` and
``<title>``, whose content browsers read as text (outside SVG and MathML), is nothing rewritten.
The module imports nothing from MkDocs.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import idna

__all__ = [
    "Destination",
    "LeavePolicy",
    "RewriteResult",
    "ascii_host",
    "find_destinations",
    "host_matches",
    "insert_before_body_end",
    "rewrite_links",
]

LEAVING_SCHEMES = frozenset({"http", "https", "ftp"})
TEXT_ONLY = frozenset({"textarea", "title"})
"""Elements whose content browsers read as text, not markup (in HTML; not in SVG or MathML)."""
FOREIGN = frozenset({"svg", "math"})
VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input",
    "link", "meta", "param", "source", "track", "wbr",
})  # fmt: skip
HINT_CLASS = "rectify-leave__hint"
DATA_ATTRIBUTE = "data-rectify-leave"

# What browsers strip or ignore in an href before parsing it (WHATWG URL): leading and trailing
# C0 controls and spaces, and tabs and newlines anywhere.
_EDGE = "".join(chr(i) for i in range(0x21))
_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):(.*)$", re.S)
_DOTS = re.compile("[.\u3002\uff0e\uff61]")
"""The full stops that browsers read as dots between the labels of a host name."""


def ascii_host(host: str) -> str:
    """The host as browsers look it up: lower case, IDNA (UTS 46) labels in ``xn--`` form.

    ``www.gοv.cn`` (Greek ο) → ``www.xn--gv-jbc.cn``; ``ＷＷＷ.gov。cn`` → ``www.gov.cn``. A name that
    IDNA 2008 refuses (``a_b.example``) is converted label by label as IDNA 2003 does."""
    host = host.strip().rstrip(".")
    if not host or host.startswith("["):  # an IPv6 address
        return host.lower()
    try:
        return idna.encode(host, uts46=True, transitional=False).decode("ascii").lower()
    except (idna.IDNAError, UnicodeError, ValueError):
        labels = []
        for label in _DOTS.split(host):
            try:
                labels.append(label.encode("idna").decode("ascii"))
            except UnicodeError:
                labels.append(label)
        return ".".join(labels).lower()


@dataclass(frozen=True)
class Destination:
    """Where a leaving link goes: the address the notice continues to, and the host it names."""

    url: str
    host: str
    """The host as written in the address (percent-escapes decoded), which may hold any letters."""

    @cached_property
    def ascii_host(self) -> str:
        """The host as browsers reach it (``xn--…`` for names that are not plain ASCII)."""
        return ascii_host(self.host)

    @property
    def key(self) -> str:
        """A stable name for the notice page of this address (the same in every build)."""
        return hashlib.sha256(self.url.encode("utf-8")).hexdigest()[:16]


def host_matches(host: str, pattern: str) -> bool:
    """Whether ``host`` is allowed by ``pattern``: ``example.org`` exactly, ``*.example.org`` also
    any of its sub-domains (``a.example.org``, ``a.b.example.org``) and ``example.org`` itself.

    Both are compared in their ASCII form (:func:`ascii_host`)."""
    host = ascii_host(host)
    pattern = pattern.strip()
    if not host or not pattern:
        return False
    if pattern.startswith("*."):
        suffix = ascii_host(pattern[2:]) if pattern[2:].strip(".") else ""
        return bool(suffix) and (host == suffix or host.endswith("." + suffix))
    return host == ascii_host(pattern)


class LeavePolicy:
    """Decides which addresses leave the site.

    ``site_hosts`` are the site's own hosts (from ``site_url``); ``allow`` holds host patterns
    (see :func:`host_matches`) that readers may follow without a notice.
    """

    def __init__(self, site_hosts: Iterable[str] = (), allow: Iterable[str] = ()) -> None:
        self.site_hosts = frozenset(ascii_host(h) for h in site_hosts if h)
        self.allow = tuple(p for p in allow if p.strip())

    def destination(self, href: str) -> Destination | None:
        """The destination of ``href`` if following it leaves the site, else ``None``."""
        url = _TAB_NEWLINE.sub("", href.strip(_EDGE))
        match = _SCHEME.match(url)
        if match:
            scheme, rest = match.group(1).lower(), match.group(2)
            if scheme not in LEAVING_SCHEMES:
                return None
        elif url[:2] in ("//", "\\\\", "/\\", "\\/"):
            scheme, rest = "", url
        else:
            return None  # a relative link stays on the site
        # Browsers read backslashes as slashes in web addresses, and any number of slashes after
        # the scheme (https:/x, or https:x from a page of another scheme); normalise as they do.
        rest = rest.lstrip("/\\")
        end = min([len(rest), *(i for i in (rest.find(c) for c in "/\\?#") if i != -1)])
        authority, tail = rest[:end], rest[end:]
        cut = min([len(tail), *(i for i in (tail.find(c) for c in "?#") if i != -1)])
        # A scheme-relative address takes the page's scheme; the notice needs an absolute
        # address, and https is what a government site serves.
        url = f"{scheme or 'https'}://{authority}{tail[:cut].replace(chr(92), '/')}{tail[cut:]}"
        try:
            host = urlsplit(url).hostname
        except ValueError:
            return None  # not a valid address: a browser cannot follow it either
        host = unquote((host or "").rstrip("."))
        if not host:
            return None
        reached = ascii_host(host)
        if reached in self.site_hosts or any(host_matches(reached, p) for p in self.allow):
            return None
        return Destination(url=url, host=host)


@dataclass
class RewriteResult:
    """The rewritten HTML and the destinations its leaving links go to, in document order."""

    html: str
    destinations: list[Destination] = field(default_factory=list)


@dataclass
class _Anchor:
    destination: Destination
    tag_end: int
    title: str | None
    named: bool = False
    """Whether the link has content that names it (text, an image with alt text, an aria-label)."""
    lang: str | None = None
    """The language of the link's text, from its own ``lang`` or the nearest element's."""


class _Rewriter(HTMLParser):
    def __init__(
        self,
        source: str,
        policy: LeavePolicy,
        href_for: Callable[[Destination], str],
        hint: str,
        hint_lang: str | None,
    ) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.policy = policy
        self.href_for = href_for
        self.hint = hint
        self.hint_lang = hint_lang
        self.edits: list[tuple[int, int, str]] = []
        self.destinations: dict[str, Destination] = {}
        self.open: list[str] = []
        self.langs: list[str | None] = []
        """The ``lang`` attribute of each open element, if it has one."""
        self.anchor: _Anchor | None = None
        self.svg_depth = 0
        self._lines = [0]
        for m in re.finditer("\n", source):
            self._lines.append(m.end())

    # -- positions --------------------------------------------------------------------------
    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    # -- parser events ----------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <a/> is not self-closing in HTML; only void and foreign elements are.
        self._start(tag, attrs, self_closing=tag != "a" or self.svg_depth > 0)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._close_anchor(self._offset())
        if tag == "svg" and self.svg_depth:
            self.svg_depth -= 1
        if tag in self.open:
            while self.open:
                self.langs.pop()
                if self.open.pop() == tag:
                    break

    def handle_data(self, data: str) -> None:
        if self.anchor is not None and data.strip():
            self.anchor.named = True

    def close(self) -> None:
        super().close()
        self.anchor = None  # an <a> never closed gets no hint: there is no safe place for it

    # -- work -------------------------------------------------------------------------------
    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, self_closing: bool) -> None:
        start = self._offset()
        if self.anchor is not None and tag == "img" and (dict(attrs).get("alt") or "").strip():
            self.anchor.named = True
        if self.anchor is not None and (dict(attrs).get("aria-label") or "").strip():
            self.anchor.named = True
        if tag == "a":
            self._close_anchor(start)  # a new <a> closes the open one, as browsers do
        if tag in ("a", "area") and not self._in_text():
            self._link(tag, attrs, start, self_closing=self_closing)
        if tag == "svg" and not self_closing:
            self.svg_depth += 1
        if tag not in VOID and not self_closing:
            self.open.append(tag)
            self.langs.append(dict(attrs).get("lang"))

    def _in_text(self) -> bool:
        """Whether the parser is inside an element whose content browsers read as text."""
        foreign = False
        for tag in self.open:
            foreign = foreign or tag in FOREIGN
            if tag in TEXT_ONLY and not foreign:
                return True
        return False

    def _link(self, tag: str, attrs: list[tuple[str, str | None]], start: int, *, self_closing: bool) -> None:
        names = [name for name, _ in attrs]
        # An SVG link may name its address in xlink:href alone (href wins when it has both).
        address = "xlink:href" if self.svg_depth and "href" not in names and "xlink:href" in names else "href"
        if DATA_ATTRIBUTE in names or f"{DATA_ATTRIBUTE}-continue" in names or address not in names:
            return
        href = next(value for name, value in attrs if name == address) or ""
        destination = self.policy.destination(href)
        if destination is None:
            return
        self.destinations.setdefault(destination.url, destination)
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        if self.source[start:end] != raw:  # never edit where the parser's idea of the source differs
            return
        label_hint = tag == "area" or self.svg_depth > 0
        out: list[tuple[str, str | None]] = []
        seen_href = False
        for name, value in attrs:
            if name == "target":
                continue
            if name == address:
                if seen_href:
                    continue
                seen_href = True
                out.append((address, self.href_for(destination)))
                out.append((DATA_ATTRIBUTE, destination.url))
                continue
            if label_hint and name in ("alt", "aria-label") and value:
                value = value + self.hint
            out.append((name, value))
        self.edits.append((start, end, _start_tag(tag, out, self_closing=self_closing and tag != "a")))
        if tag == "a" and not label_hint and not self_closing:
            attributes = dict(attrs)
            lang = attributes.get("lang") or next((x for x in reversed(self.langs) if x), None)
            self.anchor = _Anchor(
                destination,
                end,
                attributes.get("title"),
                named=bool((attributes.get("aria-label") or "").strip()),
                lang=lang,
            )

    def _close_anchor(self, position: int) -> None:
        anchor, self.anchor = self.anchor, None
        if anchor is None:
            return
        text = self.hint
        if not anchor.named and anchor.title and anchor.title.strip():
            text = anchor.title.strip() + self.hint
        # In a passage of another language (lang="en" around "Made with …"), the hint says in
        # which language it is, so that screen readers pronounce it right.
        lang = ""
        if self.hint_lang and anchor.lang and _primary(anchor.lang) != _primary(self.hint_lang):
            lang = f' lang="{html.escape(self.hint_lang)}"'
        span = f'<span class="{HINT_CLASS}"{lang} data-pagefind-ignore>{html.escape(text)}</span>'
        self.edits.append((position, position, span))


def _primary(lang: str) -> str:
    return lang.strip().lower().replace("_", "-").split("-")[0]


def _start_tag(tag: str, attrs: list[tuple[str, str | None]], *, self_closing: bool) -> str:
    parts = [tag]
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
    return "<" + " ".join(parts) + (" />" if self_closing else ">")


def rewrite_links(
    source: str,
    policy: LeavePolicy,
    href_for: Callable[[Destination], str],
    hint: str,
    hint_lang: str | None = None,
) -> RewriteResult:
    """Rewrite the leaving links of an HTML document (see the module's docstring).

    ``href_for`` gives the address of a destination's notice page as seen from this document;
    ``hint`` is the visually hidden text added to each leaving link (e.g. ``（将离开本站）``), in
    the language ``hint_lang`` (marked where the link sits in a passage of another language).
    """
    parser = _Rewriter(source, policy, href_for, hint, hint_lang)
    parser.feed(source)
    parser.close()
    if not parser.edits:
        return RewriteResult(source, [])
    pieces: list[str] = []
    cursor = 0
    for start, end, replacement in sorted(parser.edits, key=lambda e: (e[0], e[1])):
        if start < cursor:  # overlapping edits cannot happen with a consistent parse; be safe
            continue
        pieces.append(source[cursor:start])
        pieces.append(replacement)
        cursor = end
    pieces.append(source[cursor:])
    return RewriteResult("".join(pieces), list(parser.destinations.values()))


def find_destinations(source: str, policy: LeavePolicy) -> list[Destination]:
    """The destinations of the leaving links of some HTML (a page, a fragment, a template), in
    document order: the links :func:`rewrite_links` would rewrite."""
    parser = _Rewriter(source, policy, lambda destination: "", "", None)
    parser.feed(source)
    parser.close()
    return list(parser.destinations.values())


def insert_before_body_end(document: str, fragment: str) -> str:
    """``fragment`` placed just before the document's last ``</body>`` (or at its end)."""
    at = document.lower().rfind("</body>")
    return document + fragment if at == -1 else document[:at] + fragment + document[at:]
