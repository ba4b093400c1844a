"""Markdown fields to HTML, and the view objects the page templates receive.

Only Python-Markdown is used here (with the site's own extensions), not MkDocs, so the
views can be rendered by any Jinja environment. The HTML of every field is cleaned by
:mod:`mkdocs_rectify.sanitize` before any template sees it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import markdown
from markupsafe import Markup

from mkdocs_rectify.loader import REPORT_FILE, display_path
from mkdocs_rectify.model import Problem, Report, Site
from mkdocs_rectify.sanitize import Sanitizer

__all__ = ["MarkdownRenderer", "OverviewView", "ProblemHtml", "ProblemView", "ReportView", "phone_uri"]


class MarkdownRenderer:
    """Renders the Markdown fields of the content with the site's Markdown extensions, and cleans
    the HTML with ``sanitizer``.

    ``content_dir`` is where the content lives, to name the file of a field in warnings about what
    the sanitiser removed (:meth:`take_warnings`).
    """

    def __init__(
        self,
        extensions: Sequence[Any] = (),
        configs: Mapping[str, Any] | None = None,
        *,
        sanitizer: Sanitizer | None = None,
        content_dir: Path | str | None = None,
    ) -> None:
        self._md = markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs or {}))
        self._sanitizer = sanitizer or Sanitizer()
        self._content_dir = Path(content_dir) if content_dir is not None else None
        self._problems: dict[tuple[str, int], ProblemHtml] = {}

    def __call__(self, text: str, source: str = "") -> Markup:
        """The clean HTML of one Markdown text; ``source`` names it in warnings (``file: field``)."""
        self._md.reset()
        return self._sanitizer.clean(self._md.convert(text), source)

    def take_warnings(self) -> list[str]:
        """What the sanitiser removed since the last call that an editor should know about."""
        return self._sanitizer.take_warnings()

    def problem(self, problem: Problem) -> ProblemHtml:
        """The HTML of a problem's fields, rendered once per build and shared by every page."""
        key = (problem.report_id, problem.number)
        if key not in self._problems:
            path = self._path(problem.source_path)
            self._problems[key] = ProblemHtml(
                statement=self(problem.statement, f"{path}: statement"),
                measures=self._items(problem.measures, f"{path}: measures"),
                results=self._items(problem.results, f"{path}: results"),
                next_steps=self._items(problem.next_steps, f"{path}: next_steps"),
                unclassified=self._items(problem.unclassified, f"{path}: unclassified"),
            )
        return self._problems[key]

    def intro(self, report: Report) -> Markup:
        """The HTML of a report's introduction."""
        if not report.meta.intro:
            return Markup("")
        return self(report.meta.intro, f"{self._path(f'{report.id}/{REPORT_FILE}')}: intro")

    def report_unclassified(self, report: Report) -> list[Markup]:
        """The HTML of the text of ``report.yml`` that the importer could not place."""
        return self._items(
            report.meta.unclassified, f"{self._path(f'{report.id}/{REPORT_FILE}')}: unclassified"
        )

    def _items(self, items: Sequence[str], source: str) -> list[Markup]:
        return [self(item, f"{source} item {number}") for number, item in enumerate(items, 1)]

    def _path(self, relative: str) -> str:
        return display_path(self._content_dir / relative) if self._content_dir else relative


@dataclass(frozen=True)
class ProblemHtml:
    """The clean HTML of a problem's Markdown fields."""

    statement: Markup
    measures: list[Markup]
    results: list[Markup]
    next_steps: list[Markup]
    unclassified: list[Markup]


@dataclass(frozen=True)
class ProblemView:
    """What ``rectify/problem.html`` receives as ``rectify_page``."""

    kind = "problem"
    report: Report
    problem: Problem
    html: ProblemHtml
    report_url: str
    previous: tuple[Problem, str] | None
    next: tuple[Problem, str] | None


@dataclass(frozen=True)
class ReportView:
    """What ``rectify/report.html`` receives as ``rectify_page``."""

    kind = "report"
    report: Report
    intro_html: Markup
    problems: list[tuple[Problem, ProblemHtml, str]]
    """Each problem, its HTML and its page URL, in number order."""
    csv_url: str | None
    json_url: str | None
    schema_url: str | None
    unclassified_html: list[Markup] = field(default_factory=list)

    @cached_property
    def summary(self) -> Any:
        return self.report.summary


@dataclass(frozen=True)
class OverviewView:
    """What ``rectify/overview.html`` receives as ``rectify_page``."""

    kind = "overview"
    site: Site
    reports: list[tuple[Report, str]]
    """Each report and its page URL, newest first."""


def phone_uri(phone: str) -> str:
    """A ``tel:`` URI for a phone number as printed (``0898-68522090`` → ``tel:0898-68522090``)."""
    return "tel:" + re.sub(r"[^0-9+\-]", "", phone)
