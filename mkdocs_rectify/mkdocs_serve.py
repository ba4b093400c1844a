"""The rebuilds of ``mkdocs serve``: generated pages that an edit cannot change are kept.

After saving one problem file, MkDocs builds the whole site again (it empties the site folder and
renders every page). Most generated pages of a large site show nothing of that problem. Each
build under ``serve`` keeps, for every generated page, the HTML its template gave (before any
plugin's ``on_post_page``), the leaving links in its content (for the leave notices), and the
sanitiser's warnings. In the next build, a page that :func:`~mkdocs_rectify.incremental.affected_pages` leaves
out is not rendered again: its template is swapped for ``rectify/reused.html``, which prints the
kept HTML, and every plugin's ``on_post_page`` then runs on it as on a rendered page.

Why the kept HTML is what rendering would give: the page's template reads its view, the
``rectify`` helpers, the nav, the config and the templates. ``incremental.py`` covers the views
and helpers (they are made from the content alone). Everything else is checked here, and any
difference renders every page: a fingerprint of the config file and the files beside it, the
docs, the site's ``custom_dir``, the package's templates and components, the folders the config
watches and the content's files other than problem Markdown (by path, size and modification
time); and the leave notices (every destination's notice URL and the dialog), known in
``on_env``. A build that fails, or a content with errors, forgets what was kept. The output of
the leave notices' rewriting is kept too, and used again only for the same input and notices.

Beside the pages, :class:`Serve` keeps what the next build can use again: the problem files as
loaded (``LoadCache``), the templates' compiled code, and the search index, which is written in
the background after each build (``search/background.py``) so that the browser reloads first.

Part of the MkDocs adapter (with ``plugin.py``).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_rectify import mkdocs_site
from mkdocs_rectify.incremental import Content, affected_pages
from mkdocs_rectify.leave import Destination
from mkdocs_rectify.loader import LoadCache
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.mkdocs_files import Generated
from mkdocs_rectify.mkdocs_leave import LeaveNotices
from mkdocs_rectify.mkdocs_site import Setup, print_uncounted, write_manifest
from mkdocs_rectify.model import Site
from mkdocs_rectify.pages import SEARCH_MAP, SEARCH_THESAURUS
from mkdocs_rectify.search import IndexStats, SearchInput, search_input
from mkdocs_rectify.search.background import BackgroundIndex

__all__ = ["REUSED_TEMPLATE", "CompiledTemplates", "PageReuse", "Serve", "index_search", "rewrite_page"]

log = get_plugin_logger("rectify")

REUSED_TEMPLATE = "rectify/reused.html"
"""The template of a kept page: it prints ``rectify_reused``, the HTML kept from the last build."""

PACKAGE = resources.files("mkdocs_rectify")


class Serve:
    """What one ``mkdocs serve`` keeps from each build for the next."""

    def __init__(self) -> None:
        self.load_cache = LoadCache()
        """The problem files as last loaded: only those that changed are parsed again."""
        self.reuse = PageReuse()
        """The generated pages as last built."""
        self.compiled = CompiledTemplates()
        """The templates' code."""
        self._search: BackgroundIndex | None = None
        self.search_input: SearchInput | None = None
        """The search tables of the last build, published by the next until made again."""

    def cancel_search(self) -> None:
        """Stop indexing the last build: MkDocs is about to empty the folder Pagefind reads."""
        if self._search is not None:
            self._search.cancel()

    def index_search(
        self, site_dir: str, search: SearchInput, make: Callable[[], SearchInput], locale: Locale
    ) -> None:
        """Index the built site in the background, so that the browser reloads first; the last
        finished index is served meanwhile. The search tables the build published (``search``) are
        the last build's but in the first build: in the background they are made again (``make``)
        and written over, before Pagefind runs. When the new index is served, the manifest is
        written again (it lists the index's files) and one line says that search has caught up."""
        if self._search is None:
            self._search = BackgroundIndex(Path(site_dir))
        stale = search is self.search_input

        def prepare() -> str:
            fresh = make() if stale else search
            if stale:
                _write(Path(site_dir, SEARCH_MAP), fresh.table)
                _write(Path(site_dir, SEARCH_THESAURUS), fresh.thesaurus)
            self.search_input = fresh
            return fresh.language

        def manifest() -> None:
            try:
                write_manifest(site_dir, locale, quiet=True)
            except PluginError as error:
                print_uncounted(logging.ERROR, str(error))

        def done(stats: IndexStats) -> None:
            manifest()
            seconds = locale.number(round(stats.seconds, 1))
            log.info(locale.t("build.search_updated", pages=stats.pages, seconds=seconds))

        def failed(message: str) -> None:
            manifest()
            print_uncounted(logging.ERROR, f"search: {message}")

        self._search.start(prepare, done, failed)

    def install(self, env: Environment, files: Files, leave: LeaveNotices | None, locale: Locale) -> None:
        """The environment gets the compiled templates, and the kept pages the template that prints
        them if the leave notices are the last build's (``on_env``)."""
        self.compiled.install(env)
        self.reuse.confirm(files, leave.signature() if leave is not None else None, locale)

    def close(self) -> None:
        if self._search is not None:
            self._search.close()


