"""The files the plugin adds to MkDocs' and the views of its pages: the joined CSS and the scripts,
one generated page per planned page, the open data, the Atom feeds and the search tables (in
``on_files``), then the views every generated page is rendered from (in ``on_nav``).

Part of the MkDocs adapter (with ``plugin.py``, ``config.py`` and ``mkdocs_site.py``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from mkdocs_rectify import components, export, feeds, manifest, mkdocs_site, pages
from mkdocs_rectify.browse import Browsing, browsing
from mkdocs_rectify.config import RectifyConfig
from mkdocs_rectify.leave import Destination
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.messages import say
from mkdocs_rectify.mkdocs_leave import edit_links, theme_links
from mkdocs_rectify.mkdocs_site import BoundedNav, Setup
from mkdocs_rectify.model import Site
from mkdocs_rectify.search import SearchInput, search_input
from mkdocs_rectify.tracking import SiteFacts
from mkdocs_rectify.views import SiteViews
from mkdocs_rectify.views.leave import NoticeRegistry
from mkdocs_rectify.views.statement import Statement
from mkdocs_rectify.views.templating import TemplateHelpers, autoescapes

if TYPE_CHECKING:
    from mkdocs_rectify.mkdocs_serve import PageReuse

__all__ = [
    "Generated",
    "add_files",
    "add_notices",
    "add_page",
    "install",
    "page_context",
    "read_page",
    "site_views",
]

log = get_plugin_logger("rectify")


@dataclass
class Generated:
    """What one build generates beside the docs: its pages (by source path) and their URLs, the
    browsing filters, the facts derived from the content, the search input, and whether feeds
    are written."""

    plans: dict[str, pages.PagePlan] = field(default_factory=dict)
    urls: pages.PageUrls = field(default_factory=pages.PageUrls)
    browsing: Browsing | None = None
    facts: SiteFacts | None = None
    search: SearchInput | None = None
    feeds: bool = False

    def plan_of(self, file: File) -> pages.PagePlan | None:
        """The plan of a generated page's file, or None for a page of the docs."""
        return self.plans.get(file.src_uri) if file.generated_by is not None else None


def add_files(
    files: Files,
    config: MkDocsConfig,
    options: RectifyConfig,
    setup: Setup,
    search: SearchInput | None = None,
) -> Generated:
    """Add the plugin's files to ``files``: the assets, the pages (the error page alone when the
    content has errors), the open data, the feeds and the search tables (those of ``search`` when
    given: under ``serve``, the last build's, brought up to date after the build)."""
    site, locale = setup.site, setup.locale
    for uri, content in components.assets().items():  # the CSS joined, every script
        files.append(File.generated(config, uri, content=content))
    mark = options.government.mark.image
    if mark and files.get_file_from_path(mark) is None:
        raise PluginError(locale.t("build.mark_not_a_file", mark=mark, docs_dir=config.docs_dir))
    mkdocs_site.claim(files, config, locale, manifest.MANIFEST_PATH, "manifest")
    generated = Generated()
    if site is None:  # the content has errors: a page listing them takes the home page's place
        plans = [pages.error_plan(locale)]
        if (home := files.get_file_from_path(plans[0].src_uri)) is not None:
            files.remove(home)
    else:
        generated.facts = SiteFacts(site)
        generated.browsing = browsing(generated.facts, options.browse)
        plans = pages.plan_pages(site, locale, options, generated.browsing)
    urls = {plan.key: add_page(plan, files, config, generated, locale).url for plan in plans}
    generated.urls = pages.PageUrls(urls)
    if site is None:
        return generated
    if options.open_data:
        for uri, content in export.open_data(site, generated.urls.of, locale).items():
            files.append(File.generated(config, uri, content=content))
    if options.feeds:
        generated.feeds = _add_feeds(files, config, site, locale, generated.urls)
    if options.search:
        generated.search = search or search_input(site, locale.code.split("-")[0], setup.thesaurus)
        files.append(File.generated(config, pages.SEARCH_MAP, content=generated.search.table))
        files.append(File.generated(config, pages.SEARCH_THESAURUS, content=generated.search.thesaurus))
    return generated


def _add_feeds(files: Files, config: MkDocsConfig, site: Site, locale: Locale, urls: pages.PageUrls) -> bool:
    """Add the Atom feeds; whether they are written (they need ``site_url``)."""
    if not config.site_url:  # an info, not a warning: a --strict build without site_url passes
        log.info(locale.t("build.no_feeds"))
        return False
    site_feeds = feeds.feeds(
        site,
        urls.of,
        locale,
        site_url=config.site_url,
        site_name=config.site_name,
        home_url=urls.get(pages.PageKey(pages.PageKind.OVERVIEW)) or "",
    )
    for uri, content in site_feeds.items():
        mkdocs_site.claim(files, config, locale, uri, "feed", "feeds: false")
        files.append(File.generated(config, uri, content=content))
    return True


