"""The MkDocs adapter: MkDocs' events, in the order MkDocs calls them, wired to the rest.

The options are in ``config.py``, the files and views the plugin adds in ``mkdocs_files.py``, the
leave notices' MkDocs side in ``mkdocs_leave.py``, what ``mkdocs serve`` keeps between its builds
in ``mkdocs_serve.py``, the other steps that touch MkDocs in ``mkdocs_site.py``; all else imports
nothing from MkDocs (see ARCHITECTURE.md).
"""

from __future__ import annotations

from functools import partial
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

from mkdocs_rectify import components, mkdocs_files, mkdocs_site
from mkdocs_rectify.config import CONFIG_LOCALE, RectifyConfig, locale_of_options
from mkdocs_rectify.leave import Destination
from mkdocs_rectify.messages import say
from mkdocs_rectify.mkdocs_leave import edit_links, nav_links, theme_links
from mkdocs_rectify.mkdocs_serve import Serve
from mkdocs_rectify.search import search_input
from mkdocs_rectify.views.templating import autoescapes

__all__ = ["RectifyConfig", "RectifyPlugin"]

log = get_plugin_logger("rectify")


class RectifyPlugin(BasePlugin[RectifyConfig]):
    """Publishes the reports under ``content_dir`` as pages, open data and search."""

    supports_multiple_instances = False
    _serve: Serve | None = None

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
        if self._serve is not None:  # which generated pages this build can keep from the last
            self._serve.reuse.plan(config, self._b.content_dir, self._b.site, self._gen)
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
        plan = self._gen.plan_of(page.file)

        def made() -> tuple[list[str], list[Destination]]:  # the sanitiser's warnings, the leaving links
            content = self._views.content_html(plan.key) if plan else [html]
            warnings = self._b.renderer.take_warnings()
            buttons = () if plan else edit_links(page, config.theme.get("features") or ())
            return warnings, self._b.leave.find([*content, *buttons]) if self._b.leave is not None else []

        reuse = self._serve.reuse if self._serve is not None and plan is not None else None
        warnings, found = reuse.page(page.file.src_uri, made) if reuse is not None else made()
        for warning in warnings:  # what the sanitiser removed from this page
            log.warning(say(self._b.locale, warning))
        if self._b.leave is not None:
            self._b.leave.add(found, page.url)
        return html

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # Every page has been read, and MkDocs has yet to list the pages it builds: the notices join.
        env.autoescape = autoescapes
        components.install(env, config.theme.custom_dir)  # partials/rectify/ after the site's custom_dir
        env.globals["rectify"] = self._views.helpers
        if self._b.leave is not None:  # the theme's links and the footer's registries
            self._b.leave.collect([*theme_links(config), *self._views.helpers.government.links()], None)
            self._b.leave.prepare(env, config)
            gen, locale = self._gen, self._b.locale
            add = partial(mkdocs_files.add_page, files=files, config=config, generated=gen, locale=locale)
            self._b.leave.add_pages(files, config, add)
        if self._serve is not None:  # the kept pages, if the notices are the last build's
            self._serve.compiled.install(env)
            notices = self._b.leave.signature() if self._b.leave is not None else None
            self._serve.reuse.confirm(files, notices, self._b.locale)
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
        if self._serve is not None and (kept := self._serve.reuse.html(page.file.src_uri)) is not None:
            context["rectify_reused"] = kept  # the page as the last build made it
            return context
        plan = self._gen.plan_of(page.file)
        if plan is not None:
            context["rectify_page"] = self._views.view(plan.key)
        context["nav"] = self._navs.of_page(plan)
        return context

    @event_priority(100)  # First: the page as its template gave it, kept for serve's next build.
    def _keep_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self._serve is not None:
            self._serve.reuse.capture(page.file.src_uri, output)
        return output

    def _rewrite_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self._b.leave is None:
            return output
        rewrite = partial(self._b.leave.rewrite_page, output, page, config)
        return (
            rewrite()
            if self._serve is None
            else self._serve.reuse.rewrite(page.file.src_uri, output, rewrite)
        )

    on_post_page = CombinedEvent(_keep_page, _rewrite_page)

    def on_post_template(self, output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        return (
            output if self._b.leave is None else self._b.leave.rewrite_template(output, template_name, config)
        )

    @event_priority(-100)  # After the other plugins: index the HTML as they have left it.
    def _index_search(self, *, config: MkDocsConfig) -> None:
        if (search := self._gen.search) is not None and self._serve is not None and self._b.site is not None:
            make = partial(search_input, self._b.site, self._b.locale.code.split("-")[0], self._b.thesaurus)
            self._serve.index_search(config.site_dir, search, make, self._b.locale)  # after the reload
        elif search is not None:
            mkdocs_site.index_search(config.site_dir, search.language, self._b.locale)

    @event_priority(-200)  # After the search index (-100): every page, as published; every file.
    def _policy_and_manifest(self, *, config: MkDocsConfig) -> None:
        mkdocs_site.log_policy(config.site_dir, self._b.locale)
        if self._serve is None or self._gen.search is None:  # serve: once search has caught up
            mkdocs_site.write_manifest(config.site_dir, self._b.locale)
        if self._serve is not None:  # a complete build: its pages are kept for the next
            self._serve.reuse.finish()

    on_post_build = CombinedEvent(_index_search, _policy_and_manifest)

    def on_build_error(self, *, error: Exception) -> None:
        if self._serve is not None:
            self._serve.reuse.forget()
