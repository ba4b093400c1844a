"""The parts of the tracking pages decided in Python: unit slugs, the order and paging of a filter's
problems, the parts of a status chart, and a metrics table's columns and progress."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_rectify.browse import Paging, filters, page_count, unit_slugs
from mkdocs_rectify.model import Metric, Problem, Report, ReportMeta, Site, Status
from mkdocs_rectify.views.chart import BAR_WIDTH, MIN_WIDTH, bar_parts
from mkdocs_rectify.views.metrics import columns, progress


def problem(report: str, number: int, status: Status, *units: str) -> Problem:
    return Problem(
        number=number,
        title=f"问题{number}",
        status=status,
        units=list(units),
        report_id=report,
        statement="问题表现。",
        source_path=f"{report}/{number:02d}.md",
    )


def report(report_id: str, published: dt.date, *problems: Problem) -> Report:
    meta = ReportMeta(title=report_id, issuer="示例单位", published=published)
    return Report(id=report_id, meta=meta, problems=list(problems))


def test_a_slug_is_the_pinyin_and_a_hash_only_for_names_that_read_alike() -> None:
    slugs = unit_slugs(["海口市政务服务中心", "市政局", "市正局", "12345热线", "——"])
    assert slugs["海口市政务服务中心"] == "hai-kou-shi-zheng-wu-fu-wu-zhong-xin"
    assert slugs["12345热线"] == "12345-re-xian"
    assert slugs["市政局"].startswith("shi-zheng-ju-") and slugs["市正局"].startswith("shi-zheng-ju-")
    assert slugs["市政局"] != slugs["市正局"]
    assert slugs["——"].startswith("unit-")
    assert len(set(slugs.values())) == len(slugs)
    long = "很" * 80
    assert len(unit_slugs([long])[long]) <= 60 + 7


def test_a_filter_lists_overdue_then_open_then_completed_newest_report_first() -> None:
    old = report(
        "r-2023",
        dt.date(2023, 1, 1),
        problem("r-2023", 1, Status.COMPLETED, "甲"),
        problem("r-2023", 2, Status.NOT_DONE, "甲"),
    )
    new = report(
        "r-2024",
        dt.date(2024, 1, 1),
        problem("r-2024", 1, Status.COMPLETED, "甲"),
        problem("r-2024", 2, Status.ONGOING, "甲"),
    )
    overdue = {("r-2023", 2)}
    lists = dict(
        (f.path, [(p.report_id, p.number) for p in found])
        for f, found in filters(Site(reports=[new, old]), lambda p: (p.report_id, p.number) in overdue)
    )
    assert lists["unit/jia"] == [("r-2023", 2), ("r-2024", 2), ("r-2024", 1), ("r-2023", 1)]
    assert lists["status/overdue"] == [("r-2023", 2)]
    assert lists["status/in_progress"] == []  # every status has its page, even empty
    assert list(lists)[-2:] == ["year/2024", "year/2023"]


@pytest.mark.parametrize(
    ("number", "count", "shown"),
    [
        (1, 1, [1]),
        (2, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]),
        (1, 12, [1, 2, 3, None, 12]),
        (6, 12, [1, None, 4, 5, 6, 7, 8, None, 12]),
        (12, 12, [1, None, 10, 11, 12]),
    ],
)
def test_a_pager_links_the_first_the_last_and_the_pages_near(number: int, count: int, shown: list) -> None:
    assert Paging(number, count).shown == shown


def test_an_empty_list_has_one_page() -> None:
    assert (page_count(0, 100), page_count(100, 100), page_count(101, 100)) == (1, 1, 2)


def test_the_chart_parts_fill_the_bar_and_a_lone_problem_shows() -> None:
    parts = bar_parts({Status.COMPLETED: 1697, Status.NOT_DONE: 1, Status.ONGOING: 2}, 1700)
    assert [p.status for p in parts] == [Status.COMPLETED, Status.ONGOING, Status.NOT_DONE]
    assert sum(p.width for p in parts) == BAR_WIDTH and min(p.width for p in parts) == MIN_WIDTH
    assert [p.start for p in parts] == [0, parts[0].width, parts[0].width + parts[1].width]
    assert bar_parts({}, 0) == []


def test_progress_knows_which_way_a_figure_improves() -> None:
    up = Metric(name="全程网办率", unit="%", baseline=60, value=82.29, target=95)
    down = Metric(name="超期办件", unit="件", baseline=120, value=30, target=0, better="lower")
    done = Metric(name="平均跑动次数", value=0.3, target=0.5, better="lower")
    assert (progress(up).percent, progress(up).reached) == (63, False)
    assert (progress(down).percent, progress(down).reached) == (75, False)
    assert progress(done).reached and progress(done).percent == 100
    assert progress(Metric(name="即办件占比", value=40)) is None
    shown = columns([up, Metric(name="即办件占比", value=40)])
    assert (shown.baseline, shown.target, shown.as_of, shown.progress) == (True, True, False, True)
