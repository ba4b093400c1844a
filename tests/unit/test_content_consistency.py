"""Facts that contradict each other or the build date are errors naming both; a phone is a phone number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.builds import REPORT_YML
from support.content import BUILD_DATE, one_problem, with_problem

INSPECTED = REPORT_YML + "inspection:\n  start: 2024-01-10\n  end: 2024-02-10\n"


def only(errors: list[str]) -> str:
    assert len(errors) == 1, errors
    return errors[0]


def test_completed_before_the_inspection_began(tmp_path: Path) -> None:
    error = only(one_problem(tmp_path, "completed_on: 2024-01-05\n", report=INSPECTED))
    assert error.endswith(
        "01.md:5: completed_on: 2024-01-05 is before the inspection began "
        "(2024-01-10, inspection.start in report.yml)"
    )
    assert not one_problem(tmp_path, "completed_on: 2024-01-10\n", report=INSPECTED)


def test_nothing_is_completed_or_recorded_after_the_build_date(tmp_path: Path) -> None:
    after = BUILD_DATE + dt.timedelta(days=1)
    error = only(one_problem(tmp_path, f"completed_on: {after}\n"))
    assert f"01.md:5: completed_on: {after} is after the build date ({BUILD_DATE})" in error
    history = (
        f"history:\n  - {{date: {BUILD_DATE}, status: in_progress}}\n"
        f"  - {{date: {after}, status: completed}}\n"
    )
    error = only(one_problem(tmp_path, history))
    assert f"01.md:7: history item 2.date: {after} is after the build date ({BUILD_DATE})" in error
    error = only(one_problem(tmp_path, f"metrics: [{{name: 率, value: 1, as_of: {after}}}]\n"))
    assert f"01.md:5: metrics item 1.as_of: {after} is after the build date ({BUILD_DATE})" in error


def test_deadlines_ahead_and_history_after_publication_are_fine(tmp_path: Path) -> None:
    front = (
        "deadline: 2030-12-31\ncompleted_on: 2024-05-31\n"
        "history:\n  - {date: 2024-01-20, status: in_progress}\n  - {date: 2024-05-31, status: completed}\n"
    )
    assert not one_problem(tmp_path, front, report=INSPECTED)


def test_feedback_before_the_inspection_began(tmp_path: Path) -> None:
    report = INSPECTED + "  feedback: 2024-01-01\n"
    error = only(one_problem(tmp_path, report=report))
    assert error.endswith(
        "report.yml:7: inspection.feedback: 2024-01-01 is before the inspection began (start: 2024-01-10)"
    )


@pytest.mark.parametrize(
    ("status", "latest", "message"),
    [
        ("completed", "in_progress", "status is completed but the latest entry (2024-03-01) is in_progress"),
        ("ongoing", "completed", "the latest entry (2024-03-01) is completed but status is ongoing"),
    ],
)
def test_status_and_latest_history_agree(tmp_path: Path, status: str, latest: str, message: str) -> None:
    front = (
        f"number: 1\ntitle: 甲\nstatus: {status}\n"
        f"history:\n  - {{date: 2024-01-20, status: not_done}}\n  - {{date: 2024-03-01, status: {latest}}}\n"
    )
    error = only(with_problem(tmp_path, front))
    assert error.endswith(f"01.md:5: history: {message}; make them agree"), error
    assert not with_problem(tmp_path, front.replace(f"status: {latest}}}", f"status: {status}}}"))


@pytest.mark.parametrize(
    "phone",
    [
        "0898-68522090",
        "(0898) 6852 2090",
        "（0898）68522090",
        "０８９８－６８５２２０９０",
        "12345",
        "+86 898 6852 2090 转 123",
        "010-12345678 ext. 12",
        "0898-68522090、12345",
        "0898-68522090，0898-68522091",
    ],
)
def test_phone_numbers_as_printed_are_accepted(tmp_path: Path, phone: str) -> None:
    assert not one_problem(tmp_path, report=REPORT_YML + f"contact:\n  phone: '{phone}'\n")


@pytest.mark.parametrize(
    "phone",
    [
        "javascript:alert(1)",
        '"><img src=x onerror=alert(11)>0898-1',
        "tel:12345",
        "请拨打热线",
        "12",
        "0898-6852209O",
        "12345\u202e",
    ],
)
def test_a_phone_must_look_like_a_phone_number(tmp_path: Path, phone: str) -> None:
    error = only(one_problem(tmp_path, report=REPORT_YML + f"contact:\n  phone: {phone!r}\n"))
    assert "report.yml:5: contact.phone: " in error and "is not a phone number" in error
