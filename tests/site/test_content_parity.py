"""`mkdocs-rectify validate`, `mkdocs build` and `mkdocs build --strict` report the same problems."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.builds import REPORT_YML, build_site, problem_file
from support.cli import Run, rectify


@pytest.fixture(autouse=True)
def build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")  # 2024-06-01 in China, for both commands


def validate(project: Path, *args: str) -> Run:
    """``validate`` in the language of the site's builds (``theme.language: zh``)."""
    return rectify("--lang", "zh-CN", "validate", "content", *args, cwd=project)


def error_lines(output: str) -> set[str]:
    return {line.strip() for line in output.splitlines() if re.match(r"\s+(?:文件夹? )?content/", line)}


def warning_lines(output: str) -> set[str]:
    found = set()
    for line in output.splitlines():
        match = re.match(r"(?:警告：|WARNING\s+-\s+rectify: )((?:文件夹? )?content/.*)", line)
        if match:
            found.add(match.group(1))
    return found


def test_the_same_errors_from_validate_build_and_strict_build(make_site) -> None:
    project = make_site(
        {
            "content/r-2024/report.yml": REPORT_YML + "contact:\n  phone: 'javascript:alert(1)'\n",
            "content/r-2024/01.md": problem_file(1, "甲", units="[" * 30 + "]" * 30),
            "content/r-2024/02.md": problem_file(2, "乙", number_of_pages="010"),
            "content/r-2024/03.md": problem_file(3, "丙", body="正文\u202e反转"),
            "content/r-2024/04.md": problem_file(4, "丁", completed_on="2099-01-01"),
            "content/r-2024/05.md": problem_file(5, "戊", title_note="!!binary aGVsbG8="),
            "content/r-2024/06.MD": problem_file(6, "己"),
            "content/search/report.yml": REPORT_YML,
            "content/search/01.md": problem_file(1, "甲"),
        }
    )
    checked = validate(project)
    assert checked.returncode == 1
    errors = error_lines(checked.stderr)
    assert len(errors) == 8, errors
    for args in ((), ("--strict",)):
        built = build_site(project, *args)
        assert built.returncode == 1
        assert "Traceback" not in built.output
        assert error_lines(built.output) == errors


def test_the_same_warnings_and_strict_fails_on_them(make_site) -> None:
    project = make_site(
        {
            "content/r-2024/report.yml": REPORT_YML + "declared: {total: 2}\n",
            "content/r-2024/01.md": problem_file(1, "甲", body="举报人手机13812345678"),
            "content/r-2024/notes.txt": "备忘\n",
        }
    )
    checked = validate(project)
    assert checked.returncode == 0, checked.stderr
    warnings = warning_lines(checked.stderr)
    assert len(warnings) == 3, checked.stderr
    built = build_site(project)
    assert built.returncode == 0, built.output
    assert warning_lines(built.output) == warnings
    assert validate(project, "--strict").returncode == 1
    assert build_site(project, "--strict").returncode == 1
