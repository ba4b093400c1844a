"""Fixtures shared by every layer of the suite, and the layer marks.

The helpers behind them are in ``support/`` (``support.builds`` writes and builds sites,
``support.web`` serves them, ``support.inpage`` and ``support.axe`` check them in Chromium); a test
imports what it needs from there. Each test is marked with its layer, the folder it is in:
``unit``, ``components``, ``site`` or ``browser`` (``pytest -m unit`` or ``pytest tests/unit``).

``scripts/test`` runs the tests in several processes (pytest-xdist, ``--dist loadfile``: the tests of a
file in one process, so a module-scoped fixture is made once, and the screen-reader tests, which share
one user's Orca, run one after the other). The sites the session fixtures build are then built once for
all of them (``support.builds.OncePerRun``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from support.builds import (
    MINIMAL_CONFIG,
    REPORT_YML,
    ROOT,
    Build,
    OncePerRun,
    SharedBuilds,
    build_site,
    problem_file,
    run_mkdocs,
    write_tree,
)
from support.serve import mkdocs_serve
from support.tracking import build_example
from support.web import CHROMIUM, CHROMIUM_ARGS, serve_dir

LAYERS = ("unit", "components", "site", "browser")
TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        layer = item.path.relative_to(TESTS).parts[0]
        if layer in LAYERS:
            item.add_marker(layer)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # The screen-reader tests last (scripts/test keeps the order of collection): Orca misses keys
        # on a busy machine, and by then the other processes are finishing.
        items.sort(key=lambda item: item.get_closest_marker("screenreader") is not None)


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
def once(tmp_path_factory: pytest.TempPathFactory) -> OncePerRun:
    """What the session fixtures make once for the run, in one process or in several."""
    return OncePerRun(tmp_path_factory)


@pytest.fixture(scope="session")
def demo_epoch(once: OncePerRun) -> str:
    """SOURCE_DATE_EPOCH of the demo's builds: the time the run started, so that the demo is built on
    today's date and a second build of it must give the same bytes."""
    return once.value("demo-epoch", lambda: str(int(time.time())))


def _demo(root: Path, builder: Callable[..., Build], epoch: str) -> Build:
    """The demo of this repository, copied into ``root`` and built on the run's date, --strict."""
    project = root / "project"
    ignore = shutil.ignore_patterns(".git", ".venv", "site", "tests", "__pycache__", "*.egg-info")
    shutil.copytree(ROOT, project, ignore=ignore)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", epoch)
        build = builder(project, "--strict")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def demo_build(once: OncePerRun, demo_epoch: str) -> Build:
    """The demo site of this repository, built once with --strict."""
    return once.build("demo", lambda root: _demo(root, build_site, demo_epoch))


@pytest.fixture(scope="session")
def demo_rebuilt(once: OncePerRun, demo_epoch: str) -> Build:
    """The demo built again, in a process of its own, with the same SOURCE_DATE_EPOCH."""
    return once.build("demo-again", lambda root: _demo(root, run_mkdocs, demo_epoch))


def _tracking_example(root: Path) -> Build:
    build = build_example(root / "project", "--strict")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def tracking_example(once: OncePerRun) -> Build:
    """The 示例 tracking site (tests/fixtures/sites/tracking-example), built once with --strict on its
    build date, for the tests that only read it."""
    return once.build("tracking-example", _tracking_example)


@pytest.fixture(scope="session")
def shared_build(once: OncePerRun) -> SharedBuilds:
    """``shared_build(files, *args)``: a site built once for every test that only reads it."""
    return SharedBuilds(once)


@pytest.fixture
def served(make_site) -> Iterator[tuple[Path, str, subprocess.Popen]]:
    """`mkdocs serve` of a small site: its folder, its address and the process."""
    project = make_site(
        {"content/r-2024/report.yml": REPORT_YML, "content/r-2024/01.md": problem_file(1, "原来的标题")}
    )
    with mkdocs_serve(project) as (base, process):
        yield project, base, process


# -- browser ----------------------------------------------------------------------------------------


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
