"""Splitting a section's text into list items.

Numbered items count only when the numbers run 1, 2, 3 … and each stands at the start of a
paragraph or right after the end of a sentence, so decimals (``7.0%``) and counts inside sentences
never split. ``1.`` and ``(1)`` markers are removed (the list numbers them); ``一是`` and ``二是``
are words of the sentence and stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from mkdocs_rectify.importer.dates import CN_NUMBER, cn_to_int

__all__ = ["split_items"]

_SENTENCE_END = "。；;！？!?："
_ARABIC_DOT = re.compile(r"(\d{1,2})\s*[.．、]")
_ARABIC_PAREN = re.compile(r"[（(]\s*(\d{1,2})\s*[)）]")
_CHINESE_SHI = re.compile(rf"({CN_NUMBER})是")


@dataclass(frozen=True)
class _Cut:
    start: int
    """Where the marker starts."""
    content: int
    """Where the item's own text starts."""


def _at_boundary(text: str, position: int, extra: str = "") -> tuple[bool, bool]:
    """(may start an item here, is the start of a paragraph)."""
    if position == 0 or text[position - 1] == "\n":
        return True, True
    return text[position - 1] in _SENTENCE_END + extra, False


def _numbered(pattern: re.Pattern[str], *, keep_marker: bool, extra: str = "") -> Callable[[str], list[_Cut]]:
    def find(text: str) -> list[_Cut]:
        cuts: list[_Cut] = []
        tentative = False
        expected = 1
        for match in pattern.finditer(text):
            allowed, paragraph_start = _at_boundary(text, match.start(), extra)
            if not allowed or cn_to_int(match.group(1)) != expected:
                continue
            following = text[match.end() : match.end() + 1]
            if pattern is _ARABIC_DOT and following.isdigit():
                if not paragraph_start:
                    continue  # "。2.5万元" is a number, not item 2
                tentative = tentative or expected == 1  # "1.5倍" unless an item 2 follows
            cuts.append(_Cut(match.start(), match.start() if keep_marker else match.end()))
            expected += 1
        if tentative and len(cuts) < 2:
            return []
        if keep_marker and len(cuts) < 2:
            return []
        return cuts

    return find


_LAYOUT_ONE_FINDERS = (_numbered(_ARABIC_DOT, keep_marker=False),)
_ALL_FINDERS = (
    *_LAYOUT_ONE_FINDERS,
    _numbered(_ARABIC_PAREN, keep_marker=False),
    _numbered(_CHINESE_SHI, keep_marker=True, extra="，,"),
)


def split_items(paragraphs: list[str], *, ordinals: bool = False) -> list[str]:
    """The list items of a section written as ``paragraphs``.

    Top-level ``1.`` numbering splits; with ``ordinals`` also ``(1)`` and then ``一是/二是``. A section
    without numbering is one item; paragraphs inside an item are separated by a blank line.
    """
    text = "\n".join(paragraph.strip() for paragraph in paragraphs if paragraph.strip())
    if not text:
        return []
    cuts: list[_Cut] = []
    for find in _ALL_FINDERS if ordinals else _LAYOUT_ONE_FINDERS:
        cuts = find(text)
        if cuts:
            break
    if not cuts:
        return [_paragraphs(text)]
    items = []
    lead = text[: cuts[0].start].strip()
    if lead:
        items.append(lead)
    for index, cut in enumerate(cuts):
        end = cuts[index + 1].start if index + 1 < len(cuts) else len(text)
        items.append(text[cut.content : end].strip())
    return [_paragraphs(item) for item in items if item]


def _paragraphs(text: str) -> str:
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
