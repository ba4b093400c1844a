"""Loading content folders written in tests, with a fixed build date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_rectify.loader import ContentErrors, load_content
from support.builds import REPORT_YML, write_tree

BUILD_DATE = dt.date(2024, 6, 1)
"""The build date the tests load content on (the sample report is published 2024-05-06)."""


@dataclass
class Outcome:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def load(root: Path, build_date: dt.date = BUILD_DATE) -> Outcome:
    """Errors (as printed), or the warnings and notes of valid content."""
    try:
        loaded = load_content(root, build_date=build_date)
    except ContentErrors as errors:
        return Outcome(errors=[str(error) for error in errors.errors])
    return Outcome(warnings=[str(w) for w in loaded.warnings], notes=[str(n) for n in loaded.notes])


def errors_in(root: Path, files: Mapping[str, str], build_date: dt.date = BUILD_DATE) -> list[str]:
    write_tree(root, files)
    return load(root, build_date).errors


def with_problem(root: Path, front: str, body: str = "问题表现。", report: str = REPORT_YML) -> list[str]:
    """Errors of a report whose one problem file has the front-matter ``front`` (its first line is line 2)."""
    return errors_in(root, {"r-2024/report.yml": report, "r-2024/01.md": f"---\n{front}---\n{body}\n"})


def one_problem(root: Path, extra: str = "", body: str = "问题表现。", report: str = REPORT_YML) -> list[str]:
    """Errors of a report with one problem (number 1, title 甲, completed) and then ``extra``.

    ``extra`` ends the front-matter and starts on line 5 of the file."""
    return with_problem(root, f"number: 1\ntitle: 甲\nstatus: completed\n{extra}", body, report)
