"""Atom feeds (RFC 4287): one of the whole site and one per report, for people and newsrooms that
follow rectification as it goes.

Entries: each published report (on its publication date), each history entry of its problems (a
change of status, a moved deadline with its reason, a correction), and each withdrawal; newest
first, at most :data:`MAX_ENTRIES` a feed. Links are absolute, made from the site's ``site_url``:
without one there are no feeds (the adapter says so). Every date comes from the content and the
build date, never the wall clock, so the same content gives the same bytes. Ids are ``tag:`` URIs
(RFC 4151) made from the site's host, the event's date and what it is about, so that they stay the
same from one build to the next. Imports nothing from MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Problem, Report, Site
from mkdocs_rectify.pages import SITE_FEED, report_feed

__all__ = ["ATOM", "MAX_ENTRIES", "Entry", "feed_bytes", "feeds", "report_entries"]

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50
"""The newest entries a feed holds; readers have seen the older ones, and the pages keep them all."""

UrlOf = Callable[[str, int | None], str]
"""``url_of(report_id, number)``: site-relative URL of a problem page (of the report page for None)."""

_CST = dt.timezone(dt.timedelta(hours=8))


@dataclass(frozen=True)
class Entry:
    """One entry: an event on a day, about a report or one of its problems."""

    date: dt.date
    tag: str
    """What the entry is about, unique in the site: ``<report-id>``, ``<report-id>/<number>/<date>-<n>``."""
    title: str
    summary: str
    url: str
    """The page about it, from the site root."""
    author: str


def _timestamp(day: dt.date) -> str:
    """The start of ``day`` in China Standard Time, as RFC 3339 (what Atom's dates are)."""
    return dt.datetime.combine(day, dt.time(), _CST).isoformat()


def report_entries(report: Report, url_of: UrlOf, locale: Locale) -> list[Entry]:
    """The entries of one report: its publication, every history entry of its problems, and the
    withdrawal of a problem; in no particular order."""
    meta = report.meta
    entries = [] if meta.published is None else [  # a draft without its date is not announced
        Entry(
            meta.published,
            report.id,
            locale.t("feed.published", title=meta.title),
            locale.t("feed.published_summary", issuer=meta.issuer, total=len(report.problems)),
            url_of(report.id, None),
            meta.issuer,
        )
    ]
    for problem in report.problems:
        entries.extend(_history_entries(report, problem, url_of, locale))
    for problem in report.withdrawn_problems:
        if problem.withdrawn is not None:
            heading = locale.t("problem.heading", number=problem.number, title=problem.title)
            entries.append(
                Entry(
                    problem.withdrawn.date,
                    f"{report.id}/{problem.number}/withdrawn",
                    locale.t("feed.withdrawn", problem=heading),
                    locale.t("feed.withdrawn_summary", report=meta.title, reason=problem.withdrawn.reason),
                    url_of(report.id, problem.number),
                    meta.issuer,
                )
            )
    return entries


def _history_entries(report: Report, problem: Problem, url_of: UrlOf, locale: Locale) -> Iterable[Entry]:
    heading = locale.t("problem.heading", number=problem.number, title=problem.title)
    previous = problem.deadline
    seen: dict[dt.date, int] = {}
    for entry in problem.history:
        seen[entry.date] = seen.get(entry.date, 0) + 1
        what, parts = [], []
        if entry.status is not None:
            what.append(locale.t("feed.status", status=locale.status(entry.status)))
        if entry.deadline is not None:
            what.append(locale.t("feed.deadline"))
            moved = locale.t(
                "feed.deadline_summary" if previous else "feed.deadline_set",
                previous=locale.date(previous),
                deadline=locale.date(entry.deadline),
            )
            parts.append(moved + (locale.t("history.reason", reason=entry.reason) if entry.reason else ""))
            previous = entry.deadline
        if entry.correction is not None:
            what.append(locale.t("feed.correction"))
            parts.append(locale.t("history.correction", text=entry.correction))
        if entry.note:
            parts.append(entry.note)
        yield Entry(
            entry.date,
            f"{report.id}/{problem.number}/{entry.date.isoformat()}-{seen[entry.date]}",
            locale.t("feed.history", problem=heading, what=locale.t("feed.separator").join(what)),
            locale.t("feed.history_summary", report=report.meta.title, details=" ".join(parts) or heading),
            url_of(report.id, problem.number),
            report.meta.issuer,
        )


def _newest(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.date, e.tag), reverse=True)[:MAX_ENTRIES]


def feed_bytes(
    entries: list[Entry],
    *,
    title: str,
    site_url: str,
    feed_path: str,
    page_path: str,
    author: str,
    language: str,
    build_date: dt.date,
) -> bytes:
    """An Atom document of ``entries`` (newest first, as given); links made absolute from ``site_url``."""
    ET.register_namespace("", ATOM)
    host = urlsplit(site_url).hostname or "localhost"
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": language})

    def add(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
        element.text = text
        return element

    add(feed, "id", urljoin(site_url, feed_path))
    add(feed, "title", title)
    updated = entries[0].date if entries else build_date
    add(feed, "updated", _timestamp(updated))
    add(feed, "link", rel="self", type="application/atom+xml", href=urljoin(site_url, feed_path))
    add(feed, "link", rel="alternate", type="text/html", href=urljoin(site_url, page_path))
    add(add(feed, "author"), "name", author)
    for entry in entries:
        item = add(feed, "entry")
        add(item, "id", f"tag:{host},{entry.date.isoformat()}:{entry.tag}")
        add(item, "title", entry.title)
        add(item, "updated", _timestamp(entry.date))
        add(item, "link", rel="alternate", type="text/html", href=urljoin(site_url, entry.url))
        add(add(item, "author"), "name", entry.author)
        add(item, "summary", entry.summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def feeds(
    site: Site, url_of: UrlOf, locale: Locale, *, site_url: str, site_name: str, home_url: str
) -> dict[str, bytes]:
    """Every feed of the site by its path: the site's (:data:`pages.SITE_FEED`) and one per report."""
    if site.build_date is None:
        raise ValueError("feeds need the site's build date")
    language = locale.code
    by_report = {report.id: report_entries(report, url_of, locale) for report in site.reports}
    everything = [entry for entries in by_report.values() for entry in entries]
    for report in site.withdrawn_reports:
        if report.meta.withdrawn is not None:
            everything.append(
                Entry(
                    report.meta.withdrawn.date,
                    f"{report.id}/withdrawn",
                    locale.t("feed.report_withdrawn", title=report.meta.title),
                    report.meta.withdrawn.reason,
                    url_of(report.id, None),
                    report.meta.issuer,
                )
            )
    common = {"site_url": site_url, "language": language, "build_date": site.build_date}
    files = {
        SITE_FEED: feed_bytes(
            _newest(everything),
            title=locale.t("feed.site_title", site=site_name),
            feed_path=SITE_FEED,
            page_path=home_url,
            author=site_name,
            **common,
        )
    }
    for report in site.reports:
        path = report_feed(report.id)
        files[path] = feed_bytes(
            _newest(by_report[report.id]),
            title=locale.t("feed.report_title", title=report.meta.title),
            feed_path=path,
            page_path=url_of(report.id, None),
            author=report.meta.issuer,
            **common,
        )
    return files
