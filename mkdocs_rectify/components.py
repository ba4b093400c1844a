"""The site's components: where each one's templates, styles and scripts live, and how they are published.

A component is a folder, ``mkdocs_rectify/components/<name>/``, holding its template partials, its
CSS, its script where it has one and a README (its parameters, classes and data attributes, and how
to override it). This module lists them and turns them into what a site needs:

* **Templates.** Sites override a partial at the path they always have, ``partials/rectify/<file>``
  in their theme's ``custom_dir``. :func:`template_loader` finds the package's own copy of each in
  its component's folder: after the site's ``custom_dir``, so that an override wins, and before
  Material's templates. It also gives Material's ``base.html`` a ``<div>`` where it has the
  ``<main>`` around the sidebars: the package's ``main.html`` puts ``<main>`` around the content
  only, so that the site's navigation is not part of the page's main landmark.
* **Styles.** The components' CSS files are joined into one stylesheet, ``assets/rectify/rectify.css``,
  in the order of :data:`COMPONENTS` (the cascade depends on it), each part under a comment naming
  its file. The high-contrast palette is written once (``care/palette.css``, declarations only) and
  applied under each selector of :data:`PALETTE_SCOPES`: 关怀版 and ``prefers-contrast: more`` get
  the same colours.
* **Fixed partials.** The partials of :data:`FIXED_PARTIALS` (the header tools, the 无障碍工具条)
  hold nothing of the page they are on: ``rectify_fixed(name)`` in a template (see
  :func:`fixed_partials`) renders one once per build for each set of relative addresses of the
  site's own pages, and gives the same HTML to every page with that set.
* **Scripts.** Each script is published as ``assets/rectify/<file>``. :data:`EVERY_PAGE_SCRIPTS` load
  on every page, base.js (the helpers the others share) first; the others only where they are used.
  :data:`PAGE_SCRIPTS` names those of each kind of page, which its template loads in its
  ``{% block scripts %}`` from ``rectify_scripts`` (search on the search page);
  :func:`leave_script_tag` goes in with the leave dialog, on the pages that link to another site.

Imports nothing from MkDocs: the adapter publishes :func:`assets` and calls :func:`install`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    TemplateNotFound,
    meta,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup, escape

__all__ = [
    "ASSET_DIR",
    "COMPONENTS",
    "EVERY_PAGE_SCRIPTS",
    "FIXED_PARTIALS",
    "LEAVE_SCRIPT",
    "PAGE_SCRIPTS",
    "PALETTE_SCOPES",
    "SCHEME_SCOPES",
    "STYLESHEET",
    "Component",
    "assets",
    "fixed_partials",
    "install",
    "leave_script_tag",
    "stylesheet",
    "template_loader",
]

ROOT = Path(str(resources.files("mkdocs_rectify") / "components"))
"""The folder holding one folder per component."""
ASSET_DIR = "assets/rectify"
"""Where the site publishes the stylesheet and the scripts."""
STYLESHEET = f"{ASSET_DIR}/rectify.css"
PARTIALS = "partials/rectify/"
"""The template path sites override a component's partial at (``partials/rectify/badge.html``)."""
THEME_SCRIPTS = ("head.js", "palette.js", "tabs.js")
"""Scripts in ``assets/rectify/`` of the package that stand in for Material's inline scripts; its
templates (``partials/javascripts/``) load them, before any component's script."""


@dataclass(frozen=True)
class Component:
    """One component: its folder under ``components/`` and the files in it, each in order."""

    name: str
    templates: tuple[str, ...] = ()
    """Partials, found at ``partials/rectify/<file>``."""
    styles: tuple[str, ...] = ()
    """CSS files, joined into the stylesheet in this order."""
    palette: str | None = None
    """A file of declarations applied under each of :attr:`palette_scopes`, after :attr:`styles`."""
    palette_scopes: tuple[tuple[str, str], ...] = ()
    """Where :attr:`palette` applies: (media query or "", selector); :data:`PALETTE_SCOPES` if empty."""
    scripts: tuple[str, ...] = ()
    """Scripts, published as ``assets/rectify/<file>``; in the order a page loads them."""
    files: tuple[str, ...] = ()
    """Other files its styles use (images), published as ``assets/rectify/<file>`` beside the stylesheet."""

    @property
    def scopes(self) -> tuple[tuple[str, str], ...]:
        """Where :attr:`palette` applies."""
        return self.palette_scopes or PALETTE_SCOPES


