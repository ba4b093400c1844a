"""The pages of a report: the whole report on one page, and one page per problem."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup

from mkdocs_rectify.model import Problem, Report, Summary
from mkdocs_rectify.pages import PageKind
from mkdocs_rectify.render import ProblemHtml
from mkdocs_rectify.tracking import Counts
from mkdocs_rectify.views.browse import FilterLink

__all__ = ["ProblemView", "ReportView"]


@dataclass(frozen=True)
class ProblemView:
    """What ``rectify/problem.html`` receives as ``rectify_page``."""

    report: Report
    problem: Problem
    html: ProblemHtml
    report_url: str
    previous: tuple[Problem, str] | None
    next: tuple[Problem, str] | None
    trail: list[tuple[str, str]] = field(default_factory=list)
    """The breadcrumb (当前位置): the home page, the report, this problem; each label and URL."""

    kind = PageKind.PROBLEM.value

    def content_html(self) -> Iterator[Markup]:
        """The HTML of the content this page shows (sanitised Markdown)."""
        yield from self.html.parts()


@dataclass(frozen=True)
class ReportView:
    """What ``rectify/report.html`` receives as ``rectify_page``."""

    kind = PageKind.REPORT.value
    report: Report
    intro_html: Markup
    problems: list[tuple[Problem, ProblemHtml, str]]
    """Each problem, its HTML and its page URL, in number order."""
    csv_url: str | None
    json_url: str | None
    schema_url: str | None
    unclassified_html: list[Markup] = field(default_factory=list)
    counts: Counts | None = None
    """The report's counts on the build date (with overdue)."""
    statuses: list[FilterLink] = field(default_factory=list)
    """The browsing pages of each status and overdue (the site's), when they are generated."""
    units: list[FilterLink] = field(default_factory=list)
    """The browsing page of each responsible unit the report names."""

    @cached_property
    def summary(self) -> Summary:
        return self.report.summary

    def content_html(self) -> Iterator[Markup]:
        """The HTML of the content this page shows (sanitised Markdown)."""
        yield self.intro_html
        yield from self.unclassified_html
        for _, html, _ in self.problems:
            yield from html.parts()
