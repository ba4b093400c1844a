"""Shared fixtures: real sites built with the real `mkdocs` command in temporary folders."""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "haikou-2022-03-22.txt"
DEMO_ID = "hkszwglj-2022"

STATEMENT_OPTIONS = "      accessibility: {contact: {email: a11y@example.gov.cn}, tested: 2024-05-06}\n"
"""What an office fills in for its accessibility statement; without it the build warns (--strict fails)."""
MINIMAL_CONFIG = f"""\
site_name: 测试站点
theme:
  name: material
  language: zh
  font: false
plugins:
  - rectify:
{STATEMENT_OPTIONS}markdown_extensions:
  - attr_list
  - md_in_html
"""


@dataclass
class Build:
    """The outcome of one `mkdocs build`: exit code, output and the site folder."""

    returncode: int
    output: str
    site: Path

    def html(self, url: str) -> str:
        path = self.site / url.strip("/") / "index.html" if not url.endswith(".html") else self.site / url
        return path.read_text("utf-8")


def run_mkdocs(project: Path, *args: str, timeout: float = 180) -> Build:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return Build(result.returncode, result.stdout + result.stderr, project / "site")


def write_tree(root: Path, files: Mapping[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), "utf-8")


def problem_file(
    number: int, title: str, status: str = "completed", body: str = "问题表现。", **extra: str
) -> str:
    lines = ["---", f"number: {number}", f"title: {title}", f"status: {status}"]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return "\n".join([*lines, "---", body, ""])


REPORT_YML = """\
title: 测试单位关于巡察整改情况的通报
issuer: 测试单位党组
published: 2024-05-06
"""


@pytest.fixture
def make_site(tmp_path: Path):
    """Write a small project (mkdocs.yml, docs/, content/) into tmp_path and return a builder."""

    def make(files: Mapping[str, str] | None = None, *, config: str = MINIMAL_CONFIG) -> Path:
        project = tmp_path / "project"
        (project / "docs").mkdir(parents=True, exist_ok=True)
        write_tree(project, {"mkdocs.yml": config, **(files or {})})
        return project

    return make


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The demo site of this repository, built once with --strict."""
    project = tmp_path_factory.mktemp("demo") / "project"
    ignore = shutil.ignore_patterns(".git", ".venv", "site", "tests", "__pycache__", "*.egg-info")
    shutil.copytree(ROOT, project, ignore=ignore)
    build = run_mkdocs(project, "--strict")
    assert build.returncode == 0, build.output
    return build


# -- browser ----------------------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: Mapping[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_dir(root: Path, *, headers: Mapping[str, str] | None = None) -> Iterator[str]:
    """Serve a built site over HTTP on a free loopback port, as static hosting would.

    ``headers`` are sent with every response (a Content-Security-Policy, say)."""
    import functools
    import threading

    handler_class = type("_Handler", (_QuietHandler,), {"extra_headers": dict(headers or {})})
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def demo_url(demo_build: Build) -> Iterator[str]:
    with serve_dir(demo_build.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; never a downloaded browser."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()
