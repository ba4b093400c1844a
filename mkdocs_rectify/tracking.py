"""Facts derived from the content over time: deadlines, overdue, history, counts.

Every function is pure: the day it judges by (``today``, the build date of ``clock.py``) is a
parameter, never the wall clock, so that the same content and build date give the same facts.
Imports nothing from MkDocs.

What the facts mean:

- **Current deadline**: the problem's ``deadline`` as published, moved by each history entry that
  gives a ``deadline`` (:func:`current_deadline`, each move with its reason in
  :func:`deadline_moves`).
- **Overdue (逾期)**: status ``in_progress`` or ``not_done`` and the current deadline before
  ``today`` (:func:`is_overdue`). ``ongoing`` (基本完成·持续整改) is long-term work and never
  overdue; ``completed`` never is; a problem without a deadline never is.
- **Last updated**: the date of the latest history entry, else the report's publication date
  (:func:`last_updated`); a report's is the latest of its problems'.
- **Status on a day**: the status of the latest history entry with a status on or before that day;
  before any such entry, the first status the history gives (or, without one, the status now)
  (:func:`status_on`). The declared counts of a notice are compared with the statuses on its
  publication date.
- **Counts** (:class:`Counts`, :func:`count`): problems per status, overdue, completion rate
  (completed / total, in percent, one decimal). Withdrawn problems (and the problems of a withdrawn
  report) are not in ``total``, the statuses or the rate: they are no longer published as
  problems. They are counted apart, in ``withdrawn``, so that a reader can see that something was
  taken back.
- **Timeline** (:func:`timeline`): the history as dated entries, each with the deadline it moved
  from.

:class:`SiteFacts` holds all of these for one site and build date, each computed once, with the
groupings the pages need (by status, overdue, unit, year). This API is extended, never renamed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from mkdocs_rectify.model import Problem, Report, Site, Status

__all__ = [
    "OPEN_STATUSES",
    "OVERDUE",
    "Counts",
    "DeadlineMove",
    "ProblemFacts",
    "SiteFacts",
    "TimelineEntry",
    "count",
    "current_deadline",
    "deadline_moves",
    "is_overdue",
    "last_updated",
    "problem_facts",
    "report_last_updated",
    "status_on",
    "timeline",
]

OPEN_STATUSES = frozenset({Status.IN_PROGRESS, Status.NOT_DONE})
"""The statuses a problem can be overdue in: work that is due by its deadline and not done."""

OVERDUE = "overdue"
"""The code of "overdue" where it stands beside the status codes (filters, open data)."""


@dataclass(frozen=True)
class DeadlineMove:
    """A deadline that moved: on ``date``, from ``previous`` (None: there was none) to ``deadline``."""

    date: dt.date
    previous: dt.date | None
    deadline: dt.date
    reason: str | None


@dataclass(frozen=True)
class TimelineEntry:
    """One history entry as a dated event, with the deadline it moved from."""

    date: dt.date
    status: Status | None
    """The status from this date on; None when the status did not change."""
    deadline: dt.date | None
    """The deadline from this date on; None when the deadline did not move."""
    previous_deadline: dt.date | None
    """The deadline before this entry moved it (None when it did not move, or there was none)."""
    reason: str | None
    correction: str | None
    """A correction (更正) to the published text."""
    note: str | None

    @property
    def moves_deadline(self) -> bool:
        return self.deadline is not None


def current_deadline(problem: Problem) -> dt.date | None:
    """The deadline in force: the latest history entry's ``deadline``, else the published one."""
    moved = [entry.deadline for entry in problem.history if entry.deadline is not None]
    return moved[-1] if moved else problem.deadline


def deadline_moves(problem: Problem) -> list[DeadlineMove]:
    """Every move of the deadline, oldest first, each with the deadline before it and its reason."""
    moves = []
    previous = problem.deadline
    for entry in problem.history:
        if entry.deadline is not None:
            moves.append(DeadlineMove(entry.date, previous, entry.deadline, entry.reason))
            previous = entry.deadline
    return moves