PALETTE_SCOPES = (
    (
        "",
        ":root[data-rectify-care], :root[data-rectify-care] body, "
        ':root[data-rectify-scheme="contrast"], :root[data-rectify-scheme="contrast"] body',
    ),
    ("(prefers-contrast: more)", ":root, :root body"),
)
"""Where the high-contrast palette applies: (media query or "", selector). 关怀版 and the 无障碍工具条's
白底黑字, which the reader switches on, and a system that asks for more contrast, which needs no script."""
SCHEME_SCOPES = ((
    "",
    ':root[data-rectify-scheme="yellow"], :root[data-rectify-scheme="yellow"] body',
),)
"""Where the 无障碍工具条's 黑底黄字 applies (after the high-contrast palette, which it outranks)."""

COMPONENTS = (
    # The page as a whole first: Material's fixes, utilities, the header and the skip link.
    Component("base", styles=("base.css",), scripts=("base.js",)),
    Component("header", styles=("header.css",), scripts=("header.js",)),
    Component("skip", templates=("skip.html", "skip-target.html"), styles=("skip.css",)),
    Component(
        "care",
        templates=("care.html", "toolbar.html"),
        styles=("care.css",),
        palette="palette.css",
        scripts=("care.js",),
    ),
    Component(
        "a11y",
        templates=("a11y-entry.html", "a11y.html"),
        styles=("a11y.css",),
        palette="yellow.css",
        palette_scopes=SCHEME_SCOPES,
        scripts=("a11y.js",),
        files=("cursor-arrow.svg", "cursor-hand.svg", "cursor-text.svg"),
    ),
    # What the pages are made of, smallest first; the macros they share.
    Component("macros", templates=("macros.html",)),
    Component("badge", templates=("badge.html",), styles=("badge.css",)),
    Component("overdue", templates=("overdue.html",), styles=("overdue.css",)),
    Component("as-of", templates=("as-of.html",), styles=("as-of.css",)),
    Component("draft", templates=("draft.html",), styles=("draft.css",)),
    Component("facts", styles=("facts.css",)),
    Component("table", styles=("table.css",), scripts=("table.js",)),
    Component("items", templates=("items.html",), styles=("items.css",)),
    Component("metrics", templates=("metrics.html",), styles=("metrics.css",)),
    Component("summary", templates=("summary.html",)),
    Component("chart", templates=("chart.html", "chart-table.html"), styles=("chart.css",)),
    Component("breadcrumb", templates=("breadcrumb.html",), styles=("breadcrumb.css",)),
    Component("timeline", templates=("timeline.html",), styles=("timeline.css",)),
    Component("problem-facts", templates=("problem-facts.html",)),
    Component("problem", templates=("problem.html",), styles=("problem.css",)),
    Component("pager", templates=("pager.html",), styles=("pager.css",)),
    Component("report", templates=("report.html",), styles=("report.css",)),
    Component("overview", templates=("overview.html",), styles=("overview.css",)),
    Component(
        "browse",
        templates=(
            "browse.html",
            "filter.html",
            "year.html",
            "browse-links.html",
            "report-list.html",
            "report-browse.html",
            "browse-macros.html",
        ),
        styles=("browse.css",),
    ),
    Component("paging", templates=("paging.html",), styles=("paging.css",)),
    Component("errors", templates=("errors.html",), styles=("errors.css",)),
    Component("gone", templates=("gone.html",), styles=("gone.css",)),
    Component(
        "search",
        templates=("search.html", "search-box.html", "search-meta.html"),
        styles=("search.css",),
        scripts=("search-query.js", "search-expand.js", "search-rank.js", "search.js"),
    ),
    Component(
        "read-aloud",
        templates=("read-aloud.html", "speech-tools.html"),
        styles=("read-aloud.css",),
        scripts=("read-aloud.js",),
    ),
    Component("leave", templates=("leave.html",), styles=("leave.css",), scripts=("leave.js",)),
    Component("footer", templates=("footer.html",), styles=("footer.css",)),
    Component("government", templates=("government.html",), styles=("government.css",)),
    Component("statement", templates=("statement.html",), styles=("statement.css",)),
    # Last: printing takes the page's chrome away.
    Component("print", styles=("print.css",)),
)
"""Every component, in the order their CSS is joined."""


def _scripts(*names: str) -> tuple[str, ...]:
    """The published paths of the scripts of the components ``names``, in order."""
    by_name = {c.name: c for c in COMPONENTS}
    return tuple(f"{ASSET_DIR}/{file}" for name in names for file in by_name[name].scripts)