def index_search(site_dir: str, search: SearchInput, setup: Setup, serve: Serve | None) -> None:
    """Index the built site (``on_post_build``); under ``serve``, in the background after the reload."""
    if serve is not None and setup.site is not None:
        make = partial(search_input, setup.site, setup.locale.code.split("-")[0], setup.thesaurus)
        serve.index_search(site_dir, search, make, setup.locale)
    else:
        mkdocs_site.index_search(site_dir, search.language, setup.locale)


def rewrite_page(
    output: str, page: Page, config: MkDocsConfig, leave: LeaveNotices | None, reuse: PageReuse | None
) -> str:
    """A page with its links to other sites sent through their notices (``on_post_page``); under
    ``serve``, the last build's output where the input is the same."""
    if leave is None:
        return output
    rewrite = partial(leave.rewrite_page, output, page, config)
    return rewrite() if reuse is None else reuse.rewrite(page.file.src_uri, output, rewrite)


@dataclass
class _Kept:
    """One generated page as the last build made it."""

    html: str = ""
    """What its template gave, before any plugin's ``on_post_page``."""
    warnings: Sequence[str] = ()
    """What the sanitiser removed from its content."""
    destinations: Sequence[Destination] = ()
    """The leaving links in its content."""
    rewritten: tuple[str, str] | None = None
    """The leave notices' rewriting: its input and its output."""


@dataclass
class _Build:
    fingerprint: str
    content: Content
    notices: object = None
    pages: dict[str, _Kept] = field(default_factory=dict)