def timeline(problem: Problem) -> list[TimelineEntry]:
    """The history, oldest first, as dated events."""
    entries = []
    previous = problem.deadline
    for entry in problem.history:
        entries.append(
            TimelineEntry(
                date=entry.date,
                status=entry.status,
                deadline=entry.deadline,
                previous_deadline=previous if entry.deadline is not None else None,
                reason=entry.reason,
                correction=entry.correction,
                note=entry.note,
            )
        )
        if entry.deadline is not None:
            previous = entry.deadline
    return entries


def is_overdue(problem: Problem, today: dt.date) -> bool:
    """Whether the problem is overdue (逾期) on ``today``: open, with its current deadline before it."""
    if problem.withdrawn is not None or problem.status not in OPEN_STATUSES:
        return False
    deadline = current_deadline(problem)
    return deadline is not None and deadline < today


def last_updated(problem: Problem, published: dt.date | None) -> dt.date | None:
    """The date of the latest history entry, else ``published`` (the report's publication date;
    None in a draft that has none yet)."""
    return max((entry.date for entry in problem.history), default=published)


def report_last_updated(report: Report) -> dt.date | None:
    """The latest of the report's problems' last updated dates (its publication date at least)."""
    published = report.meta.published
    dates = [day for p in report.problems if (day := last_updated(p, published)) is not None]
    return max(dates, default=published)


def status_on(problem: Problem, day: dt.date) -> Status:
    """The problem's status on ``day``, as its history tells it (see the module's docstring)."""
    dated = [(entry.date, entry.status) for entry in problem.history if entry.status is not None]
    if not dated:
        return problem.status
    before = [status for date, status in dated if date <= day]
    return before[-1] if before else dated[0][1]


@dataclass(frozen=True)
class Counts:
    """Counts of a set of problems (a report, the site, a unit, a year) on one day.

    ``total`` and ``by_status`` count the published problems; ``overdue`` those of them that are
    overdue; ``withdrawn`` the withdrawn ones, apart from the rest."""

    total: int
    by_status: dict[Status, int]
    overdue: int = 0
    withdrawn: int = 0

    @property
    def completed(self) -> int:
        return self.by_status[Status.COMPLETED]

    @property
    def open(self) -> int:
        """Problems still due: in progress or not done."""
        return sum(self.by_status[status] for status in OPEN_STATUSES)

    @property
    def rate(self) -> float:
        """Completion rate in percent (completed / total, one decimal), 0 when there are none."""
        return round(100 * self.completed / self.total, 1) if self.total else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            total=self.total + other.total,
            by_status={status: self.by_status[status] + other.by_status[status] for status in Status},
            overdue=self.overdue + other.overdue,
            withdrawn=self.withdrawn + other.withdrawn,
        )

    @classmethod
    def zero(cls) -> Counts:
        return cls(total=0, by_status={status: 0 for status in Status})


def count(problems: Iterable[Problem], today: dt.date, *, withdrawn: int = 0) -> Counts:
    """Counts of ``problems`` on ``today``; a withdrawn one among them is counted in ``withdrawn`` only.

    ``withdrawn`` adds problems withdrawn elsewhere (a report's ``withdrawn_problems``)."""
    by_status = {status: 0 for status in Status}
    total = overdue = 0
    for problem in problems:
        if problem.withdrawn is not None:
            withdrawn += 1
            continue
        total += 1
        by_status[problem.status] += 1
        overdue += is_overdue(problem, today)
    return Counts(total=total, by_status=by_status, overdue=overdue, withdrawn=withdrawn)


@dataclass(frozen=True)
class ProblemFacts:
    """The derived facts of one problem on one day."""

    problem: Problem
    report: Report
    today: dt.date
    deadline: dt.date | None
    """The deadline in force (after every move)."""
    moves: list[DeadlineMove]
    overdue: bool
    last_updated: dt.date
    timeline: list[TimelineEntry]

    @property
    def published_deadline(self) -> dt.date | None:
        """The deadline as first published (the front-matter's ``deadline``)."""
        return self.problem.deadline

    @property
    def deadline_moved(self) -> bool:
        return bool(self.moves)

    @property
    def overdue_days(self) -> int:
        """Days since the deadline passed, 0 when not overdue."""
        return (self.today - self.deadline).days if self.overdue and self.deadline else 0

    @property
    def corrections(self) -> list[TimelineEntry]:
        """The history entries that correct the published text, oldest first."""
        return [entry for entry in self.timeline if entry.correction is not None]

    @property
    def year(self) -> int:
        """The year of the report (its publication)."""
        return self.report.year


