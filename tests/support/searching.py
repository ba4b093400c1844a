"""The search page in Chromium: typing a query, reading the results, opening the page."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from support.builds import build_site, write_tree
from support.web import serve_dir

STATUS = "[data-rectify-search-status]"
DONE = "[data-rectify-search-output][aria-busy=false]"


def search(page, query: str) -> list[str]:
    """Type the query into the search page's box, press Enter, and return the result links."""
    page.fill("#rectify-search-q", query)
    page.press("#rectify-search-q", "Enter")
    page.wait_for_selector(DONE)
    return result_links(page)


def result_links(page) -> list[str]:
    return page.eval_on_selector_all(".rectify-search__result-link", "links => links.map(a => a.href)")


def problem_of(url: str) -> str:
    """``…/hkszwglj-2022/5/`` → ``5``; the report page → ``report``."""
    parts = [p for p in urlparse(url).path.split("/") if p]
    return parts[-1] if len(parts) > 1 else "report"


def pages_of(links: list[str]) -> set[str]:
    """``…/city-2024/1/`` → ``city-2024/1``, for each link."""
    return {"/".join(p for p in urlparse(u).path.split("/") if p) for u in links}


def marks(page) -> list[list[str]]:
    """The marked words of each result's excerpt, in order."""
    return [item.locator("mark").all_inner_texts() for item in page.locator(".rectify-search__excerpt").all()]


@contextlib.contextmanager
def opened(browser, url: str) -> Iterator:
    """A Chinese browser context on the search page ``url``, its form shown."""
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_selector("[data-rectify-search-form]:not([hidden])")
        yield page
    finally:
        context.close()


@contextlib.contextmanager
def served(build: Any) -> Iterator[str]:
    """The address of a site built for the search tests, served while the block runs; the build
    must have succeeded."""
    assert build.returncode == 0, build.output
    with serve_dir(build.site) as url:
        yield url


@contextlib.contextmanager
def served_files(tmp_path_factory: Any, name: str, files: dict[str, str]) -> Iterator[str]:
    """The address of a site made of ``files`` (relative path → text), built with ``--strict`` in a
    new temporary folder named after ``name``, served while the block runs."""
    project = tmp_path_factory.mktemp(name) / "project"
    write_tree(project, files)
    with served(build_site(project, "--strict")) as url:
        yield url
