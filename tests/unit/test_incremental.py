"""Which generated pages an edit of problem files can change (the rebuilds of ``mkdocs serve``)."""

from __future__ import annotations

import datetime as dt

from mkdocs_rectify.browse import browsing
from mkdocs_rectify.config import RectifyConfig
from mkdocs_rectify.incremental import Content, affected_pages
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Problem, Report, ReportMeta, Site, Status
from mkdocs_rectify.pages import PageKey, PageKind, plan_pages
from mkdocs_rectify.tracking import SiteFacts

TODAY = dt.date(2025, 6, 1)


def options() -> RectifyConfig:
    config = RectifyConfig()
    config.load_dict({"browse": {"page_size": 2}})
    errors, _ = config.validate()
    assert not errors
    return config


def problem(
    report: str, number: int, title: str, status: Status = Status.COMPLETED, unit: str = "甲局"
) -> Problem:
    return Problem(
        number=number,
        title=title,
        status=status,
        units=[unit],
        report_id=report,
        statement="问题表现。",
        source_path=f"{report}/{number:02d}.md",
    )


def report(report_id: str, published: dt.date, *problems: Problem, title: str = "通报") -> Report:
    meta = ReportMeta(title=title, issuer="示例单位", published=published)
    return Report(id=report_id, meta=meta, problems=list(problems))


def site(*reports: Report, today: dt.date = TODAY) -> Site:
    return Site(reports=list(reports), build_date=today)


def content(of: Site) -> Content:
    found = browsing(SiteFacts(of), options().browse)
    keys = frozenset(plan.key for plan in plan_pages(of, Locale("zh-CN"), options(), found))
    return Content(of, found, keys)


def two_reports(
    title: str = "原来的标题",
    status: Status = Status.COMPLETED,
    unit: str = "甲局",
    *,
    report_title: str = "通报",
    problems: int = 3,
    today: dt.date = TODAY,
) -> Site:
    listed = [
        problem("r-2024", 1, "第一个问题"),
        problem("r-2024", 2, title, status, unit),
        problem("r-2024", 3, "第三个问题"),
    ]
    return site(
        report("r-2024", dt.date(2024, 5, 6), *listed[:problems], title=report_title),
        report("r-2023", dt.date(2023, 4, 3), problem("r-2023", 1, "去年的问题", unit="乙局")),
        today=today,
    )


def filter_pages(keys: set[PageKey]) -> set[str]:
    return {f"{key.name}/{key.number}" for key in keys if key.kind is PageKind.FILTER}


def test_nothing_changed_renders_nothing() -> None:
    assert affected_pages(content(two_reports()), content(two_reports())) == set()


def test_a_new_title_renders_its_report_the_site_wide_pages_and_the_filters_that_list_it() -> None:
    before, after = content(two_reports()), content(two_reports(title="修改后的标题"))
    affected = affected_pages(before, after)
    assert affected is not None
    kinds = {key.kind for key in affected}
    assert {PageKind.OVERVIEW, PageKind.BROWSE, PageKind.SEARCH, PageKind.YEAR} <= kinds
    of_report = {key for key in after.pages if key.report_id == "r-2024"}
    assert of_report <= affected  # the problem, its report, its neighbours' pagers
    assert not {key for key in affected if key.report_id == "r-2023"}
    assert (
        PageKey(PageKind.YEAR, number=2024) in affected
        and PageKey(PageKind.YEAR, number=2023) not in affected
    )
    assert PageKey(PageKind.STATEMENT) not in affected
    # the filters that list it, every page of each; not those of the other unit or year
    assert filter_pages(affected) == {
        "status/completed/1",
        "status/completed/2",
        "unit/jia-ju/1",
        "unit/jia-ju/2",
        "year/2024/1",
        "year/2024/2",
    }


def test_a_new_status_renders_the_filters_it_leaves_and_joins() -> None:
    before = content(two_reports())
    after = content(two_reports(status=Status.IN_PROGRESS))
    affected = affected_pages(before, after)
    assert affected is not None
    pages = filter_pages(affected)
    assert {"status/completed/1", "status/completed/2", "status/in_progress/1"} <= pages
    assert "status/not_done/1" not in pages and "unit/yi-ju/1" not in pages


def test_a_change_of_the_whole_renders_every_page() -> None:
    before = content(two_reports())
    assert affected_pages(before, content(two_reports(report_title="改名的通报"))) is None  # report.yml
    assert affected_pages(before, content(two_reports(unit="丙局"))) is None  # a new unit: a new page
    assert affected_pages(before, content(two_reports(problems=2))) is None  # a problem removed
    later = TODAY + dt.timedelta(days=1)
    assert affected_pages(before, content(two_reports(today=later))) is None  # another build date
