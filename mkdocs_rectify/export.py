"""Open data: ``data/rectify.json``, ``data/<report-id>.csv`` and the JSON Schemas.

These files are a contract other tools read. Their bytes depend only on the content and the build
date (``clock.py``; what is overdue is judged by it), never the wall clock, so the same content
built on the same day (or with the same ``SOURCE_DATE_EPOCH``) always gives the same files.

``rectify.json`` (``schema_version`` 2) holds every published report with every field of its
``report.yml`` and of its problems' front-matter, and the facts derived from them (``tracking.py``):
per problem ``overdue``, ``current_deadline``, ``deadline_moved`` and ``last_updated``; per report
and for the site, counts per status, ``overdue``, ``withdrawn`` and the completion ``rate``. A
withdrawn problem is listed apart (``withdrawn_problems``, with the date and reason), and so is a
withdrawn report (``withdrawn_reports``); neither is in the counts. ``data/records.schema.json`` is
its JSON Schema, made from the record models below; ``data/schema.json`` stays the schema of a
problem's front-matter. Version 1 had no derived fields, no site summary and no withdrawals.

The CSV has one row per problem of the report in number order, withdrawn ones included (with
``withdrawn_on`` and ``withdrawn_reason`` and no other text); its columns are :data:`CSV_COLUMNS`,
in that order, new ones only ever added at the end.

The CSV is opened by readers in spreadsheets (Excel, WPS), which run a cell that starts with ``=``,
``+``, ``-`` or ``@`` (or a tab or carriage return before one) as a formula: such a cell gets a
leading ``'``, as OWASP advises against CSV injection, and is shown as the text it holds. The
JSON, read by programs, keeps the exact text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from mkdocs_rectify import clock
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Problem, ProblemFrontMatter, Report, ReportMeta, Site, Status, Withdrawal
from mkdocs_rectify.pages import DATA_JSON, DATA_RECORDS_SCHEMA, DATA_REPORT_SCHEMA, DATA_SCHEMA, data_csv
from mkdocs_rectify.tracking import Counts, SiteFacts

__all__ = [
    "CSV_COLUMNS",
    "SCHEMA_VERSION",
    "SiteRecord",
    "csv_bytes",
    "json_bytes",
    "open_data",
    "records_schema_bytes",
    "schema_bytes",
]

SCHEMA_VERSION = 2
"""The version of ``rectify.json``'s records; raised whenever they change."""

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
    # schema_version 2: the derived facts and withdrawals
    "overdue",
    "current_deadline",
    "last_updated",
    "withdrawn_on",
    "withdrawn_reason",
)


_RECORD = ConfigDict(
    extra="forbid", use_attribute_docstrings=True, json_schema_serialization_defaults_required=True
)
"""Records are published with every field: the schema requires each, null where there is no value."""


class _Record(BaseModel):
    model_config = _RECORD


class SummaryRecord(_Record):
    """Counts of a report's or the site's problems on the build date (see ``tracking.Counts``)."""

    total: int
    """Published problems (withdrawn ones are not counted)."""
    completed: int
    ongoing: int
    in_progress: int
    not_done: int
    rate: float
    """Completion rate in percent, completed / total, one decimal."""
    overdue: int
    """Problems in progress or not done whose current deadline is before the build date."""
    withdrawn: int
    """Problems withdrawn after publication, counted apart."""


class ProblemRecord(Problem):
    """A published problem: every field of its front-matter, its statement, and the derived facts."""

    model_config = _RECORD
    report_id: Annotated[str, Field(exclude=True)]
    source_path: Annotated[str, Field(exclude=True)]
    withdrawn: Annotated[None, Field(exclude=True)] = None
    url: str
    """Its page, from the site root."""
    overdue: bool
    """In progress or not done, and its current deadline before the build date (逾期)."""
    current_deadline: dt.date | None
    """The deadline in force: ``deadline`` as moved by the history."""
    deadline_moved: bool
    """Whether the history moved the deadline."""
    last_updated: dt.date
    """The date of the latest history entry, else the report's publication date."""


class WithdrawnProblemRecord(_Record):
    """A problem withdrawn after publication: what it was and when and why it was withdrawn."""

    number: int
    title: str
    former_numbers: list[int]
    withdrawn: Withdrawal
    url: str
    """The page at its address, which says it was withdrawn."""


class ReportRecord(ReportMeta):
    """A published report: every field of its ``report.yml``, its counts and its problems."""

    model_config = _RECORD
    withdrawn: Annotated[None, Field(exclude=True)] = None
    id: str
    url: str
    summary: SummaryRecord
    last_updated: dt.date
    """The latest last-updated date of its problems (its publication date at least)."""
    problems: list[ProblemRecord]
    withdrawn_problems: list[WithdrawnProblemRecord]


class WithdrawnReportRecord(_Record):
    """A report withdrawn after publication."""

    id: str
    url: str
    """The page at its address, which says it was withdrawn."""
    title: str
    issuer: str
    published: dt.date
    former_ids: list[str]
    withdrawn: Withdrawal


