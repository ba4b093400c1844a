"""The MkDocs adapter: MkDocs' events, in the order MkDocs calls them, wired to the rest.

The options are in ``config.py``, the files and views the plugin adds in ``mkdocs_files.py``, the
leave notices' MkDocs side in ``mkdocs_leave.py``, the other steps that touch MkDocs in
``mkdocs_site.py``; all else imports nothing from MkDocs (see ARCHITECTURE.md).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from mkdocs_rectify import components, mkdocs_files, mkdocs_site, pages
from mkdocs_rectify.config import RectifyConfig
from mkdocs_rectify.leave import LeavePolicy
from mkdocs_rectify.loader import LoadCache
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.mkdocs_leave import LeaveNotices, edit_links, nav_links, theme_links
from mkdocs_rectify.render import MarkdownRenderer
from mkdocs_rectify.sanitize import Sanitizer
from mkdocs_rectify.search.background import BackgroundIndex
from mkdocs_rectify.views.templating import autoescapes

__all__ = ["RectifyConfig", "RectifyPlugin"]

log = get_plugin_logger("rectify")
PACKAGE = resources.files("mkdocs_rectify")


class RectifyPlugin(BasePlugin[RectifyConfig]):
    """Publishes the reports under ``content_dir`` as pages, open data and search."""

    supports_multiple_instances = False
    _command = "build"
    _load_cache: LoadCache | None = None
    _background: BackgroundIndex | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command  # Defining on_startup also keeps this instance across serve's rebuilds.
        self._load_cache = LoadCache() if command == "serve" else None  # and this cache with it

    def on_shutdown(self) -> None:
        if self._background is not None:
            self._background.close()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self._background is not None:  # serve: the last build's index is out of date, and
            self._background.cancel()  # MkDocs is about to empty the folder it reads
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
            log.info(f"the '{name}' plugin is switched off: the site is searched with Pagefind")
        options = self.config.search_thesaurus
        self._thesaurus = mkdocs_site.thesaurus(config_dir, options, code) if self.config.search else []
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
        content = (self._site, self._locale, self._thesaurus)
        self._gen = mkdocs_files.add_files(files, config, self.config, *content)
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        plans = self._gen.plans
        mkdocs_site.flatten_nav(nav, plans, nav_given=config.nav is not None)
        reports = {uri for uri, plan in plans.items() if plan.key.kind is pages.PageKind.REPORT}
        overview = any(plan.key.kind is pages.PageKind.OVERVIEW for plan in plans.values())
        self._navs = mkdocs_site.BoundedNav(nav, reports, bounded=overview)
        if self._leave is not None:
            self._leave.collect(nav_links(nav.items), None)
        views = (self.config, self._gen, self._site, self._locale, self._renderer, self._leave, self._errors)
        self._views = mkdocs_files.site_views(nav, config, *views)
        return nav

    @event_priority(50)  # Before other plugins read the title.
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if (plan := self._gen.plan_of(page.file)) is not None:
            mkdocs_site.escape_title(page, plan.title)
        return markdown

    @event_priority(-100)  # Last: the page's HTML as the other plugins have left it.
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        plan = self._gen.plan_of(page.file)
        content = self._views.content_html(plan.key) if plan else [html]
        for warning in self._renderer.take_warnings():  # what the sanitiser removed from this page
            log.warning(warning)
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
                page = Page(None, mkdocs_files.add_page(plan, files, config, self._gen), config)
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
                f for f in context["pages"] if (p := self._gen.plans.get(f.src_uri)) is None or p.in_sitemap
            ]
            context["pages"] = listed
        if "nav" in context:  # 404.html and the site's own templates: the nav of no report
            context["nav"] = self._navs.of(None)
        return context

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        plan = self._gen.plan_of(page.file)
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
        if (search := self._gen.search) is None:
            return
        if self._command != "serve":
            mkdocs_site.index_search(config.site_dir, search.language)
            return
        if self._background is None:  # after the reload, so that the edited page shows first
            self._background = BackgroundIndex(Path(config.site_dir))
        mkdocs_site.index_search_later(self._background, config.site_dir, search.language, self._locale)

    @event_priority(-200)  # After the search index (-100): every page, as published.
    def _log_policy(self, *, config: MkDocsConfig) -> None:
        mkdocs_site.log_policy(config.site_dir)

    @event_priority(-200)  # Last, after the search index (-100): every file.
    def _write_manifest(self, *, config: MkDocsConfig) -> None:
        mkdocs_site.write_manifest(config.site_dir)

    on_post_build = CombinedEvent(_index_search, _log_policy, _write_manifest)
