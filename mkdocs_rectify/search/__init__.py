"""Full-text search: the Pagefind indexer, the search page's view and the traditional→simplified map.

Nothing here imports MkDocs; ``plugin.py`` calls these helpers from its events.
"""

from __future__ import annotations

from mkdocs_rectify.search.hanzi import site_characters, traditional_map
from mkdocs_rectify.search.indexer import BUNDLE_DIR, IndexStats, index_site
from mkdocs_rectify.search.view import SearchView

__all__ = ["BUNDLE_DIR", "IndexStats", "SearchView", "index_site", "site_characters", "traditional_map"]
