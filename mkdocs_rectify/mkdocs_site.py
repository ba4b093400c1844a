"""The MkDocs side of the plugin's steps: loading the content (its errors as MkDocs reports them),
Material's search plugin, the nav's shape, the generated pages' paths and titles, and the work on
the built site (search index, Content-Security-Policy, manifest) with its log and its errors.

Part of the MkDocs adapter (with ``plugin.py``, ``config.py`` and ``mkdocs_leave.py``).
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from mkdocs_rectify import clock, components, csp, manifest
from mkdocs_rectify.config import RectifyConfig, SearchThesaurusConfig
from mkdocs_rectify.leave import LeavePolicy
from mkdocs_rectify.loader import ContentErrors, LoadCache, load_content
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.messages import say
from mkdocs_rectify.mkdocs_leave import LeaveNotices
from mkdocs_rectify.model import Site
from mkdocs_rectify.pages import PageKind, PagePlan, report_uri
from mkdocs_rectify.render import MarkdownRenderer
from mkdocs_rectify.sanitize import Sanitizer
from mkdocs_rectify.search import Entry, ThesaurusError, index_site, load_thesaurus
from mkdocs_rectify.search.indexer import PagefindError

__all__ = [
    "BoundedNav",
    "Setup",
    "add_theme",
    "claim",
    "disable_search",
    "escape_title",
    "flatten_nav",
    "index_search",
    "load",
    "log_policy",
    "print_uncounted",
    "set_up",
    "sitemap_pages",
    "thesaurus",
    "write_manifest",
]

log = get_plugin_logger("rectify")
PACKAGE = resources.files("mkdocs_rectify")


def load(
    content_dir: Path,
    *,
    serve: bool,
    locale: Locale | None = None,
    cache: LoadCache | None = None,
) -> tuple[Site | None, ContentErrors | None]:
    """The content, with its warnings and notes logged; or, with errors, a PluginError that lists them all.

    The messages are in ``locale`` (English by default). Under ``mkdocs serve``
    the errors are printed and returned instead, for the page that shows them in the browser in
    place of the site; and with the ``cache`` kept between its rebuilds, only the problem files
    that changed are parsed and validated again."""
    try:
        loaded = load_content(content_dir, build_date=clock.build_date(), cache=cache)
    except clock.BuildDateError as error:
        raise PluginError(f"rectify: {say(locale, error.args[0])}") from None
    except ContentErrors as errors:
        if not serve:
            raise PluginError(errors.render(locale)) from None
        for error in errors.errors:
            print_uncounted(logging.ERROR, error.say(locale))
        return None, errors
    for warning in loaded.warnings:
        log.warning(say(locale, warning))
    for note in loaded.notes:
        log.info(say(locale, note))
    return loaded.site, None


def print_uncounted(level: int, message: str) -> None:
    """Print ``message`` as the plugin's log would, without MkDocs' strict mode counting it.

    Under ``mkdocs serve``, content errors are shown in the page that replaces the site. Strict
    mode (``strict: true``) aborts a build that logged an error or a warning, and the server then
    keeps every request waiting for a build that never completes; so these errors go to MkDocs'
    console handlers, but not to the counter strict mode reads.
    """
    logger = log.logger
    record = logger.makeRecord(logger.name, level, __file__, 0, f"{log.prefix}: {message}", None, None)
    handlers = [h for h in logging.getLogger("mkdocs").handlers if not isinstance(h, CountHandler)]
    if not handlers and logging.lastResort is not None:
        handlers = [logging.lastResort]  # MkDocs run from Python, without its console handler
    for handler in handlers:
        if record.levelno >= handler.level:
            handler.handle(record)


@dataclass
class Setup:
    """What one build starts from: the content folder, the locale, the Markdown renderer, the leave
    notices (None when switched off), the search thesaurus, and the content loaded (the site, or
    under ``serve`` None and its errors)."""

    content_dir: Path
    locale: Locale
    renderer: MarkdownRenderer
    leave: LeaveNotices | None
    thesaurus: list[Entry]
    site: Site | None
    errors: ContentErrors | None


def set_up(config: MkDocsConfig, options: RectifyConfig, *, serve: bool, cache: LoadCache | None) -> Setup:
    """Read the options against MkDocs' config, add the theme's parts, switch off lunr search, and
    load the content (``on_config``)."""
    config_dir = Path(config.config_file_path or ".").parent
    content_dir = (config_dir / options.content_dir).resolve()
    code = options.locale_code(config.theme.get("language"))
    locale = Locale(code, options.status_labels)
    add_theme(config)
    sanitizer = Sanitizer(options.sanitize.allowance())
    markdown = (config.markdown_extensions, config.mdx_configs)
    renderer = MarkdownRenderer(*markdown, sanitizer=sanitizer, content_dir=content_dir)
    host = urlsplit(config.site_url or "").hostname
    policy = LeavePolicy([host] if host else [], options.leave_site.allow)
    leave = LeaveNotices(policy, locale) if options.leave_site.enabled else None
    for name in disable_search(config) if options.search else ():
        log.info(locale.t("build.search_switched_off", name=name))
    words = thesaurus(config_dir, options.search_thesaurus, locale) if options.search else []
    site, errors = load(content_dir, serve=serve, locale=locale, cache=cache)
    return Setup(content_dir, locale, renderer, leave, words, site, errors)


def add_theme(config: MkDocsConfig) -> None:
    """Add the package's templates to the theme (after the site's ``custom_dir``), the joined CSS
    and the scripts of every page (the others load on their own pages)."""
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(PACKAGE / "templates"))
    config.extra_css.append(components.STYLESHEET)
    config.extra_javascript.extend(components.EVERY_PAGE_SCRIPTS)


def disable_search(config: MkDocsConfig) -> list[str]:
    """Switch off MkDocs' and Material's lunr search; the names of the plugins switched off.

    One search box: Material's lunr index (megabytes, downloaded by every page) gives way."""
    names = []
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and getattr(plugin.config, "enabled", False):
            plugin.config.enabled = False
            names.append(name)
    return names


