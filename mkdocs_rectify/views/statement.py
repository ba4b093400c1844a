"""The accessibility statement (无障碍声明): what ``rectify/statement.html`` receives.

The statement follows the sections of the GOV.UK model accessibility statement; what it says comes
from the ``accessibility:`` options of the plugin (their defaults live with the options, in
``config.py``), its sentences from the locale files. Imports nothing from MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from mkdocs_rectify.model import Contact
from mkdocs_rectify.pages import PageKind
from mkdocs_rectify.views.templating import CARE_SHORTCUT

if TYPE_CHECKING:  # the validated options; only their values are read
    from mkdocs_rectify.config import AccessibilityConfig

__all__ = ["TOOLS", "Statement", "StatementContact"]

TOOLS = ("axe", "tree", "orca", "nvda", "zhengdu", "voiceover", "talkback")
"""The tools the locale files name (``statement.tools.<name>``) for ``tested_with`` and
``not_tested_with``; any other item is the site's own sentence."""


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

    kind = PageKind.STATEMENT.value
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
    tested_with: tuple[str, ...] = ()
    not_tested_with: tuple[str, ...] = ()
    care_shortcut: str = CARE_SHORTCUT
    tools = TOOLS

    @property
    def gaps(self) -> tuple[str, ...]:
        """What the publisher has yet to fill in: ``contact`` (no way to report a problem is given,
        in the options or a report) and ``tested`` (no date of the last test)."""
        missing = {"contact": self.contact.empty, "tested": self.tested is None}
        return tuple(gap for gap, is_missing in missing.items() if is_missing)

    @classmethod
    def from_options(
        cls, site_name: str, options: AccessibilityConfig, report_contacts: Iterable[Contact] = ()
    ) -> Statement:
        """The statement of a site from its ``accessibility:`` options.

        Without a contact of its own, the statement gives the first of ``report_contacts`` (the
        issuers of the reports) that has a phone number or an e-mail address.
        """
        given = options.contact
        contact = StatementContact(
            str(given.phone) if given.phone is not None else None, given.email, given.address
        )
        if contact.empty:
            fallback = next((c for c in report_contacts if c.phone or c.email), None)
            if fallback is not None:
                contact = StatementContact(fallback.phone, fallback.email, fallback.address)
        # A field named like an option takes its value; the others are made here.
        values = {field.name: options[field.name] for field in fields(cls) if field.name in options}
        values.update(
            site_name=site_name,
            contact=contact,
            limitations=tuple(options.limitations),
            improvements=tuple(options.improvements),
            tested_with=tuple(options.tested_with),
            not_tested_with=tuple(options.not_tested_with),
            prepared=options.date,
        )
        return cls(**values)
