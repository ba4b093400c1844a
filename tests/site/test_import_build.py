"""An imported notice builds with ``mkdocs build --strict`` and every character reaches the site."""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner
from support.builds import build_site
from support.importer import FIXTURES, SEED, as_written, fragments, seed_article, squash
from support.text import site_text

from mkdocs_rectify.cli import main
from mkdocs_rectify.importer import import_notice, write_report


def on_site(piece: str, text: str) -> bool:
    """Whether ``piece`` is in the site's squashed text; a date may be shown as 2022年3月22日."""
    if squash(piece) in text:
        return True
    written = as_written(piece)
    try:
        date = dt.date.fromisoformat(written)
    except ValueError:
        return False
    return squash(f"{date.year}年{date.month}月{date.day}日") in text


def test_imported_seed_builds_strict_with_every_character(make_site) -> None:
    project = make_site()
    result = CliRunner().invoke(main, ["import", str(SEED), "--out", str(project / "content")])
    assert result.exit_code == 0, result.output
    build = build_site(project, "--strict")
    assert build.returncode == 0, build.output
    text = squash(site_text(build.site))
    missing = [piece for line in seed_article() for piece in fragments(line) if not on_site(piece, text)]
    assert missing == [], f"{len(missing)} pieces missing, e.g. {missing[:3]}"
    assert (build.site / "hkszwglj-2022" / "17" / "index.html").is_file()


def test_imported_fixture_with_unclassified_text_builds(make_site) -> None:
    project = make_site()
    result = import_notice((FIXTURES / "layout2-bom.txt").read_bytes(), source_name="layout2-bom.txt")
    write_report(result, project / "content", force=False)
    build = build_site(project)  # not --strict: unclassified text is reported as a warning, on purpose
    assert build.returncode == 0, build.output
    assert "unclassified" in build.output
    text = squash(site_text(build.site))
    lines = result.article_text.splitlines()
    missing = [piece for line in lines for piece in fragments(line) if not on_site(piece, text)]
    assert missing == [], missing[:3]