def flatten_nav(nav: Navigation, generated: Container[str], *, nav_given: bool) -> None:
    """Show a section of the nav that holds one page as that page.

    A report folder holds only the report page in the nav (``generated``: the source paths of the
    generated pages). So does a folder of the docs that holds only its index page when MkDocs
    builds the nav (``nav_given`` false): the section would be titled after the folder ("guide" →
    "Guide", English on a Chinese site) instead of the page's own title.
    """
    for index, item in enumerate(nav.items):
        if isinstance(item, Section) and len(item.children) == 1:
            child = item.children[0]
            lone_index = not nav_given and isinstance(child, Page) and child.is_index
            if isinstance(child, Page) and (child.file.src_uri in generated or lone_index):
                child.parent = item.parent
                nav.items[index] = child


class BoundedNav:
    """The nav each page prints, so that no page but the overview lists every report.

    Material prints the whole nav on every page; with a nav entry per report, each page would
    grow with the site (and take longer to render). A report's page and its problems' pages get
    the nav without the other reports' entries; the pages of no report, without any report's
    entry. The overview, which lists every report, keeps the whole nav, and so does every page of
    a site without an overview (there is no other list of the reports). Sections left empty are
    dropped. The entries are MkDocs' own (active, titles, parents as MkDocs set them); only the
    lists that hold them are new."""

    def __init__(self, nav: Navigation, reports: Container[str], *, bounded: bool) -> None:
        self._nav = nav
        self._reports = reports
        self._bounded = bounded
        self._navs: dict[str | None, Navigation] = {}

    @classmethod
    def of_site(cls, nav: Navigation, plans: Mapping[str, PagePlan], *, nav_given: bool) -> BoundedNav:
        """The navs of a site whose generated pages are ``plans`` (by source path); its nav
        flattened first (see :func:`flatten_nav`)."""
        flatten_nav(nav, plans, nav_given=nav_given)
        reports = {uri for uri, plan in plans.items() if plan.key.kind is PageKind.REPORT}
        overview = any(plan.key.kind is PageKind.OVERVIEW for plan in plans.values())
        return cls(nav, reports, bounded=overview)

    def full(self) -> Navigation:
        return self._nav

    def of_page(self, plan: PagePlan | None) -> Navigation:
        """The nav of a generated page (``plan``) or of a docs page (None)."""
        if plan is not None and plan.key.kind is PageKind.OVERVIEW:
            return self.full()  # the one page whose nav lists every report
        if plan is not None and plan.key.report_id is not None:
            return self.of(report_uri(plan.key.report_id))
        return self.of(None)

    def of(self, report: str | None) -> Navigation:
        """The nav of a page of the report whose page's source is ``report``, or of no report (None)."""
        if not self._bounded:
            return self._nav
        if report not in self._navs:
            nav = Navigation(self._items(self._nav.items, report), self._nav.pages)
            nav.homepage = self._nav.homepage
            self._navs[report] = nav
        return self._navs[report]

    def _items(self, items: list, report: str | None) -> list:
        kept = []
        for item in items:
            if isinstance(item, Page) and item.file.src_uri in self._reports and item.file.src_uri != report:
                continue
            if isinstance(item, Section):
                children = self._items(item.children, report)
                if not children:
                    continue
                if len(children) != len(item.children):
                    item = copy.copy(item)
                    item.children = children
            kept.append(item)
        return kept


