"""Where each generated page and data file lives, and the Markdown stub behind each page.

Every path the plugin writes is decided here: the pages (overview, reports, problems, search,
browsing by status, unit and year, the reports of each year, accessibility statement, leave
notices, the error page) and the data files (open data, the
search table); the styles and scripts are the components' (``components.py``). Pages are rendered
by templates from the model; the stub only names the template, the title and what the theme
hides. This module imports nothing from MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

import yaml

from mkdocs_rectify.browse import Browsing, Facet, Filter
from mkdocs_rectify.leave import Destination
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Problem, Report, Site
from mkdocs_rectify.tracking import OVERDUE

if TYPE_CHECKING:  # the validated options; only their values are read
    from mkdocs_rectify.config import RectifyConfig

__all__ = [
    "BROWSE_DIR",
    "BROWSE_URI",
    "DATA_DIR",
    "DATA_JSON",
    "DATA_RECORDS_SCHEMA",
    "DATA_REPORT_SCHEMA",
    "DATA_SCHEMA",
    "FEEDS_DIR",
    "LEAVE_DIR",
    "OVERVIEW_URI",
    "RESERVED_IDS",
    "SEARCH_MAP",
    "SEARCH_URI",
    "SITE_FEED",
    "STATEMENT_URI",
    "YEARS_DIR",
    "PageKey",
    "PageKind",
    "PagePlan",
    "PageUrls",
    "Place",
    "data_csv",
    "error_plan",
    "filter_uri",
    "moves",
    "notice_plan",
    "notice_src_uri",
    "plan_pages",
    "report_feed",
    "year_uri",
]

OVERVIEW_URI = "index.md"
"""The overview of every report, the home page."""
SEARCH_URI = "search/index.md"
"""The search page (published at ``search/``)."""
STATEMENT_URI = "accessibility.md"
"""The accessibility statement (published at ``accessibility/``)."""
BROWSE_DIR = "browse"
"""Folder of the pages for browsing without JavaScript: ``browse/<facet>/<slug>/`` and their
following pages ``browse/<facet>/<slug>/<n>/``."""
BROWSE_URI = f"{BROWSE_DIR}/index.md"
"""Every filter, with its count (published at ``browse/``)."""
YEARS_DIR = "years"
"""Folder of the pages listing each year's reports: ``years/<year>/``."""
LEAVE_DIR = "leave"
"""Folder of the notices before leaving the site: ``leave/<key>/``, one per destination."""
DATA_DIR = "data"
"""Folder of the open data (and of the manifest)."""
SEARCH_MAP = "search/hanzi.json"
"""The search page's traditional→simplified table."""
DATA_JSON = f"{DATA_DIR}/rectify.json"
"""Every report and problem, with every field."""
DATA_SCHEMA = f"{DATA_DIR}/schema.json"
"""The JSON Schema of a problem's front-matter."""
DATA_REPORT_SCHEMA = f"{DATA_DIR}/report.schema.json"
"""The JSON Schema of ``report.yml``."""
DATA_RECORDS_SCHEMA = f"{DATA_DIR}/records.schema.json"
"""The JSON Schema of the published records, ``rectify.json``."""
FEEDS_DIR = "feeds"
"""Folder of the Atom feeds."""
SITE_FEED = f"{FEEDS_DIR}/atom.xml"
"""The Atom feed of the whole site."""


class PageKind(Enum):
    """The kinds of generated page; the value is what a view's ``kind`` says to templates.

    A new kind (feeds, say) is added here, with its plan below and its view in ``views/``."""

    OVERVIEW = "overview"
    REPORT = "report"
    PROBLEM = "problem"
    SEARCH = "search"
    STATEMENT = "statement"
    LEAVE = "leave"
    ERRORS = "errors"
    BROWSE = "browse"
    """Every filter: the statuses, overdue, the units and the years."""
    FILTER = "filter"
    """One page of the problems of a filter (``name``: the filter's path; ``number``: the page)."""
    YEAR = "year"
    """The reports of a year (``number``: the year)."""
    MOVED = "moved"
    """Where a report or problem was before it was renamed or renumbered: says where it went."""
    WITHDRAWN = "withdrawn"
    """Where a withdrawn report or problem was: says that it was withdrawn, when and why."""


RESERVED_IDS = frozenset(
    {
        "404",  # 404.html, the theme's page for a missing address
        "accessibility",  # the accessibility statement (STATEMENT_URI)
        "assets",  # the theme's and the plugin's scripts, styles and images
        "data",  # the open data (DATA_DIR)
        "leave",  # the notices before leaving the site (LEAVE_DIR)
        "pagefind",  # the search index (search.BUNDLE_DIR), replaced at every build
        "search",  # the search page (SEARCH_URI)
        "sitemap",  # sitemap.xml and sitemap.xml.gz
        "feeds",  # the Atom feeds (FEEDS_DIR)
        # Taken by pages to come: filter pages, reports by year, the user guide.
        "browse",
        "years",
        "guide",
    }
)
"""Top-level paths the site writes (or will write) itself: a report folder cannot be named after one.

Report pages live at ``/<report-id>/``, beside these; tests check that every top-level path of a
built site is listed here."""


