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


class _Links:
    """What rewriting does with the tags and the text of a document, in document order, whichever
    reader (:class:`_Parser` or :func:`_scan`) finds them."""

    def __init__(
        self,
        source: str,
        policy: LeavePolicy,
        href_for: Callable[[Destination], str],
        hint: str,
        hint_lang: str | None,
    ) -> None:
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

    # -- events -----------------------------------------------------------------------------
    def start(
        self, tag: str, attrs: list[tuple[str, str | None]], start: int, raw: str, *, empty: bool
    ) -> None:
        """A start tag at ``start``, written ``raw``; ``empty`` when it ends with ``/>``."""
        # <a/> is not self-closing in HTML; only void and foreign elements are.
        self_closing = empty and (tag != "a" or self.svg_depth > 0)
        if self.anchor is not None and tag == "img" and (dict(attrs).get("alt") or "").strip():
            self.anchor.named = True
        if self.anchor is not None and (dict(attrs).get("aria-label") or "").strip():
            self.anchor.named = True
        if tag == "a":
            self._close_anchor(start)  # a new <a> closes the open one, as browsers do
        if tag in ("a", "area") and not self._in_text():
            self._link(tag, attrs, start, raw, self_closing=self_closing)
        if tag == "svg" and not self_closing:
            self.svg_depth += 1
        if tag not in VOID and not self_closing:
            self.open.append(tag)
            self.langs.append(dict(attrs).get("lang"))

    def end(self, tag: str, position: int) -> None:
        """An end tag at ``position``."""
        if tag == "a":
            self._close_anchor(position)
        if tag == "svg" and self.svg_depth:
            self.svg_depth -= 1
        if tag in self.open:
            while self.open:
                self.langs.pop()
                if self.open.pop() == tag:
                    break

    def data(self, data: str) -> None:
        """Text (character references read)."""
        if self.anchor is not None and data.strip():
            self.anchor.named = True

    def finish(self) -> None:
        self.anchor = None  # an <a> never closed gets no hint: there is no safe place for it

    # -- work -------------------------------------------------------------------------------
    def _in_text(self) -> bool:
        """Whether the reader is inside an element whose content browsers read as text."""
        foreign = False
        for tag in self.open:
            foreign = foreign or tag in FOREIGN
            if tag in TEXT_ONLY and not foreign:
                return True
        return False

    def _link(
        self, tag: str, attrs: list[tuple[str, str | None]], start: int, raw: str, *, self_closing: bool
    ) -> None:
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


