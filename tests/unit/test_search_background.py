"""The search index of a served site, written in the background: the last whole bundle is served
until the new one is swapped in, and a newer build cancels a run under way."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from mkdocs_rectify.search import IndexStats
from mkdocs_rectify.search.background import BackgroundIndex

PAGE = (
    '<!doctype html><html lang="zh"><head><title>{title}</title></head>'
    "<body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>"
)


def write_site(site: Path, titles: list[str]) -> None:
    for number, title in enumerate(titles, 1):
        page = site / str(number) / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(PAGE.format(title=title, text="整改情况说明。" * 20), "utf-8")


def empty(site: Path) -> None:
    """What MkDocs does before a build: the site folder emptied."""
    for path in sorted(site.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def run(index: BackgroundIndex, prepare=lambda: "zh") -> tuple[list[IndexStats], list[str]]:
    done: list[IndexStats] = []
    failed: list[str] = []
    index.start(prepare, done.append, failed.append)
    assert index.wait(120)
    return done, failed


def test_the_bundle_is_swapped_in_whole_and_served_again_after_the_next_build_empties_the_site(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    write_site(site, ["第一页", "第二页"])
    index = BackgroundIndex(site)
    try:
        done, failed = run(index)
        assert not failed and len(done) == 1 and done[0].pages == 2
        first = sorted(p.name for p in (site / "pagefind" / "fragment").iterdir())
        assert (site / "pagefind" / "pagefind.js").is_file()
        assert not list(site.glob(".*"))  # the bundles being made are kept outside the site

        empty(site)  # the next build: the site is emptied and written again, with a third page
        write_site(site, ["第一页", "第二页", "第三页"])
        gate, go = threading.Event(), threading.Event()

        def slow() -> str:  # holds the run until the served bundle is checked
            gate.set()
            go.wait(30)
            return "zh"

        done2: list[IndexStats] = []
        index.start(slow, done2.append, failed.append)
        assert gate.wait(30)
        served = sorted(p.name for p in (site / "pagefind" / "fragment").iterdir())
        assert served == first  # the last whole bundle, while the new one is made
        go.set()
        assert index.wait(120)
        assert not failed and len(done2) == 1 and done2[0].pages == 3
        assert len(list((site / "pagefind" / "fragment").iterdir())) == 3
    finally:
        index.close()
    assert not list(tmp_path.glob(".rectify-search-*"))


def test_a_newer_build_cancels_the_run_under_way(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, ["第一页"])
    index = BackgroundIndex(site)
    gate = threading.Event()
    try:
        done, failed = run(index)
        assert len(done) == 1
        cancelled: list[IndexStats] = []

        def waiting() -> str:
            gate.set()
            time.sleep(3)  # the next build cancels the run meanwhile
            return "zh"

        index.start(waiting, cancelled.append, failed.append)
        assert gate.wait(30)
        index.cancel()  # what the next build does first
        assert not cancelled and not failed
        assert (site / "pagefind" / "pagefind.js").is_file()  # the last bundle is still served
        done, failed = run(index)
        assert len(done) == 1 and not failed
    finally:
        index.close()
