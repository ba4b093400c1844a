"""Open data: ``data/rectify.json``, ``data/<report-id>.csv`` and the JSON Schemas.

These files are a contract other tools read. Their bytes depend only on the content (no
timestamps), so the same content always gives the same files.

The CSV is opened by readers in spreadsheets (Excel, WPS), which run a cell that starts with ``=``,
``+``, ``-`` or ``@`` (or a tab or carriage return before one) as a formula: such a cell gets a
leading ``'``, as OWASP advises against CSV injection, and is shown as the text it holds. The
JSON, read by programs, keeps the exact text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Problem, ProblemFrontMatter, Report, ReportMeta, Site, Status
from mkdocs_rectify.pages import DATA_JSON, DATA_REPORT_SCHEMA, DATA_SCHEMA, data_csv

__all__ = ["CSV_COLUMNS", "SCHEMA_VERSION", "csv_bytes", "json_bytes", "open_data", "schema_bytes"]

SCHEMA_VERSION = 1

UrlOf = Callable[[str, int | None], str]
"""``url_of(report_id, number)``: site-relative URL of a problem page (of the report page for None)."""

CSV_COLUMNS = (
    "report_id",
    "number",
    "title",
    "status",
    "status_label",
    "category",
    "units",
    "deadline",
    "completed_on",
    "statement",
    "measures",
    "results",
    "next_steps",
    "url",
)


def _problem_data(problem: Problem, url: str) -> dict[str, Any]:
    data = problem.model_dump(mode="json", exclude={"report_id", "source_path"})
    data["url"] = url
    return data


def _report_data(report: Report, url_of: UrlOf) -> dict[str, Any]:
    summary = report.summary
    return {
        "id": report.id,
        "url": url_of(report.id, None),
        **report.meta.model_dump(mode="json"),
        "summary": {
            "total": summary.total,
            **{status.value: summary.by_status[status] for status in Status},
            "rate": summary.rate,
        },
        "problems": [_problem_data(p, url_of(report.id, p.number)) for p in report.problems],
    }


def json_bytes(site: Site, url_of: UrlOf) -> bytes:
    """``rectify.json``: every report and every problem, with every model field."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "reports": [_report_data(report, url_of) for report in site.reports],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""


def _cell(value: str | int) -> str | int:
    """``value`` as a CSV cell that a spreadsheet shows as text, never runs."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _items(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return "\n".join(f"{index}. {item}" for index, item in enumerate(items, 1))


def csv_bytes(report: Report, url_of: UrlOf, locale: Locale) -> bytes:
    """One row per problem, UTF-8 with BOM so that Excel reads the Chinese text correctly.

    No cell is run as a formula by a spreadsheet (see ``FORMULA_STARTS``)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for problem in report.problems:
        row = [
            report.id,
            problem.number,
            problem.title,
            problem.status.value,
            locale.status(problem.status),
            problem.category or "",
            "；".join(problem.units),
            problem.deadline.isoformat() if problem.deadline else "",
            problem.completed_on.isoformat() if problem.completed_on else "",
            problem.statement.strip(),
            _items(problem.measures),
            _items(problem.results),
            _items(problem.next_steps),
            url_of(report.id, problem.number),
        ]
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def schema_bytes(kind: str) -> bytes:
    """The JSON Schema of a problem file's front-matter (``problem``) or of ``report.yml`` (``report``)."""
    model = {"problem": ProblemFrontMatter, "report": ReportMeta}[kind]
    schema = model.model_json_schema()
    titles = {
        "problem": "mkdocs-rectify problem front-matter",
        "report": "mkdocs-rectify report.yml",
    }
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": titles[kind]}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def open_data(site: Site, url_of: UrlOf, locale: Locale) -> dict[str, bytes]:
    """Every open data file of a site by its path: the JSON, the schemas, a CSV per report."""
    files = {
        DATA_JSON: json_bytes(site, url_of),
        DATA_SCHEMA: schema_bytes("problem"),
        DATA_REPORT_SCHEMA: schema_bytes("report"),
    }
    for report in site.reports:
        files[data_csv(report.id)] = csv_bytes(report, url_of, locale)
    return files
