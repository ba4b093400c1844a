"""HTML pages: sanitise with nh3, find the article body, turn it into text with paragraph breaks.

The article is the first match among the containers that government CMSs use for the body
(``#zoom``, ``.TRS_Editor``, ``#UCAP-CONTENT``, …) and otherwise the densest block of text. The
rest of the page is kept apart as ``page_text`` so that metadata printed beside the article (the
title, the date line, a disclosure table) can still be found; it never becomes content.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

__all__ = ["Article", "extract_article"]

_KEEP_TAGS = {
    "html", "body", "main", "article", "section", "div", "p", "br", "hr", "span", "font", "center",
    "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "sub", "sup", "small", "big",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "pre", "a", "nav", "header", "footer", "aside", "form", "button", "select", "option",
    "label", "menu", "address", "figure", "figcaption", "time", "ins", "del", "s", "strike", "tt", "code",
}  # fmt: skip
_DROP_CONTENT = {"script", "style", "noscript", "template", "title", "textarea", "iframe", "object",
                 "svg", "math", "head", "video", "audio", "canvas"}  # fmt: skip
_VOID = {"br", "hr", "img", "wbr", "input", "meta", "link", "col", "area", "base", "source", "track", "embed"}
_BLOCK = {
    "html", "body", "main", "article", "section", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "table",
    "thead", "tbody", "tfoot", "tr", "caption", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
    "nav", "header", "footer", "aside", "form", "center", "menu", "address", "figure", "figcaption", "hr",
}  # fmt: skip
_CELL = {"td", "th"}
_CHROME_TAGS = {"nav", "aside", "form", "button", "select", "menu"}

# Body containers of common government CMSs, best first.
_ARTICLE_IDS = re.compile(
    r"^(?:zoom|fontzoom|Zoom|UCAP-CONTENT|TRS_Editor|TRS_UEDITOR|Custom_UnionStyle|art_con|artibody|"
    r"article[-_]?content|articleContent|news[-_]?content|newsContent|detail[-_]?content|pages_content|"
    r"xxgk_content|zwnr|wznr|con_text|main[-_]txt|txt_content|contentText|content[-_]?text|view_con)$",
    re.IGNORECASE,
)
_ARTICLE_GENERIC = re.compile(
    r"^(?:article|content|detail|main[-_]?content|con|text|zw|zhengwen|view)$", re.I
)
# Toolbars and furniture inside or around an article.
_CHROME_CLASS = re.compile(
    r"(?:^|[-_])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|toolbar|tools?|share|bdshare\w*|"
    r"print|fontsize|font[-_]size|footer|foot|sidebar|banner|search|login|copyright|related|xgxx|xglj|pager|"
    r"page[-_]?tool|erweima|qrcode|wza|accessib\w*|skip|ewm|fxd|bshare\w*)(?:$|[-_])",
    re.IGNORECASE,
)
_MIN_ARTICLE_CHARS = 20
_LISTED_MAX = 20
_SPACE = re.compile(r"[ \t\n\r\f]+")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    parent: _Node | None
    children: list[_Node | str] = field(default_factory=list)

    def names(self) -> list[str]:
        return [self.attrs.get("id", ""), *self.attrs.get("class", "").split()]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(_Node(tag, {name: value or "" for name, value in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: _Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


@dataclass(frozen=True)
class Article:
    text: str
    """The article as text, one paragraph per line."""
    page_text: str
    """The rest of the page as text, for metadata printed outside the article."""
    title: str | None
    """The page's ``<title>`` or first ``<h1>``."""
    dropped: list[str]
    """Chrome removed from inside the article, then the blocks around it (shortened)."""
    container: str
    """How the article was found, e.g. ``div#zoom`` or ``densest block div.main``."""


def extract_article(document: str) -> Article | None:
    """The article of an HTML page, or None when the page has no block of text worth the name."""
    title_match = _TITLE.search(document)
    page_title = _clean_inline(html_lib.unescape(_strip_tags(title_match.group(1)))) if title_match else None
    safe = nh3.clean(
        document,
        tags=_KEEP_TAGS,
        attributes={"*": {"id", "class"}},
        clean_content_tags=_DROP_CONTENT,
        link_rel=None,
        strip_comments=True,
    )
    builder = _TreeBuilder()
    builder.feed(safe)
    builder.close()
    root = builder.root

    article, how = _find_container(root)
    if article is None:
        return None
    dropped: list[str] = []
    text = _to_text(article, dropped)
    if len(re.sub(r"\W", "", text)) < _MIN_ARTICLE_CHARS:
        return None
    page_text = _to_text(root, [], skip=article)
    around = _outside(root, article)
    dropped.extend(_shorten(text) for text in around[:_LISTED_MAX])
    if len(around) > _LISTED_MAX:
        rest = around[_LISTED_MAX:]
        dropped.append(f"… and {len(rest)} more blocks ({sum(map(len, rest))} characters)")
    h1 = _first(root, "h1")
    title = _clean_inline(_to_text(h1, [], drop_chrome=False)) if h1 is not None else None
    return Article(text, page_text, title or page_title, dropped, how)


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]*>", "", text)


