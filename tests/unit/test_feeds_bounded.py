"""A feed holds the newest entries only, and the same content gives the same bytes."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from mkdocs_rectify.feeds import MAX_ENTRIES, feeds
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.model import Problem, Report, ReportMeta, Site

A = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://rectify.example.org/"


def test_a_feed_holds_the_newest_entries_only() -> None:
    history = [
        {"date": dt.date(2020, 1, 1) + dt.timedelta(days=i), "correction": f"更正{i}"} for i in range(80)
    ]
    problem = Problem.model_validate(
        {
            "number": 1,
            "title": "甲",
            "status": "in_progress",
            "report_id": "r-2019",
            "statement": "问题。",
            "source_path": "r-2019/01.md",
            "history": history,
        }
    )
    meta = ReportMeta(title="通报", issuer="党组", published=dt.date(2019, 12, 1))
    site = Site(reports=[Report(id="r-2019", meta=meta, problems=[problem])], build_date=dt.date(2021, 1, 1))

    def url_of(report_id: str, number: int | None) -> str:
        return f"{report_id}/" if number is None else f"{report_id}/{number}/"

    made = feeds(site, url_of, Locale("zh-CN"), site_url=SITE_URL, site_name="站", home_url="")
    assert set(made) == {"feeds/atom.xml", "feeds/reports/r-2019.xml"}
    entries = ET.fromstring(made["feeds/atom.xml"]).findall(f"{A}entry")
    assert len(entries) == MAX_ENTRIES == 50
    assert entries[0].findtext(f"{A}updated") == "2020-03-20T00:00:00+08:00"  # the 80th day
    assert entries[-1].findtext(f"{A}summary") == "通报。更正：更正30"
    assert made == feeds(site, url_of, Locale("zh-CN"), site_url=SITE_URL, site_name="站", home_url="")