@dataclass(frozen=True)
class PageKey:
    """Identifies a generated page: its kind and, for some kinds, what it is about.

    ``report_id`` and ``number`` name a report or one of its problems; ``name`` a leave notice's
    destination (its key) or a filter (its path, ``status/overdue``), with ``number`` its page (from
    1); ``number`` alone the year of a year's page."""

    kind: PageKind
    report_id: str | None = None
    number: int | None = None
    name: str | None = None


@dataclass(frozen=True)
class PagePlan:
    """One generated Markdown page: its source path, template, title and where it is listed."""

    key: PageKey
    src_uri: str
    template: str
    title: str
    in_nav: bool
    hide: tuple[str, ...] = ()
    """Parts of the theme the page hides (Material's ``hide:``: ``navigation``, ``toc`` …)."""
    in_sitemap: bool = True
    """Whether search engines are pointed to the page (``sitemap.xml``)."""
    option: str | None = None
    """The option that switches the page off, for the message when a docs file takes its path."""

    def stub(self) -> str:
        meta: dict[str, object] = {"template": self.template, "title": self.title}
        if self.hide:
            meta["hide"] = list(self.hide)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        return f"---\n{front}---\n"


class PageUrls:
    """The URL (from the site root) that each planned page is published at."""

    def __init__(self, urls: Mapping[PageKey, str] | None = None) -> None:
        self._urls = dict(urls or {})

    def get(self, key: PageKey) -> str | None:
        """The URL of a page, or None when it is not generated."""
        return self._urls.get(key)

    def of(self, report_id: str, number: int | None = None) -> str:
        """The URL of a report's page, or of one of its problems' pages; for a withdrawn report or
        problem, of the page that says it was withdrawn (at the address it had)."""
        kind = PageKind.REPORT if number is None else PageKind.PROBLEM
        found = self._urls.get(PageKey(kind, report_id, number))
        return found if found is not None else self._urls[PageKey(PageKind.WITHDRAWN, report_id, number)]


Place = tuple[str, int | None]
"""A report (``(report_id, None)``) or a problem (``(report_id, number)``): what an address shows."""


def moves(site: Site) -> dict[Place, Place]:
    """Every former address (a former id of a report, a former number of a problem, or both) and
    the report or problem it leads to now; in a stable order.

    The loader makes sure that no former address is a current one, nor leads to two places."""
    out: dict[Place, Place] = {}
    for report in sorted([*site.reports, *site.withdrawn_reports], key=lambda r: r.id):
        for former in report.meta.former_ids:
            out[former, None] = (report.id, None)
        problems = sorted([*report.problems, *report.withdrawn_problems], key=lambda p: p.number)
        for problem in problems:
            for report_id in (report.id, *report.meta.former_ids):
                for number in (problem.number, *problem.former_numbers):
                    if (report_id, number) != (report.id, problem.number):
                        out[report_id, number] = (report.id, problem.number)
    return out


def report_uri(report_id: str) -> str:
    return f"{report_id}/index.md"


def problem_uri(report_id: str, number: int) -> str:
    return f"{report_id}/{number}.md"


def notice_src_uri(destination: Destination) -> str:
    """The (virtual) source path of the notice page of a destination."""
    return f"{LEAVE_DIR}/{destination.key}.md"


def filter_uri(filter_path: str, page: int = 1) -> str:
    """The source path of a page of a filter: ``browse/status/overdue/index.md``, then ``…/2.md``."""
    return f"{BROWSE_DIR}/{filter_path}/{'index' if page == 1 else page}.md"


def year_uri(year: int) -> str:
    """The source path of the page of a year's reports (published at ``years/<year>/``)."""
    return f"{YEARS_DIR}/{year}.md"


def report_feed(report_id: str) -> str:
    """The Atom feed of one report (in a folder of their own: no report id can take the site's)."""
    return f"{FEEDS_DIR}/reports/{report_id}.xml"


def data_csv(report_id: str) -> str:
    """The CSV of one report's problems."""
    return f"{DATA_DIR}/{report_id}.csv"


