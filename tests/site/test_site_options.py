"""Plugin options and site settings: language, status labels, URLs, overview, open data, unclassified text."""

from __future__ import annotations

import json

from support.builds import MINIMAL_CONFIG, REPORT_YML, build_site, problem_file

CONTENT = {
    "content/r-2024/report.yml": REPORT_YML,
    "content/r-2024/01.md": problem_file(1, "甲", status="ongoing"),
    "content/r-2024/02.md": problem_file(2, "乙", status="not_done"),
}


def test_english_site_uses_the_english_locale(make_site) -> None:
    project = make_site(CONTENT, config=MINIMAL_CONFIG.replace("language: zh", "language: en"))
    build = build_site(project, "--strict")
    assert build.returncode == 0, build.output
    page = build.html("r-2024/1/")
    assert "Problem 1: 甲" in page and ">Largely done, continuing<" in page
    assert ">Problem description</h2>" in page
    assert "2 problems, 0 completed, completion rate 0%" in build.html("r-2024/")


def with_options(options: str) -> str:
    return MINIMAL_CONFIG.replace("  - rectify:\n", "  - rectify:\n" + options)


def test_a_site_renames_a_status_label(make_site) -> None:
    config = with_options("      status_labels:\n        ongoing: 基本完成，持续整改\n")
    build = build_site(make_site(CONTENT, config=config), "--strict")
    assert build.returncode == 0, build.output
    assert ">基本完成，持续整改<" in build.html("r-2024/1/")
    assert "基本完成，持续整改" in (build.site / "data" / "r-2024.csv").read_text("utf-8-sig")


def test_unknown_status_label_is_a_config_error(make_site) -> None:
    config = with_options("      status_labels:\n        done: 好了\n")
    build = build_site(make_site(CONTENT, config=config))
    assert build.returncode == 1
    assert "Aborted with a configuration error" in build.output and "Traceback" not in build.output
    said = "没有“done”这种整改状态，请使用：completed、ongoing、in_progress"  # a Chinese site
    assert f"option 'status_labels': {said}" in build.output


def test_urls_follow_use_directory_urls(make_site) -> None:
    build = build_site(make_site(CONTENT, config=MINIMAL_CONFIG + "use_directory_urls: false\n"), "--strict")
    assert build.returncode == 0, build.output
    assert (build.site / "r-2024" / "1.html").is_file()
    data = json.loads((build.site / "data" / "rectify.json").read_text("utf-8"))
    assert data["reports"][0]["url"] == "r-2024/index.html"
    assert [p["url"] for p in data["reports"][0]["problems"]] == ["r-2024/1.html", "r-2024/2.html"]
    assert 'href="2.html" rel="next"' in (build.site / "r-2024" / "1.html").read_text("utf-8")


def test_a_docs_index_collides_with_the_overview(make_site) -> None:
    project = make_site({**CONTENT, "docs/index.md": "# 首页\n"})
    build = build_site(project)
    assert build.returncode == 1
    assert "index.md 已存在，但插件要在这里生成页面" in build.output  # a Chinese site
    config = with_options("      overview: false\n")
    project = make_site({**CONTENT, "docs/index.md": "# 首页\n"}, config=config)
    build = build_site(project, "--strict")
    assert build.returncode == 0, build.output
    assert "首页" in build.html("")


def test_open_data_can_be_turned_off(make_site) -> None:
    config = with_options("      open_data: false\n")
    build = build_site(make_site(CONTENT, config=config), "--strict")
    assert build.returncode == 0, build.output
    # No open data; only the manifest of the site's files, which every build writes.
    assert [p.name for p in (build.site / "data").iterdir()] == ["manifest.json"]
    assert "rectify-open-data" not in build.html("r-2024/")


def test_unclassified_text_is_shown_and_warned_about(make_site) -> None:
    files = {
        **CONTENT,
        "content/r-2024/report.yml": REPORT_YML + "unclassified:\n  - 无法归类的一段话。\n",
        "content/r-2024/01.md": problem_file(1, "甲", unclassified="[问题里多出来的一句。]"),
    }
    project = make_site(files)
    build = build_site(project)
    assert build.returncode == 0, build.output
    assert "report.yml：unclassified（未归类内容）：有 1 段文字" in build.output
    assert "01.md：unclassified（未归类内容）：有 1 段文字" in build.output
    assert "无法归类的一段话。" in build.html("r-2024/")
    assert "问题里多出来的一句。" in build.html("r-2024/1/")
    assert build_site(project, "--strict").returncode == 1


def test_markdown_in_fields_is_rendered_and_text_is_escaped(make_site) -> None:
    files = {
        **CONTENT,
        "content/r-2024/01.md": problem_file(
            1, '"<b>标题</b>"', measures="['**加粗**措施', '第二项']", body="正文含 *强调*。"
        ),
    }
    build = build_site(make_site(files), "--strict")
    assert build.returncode == 0, build.output
    page = build.html("r-2024/1/")
    assert "问题1：&lt;b&gt;标题&lt;/b&gt;" in page
    assert "<strong>加粗</strong>措施" in page and "<em>强调</em>" in page


def test_metrics_show_when_a_problem_has_no_results(make_site) -> None:
    # Metrics are the results in figures: a problem that states only its figures still shows them.
    metrics = "\nmetrics:\n  - {name: 全程网办率, unit: '%', value: 82.29, target: 95, as_of: 2021-12-31}"
    project = make_site(
        {
            "content/r-2024/report.yml": REPORT_YML,
            "content/r-2024/01.md": problem_file(1, "只有数据的问题", measures="[措施。]" + metrics),
        }
    )
    result = build_site(project, "--strict")
    assert result.returncode == 0, result.output
    page = result.html("r-2024/1/")
    assert "全程网办率" in page and "82.29" in page
    assert page.index("措施。") < page.index("全程网办率")
    assert '<ol class="rectify-items">\n</ol>' not in page and "<ol class=\"rectify-items\"></ol>" not in page
