"""The view of every generated page of one build, from one entry point: :meth:`SiteViews.view`.

The adapter hands over the site, the Markdown renderer, the URL each planned page got, and the
options that change what the pages show; each kind of page has its module beside this one. A new
kind of page (a filter page, a feed) adds a :class:`~mkdocs_rectify.pages.PageKind`, its module
and one entry in :meth:`SiteViews.view`. Imports nothing from MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup

from mkdocs_rectify.loader import ContentError
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Problem, Report, Site
from mkdocs_rectify.pages import DATA_JSON, DATA_SCHEMA, SEARCH_MAP, PageKey, PageKind, PageUrls, data_csv
from mkdocs_rectify.render import MarkdownRenderer
from mkdocs_rectify.search import BUNDLE_DIR
from mkdocs_rectify.views.errors import ErrorsView
from mkdocs_rectify.views.leave import NoticeRegistry, NoticeView
from mkdocs_rectify.views.overview import OverviewView
from mkdocs_rectify.views.report import ProblemView, ReportView
from mkdocs_rectify.views.search import SearchView
from mkdocs_rectify.views.statement import Statement
from mkdocs_rectify.views.templating import TemplateHelpers

if TYPE_CHECKING:  # the validated options; only their values are read
    from mkdocs_rectify.config import RectifyConfig

__all__ = ["PageView", "SiteViews"]

PageView = OverviewView | ReportView | ProblemView | SearchView | Statement | NoticeView | ErrorsView
"""What a generated page's template receives as ``rectify_page``; its ``kind`` says which."""


class SiteViews:
    """The views of one build's pages, each made once, and the helpers every template shares.

    ``urls`` are the planned pages' URLs; ``options`` the plugin's; ``home_url`` is the home
    page's (where a notice's 返回 leads when several pages link to its destination). ``notices``
    are the destinations of the leave notices, complete before the first page is rendered;
    ``errors`` what the error page lists.
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
    ) -> None:
        self.site = site
        self._render = render
        self._urls = urls
        self._site_name = site_name
        self._home_url = home_url
        self._options = options
        self._notices = notices
        self._errors = list(errors)
        self._made: dict[PageKey, PageView] = {}
        self.helpers = TemplateHelpers(
            locale,
            search_url=urls.get(PageKey(PageKind.SEARCH)),
            statement_url=urls.get(PageKey(PageKind.STATEMENT)),
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
        return OverviewView(self.site, [(r, self._urls.of(r.id)) for r in self.site.reports])

    def _report(self, key: PageKey) -> ReportView:
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
        )

    def _neighbour(self, report: Report, index: int) -> tuple[Problem, str]:
        problem = report.problems[index]
        return problem, self._urls.of(report.id, problem.number)

    def _search_page(self, key: PageKey) -> SearchView:
        if not self._options.search:
            raise KeyError(key)
        overview = self._urls.get(PageKey(PageKind.OVERVIEW))
        return SearchView.of(
            self.site, bundle_url=f"{BUNDLE_DIR}/", map_url=SEARCH_MAP, overview_url=overview
        )

    def _statement(self, key: PageKey) -> Statement:
        contacts = (report.meta.contact for report in self.site.reports)
        return Statement.from_options(self._site_name, self._options.accessibility, contacts)

    def _notice(self, key: PageKey) -> NoticeView:
        return self._notices.view_of(str(key.name), self._home_url)

    def _error_page(self, key: PageKey) -> ErrorsView:
        return ErrorsView(self._errors)
