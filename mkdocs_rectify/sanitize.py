"""Content HTML: what of the editors' Markdown may reach a page.

Every Markdown field of the content (a problem's statement, measures, results, next steps and
unclassified text; a report's introduction and unclassified text) is rendered to HTML and then
cleaned here, with nh3, against an allow-list of elements, attributes and URL schemes. What is
not on the list goes: scripts and styles with their content, every other element keeping its
text. On top of the list:

* content cannot set what the site's own code trusts: every ``data-*`` attribute goes (the
  notice before leaving the site reads ``data-rectify-*``, Pagefind ``data-pagefind-*``,
  Material ``data-md-*``), and so do classes starting with ``rectify-`` or ``md-`` (a fake
  status badge); an id the pages use (``summary``, ``problem-3``, ``__drawer`` …) is renamed
  with the prefix ``content-``, and a link to it in the same text follows it;
* nothing is loaded from another host: an image whose address is absolute or scheme-relative
  loses its address, with a warning naming the file and the field (the site promises that no
  request leaves it);
* ``style`` is kept only as the ``text-align`` of table cells, which Markdown tables write.

A site may widen the list (:class:`Allowance`, the plugin's ``sanitize`` option), but never to
what runs a script or reaches another site: those requests are refused with the reason.

The result is :class:`markupsafe.Markup`: the type says that the HTML was cleaned, so templates
print it as it is and escape everything else. Imports nothing from MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import nh3
from markupsafe import Markup

from mkdocs_rectify.messages import Message

__all__ = [
    "PROTECTED_IDS",
    "Allowance",
    "Sanitizer",
    "refusal_for_attribute",
    "refusal_for_scheme",
    "refusal_for_tag",
]

TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
    "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small",
    "code", "pre", "kbd", "samp", "var", "q", "cite", "dfn", "abbr", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
    "a", "img", "span", "div", "details", "summary", "figure", "figcaption", "time",
    "ruby", "rt", "rp",
})  # fmt: skip
"""Elements content may use."""

ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "*": frozenset({"id", "class", "lang", "dir", "title"}),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "li": frozenset({"value"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
}
"""Attributes content may use, by element (``*``: on every element)."""

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Schemes a link may have; relative addresses are always allowed."""

REMOVED_WITH_CONTENT = frozenset({"script", "style"})
"""Elements removed with everything inside them; others leave their text behind."""

PROTECTED_IDS = frozenset({
    "summary", "problems", "full-text", "contact", "open-data", "unclassified", "reports", "report-text",
})  # fmt: skip
"""Ids of the site's own page sections (``partials/rectify/*.html``)."""
PROTECTED_ID_PREFIXES = ("rectify-", "problem", "statement-", "report-", "md-", "__")
"""Prefixes of the ids of the site's components and of Material's (``__drawer``, ``__nav_2``)."""
ID_PREFIX = "content-"
"""Put before a protected id that content uses, so that it names the content's own element."""
PROTECTED_CLASS_PREFIXES = ("rectify-", "md-")
"""Classes of the site's components and of Material's: content cannot pass for them."""

# What an allowance can never add, and why (keys of ``messages.sanitize.refused`` in the locale files).
_RUNNING_TAGS = {
    "script": "runs_scripts",
    "style": "css",
    "iframe": "embeds_iframe",
    "frame": "embeds_page",
    "frameset": "embeds_pages",
    "object": "embeds_plugins",
    "embed": "embeds_plugins",
    "applet": "runs_code",
    "portal": "embeds_page",
    "fencedframe": "embeds_page",
    "base": "base",
    "meta": "meta",
    "link": "link",
    "form": "form",
    "input": "form_control",
    "button": "form_control",
    "select": "form_control",
    "textarea": "form_control",
    "svg": "svg",
    "math": "math",
    "template": "template",
    "noscript": "noscript",
    "html": "whole_page",
    "head": "whole_page",
    "body": "whole_page",
    "title": "whole_page",
}
_URL_ATTRIBUTES = {
    "action", "formaction", "background", "poster", "srcset", "ping", "codebase", "data", "cite",
    "longdesc", "lowsrc", "dynsrc", "manifest", "usemap", "xlink:href", "xmlns", "icon",
}  # fmt: skip
_REFUSED_SCHEMES = {"javascript": "runs_script", "vbscript": "runs_script", "data": "data_url"}
_SCHEME_NAME = re.compile(r"^[a-z][a-z0-9+.\-]*$")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_EDGE = "".join(chr(i) for i in range(0x21))
_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_TEXT_ALIGN = re.compile(r"^\s*text-align\s*:\s*(left|right|center|justify|start|end)\s*;?\s*$", re.I)


def refusal_for_tag(tag: str) -> Message | None:
    """Why ``tag`` may never be allowed, or None when a site may allow it."""
    name = tag.strip().lower()
    if not re.fullmatch(r"[a-z][a-z0-9-]*", name):
        return Message("sanitize.refused.not_a_tag", name=tag)
    return _refused("tag", name, _RUNNING_TAGS.get(name))


def refusal_for_attribute(attribute: str) -> Message | None:
    """Why ``attribute`` may never be allowed, or None when a site may allow it."""
    name = attribute.strip().lower()
    if not re.fullmatch(r"[a-z][a-z0-9:_.-]*", name):
        return Message("sanitize.refused.not_an_attribute", name=attribute)
    if name.startswith("on"):
        return Message("sanitize.refused.event_handler", name=name)
    if name == "style":
        return Message("sanitize.refused.style")
    if name.startswith("data-"):
        return Message("sanitize.refused.data", name=name)
    if name in ("name", "target", "srcdoc", "http-equiv", "is", "slot", "form"):
        return Message("sanitize.refused.acts", name=name)
    if name in _URL_ATTRIBUTES:
        return Message("sanitize.refused.address", name=name)
    return None


