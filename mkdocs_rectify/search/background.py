"""The search index of a site being served (``mkdocs serve``), kept up to date in the background.

Pagefind takes seconds over a large site; under ``serve`` the edited page should show before
that. So each build is indexed in a thread once it is written (the browser reloads first), into a
folder beside the site, and the finished bundle is then swapped in for the one the site serves:
the search page always finds a whole bundle, the last build's until the new one is ready. A new
build cancels a run that has not finished (its pages are about to be replaced, and MkDocs is
about to empty the site folder); until the new run finishes, the site serves the last finished
bundle again. ``mkdocs build`` does not use this: it indexes in its own step, synchronously.
Imports nothing from MkDocs.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs_rectify.search.indexer import BUNDLE_DIR, IndexCancelled, IndexStats, PagefindError, index_site

__all__ = ["BackgroundIndex"]


class BackgroundIndex:
    """Indexes each build of a served site in a thread, one run at a time.

    The bundles are kept in a folder beside ``site_dir`` (on the same file system, so a finished
    bundle is moved into the site, not copied): the last finished one is linked back into the
    site after each build, then replaced when the new run is done."""

    def __init__(self, site_dir: Path) -> None:
        self._site = Path(site_dir)
        self._work = Path(tempfile.mkdtemp(prefix=".rectify-search-", dir=self._site.parent))
        self._last: Path | None = None
        self._runs = 0
        self._cancelled = threading.Event()
        self._thread: threading.Thread | None = None

    def start(
        self,
        prepare: Callable[[], str],
        done: Callable[[IndexStats], None],
        failed: Callable[[str], None],
    ) -> None:
        """Serve the last finished bundle, and index the site as now built in a thread.

        In that thread, ``prepare`` runs first and gives the language to index in; ``done`` is
        called once the new bundle is served, ``failed`` with the message when Pagefind fails;
        neither when the run is cancelled."""
        self.cancel()
        self._restore()
        self._runs += 1
        self._cancelled = threading.Event()
        output = self._work / f"bundle-{self._runs}"
        args = (output, prepare, self._cancelled, done, failed)
        self._thread = threading.Thread(target=self._run, args=args, name="rectify-search", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Stop the run under way, if any, and wait for it to end (before the site is rebuilt)."""
        self._cancelled.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the run under way to end; whether it has."""
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def close(self) -> None:
        """Cancel the run under way and remove the kept bundles."""
        self.cancel()
        shutil.rmtree(self._work, ignore_errors=True)

    def _restore(self) -> None:
        """Link the last finished bundle into the site, which MkDocs emptied before the build."""
        public = self._site / BUNDLE_DIR
        if self._last is None or public.exists():
            return
        staged = self._work / "staged"
        shutil.rmtree(staged, ignore_errors=True)
        shutil.copytree(self._last, staged, copy_function=os.link)  # hard links: no data copied
        staged.rename(public)

    def _run(
        self,
        output: Path,
        prepare: Callable[[], str],
        cancelled: threading.Event,
        done: Callable[[IndexStats], None],
        failed: Callable[[str], None],
    ) -> None:
        try:
            language = prepare()
            if cancelled.is_set():
                return
            stats = index_site(self._site, language=language, output=output, cancelled=cancelled)
        except IndexCancelled:
            shutil.rmtree(output, ignore_errors=True)
            return
        except (PagefindError, OSError) as error:
            shutil.rmtree(output, ignore_errors=True)
            failed(str(error))
            return
        if cancelled.is_set():
            shutil.rmtree(output, ignore_errors=True)
            return
        self._swap(output)
        done(stats)

    def _swap(self, bundle: Path) -> None:
        """Serve ``bundle`` in place of the site's bundle, and keep it as the last finished one."""
        public = self._site / BUNDLE_DIR
        staged = self._work / "staged"
        shutil.rmtree(staged, ignore_errors=True)
        shutil.copytree(bundle, staged, copy_function=os.link)
        retired = self._work / "retired"
        shutil.rmtree(retired, ignore_errors=True)
        if public.exists():
            public.rename(retired)
        staged.rename(public)  # the site is without a bundle only between these two renames
        shutil.rmtree(retired, ignore_errors=True)
        if self._last is not None and self._last != bundle:
            shutil.rmtree(self._last, ignore_errors=True)
        self._last = bundle