def plan_pages(
    site: Site, locale: Locale, options: RectifyConfig, browsing: Browsing | None = None
) -> list[PagePlan]:
    """Every page the content produces, in reading order, as the options ask; the browsing pages
    with ``browsing`` (the filters of the build), when the options ask for them."""
    plans: list[PagePlan] = []
    if options.overview:
        title = locale.t("overview.title")
        plans.append(
            PagePlan(
                PageKey(PageKind.OVERVIEW),
                OVERVIEW_URI,
                "rectify/overview.html",
                title,
                True,
                option="overview: false",
            )
        )
    if options.search:
        title = locale.t("search.title")
        plans.append(PagePlan(PageKey(PageKind.SEARCH), SEARCH_URI, "rectify/search.html", title, False))
    for report in site.reports:
        plans.append(
            PagePlan(
                PageKey(PageKind.REPORT, report.id),
                report_uri(report.id),
                "rectify/report.html",
                report.meta.title or locale.t("draft.untitled"),
                True,
            )
        )
        plans.extend(_problem_plan(report, problem, locale) for problem in report.problems)
        plans.extend(_withdrawn_plan(report, problem, locale) for problem in report.withdrawn_problems)
    for report in site.withdrawn_reports:
        plans.append(_withdrawn_plan(report, None, locale))
        every = sorted([*report.problems, *report.withdrawn_problems], key=lambda p: p.number)
        plans.extend(_withdrawn_plan(report, problem, locale) for problem in every)
    for (report_id, number), _ in moves(site).items():
        plans.append(
            PagePlan(
                PageKey(PageKind.MOVED, report_id, number),
                report_uri(report_id) if number is None else problem_uri(report_id, number),
                "rectify/moved.html",
                locale.t("moved.title"),
                False,
                hide=("navigation", "toc"),
                in_sitemap=False,
            )
        )
    if browsing is not None and options.browse.enabled:
        plans.extend(_browse_plans(site, browsing, locale))
    if options.accessibility.statement:
        title = locale.t("statement.title")
        plans.append(
            PagePlan(
                PageKey(PageKind.STATEMENT),
                STATEMENT_URI,
                "rectify/statement.html",
                title,
                False,
                option="accessibility: {statement: false}",
            )
        )
    return plans


def _problem_plan(report: Report, problem: Problem, locale: Locale) -> PagePlan:
    report_title = report.meta.title or locale.t("draft.untitled")
    title = locale.t("problem.page_title", number=problem.number, title=problem.title, report=report_title)
    return PagePlan(
        PageKey(PageKind.PROBLEM, report.id, problem.number),
        problem_uri(report.id, problem.number),
        "rectify/problem.html",
        title,
        False,
    )


def filter_title(filter: Filter, locale: Locale) -> str:
    """The title of a filter's pages: 整改状态：正在整改, 逾期问题, 责任单位：…, 2024年通报的问题."""
    if filter.facet is Facet.STATUS:
        if filter.value == OVERDUE:
            return locale.t("browse.overdue_title")
        return locale.t("browse.status_title", status=locale.status(filter.value))
    if filter.facet is Facet.UNIT:
        return locale.t("browse.unit_title", unit=filter.value)
    return locale.t("browse.year_title", year=filter.value)


def _browse_plans(site: Site, browsing: Browsing, locale: Locale) -> list[PagePlan]:
    plans = [
        PagePlan(PageKey(PageKind.BROWSE), BROWSE_URI, "rectify/browse.html", locale.t("browse.title"), False)
    ]
    for filter, _ in browsing.lists:
        title = filter_title(filter, locale)
        count = browsing.pages(filter.path)
        for page in range(1, count + 1):
            paged = title if page == 1 else locale.t("browse.page_title", title=title, page=page, pages=count)
            key = PageKey(PageKind.FILTER, name=filter.path, number=page)
            plans.append(PagePlan(key, filter_uri(filter.path, page), "rectify/filter.html", paged, False))
    for year in sorted({report.year for report in site.reports}, reverse=True):
        title = locale.t("years.title", year=year)
        plans.append(
            PagePlan(PageKey(PageKind.YEAR, number=year), year_uri(year), "rectify/year.html", title, False)
        )
    return plans


def _withdrawn_plan(report: Report, problem: Problem | None, locale: Locale) -> PagePlan:
    """The page at the address of a withdrawn report or problem: out of the nav and the sitemap."""
    if problem is None:
        title = locale.t("withdrawn.report_title", title=report.meta.title)
        uri = report_uri(report.id)
    else:
        title = locale.t("withdrawn.problem_title", number=problem.number, report=report.meta.title)
        uri = problem_uri(report.id, problem.number)
    return PagePlan(
        PageKey(PageKind.WITHDRAWN, report.id, problem.number if problem else None),
        uri,
        "rectify/withdrawn.html",
        title,
        False,
        hide=("navigation", "toc"),
        in_sitemap=False,
    )


def error_plan(locale: Locale) -> PagePlan:
    """The page that takes the home page's place while the content has errors (under ``mkdocs serve``)."""
    title = locale.t("errors.title")
    return PagePlan(PageKey(PageKind.ERRORS), OVERVIEW_URI, "rectify/errors.html", title, True)


def notice_plan(destination: Destination, locale: Locale) -> PagePlan:
    """The notice page of a destination: out of the nav and the sitemap, full width."""
    return PagePlan(
        PageKey(PageKind.LEAVE, name=destination.key),
        notice_src_uri(destination),
        "rectify/leave.html",
        locale.t("leave.title"),
        False,
        hide=("navigation", "toc"),
        in_sitemap=False,
    )
