"""Browsing without JavaScript: which filter pages a site has, what each lists, and in what order.

A filter is a facet and a value: a status (each status code, and ``overdue``), a responsible unit,
or the year a report was published. Each has a stable slug for its address under ``browse/``
(:mod:`mkdocs_rectify.pages` decides the paths): a status's code, a year's digits, and a unit's
name in pinyin, with a short hash of the name when two names read alike. The problems of a filter
come overdue first, then the open ones (not completed), then the completed ones; within each, the
newest report first and then by number. Imports nothing from MkDocs.
"""

from __future__ import annotations

import enum
import hashlib
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from pypinyin import Style, lazy_pinyin

from mkdocs_rectify.model import Problem, Report, Site, Status
from mkdocs_rectify.tracking import OVERDUE, SiteFacts

if TYPE_CHECKING:  # the validated options; only their values are read
    from mkdocs_rectify.config import BrowseConfig

__all__ = [
    "Browsing",
    "Facet",
    "Filter",
    "Paging",
    "browsing",
    "filters",
    "page_count",
    "problem_order",
    "unit_slugs",
]

_SLUG_LENGTH = 60
"""The longest pinyin part of a unit's slug; a longer one is cut and gets the hash."""
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


class Facet(enum.StrEnum):
    """What a filter page selects by; the value is its folder under ``browse/``."""

    STATUS = "status"
    UNIT = "unit"
    YEAR = "year"


@dataclass(frozen=True)
class Filter:
    """One filter page (and the pages that follow it): a facet, the value it selects, its slug."""

    facet: Facet
    value: str
    """A status code or ``overdue``, a unit's name as written, or a year's digits."""
    slug: str

    @property
    def path(self) -> str:
        """Where the filter's pages live under ``browse/``: ``status/in_progress``, ``unit/hai-kou``."""
        return f"{self.facet.value}/{self.slug}"


@dataclass(frozen=True)
class Paging:
    """Where a page is among the pages of one list."""

    number: int
    """This page, from 1."""
    count: int
    """How many pages the list has (at least 1, even when it is empty)."""

    @property
    def shown(self) -> list[int | None]:
        """The page numbers a pager links to: all of them up to nine pages; beyond, the first, the
        last and two either side of this one, ``None`` where pages are left out."""
        if self.count <= 9:
            return list(range(1, self.count + 1))
        near = {1, self.count, *range(self.number - 2, self.number + 3)}
        out: list[int | None] = []
        for number in sorted(n for n in near if 1 <= n <= self.count):
            if out and out[-1] is not None and number > out[-1] + 1:
                out.append(None)
            out.append(number)
        return out


def page_count(items: int, size: int) -> int:
    """How many pages of ``size`` items ``items`` fill; one for an empty list, which says so."""
    return max(1, math.ceil(items / size))


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


def _pinyin(name: str) -> str:
    syllables = lazy_pinyin(name, style=Style.NORMAL)
    return _NOT_SLUG.sub("-", "-".join(syllables).lower()).strip("-")


def unit_slugs(units: Iterable[str]) -> dict[str, str]:
    """The slug of each unit's name: its pinyin, syllables joined by ``-`` (海口市 → ``hai-kou-shi``).

    A slug depends only on the name and on the names that read alike: names whose pinyin is the
    same (homophones, or names that differ only in punctuation) each get ``-`` and six hex digits
    of the SHA-256 of the name, and so does a name with no pinyin or one cut to the longest slug.
    """
    names = sorted(set(units))
    spoken = {name: _pinyin(name) for name in names}
    readers: dict[str, int] = {}
    for reading in spoken.values():
        readers[reading] = readers.get(reading, 0) + 1
    slugs = {}
    for name, reading in spoken.items():
        cut = reading[:_SLUG_LENGTH].strip("-")
        if not cut or cut != reading or readers[reading] > 1:
            slugs[name] = f"{cut}-{_hash(name)}" if cut else f"unit-{_hash(name)}"
        else:
            slugs[name] = cut
    return slugs


