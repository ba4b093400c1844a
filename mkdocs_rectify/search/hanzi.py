"""Traditional → simplified characters, for just the characters a site uses.

Reports are published in simplified Chinese, but readers in Hong Kong, Macao, Taiwan and
overseas type traditional characters (電子保函 for 电子保函). Instead of indexing every page
twice, the search page maps each character of the query through a small table built here
from OpenCC's dictionaries (the ``opencc-python-reimplemented`` package), restricted to the
simplified characters that occur in the site. A traditional character that itself occurs in
the site (乾 in a name, say) is left alone, so a query for it still finds it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["content_language", "map_json", "site_characters", "strings", "traditional_map"]

# Traditional → simplified characters, then the regional variants that OpenCC first maps to the
# standard traditional form (Taiwan 台 ← 臺 forms, Hong Kong 綫 for 線, …).
_CHARACTERS = "TSCharacters.txt"
_VARIANTS = ("TWVariantsRev.txt", "HKVariantsRev.txt")


def _read(name: str) -> Iterator[tuple[str, list[str]]]:
    text = resources.files("opencc").joinpath("dictionary", name).read_text("utf-8")
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        if source and targets:
            yield source, targets.split()


@cache
def _opencc_table() -> Mapping[str, str]:
    """Every single traditional character OpenCC knows, with its first simplified form."""
    table = {source: targets[0] for source, targets in _read(_CHARACTERS) if len(source) == 1}
    for name in _VARIANTS:
        for variant, targets in _read(name):
            standard = targets[0]
            if len(variant) == 1 and len(standard) == 1 and variant != standard:
                table.setdefault(variant, table.get(standard, standard))
    return table


def traditional_map(characters: Iterable[str]) -> dict[str, str]:
    """Traditional character → the simplified character used in the site, for the site's characters.

    ``characters`` are the characters the site contains. Only mappings whose simplified side
    is one of them are kept, and none whose traditional side is one of them.
    """
    present = set(characters)
    return {
        trad: simp
        for trad, simp in sorted(_opencc_table().items())
        if trad != simp and simp in present and trad not in present
    }


def strings(values: Iterable[Any]) -> Iterator[str]:
    """Every string in any nesting of lists and dicts (e.g. pydantic dumps)."""
    stack = list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, Mapping):
            stack.extend(value.values())
        elif isinstance(value, list | tuple | set):
            stack.extend(value)


_CJK = re.compile("[\u3400-\u9fff]")
_LATIN = re.compile("[A-Za-z]")


def site_characters(values: Iterable[Any]) -> set[str]:
    """The CJK characters (and other characters past U+2E80) in ``values``."""
    return {ch for text in strings(values) for ch in set(text) if ch >= "\u2e80"}


def content_language(values: Iterable[Any]) -> str | None:
    """``zh`` when Chinese dominates the text (a character counting as a word of five letters), else None."""
    cjk = latin = 0
    for text in strings(values):
        cjk += len(_CJK.findall(text))
        latin += len(_LATIN.findall(text))
    return "zh" if cjk and cjk * 5 >= latin else None


def map_json(table: Mapping[str, str]) -> bytes:
    """The map as the search page loads it: two strings of equal length, traditional and simplified."""
    return json.dumps(
        {"from": "".join(table), "to": "".join(table.values())}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
