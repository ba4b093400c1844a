"""The `mkdocs-rectify` command run by its click command in the test process, or in a process of
its own where the process itself is under test (its exit status as a shell sees it)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    """What one run of the command gave: exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str


def rectify(*args: str, cwd: Path | None = None) -> Run:
    """`mkdocs-rectify ARGS` in this process, in ``cwd`` (messages name files relative to it).

    An exception that escapes the command is printed with its traceback, as the command would."""
    from click.testing import CliRunner

    from mkdocs_rectify.cli import main

    with contextlib.chdir(cwd or Path.cwd()):
        result = CliRunner().invoke(main, list(args), prog_name="mkdocs-rectify")
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
    return Run(result.exit_code, result.stdout, stderr)


def rectify_process(*args: str, cwd: Path | None = None, timeout: float = 60) -> Run:
    """`python -m mkdocs_rectify ARGS` in a process of its own."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_rectify", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return Run(result.returncode, result.stdout, result.stderr)
