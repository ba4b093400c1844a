"""`mkdocs serve` run in a project on a free loopback port, and pages fetched from it until they show."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str | None:
    """The page at ``url``, or None when the server does not give it within ``timeout`` seconds."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
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
def mkdocs_serve(project: Path, *, temp: Path | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run `mkdocs serve` in ``project`` on a free loopback port; yield its URL and process.

    With ``temp``, the server's temporary folders (the site it serves) are made there."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"TMPDIR": str(temp)} if temp else {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


class ServerLog:
    """The lines a server prints, read as they come (the server never waits on a full pipe)."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.lines.append(line.rstrip())

    def mark(self) -> int:
        """Where the log is now, for :meth:`wait_for` to look only after it."""
        return len(self.lines)

    def wait_for(self, text: str, *, after: int = 0, timeout: float = 60) -> str:
        """The first line after line ``after`` that holds ``text``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines[after:]:
                if text in line:
                    return line
            time.sleep(0.1)
        last = "\n".join(self.lines[-20:])
        raise AssertionError(f"{text!r} not logged within {timeout} s; last lines:\n{last}")
