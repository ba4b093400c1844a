"""The options of the ``rectify`` plugin in ``mkdocs.yml``, with their defaults and their checks.

This is the only place that knows an option's default: the rest of the package reads the values
from the validated config objects. Every option has a docstring under it (they make the
configuration reference). Every check is made while MkDocs validates the config, so a wrong
value is reported as a configuration error that names the option.

This module is part of the MkDocs adapter: it builds on MkDocs' config classes, and the core
receives the validated objects.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Any

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from mkdocs_rectify.locale import AVAILABLE, locale_for_language
from mkdocs_rectify.messages import Message, say
from mkdocs_rectify.model import Status
from mkdocs_rectify.sanitize import Allowance, refusal_for_attribute, refusal_for_scheme, refusal_for_tag

__all__ = [
    "CONFIG_LOCALE",
    "CONFORMANCE",
    "AccessibilityConfig",
    "AccessibilityContactConfig",
    "BrowseConfig",
    "GovernmentConfig",
    "LeaveSiteConfig",
    "MarkConfig",
    "RectifyConfig",
    "SanitizeConfig",
    "SearchThesaurusConfig",
    "locale_of_options",
]

CONFIG_LOCALE: ContextVar[str] = ContextVar("CONFIG_LOCALE", default="en")
"""The locale the errors of the options are said in while MkDocs checks them (the plugin sets it
from :func:`locale_of_options`); English otherwise."""


def _said(message: Message) -> str:
    return say(CONFIG_LOCALE.get(), message)


CONFORMANCE = ("full", "partial", "none")
"""Compliance status as in the GOV.UK statement: fully, partially or not compliant."""


class AccessibilityContactConfig(base.Config):
    """``accessibility.contact``: where readers report an accessibility problem."""

    phone = c.Optional(c.Type((str, int)))
    """A phone number, as printed (a short hotline such as 12345 may be written unquoted)."""
    email = c.Optional(c.Type(str))
    """An e-mail address."""
    address = c.Optional(c.Type(str))
    """A postal address."""


class AccessibilityConfig(base.Config):
    """``accessibility:``: the accessibility statement (无障碍声明), published at ``accessibility/``."""

    statement = c.Type(bool, default=True)
    """Generate the statement page and link it from the footer of every page."""
    standard = c.Type(str, default="WCAG 2.2 AA")
    """The standard the site is built to meet."""
    conformance = c.Choice(CONFORMANCE, default="partial")
    """How far the site meets it: ``full``, ``partial`` or ``none`` (as in the GOV.UK statement)."""
    limitations = c.ListOfItems(c.Type(str), default=[])
    """Known limitations, one sentence each (non-accessible content)."""
    improvements = c.ListOfItems(c.Type(str), default=[])
    """What the publisher is doing to improve accessibility, one sentence each."""
    contact = c.SubConfig(AccessibilityContactConfig)
    """How to report a problem; by default the contact of the first report that gives a phone or e-mail."""
    response_days = c.Type(int, default=5)
    """Working days within which the publisher answers a report."""
    date = c.Optional(c.Type(dt.date))
    """The day the statement was prepared (``2024-05-06``)."""
    reviewed = c.Optional(c.Type(dt.date))
    """The day the statement was last reviewed."""
    tested = c.Optional(c.Type(dt.date))
    """The day the site was last tested."""
    tested_by = c.Optional(c.Type(str))
    """Who tested it."""
    tested_with = c.ListOfItems(c.Type(str), default=["axe", "tree", "orca"])
    """What the site was tested with, one each: a tool the locale names (``axe``: axe-core's rules,
    ``tree``: Chromium's accessibility tree, ``orca``: the Orca screen reader under Linux; ``nvda``,
    ``zhengdu``, ``voiceover``, ``talkback``) or a sentence of the site's own."""
    not_tested_with = c.ListOfItems(c.Type(str), default=["nvda", "zhengdu", "voiceover", "talkback"])
    """What the site was not tested with, most of all the screen readers readers use (as ``tested_with``)."""
    complaints = c.Optional(c.Type(str))
    """Where to turn when not satisfied with the answer (enforcement procedure)."""


class LeaveSiteConfig(base.Config):
    """``leave_site:``: the notice before a reader follows a link to another site (即将离开本网站)."""

    enabled = c.Type(bool, default=True)
    """Send links to other sites through the notice: a dialog, or without JavaScript a notice page."""
    allow = c.ListOfItems(c.Type(str), default=[])
    """Hosts readers go to without a notice: ``www.gov.cn`` exactly, ``*.gov.cn`` for gov.cn and all
    its sub-domains. The host of ``site_url`` never needs one."""


