"""The pages at addresses whose content went elsewhere: a report or problem that moved (renamed,
renumbered), and one that was withdrawn (撤回). Old links keep working: each page says where the
content went, or that it was withdrawn, when and why. Imports nothing from MkDocs."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_rectify.model import Problem, Report, Withdrawal
from mkdocs_rectify.pages import PageKind

__all__ = ["MovedView", "WithdrawnView"]


@dataclass(frozen=True)
class _GoneView:
    """What the page at an address whose content went elsewhere is about."""

    report: Report
    """The report of the address: where it leads (perhaps withdrawn since), or what was withdrawn."""
    problem: Problem | None
    """The problem of the address; None for a report's address."""


@dataclass(frozen=True)
class MovedView(_GoneView):
    """What ``rectify/moved.html`` receives as ``rectify_page``: where the content of this address is now."""

    kind = PageKind.MOVED.value
    url: str
    """The page the content is at now, from the site root."""
    withdrawn: bool
    """Whether that page says it was withdrawn."""


@dataclass(frozen=True)
class WithdrawnView(_GoneView):
    """What ``rectify/withdrawn.html`` receives as ``rectify_page``: what was withdrawn, when and why."""

    kind = PageKind.WITHDRAWN.value
    withdrawal: Withdrawal
    """The problem's withdrawal, or the report's when the whole report was withdrawn."""
    report_withdrawn: bool
    """Whether the whole report was withdrawn."""
    back_url: str
    """Where to go from here, from the site root: the report's page, or the home page."""