def problem_facts(problem: Problem, report: Report, today: dt.date) -> ProblemFacts:
    """Every derived fact of ``problem`` (of ``report``) on ``today``."""
    return ProblemFacts(
        problem=problem,
        report=report,
        today=today,
        deadline=current_deadline(problem),
        moves=deadline_moves(problem),
        overdue=is_overdue(problem, today),
        last_updated=last_updated(problem, report.meta.published),
        timeline=timeline(problem),
    )


class SiteFacts:
    """The derived facts of a site on ``today`` (the site's build date unless given), computed once.

    Problems are in site order: reports newest first, problems by number. Withdrawn problems and
    reports are never among them; they are counted in ``withdrawn`` only."""

    def __init__(self, site: Site, today: dt.date | None = None) -> None:
        if today is None and site.build_date is None:
            raise ValueError("SiteFacts needs a build date: the site's, or today=")
        self.site = site
        self.today: dt.date = today or site.build_date or dt.date.min
        self._facts: dict[tuple[str, int], ProblemFacts] = {}
        for report in self.site.reports:
            for problem in report.problems:
                self._facts[report.id, problem.number] = problem_facts(problem, report, self.today)

    def of(self, problem: Problem) -> ProblemFacts:
        """The facts of a published problem of the site."""
        return self._facts[problem.report_id, problem.number]

    def problems(self) -> Iterator[ProblemFacts]:
        """Every published problem's facts, in site order."""
        return iter(self._facts.values())

    def report(self, report: Report) -> Counts:
        """The counts of one report."""
        return self._report_counts[report.id]

    @cached_property
    def _report_counts(self) -> dict[str, Counts]:
        return {
            report.id: count(report.problems, self.today, withdrawn=len(report.withdrawn_problems))
            for report in self.site.reports
        }

    @cached_property
    def totals(self) -> Counts:
        """The counts of the whole site; a withdrawn report's problems are counted as withdrawn."""
        total = sum(self._report_counts.values(), Counts.zero())
        gone = sum(len(r.problems) + len(r.withdrawn_problems) for r in self.site.withdrawn_reports)
        return total + Counts(total=0, by_status=Counts.zero().by_status, withdrawn=gone)

    def last_updated(self, report: Report) -> dt.date | None:
        """The latest date anything of the report changed (its publication date at least; None for
        a draft without its date and without history)."""
        return report_last_updated(report)

    def with_status(self, status: Status | str) -> list[ProblemFacts]:
        """The problems with ``status``, or, for :data:`OVERDUE`, the overdue ones; in site order."""
        if status == OVERDUE:
            return [facts for facts in self.problems() if facts.overdue]
        wanted = Status(status)
        return [facts for facts in self.problems() if facts.problem.status is wanted]

    @cached_property
    def units(self) -> dict[str, list[ProblemFacts]]:
        """Each responsible unit as written, with its problems in site order (units in order of first
        appearance)."""
        out: dict[str, list[ProblemFacts]] = {}
        for facts in self.problems():
            for unit in facts.problem.units:
                out.setdefault(unit, []).append(facts)
        return out

    @cached_property
    def years(self) -> dict[int, list[Report]]:
        """Each year reports were published in, newest first, with its reports (newest first)."""
        out: dict[int, list[Report]] = {}
        newest = sorted(self.site.reports, key=_publication, reverse=True)
        for report in newest:
            if report.year is not None:  # a draft without its date has no year yet
                out.setdefault(report.year, []).append(report)
        return out

    def counts_of(self, facts: Iterable[ProblemFacts]) -> Counts:
        """The counts of any set of the site's problems (a unit's, a year's)."""
        return count((f.problem for f in facts), self.today)


def _publication(report: Report) -> tuple[dt.date, str]:
    """Newest first by this key, reversed; a draft without its date last."""
    return (report.sort_date, report.id)
