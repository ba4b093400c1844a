"""Values YAML reads differently from what an editor meant are errors with the line, never silent data."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.builds import REPORT_YML
from support.content import one_problem, with_problem


def only(errors: list[str]) -> str:
    assert len(errors) == 1, errors
    return errors[0]


def numbered(number: str) -> str:
    return f"number: {number}\ntitle: 甲\nstatus: completed\n"


@pytest.mark.parametrize("where", ["front-matter", "report.yml"])
def test_deep_nesting_is_refused_with_its_line(tmp_path: Path, where: str) -> None:
    deep = "[" * 500 + "]" * 500
    if where == "front-matter":
        error = only(one_problem(tmp_path, f"units: {deep}\n"))
        assert "01.md:5: YAML nested more than 20 levels deep" in error
    else:
        error = only(one_problem(tmp_path, report=REPORT_YML + f"intro: {deep}\n"))
        assert "report.yml:4: YAML nested more than 20 levels deep" in error


def test_deep_block_nesting_is_refused_too(tmp_path: Path) -> None:
    deep = "".join("  " * level + "-\n" for level in range(400)) + "  " * 400 + "- 甲\n"
    error = only(one_problem(tmp_path, f"units:\n{deep}"))
    assert "01.md:" in error and "YAML nested more than 20 levels deep" in error


@pytest.mark.parametrize("number", ["true", "'7'", "7.0", "yes"])
def test_a_problem_number_is_a_whole_number_not_yes_or_text(tmp_path: Path, number: str) -> None:
    error = only(with_problem(tmp_path, numbered(number)))
    assert "01.md:2: number: " in error and "is not a whole number" in error


@pytest.mark.parametrize(
    ("metric", "field"),
    [
        ("{name: 率, value: true}", "value"),
        ("{name: 率, value: '82.29'}", "value"),
        ("{name: 率, value: 1, baseline: false}", "baseline"),
        ("{name: 率, value: 1, target: '95'}", "target"),
    ],
)
def test_metric_figures_are_numbers_not_yes_or_text(tmp_path: Path, metric: str, field: str) -> None:
    error = only(one_problem(tmp_path, f"metrics: [{metric}]\n"))
    assert f"01.md:5: metrics item 1.{field}: " in error and "is not a number" in error


def test_declared_counts_refuse_yes_and_text(tmp_path: Path) -> None:
    errors = one_problem(tmp_path, report=REPORT_YML + "declared:\n  total: yes\n  completed: '1'\n")
    assert len(errors) == 2, errors
    assert any("report.yml:5: declared.total: " in e and "is not a whole number" in e for e in errors)
    assert any("report.yml:6: declared.completed: '1' is not a whole number" in e for e in errors)


@pytest.mark.parametrize(
    ("written", "read_as"),
    [("010", "8"), ("0x10", "16"), ("0b11", "3"), ("1:30", "90"), ("1_000", "1000"), ("-0x_1", "-1")],
)
def test_yaml_11_integer_forms_are_refused(tmp_path: Path, written: str, read_as: str) -> None:
    error = only(with_problem(tmp_path, numbered(written)))
    assert "01.md:2: " in error
    assert f"{written!r} would be read as {read_as}" in error
    assert "write whole numbers in decimal" in error and "in quotes if it is text" in error


def test_octal_looking_text_is_not_a_number(tmp_path: Path) -> None:
    error = only(with_problem(tmp_path, numbered("0o10")))
    assert "01.md:2: number: '0o10' is not a whole number" in error


@pytest.mark.parametrize(("written", "read_as"), [("1_000.5", "1000.5"), ("1:30.5", "90.5")])
def test_yaml_11_float_forms_are_refused(tmp_path: Path, written: str, read_as: str) -> None:
    error = only(one_problem(tmp_path, f"metrics:\n  - name: 率\n    value: {written}\n"))
    assert "01.md:7: " in error and f"{written!r} would be read as {read_as}" in error


def test_integers_past_2_53_are_refused(tmp_path: Path) -> None:
    error = only(with_problem(tmp_path, numbered("9007199254740993")))
    assert "01.md:2: number: 9007199254740993 is too large" in error
    error = only(one_problem(tmp_path, "metrics: [{name: 率, value: 123456789012345678901}]\n"))
    assert "metrics item 1.value: 123456789012345678901 is too large" in error
    error = only(one_problem(tmp_path, report=REPORT_YML + "declared: {total: 18446744073709551616}\n"))
    assert "report.yml:4: declared.total: 18446744073709551616 is too large" in error
    assert not one_problem(tmp_path, "metrics: [{name: 率, value: 9007199254740991}]\n")


@pytest.mark.parametrize("written", [".nan", ".NaN", ".inf", "-.Inf", "1.0e+999"])
def test_nan_and_infinity_are_refused(tmp_path: Path, written: str) -> None:
    error = only(one_problem(tmp_path, f"metrics:\n  - name: 率\n    value: {written}\n"))
    assert "01.md:7: " in error and "not a finite number" in error
    error = only(one_problem(tmp_path, report=REPORT_YML + f"declared:\n  rate: {written}\n"))
    assert "report.yml:5: " in error and "not a finite number" in error


@pytest.mark.parametrize(
    ("line", "tag"),
    [
        ("title: !!binary aGVsbG8=", "!!binary"),
        ("units: !!set {甲: null, 乙: null}", "!!set"),
        ("title: !!python/object/apply:os.system [echo]", "!!python/object/apply:os.system"),
        ("history: !!omap [{a: 1}]", "!!omap"),
        ("title: !custom 甲", "!custom"),
        ("title: !!str 010", "!!str"),
        ("title: ! 010", "!"),
    ],
)
def test_yaml_tags_are_refused_with_their_line(tmp_path: Path, line: str, tag: str) -> None:
    title = "" if line.startswith("title") else "title: 甲\n"
    error = only(with_problem(tmp_path, f"number: 1\nstatus: completed\n{title}{line}\n"))
    assert f"01.md:{4 + bool(title)}: YAML tag {tag} is not allowed" in error


def test_a_time_of_day_where_a_date_is_expected(tmp_path: Path) -> None:
    error = only(one_problem(tmp_path, "deadline: 2022-03-22 10:30:00\n"))
    assert "01.md:5: deadline: 2022-03-22 10:30:00 has a time of day; write only the date" in error
    error = only(one_problem(tmp_path, "deadline: 1647907200\n"))
    assert "01.md:5: deadline: 1647907200 is not a date; write it as YYYY-MM-DD" in error


def test_yes_and_no_in_a_text_field_say_how_to_keep_the_text(tmp_path: Path) -> None:
    error = only(one_problem(tmp_path, "category: no\n"))
    assert "01.md:5: category: 'no' is read as a yes/no value; put it in quotes if it is text" in error


def test_a_lone_equals_sign_is_text_only_in_quotes(tmp_path: Path) -> None:
    error = only(one_problem(tmp_path, "category: =\n"))
    assert "01.md:5: '=' has a meaning of its own in YAML; put it in quotes" in error
    assert not one_problem(tmp_path, "category: '='\n")


def test_a_key_with_a_line_break_is_shown_escaped(tmp_path: Path) -> None:
    error = only(one_problem(tmp_path, '"a\\nb": 1\n'))
    assert "01.md:5: 'a\\nb': unknown field" in error
