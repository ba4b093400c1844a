"""Components as folders: each partial is found where sites override it, every file of a component
folder is published or used, and the CSS is joined in order with the high-contrast palette written once."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import DictLoader, Environment
from support.builds import MINIMAL_CONFIG, REPORT_YML, build_site, problem_file

from mkdocs_rectify.components import (
    COMPONENTS,
    PALETTE_SCOPES,
    ROOT,
    SCHEME_SCOPES,
    Component,
    assets,
    stylesheet,
    template_loader,
)

CONTENT = {
    "content/r-2024/report.yml": REPORT_YML,
    "content/r-2024/01.md": problem_file(1, "甲"),
}
WITH_OVERRIDES = MINIMAL_CONFIG.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")


def styles(component: Component) -> tuple[str, ...]:
    return (*component.styles, *([component.palette] if component.palette else []))


def declared_files() -> set[str]:
    return {
        f"{c.name}/{file}" for c in COMPONENTS for file in (*c.templates, *styles(c), *c.scripts, *c.files)
    }


def test_every_file_of_a_component_folder_is_declared_and_exists() -> None:
    on_disk = {
        path.relative_to(ROOT).as_posix()
        for path in ROOT.rglob("*")
        if path.is_file() and path.name != "README.md" and "__pycache__" not in path.parts
    }
    assert on_disk == declared_files()
    assert len({c.name for c in COMPONENTS}) == len(COMPONENTS)


def test_a_partial_is_found_after_the_sites_folder_and_before_the_theme(tmp_path: Path) -> None:
    site = tmp_path / "overrides" / "partials" / "rectify"
    site.mkdir(parents=True)
    (site / "badge.html").write_text("site's badge", "utf-8")
    theme = DictLoader({f"partials/rectify/{name}.html": f"theme's {name}" for name in ("badge", "pager")})
    loader = template_loader(theme, str(tmp_path / "overrides"))
    env = Environment(loader=loader)

    def found(name: str, loader=loader) -> str | None:
        return loader.get_source(env, f"partials/rectify/{name}.html")[1]

    assert found("badge") == str(site / "badge.html")
    assert found("pager") == str(ROOT / "pager" / "pager.html")
    assert found("skip-target") == str(ROOT / "skip" / "skip-target.html")
    assert found("badge", template_loader(theme, None)) == str(ROOT / "badge" / "badge.html")
    assert "partials/rectify/search-box.html" in loader.list_templates()


def test_a_sites_override_of_the_badge_wins(make_site) -> None:
    badge = '<span class="site-badge">{{ rectify.status(status) }}</span>'
    files = {**CONTENT, "overrides/partials/rectify/badge.html": badge}
    build = build_site(make_site(files, config=WITH_OVERRIDES), "--strict")
    assert build.returncode == 0, build.output
    page = build.html("r-2024/1/")
    assert page.count('<span class="site-badge">已完成</span>') == 2  # under the title and as the result
    assert "rectify-badge" not in page
    assert 'class="rectify-problem"' in page and 'class="rectify-pager"' in page  # the package's own


def palette_blocks(css: str, variable: str) -> list[set[str]]:
    """The declarations of each rule that sets ``variable`` (only a palette does)."""
    blocks = re.findall(r"\{([^{}]*" + re.escape(variable) + r"[^{}]*)\}", css)
    return [{d.strip() for d in block.split(";") if d.strip()} for block in blocks]


def declarations(path: Path) -> str:
    return "{" + re.sub(r"/\*.*?\*/", "", path.read_text("utf-8"), flags=re.DOTALL) + "}"


def test_each_palette_is_written_once_and_applied_under_its_scopes() -> None:
    """关怀版's palette: in 关怀版, for 白底黑字 and for more contrast; 黑底黄字 under its own selector."""
    sources = [path.read_text("utf-8") for path in ROOT.rglob("*.css")]
    assert sum(source.count("--md-code-hl-function-color") for source in sources) == 2  # the two palettes
    css = stylesheet()
    care = palette_blocks(declarations(ROOT / "care" / "palette.css"), "--md-code-hl-function-color: #4a148c")
    assert (
        palette_blocks(css, "--md-code-hl-function-color: #4a148c") == care * 2
    )  # care and contrast, more contrast
    yellow = declarations(ROOT / "a11y" / "yellow.css")
    assert palette_blocks(css, "--md-code-hl-function-color: #7fdbff") == palette_blocks(yellow, "#7fdbff")
    for media, selector in (*PALETTE_SCOPES, *SCHEME_SCOPES):
        assert f"{selector} {{" in css
        assert not media or f"@media {media} {{" in css
    assert ':root[data-rectify-scheme="contrast"]' in PALETTE_SCOPES[0][1]
    # 黑底黄字 comes after 关怀版's palette, which it outranks when both are on.
    assert css.index(SCHEME_SCOPES[0][1]) > css.index(PALETTE_SCOPES[0][1])


def test_the_images_the_styles_use_are_published_beside_the_stylesheet() -> None:
    published = assets()
    for name in re.findall(r'url\("([^":/]+)"\)', stylesheet()):
        assert published[f"assets/rectify/{name}"].startswith(b"<svg"), name


def test_the_stylesheet_names_each_part_in_the_order_of_the_components() -> None:
    parts = re.findall(r"^/\* == ([^\s,]+)", stylesheet(), re.MULTILINE)
    expected = [f"{c.name}/{file}" for c in COMPONENTS for file in styles(c)]
    assert parts == expected
    assert parts[0] == "base/base.css" and parts[-1] == "print/print.css"


def test_every_component_has_a_readme_that_the_index_links_and_that_names_its_override_paths() -> None:
    index = (ROOT / "README.md").read_text("utf-8")
    for component in COMPONENTS:
        readme = (ROOT / component.name / "README.md").read_text("utf-8")
        assert f"[{component.name}]({component.name}/README.md)" in index
        for file in (*styles(component), *component.scripts):
            assert f"`{file}`" in index and f"`{file}`" in readme, (component.name, file)
        for file in component.templates:
            assert f"`{file}`" in index and f"partials/rectify/{file}" in readme, (component.name, file)
