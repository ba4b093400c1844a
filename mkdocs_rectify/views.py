"""The view each generated page receives as ``rectify_page``, assembled from the site and its URLs.

Imports nothing from MkDocs: the adapter hands over the site, the Markdown renderer, the URL
MkDocs gave each planned page, and the options that change what the pages show. A new kind of
page (a filter page, a feed) adds its view here, next to the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mkdocs_rectify.model import Report, Site
from mkdocs_rectify.pages import DATA_DIR, PageKey
from mkdocs_rectify.render import MarkdownRenderer, OverviewView, ProblemView, ReportView
from mkdocs_rectify.search import SearchView
from mkdocs_rectify.statement import Statement

if TYPE_CHECKING:  # the validated options; only their values are read
    from mkdocs_rectify.config import AccessibilityConfig

__all__ = ["SiteViews"]


class SiteViews:
    """The views of one build's pages.

    ``urls`` maps each planned page to its URL from the site root. ``search`` is the search
    bundle's folder and the traditional→simplified table's path, or None when search is off.
    """

    def __init__(
        self,
        site: Site,
        render: MarkdownRenderer,
        urls: Mapping[PageKey, str],
        *,
        site_name: str,
        open_data: bool,
        accessibility: AccessibilityConfig,
        search: tuple[str, str] | None,
    ) -> None:
        self.site = site
        self._render = render
        self._urls = urls
        self._site_name = site_name
        self._open_data = open_data
        self._accessibility = accessibility
        self._search = search
        self._positions: dict[PageKey, tuple[Report, int]] = {}
        for report in site.reports:
            self._positions[PageKey("report", report.id)] = (report, -1)
            for index, problem in enumerate(report.problems):
                self._positions[PageKey("problem", report.id, problem.number)] = (report, index)

    def url_of(self, report_id: str, number: int | None = None) -> str:
        """The URL (from the site root) of a report's page, or of one of its problems' pages."""
        key = PageKey("report", report_id) if number is None else PageKey("problem", report_id, number)
        return self._urls[key]

    def view(self, key: PageKey) -> Any:
        if key.kind == "statement":
            return self._statement()
        if key.kind == "overview":
            return OverviewView(self.site, [(r, self.url_of(r.id)) for r in self.site.reports])
        if key.kind == "search":
            if self._search is None:
                raise KeyError(key)
            bundle, table = self._search
            overview = self._urls.get(PageKey("overview"))
            return SearchView.of(self.site, bundle_url=f"{bundle}/", map_url=table, overview_url=overview)
        report, index = self._positions[key]
        if key.kind == "report":
            return self._report(report)
        return self._problem(report, index)

    def _statement(self) -> Statement:
        reports = self.site.reports
        contacts = (r.meta.contact for r in reports if r.meta.contact.phone or r.meta.contact.email)
        return Statement.from_options(self._site_name, self._accessibility, next(contacts, None))

    def _report(self, report: Report) -> ReportView:
        render, data = self._render, self._open_data
        return ReportView(
            report=report,
            intro_html=render.intro(report),
            problems=[(p, render.problem(p), self.url_of(report.id, p.number)) for p in report.problems],
            csv_url=f"{DATA_DIR}/{report.id}.csv" if data else None,
            json_url=f"{DATA_DIR}/rectify.json" if data else None,
            schema_url=f"{DATA_DIR}/schema.json" if data else None,
            unclassified_html=render.report_unclassified(report),
        )

    def _problem(self, report: Report, index: int) -> ProblemView:
        problems = report.problems
        previous, following = (
            (problems[i], self.url_of(report.id, problems[i].number)) if 0 <= i < len(problems) else None
            for i in (index - 1, index + 1)
        )
        problem = problems[index]
        return ProblemView(
            report=report,
            problem=problem,
            html=self._render.problem(problem),
            report_url=self.url_of(report.id),
            previous=previous,
            next=following,
        )
