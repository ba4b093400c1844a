"""Real sites written into temporary folders and built with MkDocs, in this process or in a new one."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import textwrap
import traceback
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock
from jinja2 import Environment

from mkdocs_rectify.mkdocs_serve import CompiledTemplates

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
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

REPORT_YML = """\
title: 测试单位关于巡察整改情况的通报
issuer: 测试单位党组
published: 2024-05-06
"""


_COMPILED = CompiledTemplates()
"""Templates compiled once for all the builds of the test process (each build makes a new Jinja
environment, which would compile Material's templates again)."""


@contextlib.contextmanager
def _templates_compiled_once() -> Iterator[None]:
    from mkdocs.theme import Theme

    get_env = Theme.get_env

    def get_env_with_cache(theme: Theme) -> Environment:
        environment = get_env(theme)
        environment.bytecode_cache = _COMPILED
        return environment

    Theme.get_env = get_env_with_cache
    try:
        yield
    finally:
        Theme.get_env = get_env


@dataclass
class Build:
    """The outcome of one `mkdocs build`: exit code, output and the site folder."""

    returncode: int
    output: str
    site: Path

    def html(self, url: str) -> str:
        path = self.site / url.strip("/") / "index.html" if not url.endswith(".html") else self.site / url
        return path.read_text("utf-8")


def build_site(project: Path, *args: str) -> Build:
    """`mkdocs build` of ``project`` run by MkDocs' own command line in this process.

    The exit code and the printed log are those of the command; an exception that escapes it is
    printed with its traceback, as the command would print it. A fresh configuration and a fresh
    plugin instance are made for every build, so builds share nothing but imported modules."""
    from click.testing import CliRunner
    from mkdocs.__main__ import cli

    logger = logging.getLogger("mkdocs")
    handlers, level, propagate = list(logger.handlers), logger.level, logger.propagate
    # The command also drops repeated messages of a build (a filter it adds on each run, which would
    # hide a message the next build logs again) and sets how warnings are shown.
    build_log = logging.getLogger("mkdocs.commands.build")
    filters = list(build_log.filters)
    try:
        # In the project's folder, as the command is run there: messages name files relative to it.
        with contextlib.chdir(project), warnings.catch_warnings(), _templates_compiled_once():
            result = CliRunner().invoke(cli, ["build", *args], env={"NO_MKDOCS_2_WARNING": "1"})
    finally:
        # The command adds a log handler on each run (bound to its captured stream); take it off.
        for handler in set(logger.handlers) - set(handlers):
            logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
        build_log.filters[:] = filters
    output = result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        output += "".join(traceback.format_exception(result.exception))
    return Build(result.exit_code, output, project / "site")


def run_mkdocs(project: Path, *args: str, timeout: float = 180) -> Build:
    """`mkdocs build` of ``project`` in a new process: for what only a process shows (its exit, its
    environment, what it leaves running)."""
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


class OncePerRun:
    """What the session fixtures make once for the whole test run, named by the caller.

    Run as one process (plain ``pytest``), everything is made in that process's temporary folder. Run
    by pytest-xdist in several processes, each thing is made by the first process that asks for it, in
    a folder every process of the run shares (beside their own temporary folders), while the others
    wait on its lock; they then read the record it left. A make that fails leaves no record: the next
    process to ask makes it again, and fails as the first did."""

    def __init__(self, factory: Any) -> None:
        self._factory = factory
        self._values: dict[str, Any] = {}
        self._across_processes = bool(os.environ.get("PYTEST_XDIST_WORKER"))

    def value(self, name: str, make: Callable[[], Any]) -> Any:
        """``make()``, a JSON value, made once for the run."""
        if name not in self._values:
            self._values[name] = self._once(name, lambda _: make()) if self._across_processes else make()
        return self._values[name]

    def build(self, name: str, make: Callable[[Path], Build]) -> Build:
        """``make(folder)``, a build in an empty folder of its own, made once for the run."""
        if name not in self._values:
            if not self._across_processes:
                self._values[name] = make(self._factory.mktemp(name))
            else:

                def record(folder: Path) -> dict[str, Any]:
                    build = make(folder)
                    return {"returncode": build.returncode, "output": build.output, "site": str(build.site)}

                made = self._once(name, record)
                self._values[name] = Build(made["returncode"], made["output"], Path(made["site"]))
        return self._values[name]

    def _once(self, name: str, make: Callable[[Path], Any]) -> Any:
        """``make(folder)`` run by the first process of the run to ask; its JSON record for the others."""
        folder = self._factory.getbasetemp().parent / "once" / name
        folder.parent.mkdir(exist_ok=True)
        record = folder.with_name(f"{name}.json")
        with FileLock(folder.with_name(f"{name}.lock")):
            if record.exists():
                return json.loads(record.read_text("utf-8"))
            shutil.rmtree(folder, ignore_errors=True)  # what a failed make left
            folder.mkdir()
            made = make(folder)
            record.write_text(json.dumps(made, ensure_ascii=False), "utf-8")
            return made


class SharedBuilds:
    """Sites built once per test run, keyed by their files and build arguments.

    For tests that only read what a build wrote: two tests asking for the same files get the same
    build. A test that changes the project or the site builds its own with ``make_site``."""

    def __init__(self, once: OncePerRun) -> None:
        self._once = once

    def __call__(self, files: Mapping[str, str], *args: str) -> Build:
        key = hashlib.sha256(
            json.dumps([sorted(files.items()), args], ensure_ascii=False).encode()
        ).hexdigest()

        def make(project: Path) -> Build:
            write_tree(project, {"docs/.keep": "", **files})
            return build_site(project, *args)

        return self._once.build(f"shared-{key[:16]}", make)
