"""What every template can use as ``rectify``: the locale's text, labels, dates and small helpers.

Built once per build from what is known when the pages have been planned, and never changed
after. Also the rule for which templates Jinja autoescapes. Imports nothing from MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from mkdocs_rectify.locale import Locale
from mkdocs_rectify.messages import say
from mkdocs_rectify.model import Metric, Problem, Status
from mkdocs_rectify.pages import SEARCH_URI, report_feed
from mkdocs_rectify.tracking import ProblemFacts, SiteFacts
from mkdocs_rectify.views.chart import Part, bar_parts
from mkdocs_rectify.views.government import GovernmentFooter
from mkdocs_rectify.views.metrics import MetricColumns, Progress, columns, progress

__all__ = [
    "A11Y_SHORTCUT",
    "CARE_SHORTCUT",
    "OWN_TEMPLATES",
    "TemplateHelpers",
    "autoescapes",
    "message_html",
    "phone_uri",
]

CARE_SHORTCUT = "Alt+Shift+C"
"""The shortcut that switches 关怀版 on and off (``aria-keyshortcuts`` syntax); care.js knows it too."""
A11Y_SHORTCUT = "Alt+Shift+A"
"""The shortcut that opens and closes the 无障碍工具条 (``aria-keyshortcuts``); a11y.js knows it too."""

OWN_TEMPLATES = ("rectify/", "partials/rectify/")
"""The package's own templates (pages and components), autoescaped; and its 404.html."""


def autoescapes(template_name: str | None) -> bool:
    """Whether Jinja autoescapes ``template_name``: the package's own templates.

    They escape what they print unless it is ``Markup`` (the sanitised content, HTML built from
    escaped parts); Material's templates do not, and are left so."""
    if template_name is None:
        return False
    return template_name.startswith(OWN_TEMPLATES) or template_name == "404.html"


_SEPARATORS = re.compile(r"[、，,;；/]|或")
_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?)\s*", re.IGNORECASE)


def phone_uri(phone: str) -> str:
    """A ``tel:`` URI (RFC 3966) for the first phone number of ``phone`` as printed.

    ``0898-68522090`` → ``tel:0898-68522090``; an extension becomes the URI's ``ext`` parameter
    (``(0898) 6872-3456 转 8`` → ``tel:0898-6872-3456;ext=8``); of several numbers
    (``0898-68522090、12345``) the link dials the first, the text shows them all.
    """
    number, *extension = _EXTENSION.split(_SEPARATORS.split(phone)[0], maxsplit=1)
    digits = re.sub(r"[^0-9+]+", "-", number.strip()).strip("-")
    ext = re.sub(r"[^0-9]", "", extension[0]) if extension else ""
    return f"tel:{digits};ext={ext}" if ext else f"tel:{digits}"


def message_html(locale: Locale, key: str, /, **values: Any) -> Markup:
    """The message at ``key`` as HTML: its text escaped, and each value escaped unless it is ``Markup``.

    Templates pass HTML for a placeholder as the output of a macro (``Markup`` in the package's
    autoescaped templates), e.g. a ``<kbd>`` around a shortcut; never text from the content.
    """
    return escape(locale.t(key)).format(**values)


@dataclass(frozen=True)
class TemplateHelpers:
    """``rectify`` in templates: the locale's text, labels, dates and small formatting helpers."""

    locale: Locale
    search_url: str | None = None
    """The search page's URL (from the site root), or None when search is off."""
    statement_url: str | None = None
    """The accessibility statement's URL (from the site root), or None when it is not generated."""
    feed_url: str | None = None
    """The site's Atom feed (from the site root), or None when no feeds are written."""
    search_src: str = SEARCH_URI
    """The search page's source path, by which the header knows it is on the search page."""
    care_shortcut: str = CARE_SHORTCUT
    a11y_shortcut: str = A11Y_SHORTCUT
    government: GovernmentFooter = field(default_factory=GovernmentFooter)
    """The footer's government conventions (主办单位, 标识码, 备案号, 党政机关 mark)."""
    build_date: dt.date | None = None
    """The day the build judges by (数据截至, overdue), or None before the content is loaded."""
    facts: SiteFacts | None = None
    """What is derived from the content on the build date (see ``tracking.py``)."""
    unit_urls: Mapping[str, str] = field(default_factory=dict)
    """The browsing page (from the site root) of each responsible unit, by its name."""

    phone_uri = staticmethod(phone_uri)

    @property
    def statuses(self) -> list[Status]:
        """Every status, in the order pages list them."""
        return list(Status)

    def report_feed_url(self, report_id: str) -> str | None:
        """The Atom feed of a published report (from the site root), or None when no feeds are written."""
        return report_feed(report_id) if self.feed_url is not None else None

    def t(self, key: str, /, **values: Any) -> str:
        return self.locale.t(key, **values)

    def say(self, message: str | None) -> str:
        """A message of the loader (:class:`~mkdocs_rectify.messages.Message`) in the page's language."""
        return say(self.locale, message) if message else ""

    def t_html(self, key: str, /, **values: Any) -> Markup:
        return message_html(self.locale, key, **values)

    def status(self, status: Status | str) -> str:
        return self.locale.status(status)

    def date(self, value: dt.date | None) -> str:
        return self.locale.date(value)

    def date_range(self, start: dt.date | None, end: dt.date | None) -> str:
        return self.locale.date_range(start, end)

    def number(self, value: float) -> str:
        return self.locale.number(value)

    def facts_of(self, problem: Problem) -> ProblemFacts | None:
        """A problem's derived facts: its deadline in force and its moves, overdue, last updated,
        timeline."""
        return self.facts.of(problem) if self.facts is not None else None

    def unit_url(self, unit: str) -> str | None:
        """The browsing page of a responsible unit, or None without one."""
        return self.unit_urls.get(unit)

    def chart(self, by_status: dict[Status, int], total: int) -> list[Part]:
        """The parts of a status chart of counts (see ``views/chart.py``)."""
        return bar_parts(by_status, total)

    def metric_columns(self, metrics: Sequence[Metric]) -> MetricColumns:
        """The optional columns of a metrics table that have data (see ``views/metrics.py``)."""
        return columns(metrics)

    def metric_progress(self, metric: Metric) -> Progress | None:
        """How far a figure has come towards its target, whichever way it improves."""
        return progress(metric)
