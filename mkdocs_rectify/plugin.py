"""The MkDocs adapter: wires MkDocs events to the content model, the pages and the open data.

Everything that can live without MkDocs lives elsewhere (``model``, ``loader``, ``pages``,
``render``, ``views``, ``export``); this module only translates between them and MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.commands.build import get_context
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, is_error_template, write_file
from mkdocs.utils.templates import TemplateContext

from mkdocs_rectify import components, csp, export, leave, manifest
from mkdocs_rectify.loader import ContentErrors, load_site
from mkdocs_rectify.locale import AVAILABLE, Locale, locale_for_language
from mkdocs_rectify.model import Site, Status
from mkdocs_rectify.pages import DATA_DIR, OVERVIEW_URI, SEARCH_URI, PageKey, PagePlan, plan_pages
from mkdocs_rectify.render import MarkdownRenderer, phone_uri
from mkdocs_rectify.sanitize import (
    Allowance,
    Sanitizer,
    refusal_for_attribute,
    refusal_for_scheme,
    refusal_for_tag,
)
from mkdocs_rectify.search import BUNDLE_DIR, index_site, site_characters, traditional_map
from mkdocs_rectify.search.hanzi import content_language, map_json
from mkdocs_rectify.search.indexer import PagefindError
from mkdocs_rectify.statement import CARE_SHORTCUT, CONFORMANCE, STATEMENT_URI, message_html
from mkdocs_rectify.views import SiteViews

__all__ = ["RectifyConfig", "RectifyPlugin"]

log = get_plugin_logger("rectify")

PACKAGE = resources.files("mkdocs_rectify")
SEARCH_MAP = "search/hanzi.json"
LEAVE_TEMPLATE = "rectify/leave.html"
LEAVE_DIALOG = "partials/rectify/leave.html"


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
    complaints = c.Optional(c.Type(str))
    """Where to turn when not satisfied with the answer (enforcement procedure)."""


class LeaveSiteConfig(base.Config):
    """``leave_site:``: the notice before a reader follows a link to another site (即将离开本网站)."""

    enabled = c.Type(bool, default=True)
    """Send links to other sites through the notice: a dialog, or without JavaScript a notice page."""
    allow = c.ListOfItems(c.Type(str), default=[])
    """Hosts readers go to without a notice: ``www.gov.cn`` exactly, ``*.gov.cn`` for gov.cn and all
    its sub-domains. The host of ``site_url`` never needs one."""


class _Allowed(c.Type[str]):
    """A name the sanitiser may allow; one it never may is refused with the reason."""

    def __init__(self, refusal: Callable[[str], str | None]) -> None:
        super().__init__(str)
        self._refusal = refusal

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        reason = self._refusal(name)
        if reason:
            raise ValidationError(reason)
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
                    raise ValidationError(reason)
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


class RectifyConfig(base.Config):
    """Options of the ``rectify`` plugin in ``mkdocs.yml``."""

    content_dir = c.Type(str, default="content")
    """Folder holding one sub-folder per report, relative to ``mkdocs.yml``."""
    locale = c.Optional(c.Choice(AVAILABLE))
    """Language of the generated text (``zh-CN`` or ``en``); by default derived from ``theme.language``."""
    status_labels = c.Type(dict, default={})
    """Site-specific labels for status codes, e.g. ``{ongoing: 基本完成，持续整改}``."""
    overview = c.Type(bool, default=True)
    """Generate the overview of all reports as the home page (``index.md``)."""
    open_data = c.Type(bool, default=True)
    """Publish ``data/rectify.json``, ``data/<report-id>.csv`` and the JSON Schemas."""
    search = c.Type(bool, default=True)
    """Full-text search with Pagefind: a search box in the header, a search page (``search/``) with
    filters by status, report, responsible unit and year, and the index in ``pagefind/``, built
    after the site. Material's own ``search`` plugin is switched off while this is on."""
    accessibility = c.SubConfig(AccessibilityConfig)
    """The accessibility statement: standard, known limitations, contact, answer time, dates."""
    leave_site = c.SubConfig(LeaveSiteConfig)
    """The notice before leaving the site: ``{enabled: true, allow: ["*.gov.cn"]}``."""
    sanitize = c.SubConfig(SanitizeConfig)
    """Widen what the content's Markdown may hold as HTML:
    ``{tags: […], attributes: {element: […]}, url_schemes: […]}``."""


