"""The MkDocs adapter: MkDocs' events, in the order MkDocs calls them, wired to the rest.

The options are in ``config.py``, the files and views the plugin adds in ``mkdocs_files.py``, the
leave notices' MkDocs side in ``mkdocs_leave.py``, what ``mkdocs serve`` keeps between its builds
in ``mkdocs_serve.py``, the other steps that touch MkDocs in ``mkdocs_site.py``; all else imports
nothing from MkDocs (see ARCHITECTURE.md).
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.base import ConfigErrors, ConfigWarnings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from mkdocs_rectify import mkdocs_files, mkdocs_serve, mkdocs_site
from mkdocs_rectify.config import CONFIG_LOCALE, RectifyConfig, locale_of_options
from mkdocs_rectify.mkdocs_leave import nav_links
from mkdocs_rectify.mkdocs_serve import PageReuse, Serve

__all__ = ["RectifyConfig", "RectifyPlugin"]

log = get_plugin_logger("rectify")


class RectifyPlugin(BasePlugin[RectifyConfig]):
    """Publishes the reports under ``content_dir`` as pages, open data and search."""

    supports_multiple_instances = False
    _serve: Serve | None = None

    @property
    def _reuse(self) -> PageReuse | None:
        """The generated pages ``serve`` keeps between its builds (None in ``build``)."""
        return self._serve.reuse if self._serve is not None else None

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
        # Defining on_startup also keeps this instance across serve's rebuilds, and what it keeps.
        self._serve = Serve() if command == "serve" else None

    def on_shutdown(self) -> None:
        if self._serve is not None:
            self._serve.close()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self._serve is not None:  # the last build's index is out of date
            self._serve.cancel_search()
        cache = self._serve.load_cache if self._serve is not None else None
        self._b = mkdocs_site.set_up(config, self.config, serve=self._serve is not None, cache=cache)
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self._b.content_dir))  # outside docs_dir: MkDocs does not watch it on its own
        return server

    @event_priority(50)  # Before other plugins, so that they see the generated pages.
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        last = self._serve.search_input if self._serve is not None else None  # serve: made after the build
        self._gen = mkdocs_files.add_files(files, config, self.config, self._b, last)
        if self._reuse is not None:  # which generated pages this build can keep from the last
            self._reuse.plan(config, self._b.content_dir, self._b.site, self._gen)
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._navs = mkdocs_site.BoundedNav.of_site(nav, self._gen.plans, nav_given=config.nav is not None)
        if self._b.leave is not None:
            self._b.leave.collect(nav_links(nav.items), None)
        self._views = mkdocs_files.site_views(nav, config, self.config, self._gen, self._b)
        return nav

    @event_priority(50)  # Before other plugins read the title.
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if (plan := self._gen.plan_of(page.file)) is not None:
            mkdocs_site.escape_title(page, plan.title)
        return markdown

    @event_priority(-100)  # Last: the page's HTML as the other plugins have left it.
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        mkdocs_files.read_page(html, page, config, self._gen, self._views, self._b, self._reuse)
        return html

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # Every page has been read, and MkDocs has yet to list the pages it builds: the notices join.
        mkdocs_files.install(env, config, self._views.helpers)
        mkdocs_files.add_notices(env, config, files, self._gen, self._b, self._views.helpers)
        if self._serve is not None:  # the kept pages, if the notices are the last build's
            self._serve.install(env, files, self._b.leave, self._b.locale)
        return env

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        if template_name == "sitemap.xml":  # the notice pages stay out of it
            context["pages"] = mkdocs_site.sitemap_pages(context["pages"], self._gen.plans)
        if "nav" in context:  # 404.html and the site's own templates: the nav of no report
            context["nav"] = self._navs.of(None)
        return context

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        return mkdocs_files.page_context(context, page, self._gen, self._views, self._navs, self._reuse)

    @event_priority(100)  # First: the page as its template gave it, kept for serve's next build.
    def _keep_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self._reuse is not None:
            self._reuse.capture(page.file.src_uri, output)
        return output

    def _rewrite_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return mkdocs_serve.rewrite_page(output, page, config, self._b.leave, self._reuse)

    on_post_page = CombinedEvent(_keep_page, _rewrite_page)

    def on_post_template(self, output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        return (
            output if self._b.leave is None else self._b.leave.rewrite_template(output, template_name, config)
        )

    @event_priority(-100)  # After the other plugins: index the HTML as they have left it.
    def _index_search(self, *, config: MkDocsConfig) -> None:
        if self._gen.search is not None:  # serve: in the background, after the reload
            mkdocs_serve.index_search(config.site_dir, self._gen.search, self._b, self._serve)

    @event_priority(-200)  # After the search index (-100): every page, as published; every file.
    def _policy_and_manifest(self, *, config: MkDocsConfig) -> None:
        mkdocs_site.log_policy(config.site_dir, self._b.locale)
        if self._serve is None or self._gen.search is None:  # serve: once search has caught up
            mkdocs_site.write_manifest(config.site_dir, self._b.locale)
        if self._reuse is not None:  # a complete build: its pages are kept for the next
            self._reuse.finish()

    on_post_build = CombinedEvent(_index_search, _policy_and_manifest)

    def on_build_error(self, *, error: Exception) -> None:
        if self._reuse is not None:
            self._reuse.forget()