class PageReuse:
    """What ``serve`` keeps from one build to the next, and which pages the current build reuses."""

    def __init__(self) -> None:
        self._last: _Build | None = None
        self._current: _Build | None = None
        self._reused: set[str] = set()
        self.rendered = 0
        """The generated pages the current build renders."""
        self.kept = 0
        """The generated pages it takes from the last build."""

    def plan(self, config: MkDocsConfig, content_dir: Path, site: Site | None, generated: Generated) -> None:
        """Decide which generated pages this build can take from the last one (``on_files``)."""
        self._reused = set()
        if site is None:  # the content has errors
            self._last = self._current = None
            return
        plans = generated.plans
        content = Content(site, generated.browsing, frozenset(plan.key for plan in plans.values()))
        self._current = _Build(_fingerprint(config, content_dir), content)
        last = self._last
        if last is not None and last.fingerprint == self._current.fingerprint:
            affected = affected_pages(last.content, content)
            if affected is not None:
                self._reused = {
                    uri for uri, plan in plans.items() if plan.key not in affected and uri in last.pages
                }

    def is_reused(self, uri: str) -> bool:
        return uri in self._reused

    def page(
        self, uri: str, make: Callable[[], tuple[list[str], list[Destination]]]
    ) -> tuple[list[str], list[Destination]]:
        """What reading a generated page gave (``on_page_content``): the sanitiser's warnings about
        its content and the leaving links in it; kept from the last build, or given by ``make``."""
        if self._current is None:
            return make()
        if uri in self._reused and self._last is not None:
            kept = self._last.pages[uri]
        else:
            warnings, found = make()
            kept = _Kept(warnings=warnings, destinations=found)
        self._current.pages[uri] = _Kept(warnings=kept.warnings, destinations=kept.destinations)
        return list(kept.warnings), list(kept.destinations)

    def confirm(self, files: Files, notices: object, locale: Locale) -> None:
        """With the leave notices known (``on_env``): the kept pages get the template that prints
        them, if the notices are those of the last build; else every page is rendered. The log
        says how many pages are rendered and kept."""
        if self._current is None:
            return
        self._current.notices = notices
        if self._last is None or self._last.notices != notices:
            self._reused = set()
        for uri in self._reused:
            file = files.get_file_from_path(uri)
            if file is not None and file.page is not None:
                file.page.meta["template"] = REUSED_TEMPLATE
        self.kept = len(self._reused)
        self.rendered = len(self._current.pages) - self.kept
        log.info(locale.t("build.serve_pages", rendered=self.rendered, kept=self.kept))

    def html(self, uri: str) -> Markup | None:
        """The kept HTML of a page this build does not render, or None."""
        if uri not in self._reused or self._last is None:
            return None
        return Markup(self._last.pages[uri].html)

    def capture(self, uri: str, html: str) -> None:
        """Keep what a generated page's template gave (the first ``on_post_page``)."""
        if self._current is not None and uri in self._current.pages:
            self._current.pages[uri].html = html

    def rewrite(self, uri: str, html: str, rewrite: Callable[[], str]) -> str:
        """The leave notices' rewriting of a page: the last build's output for the same input."""
        last = self._last.pages.get(uri) if self._last is not None and uri in self._reused else None
        if last is not None and last.rewritten is not None and last.rewritten[0] == html:
            output = last.rewritten[1]
        else:
            output = rewrite()
        page = self._current.pages.get(uri) if self._current is not None else None
        if page is not None:
            page.rewritten = (html, output)
        return output

    def finish(self) -> None:
        """The build is complete: what it made is kept for the next (``on_post_build``)."""
        self._last, self._current = self._current, None
        self._reused = set()

    def forget(self) -> None:
        """The build failed: the next renders every page."""
        self._last = self._current = None
        self._reused = set()


class CompiledTemplates(BytecodeCache):
    """The templates compiled in one build of ``serve``, for the next.

    MkDocs makes a new Jinja environment for each build, which compiles Material's templates and
    ours again. The code is kept by template and by the checksum of its source, so a template that
    changed is compiled anew. Each environment is new, so it need not check its templates'
    modification times as it renders (``auto_reload``) either."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, bytes]] = {}

    def install(self, env: Environment) -> None:
        env.bytecode_cache = self
        env.auto_reload = False

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._code.get(bucket.key, ("", b""))
        if checksum == bucket.checksum:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.bytecode_to_string())


def _write(path: Path, content: bytes) -> None:
    """Write a file of the served site whole: a reader gets the old or the new, never a part."""
    staged = path.with_name(f".{path.name}.new")
    staged.write_bytes(content)
    staged.replace(path)


def _fingerprint(config: MkDocsConfig, content_dir: Path) -> str:
    """The path, size and modification time of every file a generated page's HTML may come from,
    beside the content's problems (see the module's docstring)."""
    digest = hashlib.sha256()
    config_dir = Path(config.config_file_path or ".").resolve().parent
    places = [
        *(path for path in config_dir.iterdir() if path.is_file()),
        Path(config.docs_dir),
        *([Path(config.theme.custom_dir)] if config.theme.custom_dir else []),
        Path(str(PACKAGE / "templates")),
        Path(str(PACKAGE / "components")),
        Path(str(PACKAGE / "locales")),
        *(Path(item) for item in config.watch),
    ]
    for place in places:
        for path in _files(place):
            if path.suffix == ".md" and path.is_relative_to(content_dir):
                continue  # a problem: compared in the model
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    for path in _files(content_dir):
        if path.suffix != ".md":
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _files(place: Path) -> list[Path]:
    if place.is_file():
        return [place]
    found = []
    for folder, dirs, names in os.walk(place):
        dirs.sort()
        found += [Path(folder, name) for name in sorted(names)]
    return found
