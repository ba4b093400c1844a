"""Markdown fields to HTML, and the view objects the page templates receive.

Only Python-Markdown is used here (with the site's own extensions), not MkDocs, so the
views can be rendered by any Jinja environment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import markdown

from mkdocs_rectify.model import Problem, Report, Site

__all__ = ["MarkdownRenderer", "OverviewView", "ProblemHtml", "ProblemView", "ReportView", "phone_uri"]


class MarkdownRenderer:
    """Renders the Markdown fields of the content with the site's Markdown extensions."""

    def __init__(self, extensions: Sequence[Any] = (), configs: Mapping[str, Any] | None = None) -> None:
        self._md = markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs or {}))
        self._problems: dict[tuple[str, int], ProblemHtml] = {}

    def __call__(self, text: str) -> str:
        self._md.reset()
        return self._md.convert(text)

    def problem(self, problem: Problem) -> ProblemHtml:
        """The HTML of a problem's fields, rendered once per build and shared by every page."""
        key = (problem.report_id, problem.number)
        if key not in self._problems:
            self._problems[key] = ProblemHtml(
                statement=self(problem.statement),
                measures=[self(item) for item in problem.measures],
                results=[self(item) for item in problem.results],
                next_steps=[self(item) for item in problem.next_steps],
                unclassified=[self(item) for item in problem.unclassified],
            )
        return self._problems[key]


@dataclass(frozen=True)
class ProblemHtml:
    statement: str
    measures: list[str]
    results: list[str]
    next_steps: list[str]
    unclassified: list[str]


@dataclass(frozen=True)
class ProblemView:
    """What ``rectify/problem.html`` receives as ``rectify_page``."""

    kind = "problem"
    report: Report
    problem: Problem
    html: ProblemHtml
    report_url: str
    previous: tuple[Problem, str] | None
    next: tuple[Problem, str] | None


@dataclass(frozen=True)
class ReportView:
    """What ``rectify/report.html`` receives as ``rectify_page``."""

    kind = "report"
    report: Report
    intro_html: str
    problems: list[tuple[Problem, ProblemHtml, str]]
    """Each problem, its HTML and its page URL, in number order."""
    csv_url: str | None
    json_url: str | None
    schema_url: str | None
    unclassified_html: list[str] = field(default_factory=list)

    @cached_property
    def summary(self) -> Any:
        return self.report.summary


@dataclass(frozen=True)
class OverviewView:
    """What ``rectify/overview.html`` receives as ``rectify_page``."""

    kind = "overview"
    site: Site
    reports: list[tuple[Report, str]]
    """Each report and its page URL, newest first."""


def phone_uri(phone: str) -> str:
    """A ``tel:`` URI for a phone number as printed (``0898-68522090`` → ``tel:0898-68522090``)."""
    return "tel:" + re.sub(r"[^0-9+\-]", "", phone)
