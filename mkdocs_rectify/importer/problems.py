"""From a parsed problem to its front-matter and statement: titles, items, status, dates."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from itertools import pairwise

from mkdocs_rectify.importer.dates import DATE, cn_to_int, parse_date
from mkdocs_rectify.importer.items import split_items
from mkdocs_rectify.importer.layouts import FLAT, RawProblem
from mkdocs_rectify.importer.messages import Note
from mkdocs_rectify.importer.status import classify, is_bare_status
from mkdocs_rectify.model import Status

__all__ = ["ProblemDraft", "derive_title", "draft_problem", "number_problems"]

_TITLE_MAX = 30
_QUOTED = re.compile(
    r"^关于[“\"「『](?P<title>[^”\"」』]+)[”\"」』](?:(?:的)?(?:问题|方面)(?:的整改(?:情况)?)?|$)"
)
_ABOUT = re.compile(r"^关于(?P<title>.+?)(?:的)?问题(?:的整改(?:情况)?)?[。]?$")


@dataclass
class ProblemDraft:
    """Everything needed for one problem file, before validation."""

    number: int
    title: str
    status: Status
    statement: str
    category: str | None
    units: list[str]
    deadline: dt.date | None
    completed_on: dt.date | None
    measures: list[str]
    results: list[str]
    next_steps: list[str]
    unclassified: list[str]
    warnings: list[str]


def derive_title(text: str, *, heading: bool) -> str:
    """A short title from the statement (flat layout) or the heading (other layouts).

    The first sentence (up to the first 。, without it); when longer than 30 characters, cut at the
    first comma. A heading ``关于“X”的问题`` gives X.
    """
    text = text.strip()
    if heading:
        for pattern in (_QUOTED, _ABOUT):
            match = pattern.match(text)
            if match and match.group("title").strip('“”" '):
                text = match.group("title").strip()
                break
    sentence = text.split("。", 1)[0].strip()
    if len(sentence) > _TITLE_MAX and "，" in sentence[1:]:
        sentence = sentence[: sentence.index("，", 1)]
    return sentence.strip(" ：:；;，,") or text


def number_problems(problems: list[RawProblem]) -> tuple[list[int], list[str]]:
    """The numbers to use: the stated ones when they are unique and increasing, else 1, 2, 3 …"""
    stated = [problem.stated_number for problem in problems]
    levels = {problem.level for problem in problems}
    usable = (
        len(levels) == 1
        and all(number is not None and number >= 1 for number in stated)
        and all(a is not None and b is not None and a < b for a, b in pairwise(stated))
    )
    if usable:
        return [number for number in stated if number is not None], []
    sequential = list(range(1, len(problems) + 1))
    warnings = []
    if len(levels) == 1 and any(number is not None for number in stated) and stated != sequential:
        shown = ", ".join("?" if number is None else str(number) for number in stated)
        warnings.append(Note("numbering", shown=shown, count=len(problems)))
    return sequential, warnings


def draft_problem(raw: RawProblem, number: int, layout: str) -> ProblemDraft:
    """Turn the sections of ``raw`` into fields."""
    ordinals = layout != FLAT
    warnings: list[str] = []
    statement = list(raw.statement)
    measures: list[str] = []
    results: list[str] = []
    next_steps: list[str] = []
    unclassified = list(raw.extra)
    units: list[str] = []
    deadline: dt.date | None = None
    completed_on: dt.date | None = None
    completed_text: str | None = None
    status: Status | None = None

    for kind, paragraphs in raw.sections:
        text = "\n".join(paragraphs).strip()
        if kind == "statement":
            statement.extend(paragraphs)
        elif kind == "measures":
            if text and is_bare_status(text) and status is None:
                status = classify(text)  # 整改情况：已完成
            else:
                measures.extend(split_items(paragraphs, ordinals=ordinals))
        elif kind == "results":
            results.extend(split_items(paragraphs, ordinals=ordinals))
        elif kind == "next_steps":
            next_steps.extend(split_items(paragraphs, ordinals=ordinals))
        elif kind == "status":
            found = classify(text)
            if found is not None and status is None:
                status = found
            if text and not is_bare_status(text):
                results.extend(split_items(paragraphs, ordinals=ordinals))
            elif found is None and text:
                unclassified.append(text)
        elif kind in {"units", "deadline", "completed_on"}:
            # One short value on the label's line; anything else is kept as unclassified.
            value, rest = (paragraphs[0].strip(), paragraphs[1:]) if paragraphs else ("", [])
            unclassified.extend(rest)
            if kind == "units":
                parts = [part for part in re.split(r"[、，,；;\s]+", value.strip("。")) if part]
                if parts and not units and all(len(part) <= _UNIT_MAX for part in parts):
                    units = parts
                    continue
            elif kind == "deadline":
                when = _deadline(value)
                if when is not None and deadline is None:
                    deadline = when
                    continue
            else:
                when = _date_only(value)
                if when is not None and completed_on is None:
                    completed_on, completed_text = when, value
                    continue
            if value:
                unclassified.append(value)

    if status is None:
        everything = "\n".join([*measures, *results, *next_steps])
        guessed = classify(everything)
        status = guessed or Status.IN_PROGRESS
        if guessed:
            warnings.append(Note("status_read", number=number, status=status.value))
        else:
            warnings.append(Note("status_none", number=number))
    if completed_on is not None and status is not Status.COMPLETED:
        unclassified.append(completed_text or completed_on.isoformat())
        completed_on = None

    statement_text = "\n\n".join(part.strip() for part in statement if part.strip())
    if not statement_text:
        statement_text = f"问题{number}"
        warnings.append(Note("no_statement", number=number))
    title = derive_title(raw.heading if raw.heading else statement_text, heading=raw.heading is not None)
    return ProblemDraft(
        number=number,
        title=title,
        status=status,
        statement=statement_text,
        category=raw.category,
        units=units,
        deadline=deadline,
        completed_on=completed_on,
        measures=measures,
        results=results,
        next_steps=next_steps,
        unclassified=[item for item in unclassified if item.strip()],
        warnings=warnings,
    )


_UNIT_MAX = 20
_DATE_ONLY = re.compile(rf"^(?:{DATE})\s*底?\s*(?:前|以前|之前)?[。.]?$")


def _date_only(text: str) -> dt.date | None:
    """The date when ``text`` is nothing but a date (``2022年6月30日``, ``2022-06-30``)."""
    found = parse_date(text)
    if found is None or not (_DATE_ONLY.match(text) or re.fullmatch(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", text)):
        return None
    return found


def _deadline(text: str) -> dt.date | None:
    """``2022年12月底前`` → 2022-12-31; ``2022年6月30日前`` → that day; None unless the text is only that."""
    when = _date_only(text)
    if when is not None:
        return when
    match = _DATE_ONLY.match(text)
    if match and not match.group("d"):
        year, month = cn_to_int(match.group("y")), cn_to_int(match.group("m"))
        if year and month and 1 <= month <= 12 and dt.MINYEAR <= year <= dt.MAXYEAR:
            return dt.date(year, month, calendar.monthrange(year, month)[1])
    return None
