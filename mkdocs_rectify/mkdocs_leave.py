"""The leave notices (即将离开本网站) on MkDocs' side: where the leaving links are found, the notice
pages added to the build, and the links of the final HTML sent through them.

Part of the MkDocs adapter. The destinations are collected where the pages are made, before MkDocs
renders any of them: the HTML of the content and of the docs pages, with their edit buttons
(``on_page_content``), the nav's links (``on_nav``), and what the theme prints on every page from
the config (the copyright, ``repo_url``, the generator credit, the texts of ``extra``, the
templates of ``custom_dir``; ``on_env``). In ``on_env``, after every page has been read and
before MkDocs lists the pages it builds, each destination gets a generated page like any other:
a File with its Page, which MkDocs builds with the template ``rectify/leave.html`` and the view
from ``SiteViews``.

The final HTML of every page is then rewritten (:func:`mkdocs_rectify.leave.rewrite_links`) so
that each leaving link points to its notice page. A link found there without one was made where
nothing is collected (an address a template computes, a plugin that adds links after the pages
are rendered): it is an error, a PluginError under ``--strict``, and the link keeps its address.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, is_error_template

from mkdocs_rectify import components, leave
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.messages import Message, say
from mkdocs_rectify.pages import PagePlan, notice_plan
from mkdocs_rectify.views.leave import NoticeRegistry

__all__ = ["GENERATOR_URL", "LeaveNotices", "edit_links", "nav_links", "theme_links"]

log = get_plugin_logger("rectify")

GENERATOR_URL = "https://squidfunk.github.io/mkdocs-material/"
"""Where the footer's "Made with Material for MkDocs" leads (``extra.generator``)."""
DIALOG = "partials/rectify/leave.html"
"""The dialog that leave.js opens, added to each page with a leaving link."""


class LeaveNotices:
    """The leaving links of one build and their notice pages."""

    def __init__(self, policy: leave.LeavePolicy, locale: Locale) -> None:
        self.policy = policy
        self.registry = NoticeRegistry()
        self._locale = locale
        self._urls: dict[str, str] = {}
        self._dialog = ""
        self._reported: set[str] = set()

    # -- collecting, while the pages are made ----------------------------------------------------

    def collect(self, texts: Iterable[str], referrer: str | None) -> None:
        """Record the leaving links of some addresses or HTML, shown on the page at ``referrer`` (its
        URL from the site root), or on every page (None)."""
        self.add(self.find(texts), referrer)

    def find(self, texts: Iterable[str]) -> list[leave.Destination]:
        """The leaving links of some addresses or HTML."""
        found = []
        for text in texts:
            single = self.policy.destination(text)
            found += [single] if single else leave.find_destinations(text, self.policy)
        return found

    def add(self, destinations: Iterable[leave.Destination], referrer: str | None) -> None:
        """Record leaving links found (:meth:`find`) on the page at ``referrer``, or on every page."""
        for destination in destinations:
            self.registry.add(destination, referrer)

    def plans(self) -> list[PagePlan]:
        """The notice page of every destination, in a stable order."""
        return [notice_plan(d, self._locale) for d in self.registry.destinations()]

    def add_pages(self, files: Files, config: MkDocsConfig, add: Callable[[PagePlan], File]) -> None:
        """Add the notice page of every destination (``on_env``): ``add`` gives its file, and it is
        read and rendered as MkDocs does every page."""
        for plan in self.plans():
            page = Page(None, add(plan), config)
            page.read_source(config)
            page.render(config, files)
            page.meta["title"] = Markup(escape(plan.title))  # escaped, as every generated page's title
            self._urls[str(plan.key.name)] = page.file.url

    def signature(self) -> tuple[object, ...]:
        """What the rewriting of a page depends on beside the page (``on_env`` onwards): the notices'
        URLs and the dialog."""
        return tuple(sorted(self._urls.items())), self._dialog

    # -- the final HTML ----------------------------------------------------------------------------

    def prepare(self, env: Environment, config: MkDocsConfig) -> None:
        """Render the dialog once, for the pages with a leaving link (``on_env``)."""
        self._dialog = env.get_template(DIALOG).render(config=config)

    def rewrite_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """A page's HTML with its leaving links sent through their notices."""
        return self._rewrite(output, lambda url: get_relative_url(url, page.url), page.file.src_uri, config)

    def rewrite_template(self, output: str, name: str, config: MkDocsConfig) -> str:
        """The HTML of a template built on its own (404.html, a site's extra templates) likewise."""
        if not name.endswith(".html"):
            return output
        if is_error_template(name):  # 404.html: MkDocs links it from the site's root path
            root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
            return self._rewrite(output, lambda url: root + url, name, config)
        return self._rewrite(output, lambda url: get_relative_url(url, name), name, config)

    def _rewrite(self, output: str, link: Callable[[str], str], where: str, config: MkDocsConfig) -> str:
        """``output`` with its leaving links sent through their notices, and the dialog added.

        ``link`` turns a URL from the site root into a link from this page; ``where`` names the
        page in a message."""
        missing: list[str] = []

        def notice(destination: leave.Destination) -> str:
            url = self._urls.get(destination.key)
            if url is None:  # the link keeps its address; with JavaScript the dialog still asks
                missing.append(destination.url)
                return destination.url
            return link(url)

        hint = self._locale.t("leave.hint")
        result = leave.rewrite_links(output, self.policy, notice, hint, self._locale.code)
        if missing := [url for url in missing if url not in self._reported]:
            self._reported.update(missing)
            message = say(self._locale, Message("leave.no_notice", where=where, urls=missing))
            if config.strict:
                raise PluginError(f"rectify: {message}")
            log.error(message)
        if not result.destinations:
            return output
        script = components.leave_script_tag(link(components.LEAVE_SCRIPT))  # with the dialog, only here
        return leave.insert_before_body_end(result.html, self._dialog + script)


def nav_links(items: Iterable[StructureItem]) -> Iterator[str]:
    """The addresses of the nav's links (``- Name: https://…`` entries), in sections too."""
    for item in items:
        if isinstance(item, Link):
            yield item.url
        elif isinstance(item, Section):
            yield from nav_links(item.children)


def theme_links(config: MkDocsConfig) -> list[str]:
    """What the theme may print as links on every page, from the config: addresses and HTML.

    The copyright; ``repo_url``; Material's credit with ``extra.generator: true``; every text
    under ``extra`` (``social``, ``alternate``, ``homepage``, and what the site's own templates
    read there); and the templates of the site's ``custom_dir`` (a footer that links to 政府网站找错,
    say). A text of ``extra`` that is an address but is never printed as a link gets a notice
    page no link leads to, which is harmless.
    """
    texts = [config.copyright or "", config.repo_url or "", *_texts(config.extra)]
    if config.extra.get("generator") is True:
        texts.append(GENERATOR_URL)
    if config.theme.custom_dir:
        templates = sorted(Path(config.theme.custom_dir).rglob("*.html"))
        texts.extend(path.read_text("utf-8", errors="replace") for path in templates)
    return texts


def _texts(value: object) -> Iterator[str]:
    """Every string in a nesting of mappings and lists (the ``extra`` of ``mkdocs.yml``)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def edit_links(page: Page, features: Container[str]) -> list[str]:
    """The addresses of a page's edit and view buttons (Material's ``content.action.*`` features)."""
    if not page.edit_url:
        return []
    links = []
    if "content.action.edit" in features:
        links.append(page.edit_url)
    if "content.action.view" in features:
        part = "blob" if "/blob/" in page.edit_url else "edit"
        links.append(page.edit_url.replace(part, "raw"))
    return links
