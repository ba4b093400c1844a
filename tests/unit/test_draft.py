"""Drafts (``draft: true``): an unfinished import loads with warnings naming what is missing;
``validate`` lists it and exits 0, ``validate --strict`` refuses it. A report that only states counts
(a round-level summary) is a report without problem files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.builds import REPORT_YML, problem_file, write_tree
from support.drafts import BARE_DRAFT, SUMMARY

from mkdocs_rectify.cli import main
from mkdocs_rectify.loader import ContentErrors, load_content
from mkdocs_rectify.model import Report, ReportMeta


def test_a_draft_loads_with_a_warning_naming_what_is_missing(tmp_path: Path) -> None:
    write_tree(tmp_path, {"qwwlj-2025/report.yml": BARE_DRAFT})
    loaded = load_content(tmp_path)
    report = loaded.site.reports[0]
    assert report.meta.draft and report.problems == []
    assert report.missing == ["title", "issuer", "published", "problems"]
    drafts = [w for w in loaded.warnings if ": draft: " in w]
    assert len(drafts) == 1 and drafts[0].endswith(
        "qwwlj-2025/report.yml: draft: missing title, issuer, published, problems (shown as 待补充); "
        "fill them in, then remove draft: true"
    )


def test_the_same_report_without_draft_is_refused_with_every_field(tmp_path: Path) -> None:
    write_tree(tmp_path, {"qwwlj-2025/report.yml": BARE_DRAFT.replace("draft: true\n", "")})
    with pytest.raises(ContentErrors) as caught:
        load_content(tmp_path)
    messages = [str(error) for error in caught.value.errors]
    for field in ("title", "issuer", "published"):
        assert any(f"report.yml:1: {field}: required field is missing" in m for m in messages)
    assert any("no problem files" in message and "draft: true" in message for message in messages)


def test_draft_must_be_yes_or_no(tmp_path: Path) -> None:
    write_tree(
        tmp_path, {"a-2025/report.yml": REPORT_YML + "draft: 'true'\n", "a-2025/01.md": problem_file(1, "题")}
    )
    with pytest.raises(ContentErrors) as caught:
        load_content(tmp_path)
    assert [error.field for error in caught.value.errors] == ["draft"]


def test_a_round_level_summary_states_counts_and_has_no_problems(tmp_path: Path) -> None:
    write_tree(tmp_path, {"qwxc-2025/report.yml": SUMMARY})
    loaded = load_content(tmp_path)
    assert loaded.warnings == []  # the counts are not compared with problems it does not list
    assert loaded.site.reports[0].missing == []


def test_validate_lists_what_is_missing_and_strict_refuses(tmp_path: Path) -> None:
    write_tree(tmp_path, {"qwwlj-2025/report.yml": BARE_DRAFT})
    runner = CliRunner()
    plain = runner.invoke(main, ["validate", str(tmp_path)])
    assert plain.exit_code == 0, plain.output
    assert "draft: missing title, issuer, published, problems" in plain.output
    assert "1 report(s), 0 problem(s), valid." in plain.output
    strict = runner.invoke(main, ["validate", "--strict", str(tmp_path)])
    assert strict.exit_code == 1 and "--strict makes warnings errors" in strict.output


def _report(report_id: str, published: str | None) -> Report:
    fields: dict[str, object] = {"draft": True}
    if published is not None:
        fields = {"title": "题", "issuer": "单位", "published": published}
    return Report(id=report_id, meta=ReportMeta.model_validate(fields), problems=[])


def test_a_report_sorts_by_its_date_and_a_draft_without_one_last() -> None:
    dated, older = _report("b-2024", "2024-05-06"), _report("a-2021", "2021-06-01")
    draft = _report("c-2025", None)
    assert dated.sort_date == dt.date(2024, 5, 6)
    assert draft.sort_date < older.sort_date < dated.sort_date
    newest = sorted([draft, older, dated], key=lambda report: report.sort_date, reverse=True)
    assert [report.id for report in newest] == ["b-2024", "a-2021", "c-2025"]


def test_a_report_has_the_year_of_its_date_and_a_draft_without_one_none() -> None:
    assert _report("b-2024", "2024-05-06").year == 2024
    assert _report("c-2025", None).year is None
