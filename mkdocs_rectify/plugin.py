"""The MkDocs adapter: MkDocs' events, in the order MkDocs calls them, wired to the rest.

The options are in ``config.py``, the other steps that touch MkDocs in ``mkdocs_site.py``; all else
imports nothing from MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, is_error_template, write_file
from mkdocs.utils.templates import TemplateContext

from mkdocs_rectify import export, leave, manifest, mkdocs_site, pages
from mkdocs_rectify.config import RectifyConfig
from mkdocs_rectify.leave import LeavePolicy
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Site
from mkdocs_rectify.render import MarkdownRenderer
from mkdocs_rectify.sanitize import Sanitizer
from mkdocs_rectify.search import SearchInput, search_input
from mkdocs_rectify.views import SiteViews
from mkdocs_rectify.views.leave import NoticeRegistry
from mkdocs_rectify.views.templating import autoescapes

__all__ = ["RectifyConfig", "RectifyPlugin"]

log = get_plugin_logger("rectify")
PACKAGE = resources.files("mkdocs_rectify")


class RectifyPlugin(BasePlugin[RectifyConfig]):
    """Publishes the reports under ``content_dir`` as pages, open data and search."""

    supports_multiple_instances = False
    _command = "build"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command  # Defining on_startup also keeps this instance across serve's rebuilds.

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._content_dir = (Path(config.config_file_path or ".").parent / self.config.content_dir).resolve()
        code = self.config.locale_code(config.theme.get("language"))
        self._locale = Locale(code, self.config.status_labels)
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(PACKAGE / "templates"))
        config.extra_css.extend(pages.STYLESHEETS)
        config.extra_javascript.extend(pages.EVERY_PAGE_SCRIPTS)
        sanitizer = Sanitizer(self.config.sanitize.allowance())
        markdown = (config.markdown_extensions, config.mdx_configs)
        self._renderer = MarkdownRenderer(*markdown, sanitizer=sanitizer, content_dir=self._content_dir)
        host = urlsplit(config.site_url or "").hostname
        policy = LeavePolicy([host] if host else [], self.config.leave_site.allow)
        self._leave_policy = policy if self.config.leave_site.enabled else None
        for name in mkdocs_site.disable_search(config) if self.config.search else ():
            log.info(f"the '{name}' plugin is switched off: the site is searched with Pagefind")
        self._site, self._errors = mkdocs_site.load(self._content_dir, serve=self._command == "serve")
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self._content_dir))  # outside docs_dir: MkDocs does not watch it on its own
        return server

    @event_priority(50)  # Before other plugins, so that they see the generated pages.
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for asset in (*pages.STYLESHEETS, *pages.EVERY_PAGE_SCRIPTS, *pages.TEMPLATE_SCRIPTS):
            files.append(File.generated(config, asset, content=(PACKAGE / asset).read_bytes()))
        what = "writes that file (the SHA-256 of every published file)"
        mkdocs_site.claim(files, config, manifest.MANIFEST_PATH, what)
        self._plans: dict[str, pages.PagePlan] = {}
        if self._site is None:  # the content has errors: a page listing them takes the home page's place
            plans = [pages.error_plan(self._locale)]
            if (home := files.get_file_from_path(plans[0].src_uri)) is not None:
                files.remove(home)
        else:
            plans = pages.plan_pages(self._site, self._locale, self.config)
        self._urls = pages.PageUrls({plan.key: self._add_page(plan, files, config).url for plan in plans})
        self._search: SearchInput | None = None
        if self._site is not None and self.config.open_data:
            for uri, content in export.open_data(self._site, self._urls.of, self._locale).items():
                files.append(File.generated(config, uri, content=content))
        if self._site is not None and self.config.search:
            self._search = search_input(self._site, self._locale.code.split("-")[0])
            files.append(File.generated(config, pages.SEARCH_MAP, content=self._search.table))
        return files

    def _add_page(self, plan: pages.PagePlan, files: Files, config: MkDocsConfig) -> File:
        mkdocs_site.claim(files, config, plan.src_uri, "generates that page", plan.option)
        inclusion = InclusionLevel.INCLUDED if plan.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, plan.src_uri, content=plan.stub(), inclusion=inclusion)
        files.append(file)
        self._plans[plan.src_uri] = plan
        return file

    def _plan(self, page: Page) -> pages.PagePlan | None:
        return self._plans.get(page.file.src_uri) if page.file.generated_by is not None else None

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        mkdocs_site.flatten_nav(nav, self._plans, nav_given=config.nav is not None)
        self._nav, self._notices = nav, NoticeRegistry()
        self._views = SiteViews(
            self._site or Site(reports=[]),
            self._locale,
            self._renderer,
            self._urls,
            self.config,
            site_name=config.site_name,
            home_url=nav.homepage.url if nav.homepage else "",
            notices=self._notices,
            errors=self._errors.errors if self._errors else (),
        )
        return nav

    @event_priority(50)  # Before other plugins read the title.
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if (plan := self._plan(page)) is not None:
            mkdocs_site.escape_title(page, plan.title)
        return markdown

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        env.autoescape = autoescapes
        env.globals["rectify"] = self._views.helpers
        self._env, self._files = env, files
        self._notice_files: dict[str, File] = {}
        self._leave_dialog: str | None = None
        return env

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if (plan := self._plan(page)) is not None:
            context["rectify_page"] = self._views.view(plan.key)
            for warning in self._renderer.take_warnings():  # what the sanitiser removed from this page
                log.warning(warning)
        return context

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
        if self._leave_policy is None:
            return output
        result = leave.rewrite_links(
            output,
            self._leave_policy,
            lambda destination: link(self._notice_file(destination, config).url),
            self._locale.t("leave.hint"),
            self._locale.code,
        )
        if not result.destinations:
            return output
        for destination in result.destinations:
            self._notices.add(destination, referrer)
        if self._leave_dialog is None:
            self._leave_dialog = self._env.get_template("partials/rectify/leave.html").render(config=config)
        return leave.insert_before_body_end(result.html, self._leave_dialog)

    def _notice_file(self, destination: leave.Destination, config: MkDocsConfig) -> File:
        file = self._notice_files.get(destination.key)
        if file is None:
            file = File.generated(config, pages.notice_src_uri(destination), content="")
            self._notice_files[destination.key] = file
        return file

    # The notice pages are written after the pages, when every destination is known (links come
    # from the content, the docs and the theme alike); they are rendered with the theme's
    # main.html like any page, but stay out of the nav, the sitemap and the search index.
    @event_priority(-150)  # After the search index (-100): the notices are not content to be found.
    def _write_leave_notices(self, *, config: MkDocsConfig) -> None:
        if self._leave_policy is None:
            return
        written: set[str] = set()
        # A notice page may link to other sites itself (say, in the footer): go on until all exist.
        while pending := [d for d in self._notices.destinations() if d.key not in written]:
            for destination in pending:
                written.add(destination.key)
                plan = pages.notice_plan(destination, self._locale)
                file = self._notice_file(destination, config)
                page = Page(Markup(escape(plan.title)), file, config)
                page.meta = {"template": plan.template, "hide": list(plan.hide)}
                page.markdown, page.content = "", ""
                context = get_context(self._nav, self._files, config, page)
                context["rectify_page"] = self._views.view(plan.key)
                output = self._env.get_template(plan.template).render(context)
                output = self._leave_links(output, config, partial(_relative_to, page.url), None)
                write_file(output.encode("utf-8"), file.abs_dest_path)

    @event_priority(-100)  # After the other plugins: index the HTML as they have left it.
    def _index_search(self, *, config: MkDocsConfig) -> None:
        if self._search is not None:
            mkdocs_site.index_search(config.site_dir, self._search.language)

    @event_priority(-200)  # After the search index (-100) and the leave notices (-150): every page.
    def _log_policy(self, *, config: MkDocsConfig) -> None:
        mkdocs_site.log_policy(config.site_dir)

    @event_priority(-200)  # Last, after the search index (-100) and the leave notices (-150): every file.
    def _write_manifest(self, *, config: MkDocsConfig) -> None:
        mkdocs_site.write_manifest(config.site_dir)

    on_post_build = CombinedEvent(_index_search, _write_leave_notices, _log_policy, _write_manifest)


def _relative_to(page_url: str, url: str) -> str:
    return get_relative_url(url, page_url)
