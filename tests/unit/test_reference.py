"""The guide's references are generated from the schema and the options, described in both languages."""

from __future__ import annotations

import pytest

from mkdocs_rectify.locale import AVAILABLE
from mkdocs_rectify.mkdocs_reference import option_rows
from mkdocs_rectify.reference import content_reference, field_keys, missing, options_reference

ROWS = list(option_rows())
PATHS = [row.path for row in ROWS]


@pytest.mark.parametrize("code", AVAILABLE)
def test_every_field_and_option_is_described_and_nothing_else(code: str) -> None:
    assert missing(code, PATHS) == []


def test_a_new_option_without_a_description_is_named() -> None:
    assert missing("en", [*PATHS, "footer.icp"]) == ["missing: options.footer.icp"]
    assert missing("zh-CN", PATHS[1:]) == [f"unused: options.{PATHS[0]}"]


@pytest.mark.parametrize("code", AVAILABLE)
def test_the_content_reference_lists_every_field_of_the_schema(code: str) -> None:
    page = content_reference(code)
    fields = field_keys()
    assert {"Problem", "Report", "Metric", "HistoryEntry", "Contact"} <= set(fields)
    for keys in fields.values():
        for key in keys:
            assert f"| `{key}` |" in page
    assert "| `number` |" in page and "| `in_progress` |" in page


def test_the_options_reference_gives_each_option_its_kind_and_default() -> None:
    page = options_reference("en", ROWS)
    assert "| `content_dir` | text | `content` |" in page
    assert "| `accessibility.conformance` | one of `full`, `partial`, `none` | `partial` |" in page
    assert "| `leave_site.allow` | list of text | `[]` |" in page
    assert {"accessibility.contact.phone", "sanitize.url_schemes", "search"} <= set(PATHS)
