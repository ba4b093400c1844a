"""Where each generated page and data file lives, and the Markdown stub behind each page.

Pages are rendered by templates from the model; the stub only names the template and the
title. This module decides paths and imports nothing from MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Problem, Report, Site
from mkdocs_rectify.statement import STATEMENT_URI

__all__ = [
    "DATA_DIR",
    "OVERVIEW_URI",
    "RESERVED_IDS",
    "SEARCH_URI",
    "STATEMENT_URI",
    "PageKey",
    "PagePlan",
    "plan_pages",
]

OVERVIEW_URI = "index.md"
SEARCH_URI = "search/index.md"
DATA_DIR = "data"

RESERVED_IDS = frozenset(
    {
        "404",  # 404.html, the theme's page for a missing address
        "accessibility",  # the accessibility statement (STATEMENT_URI)
        "assets",  # the theme's and the plugin's scripts, styles and images
        "data",  # the open data (DATA_DIR)
        "leave",  # the notices before leaving the site (leave.LEAVE_DIR)
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
    """Identifies a generated page: the overview, a report, or a problem of a report."""

    kind: str
    report_id: str | None = None
    number: int | None = None


@dataclass(frozen=True)
class PagePlan:
    """One generated Markdown page: its source path, template, title and whether it is in the nav."""

    key: PageKey
    src_uri: str
    template: str
    title: str
    in_nav: bool

    def stub(self) -> str:
        front = yaml.safe_dump(
            {"template": self.template, "title": self.title}, allow_unicode=True, sort_keys=False
        )
        return f"---\n{front}---\n"


def report_uri(report_id: str) -> str:
    return f"{report_id}/index.md"


def problem_uri(report_id: str, number: int) -> str:
    return f"{report_id}/{number}.md"


def plan_pages(
    site: Site, locale: Locale, *, overview: bool, search: bool = False, statement: bool = False
) -> list[PagePlan]:
    """Every page the content produces, in reading order."""
    plans: list[PagePlan] = []
    if overview:
        plans.append(
            PagePlan(
                PageKey("overview"), OVERVIEW_URI, "rectify/overview.html", locale.t("overview.title"), True
            )
        )
    if search:
        title = locale.t("search.title")
        plans.append(PagePlan(PageKey("search"), SEARCH_URI, "rectify/search.html", title, False))
    for report in site.reports:
        plans.append(
            PagePlan(
                PageKey("report", report.id),
                report_uri(report.id),
                "rectify/report.html",
                report.meta.title,
                True,
            )
        )
        plans.extend(_problem_plan(report, problem, locale) for problem in report.problems)
    if statement:
        title = locale.t("statement.title")
        plans.append(PagePlan(PageKey("statement"), STATEMENT_URI, "rectify/statement.html", title, False))
    return plans


def _problem_plan(report: Report, problem: Problem, locale: Locale) -> PagePlan:
    title = locale.t(
        "problem.page_title", number=problem.number, title=problem.title, report=report.meta.title
    )
    return PagePlan(
        PageKey("problem", report.id, problem.number),
        problem_uri(report.id, problem.number),
        "rectify/problem.html",
        title,
        False,
    )
