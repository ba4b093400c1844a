"""Every sentence of every capture of another government's notice (``tests/fixtures/importer/real-*``)
is on the site built from its import, drafts and all, without ``--strict``; a strict build refuses it."""

from __future__ import annotations

from support.builds import build_site
from support.importer import FIXTURES, fragments, squash
from support.text import site_text
from test_import_build import on_site

from mkdocs_rectify.importer import import_notice, write_report


def test_every_sentence_of_every_capture_is_on_the_built_site(make_site) -> None:
    project = make_site()
    articles = []
    for path in sorted(FIXTURES.glob("real-*")):
        result = import_notice(path.read_bytes(), source_name=path.name)
        write_report(result, project / "content", force=False)
        articles.extend(result.article_text.splitlines())
    build = build_site(project)  # not --strict: drafts and unclassified text are warnings, on purpose
    assert build.returncode == 0, build.output
    text = squash(site_text(build.site))
    missing = [piece for line in articles for piece in fragments(line) if not on_site(piece, text)]
    assert missing == [], missing[:3]
    assert build_site(project, "--strict").returncode != 0
