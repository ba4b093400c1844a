"""The overview of every report (the home page)."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_rectify.model import Report, Site
from mkdocs_rectify.pages import PageKind

__all__ = ["OverviewView"]


@dataclass(frozen=True)
class OverviewView:
    """What ``rectify/overview.html`` receives as ``rectify_page``."""

    kind = PageKind.OVERVIEW.value
    site: Site
    reports: list[tuple[Report, str]]
    """Each report and its page URL, newest first."""
