"""What each generated page's template receives as ``rectify_page``, and ``rectify`` in every template.

:class:`SiteViews` is the one entry point; one module per family of pages (``report``,
``overview``, ``search``, ``statement``, ``leave``, ``errors``) and the template helpers
(``templating``). Nothing here imports MkDocs.
"""

from __future__ import annotations

from mkdocs_rectify.pages import PageKind
from mkdocs_rectify.views.site import SiteViews

__all__ = ["PageKind", "SiteViews"]
