"""`mkdocs serve` watches content/, which lies outside docs_dir, and shows content errors in the page."""

from __future__ import annotations

import gzip
import json
import re
import time
from pathlib import Path

from support.builds import MINIMAL_CONFIG, REPORT_YML, problem_file
from support.serve import ServerLog, fetch, mkdocs_serve, wait_for


def test_editing_a_problem_title_is_served(served) -> None:
    project, base, _ = served
    wait_for(f"{base}/r-2024/1/", "问题1：原来的标题")
    (project / "content/r-2024/01.md").write_text(problem_file(1, "修改后的标题"), "utf-8")
    wait_for(f"{base}/r-2024/1/", "问题1：修改后的标题")


def test_a_content_error_is_shown_in_the_browser_without_a_traceback(served) -> None:
    project, base, process = served
    wait_for(f"{base}/r-2024/1/", "原来的标题")
    (project / "content/r-2024/01.md").write_text(problem_file(1, "标题", status="done"), "utf-8")
    page = wait_for(f"{base}/", "内容有误，网站未能生成")
    assert "r-2024/01.md" in page and "“done”不是整改状态" in page
    (project / "content/r-2024/01.md").write_text(problem_file(1, "改好了"), "utf-8")
    wait_for(f"{base}/r-2024/1/", "问题1：改好了")
    process.terminate()
    output = process.communicate(timeout=10)[0]
    assert "Traceback" not in output
    assert "r-2024/01.md 第 4 行，字段 status：“done”不是整改状态" in output


def test_strict_serve_shows_the_error_page_instead_of_hanging(make_site) -> None:
    broken = problem_file(1, "标题", status="done")
    project = make_site(
        {"content/r-2024/report.yml": REPORT_YML, "content/r-2024/01.md": broken},
        config=MINIMAL_CONFIG + "strict: true\n",
    )
    with mkdocs_serve(project) as (base, process):
        page = wait_for(f"{base}/", "内容有误，网站未能生成", timeout=30)
        assert "“done”不是整改状态" in page
        (project / "content/r-2024/01.md").write_text(problem_file(1, "改好了"), "utf-8")
        wait_for(f"{base}/r-2024/1/", "问题1：改好了", timeout=30)
        (project / "content/r-2024/01.md").write_text(broken, "utf-8")
        wait_for(f"{base}/", "内容有误，网站未能生成", timeout=30)
        process.terminate()
        output = process.communicate(timeout=10)[0]
    assert "Traceback" not in output and "Aborted" not in output
    assert "r-2024/01.md 第 4 行，字段 status：“done”不是整改状态" in output


def test_an_edited_problem_updates_its_pages_the_overview_and_the_open_data(make_site) -> None:
    project = make_site(
        {
            "content/r-2024/report.yml": REPORT_YML,
            "content/r-2024/01.md": problem_file(1, "原来的标题"),
            "content/r-2024/02.md": problem_file(2, "没有改的问题"),
        }
    )
    with mkdocs_serve(project) as (base, _):
        wait_for(f"{base}/r-2024/", "原来的标题")
        assert "已完成 2 个" in (fetch(f"{base}/") or "")
        (project / "content/r-2024/01.md").write_text(problem_file(1, "修改后的标题", "not_done"), "utf-8")
        wait_for(f"{base}/r-2024/1/", "问题1：修改后的标题")
        wait_for(f"{base}/r-2024/", "修改后的标题")
        wait_for(f"{base}/", "已完成 1 个")  # the overview counts the problem as not done
        wait_for(f"{base}/data/rectify.json", "修改后的标题")
        wait_for(f"{base}/data/r-2024.csv", "修改后的标题")
        assert "没有改的问题" in wait_for(f"{base}/r-2024/2/", "问题2")


REPORT_2023 = REPORT_YML.replace("2024-05-06", "2023-04-03").replace("测试单位", "另一单位")


def indexed_titles(site: Path) -> set[str]:
    """The titles of the pages in the search bundle the site serves."""
    titles = set()
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        titles.add(json.loads(data[len(b"pagefind_dcd") :])["meta"]["title"])
    return titles


def without(page: str | None, text: str) -> bool:
    return page is not None and "<html" in page and text not in page


