"""Whitespace and punctuation normalisation.

Two steps, both lossless for the words of a notice:

* :func:`clean_lines` splits text into trimmed lines: every kind of line break, non-breaking and
  ideographic spaces, tabs and zero-width characters are made ordinary, and indentation is removed.
* :func:`normalize_punctuation` makes ASCII ``, ; : ( )`` full-width where they touch a Chinese
  character or Chinese punctuation, and removes stray spaces before full-width punctuation.
"""

from __future__ import annotations

import re

from mkdocs_rectify.loader import INVISIBLE

__all__ = [
    "clean_lines",
    "compact",
    "invisible_characters",
    "is_cjk",
    "normalize_line",
    "normalize_punctuation",
]

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\f\v]+")
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x85]")
_KEPT_CONTROLS = "\r\x0b\x0c\x85"
"""Controls that :func:`clean_lines` turns into line breaks or spaces instead of removing them."""

_CJK_CHARS = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\u3000-\u303f"  # CJK symbols and punctuation: 、。〈〉《》「」【】〇…
    "\uff00-\uffef"  # full-width forms: ，；：（）！？
    "\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"  # ‘’“”—…· as used in Chinese text
)
_CJK = f"[{_CJK_CHARS}]"
_CJK_RE = re.compile(_CJK)

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}
_ASCII_PUNCT = re.compile(rf"(?<={_CJK})\s*([,;:()])|([,;:()])(?=\s*{_CJK})")
_SPACE_BEFORE_FULL = re.compile(r"[ ]+(?=[，。；：、！？）》」』】”’])")
_SPACE_AFTER_OPEN = re.compile(r"(?<=[（《「『【“‘])[ ]+")


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a Chinese character or Chinese punctuation."""
    return bool(_CJK_RE.fullmatch(char))


def normalize_line(line: str) -> str:
    """One line with ordinary spaces only, runs of spaces collapsed and the ends trimmed.

    Invisible control and bidi characters, which the loader refuses, are removed."""
    return INVISIBLE.sub("", _SPACES.sub(" ", line.translate(_ZERO_WIDTH))).strip()


def invisible_characters(text: str) -> list[str]:
    """The invisible characters :func:`clean_lines` removes from ``text`` (not the line breaks it keeps)."""
    return [char for char in INVISIBLE.findall(text) if char not in _KEPT_CONTROLS]


def clean_lines(text: str) -> list[str]:
    """Split ``text`` into lines normalised by :func:`normalize_line` (empty lines are kept)."""
    return [normalize_line(line) for line in _LINE_BREAKS.sub("\n", text).split("\n")]


def normalize_punctuation(text: str) -> str:
    """Make ASCII ``, ; : ( )`` next to Chinese text full-width; drop spaces before full-width punctuation.

    A character counts as "next to Chinese text" when the nearest non-space character on either
    side is a Chinese character or Chinese punctuation; the spaces in between are removed with it.
    Times (``10:30``), decimals and ASCII-only phrases are left alone.
    """

    def full_width(match: re.Match[str]) -> str:
        return _FULL_WIDTH[match.group(1) or match.group(2)]

    # Two passes: a run such as "办(“" needs the "(" converted before "“" is considered.
    previous = None
    while previous != text:
        previous = text
        text = _ASCII_PUNCT.sub(full_width, text)
    text = _SPACE_BEFORE_FULL.sub("", text)
    return _SPACE_AFTER_OPEN.sub("", text)


def compact(text: str) -> str:
    """``text`` without any whitespace: the form used to compare texts that differ only in layout."""
    return re.sub(r"\s+", "", text)