class RectifyPlugin(BasePlugin[RectifyConfig]):
    """Publishes the reports under ``content_dir`` as pages, open data and search."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._command = "build"
        self._site_name = ""
        self._site: Site | None = None
        self._errors: ContentErrors | None = None
        self._locale: Locale | None = None
        self._plans: dict[str, PagePlan] = {}
        self._urls: dict[PageKey, str] = {}
        self._renderer: MarkdownRenderer | None = None
        self._views: SiteViews | None = None
        self._search_language = "zh"
        self._leave_policy: leave.LeavePolicy | None = None
        self._notices = leave.NoticeRegistry()
        self._notice_files: dict[str, File] = {}
        self._leave_dialog: str | None = None
        self._env: Environment | None = None
        self._nav: Navigation | None = None
        self._files: Files | None = None

    # -- life cycle -------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance across `mkdocs serve` rebuilds.
        self._command = command

    @property
    def locale(self) -> Locale:
        if self._locale is None:
            raise RuntimeError("the rectify plugin is used before on_config")
        return self._locale

    @property
    def content_path(self) -> Path:
        return Path(self.config.content_dir)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base_dir = Path(config.config_file_path or ".").parent
        self.config.content_dir = str((base_dir / self.config.content_dir).resolve())
        self._site_name = config.site_name
        unknown = set(self.config.status_labels) - {s.value for s in Status}
        if unknown:
            raise PluginError(
                f"rectify: status_labels: unknown status {', '.join(sorted(unknown))}; "
                f"use {', '.join(s.value for s in Status)}"
            )
        code = self.config.locale or locale_for_language(config.theme.get("language"))
        self._locale = Locale(code, self.config.status_labels)

        templates = str(PACKAGE / "templates")
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, templates)
        # components: the stylesheet and the scripts every page loads (the others, per page).
        config.extra_css.append(components.STYLESHEET)
        config.extra_javascript.extend(components.EVERY_PAGE_SCRIPTS)
        site_host = urlsplit(config.site_url or "").hostname
        leave_site = self.config.leave_site
        self._leave_policy = (
            leave.LeavePolicy([site_host] if site_host else [], leave_site.allow)
            if leave_site.enabled
            else None
        )
        self._renderer = MarkdownRenderer(
            config.markdown_extensions,
            config.mdx_configs,
            sanitizer=Sanitizer(self._allowance()),
            content_dir=self.content_path,
        )
        if self.config.search:
            self._disable_material_search(config)
        self._load()
        return config

    def _allowance(self) -> Allowance:
        options = self.config.sanitize
        try:
            return Allowance.of(options.tags, options.attributes, options.url_schemes)
        except ValueError as error:  # the options are checked when read; this is the last guard
            raise PluginError(f"rectify: sanitize: {error}") from None

    def _disable_material_search(self, config: MkDocsConfig) -> None:
        # One search box: Material's lunr index (megabytes, downloaded by every page) gives way.
        for name in ("material/search", "search"):
            plugin = config.plugins.get(name)
            if plugin is not None and getattr(plugin.config, "enabled", False):
                plugin.config.enabled = False
                log.info(f"the '{name}' plugin is switched off: the site is searched with Pagefind")

    def _load(self) -> None:
        self._site, self._errors = None, None
        try:
            site, warnings = load_site(self.content_path)
        except ContentErrors as errors:
            if self._command != "serve":
                raise PluginError(errors.render()) from None
            # While previewing, show the errors in the browser instead of stopping the server.
            for error in errors.errors:
                log.error(str(error))
            self._errors = errors
            return
        for warning in warnings:
            log.warning(warning)
        self._site = site

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        # content/ is outside docs_dir, so MkDocs does not watch it on its own.
        server.watch(self.config.content_dir)
        return server

    # -- files and navigation ------------------------------------------------------------------

    @event_priority(50)  # Before other plugins, so that they see the generated pages.
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for uri, content in components.assets().items():  # components: CSS joined, every script
            files.append(File.generated(config, uri, content=content))
        if files.get_file_from_path(manifest.MANIFEST_PATH) is not None:
            raise PluginError(
                f"rectify: {config.docs_dir}/{manifest.MANIFEST_PATH} exists, but the plugin writes that "
                "file (the SHA-256 of every published file); rename or remove it"
            )
        if self._errors is not None:
            self._add_error_page(files, config)
            return files
        assert self._site is not None
        plans = plan_pages(
            self._site,
            self.locale,
            overview=self.config.overview,
            search=self.config.search,
            statement=self.config.accessibility.statement,
        )
        self._plans, self._urls = {}, {}
        for plan in plans:
            if files.get_file_from_path(plan.src_uri) is not None:
                raise PluginError(
                    f"rectify: {config.docs_dir}/{plan.src_uri} exists, but the plugin generates that page; "
                    "rename or remove the file"
                    + (", or set overview: false" if plan.src_uri == OVERVIEW_URI else "")
                    + (", or set accessibility: {statement: false}" if plan.src_uri == STATEMENT_URI else "")
                )
            inclusion = InclusionLevel.INCLUDED if plan.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, plan.src_uri, content=plan.stub(), inclusion=inclusion)
            files.append(file)
            self._plans[plan.src_uri] = plan
            self._urls[plan.key] = file.url
        assert self._renderer is not None
        self._views = SiteViews(
            self._site,
            self._renderer,
            self._urls,
            site_name=self._site_name,
            open_data=self.config.open_data,
            accessibility=self.config.accessibility,
            search=(BUNDLE_DIR, SEARCH_MAP) if self.config.search else None,
        )
        if self.config.open_data:
            self._add_open_data(files, config)
        if self.config.search:
            # The content's characters (for the traditional→simplified table) and language (for the
            # indexer's word segmentation), from one pass over it.
            dumps = [report.model_dump() for report in self._site.reports]
            self._search_language = content_language(dumps) or self.locale.code.split("-")[0]
            table = map_json(traditional_map(site_characters(dumps)))
            files.append(File.generated(config, SEARCH_MAP, content=table))
        return files

    def _add_open_data(self, files: Files, config: MkDocsConfig) -> None:
        assert self._site is not None and self._views is not None
        url_of = self._views.url_of
        outputs = {
            f"{DATA_DIR}/rectify.json": export.json_bytes(self._site, url_of),
            f"{DATA_DIR}/schema.json": export.schema_bytes("problem"),
            f"{DATA_DIR}/report.schema.json": export.schema_bytes("report"),
        }
        for report in self._site.reports:
            outputs[f"{DATA_DIR}/{report.id}.csv"] = export.csv_bytes(report, url_of, self.locale)
        for uri, content in outputs.items():
            files.append(File.generated(config, uri, content=content))

    def _add_error_page(self, files: Files, config: MkDocsConfig) -> None:
        stub = PagePlan(
            PageKey("errors"), OVERVIEW_URI, "rectify/errors.html", self.locale.t("errors.title"), True
        )
        if files.get_file_from_path(OVERVIEW_URI) is not None:
            files.remove(files.get_file_from_path(OVERVIEW_URI))  # type: ignore[arg-type]
        files.append(File.generated(config, stub.src_uri, content=stub.stub()))
        self._plans = {stub.src_uri: stub}

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        # A report folder holds only the report page in the nav: show the page, not a section of one.
        for index, item in enumerate(nav.items):
            if isinstance(item, Section) and len(item.children) == 1:
                child = item.children[0]
                # So does a folder of the docs that holds only its index page, when MkDocs builds the
                # nav: the section would be titled after the folder ("guide" → "Guide", English on
                # a Chinese site) instead of the page's own title.
                lone_index = config.nav is None and isinstance(child, Page) and child.is_index
                if isinstance(child, Page) and (child.file.src_uri in self._plans or lone_index):
                    child.parent = item.parent
                    nav.items[index] = child
        self._nav = nav
        return nav

    # -- pages and templates ---------------------------------------------------------------------

    @event_priority(50)  # Before other plugins read the title.
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        plan = self._plans.get(page.file.src_uri)
        if plan is not None and page.file.generated_by is not None:
            # Material prints page titles as HTML (navigation, tabs, footer, header, <title>), and
            # these come from the content: each is escaped text (Markup), which reads right
            # printed as it is and through `| e` alike.
            page.meta["title"] = Markup(escape(plan.title))
        return markdown

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # The templates of this package escape what they print unless it is Markup (the
        # sanitised content, HTML built from escaped parts); Material's do not, and are left so.
        env.autoescape = _escapes
        # components: partials/rectify/<file> from their folders, after the site's custom_dir.
        components.install(env, config.theme.custom_dir)
        self._env, self._files = env, files
        self._notices, self._notice_files, self._leave_dialog = leave.NoticeRegistry(), {}, None
        search_url = self._urls.get(PageKey("search")) if self._site is not None else None
        env.globals["rectify"] = TemplateHelpers(self.locale, search_url=search_url)
        if self._site is not None:
            env.globals["rectify"].statement_url = self._urls.get(PageKey("statement"))
        return env

    @event_priority(-100)  # Last: index the HTML as the other plugins have left it.
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.search or self._site is None:
            return
        try:
            stats = index_site(Path(config.site_dir), language=self._search_language)
        except PagefindError as error:
            raise PluginError(f"rectify: search: {error}") from None
        log.info(f"search index of {stats.pages} pages written in {stats.seconds:.1f} s")

    # -- leaving the site (即将离开本网站) ----------------------------------------------------------

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return self._leave_links(output, config, lambda url: get_relative_url(url, page.url), page.url)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if not template_name.endswith(".html"):
            return output_content
        if is_error_template(template_name):  # 404.html: MkDocs links it from the site's root path
            root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
            return self._leave_links(output_content, config, lambda url: root + url, None)
        return self._leave_links(
            output_content, config, lambda url: get_relative_url(url, template_name), None
        )

    def _leave_links(
        self, output: str, config: MkDocsConfig, link: Callable[[str], str], referrer: str | None
    ) -> str:
        """``output`` with its links to other sites sent through the notice, and the dialog added.

        ``link`` turns a URL from the site root into a link from this page; ``referrer`` is the
        page's URL (None for pages without a fixed URL, such as 404.html)."""
        if self._leave_policy is None or self._env is None:
            return output
        result = leave.rewrite_links(
            output,
            self._leave_policy,
            lambda destination: link(self._notice_file(destination, config).url),
            self.locale.t("leave.hint"),
            self.locale.code,
        )
        if not result.destinations:
            return output
        for destination in result.destinations:
            self._notices.add(destination, referrer)
        if self._leave_dialog is None:
            self._leave_dialog = self._env.get_template(LEAVE_DIALOG).render(config=config)
        # components: leave.js comes with the dialog, only on the pages that have one.
        script = components.leave_script_tag(link(components.LEAVE_SCRIPT))
        return leave.insert_before_body_end(result.html, self._leave_dialog + script)

    def _notice_file(self, destination: leave.Destination, config: MkDocsConfig) -> File:
        file = self._notice_files.get(destination.key)
        if file is None:
            file = File.generated(config, leave.notice_src_uri(destination), content="")
            self._notice_files[destination.key] = file
        return file

    # The notice pages are written after the pages, when every destination is known (links come
    # from the content, the docs and the theme alike); they are rendered with the theme's
    # main.html like any page, but stay out of the nav, the sitemap and the search index.
    @event_priority(-150)  # After the search index (-100): the notices are not content to be found.
    def _write_leave_notices(self, *, config: MkDocsConfig) -> None:
        if self._leave_policy is None or self._env is None or self._nav is None or self._files is None:
            return
        home = self._nav.homepage.url if self._nav.homepage else ""
        written: set[str] = set()
        # A notice page may link to other sites itself (say, in the footer): go on until all exist.
        while pending := [d for d in self._notices.destinations() if d.key not in written]:
            for destination in pending:
                written.add(destination.key)
                file = self._notice_file(destination, config)
                page = Page(Markup(escape(self.locale.t("leave.title"))), file, config)
                page.meta = {"template": LEAVE_TEMPLATE, "hide": ["navigation", "toc"]}
                page.markdown, page.content = "", ""
                context = get_context(self._nav, self._files, config, page)
                context["rectify_page"] = self._notices.view(destination, home)
                output = self._env.get_template(LEAVE_TEMPLATE).render(context)
                link = partial(_relative_to, page.url)
                output = self._leave_links(output, config, link, None)
                write_file(output.encode("utf-8"), file.abs_dest_path)

    @event_priority(-200)  # After the search index (-100) and the leave notices (-150): every page.
    def _log_policy(self, *, config: MkDocsConfig) -> None:
        try:
            policy = csp.site_policy(Path(config.site_dir))
        except csp.CspError as error:
            raise PluginError(f"rectify: {error}") from None
        # Not a warning: a style attribute in a page of the docs should not fail a --strict build.
        for finding in policy.unhashable:
            log.info(f"{finding}: not allowed by a Content-Security-Policy without 'unsafe-inline'")
        log.info(f"the site runs under this header: {csp.HEADER}: {policy.header()}")

    @event_priority(-200)  # Last, after the search index (-100) and the leave notices (-150): every file.
    def _write_manifest(self, *, config: MkDocsConfig) -> None:
        try:
            count, digest = manifest.write_manifest(Path(config.site_dir))
        except OSError as error:
            raise PluginError(f"rectify: {manifest.MANIFEST_PATH}: {error}") from None
        log.info(f"{manifest.MANIFEST_PATH}: the SHA-256 of {count} files; the manifest's own is {digest}")

    # Handlers of one event, each with its own priority.
    on_post_build = CombinedEvent(  # type: ignore[assignment]
        on_post_build, _write_leave_notices, _log_policy, _write_manifest
    )

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        plan = self._plans.get(page.file.src_uri)
        if plan is None or page.file.generated_by is None:
            return context
        if plan.key.kind == "errors":
            errors = self._errors.errors if self._errors else []
            context["rectify_page"] = {"kind": "errors", "errors": errors}
        else:
            assert self._views is not None and self._renderer is not None
            context["rectify_page"] = self._views.view(plan.key)
            # What the sanitiser removed from this page's content (each field is rendered once).
            for warning in self._renderer.take_warnings():
                log.warning(warning)
        return context


OWN_TEMPLATES = ("rectify/", "partials/rectify/")
"""The package's own templates (pages and components), autoescaped; and its 404.html."""


def _escapes(template_name: str | None) -> bool:
    """Whether Jinja autoescapes ``template_name``: the package's own templates."""
    if template_name is None:
        return False
    return template_name.startswith(OWN_TEMPLATES) or template_name == "404.html"


def _relative_to(page_url: str, url: str) -> str:
    return get_relative_url(url, page_url)


class TemplateHelpers:
    """``rectify`` in templates: the locale's text, labels, dates and small formatting helpers."""

    def __init__(self, locale: Locale, *, search_url: str | None = None) -> None:
        self.locale = locale
        self.search_url = search_url
        """The search page's URL (from the site root), or None when search is off."""
        self.search_src = SEARCH_URI
        self.statement_url: str | None = None
        """The accessibility statement's URL (from the site root), or None when it is not generated."""
        self.care_shortcut = CARE_SHORTCUT
        self.t_html = partial(message_html, locale)
        self.statuses = list(Status)
        self.t = locale.t
        self.status = locale.status
        self.date = locale.date
        self.date_range = locale.date_range
        self.number = locale.number
        self.phone_uri = phone_uri
