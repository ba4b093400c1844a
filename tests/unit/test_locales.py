"""The locale files are complete: every message in zh-CN and en, with the same placeholders."""

from __future__ import annotations

import string
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest
import yaml

FILES = {
    "messages": ("zh-CN.yml", "en.yml"),
    "reference": ("reference/zh-CN.yml", "reference/en.yml"),
}
ONLY_IN = {"en.yml": {"months"}}  # English dates name the month; Chinese ones number it
CHOICES = {"date": {"month", "month_name"}}  # Locale.date passes both; each language takes one


def load(name: str) -> dict[str, Any]:
    path = resources.files("mkdocs_rectify").joinpath("locales", name)
    return yaml.safe_load(path.read_text("utf-8"))


def leaves(node: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, f"{prefix}{key}.")
    else:
        yield prefix.rstrip("."), node


def placeholders(text: Any) -> set[str]:
    if not isinstance(text, str):
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("kind", FILES)
def test_both_languages_have_every_message(kind: str) -> None:
    zh_name, en_name = FILES[kind]
    zh, en = dict(leaves(load(zh_name))), dict(leaves(load(en_name)))
    drop = lambda keys, name: {k for k in keys if k.split(".")[0] not in ONLY_IN.get(name, set())}  # noqa: E731
    assert sorted(drop(zh, zh_name) - set(en)) == [], f"missing in {en_name}"
    assert sorted(drop(en, en_name) - set(zh)) == [], f"missing in {zh_name}"


@pytest.mark.parametrize("kind", FILES)
def test_each_message_has_the_same_placeholders_in_both(kind: str) -> None:
    zh_name, en_name = FILES[kind]
    zh, en = dict(leaves(load(zh_name))), dict(leaves(load(en_name)))
    differ = {key: (placeholders(zh[key]), placeholders(en[key])) for key in set(zh) & set(en)}
    allowed = lambda key, pair: pair[0] ^ pair[1] <= CHOICES.get(key, set())  # noqa: E731
    assert {key: pair for key, pair in differ.items() if not allowed(key, pair)} == {}


def test_a_missing_message_is_found() -> None:
    zh, en = dict(leaves({"a": {"b": "x {n}"}, "c": "y"})), dict(leaves({"a": {"b": "x"}}))
    assert set(zh) - set(en) == {"c"}
    assert placeholders(zh["a.b"]) != placeholders(en["a.b"])


def test_english_search_messages_appended_to_the_count_begin_with_a_space() -> None:
    # search.js joins the count ("12 results.") with what follows it, without a separator.
    search = load("en.yml")["search"]
    appended = ("count_shown", "grouped", "expanded", "searched", "suggest_said")
    assert [key for key in appended if not search[key].startswith(" ")] == []
