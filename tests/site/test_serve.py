"""`mkdocs serve` watches content/, which lies outside docs_dir, and shows content errors in the page."""

from __future__ import annotations

from support.builds import MINIMAL_CONFIG, REPORT_YML, problem_file
from support.serve import fetch, mkdocs_serve, wait_for


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
