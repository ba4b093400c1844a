"""The search page: the filter options, taken from the content. Imports nothing from MkDocs."""

from __future__ import annotations

from dataclasses import dataclass

from pypinyin import lazy_pinyin

from mkdocs_rectify.model import Site, Status
from mkdocs_rectify.pages import PageKind

__all__ = ["SearchView"]


def _pinyin_key(text: str) -> tuple[str, str]:
    """Sort Chinese names as a reader looks them up: by pinyin, then by the characters."""
    return (" ".join(lazy_pinyin(text)), text)


@dataclass(frozen=True)
class SearchView:
    """What ``rectify/search.html`` receives as ``rectify_page``.

    Filter values are stable codes (status codes, report ids, years, unit names as written), so
    that a search URL keeps working when a label is renamed; the labels live in the page.
    """

    reports: list[tuple[str, str]]
    """Report id and title, newest first."""
    statuses: list[Status]
    units: list[str]
    """Every responsible unit named by a problem, in pinyin order."""
    years: list[int]
    """Years in which reports were published, newest first."""
    bundle_url: str
    """The Pagefind bundle folder, relative to the site root."""
    map_url: str
    """The traditional→simplified map, relative to the site root."""
    thesaurus_url: str
    """The thesaurus (plain words → official words), relative to the site root."""
    overview_url: str | None
    """Where readers without JavaScript, or a search that found nothing, can browse instead,
    relative to the site root."""
    report_urls: dict[str, str]
    """Each report's page by report id, relative to the site root: where a search that found
    nothing offers to browse."""
    browse_url: str | None = None
    """The browsing pages' index (``browse/``), relative to the site root, when the site has them."""

    kind = PageKind.SEARCH.value

    @classmethod
    def of(
        cls,
        site: Site,
        *,
        bundle_url: str,
        map_url: str,
        thesaurus_url: str,
        overview_url: str | None,
        report_urls: dict[str, str],
        browse_url: str | None = None,
    ) -> SearchView:
        reports = sorted(site.reports, key=lambda r: (r.sort_date, r.id), reverse=True)
        units = {unit for report in site.reports for problem in report.problems for unit in problem.units}
        statuses = [s for s in Status if any(p.status == s for r in site.reports for p in r.problems)]
        return cls(
            reports=[(report.id, report.meta.title or report.id) for report in reports],
            statuses=statuses or list(Status),
            units=sorted(units, key=_pinyin_key),
            years=sorted({report.year for report in site.reports if report.year is not None}, reverse=True),
            bundle_url=bundle_url,
            map_url=map_url,
            thesaurus_url=thesaurus_url,
            overview_url=overview_url,
            report_urls=report_urls,
            browse_url=browse_url,
        )
