"""Full-text search: the Pagefind indexer and the traditional→simplified map.

Nothing here imports MkDocs; ``plugin.py`` calls these helpers from its events, and the search
page's view lives with the other views (``views/search.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_rectify.model import Site
from mkdocs_rectify.search.hanzi import content_language, map_json, site_characters, traditional_map
from mkdocs_rectify.search.indexer import BUNDLE_DIR, IndexStats, index_site

__all__ = [
    "BUNDLE_DIR",
    "IndexStats",
    "SearchInput",
    "index_site",
    "search_input",
    "site_characters",
    "traditional_map",
]


@dataclass(frozen=True)
class SearchInput:
    """What the search needs from the content before the site is built."""

    language: str
    """The language the indexer segments the text in (``zh`` for Chinese)."""
    table: bytes
    """The traditional→simplified table of the content's characters, as the search page loads it."""


def search_input(site: Site, fallback_language: str) -> SearchInput:
    """The content's language (``fallback_language`` when it cannot tell) and table, from one pass."""
    dumps = [report.model_dump(exclude={"withdrawn_problems"}) for report in site.reports]
    table = map_json(traditional_map(site_characters(dumps)))
    return SearchInput(content_language(dumps) or fallback_language, table)