class _SiteFile(c.Type[str]):
    """The path of a file of the site (in ``docs_dir``), never an address on another site."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        path = super().run_validation(value).strip()
        if re.match(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)", path):
            raise ValidationError(_said(Message("config.site_file", path=path)))
        return path.lstrip("/")


class _PoliceFiling(c.Type[str]):
    """A 公安备案号 as printed; the number its link looks up is its digits."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value).strip()
        if len(re.sub(r"\D", "", text)) < 10:
            raise ValidationError(_said(Message("config.police_filing", text=text)))
        return text


class MarkConfig(base.Config):
    """``government.mark``: the 党政机关 mark (党政机关网站标识), for an office that has one."""

    image = c.Optional(_SiteFile())
    """The mark's image as the office received it, a file of ``docs_dir`` (``assets/dzjg.png``);
    never an address on another site: the mark is not hotlinked."""
    link = c.Optional(c.Type(str))
    """Where the mark leads, such as the office's page at the registry of 党政机关 sites; like every
    link to another site it goes through the leave notice unless ``leave_site.allow`` lets it."""


class GovernmentConfig(base.Config):
    """``government:``: the conventions of a government website, shown in the footer of every page.

    The two filing numbers link to the registries where a reader checks them, beian.miit.gov.cn
    and beian.mps.gov.cn; being links to other sites, they go through the leave notice, unless
    ``leave_site.allow`` holds ``*.gov.cn`` (as government sites usually do)."""

    sponsor = c.Optional(c.Type(str))
    """The sponsoring office (主办单位), such as 海口市政务管理局."""
    site_code = c.Optional(c.Type((str, int)))
    """The government website identifier code (政府网站标识码), as issued (``4601000021``)."""
    icp = c.Optional(c.Type(str))
    """The ICP filing number (ICP备案号), such as 琼ICP备12345678号; linked to beian.miit.gov.cn."""
    police = c.Optional(_PoliceFiling())
    """The public security filing number (公安备案号), such as 琼公网安备 46010602000123号; linked to
    its record at beian.mps.gov.cn."""
    mark = c.SubConfig(MarkConfig)
    """The 党政机关 mark: ``{image: assets/dzjg.png, link: …}``."""


class _AtLeastOne(c.Type[int]):
    """A whole number of at least 1."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or number < 1:
            raise ValidationError(_said(Message("config.at_least_one", number=number)))
        return number


class BrowseConfig(base.Config):
    """The pages for browsing without JavaScript: problems by status, overdue, responsible unit and
    year (under ``browse/``), and the reports of each year (under ``years/``)."""

    enabled = c.Type(bool, default=True)
    """Generate the browsing pages, and link to them from the overview and the report pages."""
    page_size = _AtLeastOne(100)
    """How many problems a browsing page lists; more go on the following pages (第 2 页 …)."""
    latest_reports = _AtLeastOne(10)
    """How many of the newest reports the overview lists; the others are on the pages of their year."""


class _Allowed(c.Type[str]):
    """A name the sanitiser may allow; one it never may is refused with the reason."""

    def __init__(self, refusal: Callable[[str], Message | None]) -> None:
        super().__init__(str)
        self._refusal = refusal

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        reason = self._refusal(name)
        if reason:
            raise ValidationError(_said(reason))
        return name


class _AllowedAttributes(c.DictOfItems[list[str]]):
    """``{element: [attribute, …]}``, ``*`` for every element; each name checked as by :class:`_Allowed`."""

    def __init__(self) -> None:
        super().__init__(c.ListOfItems(_Allowed(refusal_for_attribute)), default={})

    def run_validation(self, value: object) -> dict[str, list[str]]:
        if isinstance(value, dict):
            for tag in value:
                reason = refusal_for_tag(str(tag)) if tag != "*" else None
                if reason:
                    raise ValidationError(_said(reason))
        return super().run_validation(value)


class SanitizeConfig(base.Config):
    """``sanitize:``: what the HTML of the content's Markdown may hold beyond the built-in allow-list.

    Nothing that runs a script, loads from another site or steers the site's own scripts can be
    allowed (``script``, ``style``, ``iframe``, ``form``, ``svg``, event handlers, ``style=``,
    ``data-*``, ``javascript:`` …): asking for it is a configuration error that says why."""

    tags = c.ListOfItems(_Allowed(refusal_for_tag), default=[])
    """More elements, e.g. ``[video, source]``."""
    attributes = _AllowedAttributes()
    """More attributes by element, e.g. ``{video: [src, controls], "*": [translate]}``."""
    url_schemes = c.ListOfItems(_Allowed(refusal_for_scheme), default=[])
    """More URL schemes for links, e.g. ``[ftp]``; ``http``, ``https``, ``mailto`` and ``tel`` are
    always allowed, and so are relative addresses."""

    def allowance(self) -> Allowance:
        """What these options add to the sanitiser's allow-list (every name was checked already)."""
        return Allowance.of(self.tags, self.attributes, self.url_schemes)


