"""The one exception the importer raises for input it cannot use."""

from __future__ import annotations

__all__ = ["NoticeImportError"]


class NoticeImportError(Exception):
    """The input cannot be imported: empty, binary, no article, no recognisable problem, …

    The message is one line in plain words, without the file name; callers add the name.
    """
