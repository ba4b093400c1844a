"""The guide's tutorial (十分钟建站), run as written from an empty folder.

The Chinese tutorial runs whole in one shell: a wheel built from a copy of this repository and
installed with pip into a fresh venv, its files written, ``validate``, ``mkdocs serve`` started,
asked for the home page and stopped, ``mkdocs build --strict``; publishing is shown, not run.
Two things differ from a reader's terminal: ``RECTIFY=`` names the copy of the repository, and
``mkdocs serve`` is given a free port. The English tutorial has the same commands (checked), so it
runs in the Chinese tutorial's environment, installed once: only its own files and site differ.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from support.builds import ROOT
from support.docs import Block, tutorial, version
from support.serve import free_port

INSTALL_TIMEOUT = 600  # pip installs every dependency into the fresh venv (from the local cache)
LINE = re.compile(r"^RECTIFY=\S+$", re.MULTILINE)


def script(steps: list[Block], checkout: Path) -> str:
    """One shell script of the tutorial's steps, in their order."""
    lines = ["set -euo pipefail"]
    for step in steps:
        action, *rest = step.words
        if action == "run":
            body, count = LINE.subn(f"RECTIFY={shlex.quote(str(checkout))}", step.body)
            assert count <= 1
            lines.append(body)
        elif action == "file":
            (path,) = rest
            lines.append(f"mkdir -p {shlex.quote(str(Path(path).parent))}")
            lines.append(f"cat > {shlex.quote(path)} <<'TUTORIAL_FILE_END'\n{step.body}TUTORIAL_FILE_END")
        elif action == "serve":
            port = free_port()
            lines += [
                f"{step.body.strip()} --dev-addr 127.0.0.1:{port} > serve.log 2>&1 &",
                "serve_pid=$!",
                f"python - http://127.0.0.1:{port}/ <<'TUTORIAL_FILE_END'\n{WAIT}TUTORIAL_FILE_END",
                "kill $serve_pid",
                "wait $serve_pid || true",
            ]
        else:
            assert action == "publish", step.where()
    return "\n".join(lines) + "\n"


WAIT = """\
import sys, time, urllib.request
deadline = time.monotonic() + 120
while True:
    try:
        with urllib.request.urlopen(sys.argv[1], timeout=5) as response:
            if response.status == 200 and b"scjgj-2024/" in response.read():
                print("served", sys.argv[1])
                break
    except OSError:
        pass
    if time.monotonic() > deadline:
        sys.exit("mkdocs serve did not serve the home page with the report")
    time.sleep(0.5)
"""


def run(script_text: str, folder: Path, timeout: float) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    # The reader's python3, not the test's venv; MkDocs 1.6 prints a notice about MkDocs 2 otherwise.
    paths = [p for p in environment.get("PATH", "").split(os.pathsep) if not p.startswith(str(ROOT))]
    environment.update(PATH=os.pathsep.join(paths), NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        ["bash", "-c", script_text],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{output}\n--- serve.log:\n{_log(folder)}"
    return output


def _log(folder: Path) -> str:
    log = folder / "serve.log"
    return log.read_text("utf-8") if log.exists() else ""


def steps(language: str, action: str) -> list[Block]:
    return [s for s in tutorial(language) if s.words[0] == action]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of this repository, as a reader has it (the wheel is built from it)."""
    copy = tmp_path_factory.mktemp("checkout") / "mkdocs-rectify"
    ignore = shutil.ignore_patterns(
        ".git", ".venv", "site", "build", "dist", "__pycache__", "*.egg-info", ".hypothesis", ".*cache"
    )
    shutil.copytree(ROOT, copy, ignore=ignore)
    return copy


@pytest.fixture(scope="module")
def chinese(tmp_path_factory: pytest.TempPathFactory, checkout: Path) -> tuple[Path, str]:
    """The Chinese tutorial, run whole from an empty folder."""
    folder = tmp_path_factory.mktemp("tutorial-zh")
    return folder, run(script(tutorial("zh"), checkout), folder, INSTALL_TIMEOUT)


def test_the_tutorial_has_every_step() -> None:
    for language in ("zh", "en"):
        actions = [s.words[0] for s in tutorial(language)]
        assert actions.count("serve") == 1 and actions.count("publish") == 1, language
        files = {s.words[1] for s in steps(language, "file")}
        assert {"mkdocs.yml", "content/scjgj-2024/report.yml"} <= files, language
        assert len([f for f in files if f.endswith(".md")]) == 2, language


def test_both_languages_give_the_same_commands() -> None:
    for action in ("run", "serve", "publish"):
        assert [s.body for s in steps("en", action)] == [s.body for s in steps("zh", action)], action


def test_the_chinese_tutorial_installs_serves_and_builds_a_site(chinese: tuple[Path, str]) -> None:
    folder, output = chinese
    assert f"mkdocs-rectify, version {version()}" in output  # the wheel of this version
    assert "1 report(s), 2 problem(s), valid" in output
    assert "served http://127.0.0.1:" in output
    installed = list((folder / ".venv/lib").glob("python3*/site-packages/mkdocs_rectify/plugin.py"))
    assert installed, "mkdocs-rectify is not installed in the tutorial's own venv"
    package = installed[0].parent  # the wheel holds the package's data files
    assert {"zh-CN.yml", "en.yml"} <= {p.name for p in (package / "locales/reference").glob("*.yml")}
    home = (folder / "site/index.html").read_text("utf-8")
    assert "中共示例区市场监督管理局党组关于巡察整改情况的通报" in home
    problem = (folder / "site/scjgj-2024/2/index.html").read_text("utf-8")
    assert "投诉举报办理超时" in problem and "正在整改" in problem


def test_the_english_tutorial_builds_an_english_site(
    chinese: tuple[Path, str], tmp_path: Path, checkout: Path
) -> None:
    zh_folder, _ = chinese
    first, *rest = tutorial("en")
    assert first.words == ["run"] and "pip install" in first.body  # installed once, by the Chinese run
    text = script(rest, checkout).replace("set -euo pipefail\n", "")
    run(f"set -euo pipefail\n. {shlex.quote(str(zh_folder / '.venv/bin/activate'))}\n{text}", tmp_path, 300)
    problem = (tmp_path / "site/scjgj-2024/2/index.html").read_text("utf-8")
    assert '<html lang="en"' in problem
    assert "Complaints handled late" in problem and "In progress" in problem
