"""What an import produces, before anything is written."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_rectify.importer.chrome import Dropped
from mkdocs_rectify.model import ProblemFrontMatter, ReportMeta

__all__ = ["ImportResult", "ImportedProblem"]


@dataclass(frozen=True)
class ImportedProblem:
    front_matter: ProblemFrontMatter
    statement: str
    """The problem statement (问题表现): the Markdown body of the problem file."""


@dataclass(frozen=True)
class ImportResult:
    source_name: str
    report_id: str
    meta: ReportMeta
    problems: tuple[ImportedProblem, ...]
    layout: str
    """Which layout the problems were read in."""
    encoding: str
    dropped: tuple[Dropped, ...]
    """Page chrome that was recognised and removed."""
    warnings: tuple[str, ...]
    derived: tuple[str, ...]
    """Metadata that was inferred rather than read from a labelled field, in plain words."""
    article_text: str
    """The article as imported: chrome removed, punctuation normalised, one paragraph per line."""
