"""The content keys of tracking: history entries that move a deadline or correct the text, former
ids and numbers, withdrawals, and which way a metric improves; each mistake an error naming the
file, line and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from support.builds import REPORT_YML, problem_file, write_tree
from support.content import BUILD_DATE, Outcome, errors_in, load, one_problem, with_problem

from mkdocs_rectify.loader import load_content
from mkdocs_rectify.model import Status


def only(errors: list[str]) -> str:
    assert len(errors) == 1, errors
    return errors[0]


def test_a_history_entry_may_only_move_the_deadline_or_correct_the_text(tmp_path: Path) -> None:
    front = (
        "number: 1\ntitle: 甲\nstatus: in_progress\ndeadline: 2024-03-31\n"
        "history:\n"
        "  - {date: 2024-03-01, status: in_progress}\n"
        "  - {date: 2024-03-20, deadline: 2024-06-30, reason: 需财政资金}\n"
        "  - {date: 2024-04-02, correction: 原文“2023年”应为“2024年”}\n"
    )
    assert not with_problem(tmp_path, front)
    site = load_content(tmp_path, build_date=BUILD_DATE).site
    history = site.reports[0].problems[0].history
    assert [(e.status, e.deadline, e.reason, e.correction) for e in history] == [
        (Status.IN_PROGRESS, None, None, None),
        (None, dt.date(2024, 6, 30), "需财政资金", None),
        (None, None, None, "原文“2023年”应为“2024年”"),
    ]
    assert site.build_date == BUILD_DATE


def test_a_history_entry_that_says_nothing_is_an_error(tmp_path: Path) -> None:
    error = only(one_problem(tmp_path, "history:\n  - {date: 2024-03-01, note: 开会}\n"))
    assert error.endswith(
        "01.md:6: history item 1: a history entry says what changed on its date: "
        "status, deadline or correction (or several)"
    ), error


def test_a_deadline_entry_must_move_the_deadline(tmp_path: Path) -> None:
    front = "deadline: 2024-03-31\nhistory:\n  - {date: 2024-03-01, deadline: 2024-03-31, reason: 无}\n"
    error = only(one_problem(tmp_path, front))
    assert "history item 1 (2024-03-01) gives the deadline 2024-03-31, which it already is" in error, error


def test_status_agrees_with_the_latest_entry_that_gives_one(tmp_path: Path) -> None:
    front = (
        "number: 1\ntitle: 甲\nstatus: completed\n"
        "history:\n  - {date: 2024-03-01, status: completed}\n  - {date: 2024-04-01, correction: 更正}\n"
    )
    assert not with_problem(tmp_path, front)
    error = only(with_problem(tmp_path, front.replace("status: completed}", "status: in_progress}")))
    assert "status is completed but the latest entry (2024-03-01) is in_progress" in error, error


def test_better_says_which_way_a_metric_improves(tmp_path: Path) -> None:
    metrics = "metrics:\n  - {name: 超期办件, unit: 件, baseline: 12, value: 0, better: lower}\n"
    assert not one_problem(tmp_path, metrics)
    metric = load_content(tmp_path, build_date=BUILD_DATE).site.reports[0].problems[0].metrics[0]
    assert metric.better == "lower"
    error = only(one_problem(tmp_path, metrics.replace("lower", "less")))
    assert "01.md:6: metrics item 1.better:" in error and "use one of: higher, lower" in error, error


def test_withdrawn_problems_and_reports_are_kept_apart(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "r-2024/report.yml": REPORT_YML,
            "r-2024/01.md": problem_file(1, "甲"),
            "r-2024/02.md": problem_file(2, "乙", **{"withdrawn": "{date: 2024-05-20, reason: 与问题1重复}"}),
            "old-2023/report.yml": REPORT_YML.replace("2024-05-06", "2023-05-06")
            + "withdrawn:\n  date: 2024-05-01\n  reason: 误发\n",
            "old-2023/01.md": problem_file(1, "丙"),
        },
    )
    site = load_content(tmp_path, build_date=BUILD_DATE).site
    assert [r.id for r in site.reports] == ["r-2024"]
    assert [r.id for r in site.withdrawn_reports] == ["old-2023"]
    report = site.reports[0]
    assert [p.number for p in report.problems] == [1]
    assert [(p.number, p.withdrawn and p.withdrawn.reason) for p in report.withdrawn_problems] == [
        (2, "与问题1重复")
    ]


def test_a_withdrawal_needs_its_reason_and_a_date_that_has_happened(tmp_path: Path) -> None:
    error = only(one_problem(tmp_path, "withdrawn: {date: 2024-05-20}\n"))
    assert error.endswith("01.md:5: withdrawn.reason: required field is missing"), error
    after = BUILD_DATE + dt.timedelta(days=1)
    error = only(one_problem(tmp_path, f"withdrawn: {{date: {after}, reason: 重复}}\n"))
    assert error.endswith(
        f"01.md:5: withdrawn.date: {after} is after the build date ({BUILD_DATE}): it has not happened yet"
    )
    report = REPORT_YML + f"withdrawn:\n  date: {after}\n  reason: 误发\n"
    error = only(one_problem(tmp_path, report=report))
    assert error.endswith(
        f"report.yml:5: withdrawn.date: {after} is after the build date ({BUILD_DATE}): "
        "it has not happened yet"
    ), error


def test_former_numbers_lead_to_one_problem_and_are_no_current_number(tmp_path: Path) -> None:
    files = {
        "r-2024/report.yml": REPORT_YML,
        "r-2024/01.md": problem_file(1, "甲", former_numbers="[3]"),
        "r-2024/02.md": problem_file(2, "乙", former_numbers="[1, 4]"),
    }
    error = only(errors_in(tmp_path, files))
    assert error.endswith(
        "02.md: former_numbers: 1 is the number of a problem of this report now; a former number leads "
        "to this problem, so no problem of the report may have it"
    ), error
    files["r-2024/02.md"] = problem_file(2, "乙", former_numbers="[3]")
    error = only(errors_in(tmp_path / "b", files))
    assert "02.md: former_numbers: 3 is also a former number of" in error and "01.md" in error, error
    files["r-2024/02.md"] = problem_file(2, "乙", former_numbers="[2]")
    error = only(errors_in(tmp_path / "c", files))
    assert "02.md:5: former_numbers: 2 is the problem's number now" in error, error
    files["r-2024/02.md"] = problem_file(2, "乙", former_numbers="[4]")
    assert not errors_in(tmp_path / "d", files)
    site = load_content(tmp_path / "d", build_date=BUILD_DATE).site
    assert [p.former_numbers for p in site.reports[0].problems] == [[3], [4]]


def test_former_ids_are_no_report_id_nor_another_reports_nor_reserved(tmp_path: Path) -> None:
    files = {
        "a-2024/report.yml": REPORT_YML + "former_ids: [b-2024]\n",
        "a-2024/01.md": problem_file(1, "甲"),
        "b-2024/report.yml": REPORT_YML + "former_ids: [old, search]\n",
        "b-2024/01.md": problem_file(1, "乙"),
        "c-2024/report.yml": REPORT_YML + "former_ids: [old]\n",
        "c-2024/01.md": problem_file(1, "丙"),
    }
    errors = errors_in(tmp_path, files)
    assert len(errors) == 3, errors
    assert errors[0].endswith(
        "a-2024/report.yml: former_ids: 'b-2024' is the id of a report (b-2024/); a former id leads to this "
        "report, so no report may have it now"
    ), errors
    assert errors[1].endswith("b-2024/report.yml: former_ids: 'search' is reserved: the site uses /search/")
    assert errors[2].endswith(
        "c-2024/report.yml: former_ids: 'old' is also a former id of b-2024/report.yml; "
        "an old address can lead to one report only"
    )
    error = only(one_problem(tmp_path / "x", report=REPORT_YML + "former_ids: [Old_Name]\n"))
    assert "report.yml:4: former_ids item 1: 'Old_Name' is not valid here" in error, error


def test_declared_counts_are_those_on_the_day_of_publication(tmp_path: Path) -> None:
    # Published with one problem in progress; completed since. The notice's figures stay right.
    report = REPORT_YML + "declared: {total: 2, completed: 1, in_progress: 1}\n"
    history = "[{date: 2024-05-06, status: in_progress}, {date: 2024-05-20, status: completed}]"
    files = {
        "r-2024/report.yml": report,
        "r-2024/01.md": problem_file(1, "甲"),
        "r-2024/02.md": problem_file(2, "乙", completed_on="2024-05-20", history=history),
    }
    write_tree(tmp_path, files)
    assert load(tmp_path) == Outcome()
    files["r-2024/02.md"] = problem_file(
        2, "乙", withdrawn="{date: 2024-05-20, reason: 重复}", status="in_progress"
    )
    write_tree(tmp_path / "w", files)
    assert load(tmp_path / "w") == Outcome()  # a withdrawn problem was in the notice
    files["r-2024/report.yml"] = REPORT_YML + "declared: {total: 2, completed: 2}\n"
    write_tree(tmp_path / "m", files)
    assert load(tmp_path / "m").warnings == [
        f"{tmp_path / 'm' / 'r-2024' / 'report.yml'}: declared: "
        "declared completed is 2 but the problems give 1"
    ]
