"""Runs Pagefind over a built site: the binary shipped in the ``pagefind[extended]`` wheel.

The extended binary segments Chinese into words; nothing is downloaded at build time.
Only elements marked ``data-pagefind-body`` (problem pages and the report's own text) are
indexed, so the user guide and the generated lists do not crowd the results. The bundle is then
put in a stable order (:mod:`mkdocs_rectify.search.stable`): the same site gives the same files.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs_rectify.search.stable import FormatError, stabilise

__all__ = ["BUNDLE_DIR", "IndexCancelled", "IndexStats", "PagefindError", "index_site"]

BUNDLE_DIR = "pagefind"
"""The search bundle's folder inside ``site_dir``."""

# Pagefind writes three ready-made user interfaces next to its search API. The site uses its
# own accessible interface over the API (``assets/rectify/search.js``), so these are removed.
_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class PagefindError(RuntimeError):
    """Pagefind is missing or failed; the message holds its output."""


class IndexCancelled(RuntimeError):
    """The run was cancelled before Pagefind finished (a newer build is to be indexed instead)."""


@dataclass(frozen=True)
class IndexStats:
    """What one indexing run did."""

    pages: int
    words: int
    seconds: float
    bundle: Path


def _executable() -> Path:
    try:
        from pagefind.service import get_executable
    except ImportError:  # pragma: no cover - the package is a dependency
        get_executable = None  # type: ignore[assignment]
    path = get_executable() if get_executable else None
    if path is None:
        raise PagefindError(
            "the Pagefind binary is missing: install the 'pagefind[extended]' package "
            "(pip install 'pagefind[extended]')"
        )
    return path


def _count(pattern: str, output: str) -> int:
    match = re.search(pattern, output)
    return int(match.group(1)) if match else 0


def index_site(
    site_dir: Path,
    *,
    language: str,
    bundle_dir: str = BUNDLE_DIR,
    output: Path | None = None,
    cancelled: threading.Event | None = None,
) -> IndexStats:
    """Index ``site_dir`` into ``site_dir/bundle_dir`` as one index of ``language`` (ISO 639-1).

    One language for the whole site: the search page then finds every page whatever the
    ``lang`` of the page it runs on, and Chinese text is always segmented into words.

    With ``output``, the bundle is written there instead, outside the site (the site served by
    ``mkdocs serve`` keeps its index until the new one is complete). When ``cancelled`` is set
    while Pagefind runs, Pagefind is stopped and :class:`IndexCancelled` raised.
    """
    site_dir = Path(site_dir)
    bundle = Path(output) if output is not None else site_dir / bundle_dir
    if bundle.exists():
        shutil.rmtree(bundle)
    where = ["--output-path", str(bundle)] if output is not None else ["--output-subdir", bundle_dir]
    command = [str(_executable()), "--site", str(site_dir), *where, "--force-language", language]
    start = time.perf_counter()
    returncode, output_text = _run(command, cancelled)
    seconds = time.perf_counter() - start
    if returncode != 0 or not (bundle / "pagefind.js").is_file():
        raise PagefindError(f"Pagefind failed (exit {returncode}):\n{output_text.strip()}")
    for name in _UNUSED:
        (bundle / name).unlink(missing_ok=True)
    try:
        stabilise(bundle)
    except FormatError as error:
        raise PagefindError(f"the index Pagefind wrote is not in the expected form: {error}") from None
    return IndexStats(
        pages=_count(r"Indexed (\d+) pages?", output_text),
        words=_count(r"Indexed (\d+) words?", output_text),
        seconds=seconds,
        bundle=bundle,
    )


def _run(command: list[str], cancelled: threading.Event | None) -> tuple[int, str]:
    """Run Pagefind: its exit code and its output; stopped as soon as ``cancelled`` is set."""
    if cancelled is None:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        return result.returncode, result.stdout + result.stderr
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: nothing to read while waiting
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        while process.poll() is None:
            if cancelled.wait(0.05):
                process.terminate()
                process.wait()
                raise IndexCancelled("a newer build is to be indexed")
        log.seek(0)
        return process.returncode, log.read().decode("utf-8", "replace")
