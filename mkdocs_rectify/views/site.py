"""The view of every generated page of one build, from one entry point: :meth:`SiteViews.view`.

The adapter hands over the site, the Markdown renderer, the URL each planned page got, and the
options that change what the pages show; each kind of page has its module beside this one. A new
kind of page (a filter page, a feed) adds a :class:`~mkdocs_rectify.pages.PageKind`, its module
and one entry in :meth:`SiteViews.view`. Imports nothing from MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup

from mkdocs_rectify.browse import Browsing, Facet, Paging
from mkdocs_rectify.loader import ContentError
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Problem, Report, Site
from mkdocs_rectify.pages import (
    DATA_JSON,
    DATA_SCHEMA,
    SEARCH_MAP,
    SEARCH_THESAURUS,
    SITE_FEED,
    PageKey,
    PageKind,
    PageUrls,
    Place,
    data_csv,
    filter_title,
    moves,
)
from mkdocs_rectify.render import MarkdownRenderer
from mkdocs_rectify.search import BUNDLE_DIR
from mkdocs_rectify.tracking import SiteFacts
from mkdocs_rectify.views.browse import (
    BrowseView,
    FilterItem,
    FilterLink,
    FilterView,
    ReportEntry,
    YearLink,
    YearView,
)
from mkdocs_rectify.views.errors import ErrorsView
from mkdocs_rectify.views.government import GovernmentFooter
from mkdocs_rectify.views.leave import NoticeRegistry, NoticeView
from mkdocs_rectify.views.moved import MovedView, WithdrawnView
from mkdocs_rectify.views.overview import OverviewView
from mkdocs_rectify.views.report import ProblemView, ReportView
from mkdocs_rectify.views.search import SearchView
from mkdocs_rectify.views.statement import Statement
from mkdocs_rectify.views.templating import TemplateHelpers

if TYPE_CHECKING:  # the validated options; only their values are read
    from mkdocs_rectify.config import RectifyConfig

__all__ = ["PageView", "SiteViews"]

PageView = (
    OverviewView
    | ReportView
    | ProblemView
    | SearchView
    | Statement
    | NoticeView
    | ErrorsView
    | BrowseView
    | FilterView
    | YearView
    | MovedView
    | WithdrawnView
)
"""What a generated page's template receives as ``rectify_page``; its ``kind`` says which."""


