"""The MkDocs adapter: MkDocs' events, in the order MkDocs calls them, wired to the rest.

The options are in ``config.py``, the leave notices' MkDocs side in ``mkdocs_leave.py``, the other
steps that touch MkDocs in ``mkdocs_site.py``; all else imports nothing from MkDocs (see
ARCHITECTURE.md).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.base import ConfigErrors, ConfigWarnings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from mkdocs_rectify import components, export, feeds, manifest, mkdocs_site, pages
from mkdocs_rectify.browse import Browsing, browsing
from mkdocs_rectify.config import CONFIG_LOCALE, RectifyConfig, locale_of_options
from mkdocs_rectify.leave import LeavePolicy
from mkdocs_rectify.loader import LoadCache
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.messages import say
from mkdocs_rectify.mkdocs_leave import LeaveNotices, edit_links, nav_links, theme_links
from mkdocs_rectify.model import Site
from mkdocs_rectify.render import MarkdownRenderer
from mkdocs_rectify.sanitize import Sanitizer
from mkdocs_rectify.search import SearchInput, search_input
from mkdocs_rectify.tracking import SiteFacts
from mkdocs_rectify.views import SiteViews
from mkdocs_rectify.views.leave import NoticeRegistry
from mkdocs_rectify.views.statement import Statement
from mkdocs_rectify.views.templating import autoescapes

__all__ = ["RectifyConfig", "RectifyPlugin"]

log = get_plugin_logger("rectify")
PACKAGE = resources.files("mkdocs_rectify")


class RectifyPlugin(BasePlugin[RectifyConfig]):
    """Publishes the reports under ``content_dir`` as pages, open data and search."""

    supports_multiple_instances = False
    _command = "build"
    _load_cache: LoadCache | None = None

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        """The options checked by MkDocs, with their errors said in the site's language."""
        token = CONFIG_LOCALE.set(locale_of_options(options, config_file_path))
        try:
            return super().load_config(options, config_file_path)
        finally:
            CONFIG_LOCALE.reset(token)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command  # Defining on_startup also keeps this instance across serve's rebuilds.
        self._load_cache = LoadCache() if command == "serve" else None  # and this cache with it

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_dir = Path(config.config_file_path or ".").parent
        self._content_dir = (config_dir / self.config.content_dir).resolve()
        code = self.config.locale_code(config.theme.get("language"))
        self._locale = Locale(code, self.config.status_labels)
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(PACKAGE / "templates"))
        config.extra_css.append(components.STYLESHEET)  # and the scripts of every page; the others
        config.extra_javascript.extend(components.EVERY_PAGE_SCRIPTS)  # load on their own pages
        sanitizer = Sanitizer(self.config.sanitize.allowance())
        markdown = (config.markdown_extensions, config.mdx_configs)
        self._renderer = MarkdownRenderer(*markdown, sanitizer=sanitizer, content_dir=self._content_dir)
        host = urlsplit(config.site_url or "").hostname
        policy = LeavePolicy([host] if host else [], self.config.leave_site.allow)
        self._leave = LeaveNotices(policy, self._locale) if self.config.leave_site.enabled else None
        for name in mkdocs_site.disable_search(config) if self.config.search else ():
            log.info(self._locale.t("build.search_switched_off", name=name))
        options = self.config.search_thesaurus
        self._thesaurus = (
            mkdocs_site.thesaurus(config_dir, options, self._locale) if self.config.search else []
        )
        serve = self._command == "serve"
        self._site, self._errors = mkdocs_site.load(
            self._content_dir, serve=serve, locale=self._locale, cache=self._load_cache
        )
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self._content_dir))  # outside docs_dir: MkDocs does not watch it on its own
        return server

    @event_priority(50)  # Before other plugins, so that they see the generated pages.
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for uri, content in components.assets().items():  # the CSS joined, every script
            files.append(File.generated(config, uri, content=content))
        mark = self.config.government.mark.image
        if mark and files.get_file_from_path(mark) is None:
            raise PluginError(self._locale.t("build.mark_not_a_file", mark=mark, docs_dir=config.docs_dir))
        mkdocs_site.claim(files, config, self._locale, manifest.MANIFEST_PATH, "manifest")
        self._plans: dict[str, pages.PagePlan] = {}
        self._browsing: Browsing | None = None
        self._facts: SiteFacts | None = None
        if self._site is None:  # the content has errors: a page listing them takes the home page's place
            plans = [pages.error_plan(self._locale)]
            if (home := files.get_file_from_path(plans[0].src_uri)) is not None:
                files.remove(home)
        else:
            self._facts = SiteFacts(self._site)
            self._browsing = browsing(self._facts, self.config.browse)
            plans = pages.plan_pages(self._site, self._locale, self.config, self._browsing)
        self._urls = pages.PageUrls({plan.key: self._add_page(plan, files, config).url for plan in plans})
        self._search: SearchInput | None = None
        if self._site is not None and self.config.open_data:
            for uri, content in export.open_data(self._site, self._urls.of, self._locale).items():
                files.append(File.generated(config, uri, content=content))
        self._feeds = False
        if self._site is not None and self.config.feeds:
            if not config.site_url:  # an info, not a warning: a --strict build without site_url passes
                log.info(self._locale.t("build.no_feeds"))
            else:
                site_feeds = feeds.feeds(
                    self._site,
                    self._urls.of,
                    self._locale,
                    site_url=config.site_url,
                    site_name=config.site_name,
                    home_url=self._urls.get(pages.PageKey(pages.PageKind.OVERVIEW)) or "",
                )
                for uri, content in site_feeds.items():
                    mkdocs_site.claim(files, config, self._locale, uri, "feed", "feeds: false")
                    files.append(File.generated(config, uri, content=content))
                self._feeds = True
        if self._site is not None and self.config.search:
            self._search = search_input(self._site, self._locale.code.split("-")[0], self._thesaurus)
            files.append(File.generated(config, pages.SEARCH_MAP, content=self._search.table))
            files.append(File.generated(config, pages.SEARCH_THESAURUS, content=self._search.thesaurus))
        return files

    def _add_page(self, plan: pages.PagePlan, files: Files, config: MkDocsConfig) -> File:
        mkdocs_site.claim(files, config, self._locale, plan.src_uri, "page", plan.option)
        inclusion = InclusionLevel.INCLUDED if plan.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, plan.src_uri, content=plan.stub(), inclusion=inclusion)
        files.append(file)
        self._plans[plan.src_uri] = plan
        return file

    def _plan(self, page: Page) -> pages.PagePlan | None:
        return self._plans.get(page.file.src_uri) if page.file.generated_by is not None else None

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        mkdocs_site.flatten_nav(nav, self._plans, nav_given=config.nav is not None)
        reports = {uri for uri, plan in self._plans.items() if plan.key.kind is pages.PageKind.REPORT}
        overview = any(plan.key.kind is pages.PageKind.OVERVIEW for plan in self._plans.values())
        self._navs = mkdocs_site.BoundedNav(nav, reports, bounded=overview)
        if self._leave is not None:
            self._leave.collect(nav_links(nav.items), None)
        self._views = SiteViews(
            self._site or Site(reports=[]),
            self._locale,
            self._renderer,
            self._urls,
            self.config,
            site_name=config.site_name,
            home_url=nav.homepage.url if nav.homepage else "",
            notices=self._leave.registry if self._leave else NoticeRegistry(),
            errors=self._errors.errors if self._errors else (),
            browsing=self._browsing,
            facts=self._facts,
            feeds=self._feeds,
        )
        if self._site is not None and self.config.accessibility.statement:
            statement = self._views.view(pages.PageKey(pages.PageKind.STATEMENT))
            for gap in statement.gaps if isinstance(statement, Statement) else ():  # yet to fill in
                log.warning(self._locale.t(f"build.statement_{gap}"))
        return nav

    @event_priority(50)  # Before other plugins read the title.
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if (plan := self._plan(page)) is not None:
            mkdocs_site.escape_title(page, plan.title)
        return markdown

    @event_priority(-100)  # Last: the page's HTML as the other plugins have left it.
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        plan = self._plan(page)
        content = self._views.content_html(plan.key) if plan else [html]
        for warning in self._renderer.take_warnings():  # what the sanitiser removed from this page
            log.warning(say(self._locale, warning))
        if self._leave is not None:
            buttons = () if plan else edit_links(page, config.theme.get("features") or ())
            self._leave.collect([*content, *buttons], page.url)
        return html

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # Every page has been read, and MkDocs has yet to list the pages it builds: the notices join.
        env.autoescape = autoescapes
        components.install(env, config.theme.custom_dir)  # partials/rectify/ after the site's custom_dir
        env.globals["rectify"] = self._views.helpers
        if self._leave is not None:  # the theme's links and the footer's registries
            self._leave.collect([*theme_links(config), *self._views.helpers.government.links()], None)
            self._leave.prepare(env, config)
            for plan in self._leave.plans():
                page = Page(None, self._add_page(plan, files, config), config)
                page.read_source(config)  # read and rendered as MkDocs does every page
                page.render(config, files)
                mkdocs_site.escape_title(page, plan.title)
                self._leave.published(plan, page.file.url)
        return env

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        if template_name == "sitemap.xml":  # the notice pages stay out of it
            listed = [
                f for f in context["pages"] if (p := self._plans.get(f.src_uri)) is None or p.in_sitemap
            ]
            context["pages"] = listed
        if "nav" in context:  # 404.html and the site's own templates: the nav of no report
            context["nav"] = self._navs.of(None)
        return context

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        plan = self._plan(page)
        if plan is not None:
            context["rectify_page"] = self._views.view(plan.key)
        if plan is not None and plan.key.kind is pages.PageKind.OVERVIEW:
            context["nav"] = self._navs.full()  # the one page whose nav lists every report
        elif plan is not None and plan.key.report_id is not None:
            context["nav"] = self._navs.of(pages.report_uri(plan.key.report_id))
        else:
            context["nav"] = self._navs.of(None)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return output if self._leave is None else self._leave.rewrite_page(output, page, config)

    def on_post_template(self, output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        return output if self._leave is None else self._leave.rewrite_template(output, template_name, config)

    @event_priority(-100)  # After the other plugins: index the HTML as they have left it.
    def _index_search(self, *, config: MkDocsConfig) -> None:
        if self._search is not None:
            mkdocs_site.index_search(config.site_dir, self._search.language, self._locale)

    @event_priority(-200)  # After the search index (-100): every page, as published.
    def _log_policy(self, *, config: MkDocsConfig) -> None:
        mkdocs_site.log_policy(config.site_dir, self._locale)

    @event_priority(-200)  # Last, after the search index (-100): every file.
    def _write_manifest(self, *, config: MkDocsConfig) -> None:
        mkdocs_site.write_manifest(config.site_dir, self._locale)

    on_post_build = CombinedEvent(_index_search, _log_policy, _write_manifest)
