"""The import report printed after an import: problems per status, metadata, chrome, warnings.

Its labels and messages are the locale's (``importer:`` in ``locales/<code>.yml``): Chinese for a
Chinese-speaking editor, English with ``--lang en``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs_rectify.importer.messages import Fields, fields, say
from mkdocs_rectify.importer.result import ImportResult
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Status

__all__ = ["FIELDS", "metadata_presence", "render_report"]

FIELDS = (
    "title",
    "issuer",
    "source",
    "published",
    "index_number",
    "disclosure",
    "inspection.body",
    "inspection.start",
    "inspection.end",
    "inspection.feedback",
    "intro",
    "contact.phone",
    "contact.address",
    "contact.postcode",
    "contact.email",
    "contact.note",
    "declared",
)
"""The report metadata the import report says it found or not, as dotted names."""
_LIMIT = 70


def metadata_presence(result: ImportResult) -> tuple[list[str], list[str]]:
    """(fields found, fields missing) of the report metadata, as dotted names."""
    data = result.meta.model_dump()
    found, missing = [], []
    for name in FIELDS:
        value = data
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        (found if value not in (None, "", [], {}) else missing).append(name)
    return found, missing


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LIMIT else text[: _LIMIT - 1] + "…"


def _status(locale: Locale, status: Status) -> str:
    return status.value if locale.code == "en" else locale.status(status)


def render_report(result: ImportResult, written: Path | None = None, locale: Locale | None = None) -> str:
    """The import report as text, one fact per line, in the locale's language (English by default)."""
    locale = locale or Locale("en")

    def t(key: str, **values: object) -> str:
        return locale.t(f"importer.report.{key}", **values)

    counts = {status: 0 for status in Status}
    for problem in result.problems:
        counts[problem.front_matter.status] += 1
    found, missing = metadata_presence(result)
    shown_counts = t("count_separator").join(
        t("count", status=_status(locale, status), count=counts[status]) for status in Status
    )
    lines = [
        t(
            "imported",
            source=result.source_name,
            encoding=result.encoding,
            layout=result.layout,
            id=result.report_id,
        ),
        t("problems", total=len(result.problems), counts=shown_counts),
        t("found", fields=fields(locale, Fields(found)) if found else t("none")),
        t("missing", fields=fields(locale, Fields(missing)) if missing else t("none")),
    ]
    lines.extend(t("derived", note=say(locale, note)) for note in result.derived)
    lines.append(t("dropped", count=len(result.dropped)))
    for item in result.dropped:
        where = t("line", line=item.line) if item.line else t("page")
        lines.append(t("dropped_item", where=where, why=_why(locale, item.why), text=_short(item.text)))
    lines.append(t("warnings", count=len(result.warnings)))
    lines.extend(f"  - {say(locale, warning)}" for warning in result.warnings)
    if result.meta.draft:
        lines.append(t("draft"))
    if written is not None:
        lines.append(t("written", path=written, files=len(result.problems) + 1))
    return "\n".join(lines)


def _why(locale: Locale, why: str) -> str:
    try:
        return locale.t(f"importer.chrome.{why}")
    except KeyError:
        return why
