"""Where each generated page and data file lives, and the Markdown stub behind each page.

Every path the plugin writes is decided here: the pages (overview, reports, problems, search,
accessibility statement, leave notices, the error page) and the data files (open data, the
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

from mkdocs_rectify.leave import Destination
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Problem, Report, Site

if TYPE_CHECKING:  # the validated options; only their values are read
    from mkdocs_rectify.config import RectifyConfig

__all__ = [
    "DATA_DIR",
    "DATA_JSON",
    "DATA_REPORT_SCHEMA",
    "DATA_SCHEMA",
    "LEAVE_DIR",
    "OVERVIEW_URI",
    "RESERVED_IDS",
    "SEARCH_MAP",
    "SEARCH_URI",
    "STATEMENT_URI",
    "PageKey",
    "PageKind",
    "PagePlan",
    "PageUrls",
    "data_csv",
    "error_plan",
    "notice_plan",
    "notice_src_uri",
    "plan_pages",
]

OVERVIEW_URI = "index.md"
"""The overview of every report, the home page."""
SEARCH_URI = "search/index.md"
"""The search page (published at ``search/``)."""
STATEMENT_URI = "accessibility.md"
"""The accessibility statement (published at ``accessibility/``)."""
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


class PageKind(Enum):
    """The kinds of generated page; the value is what a view's ``kind`` says to templates.

    A new kind (the filter pages, reports by year, feeds) is added here, with its plan below and
    its view in ``views/``."""

    OVERVIEW = "overview"
    REPORT = "report"
    PROBLEM = "problem"
    SEARCH = "search"
    STATEMENT = "statement"
    LEAVE = "leave"
    ERRORS = "errors"


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
        # Taken by pages to come: filter pages, feeds, reports by year, the user guide.
        "browse",
        "feeds",
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
    destination (its key)."""

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
        """The URL of a report's page, or of one of its problems' pages."""
        if number is None:
            return self._urls[PageKey(PageKind.REPORT, report_id)]
        return self._urls[PageKey(PageKind.PROBLEM, report_id, number)]


def report_uri(report_id: str) -> str:
    return f"{report_id}/index.md"


def problem_uri(report_id: str, number: int) -> str:
    return f"{report_id}/{number}.md"


def notice_src_uri(destination: Destination) -> str:
    """The (virtual) source path of the notice page of a destination."""
    return f"{LEAVE_DIR}/{destination.key}.md"


def data_csv(report_id: str) -> str:
    """The CSV of one report's problems."""
    return f"{DATA_DIR}/{report_id}.csv"


def plan_pages(site: Site, locale: Locale, options: RectifyConfig) -> list[PagePlan]:
    """Every page the content produces, in reading order, as the options ask."""
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
                report.meta.title,
                True,
            )
        )
        plans.extend(_problem_plan(report, problem, locale) for problem in report.problems)
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
    title = locale.t(
        "problem.page_title", number=problem.number, title=problem.title, report=report.meta.title
    )
    return PagePlan(
        PageKey(PageKind.PROBLEM, report.id, problem.number),
        problem_uri(report.id, problem.number),
        "rectify/problem.html",
        title,
        False,
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
