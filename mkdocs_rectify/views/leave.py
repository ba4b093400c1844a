"""The notice pages before leaving the site (即将离开本网站): which there are, and what each shows."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_rectify.leave import Destination
from mkdocs_rectify.pages import PageKind

__all__ = ["NoticeRegistry", "NoticeView"]


class NoticeRegistry:
    """The destinations of one build and the pages that link to each, for the notice pages."""

    def __init__(self) -> None:
        self._destinations: dict[str, Destination] = {}
        self._referrers: dict[str, set[str]] = {}

    def add(self, destination: Destination, referrer: str | None) -> None:
        """Record that a page (its URL from the site root) links to ``destination``; None for a link
        that is on a page with no fixed URL (the 404 page) or on every page (the theme's)."""
        self._destinations.setdefault(destination.key, destination)
        referrers = self._referrers.setdefault(destination.key, set())
        referrers.add(referrer if referrer is not None else "\0")  # "\0": no single page

    def destinations(self) -> list[Destination]:
        """Every destination, in a stable order (by key), so that builds are reproducible."""
        return [self._destinations[key] for key in sorted(self._destinations)]

    def __contains__(self, key: object) -> bool:
        return key in self._destinations

    def view(self, destination: Destination, home_url: str) -> NoticeView:
        """The notice page's view: 返回 leads to the only page linking here, else the home page."""
        referrers = self._referrers.get(destination.key, set())
        if len(referrers) == 1 and "\0" not in referrers:
            return NoticeView(destination, next(iter(referrers)), back_home=False)
        return NoticeView(destination, home_url, back_home=True)

    def view_of(self, key: str, home_url: str) -> NoticeView:
        """The view of the notice page of the destination with ``key``."""
        return self.view(self._destinations[key], home_url)

    def __len__(self) -> int:
        return len(self._destinations)


@dataclass(frozen=True)
class NoticeView:
    """What ``rectify/leave.html`` receives as ``rectify_page``."""

    destination: Destination
    back_url: str
    """Where 返回 leads, from the site root: the one page linking to the destination, or the home page."""
    back_home: bool
    """Whether 返回 leads to the home page because several pages (or none) link to the destination."""

    kind = PageKind.LEAVE.value