EVERY_PAGE_SCRIPTS = _scripts("base", "care", "a11y", "header", "table", "read-aloud")
"""Loaded by every page (``extra_javascript``): the shared helpers, 关怀版, the 无障碍工具条 (its
button is in every page's header), the header's keyboard access, the tables' Tab stops and speech
(the toolbar's speech tools on every page, 朗读 on the content pages). base.js comes first: the
others use it."""
PAGE_SCRIPTS = {
    "search": _scripts("search"),
}
"""What a kind of page loads after :data:`EVERY_PAGE_SCRIPTS`: the scripts of components only it uses.
Its template reads them from ``rectify_scripts`` (see :func:`install`)."""
(LEAVE_SCRIPT,) = _scripts("leave")
"""Loaded with the leave dialog, by the pages that link to another site."""


def _partials() -> dict[str, Path]:
    return {f"{PARTIALS}{file}": ROOT / c.name / file for c in COMPONENTS for file in c.templates}


class ComponentLoader(BaseLoader):
    """Finds ``partials/rectify/<file>`` in the folder of the component that owns it."""

    def __init__(self) -> None:
        self._paths = _partials()
        self._files = FileSystemLoader(str(ROOT))

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        path = self._paths.get(template)
        if path is None:
            raise TemplateNotFound(template)
        return self._files.get_source(environment, path.relative_to(ROOT).as_posix())

    def list_templates(self) -> list[str]:
        return sorted(self._paths)


MATERIAL_MAIN = ('<main class="md-main" data-md-component="main">', "</main>")
"""The element of Material's ``base.html`` that holds the sidebars and the content, opening and closing."""


class PageLoader(BaseLoader):
    """Material's ``base.html`` with the element around the sidebars and the content a ``<div>``.

    Material makes it the page's ``<main>``, so that screen readers count the site's navigation
    and the table of contents as the main content; the package's ``main.html`` makes the content
    alone the ``<main>``. A ``base.html`` without Material's element (a site's own) is left as it is.
    """

    def __init__(self, theme: BaseLoader) -> None:
        self._theme = theme

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template != "base.html":
            raise TemplateNotFound(template)
        source, filename, uptodate = self._theme.get_source(environment, template)
        opening, closing = MATERIAL_MAIN
        if source.count(opening) == 1 and source.count(closing) == 1:
            source = source.replace(opening, opening.replace("<main", "<div", 1)).replace(closing, "</div>")
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return ["base.html"]


def template_loader(theme: BaseLoader | None, custom_dir: str | None) -> BaseLoader:
    """The loader of a site's templates: its ``custom_dir``, then the components, then ``theme``
    (the theme's own loader, which holds the package's other templates and Material's), whose
    ``base.html`` comes through :class:`PageLoader`."""
    site = [FileSystemLoader(custom_dir)] if custom_dir else []
    return ChoiceLoader([*site, ComponentLoader(), *([PageLoader(theme), theme] if theme else [])])


FIXED_PARTIALS = (f"{PARTIALS}toolbar.html", f"{PARTIALS}a11y.html", f"{PARTIALS}badge.html")
"""Partials that hold nothing of the page they are on: their text is the locale's and the site's,
their links go to the site's own pages (``rectify.statement_url | url``), the badge shows the status
it is given. The templates render each with ``rectify_fixed`` (:func:`fixed_partials`), once per
build for all the pages it is the same on. A site's override of one of them is rendered so too
while it reads nothing but ``rectify``, ``config``, the template globals and its parameters (nor do
the partials it includes); else on every page, like an include."""

_SITE_LINKS = ("statement_url", "search_url", "feed_url")
"""The addresses of the site's own pages that ``rectify`` holds: a fixed partial may link to them."""
_BUILD_WIDE = frozenset({"rectify", "config"})
"""What a template reads that is the same on every page of a build (besides the template globals)."""