def problem_order(
    report_of: Callable[[Problem], Report], is_overdue: Callable[[Problem], bool]
) -> Callable[[Problem], tuple[int, int, str, int]]:
    """The sort key of a filter's problems: overdue, then open, then completed; newest report first."""

    def key(problem: Problem) -> tuple[int, int, str, int]:
        rank = 0 if is_overdue(problem) else 2 if problem.status is Status.COMPLETED else 1
        report = report_of(problem)
        return (rank, -report.sort_date.toordinal(), report.id, problem.number)

    return key


def filters(site: Site, is_overdue: Callable[[Problem], bool]) -> list[tuple[Filter, list[Problem]]]:
    """Every filter of the site with its problems in order: each status and overdue (always, even
    with no problem, so that their addresses never break), each unit named (by slug), each year a
    report was published in (newest first)."""
    reports = {report.id: report for report in site.reports}
    order = problem_order(lambda problem: reports[problem.report_id], is_overdue)
    by_status: dict[str, list[Problem]] = {status.value: [] for status in Status}
    by_status[OVERDUE] = []
    by_unit: dict[str, list[Problem]] = {}
    by_year: dict[int, list[Problem]] = {}
    for report in site.reports:
        for problem in report.problems:
            by_status[problem.status.value].append(problem)
            if is_overdue(problem):
                by_status[OVERDUE].append(problem)
            for unit in dict.fromkeys(problem.units):
                by_unit.setdefault(unit, []).append(problem)
            if report.year is not None:  # a draft without its date has no year yet
                by_year.setdefault(report.year, []).append(problem)
    out = [
        (Filter(Facet.STATUS, value, value), sorted(found, key=order)) for value, found in by_status.items()
    ]
    slugs = unit_slugs(by_unit)
    for unit in sorted(by_unit, key=lambda name: (slugs[name], name)):
        out.append((Filter(Facet.UNIT, unit, slugs[unit]), sorted(by_unit[unit], key=order)))
    for year in sorted(by_year, reverse=True):
        out.append((Filter(Facet.YEAR, str(year), str(year)), sorted(by_year[year], key=order)))
    return out


@dataclass(frozen=True)
class Browsing:
    """The filters of one build, each with its problems in order, and how many a page lists."""

    lists: tuple[tuple[Filter, tuple[Problem, ...]], ...]
    page_size: int

    @classmethod
    def of(cls, site: Site, is_overdue: Callable[[Problem], bool], page_size: int) -> Browsing:
        return cls(tuple((f, tuple(found)) for f, found in filters(site, is_overdue)), page_size)

    def pages(self, path: str) -> int:
        """How many pages the filter at ``path`` (``status/overdue``) fills."""
        return page_count(len(self.problems(path)), self.page_size)

    def filter(self, path: str) -> Filter:
        return self._by_path[path][0]

    def problems(self, path: str) -> tuple[Problem, ...]:
        """Every problem of the filter at ``path``, in order."""
        return self._by_path[path][1]

    def page(self, path: str, number: int) -> tuple[Problem, ...]:
        """The problems on page ``number`` (from 1) of the filter at ``path``."""
        start = (number - 1) * self.page_size
        return self.problems(path)[start : start + self.page_size]

    def of_facet(self, facet: Facet) -> list[tuple[Filter, int]]:
        """The filters of one facet, each with how many problems it has, in their order."""
        return [(f, len(found)) for f, found in self.lists if f.facet is facet]

    @cached_property
    def _by_path(self) -> dict[str, tuple[Filter, tuple[Problem, ...]]]:
        return {f.path: (f, problems) for f, problems in self.lists}


def browsing(facts: SiteFacts, options: BrowseConfig) -> Browsing | None:
    """The filters of a site's browsing pages as the ``browse:`` options ask, or None when they are off."""
    if not options.enabled:
        return None
    return Browsing.of(facts.site, lambda problem: facts.of(problem).overdue, options.page_size)
