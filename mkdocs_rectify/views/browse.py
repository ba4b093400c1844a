"""Browsing without JavaScript: every filter (``browse/``), one page of a filter's problems, and the
reports of a year (``years/<year>/``). Imports nothing from MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs_rectify.browse import Filter, Paging
from mkdocs_rectify.model import Problem, Report
from mkdocs_rectify.pages import PageKind
from mkdocs_rectify.tracking import Counts

__all__ = ["BrowseView", "FilterItem", "FilterLink", "FilterView", "ReportEntry", "YearLink", "YearView"]


@dataclass(frozen=True)
class FilterLink:
    """A link to a filter's first page, with how many problems it lists."""

    filter: Filter
    url: str
    count: int

    @property
    def value(self) -> str:
        return self.filter.value


@dataclass(frozen=True)
class YearLink:
    """A year: the page of its reports, how many there are, and the filter of its problems."""

    year: int
    url: str | None
    reports: int
    problems_url: str | None


@dataclass(frozen=True)
class ReportEntry:
    """A report as a list shows it: its page, its counts, when it was published and last updated."""

    report: Report
    url: str
    counts: Counts


@dataclass(frozen=True)
class FilterItem:
    """A problem as a filter page lists it: its page, its report, whether it is overdue."""

    problem: Problem
    url: str
    report: Report
    report_url: str
    overdue: bool


@dataclass(frozen=True)
class BrowseView:
    """What ``rectify/browse.html`` receives: every filter, by facet."""

    kind = PageKind.BROWSE.value
    statuses: list[FilterLink]
    """Each status, then overdue."""
    units: list[FilterLink]
    """Each responsible unit, in slug (pinyin) order."""
    years: list[YearLink]
    """Each year a report was published in, newest first."""
    trail: list[tuple[str, str]]
    """The breadcrumb: each step's label and URL, this page last."""


@dataclass(frozen=True)
class FilterView:
    """What ``rectify/filter.html`` receives: one page of the problems of a filter."""

    kind = PageKind.FILTER.value
    filter: Filter
    title: str
    items: list[FilterItem]
    total: int
    """How many problems the filter has, on every page."""
    first: int
    """The position of the first problem on this page, from 1 (0 when there are none)."""
    paging: Paging
    page_urls: list[str]
    """The URL of each page of the filter, the first first."""
    browse_url: str | None
    """The page of every filter."""
    year_url: str | None = None
    """For a year's filter, the page of that year's reports."""
    trail: list[tuple[str, str]] = field(default_factory=list)
    """The breadcrumb: each step's label and URL, this page last."""

    @property
    def last(self) -> int:
        return self.first + len(self.items) - 1 if self.items else 0


@dataclass(frozen=True)
class YearView:
    """What ``rectify/year.html`` receives: the reports of a year, newest first."""

    kind = PageKind.YEAR.value
    year: int
    reports: list[ReportEntry]
    problems_url: str | None
    """The filter of the year's problems."""
    browse_url: str | None
    trail: list[tuple[str, str]] = field(default_factory=list)
    """The breadcrumb: each step's label and URL, this page last."""
