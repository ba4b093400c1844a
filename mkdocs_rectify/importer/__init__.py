"""Import a published notice (巡察整改情况通报) from ``.txt`` or ``.html`` into a report folder.

A pure package: it imports nothing from MkDocs.

>>> result = import_notice(data, source_name="notice.txt")   # doctest: +SKIP
>>> write_report(result, Path("content"), force=False)        # doctest: +SKIP
PosixPath('content/hkszwglj-2022')
"""

from __future__ import annotations

from mkdocs_rectify.importer.errors import NoticeImportError
from mkdocs_rectify.importer.notice import import_notice
from mkdocs_rectify.importer.result import ImportedProblem, ImportResult
from mkdocs_rectify.importer.writer import write_report

__all__ = ["ImportResult", "ImportedProblem", "NoticeImportError", "import_notice", "write_report"]
