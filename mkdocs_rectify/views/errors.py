"""The page shown instead of the site while the content has errors (under ``mkdocs serve``)."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_rectify.loader import ContentError
from mkdocs_rectify.pages import PageKind

__all__ = ["ErrorsView"]


@dataclass(frozen=True)
class ErrorsView:
    """What ``rectify/errors.html`` receives as ``rectify_page``: every error, in the order found."""

    kind = PageKind.ERRORS.value
    errors: list[ContentError]