class _Parser(HTMLParser):
    """Reads any document for :class:`_Links`, with the standard library's HTML parser."""

    def __init__(self, links: _Links) -> None:
        super().__init__(convert_charrefs=True)
        self.links = links
        self._lines = [0]
        for m in re.finditer("\n", links.source):
            self._lines.append(m.end())

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links.start(tag, attrs, self._offset(), self.get_starttag_text() or "", empty=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links.start(tag, attrs, self._offset(), self.get_starttag_text() or "", empty=True)

    def handle_endtag(self, tag: str) -> None:
        self.links.end(tag, self._offset())

    def handle_data(self, data: str) -> None:
        self.links.data(data)

    def close(self) -> None:
        super().close()
        self.links.finish()


# The scan: a reader of the plain HTML that MkDocs, Material and the content's sanitiser write,
# reading it exactly as html.parser does (the same tags, attributes, text and positions; a test
# compares the two on every page of the demo and of the hostile site, and on random documents).
# Anything else (a tag whose attributes are not plain name="value", a bare "<" at the end, "<?",
# "<!" other than a comment or the doctype, a script without its end tag) and the document is
# read by html.parser instead.
_SPACE = r"[ \t\n\r\f]"
_ATTRIBUTE = f"[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:{_SPACE}*={_SPACE}*(?:\"[^\"]*\"|'[^']*'))?"
_START_TAG = re.compile(f"<([a-zA-Z][a-zA-Z0-9-]*)((?:{_SPACE}+{_ATTRIBUTE})*){_SPACE}*(/?)>")
_ATTRIBUTES = re.compile(
    f"{_SPACE}+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:{_SPACE}*={_SPACE}*(?:\"([^\"]*)\"|'([^']*)'))?"
)
_END_TAG = re.compile(f"</([a-zA-Z][a-zA-Z0-9-]*){_SPACE}*>")
_COMMENT_END = re.compile(r"--\s*>")
_RAW_TEXT = ("script", "style")
"""Elements whose content html.parser reads as text up to their end tag (it reads every other's)."""
_RAW_TEXT_END = {tag: re.compile(rf"</\s*{tag}\s*>", re.I) for tag in _RAW_TEXT}


def _attributes(text: str) -> list[tuple[str, str | None]]:
    """The attributes of a tag that the scan took, as html.parser gives them."""
    attrs: list[tuple[str, str | None]] = []
    for match in _ATTRIBUTES.finditer(text):
        name, double, single = match.groups()
        value = double if double is not None else single
        attrs.append((name.lower(), html.unescape(value) if value else value))
    return attrs


def _scan(source: str, links: _Links) -> bool:
    """Read ``source`` for ``links`` as html.parser would; False (and ``links`` spoilt) where the
    scan does not read the document, which html.parser must then read."""
    at, size = 0, len(source)
    while at < size:
        lt = source.find("<", at)
        if lt < 0:
            lt = size
        if lt > at and links.anchor is not None:
            links.data(html.unescape(source[at:lt]))
        if lt == size:
            break
        following = source[lt + 1 : lt + 2]
        if following.isascii() and following.isalpha():
            match = _START_TAG.match(source, lt)
            if match is None:
                return False
            tag, text, empty = match.group(1).lower(), match.group(2), bool(match.group(3))
            needs = tag in ("a", "area") or links.anchor is not None or "lang" in text.lower()
            links.start(tag, _attributes(text) if needs and text else [], lt, match.group(), empty=empty)
            at = match.end()
            if tag in _RAW_TEXT and not empty:
                end = _RAW_TEXT_END[tag].search(source, at)
                if end is None:
                    return False
                if end.start() > at and links.anchor is not None:
                    links.data(source[at : end.start()])
                links.end(tag, end.start())
                at = end.end()
        elif following == "/":
            match = _END_TAG.match(source, lt)
            if match is None:
                return False
            links.end(match.group(1).lower(), lt)
            at = match.end()
        elif source.startswith("<!--", lt):
            end = _COMMENT_END.search(source, lt + 4)
            if end is None:
                return False
            at = end.end()
        elif source[lt : lt + 9].lower() == "<!doctype":
            close = source.find(">", lt + 9)
            if close < 0:
                return False
            at = close + 1
        elif following in ("!", "?", ""):
            return False
        else:  # a "<" that starts nothing is text
            links.data("<")
            at = lt + 1
    links.finish()
    return True


# Every attribute that ends in "href" and has a value, read as html.parser reads it (``attrfind_tolerant``:
# any "=" run, then a quoted value or text up to a space or ">"). Tried at every "href" in the source,
# also inside another match's value, so that no attribute of any tag escapes it.
_HREF = re.compile(r"href\s*=+\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*)", re.I)


def _may_leave(source: str, policy: LeavePolicy) -> bool:
    """Whether any link of ``source`` can leave the site: False when no ``href`` (nor ``xlink:href``)
    anywhere in it, tag or not, holds an address that leaves, so that there is nothing to read.

    Most pages have no leaving link; looking at their addresses alone spares reading every tag."""
    seen: set[str] = set()
    match = _HREF.search(source)
    while match is not None:
        value = match.group(1)
        if value[:1] in ("'", '"') and value[:1] == value[-1:]:
            value = value[1:-1]
        if value not in seen:
            seen.add(value)
            if value and policy.destination(html.unescape(value)) is not None:
                return True
        match = _HREF.search(source, match.start() + 4)
    return False


def _read(
    source: str,
    policy: LeavePolicy,
    href_for: Callable[[Destination], str],
    hint: str,
    hint_lang: str | None,
    *,
    parser: bool,
) -> _Links:
    """The links of ``source``, read by the scan where it can (and ``parser`` is false), else by
    html.parser."""
    if not parser:
        links = _Links(source, policy, href_for, hint, hint_lang)
        if not _may_leave(source, policy):
            return links
        if _scan(source, links):
            return links
    links = _Links(source, policy, href_for, hint, hint_lang)
    reader = _Parser(links)
    reader.feed(source)
    reader.close()
    return links


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
    *,
    parser: bool = False,
) -> RewriteResult:
    """Rewrite the leaving links of an HTML document (see the module's docstring).

    ``href_for`` gives the address of a destination's notice page as seen from this document;
    ``hint`` is the visually hidden text added to each leaving link (e.g. ``（将离开本站）``), in
    the language ``hint_lang`` (marked where the link sits in a passage of another language).
    The document is read by a fast scan where it is the plain HTML that pages are made of, and
    by html.parser otherwise (always with ``parser``), with the same result.
    """
    links = _read(source, policy, href_for, hint, hint_lang, parser=parser)
    if not links.edits:
        return RewriteResult(source, [])
    pieces: list[str] = []
    cursor = 0
    for start, end, replacement in sorted(links.edits, key=lambda e: (e[0], e[1])):
        if start < cursor:  # overlapping edits cannot happen with a consistent parse; be safe
            continue
        pieces.append(source[cursor:start])
        pieces.append(replacement)
        cursor = end
    pieces.append(source[cursor:])
    return RewriteResult("".join(pieces), list(links.destinations.values()))


def find_destinations(source: str, policy: LeavePolicy, *, parser: bool = False) -> list[Destination]:
    """The destinations of the leaving links of some HTML (a page, a fragment, a template), in
    document order: the links :func:`rewrite_links` would rewrite."""
    links = _read(source, policy, lambda destination: "", "", None, parser=parser)
    return list(links.destinations.values())


def insert_before_body_end(document: str, fragment: str) -> str:
    """``fragment`` placed just before the document's last ``</body>`` (or at its end)."""
    at = document.lower().rfind("</body>")
    return document + fragment if at == -1 else document[:at] + fragment + document[at:]