class SiteRecord(_Record):
    """``rectify.json``: every report of the site and the site's counts on the build date."""

    schema_version: Literal[2]
    as_of: dt.date
    """The build date: what is overdue is judged on it (数据截至)."""
    summary: SummaryRecord
    reports: list[ReportRecord]
    """Published reports, newest first."""
    withdrawn_reports: list[WithdrawnReportRecord]


def _summary(counts: Counts) -> dict[str, Any]:
    return {
        "total": counts.total,
        **{status.value: counts.by_status[status] for status in Status},
        "rate": counts.rate,
        "overdue": counts.overdue,
        "withdrawn": counts.withdrawn,
    }


def _problem_data(problem: Problem, url: str, facts: SiteFacts) -> dict[str, Any]:
    data = problem.model_dump(mode="json", exclude={"report_id", "source_path", "withdrawn"})
    derived = facts.of(problem)
    data["url"] = url
    data["overdue"] = derived.overdue
    data["current_deadline"] = derived.deadline.isoformat() if derived.deadline else None
    data["deadline_moved"] = derived.deadline_moved
    data["last_updated"] = derived.last_updated.isoformat() if derived.last_updated else None
    return data


def _withdrawn_problem(problem: Problem, url: str) -> dict[str, Any]:
    return {
        "number": problem.number,
        "title": problem.title,
        "former_numbers": problem.former_numbers,
        "withdrawn": problem.withdrawn.model_dump(mode="json") if problem.withdrawn else None,
        "url": url,
    }


def _report_data(report: Report, url_of: UrlOf, facts: SiteFacts) -> dict[str, Any]:
    return {
        "id": report.id,
        "url": url_of(report.id, None),
        **report.meta.model_dump(mode="json", exclude={"withdrawn"}),
        "summary": _summary(facts.report(report)),
        "last_updated": _iso(facts.last_updated(report)),
        "problems": [_problem_data(p, url_of(report.id, p.number), facts) for p in report.problems],
        "withdrawn_problems": [
            _withdrawn_problem(p, url_of(report.id, p.number)) for p in report.withdrawn_problems
        ],
    }


def _withdrawn_report(report: Report, url_of: UrlOf) -> dict[str, Any]:
    meta = report.meta
    return {
        "id": report.id,
        "url": url_of(report.id, None),
        "title": meta.title,
        "issuer": meta.issuer,
        "published": meta.published.isoformat() if meta.published else None,
        "former_ids": meta.former_ids,
        "withdrawn": meta.withdrawn.model_dump(mode="json") if meta.withdrawn else None,
    }


def json_bytes(site: Site, url_of: UrlOf, today: dt.date | None = None) -> bytes:
    """``rectify.json``: every report and every problem, with every model field and the derived facts
    on ``today`` (the site's build date unless given)."""
    facts = SiteFacts(site, today)
    document = {
        "schema_version": SCHEMA_VERSION,
        "as_of": facts.today.isoformat(),
        "summary": _summary(facts.totals),
        "reports": [_report_data(report, url_of, facts) for report in site.reports],
        "withdrawn_reports": [_withdrawn_report(report, url_of) for report in site.withdrawn_reports],
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


def csv_bytes(report: Report, url_of: UrlOf, locale: Locale, facts: SiteFacts | None = None) -> bytes:
    """One row per problem in number order, withdrawn ones included, UTF-8 with BOM so that Excel
    reads the Chinese text correctly; the derived facts from ``facts`` (of the report's site), by
    default judged on :func:`clock.build_date`, as the loader judges dates by default.

    No cell is run as a formula by a spreadsheet (see ``FORMULA_STARTS``)."""
    if facts is None:
        facts = SiteFacts(Site(reports=[report]), clock.build_date())
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    every = sorted([*report.problems, *report.withdrawn_problems], key=lambda p: p.number)
    for problem in every:
        url = url_of(report.id, problem.number)
        if problem.withdrawn is not None:
            gone = problem.withdrawn
            row = [report.id, problem.number, problem.title, *[""] * 10, url, "", "", ""]
            writer.writerow([_cell(value) for value in [*row, gone.date.isoformat(), gone.reason]])
            continue
        derived = facts.of(problem)
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
            url,
            "true" if derived.overdue else "false",
            derived.deadline.isoformat() if derived.deadline else "",
            derived.last_updated.isoformat() if derived.last_updated else "",
            "",
            "",
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


def records_schema_bytes() -> bytes:
    """The JSON Schema of ``rectify.json`` (its records, as published)."""
    schema = SiteRecord.model_json_schema(mode="serialization")
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "mkdocs-rectify open data (rectify.json)",
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def open_data(site: Site, url_of: UrlOf, locale: Locale) -> dict[str, bytes]:
    """Every open data file of a site by its path: the JSON, the schemas, a CSV per report."""
    files = {
        DATA_JSON: json_bytes(site, url_of),
        DATA_SCHEMA: schema_bytes("problem"),
        DATA_REPORT_SCHEMA: schema_bytes("report"),
        DATA_RECORDS_SCHEMA: records_schema_bytes(),
    }
    facts = SiteFacts(site)
    for report in site.reports:
        files[data_csv(report.id)] = csv_bytes(report, url_of, locale, facts)
    return files


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
