"""Atom feeds (RFC 4287) of the site and of each report: valid XML with the elements Atom requires,
stable ids, absolute links to pages that exist, newest first and bounded; linked from the pages'
<head>; none without site_url."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.etree import ElementTree as ET

from support.builds import MINIMAL_CONFIG, REPORT_YML, Build, build_site, problem_file

A = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://rectify.example.org/"


def parse(path: Path) -> ET.Element:
    data = path.read_bytes()
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n")
    return ET.fromstring(data)


def check_atom(feed: ET.Element, site: Path) -> list[ET.Element]:
    """The elements RFC 4287 requires of a feed and its entries; every link leads to a page of ``site``."""
    assert feed.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{A}{name}")) == 1, name
    assert feed.find(f"{A}author/{A}name") is not None
    assert feed.find(f"{A}link[@rel='self']").get("type") == "application/atom+xml"
    entries = feed.findall(f"{A}entry")
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):
            assert (entry.findtext(f"{A}{name}") or "").strip(), name
        dt.datetime.fromisoformat(entry.findtext(f"{A}updated") or "")
        href = entry.find(f"{A}link[@rel='alternate']").get("href") or ""
        assert href.startswith(SITE_URL)
        assert (site / href.removeprefix(SITE_URL) / "index.html").is_file(), href
    ids = [entry.findtext(f"{A}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    updated = [entry.findtext(f"{A}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True)  # newest first
    assert feed.findtext(f"{A}updated") == updated[0]
    return entries


def test_the_site_feed_has_reports_status_changes_deadline_moves_corrections_and_withdrawals(
    tracking_example: Build,
) -> None:
    feed = parse(tracking_example.site / "feeds" / "atom.xml")
    entries = check_atom(feed, tracking_example.site)
    assert feed.findtext(f"{A}id") == f"{SITE_URL}feeds/atom.xml"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"
    titles = [entry.findtext(f"{A}title") for entry in entries]
    assert titles[0] == "问题3：办件系统改造进度滞后：整改时限调整"
    summary = entries[0].findtext(f"{A}summary") or ""
    assert summary.endswith(
        "整改时限由2024年9月30日调整为2025年3月31日，原因：系统改造需与省级平台同步上线。"
    )
    assert "问题1：政务服务事项网上可办率不高：整改状态变为“已完成”" in titles
    assert "问题3：办件系统改造进度滞后：更正" in titles
    assert "已撤回：问题8：政务服务事项清单未及时更新" in titles
    assert "发布：示例：中共示例市示例局党组关于巡察整改进展情况的通报" in titles
    assert "已撤回：示例：中共示例市示例局党组关于巡察整改情况的通报（误发稿）" in titles
    ids = {entry.findtext(f"{A}id") for entry in entries}
    assert "tag:rectify.example.org,2024-04-10:sjj-2024/3/2024-04-10-1" in ids
    assert "tag:rectify.example.org,2024-03-15:sjj-2024" in ids


def test_each_report_has_its_own_feed(tracking_example: Build) -> None:
    feed = parse(tracking_example.site / "feeds" / "reports" / "sjj-2023.xml")
    entries = check_atom(feed, tracking_example.site)
    assert [e.findtext(f"{A}title") for e in entries] == [
        "发布：示例：中共示例市示例局党组关于上一轮巡察整改情况的通报"
    ]
    assert feed.find(f"{A}link[@rel='alternate']").get("href") == f"{SITE_URL}sjj-2023/"
    assert feed.findtext(f"{A}author/{A}name") == "中共示例市示例局党组（示例）"
    # Its publication, 9 history entries (problems 1 to 4) and the withdrawal of problem 8.
    reports = tracking_example.site / "feeds" / "reports"
    assert len(check_atom(parse(reports / "sjj-2024.xml"), tracking_example.site)) == 11
    assert not (reports / "sjj-2022.xml").exists()  # withdrawn


def test_pages_link_to_the_feeds_in_their_head(tracking_example: Build) -> None:
    site_link = '<link rel="alternate" type="application/atom+xml" title="订阅本站整改动态（Atom）"'
    report_link = '<link rel="alternate" type="application/atom+xml" title="订阅本通报整改动态（Atom）"'
    home = tracking_example.html("")
    head = home[: home.index("</head>")]
    assert f'{site_link} href="feeds/atom.xml">' in head and report_link not in head
    problem = tracking_example.html("sjj-2024/3/")
    head = problem[: problem.index("</head>")]
    assert f'{site_link} href="../../feeds/atom.xml">' in head
    assert f'{report_link} href="../../feeds/reports/sjj-2024.xml">' in head
    assert f'{report_link} href="../feeds/reports/sjj-2024.xml">' in tracking_example.html("sjj-2024/")


def test_without_site_url_the_build_says_so_and_writes_no_feed(make_site) -> None:
    files = {"content/r-2024/report.yml": REPORT_YML, "content/r-2024/01.md": problem_file(1, "甲")}
    build = build_site(make_site(files), "--strict")
    assert build.returncode == 0, build.output
    assert "INFO    -  rectify: feeds：未生成 Atom 订阅：订阅中的链接须为完整网址" in build.output
    assert not (build.site / "feeds").exists()
    assert "application/atom+xml" not in build.html("r-2024/1/")
    config = (
        MINIMAL_CONFIG.replace("  - rectify:\n", "  - rectify:\n      feeds: false\n")
        + f"site_url: {SITE_URL}\n"
    )
    build = build_site(make_site(files, config=config), "--strict")
    assert build.returncode == 0, build.output
    assert not (build.site / "feeds").exists() and "feeds:" not in build.output