def add_page(
    plan: pages.PagePlan, files: Files, config: MkDocsConfig, generated: Generated, locale: Locale
) -> File:
    """Add the generated page of ``plan`` to ``files`` (a docs file at its path stops the build,
    said in ``locale``)."""
    mkdocs_site.claim(files, config, locale, plan.src_uri, "page", plan.option)
    inclusion = InclusionLevel.INCLUDED if plan.in_nav else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, plan.src_uri, content=_stub(plan), inclusion=inclusion)
    files.append(file)
    generated.plans[plan.src_uri] = plan
    return file


@functools.lru_cache(maxsize=1 << 15)
def _stub(plan: pages.PagePlan) -> str:
    """A page's Markdown stub, made once in a process (YAML is slow to write, and each rebuild of
    ``mkdocs serve`` plans the same pages)."""
    return plan.stub()


def site_views(
    nav: Navigation,
    config: MkDocsConfig,
    options: RectifyConfig,
    generated: Generated,
    setup: Setup,
) -> SiteViews:
    """The views of the generated pages; the accessibility statement's gaps are logged as warnings."""
    site, locale, leave, errors = setup.site, setup.locale, setup.leave, setup.errors
    views = SiteViews(
        site or Site(reports=[]),
        locale,
        setup.renderer,
        generated.urls,
        options,
        site_name=config.site_name,
        home_url=nav.homepage.url if nav.homepage else "",
        notices=leave.registry if leave is not None else NoticeRegistry(),
        errors=errors.errors if errors is not None else (),
        browsing=generated.browsing,
        facts=generated.facts,
        feeds=generated.feeds,
    )
    if site is not None and options.accessibility.statement:
        statement = views.view(pages.PageKey(pages.PageKind.STATEMENT))
        for gap in statement.gaps if isinstance(statement, Statement) else ():  # yet to fill in
            log.warning(locale.t(f"build.statement_{gap}"))
    return views


def read_page(
    html: str,
    page: Page,
    config: MkDocsConfig,
    generated: Generated,
    views: SiteViews,
    setup: Setup,
    reuse: PageReuse | None,
) -> None:
    """What a page's content, as the other plugins have left it, tells the build (``on_page_content``):
    the sanitiser's warnings are logged and the links to other sites go to the leave notices. Under
    ``serve`` (``reuse``), a generated page that this build keeps has them from the last build."""
    plan = generated.plan_of(page.file)

    def made() -> tuple[list[str], list[Destination]]:  # the sanitiser's warnings, the leaving links
        content = views.content_html(plan.key) if plan else [html]
        warnings = setup.renderer.take_warnings()
        buttons = () if plan else edit_links(page, config.theme.get("features") or ())
        return warnings, setup.leave.find([*content, *buttons]) if setup.leave is not None else []

    kept = reuse if plan is not None else None
    warnings, found = kept.page(page.file.src_uri, made) if kept is not None else made()
    for warning in warnings:  # what the sanitiser removed from this page
        log.warning(say(setup.locale, warning))
    if setup.leave is not None:
        setup.leave.add(found, page.url)


def add_notices(
    env: Environment,
    config: MkDocsConfig,
    files: Files,
    generated: Generated,
    setup: Setup,
    helpers: TemplateHelpers,
) -> None:
    """With every page read (``on_env``): the leaving links of the theme and of the footer's
    registries join those of the pages, and each destination gets its notice page."""
    if setup.leave is None:
        return
    setup.leave.collect([*theme_links(config), *helpers.government.links()], None)
    setup.leave.prepare(env, config)
    add = functools.partial(add_page, files=files, config=config, generated=generated, locale=setup.locale)
    setup.leave.add_pages(files, config, add)


def install(env: Environment, config: MkDocsConfig, helpers: TemplateHelpers) -> None:
    """Make the templates' environment ready for the generated pages (``on_env``): autoescaped, the
    components' partials after the site's ``custom_dir``, and ``rectify``, the template helpers."""
    env.autoescape = autoescapes
    components.install(env, config.theme.custom_dir)
    env.globals["rectify"] = helpers


def page_context(
    context: TemplateContext,
    page: Page,
    generated: Generated,
    views: SiteViews,
    navs: BoundedNav,
    reuse: PageReuse | None,
) -> TemplateContext:
    """What a page's template receives (``on_page_context``): a generated page's view as
    ``rectify_page`` and the nav of its report; under ``serve`` (``reuse``), a page this build keeps
    gets only ``rectify_reused``, its HTML as the last build made it."""
    if reuse is not None and (kept := reuse.html(page.file.src_uri)) is not None:
        context["rectify_reused"] = kept
        return context
    plan = generated.plan_of(page.file)
    if plan is not None:
        context["rectify_page"] = views.view(plan.key)
    context["nav"] = navs.of_page(plan)
    return context