def fixed_partials() -> Callable[..., Markup]:
    """``rectify_fixed(name, **parameters)``: the partial ``name`` rendered as ``{% with parameters
    %}{% include name %}{% endwith %}`` would render it, but once per build for all the pages it is
    the same on.

    Its HTML is kept by its parameters, the page's ``base_url`` and the relative address, from the
    page, of each of the site's own pages in ``rectify`` (``statement_url`` …): all that changes from
    one page to another in a partial of :data:`FIXED_PARTIALS`. A relative address depends on where
    the page is, not on its depth alone (``accessibility/`` is ``./`` from the statement's page,
    ``../accessibility/`` from a report's), so each is part of the key. A partial (the site's
    override) that reads anything else, or includes a partial that does, is rendered on every call.
    One function per build (see :func:`install`)."""
    rendered: dict[tuple[Any, ...], Markup] = {}
    fixed: dict[tuple[str, frozenset[str]], bool] = {}

    @pass_context
    def rectify_fixed(context: Context, name: str, **parameters: Any) -> Markup:
        env = context.environment
        template = env.get_template(name, parent=context.name)
        key: tuple[Any, ...] | None = None
        known = (name, frozenset(parameters))
        if known not in fixed:
            fixed[known] = _reads_only(env, name, _BUILD_WIDE | set(env.globals) | set(parameters))
        if fixed[known]:
            rectify = context.get("rectify")
            url = env.filters.get("url")
            links = tuple(getattr(rectify, link, None) for link in _SITE_LINKS)
            if url is not None:
                links = tuple(url(context, link) if link else link for link in links)
            key = (name, context.get("base_url"), links, tuple(sorted(parameters.items())))
            try:
                html = rendered.get(key)
            except TypeError:  # a parameter that cannot be a key
                key = html = None
            if html is not None:
                return html
        variables = template.new_context(context.get_all(), True, parameters)
        html = Markup("".join(template.root_render_func(variables)))
        if key is not None:
            rendered[key] = html
        return html

    return rectify_fixed


def _reads_only(env: Environment, name: str, allowed: set[str], seen: set[str] | None = None) -> bool:
    """Whether the template ``name``, and every template it includes or imports, reads no variable
    but ``allowed``."""
    seen = set() if seen is None else seen
    if name in seen:
        return True
    seen.add(name)
    try:
        source = env.loader.get_source(env, name)[0] if env.loader else None
    except TemplateNotFound:
        return False
    if source is None:
        return False
    tree = env.parse(source)
    if meta.find_undeclared_variables(tree) - allowed:
        return False
    return all(
        isinstance(other, str) and _reads_only(env, other, allowed, seen)
        for other in meta.find_referenced_templates(tree)
    )


def install(env: Environment, custom_dir: str | None) -> None:
    """Make ``env`` find the components' partials (after the site's ``custom_dir``) and give its
    page templates ``rectify_scripts``, the scripts of each kind of page (:data:`PAGE_SCRIPTS`),
    and ``rectify_fixed``, the partials of :data:`FIXED_PARTIALS` rendered once (:func:`fixed_partials`)."""
    env.loader = template_loader(env.loader, custom_dir)
    env.globals["rectify_scripts"] = PAGE_SCRIPTS
    env.globals["rectify_fixed"] = fixed_partials()


def _palette(declarations: str, scopes: tuple[tuple[str, str], ...]) -> str:
    body = re.sub(r"/\*.*?\*/", "", declarations, flags=re.DOTALL).strip()
    rules = []
    for media, selector in scopes:
        rule = f"{selector} {{\n{_indent(body)}\n}}"
        rules.append(f"@media {media} {{\n{_indent(rule)}\n}}" if media else rule)
    return "\n".join(rules)


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def _parts() -> Iterable[tuple[str, str]]:
    for component in COMPONENTS:
        for file in component.styles:
            yield f"{component.name}/{file}", (ROOT / component.name / file).read_text("utf-8")
        if component.palette:
            path = ROOT / component.name / component.palette
            scopes = " and ".join(f"@media {m}" if m else s for m, s in component.scopes)
            yield (
                f"{component.name}/{component.palette}, under {scopes}",
                _palette(path.read_text("utf-8"), component.scopes),
            )


@cache
def stylesheet() -> str:
    """``assets/rectify/rectify.css``: every component's CSS, in the order of :data:`COMPONENTS`."""
    out = [
        "/* mkdocs-rectify: the styles of its components, joined when the site is built from\n"
        "   mkdocs_rectify/components/<name>/*.css (edit those), one part per file. */\n"
    ]
    for name, css in _parts():
        out.append(f"\n/* == {name} {'=' * max(3, 96 - len(name))} */\n{css.rstrip()}\n")
    return "".join(out)


def assets() -> dict[str, bytes]:
    """What the components publish, by path in the site: the stylesheet and every script."""
    published = {STYLESHEET: stylesheet().encode("utf-8")}
    theme = Path(str(resources.files("mkdocs_rectify") / ASSET_DIR))
    for file in THEME_SCRIPTS:
        published[f"{ASSET_DIR}/{file}"] = (theme / file).read_bytes()
    for component in COMPONENTS:
        for file in (*component.scripts, *component.files):
            published[f"{ASSET_DIR}/{file}"] = (ROOT / component.name / file).read_bytes()
    return published


def leave_script_tag(url: str) -> str:
    """The script element of leave.js at ``url``, the address as seen from the page it goes in."""
    return f'<script src="{escape(url)}"></script>'
