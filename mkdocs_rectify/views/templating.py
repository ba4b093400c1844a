"""What every template can use as ``rectify``: the locale's text, labels, dates and small helpers.

Built once per build from what is known when the pages have been planned, and never changed
after. Also the rule for which templates Jinja autoescapes. Imports nothing from MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Status
from mkdocs_rectify.pages import SEARCH_URI

__all__ = ["CARE_SHORTCUT", "OWN_TEMPLATES", "TemplateHelpers", "autoescapes", "message_html", "phone_uri"]

CARE_SHORTCUT = "Alt+Shift+C"
"""The shortcut that switches 关怀版 on and off (``aria-keyshortcuts`` syntax); care.js knows it too."""

OWN_TEMPLATES = ("rectify/", "partials/rectify/")
"""The package's own templates (pages and components), autoescaped; and its 404.html."""


def autoescapes(template_name: str | None) -> bool:
    """Whether Jinja autoescapes ``template_name``: the package's own templates.

    They escape what they print unless it is ``Markup`` (the sanitised content, HTML built from
    escaped parts); Material's templates do not, and are left so."""
    if template_name is None:
        return False
    return template_name.startswith(OWN_TEMPLATES) or template_name == "404.html"


def phone_uri(phone: str) -> str:
    """A ``tel:`` URI for a phone number as printed (``0898-68522090`` → ``tel:0898-68522090``)."""
    return "tel:" + re.sub(r"[^0-9+\-]", "", phone)


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
    search_src: str = SEARCH_URI
    """The search page's source path, by which the header knows it is on the search page."""
    care_shortcut: str = CARE_SHORTCUT

    phone_uri = staticmethod(phone_uri)

    @property
    def statuses(self) -> list[Status]:
        """Every status, in the order pages list them."""
        return list(Status)

    def t(self, key: str, /, **values: Any) -> str:
        return self.locale.t(key, **values)

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