def _clean_inline(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _walk(node: _Node) -> list[_Node]:
    out = [node]
    for child in node.children:
        if isinstance(child, _Node):
            out.extend(_walk(child))
    return out


def _first(root: _Node, tag: str) -> _Node | None:
    return next((node for node in _walk(root) if node.tag == tag), None)


def _is_chrome(node: _Node) -> bool:
    if node.tag in _CHROME_TAGS:
        return True
    return any(_CHROME_CLASS.search(name) for name in node.names() if name)


def _text_len(node: _Node, *, links: bool = True) -> int:
    total = 0
    for child in node.children:
        if isinstance(child, str):
            total += len(child.strip())
        elif child.tag not in _CHROME_TAGS and (links or child.tag != "a"):
            total += _text_len(child, links=links)
    return total


def _find_container(root: _Node) -> tuple[_Node | None, str]:
    nodes = [node for node in _walk(root) if node.tag != "#root"]
    for pattern in (_ARTICLE_IDS, _ARTICLE_GENERIC):
        matches = [
            node
            for node in nodes
            if (
                any(pattern.match(name) for name in node.names() if name)
                or (pattern is _ARTICLE_GENERIC and node.tag == "article")
            )
            and _text_len(node, links=False) >= _MIN_ARTICLE_CHARS
            and _text_len(node, links=False) >= 0.6 * _text_len(node)
        ]
        if matches:
            best = max(matches, key=lambda node: _text_len(node, links=False))
            return best, _describe(best)
    scored = [(node, _density_score(node)) for node in nodes if node.tag in _BLOCK | _CELL]
    if not scored:
        return None, ""
    # On a tie the deepest block wins: a table row scores what its one text cell scores.
    best, score = max(scored, key=lambda pair: (pair[1], _depth(pair[0])))
    if score < _MIN_ARTICLE_CHARS:
        return None, ""
    return best, f"densest block {_describe(best)}"


def _depth(node: _Node) -> int:
    depth = 0
    parent = node.parent
    while parent is not None:
        depth, parent = depth + 1, parent.parent
    return depth


def _describe(node: _Node) -> str:
    ident = node.attrs.get("id")
    classes = node.attrs.get("class", "").split()
    return node.tag + (f"#{ident}" if ident else "") + "".join(f".{name}" for name in classes[:2])


def _inline_len(node: _Node) -> int:
    """Length of the text of ``node`` outside its block children and links."""
    total = 0
    for child in node.children:
        if isinstance(child, str):
            total += len(child.strip())
        elif (
            child.tag not in _BLOCK and child.tag not in _CELL and child.tag != "a" and not _is_chrome(child)
        ):
            total += _inline_len(child)
    return total


def _density_score(node: _Node) -> int:
    if _is_chrome(node):
        return 0
    score = _inline_len(node)
    for child in node.children:
        if isinstance(child, _Node) and (child.tag in _BLOCK or child.tag in _CELL) and not _is_chrome(child):
            score += _inline_len(child)
    return score


def _outside(root: _Node, article: _Node) -> list[str]:
    """Texts of the blocks around the article, in document order."""
    found: list[str] = []

    def visit(node: _Node) -> None:
        for child in node.children:
            if child is article:
                continue
            if isinstance(child, str):
                text = _clean_inline(child)
            elif _contains(child, article):
                visit(child)
                continue
            else:
                text = _clean_inline(_to_text(child, [], drop_chrome=False))
            if text:
                found.append(text)

    visit(root)
    return found


def _contains(node: _Node, other: _Node) -> bool:
    parent: _Node | None = other
    while parent is not None:
        if parent is node:
            return True
        parent = parent.parent
    return False


def _to_text(node: _Node, dropped: list[str], *, skip: _Node | None = None, drop_chrome: bool = True) -> str:
    """Text of ``node``: blocks and ``<br>`` break lines, table cells are separated by spaces."""
    parts: list[str] = []

    def visit(current: _Node) -> None:
        for child in current.children:
            if isinstance(child, str):
                parts.append(child if current.tag == "pre" else _SPACE.sub(" ", child))
                continue
            if child is skip:
                parts.append("\n")
                continue
            if drop_chrome and _is_chrome(child):
                snippet = _clean_inline(_to_text(child, [], drop_chrome=False))
                if snippet:
                    dropped.append(_shorten(snippet))
                continue
            if child.tag == "br":
                parts.append("\n")
            elif child.tag in _BLOCK:
                parts.append("\n")
                visit(child)
                parts.append("\n")
            elif child.tag in _CELL:
                visit(child)
                parts.append(" ")
            else:
                visit(child)

    visit(node)
    lines = [line.strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)
