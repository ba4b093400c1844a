"""The content model: a report and its problems.

This module is the contract between editors (YAML front-matter and ``report.yml``), the
site generator and the open data. It imports nothing from MkDocs.

Every model forbids unknown keys, so a misspelt field is an error rather than data that
silently disappears.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from mkdocs_rectify.messages import Message, invalid

__all__ = [
    "DRAFT_REQUIRED",
    "MAX_SAFE_INTEGER",
    "PHONE_PATTERN",
    "REPORT_ID_PATTERN",
    "Better",
    "Contact",
    "Declared",
    "HistoryEntry",
    "Inspection",
    "Metric",
    "Problem",
    "ProblemFrontMatter",
    "Report",
    "ReportMeta",
    "Site",
    "Status",
    "Summary",
    "Withdrawal",
    "is_phone_number",
]

REPORT_ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
"""Report ids appear in URLs and file names: lower-case ASCII letters, digits and hyphens.
Match it with ``re.fullmatch``: with ``re.match``, ``$`` also accepts a final newline."""

PHONE_PATTERN = r"^(?:[0-9０-９ \u00a0\u3000+＋()（）\-－—、,，/;；]|转|分机|[Ee][Xx][Tt]\.?)+$"
"""A phone number as printed: digits (also full-width), spaces, ``+ - ( )`` and ``（ ）``, 转, 分机 or
``ext.`` before an extension, and 、 , ; / between several numbers."""

_DIGIT = re.compile(r"[0-9０-９]")

MAX_SAFE_INTEGER = 2**53 - 1
"""The largest whole number every JSON reader keeps exactly (JavaScript's ``Number.MAX_SAFE_INTEGER``)."""


def is_phone_number(text: str) -> bool:
    """Whether ``text`` is written as a phone number (see :data:`PHONE_PATTERN`), with at least 3 digits."""
    return bool(re.fullmatch(PHONE_PATTERN, text)) and len(_DIGIT.findall(text)) >= 3


class Status(enum.StrEnum):
    """The four rectification statuses. The value is the code used in files and open data."""

    COMPLETED = "completed"
    """已完成"""
    ONGOING = "ongoing"
    """基本完成·持续整改"""
    IN_PROGRESS = "in_progress"
    """正在整改"""
    NOT_DONE = "not_done"
    """未完成"""


def _one_or_many(value: Any) -> Any:
    """Accept a single string where a list of strings is expected."""
    if isinstance(value, str):
        return [value]
    return value


def _strip_block(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    return value


def _json_safe(value: Any) -> Any:
    """Refuse a whole number that JSON readers would round (open data is read by JavaScript)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SAFE_INTEGER:
        raise invalid("model.too_large", value=value, limit=MAX_SAFE_INTEGER)
    return value


def _date_only(value: Any) -> Any:
    """A date is a day: no time of day, and never a number (which pydantic would read as a timestamp)."""
    if isinstance(value, dt.datetime):
        raise invalid("model.time_of_day", value=value.isoformat(sep=" "))
    if isinstance(value, bool | int | float):
        raise invalid("model.not_a_date", value=value)
    return value


WholeNumber = Annotated[int, BeforeValidator(_json_safe), Field(strict=True)]
"""A whole number as written: never ``true`` or ``"7"``, and exact in JSON."""

Figure = Annotated[float, BeforeValidator(_json_safe), Field(strict=True, allow_inf_nan=False)]
"""A finite number as written (a whole number is accepted): never ``true`` or ``"82.29"``."""

Date = Annotated[dt.date, BeforeValidator(_date_only)]
"""A day, ``YYYY-MM-DD``."""

Text = Annotated[str, BeforeValidator(_strip_block), StringConstraints(min_length=1)]
"""Non-empty text; surrounding whitespace is removed."""

MarkdownItems = Annotated[list[Text], BeforeValidator(_one_or_many)]
"""A list of Markdown items; a single string is read as a list of one."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


Better = Literal["higher", "lower"]
"""Which way a metric improves: ``higher`` (a rate of online services) or ``lower`` (overdue cases,
visits needed)."""


class Metric(_Strict):
    """A figure that shows the effect of the measures, such as a rate or a count."""

    name: Text
    """What is measured, e.g. 全程网办率."""
    unit: str | None = None
    """Unit of the values, e.g. ``%``, 件, 万元."""
    baseline: Figure | None = None
    """Value before rectification."""
    value: Figure
    """Value at ``as_of``."""
    target: Figure | None = None
    """Value the measures aim for."""
    as_of: Date | None = None
    """Date of ``value``."""
    better: Better = "higher"
    """Which way the figure improves: ``higher`` (the default) or ``lower`` (超期办件, 跑动次数)."""


class HistoryEntry(_Strict):
    """A dated event in a problem's rectification: a change of status, a moved deadline, a correction.

    An entry says at least one of them; it may say several at once (a status change with a new
    deadline)."""

    date: Date
    """When it happened."""
    status: Status | None = None
    """The status from that date on; left out when the status did not change."""
    deadline: Date | None = None
    """The deadline from that date on (整改时限 revised); ``reason`` says why."""
    reason: Text | None = None
    """Why the deadline moved (or the status changed), as published."""
    correction: Text | None = None
    """A correction (更正) to the published text of the problem: what was wrong and what it now says."""
    note: str | None = None
    """What happened."""

    @model_validator(mode="after")
    def _says_something(self) -> HistoryEntry:
        if self.status is None and self.deadline is None and self.correction is None:
            raise invalid("model.history_says_nothing")
        return self


class Withdrawal(_Strict):
    """A problem or report taken back after publication (撤回). Its address keeps working: the page
    there says that it was withdrawn, when and why."""

    date: Date
    """When it was withdrawn."""
    reason: Text
    """Why, as published on the page that replaces it."""


class ProblemFrontMatter(_Strict):
    """The YAML front-matter of one problem file. The Markdown body is the problem statement (问题表现)."""

    number: Annotated[WholeNumber, Field(ge=1)]
    """Number of the problem in the report (问题1, 问题2, …); unique within the report."""
    title: Text
    """Short heading of the problem."""
    status: Status
    """Rectification status (整改结果): completed, ongoing, in_progress or not_done."""
    category: str | None = None
    """Optional grouping, e.g. 政治建设, 作风建设."""
    units: Annotated[list[Text], BeforeValidator(_one_or_many)] = []
    """Responsible units (责任单位)."""
    deadline: Date | None = None
    """Date by which rectification is due (整改时限)."""
    completed_on: Date | None = None
    """Date rectification was completed."""
    measures: MarkdownItems = []
    """Rectification measures (整改措施); each item may hold Markdown."""
    results: MarkdownItems = []
    """Results (整改成效); each item may hold Markdown."""
    next_steps: MarkdownItems = []
    """Next steps (下一步计划); each item may hold Markdown."""
    metrics: list[Metric] = []
    """Figures showing the results."""
    history: list[HistoryEntry] = []
    """What changed since publication (status, deadline, corrections), oldest first."""
    former_numbers: list[Annotated[WholeNumber, Field(ge=1)]] = []
    """Numbers the problem had before it was renumbered; their addresses lead to its page."""
    withdrawn: Withdrawal | None = None
    """Set when the problem is withdrawn: its page then says so (with date and reason) instead of
    showing the problem, and it is left out of the counts."""
    unclassified: list[Text] = []
    """Text the importer could not place in a section; shown on the page and reported by the build."""
    privacy_reviewed: Annotated[list[str], Field(exclude=True)] = []
    """Strings the privacy check reported that a person has checked are not personal information
    (a hotline, an order number), as written; not published."""

    @field_validator("history")
    @classmethod
    def _history_in_order(cls, value: list[HistoryEntry], info: ValidationInfo) -> list[HistoryEntry]:
        dates = [entry.date for entry in value]
        if dates != sorted(dates):
            raise invalid("model.history_order")
        status = info.data.get("status")
        with_status = [entry for entry in value if entry.status is not None]
        if not with_status or status is None:
            return value
        latest = with_status[-1]
        if status is Status.COMPLETED and latest.status is not Status.COMPLETED:
            raise invalid("model.latest_not_completed", date=str(latest.date), status=latest.status.value)
        if latest.status is Status.COMPLETED and status is not Status.COMPLETED:
            raise invalid("model.latest_completed", date=str(latest.date), status=status.value)
        return value

    @model_validator(mode="after")
    def _completion_consistent(self) -> ProblemFrontMatter:
        if self.completed_on is not None and self.status is not Status.COMPLETED:
            raise invalid("model.completed_on_status", status=self.status.value)
        return self

    @model_validator(mode="after")
    def _deadline_moves(self) -> ProblemFrontMatter:
        current = self.deadline
        for index, entry in enumerate(self.history, 1):
            if entry.deadline is None:
                continue
            if entry.deadline == current:
                raise invalid(
                    "model.deadline_unchanged", item=index, date=str(entry.date), deadline=str(entry.deadline)
                )
            current = entry.deadline
        return self

    @field_validator("former_numbers")
    @classmethod
    def _former_numbers_distinct(cls, value: list[int], info: ValidationInfo) -> list[int]:
        number = info.data.get("number")
        if number in value:
            raise invalid("model.former_number_is_current", number=number)
        repeated = sorted({n for n in value if value.count(n) > 1})
        if repeated:
            raise invalid("model.repeated", values=repeated)
        return value


class Problem(ProblemFrontMatter):
    """One problem: its front-matter plus the problem statement and where it came from."""

    report_id: str
    statement: Text
    """The problem statement (问题表现), Markdown."""
    source_path: str
    """Path of the problem file, relative to the content directory."""


class Inspection(_Strict):
    """The inspection that found the problems."""

    body: str | None = None
    """Who inspected, e.g. 市委第一巡察组."""
    start: Date | None = None
    end: Date | None = None
    feedback: Date | None = None
    """When the inspection's findings were fed back."""

    @field_validator("feedback")
    @classmethod
    def _feedback_after_start(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("start")
        if value is not None and start is not None and value < start:
            raise invalid("model.feedback_before_start", value=str(value), start=str(start))
        return value

    @model_validator(mode="after")
    def _period_in_order(self) -> Inspection:
        if self.start and self.end and self.end < self.start:
            raise invalid("model.end_before_start", end=str(self.end), start=str(self.start))
        return self


class Contact(_Strict):
    """How citizens reach the issuer about the report."""

    phone: Annotated[str, Field(json_schema_extra={"pattern": PHONE_PATTERN})] | None = None
    """A phone number as printed (``0898-68522090``; several separated by 、)."""
    address: str | None = None
    postcode: Annotated[str, StringConstraints(pattern=r"^\d{6}$")] | None = None
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    note: str | None = None
    """Text that introduces the contact details, e.g. 欢迎广大干部群众…监督."""

    @field_validator("postcode", "phone", mode="before")
    @classmethod
    def _number_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("phone")
    @classmethod
    def _phone_number(cls, value: str | None) -> str | None:
        if value is not None and not is_phone_number(value):
            raise invalid("model.phone", value=value)
        return value


class Declared(_Strict):
    """Counts the notice itself states. The build compares them with the problems found."""

    total: Annotated[WholeNumber, Field(ge=0)] | None = None
    completed: Annotated[WholeNumber, Field(ge=0)] | None = None
    ongoing: Annotated[WholeNumber, Field(ge=0)] | None = None
    in_progress: Annotated[WholeNumber, Field(ge=0)] | None = None
    not_done: Annotated[WholeNumber, Field(ge=0)] | None = None
    rate: Annotated[Figure, Field(ge=0, le=100)] | None = None
    """Stated completion rate in percent."""


DRAFT_REQUIRED = ("title", "issuer", "published")
"""Fields of ``report.yml`` that only a draft may leave out."""


class ReportMeta(_Strict):
    """The contents of ``report.yml``."""

    draft: Annotated[bool, Field(strict=True)] = False
    """A draft (草稿): an import not yet finished by hand. It may lack the title, issuer, publication
    date and problems; it loads with a warning naming what is missing, its pages say 草稿/待补充, and a
    strict build or ``validate --strict`` refuses it."""
    title: Annotated[Text | None, Field(validate_default=True)] = None
    """文件名称; required unless a draft."""
    issuer: Annotated[Text | None, Field(validate_default=True)] = None
    """发布机构; required unless a draft."""
    source: str | None = None
    """来源."""
    published: Annotated[Date | None, Field(validate_default=True)] = None
    """Publication date (成文日期 / 发布日期); required unless a draft."""
    index_number: str | None = None
    """信息索引号."""
    disclosure: str | None = None
    """公开方式, e.g. 主动公开."""
    inspection: Inspection = Inspection()
    intro: str = ""
    """Markdown shown before the problems."""
    contact: Contact = Contact()
    declared: Declared | None = None
    unclassified: list[Text] = []
    """Text the importer could not place; shown on the report page and reported by the build."""
    privacy_reviewed: Annotated[list[str], Field(exclude=True)] = []
    """Strings of this file the privacy check reported that a person has checked are not personal
    information, as written; not published."""
    former_ids: list[Annotated[str, StringConstraints(pattern=REPORT_ID_PATTERN)]] = []
    """Ids (folder names) the report had before it was renamed; their addresses lead to its pages."""
    withdrawn: Withdrawal | None = None
    """Set when the whole report is withdrawn: its pages then say so (with date and reason) instead
    of showing it, and it is left out of the site's counts."""

    @field_validator("former_ids")
    @classmethod
    def _former_ids_distinct(cls, value: list[str]) -> list[str]:
        repeated = sorted({i for i in value if value.count(i) > 1})
        if repeated:
            raise invalid("model.repeated", values=repeated)
        return value

    @field_validator("index_number", mode="before")
    @classmethod
    def _index_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value

    @field_validator(*DRAFT_REQUIRED)
    @classmethod
    def _required_unless_draft(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.data.get("draft") is not True:
            raise PydanticCustomError("missing", "Field required")
        return value

    @property
    def states_counts(self) -> bool:
        """Whether the report states how many problems were found (``declared.total``)."""
        return self.declared is not None and self.declared.total is not None

    @property
    def missing(self) -> list[str]:
        """The fields a finished report needs that this one (a draft) lacks."""
        return [name for name in DRAFT_REQUIRED if getattr(self, name) is None]


class Summary(BaseModel):
    """Counts of a report's problems."""

    model_config = ConfigDict(frozen=True)

    total: int
    by_status: dict[Status, int]

    @property
    def completed(self) -> int:
        return self.by_status[Status.COMPLETED]

    @property
    def rate(self) -> float:
        """Completion rate in percent (completed / total), 0 for an empty report."""
        return round(100 * self.completed / self.total, 1) if self.total else 0.0

    @classmethod
    def of(cls, problems: list[Problem]) -> Summary:
        return cls.of_statuses([problem.status for problem in problems])

    @classmethod
    def of_statuses(cls, statuses: list[Status]) -> Summary:
        """The counts of problems with these statuses (one per problem)."""
        counts = {status: 0 for status in Status}
        for status in statuses:
            counts[status] += 1
        return cls(total=len(statuses), by_status=counts)

    def mismatches(self, declared: Declared) -> list[Message]:
        """Differences between stated counts and counted problems, in plain words."""
        found: dict[str, float] = {"total": self.total, "rate": self.rate}
        found.update({status.value: count for status, count in self.by_status.items()})
        out = []
        for key, stated in declared.model_dump(exclude_none=True).items():
            actual = found[key]
            if key == "rate" and abs(actual - stated) < 1:
                continue
            if actual != stated:
                mismatch = Message(
                    "model.declared_mismatch", key=key, stated=_num(stated), actual=_num(actual)
                )
                out.append(mismatch)
        return out


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class Report(BaseModel):
    """A report: its metadata and its problems in number order.

    ``problems`` are the problems the report publishes; a withdrawn problem is in
    ``withdrawn_problems`` instead, so that nothing that lists or counts problems shows it."""

    model_config = ConfigDict(frozen=True)

    id: Annotated[str, StringConstraints(pattern=REPORT_ID_PATTERN)]
    meta: ReportMeta
    problems: list[Problem]
    withdrawn_problems: list[Problem] = []
    """Problems withdrawn after publication (``withdrawn`` set), in number order."""

    @property
    def summary(self) -> Summary:
        return Summary.of(self.problems)

    @property
    def sort_date(self) -> dt.date:
        """The date the report sorts by: its publication date; for a draft without one, the earliest
        date there is, so that it comes after every dated report, newest first."""
        return self.meta.published or dt.date.min

    @property
    def year(self) -> int | None:
        """The year the report was published in; None for a draft without its date (no year yet)."""
        return self.meta.published.year if self.meta.published else None

    @property
    def missing(self) -> list[str]:
        """What a finished report needs that this draft lacks: field names, and ``problems`` when it
        has none and states no counts (a round-level summary states counts and lists no problems)."""
        missing = list(self.meta.missing)
        if not self.problems and not self.meta.states_counts:
            missing.append("problems")
        return missing


class Site(BaseModel):
    """Every report of a site, newest first.

    ``reports`` are the reports the site publishes; a withdrawn report is in ``withdrawn_reports``
    instead. ``build_date`` is the day the content was loaded for (see ``clock.py``), by which
    what is overdue is judged; None for a site made without one."""

    model_config = ConfigDict(frozen=True)

    reports: list[Report]
    withdrawn_reports: list[Report] = []
    """Reports withdrawn after publication (``withdrawn`` in report.yml), newest first."""
    build_date: dt.date | None = None

    def problems(self) -> list[Problem]:
        return [problem for report in self.reports for problem in report.problems]


_SLUG_STRIP = re.compile(r"[^a-z0-9-]+")


def slugify_report_id(text: str) -> str:
    """Turn ASCII text into a valid report id (used for folder names that need cleaning)."""
    slug = _SLUG_STRIP.sub("-", text.lower()).strip("-")
    return re.sub(r"-{2,}", "-", slug)[:64].strip("-")
