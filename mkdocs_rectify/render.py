"""Markdown fields of the content to HTML.

Only Python-Markdown is used here (with the site's own extensions), not MkDocs. The HTML of
every field is cleaned by :mod:`mkdocs_rectify.sanitize` before any view or template sees it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from markupsafe import Markup

from mkdocs_rectify.loader import REPORT_FILE, display_path
from mkdocs_rectify.messages import Message
from mkdocs_rectify.model import Problem, Report
from mkdocs_rectify.sanitize import Sanitizer

__all__ = ["MarkdownRenderer", "ProblemHtml"]


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
                statement=self(problem.statement, Message("sanitize.statement", path=path)),
                measures=self._items(problem.measures, path, "measures"),
                results=self._items(problem.results, path, "results"),
                next_steps=self._items(problem.next_steps, path, "next_steps"),
                unclassified=self._items(problem.unclassified, path, "unclassified"),
            )
        return self._problems[key]

    def intro(self, report: Report) -> Markup:
        """The HTML of a report's introduction."""
        if not report.meta.intro:
            return Markup("")
        return self(report.meta.intro, _source(self._path(f"{report.id}/{REPORT_FILE}"), "intro"))

    def report_unclassified(self, report: Report) -> list[Markup]:
        """The HTML of the text of ``report.yml`` that the importer could not place."""
        return self._items(report.meta.unclassified, self._path(f"{report.id}/{REPORT_FILE}"), "unclassified")

    def _items(self, items: Sequence[str], path: str, field: str) -> list[Markup]:
        return [
            self(item, _source(path, Message("field.item", field=field, number=number)))
            for number, item in enumerate(items, 1)
        ]

    def _path(self, relative: str) -> str:
        return display_path(self._content_dir / relative) if self._content_dir else relative


def _source(path: str, field: str) -> Message:
    """Where a Markdown text comes from, for the sanitiser's warnings: its file and its field."""
    return Message("sanitize.source", path=path, field=field)


@dataclass(frozen=True)
class ProblemHtml:
    """The clean HTML of a problem's Markdown fields."""

    statement: Markup
    measures: list[Markup]
    results: list[Markup]
    next_steps: list[Markup]
    unclassified: list[Markup]

    def parts(self) -> Iterator[Markup]:
        """Every piece of HTML, in the order a page shows them."""
        yield self.statement
        for items in (self.measures, self.results, self.next_steps, self.unclassified):
            yield from items
