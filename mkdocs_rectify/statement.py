"""The accessibility statement (无障碍声明) and the 关怀版 keyboard shortcut.

The statement follows the sections of the GOV.UK model accessibility statement; what it says comes
from the ``accessibility:`` options of the plugin (their defaults live with the options, in
``config.py``), its sentences from the locale files. This module imports nothing from MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Contact

if TYPE_CHECKING:  # the validated options; only their values are read
    from mkdocs_rectify.config import AccessibilityConfig

__all__ = ["CARE_SHORTCUT", "STATEMENT_URI", "Statement", "StatementContact", "message_html"]

STATEMENT_URI = "accessibility.md"
"""Source path of the generated statement page (published at ``accessibility/``)."""

CARE_SHORTCUT = "Alt+Shift+C"
"""The shortcut that switches 关怀版 on and off (``aria-keyshortcuts`` syntax); care.js knows it too."""


@dataclass(frozen=True)
class StatementContact:
    """Where to report an accessibility problem."""

    phone: str | None = None
    email: str | None = None
    address: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.phone or self.email or self.address)


@dataclass(frozen=True)
class Statement:
    """What ``rectify/statement.html`` receives as ``rectify_page``."""

    kind = "statement"
    site_name: str
    standard: str
    conformance: str
    limitations: tuple[str, ...]
    improvements: tuple[str, ...]
    contact: StatementContact
    response_days: int
    prepared: dt.date | None
    reviewed: dt.date | None
    tested: dt.date | None
    tested_by: str | None
    complaints: str | None
    care_shortcut: str = CARE_SHORTCUT

    @classmethod
    def from_options(
        cls, site_name: str, options: AccessibilityConfig, fallback_contact: Contact | None = None
    ) -> Statement:
        """The statement of a site from its ``accessibility:`` options.

        Without a contact of its own, the statement gives ``fallback_contact`` (the issuer of a report).
        """
        given = options.contact
        contact = StatementContact(
            str(given.phone) if given.phone is not None else None, given.email, given.address
        )
        if contact.empty and fallback_contact is not None:
            contact = StatementContact(
                fallback_contact.phone, fallback_contact.email, fallback_contact.address
            )
        # A field named like an option takes its value; the others are made here.
        values = {field.name: options[field.name] for field in fields(cls) if field.name in options}
        values.update(
            site_name=site_name,
            contact=contact,
            limitations=tuple(options.limitations),
            improvements=tuple(options.improvements),
            prepared=options.date,
        )
        return cls(**values)


def message_html(locale: Locale, key: str, /, **values: Any) -> Markup:
    """The message at ``key`` as HTML: its text escaped, and each value escaped unless it is ``Markup``.

    Templates pass HTML for a placeholder as the output of a macro (``Markup`` in the package's
    autoescaped templates), e.g. a ``<kbd>`` around a shortcut; never text from the content.
    """
    return escape(locale.t(key)).format(**values)
