"""The import report printed after an import: problems per status, metadata, chrome, warnings."""

from __future__ import annotations

from pathlib import Path

from mkdocs_rectify.importer.result import ImportResult
from mkdocs_rectify.model import Status

__all__ = ["metadata_presence", "render_report"]

_FIELDS = (
    ("title", "文件名称"),
    ("issuer", "发布机构"),
    ("source", "来源"),
    ("published", "成文/发布日期"),
    ("index_number", "信息索引号"),
    ("disclosure", "公开方式"),
    ("inspection.body", "巡察组"),
    ("inspection.start", "巡察开始"),
    ("inspection.end", "巡察结束"),
    ("inspection.feedback", "反馈日期"),
    ("intro", "导语"),
    ("contact.phone", "电话"),
    ("contact.address", "地址"),
    ("contact.postcode", "邮政编码"),
    ("contact.email", "电子邮箱"),
    ("contact.note", "联系说明"),
    ("declared", "声明的问题数"),
)
_LIMIT = 70


def metadata_presence(result: ImportResult) -> tuple[list[str], list[str]]:
    """(fields found, fields missing) of the report metadata, as dotted names."""
    data = result.meta.model_dump()
    found, missing = [], []
    for name, _label in _FIELDS:
        value = data
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        (found if value not in (None, "", [], {}) else missing).append(name)
    return found, missing


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LIMIT else text[: _LIMIT - 1] + "…"


def render_report(result: ImportResult, written: Path | None = None) -> str:
    """The import report as text, one fact per line."""
    counts = {status: 0 for status in Status}
    for problem in result.problems:
        counts[problem.front_matter.status] += 1
    labels = dict(_FIELDS)
    found, missing = metadata_presence(result)
    lines = [
        f"Imported {result.source_name} ({result.encoding}, layout {result.layout})"
        f" as report {result.report_id}",
        f"Problems: {len(result.problems)} — "
        + ", ".join(f"{status.value} {counts[status]}" for status in Status),
        "Metadata found: " + (", ".join(f"{name} ({labels[name]})" for name in found) or "none"),
        "Metadata missing: " + (", ".join(f"{name} ({labels[name]})" for name in missing) or "none"),
    ]
    lines.extend(f"  derived: {note}" for note in result.derived)
    lines.append(f"Dropped page chrome: {len(result.dropped)}")
    for item in result.dropped:
        where = f"line {item.line}" if item.line else "page"
        lines.append(f"  - {where} ({item.why}): {_short(item.text)}")
    lines.append(f"Warnings: {len(result.warnings)}")
    lines.extend(f"  - {warning}" for warning in result.warnings)
    if written is not None:
        lines.append(f"Written: {written} ({len(result.problems) + 1} files)")
    return "\n".join(lines)
