"""The locale files are complete: every message in zh-CN and en, with the same placeholders."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_rectify import loader, privacy, yamlpos
from mkdocs_rectify.messages import Message, say
from mkdocs_rectify.model import ProblemFrontMatter

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


MESSAGE_AREAS = (
    *("where", "field", "kind", "load", "privacy", "yaml", "model", "pydantic", "reading"),
    *("sanitize", "leave", "config", "thesaurus", "clock", "csp", "manifest"),
)
"""The sections of ``messages:`` whose keys the code names as string literals."""


def message_keys_in_code() -> set[str]:
    """Every key of ``messages:`` the package names: ``Message("load.no_reports")``, ``invalid(…)``,
    and the literals chosen between (``"field.item_key" if … else "field.key"``)."""
    pattern = re.compile(rf"""["']((?:{"|".join(MESSAGE_AREAS)})\.[a-z_]+(?:\.[a-z_]+)*)["']""")
    root = resources.files("mkdocs_rectify")
    found: set[str] = set()
    for path in Path(str(root)).rglob("*.py"):
        for line in path.read_text("utf-8").splitlines():
            if re.search(r"\b(?:Message|invalid)\(|^\s*(?:key|joined) = ", line):
                found.update(pattern.findall(line))
    return found


def test_every_message_the_code_names_is_in_both_languages() -> None:
    keys = message_keys_in_code()
    assert len(keys) > 80, sorted(keys)  # the scan finds the loader's, the model's and pydantic's
    keys |= {f"where.{name}" for name in ("file_line", "file_field", "file_line_field")}  # "where.file" + …
    keys |= {f"kind.{name}" for name in loader._KINDS}
    keys |= {f"yaml.problem.{key}" for key in yamlpos._PROBLEMS.values()}
    keys |= {f"privacy.{kind}" for kind in (privacy.ID_CARD, privacy.MOBILE, privacy.BANK_CARD)}
    for name in FILES["messages"]:
        messages = dict(leaves(load(name)["messages"]))
        assert sorted(keys - set(messages)) == [], f"missing in {name}"


def test_a_key_named_in_the_code_is_found(tmp_path: Path) -> None:
    assert {"load.no_reports", "model.history_order", "pydantic.missing"} <= message_keys_in_code()


TRANSLATED = {
    *("missing", "extra_forbidden", "enum", "literal_error", "model_type", "model_attributes_type"),
    *("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"),
    *("datetime_type", "datetime_parsing", "int_parsing", "int_type", "int_from_float"),
    *("float_parsing", "float_type", "finite_number", "bool_type", "bool_parsing"),
    *("string_too_short", "string_type", "too_short", "string_pattern_mismatch", "list_type"),
    *("greater_than_equal", "less_than_equal"),
}
"""The pydantic error types the content's validation produces, said in Chinese and English."""
CONTEXT = {
    "greater_than_equal": {"ge": 1},
    "less_than_equal": {"le": 100},
    "literal_error": {"expected": "'higher' or 'lower'"},
    "too_short": {"min_length": 1},
}


def test_the_pydantic_errors_said_in_the_sites_language() -> None:
    assert set(loader.TRANSLATED_ERRORS) == TRANSLATED


@pytest.mark.parametrize("kind", sorted(TRANSLATED))
def test_each_translated_pydantic_error_is_said_in_chinese(kind: str) -> None:
    detail = {"type": kind, "loc": ("title",), "input": "x", "ctx": CONTEXT.get(kind, {}), "msg": "pydantic"}
    message = loader._plain_message(detail, ProblemFrontMatter)
    assert isinstance(message, Message) and message != "pydantic"
    chinese = say("zh-CN", message)
    assert chinese != message and re.search("[\u4e00-\u9fff]", chinese), chinese


def test_another_pydantic_error_keeps_pydantics_english() -> None:
    detail = {"type": "url_parsing", "loc": ("title",), "input": "x", "msg": "Input should be a valid URL"}
    message = loader._plain_message(detail, ProblemFrontMatter)
    assert say("zh-CN", message) == "Input should be a valid URL"


def test_english_search_messages_appended_to_the_count_begin_with_a_space() -> None:
    # search.js joins the count ("12 results.") with what follows it, without a separator.
    search = load("en.yml")["search"]
    appended = ("count_shown", "grouped", "expanded", "searched", "suggest_said")
    assert [key for key in appended if not search[key].startswith(" ")] == []
