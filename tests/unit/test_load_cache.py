"""Under `mkdocs serve`, a cache kept between loads parses and validates only the problem files that
changed, and gives what loading without it gives: the same site, warnings and errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.builds import REPORT_YML, problem_file, write_tree
from support.content import BUILD_DATE

from mkdocs_rectify.loader import ContentErrors, LoadCache, load_content

MOBILE = "联系人手机13812345678。"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    write_tree(
        tmp_path,
        {
            "r-2024/report.yml": REPORT_YML,
            "r-2024/01.md": problem_file(1, "甲"),
            "r-2024/02.md": problem_file(2, "乙", body=MOBILE),
            "r-2024/03.md": problem_file(3, "丙"),
        },
    )
    return tmp_path


def test_only_the_files_that_changed_are_loaded_again(content: Path) -> None:
    cache = LoadCache()
    first = load_content(content, build_date=BUILD_DATE, cache=cache)
    assert (cache.hits, cache.misses) == (0, 3)
    again = load_content(content, build_date=BUILD_DATE, cache=cache)
    assert (cache.hits, cache.misses) == (3, 0)
    assert again.site == first.site
    assert again.warnings == first.warnings and any("13812345678"[:3] in w for w in first.warnings)
    (content / "r-2024/03.md").write_text(problem_file(3, "丙（已改）", status="not_done"), "utf-8")
    edited = load_content(content, build_date=BUILD_DATE, cache=cache)
    assert (cache.hits, cache.misses) == (2, 1)
    assert edited.site == load_content(content, build_date=BUILD_DATE).site
    assert [p.title for p in edited.site.reports[0].problems] == ["甲", "乙", "丙（已改）"]


def test_errors_are_given_again_from_the_cache(content: Path) -> None:
    (content / "r-2024/01.md").write_text(problem_file(1, "甲", status="nonsense"), "utf-8")
    cache = LoadCache()
    messages = []
    for _ in range(2):
        with pytest.raises(ContentErrors) as raised:
            load_content(content, build_date=BUILD_DATE, cache=cache)
        messages.append([str(error) for error in raised.value.errors])
    assert cache.hits == 3
    assert messages[0] == messages[1] and any("01.md" in m and "status" in m for m in messages[0])


def test_what_a_problem_is_checked_against_is_part_of_the_key(content: Path) -> None:
    (content / "r-2024/01.md").write_text(problem_file(1, "甲", completed_on="2024-03-01"), "utf-8")
    cache = LoadCache()
    load_content(content, build_date=BUILD_DATE, cache=cache)
    inspected = REPORT_YML + "inspection:\n  body: 巡察组\n  start: 2024-04-01\n  end: 2024-04-30\n"
    (content / "r-2024/report.yml").write_text(inspected, "utf-8")
    with pytest.raises(ContentErrors) as raised:  # completed before the inspection began
        load_content(content, build_date=BUILD_DATE, cache=cache)
    assert any("01.md" in str(error) and "inspection" in str(error) for error in raised.value.errors)
    assert cache.misses == 3


def test_a_removed_file_is_gone(content: Path) -> None:
    cache = LoadCache()
    load_content(content, build_date=BUILD_DATE, cache=cache)
    (content / "r-2024/02.md").unlink()
    loaded = load_content(content, build_date=BUILD_DATE, cache=cache)
    assert [p.number for p in loaded.site.reports[0].problems] == [1, 3]
