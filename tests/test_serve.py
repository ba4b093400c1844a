"""`mkdocs serve` watches content/, which lies outside docs_dir, and shows content errors in the page."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import MINIMAL_CONFIG, REPORT_YML, problem_file


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    page = None
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{text!r} not served at {url} within {timeout} s; last page: {(page or '')[:300]}")


@contextlib.contextmanager
def mkdocs_serve(project: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run `mkdocs serve` in ``project`` on a free loopback port; yield its URL and process."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def served(make_site) -> Iterator[tuple[Path, str, subprocess.Popen]]:
    project = make_site(
        {"content/r-2024/report.yml": REPORT_YML, "content/r-2024/01.md": problem_file(1, "原来的标题")}
    )
    with mkdocs_serve(project) as (base, process):
        yield project, base, process


def test_editing_a_problem_title_is_served(served) -> None:
    project, base, _ = served
    wait_for(f"{base}/r-2024/1/", "问题1：原来的标题")
    (project / "content/r-2024/01.md").write_text(problem_file(1, "修改后的标题"), "utf-8")
    wait_for(f"{base}/r-2024/1/", "问题1：修改后的标题")


def test_a_content_error_is_shown_in_the_browser_without_a_traceback(served) -> None:
    project, base, process = served
    wait_for(f"{base}/r-2024/1/", "原来的标题")
    (project / "content/r-2024/01.md").write_text(problem_file(1, "标题", status="done"), "utf-8")
    page = wait_for(f"{base}/", "内容有误，网站未能生成")
    assert "r-2024/01.md" in page and "&#39;done&#39; is not a status" in page
    (project / "content/r-2024/01.md").write_text(problem_file(1, "改好了"), "utf-8")
    wait_for(f"{base}/r-2024/1/", "问题1：改好了")
    process.terminate()
    output = process.communicate(timeout=10)[0]
    assert "Traceback" not in output
    assert "r-2024/01.md:4: status: 'done' is not a status" in output


def test_strict_serve_shows_the_error_page_instead_of_hanging(make_site) -> None:
    broken = problem_file(1, "标题", status="done")
    project = make_site(
        {"content/r-2024/report.yml": REPORT_YML, "content/r-2024/01.md": broken},
        config=MINIMAL_CONFIG + "strict: true\n",
    )
    with mkdocs_serve(project) as (base, process):
        page = wait_for(f"{base}/", "内容有误，网站未能生成", timeout=30)
        assert "&#39;done&#39; is not a status" in page
        (project / "content/r-2024/01.md").write_text(problem_file(1, "改好了"), "utf-8")
        wait_for(f"{base}/r-2024/1/", "问题1：改好了", timeout=30)
        (project / "content/r-2024/01.md").write_text(broken, "utf-8")
        wait_for(f"{base}/", "内容有误，网站未能生成", timeout=30)
        process.terminate()
        output = process.communicate(timeout=10)[0]
    assert "Traceback" not in output and "Aborted" not in output
    assert "r-2024/01.md:4: status: 'done' is not a status" in output


def test_an_edited_problem_updates_its_pages_the_overview_and_the_open_data(make_site) -> None:
    project = make_site(
        {
            "content/r-2024/report.yml": REPORT_YML,
            "content/r-2024/01.md": problem_file(1, "原来的标题"),
            "content/r-2024/02.md": problem_file(2, "没有改的问题"),
        }
    )
    with mkdocs_serve(project) as (base, _):
        wait_for(f"{base}/r-2024/", "原来的标题")
        assert "未完成" not in (fetch(f"{base}/") or "")
        (project / "content/r-2024/01.md").write_text(problem_file(1, "修改后的标题", "not_done"), "utf-8")
        wait_for(f"{base}/r-2024/1/", "问题1：修改后的标题")
        wait_for(f"{base}/r-2024/", "修改后的标题")
        wait_for(f"{base}/", "未完成")  # the overview counts the problem as not done
        wait_for(f"{base}/data/rectify.json", "修改后的标题")
        wait_for(f"{base}/data/r-2024.csv", "修改后的标题")
        assert "没有改的问题" in wait_for(f"{base}/r-2024/2/", "问题2")
