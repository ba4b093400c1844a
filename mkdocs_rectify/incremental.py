"""Which generated pages an edit of problem files can change, for the rebuilds of ``mkdocs serve``.

A generated page is rendered from its view (``views/``), the helpers every template shares, the
nav, the config and the templates. When all that the adapter cannot see here is unchanged (the
config, the docs, the templates, the leave notices; ``mkdocs_serve.py`` checks them) and the
content differs only in problems that kept their number and place, a page that shows none of the
edited problems, nor anything counted over them, renders as before and is kept. Which pages
those are follows from what each kind of view reads:

- a problem's page: that problem, its report's, and its neighbours' title and number (the pager);
  every page of the edited problem's report is taken, which covers them;
- its report's page: every problem of the report, the report's counts;
- the overview, the browsing index, the search page: counts and lists over the whole site;
- the year page of its report: the report's counts;
- a filter page: the problems of its filter in order. Every page of a filter that holds the
  edited problem (before or after the edit), and of a filter whose problems or order changed (a
  new status, overdue, unit or year moves a problem from one filter to another), is taken;
- the pages at the report's moved and withdrawn addresses (they name its problems).

Anything else is a change of the whole (a report added, removed or with another ``report.yml``, a
problem added, removed or renumbered, a withdrawn problem or report, another build date, another
set of pages): then every page is rendered again, as in a first build. Imports nothing from MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs_rectify.browse import Browsing
from mkdocs_rectify.model import Problem, Report, Site
from mkdocs_rectify.pages import PageKey, PageKind

__all__ = ["Content", "affected_pages"]

_SITE_WIDE = (PageKind.OVERVIEW, PageKind.BROWSE, PageKind.SEARCH)
_OF_REPORT = (PageKind.REPORT, PageKind.PROBLEM, PageKind.MOVED, PageKind.WITHDRAWN)


@dataclass(frozen=True)
class Content:
    """What one build's generated pages were made from: the site, its browsing filters, and the
    keys of the pages planned."""

    site: Site
    browsing: Browsing | None
    pages: frozenset[PageKey]


def affected_pages(before: Content, after: Content) -> set[PageKey] | None:
    """The pages of ``after`` whose output can differ from ``before``'s; None for every page.

    See the module's docstring for why the pages left out render as they did."""
    if before.pages != after.pages or not _same_frame(before.site, after.site):
        return None
    changed = [
        (report, old, new)
        for report, old_report in zip(after.site.reports, before.site.reports, strict=True)
        for old, new in zip(old_report.problems, report.problems, strict=True)
        if old != new
    ]
    if not changed:
        return set()
    affected = {key for key in after.pages if key.kind in _SITE_WIDE}
    reports = {report.id for report, _, _ in changed}
    years = {report.year for report, _, _ in changed if report.year is not None}
    affected |= {key for key in after.pages if key.kind in _OF_REPORT and key.report_id in reports}
    affected |= {key for key in after.pages if key.kind is PageKind.YEAR and key.number in years}
    filters = _changed_filters(before.browsing, after.browsing, [(old, new) for _, old, new in changed])
    if filters is None:
        return None
    affected |= {key for key in after.pages if key.kind is PageKind.FILTER and key.name in filters}
    return affected


def _same_frame(before: Site, after: Site) -> bool:
    """Whether the two sites differ at most in the fields of problems that kept their place."""
    if before.build_date != after.build_date or before.withdrawn_reports != after.withdrawn_reports:
        return False
    if len(before.reports) != len(after.reports):
        return False
    return all(_same_report_frame(old, new) for old, new in zip(before.reports, after.reports, strict=True))


def _same_report_frame(before: Report, after: Report) -> bool:
    return (
        before.id == after.id
        and before.meta == after.meta
        and before.withdrawn_problems == after.withdrawn_problems
        and [p.number for p in before.problems] == [p.number for p in after.problems]
        and [p.source_path for p in before.problems] == [p.source_path for p in after.problems]
    )


def _changed_filters(
    before: Browsing | None, after: Browsing | None, changed: Iterable[tuple[Problem, Problem]]
) -> set[str] | None:
    """The paths of the filters whose pages can differ; None when the filters themselves differ."""
    if before is None or after is None:
        return None if (before is None) != (after is None) else set()
    old = {found.path: [_place(p) for p in problems] for found, problems in before.lists}
    new = {found.path: [_place(p) for p in problems] for found, problems in after.lists}
    if old.keys() != new.keys():
        return None
    edited = {_place(problem) for pair in changed for problem in pair}
    return {
        path for path in new if old[path] != new[path] or edited & set(old[path]) or edited & set(new[path])
    }


def _place(problem: Problem) -> tuple[str, int]:
    return problem.report_id, problem.number
