"""The derived facts of tracking: current deadline and its moves, overdue, last updated, status on a
day, counts, timeline; each judged on a given day."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mkdocs_rectify.model import Problem, Report, ReportMeta, Site, Status
from mkdocs_rectify.tracking import (
    OVERDUE,
    Counts,
    SiteFacts,
    count,
    current_deadline,
    deadline_moves,
    is_overdue,
    last_updated,
    problem_facts,
    report_last_updated,
    status_on,
    timeline,
)

D = dt.date
TODAY = D(2024, 6, 1)
PUBLISHED = D(2024, 3, 1)


def problem(
    number: int = 1, status: str = "in_progress", report_id: str = "r-2024", **fields: Any
) -> Problem:
    return Problem.model_validate(
        {
            "number": number,
            "title": f"问题{number}",
            "status": status,
            "report_id": report_id,
            "statement": "问题表现。",
            "source_path": f"{report_id}/{number:02}.md",
            **fields,
        }
    )


def report(
    *problems: Problem, report_id: str = "r-2024", published: dt.date = PUBLISHED, **meta: Any
) -> Report:
    info = ReportMeta.model_validate({"title": "通报", "issuer": "党组", "published": published, **meta})
    return Report(
        id=report_id,
        meta=info,
        problems=[p for p in problems if p.withdrawn is None],
        withdrawn_problems=[p for p in problems if p.withdrawn is not None],
    )


@pytest.mark.parametrize(
    ("status", "deadline", "overdue"),
    [
        ("in_progress", D(2024, 5, 31), True),
        ("not_done", D(2024, 5, 31), True),
        ("in_progress", TODAY, False),  # due today is not yet overdue
        ("in_progress", D(2024, 6, 2), False),
        ("ongoing", D(2020, 1, 1), False),  # long-term work is never overdue
        ("completed", D(2020, 1, 1), False),
        ("in_progress", None, False),  # without a deadline nothing is overdue
    ],
)
def test_overdue_is_open_work_past_its_deadline(status: str, deadline: dt.date | None, overdue: bool) -> None:
    assert is_overdue(problem(status=status, deadline=deadline), TODAY) is overdue


def test_the_deadline_in_force_is_the_latest_move_with_its_reason() -> None:
    moved = problem(
        deadline=D(2024, 3, 31),
        history=[
            {"date": D(2024, 3, 1), "status": "in_progress"},
            {"date": D(2024, 3, 20), "deadline": D(2024, 5, 31), "reason": "需财政资金"},
            {"date": D(2024, 4, 2), "correction": "原文“2023年”应为“2024年”"},
            {"date": D(2024, 5, 30), "deadline": D(2024, 9, 30), "reason": "系统改造延期"},
        ],
    )
    assert current_deadline(moved) == D(2024, 9, 30)
    assert [(m.date, m.previous, m.deadline, m.reason) for m in deadline_moves(moved)] == [
        (D(2024, 3, 20), D(2024, 3, 31), D(2024, 5, 31), "需财政资金"),
        (D(2024, 5, 30), D(2024, 5, 31), D(2024, 9, 30), "系统改造延期"),
    ]
    assert not is_overdue(moved, TODAY)  # the published deadline passed, the current one has not
    assert is_overdue(moved, D(2024, 10, 1))
    assert current_deadline(problem(deadline=D(2024, 3, 31))) == D(2024, 3, 31)
    assert current_deadline(problem()) is None


def test_a_deadline_can_be_set_where_none_was_published() -> None:
    later = problem(history=[{"date": D(2024, 4, 1), "deadline": D(2024, 5, 1), "reason": "明确时限"}])
    assert [(m.previous, m.deadline) for m in deadline_moves(later)] == [(None, D(2024, 5, 1))]
    assert is_overdue(later, TODAY)


def test_timeline_keeps_every_entry_with_the_deadline_it_moved_from() -> None:
    moved = problem(
        deadline=D(2024, 3, 31),
        history=[
            {"date": D(2024, 3, 20), "status": "in_progress", "deadline": D(2024, 5, 31), "note": "推进中"},
            {"date": D(2024, 4, 2), "correction": "更正内容"},
        ],
    )
    entries = timeline(moved)
    assert [(e.date, e.status, e.deadline, e.previous_deadline) for e in entries] == [
        (D(2024, 3, 20), Status.IN_PROGRESS, D(2024, 5, 31), D(2024, 3, 31)),
        (D(2024, 4, 2), None, None, None),
    ]
    assert entries[0].moves_deadline and not entries[1].moves_deadline
    assert (entries[0].note, entries[1].correction) == ("推进中", "更正内容")


def test_last_updated_is_the_latest_history_date_else_the_publication() -> None:
    assert last_updated(problem(), PUBLISHED) == PUBLISHED
    changed = problem(
        status="completed",
        history=[
            {"date": D(2024, 4, 1), "status": "in_progress"},
            {"date": D(2024, 5, 2), "status": "completed"},
        ],
    )
    assert last_updated(changed, PUBLISHED) == D(2024, 5, 2)
    assert report_last_updated(report(problem(), changed)) == D(2024, 5, 2)
    assert report_last_updated(report(problem())) == PUBLISHED


def test_status_on_a_day_follows_the_history() -> None:
    changed = problem(
        status="completed",
        history=[
            {"date": D(2024, 4, 1), "status": "in_progress"},
            {"date": D(2024, 5, 2), "status": "completed"},
        ],
    )
    assert status_on(changed, D(2024, 3, 1)) is Status.IN_PROGRESS  # before the history: its first status
    assert status_on(changed, D(2024, 4, 1)) is Status.IN_PROGRESS
    assert status_on(changed, D(2024, 5, 2)) is Status.COMPLETED
    assert status_on(problem(status="ongoing"), D(2000, 1, 1)) is Status.ONGOING


def test_counts_leave_withdrawn_problems_out_of_the_total_and_the_rate() -> None:
    withdrawn = {"date": D(2024, 4, 1), "reason": "与问题1重复"}
    problems = [
        problem(1, "completed"),
        problem(2, "completed"),
        problem(3, "ongoing"),
        problem(4, "in_progress", deadline=D(2024, 5, 1)),
        problem(5, "not_done", deadline=D(2024, 7, 1)),
        problem(6, "not_done", withdrawn=withdrawn, deadline=D(2024, 1, 1)),
    ]
    counts = count(problems, TODAY)
    assert (counts.total, counts.completed, counts.open, counts.overdue, counts.withdrawn) == (5, 2, 2, 1, 1)
    assert counts.by_status == {
        Status.COMPLETED: 2,
        Status.ONGOING: 1,
        Status.IN_PROGRESS: 1,
        Status.NOT_DONE: 1,
    }
    assert counts.rate == 40.0
    assert count([], TODAY).rate == 0.0
    assert count(problems[:3], TODAY).rate == 66.7
    both = counts + count(problems[:1], TODAY, withdrawn=2)
    assert (both.total, both.completed, both.withdrawn, both.rate) == (6, 3, 3, 50.0)
    assert Counts.zero() + counts == counts


def test_problem_facts_gather_every_fact() -> None:
    moved = problem(
        deadline=D(2024, 3, 31),
        history=[
            {"date": D(2024, 4, 2), "deadline": D(2024, 5, 15), "reason": "延期"},
            {"date": D(2024, 4, 9), "correction": "更正"},
        ],
    )
    facts = problem_facts(moved, report(moved), TODAY)
    assert (facts.deadline, facts.published_deadline, facts.deadline_moved) == (
        D(2024, 5, 15),
        D(2024, 3, 31),
        True,
    )
    assert (facts.overdue, facts.overdue_days, facts.last_updated, facts.year) == (
        True,
        17,
        D(2024, 4, 9),
        2024,
    )
    assert [entry.correction for entry in facts.corrections] == ["更正"]
    on_time = problem_facts(problem(deadline=D(2024, 7, 1)), report(), TODAY)
    assert (on_time.overdue, on_time.overdue_days, on_time.deadline_moved) == (False, 0, False)


def test_site_facts_count_reports_units_years_and_the_site() -> None:
    old = report(
        problem(1, "completed", report_id="a-2023", units=["甲局"]),
        problem(2, "in_progress", report_id="a-2023", units=["甲局", "乙局"], deadline=D(2024, 1, 1)),
        report_id="a-2023",
        published=D(2023, 5, 1),
    )
    new = report(
        problem(1, "not_done", units=["乙局"], deadline=D(2024, 5, 1)),
        problem(2, "ongoing"),
        problem(3, "completed", withdrawn={"date": D(2024, 4, 1), "reason": "重复"}),
    )
    gone = report(
        problem(1, report_id="x-2022"),
        report_id="x-2022",
        published=D(2022, 1, 1),
        withdrawn={"date": D(2024, 1, 1), "reason": "误发"},
    )
    site = Site(reports=[new, old], withdrawn_reports=[gone], build_date=TODAY)
    facts = SiteFacts(site)
    assert facts.today == TODAY
    assert (facts.report(new).total, facts.report(new).withdrawn, facts.report(new).overdue) == (2, 1, 1)
    totals = facts.totals
    assert (totals.total, totals.completed, totals.overdue, totals.withdrawn, totals.rate) == (
        4,
        1,
        2,
        2,
        25.0,
    )
    assert [(f.report.id, f.problem.number) for f in facts.with_status(OVERDUE)] == [
        ("r-2024", 1),
        ("a-2023", 2),
    ]
    assert [f.problem.number for f in facts.with_status("ongoing")] == [2]
    assert [f.problem.number for f in facts.with_status(Status.COMPLETED)] == [1]
    assert {
        unit: [(f.report.id, f.problem.number) for f in found] for unit, found in facts.units.items()
    } == {
        "乙局": [("r-2024", 1), ("a-2023", 2)],
        "甲局": [("a-2023", 1), ("a-2023", 2)],
    }
    assert {year: [r.id for r in reports] for year, reports in facts.years.items()} == {
        2024: ["r-2024"],
        2023: ["a-2023"],
    }
    assert facts.counts_of(facts.units["乙局"]).overdue == 2
    assert facts.of(new.problems[0]).overdue
    assert facts.last_updated(old) == D(2023, 5, 1)
    assert SiteFacts(site, D(2023, 12, 1)).totals.overdue == 0
    with pytest.raises(ValueError, match="build date"):
        SiteFacts(Site(reports=[]))
