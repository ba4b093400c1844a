"""The overview (the home page): the site's totals, the latest reports and the ways to browse."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_rectify.model import Site
from mkdocs_rectify.pages import PageKind
from mkdocs_rectify.tracking import Counts
from mkdocs_rectify.views.browse import FilterLink, ReportEntry, YearLink

__all__ = ["OverviewView"]


@dataclass(frozen=True)
class OverviewView:
    """What ``rectify/overview.html`` receives as ``rectify_page``.

    Its size is bounded whatever the size of the site: the latest reports (``browse.latest_reports``
    of them), one link per status and per year, and the way to the page of every filter."""

    kind = PageKind.OVERVIEW.value
    site: Site
    totals: Counts
    """The site's counts."""
    reports: list[ReportEntry]
    """The latest reports, newest first."""
    earlier: int
    """How many reports are not listed (they are on the pages of their years)."""
    statuses: list[FilterLink]
    """Each status and overdue, when the browsing pages are generated."""
    years: list[YearLink]
    browse_url: str | None