def sitemap_pages(listed: Iterable[File], plans: Mapping[str, PagePlan]) -> list[File]:
    """The pages the sitemap lists: not the generated pages kept out of it (the notices)."""
    return [file for file in listed if (plan := plans.get(file.src_uri)) is None or plan.in_sitemap]


def claim(
    files: Files, config: MkDocsConfig, locale: Locale, uri: str, what: str, option: str | None = None
) -> None:
    """Stop the build when a docs file takes a path the plugin writes: ``what`` it does there (a
    key of ``build.claim``: ``manifest``, ``feed``, ``page``), and the ``option`` that would stop it."""
    if files.get_file_from_path(uri) is not None:
        does = locale.t(f"build.claim.{what}")
        path = f"{config.docs_dir}/{uri}"
        key = "build.claim.option" if option else "build.claim.exists"
        raise PluginError(f"rectify: {locale.t(key, path=path, what=does, option=option)}")


def escape_title(page: Page, title: str) -> None:
    """Give a generated page its title as escaped text.

    Material prints page titles as HTML (navigation, tabs, footer, header, <title>), and these come
    from the content: each is escaped text (Markup), which reads right printed as it is and
    through `| e` alike."""
    page.meta["title"] = Markup(escape(title))


def thesaurus(config_dir: Path, options: SearchThesaurusConfig, locale: Locale) -> list[Entry]:
    """The search thesaurus: the locale's default and the site's files; every problem in one error."""
    extra = [config_dir / name for name in options.extra]
    try:
        return load_thesaurus(locale.code, extra, replace_default=options.replace_default)
    except ThesaurusError as error:
        lines = "\n".join(f"  {say(locale, problem)}" for problem in error.problems)
        raise PluginError(f"rectify: {locale.t('build.thesaurus_errors')}\n{lines}") from None


def index_search(site_dir: str, language: str, locale: Locale) -> None:
    """Index the built site with Pagefind, and log how long it took."""
    try:
        stats = index_site(Path(site_dir), language=language)
    except PagefindError as error:
        raise PluginError(f"rectify: search: {error}") from None
    log.info(locale.t("build.search_index", pages=stats.pages, seconds=f"{stats.seconds:.1f}"))


def log_policy(site_dir: str, locale: Locale) -> None:
    """Log the Content-Security-Policy the built site runs under, and what no policy can allow."""
    try:
        policy = csp.site_policy(Path(site_dir))
    except csp.CspError as error:
        raise PluginError(f"rectify: {say(locale, error.args[0])}") from None
    # Not a warning: a style attribute in a page of the docs should not fail a --strict build.
    for finding in policy.unhashable:
        log.info(locale.t("build.csp_unhashable", finding=say(locale, finding)))
    log.info(locale.t("build.csp_header", header=f"{csp.HEADER}: {policy.header()}"))


def write_manifest(site_dir: str, locale: Locale, *, quiet: bool = False) -> None:
    """Write the manifest of the built site (the SHA-256 of every file), and log its own (not when
    ``quiet``)."""
    try:
        count, digest = manifest.write_manifest(Path(site_dir))
    except OSError as error:
        raise PluginError(f"rectify: {manifest.MANIFEST_PATH}: {error}") from None
    if not quiet:
        log.info(locale.t("build.manifest", path=manifest.MANIFEST_PATH, count=count, digest=digest))