class _Sanitize(c.SubConfig[SanitizeConfig]):
    """The ``sanitize`` options, checked name by name and then as one allowance."""

    def run_validation(self, value: object) -> SanitizeConfig:
        options = super().run_validation(value)
        try:
            options.allowance()
        except ValueError as error:
            raise ValidationError(str(error)) from None
        return options


class _StatusLabels(c.Type[dict]):
    """``{status code: label}``; a code that is not a status is refused, naming the ones there are."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict:
        labels = super().run_validation(value)
        unknown = set(labels) - {s.value for s in Status}
        if unknown:
            allowed = [s.value for s in Status]
            message = Message("config.unknown_status", unknown=sorted(unknown), allowed=allowed)
            raise ValidationError(_said(message))
        return labels


class SearchThesaurusConfig(base.Config):
    """``search_thesaurus:``: the words residents type → the words the notices use, for search.

    A thesaurus file is a YAML list of ``{plain: [...], official: [...]}`` entries (see the
    README); when a query holds a plain word and its own words find too little, the search also
    looks for the entry's official words."""

    extra = c.ListOfItems(c.Type(str), default=[])
    """The site's own thesaurus files, relative to ``mkdocs.yml`` (e.g. ``[thesaurus.yml]``), added
    to the default one of the site's locale."""
    replace_default = c.Type(bool, default=False)
    """Use only the ``extra`` files, without the default thesaurus of the locale."""


class RectifyConfig(base.Config):
    """Options of the ``rectify`` plugin in ``mkdocs.yml``."""

    content_dir = c.Type(str, default="content")
    """Folder holding one sub-folder per report, relative to ``mkdocs.yml``."""
    locale = c.Optional(c.Choice(AVAILABLE))
    """Language of the generated text (``zh-CN`` or ``en``); by default derived from ``theme.language``."""
    status_labels = _StatusLabels()
    """Site-specific labels for status codes, e.g. ``{ongoing: 基本完成，持续整改}``."""
    overview = c.Type(bool, default=True)
    """Generate the overview of all reports as the home page (``index.md``)."""
    open_data = c.Type(bool, default=True)
    """Publish ``data/rectify.json``, ``data/<report-id>.csv`` and the JSON Schemas."""
    feeds = c.Type(bool, default=True)
    """Publish Atom feeds of what changes: ``feeds/atom.xml`` for the site, ``feeds/reports/<report-id>.xml``
    for each report, linked from the pages' ``<head>``. Feeds need absolute links: without ``site_url``
    in ``mkdocs.yml`` the build says so (an info line, so that ``--strict`` still passes) and writes
    none."""
    search = c.Type(bool, default=True)
    """Full-text search with Pagefind: a search box in the header, a search page (``search/``) with
    filters by status, report, responsible unit and year, and the index in ``pagefind/``, built
    after the site. Material's own ``search`` plugin is switched off while this is on."""
    search_thesaurus = c.SubConfig(SearchThesaurusConfig)
    """Plain words → official words for search: ``{extra: [thesaurus.yml], replace_default: false}``."""
    accessibility = c.SubConfig(AccessibilityConfig)
    """The accessibility statement: standard, known limitations, contact, answer time, dates."""
    leave_site = c.SubConfig(LeaveSiteConfig)
    """The notice before leaving the site: ``{enabled: true, allow: ["*.gov.cn"]}``."""
    browse = c.SubConfig(BrowseConfig)
    """Browsing without JavaScript: ``{enabled: true, page_size: 100, latest_reports: 10}``."""
    sanitize = _Sanitize()
    """Widen what the content's Markdown may hold as HTML:
    ``{tags: […], attributes: {element: […]}, url_schemes: […]}``."""
    government = c.SubConfig(GovernmentConfig)
    """The footer's government conventions: 主办单位, 政府网站标识码, ICP备案号, 公安备案号, the
    党政机关 mark."""

    def locale_code(self, theme_language: str | None) -> str:
        """The locale of the generated text: the ``locale`` option, else the theme's language's."""
        return self.locale or locale_for_language(theme_language)


class _AnyTag(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` with its tags (``!ENV``, ``!!python/name:``) as empty values."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def locale_of_options(options: Mapping[str, Any], config_file_path: str | None) -> str:
    """The locale the site speaks, for the errors of its options, found before MkDocs hands over
    the validated config: the ``locale`` option, else ``theme.language`` in ``mkdocs.yml``
    (Material's default, English, when it names none)."""
    locale = options.get("locale")
    if locale in AVAILABLE:
        return str(locale)
    language = None
    try:
        with open(config_file_path or "mkdocs.yml", encoding="utf-8") as stream:
            data = yaml.load(stream, Loader=_AnyTag)
        theme = data.get("theme") if isinstance(data, dict) else None
        language = theme.get("language") if isinstance(theme, dict) else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        pass
    return locale_for_language(language if isinstance(language, str) else "en")