def refusal_for_scheme(scheme: str) -> Message | None:
    """Why links with ``scheme`` may never be allowed, or None when a site may allow them."""
    name = scheme.strip().lower().rstrip(":")
    if not _SCHEME_NAME.fullmatch(name):
        return Message("sanitize.refused.not_a_scheme", name=scheme)
    return _refused("scheme", name, _REFUSED_SCHEMES.get(name))


def _refused(kind: str, name: str, reason: str | None) -> Message | None:
    """A tag's or a scheme's refusal, for the ``reason`` its table gives it; None where it gives none."""
    if not reason:
        return None
    return Message(f"sanitize.refused.{kind}", name=name, reason=Message(f"sanitize.refused.{reason}"))


@dataclass(frozen=True)
class Allowance:
    """What a site adds to the allow-list: elements, attributes by element, URL schemes."""

    tags: frozenset[str] = frozenset()
    attributes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    url_schemes: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        tags: Iterable[str] = (),
        attributes: Mapping[str, Iterable[str]] | None = None,
        url_schemes: Iterable[str] = (),
    ) -> Allowance:
        """An allowance from options; raises ValueError listing every request that is refused."""
        refused = [r for t in tags if (r := refusal_for_tag(t))]
        for tag, names in (attributes or {}).items():
            if tag != "*" and (reason := refusal_for_tag(tag)):
                refused.append(reason)
            refused.extend(r for name in names if (r := refusal_for_attribute(name)))
        refused.extend(r for s in url_schemes if (r := refusal_for_scheme(s)))
        if refused:
            raise ValueError("; ".join(refused))
        return cls(
            tags=frozenset(t.strip().lower() for t in tags),
            attributes={
                tag.strip().lower(): frozenset(n.strip().lower() for n in names)
                for tag, names in (attributes or {}).items()
            },
            url_schemes=frozenset(s.strip().lower().rstrip(":") for s in url_schemes),
        )


def is_remote(url: str) -> bool:
    """Whether a browser would fetch ``url`` from an address of its own (a scheme, or ``//host``),
    rather than from the page's site."""
    url = _TAB_NEWLINE.sub("", url.strip(_EDGE))
    return bool(_SCHEME.match(url)) or url[:2] in ("//", "\\\\", "/\\", "\\/")


class Sanitizer:
    """Cleans the HTML of content fields; collects warnings about what it had to remove."""

    def __init__(self, allowance: Allowance | None = None) -> None:
        allowance = allowance or Allowance()
        attributes: dict[str, set[str]] = {tag: set(names) for tag, names in ATTRIBUTES.items()}
        for tag, names in allowance.attributes.items():
            attributes.setdefault(tag, set()).update(names)
        tags = TAGS | allowance.tags
        self._allowed = {tag: frozenset(attributes.get(tag, set()) | attributes["*"]) for tag in tags}
        self._cleaner = nh3.Cleaner(
            tags=set(tags),
            clean_content_tags=set(REMOVED_WITH_CONTENT),
            attributes=attributes,
            attribute_filter=self._filter,
            url_schemes=set(URL_SCHEMES | allowance.url_schemes),
            link_rel=None,
            strip_comments=True,
            filter_style_properties={"text-align"},
        )
        self._source = ""
        self._renamed: set[str] = set()
        self._defined: set[str] = set()
        self.warnings: list[str] = []
        """What was removed that an editor should know about, as ``file: field: what``."""

    def clean(self, html: str, source: str = "") -> Markup:
        """``html`` with only what the allow-list lets through.

        ``source`` names where the HTML comes from in warnings (``content/r/3.md: measures item 2``).
        """
        self._source, self._renamed, self._defined = source, set(), set()
        try:
            out = self._cleaner.clean(html)
            if self._renamed and "#" in out:
                # A link to an id that was renamed follows it; a second pass over the clean HTML
                # (ids now known) rewrites such links and changes nothing else.
                self._defined = set(self._renamed)
                out = self._cleaner.clean(out)
        finally:
            self._source, self._renamed, self._defined = "", set(), set()
        return Markup(out)

    def take_warnings(self) -> list[str]:
        """The warnings collected so far, each once; the list is emptied."""
        taken, self.warnings = list(dict.fromkeys(self.warnings)), []
        return taken

    # nh3 calls this for the attributes it keeps (and for those of elements it removes);
    # None removes the attribute.
    def _filter(self, element: str, attribute: str, value: str) -> str | None:
        if attribute not in self._allowed.get(element, ()):
            return None
        if attribute.startswith(("on", "data-")) or ":" in attribute:
            return None
        if attribute == "class":
            kept = [c for c in value.split() if not c.lower().startswith(PROTECTED_CLASS_PREFIXES)]
            return " ".join(kept) or None
        if attribute == "id":
            return self._id(value)
        if attribute == "style":
            return value if element in ("th", "td") and _TEXT_ALIGN.match(value) else None
        if attribute == "href" and value.startswith("#") and value[1:] in self._defined:
            return "#" + ID_PREFIX + value[1:]
        if attribute == "src" and is_remote(value):
            key = "sanitize.remote_in" if self._source else "sanitize.remote"
            self.warnings.append(Message(key, where=self._source, element=element, value=value))
            return None
        return value

    def _id(self, value: str) -> str | None:
        if not value.strip():
            return None
        if value in PROTECTED_IDS or value.lower().startswith(PROTECTED_ID_PREFIXES):
            self._renamed.add(value)
            return ID_PREFIX + value
        return value