def test_an_edit_updates_every_page_that_shows_it_and_a_report_yml_edit_rebuilds_all(
    make_site, tmp_path: Path
) -> None:
    project = make_site(
        {
            "content/r-2024/report.yml": REPORT_YML,
            "content/r-2024/01.md": problem_file(1, "第一个问题"),
            "content/r-2024/02.md": problem_file(2, "原来的标题"),
            "content/r-2024/03.md": problem_file(3, "第三个问题"),
            "content/r-2023/report.yml": REPORT_2023,
            "content/r-2023/01.md": problem_file(1, "去年的问题"),
        }
    )
    temp = tmp_path / "serve-temp"
    temp.mkdir()
    with mkdocs_serve(project, temp=temp) as (base, process):
        log = ServerLog(process)
        wait_for(f"{base}/r-2024/2/", "问题2：原来的标题")
        log.wait_for("搜索：索引已更新")
        (site,) = temp.glob("mkdocs_*")
        assert any("原来的标题" in title for title in indexed_titles(site))
        assert "已完成 4 个" in wait_for(f"{base}/", "已完成")
        assert "原来的标题" in wait_for(f"{base}/browse/status/completed/", "原来的标题")
        assert "原来的标题" not in wait_for(f"{base}/browse/status/in_progress/", "<html")

        mark = log.mark()
        edited = problem_file(2, "修改后的标题", "in_progress")
        (project / "content/r-2024/02.md").write_text(edited, "utf-8")
        wait_for(f"{base}/r-2024/2/", "问题2：修改后的标题")
        assert "修改后的标题" in wait_for(f"{base}/r-2024/", "修改后的标题")  # its report
        wait_for(f"{base}/", "已完成 3 个")  # the overview's counts
        wait_for(f"{base}/r-2024/1/", "修改后的标题")  # the pagers of its neighbours
        wait_for(f"{base}/r-2024/3/", "修改后的标题")
        assert "修改后的标题" in wait_for(f"{base}/browse/status/in_progress/", "修改后的标题")
        completed = fetch(f"{base}/browse/status/completed/")
        assert without(completed, "修改后的标题") and without(completed, "原来的标题")
        assert "修改后的标题" in wait_for(f"{base}/browse/year/2024/", "修改后的标题")  # its year
        assert without(fetch(f"{base}/browse/year/2023/"), "修改后的标题")
        wait_for(f"{base}/data/rectify.json", "修改后的标题")
        wait_for(f"{base}/data/r-2024.csv", "修改后的标题")
        assert "去年的问题" in (fetch(f"{base}/r-2023/1/") or "")  # a page kept from the last build
        line = log.wait_for("沿用", after=mark)
        pages = re.search(r"重新生成 (\d+) 个页面，沿用上次生成的 (\d+) 个页面", line)
        assert pages is not None and int(pages[1]) > 0 and int(pages[2]) > 0
        log.wait_for("搜索：索引已更新", after=mark)
        titles = indexed_titles(site)
        assert any("修改后的标题" in title for title in titles)
        assert not any("原来的标题" in title for title in titles)

        mark = log.mark()
        report = REPORT_YML.replace("测试单位关于", "改名单位关于")
        (project / "content/r-2024/report.yml").write_text(report, "utf-8")
        for url in ("r-2024/", "r-2024/1/", "r-2024/3/", ""):  # every page that names the report
            wait_for(f"{base}/{url}", "改名单位关于")
        assert "沿用上次生成的 0 个页面" in log.wait_for("沿用", after=mark)  # all rendered again
        log.wait_for("搜索：索引已更新", after=mark)
        process.terminate()
        deadline = time.monotonic() + 10
        while process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
    assert not any("Traceback" in line for line in log.lines)


def test_a_link_to_another_site_added_in_an_edit_gets_its_notice_and_every_page_is_rendered(
    make_site,
) -> None:
    project = make_site(
        {
            "content/r-2024/report.yml": REPORT_YML,
            "content/r-2024/01.md": problem_file(1, "第一个问题", body="见[通知](https://example.org/a)。"),
            "content/r-2024/02.md": problem_file(2, "第二个问题"),
        }
    )
    with mkdocs_serve(project) as (base, process):
        log = ServerLog(process)
        first = wait_for(f"{base}/r-2024/1/", "第一个问题")
        assert "example.org" in first and "leave/" in first  # sent through its notice
        mark = log.mark()
        body = "见[新的网站](https://example.com/b)。"
        (project / "content/r-2024/02.md").write_text(problem_file(2, "第二个问题", body=body), "utf-8")
        page = wait_for(f"{base}/r-2024/2/", "新的网站")
        notice = re.search(r'href="([^"]*leave/[^"]*)"[^>]*>新的网站', page)
        assert notice is not None, "the new link is not sent through a notice page"
        assert "example.com/b" in wait_for(f"{base}/r-2024/2/{notice[1]}", "example.com")
        assert "沿用上次生成的 0 个页面" in log.wait_for("沿用", after=mark)  # new notices: all rendered