class SiteViews:
    """The views of one build's pages, each made once, and the helpers every template shares.

    ``urls`` are the planned pages' URLs; ``options`` the plugin's; ``home_url`` is the home
    page's (where a notice's 返回 leads when several pages link to its destination). ``notices``
    are the destinations of the leave notices, complete before the first page is rendered;
    ``errors`` what the error page lists; ``browsing`` the filters of the browsing pages;
    ``feeds`` whether the Atom feeds are written.
    """

    def __init__(
        self,
        site: Site,
        locale: Locale,
        render: MarkdownRenderer,
        urls: PageUrls,
        options: RectifyConfig,
        *,
        site_name: str,
        home_url: str,
        notices: NoticeRegistry,
        errors: Sequence[ContentError] = (),
        browsing: Browsing | None = None,
        facts: SiteFacts | None = None,
        feeds: bool = False,
    ) -> None:
        self.site = site
        self._render = render
        self._urls = urls
        self._site_name = site_name
        self._home_url = home_url
        self._options = options
        self._notices = notices
        self._errors = list(errors)
        self._browsing = browsing
        self.facts = facts or SiteFacts(site, site.build_date or dt.date.min)
        """What is derived from the content on the build date: overdue, deadlines, counts."""
        self._locale = locale
        self._made: dict[PageKey, PageView] = {}
        self._moves: dict[Place, Place] | None = None
        self.helpers = TemplateHelpers(
            locale,
            search_url=urls.get(PageKey(PageKind.SEARCH)),
            statement_url=urls.get(PageKey(PageKind.STATEMENT)),
            government=GovernmentFooter.from_options(options.government),
            build_date=site.build_date,
            facts=self.facts,
            unit_urls={link.value: link.url for link in self._filter_links(Facet.UNIT)},
            feed_url=SITE_FEED if feeds else None,
        )
        """``rectify`` in every template."""
        self._makers: dict[PageKind, Callable[[PageKey], PageView]] = {
            PageKind.OVERVIEW: self._overview,
            PageKind.REPORT: self._report,
            PageKind.PROBLEM: self._problem,
            PageKind.SEARCH: self._search_page,
            PageKind.STATEMENT: self._statement,
            PageKind.LEAVE: self._notice,
            PageKind.ERRORS: self._error_page,
            PageKind.BROWSE: self._browse,
            PageKind.FILTER: self._filter,
            PageKind.YEAR: self._year,
            PageKind.MOVED: self._moved,
            PageKind.WITHDRAWN: self._withdrawn,
        }
        self._positions: dict[tuple[str, int | None], tuple[Report, int]] = {}
        for report in site.reports:
            self._positions[report.id, None] = (report, -1)
            for index, problem in enumerate(report.problems):
                self._positions[report.id, problem.number] = (report, index)

    def view(self, key: PageKey) -> PageView:
        """What the page's template receives as ``rectify_page``."""
        if key not in self._made:
            self._made[key] = self._makers[key.kind](key)
        return self._made[key]

    def content_html(self, key: PageKey) -> Iterable[Markup]:
        """The HTML made from the content's Markdown that the page shows (where its links are)."""
        view = self.view(key)
        return view.content_html() if isinstance(view, ProblemView | ReportView) else ()

    # -- one maker per kind of page ---------------------------------------------------------------

    def _overview(self, key: PageKey) -> OverviewView:
        newest = self._newest_first(self.site.reports)
        latest = newest[: self._options.browse.latest_reports]
        return OverviewView(
            site=self.site,
            totals=self.facts.totals,
            reports=[self._entry(report) for report in latest],
            earlier=len(newest) - len(latest),
            statuses=self._filter_links(Facet.STATUS),
            years=self._year_links(),
            browse_url=self._urls.get(PageKey(PageKind.BROWSE)),
        )

    # -- browsing -------------------------------------------------------------------------------

    def _is_overdue(self, problem: Problem) -> bool:
        return self.facts.of(problem).overdue

    @staticmethod
    def _newest_first(reports: Iterable[Report]) -> list[Report]:
        return sorted(reports, key=lambda r: (r.sort_date, r.id), reverse=True)

    def _entry(self, report: Report) -> ReportEntry:
        return ReportEntry(report, self._urls.of(report.id), self.facts.report(report))

    def _filter_url(self, path: str, page: int = 1) -> str | None:
        return self._urls.get(PageKey(PageKind.FILTER, name=path, number=page))

    def _filter_links(self, facet: Facet) -> list[FilterLink]:
        if self._browsing is None:
            return []
        links = []
        for found, count in self._browsing.of_facet(facet):
            url = self._filter_url(found.path)
            if url is not None:
                links.append(FilterLink(found, url, count))
        return links

    def _year_links(self) -> list[YearLink]:
        years: dict[int, int] = {}
        for report in self.site.reports:
            if report.year is not None:  # a draft without its date has no year yet
                years[report.year] = years.get(report.year, 0) + 1
        return [
            YearLink(
                year,
                self._urls.get(PageKey(PageKind.YEAR, number=year)),
                years[year],
                self._filter_url(f"{Facet.YEAR.value}/{year}"),
            )
            for year in sorted(years, reverse=True)
        ]

    def _home(self) -> list[tuple[str, str]]:
        """The first step of every breadcrumb: the home page."""
        return [(self._locale.t("breadcrumb.home"), self._home_url)]

    def _browse_trail(self, *rest: tuple[str, str]) -> list[tuple[str, str]]:
        url = self._urls.get(PageKey(PageKind.BROWSE))
        browse = [(self._locale.t("browse.title"), url)] if url is not None else []
        return [*self._home(), *browse, *rest]

    def _browse(self, key: PageKey) -> BrowseView:
        return BrowseView(
            statuses=self._filter_links(Facet.STATUS),
            units=self._filter_links(Facet.UNIT),
            years=self._year_links(),
            trail=self._browse_trail(),
        )

    def _filter(self, key: PageKey) -> FilterView:
        if self._browsing is None:
            raise KeyError(key)
        path, number = str(key.name), key.number or 1
        browsing = self._browsing
        chosen = browsing.filter(path)
        reports = {report.id: report for report in self.site.reports}
        items = [
            FilterItem(
                problem,
                self._urls.of(problem.report_id, problem.number),
                reports[problem.report_id],
                self._urls.of(problem.report_id),
                self._is_overdue(problem),
            )
            for problem in browsing.page(path, number)
        ]
        count = browsing.pages(path)
        year_url = None
        if chosen.facet is Facet.YEAR:
            year_url = self._urls.get(PageKey(PageKind.YEAR, number=int(chosen.value)))
        return FilterView(
            filter=chosen,
            title=filter_title(chosen, self._locale),
            items=items,
            total=len(browsing.problems(path)),
            first=(number - 1) * browsing.page_size + 1 if items else 0,
            paging=Paging(number, count),
            page_urls=[str(self._filter_url(path, page)) for page in range(1, count + 1)],
            browse_url=self._urls.get(PageKey(PageKind.BROWSE)),
            year_url=year_url,
            trail=self._browse_trail(
                (filter_title(chosen, self._locale), str(self._filter_url(path, number)))
            ),
        )

    def _year(self, key: PageKey) -> YearView:
        year = int(key.number or 0)
        reports = [report for report in self.site.reports if report.year == year]
        return YearView(
            year=year,
            reports=[self._entry(report) for report in self._newest_first(reports)],
            problems_url=self._filter_url(f"{Facet.YEAR.value}/{year}"),
            browse_url=self._urls.get(PageKey(PageKind.BROWSE)),
            trail=[*self._home(), (self._locale.t("years.title", year=year), str(self._urls.get(key)))],
        )

    def _report(self, key: PageKey) -> ReportView:
        named = {
            unit
            for problem in self._positions[str(key.report_id), None][0].problems
            for unit in problem.units
        }
        (report, _), render, data = (
            self._positions[str(key.report_id), None],
            self._render,
            self._options.open_data,
        )
        return ReportView(
            report=report,
            intro_html=render.intro(report),
            problems=[(p, render.problem(p), self._urls.of(report.id, p.number)) for p in report.problems],
            csv_url=data_csv(report.id) if data else None,
            json_url=DATA_JSON if data else None,
            schema_url=DATA_SCHEMA if data else None,
            unclassified_html=render.report_unclassified(report),
            counts=self.facts.report(report),
            statuses=self._filter_links(Facet.STATUS),
            units=[link for link in self._filter_links(Facet.UNIT) if link.value in named],
        )

    def _problem(self, key: PageKey) -> ProblemView:
        report, index = self._positions[str(key.report_id), key.number]
        problems = report.problems
        previous, following = (
            self._neighbour(report, i) if 0 <= i < len(problems) else None for i in (index - 1, index + 1)
        )
        problem = problems[index]
        return ProblemView(
            report=report,
            problem=problem,
            html=self._render.problem(problem),
            report_url=self._urls.of(report.id),
            previous=previous,
            next=following,
            trail=[
                *self._home(),
                (report.meta.title, self._urls.of(report.id)),
                (
                    self._locale.t("problem.number", number=problem.number),
                    self._urls.of(report.id, problem.number),
                ),
            ],
        )

    def _neighbour(self, report: Report, index: int) -> tuple[Problem, str]:
        problem = report.problems[index]
        return problem, self._urls.of(report.id, problem.number)

    def _search_page(self, key: PageKey) -> SearchView:
        if not self._options.search:
            raise KeyError(key)
        overview = self._urls.get(PageKey(PageKind.OVERVIEW))
        return SearchView.of(
            self.site,
            bundle_url=f"{BUNDLE_DIR}/",
            map_url=SEARCH_MAP,
            thesaurus_url=SEARCH_THESAURUS,
            overview_url=overview,
            report_urls={report.id: self._urls.of(report.id) for report in self.site.reports},
            browse_url=self._urls.get(PageKey(PageKind.BROWSE)),
        )

    def _statement(self, key: PageKey) -> Statement:
        contacts = (report.meta.contact for report in self.site.reports)
        return Statement.from_options(self._site_name, self._options.accessibility, contacts)

    def _notice(self, key: PageKey) -> NoticeView:
        return self._notices.view_of(str(key.name), self._home_url)

    def _error_page(self, key: PageKey) -> ErrorsView:
        return ErrorsView(self._errors)

    def _place(self, place: Place) -> tuple[Report, Problem | None]:
        """The report (published or withdrawn) and problem (or None) at a current address."""
        report_id, number = place
        report = next(r for r in (*self.site.reports, *self.site.withdrawn_reports) if r.id == report_id)
        if number is None:
            return report, None
        return report, next(p for p in (*report.problems, *report.withdrawn_problems) if p.number == number)

    def _moved(self, key: PageKey) -> MovedView:
        if self._moves is None:
            self._moves = moves(self.site)
        place = self._moves[str(key.report_id), key.number]
        report, problem = self._place(place)
        withdrawn = report.meta.withdrawn is not None or bool(problem and problem.withdrawn)
        return MovedView(report, problem, self._urls.of(*place), withdrawn)

    def _withdrawn(self, key: PageKey) -> WithdrawnView:
        report, problem = self._place((str(key.report_id), key.number))
        withdrawal = report.meta.withdrawn or (problem.withdrawn if problem is not None else None)
        if withdrawal is None:
            raise KeyError(key)
        published = report.meta.withdrawn is None
        back = self._urls.of(report.id) if published else self._home_url
        return WithdrawnView(report, problem, withdrawal, not published, back)
