"""Drafts (``draft: true``): an unfinished import loads with warnings and is shown as 草稿/待补充;
``validate`` lists what is missing, ``validate --strict`` and a strict build refuse it. A report that
only states counts (a round-level summary) is a report without problem files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from a11ypages import opened
from click.testing import CliRunner
from conftest import REPORT_YML, problem_file, run_mkdocs, serve_dir, write_tree
from test_a11y import violations

from mkdocs_rectify.cli import main
from mkdocs_rectify.loader import ContentErrors, load_content

BARE_DRAFT = """\
draft: true
intro: 根据区委统一部署，区委第二巡察组对区文旅局党组开展了巡察。
unclassified:
  - 未能识别的一段通报原文。
"""
DRAFT_WITH_PROBLEM = """\
draft: true
title: 中共某县文旅局党组关于巡察整改情况的通报
source: 某县文旅局
"""
SUMMARY = (
    REPORT_YML
    + """\
intro: 区委第三轮巡察反馈问题312个，已完成整改300个。
declared:
  total: 312
  completed: 300
"""
)


def test_a_draft_loads_with_a_warning_naming_what_is_missing(tmp_path: Path) -> None:
    write_tree(tmp_path, {"qwwlj-2025/report.yml": BARE_DRAFT})
    loaded = load_content(tmp_path)
    report = loaded.site.reports[0]
    assert report.meta.draft and report.problems == []
    assert report.missing == ["title", "issuer", "published", "problems"]
    drafts = [w for w in loaded.warnings if ": draft: " in w]
    assert len(drafts) == 1 and drafts[0].endswith(
        "qwwlj-2025/report.yml: draft: missing title, issuer, published, problems (shown as 待补充); "
        "fill them in, then remove draft: true"
    )


def test_the_same_report_without_draft_is_refused_with_every_field(tmp_path: Path) -> None:
    write_tree(tmp_path, {"qwwlj-2025/report.yml": BARE_DRAFT.replace("draft: true\n", "")})
    with pytest.raises(ContentErrors) as caught:
        load_content(tmp_path)
    messages = [str(error) for error in caught.value.errors]
    for field in ("title", "issuer", "published"):
        assert any(f"report.yml:1: {field}: required field is missing" in m for m in messages)
    assert any("no problem files" in message and "draft: true" in message for message in messages)


def test_draft_must_be_yes_or_no(tmp_path: Path) -> None:
    write_tree(
        tmp_path, {"a-2025/report.yml": REPORT_YML + "draft: 'true'\n", "a-2025/01.md": problem_file(1, "题")}
    )
    with pytest.raises(ContentErrors) as caught:
        load_content(tmp_path)
    assert [error.field for error in caught.value.errors] == ["draft"]


def test_a_round_level_summary_states_counts_and_has_no_problems(tmp_path: Path) -> None:
    write_tree(tmp_path, {"qwxc-2025/report.yml": SUMMARY})
    loaded = load_content(tmp_path)
    assert loaded.warnings == []  # the counts are not compared with problems it does not list
    assert loaded.site.reports[0].missing == []


def test_validate_lists_what_is_missing_and_strict_refuses(tmp_path: Path) -> None:
    write_tree(tmp_path, {"qwwlj-2025/report.yml": BARE_DRAFT})
    runner = CliRunner()
    plain = runner.invoke(main, ["validate", str(tmp_path)])
    assert plain.exit_code == 0, plain.output
    assert "draft: missing title, issuer, published, problems" in plain.output
    assert "1 report(s), 0 problem(s), valid." in plain.output
    strict = runner.invoke(main, ["validate", "--strict", str(tmp_path)])
    assert strict.exit_code == 1 and "--strict makes warnings errors" in strict.output


def _draft_site(make_site) -> Path:
    return make_site(
        {
            "content/qwwlj-2025/report.yml": BARE_DRAFT,
            "content/mxwlj-2025/report.yml": DRAFT_WITH_PROBLEM,
            "content/mxwlj-2025/01.md": problem_file(1, "理论学习不深入"),
            "content/done-2024/report.yml": REPORT_YML,
            "content/done-2024/01.md": problem_file(1, "已核对的问题"),
        }
    )


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_draft_builds_without_strict_and_says_so_on_its_pages(make_site) -> None:
    project = _draft_site(make_site)
    strict = run_mkdocs(project, "--strict")
    assert strict.returncode != 0 and "draft: missing" in strict.output
    build = run_mkdocs(project)
    assert build.returncode == 0, build.output
    bare = build.html("qwwlj-2025/")
    assert 'class="rectify-draft"' in bare
    assert "草稿" in _text(bare) and "待补充" in _text(bare)
    fields = re.findall(r'data-field="([a-z]+)">([^<]+)<', bare)
    assert fields == [
        ("title", "文件名称"),
        ("issuer", "发布机构"),
        ("published", "发布日期"),
        ("problems", "问题清单"),
    ]
    assert "None" not in _text(bare) and "（标题待补充）" in _text(bare)
    assert "未能识别的一段通报原文。" in bare  # the unclassified text is on the page
    partial = build.html("mxwlj-2025/")
    assert re.findall(r'data-field="([a-z]+)"', partial) == ["issuer", "published"]
    problem = build.html("mxwlj-2025/1/")
    assert 'class="rectify-draft"' in problem and "中共某县文旅局党组关于巡察整改情况的通报" in problem
    assert 'class="rectify-draft"' not in build.html("done-2024/")
    assert 'class="rectify-draft"' not in build.html("done-2024/1/")
    overview = _text(build.html(""))
    assert "（标题待补充）" in overview and "None" not in overview


@pytest.mark.browser
def test_draft_pages_pass_axe(browser, make_site) -> None:
    build = run_mkdocs(_draft_site(make_site))
    assert build.returncode == 0, build.output
    with serve_dir(build.site) as url:
        for path in ("/qwwlj-2025/", "/mxwlj-2025/", "/mxwlj-2025/1/", "/"):
            with opened(browser, url + path) as page:
                marker = page.locator(".rectify-draft")
                if path != "/":
                    assert marker.is_visible() and "草稿" in marker.inner_text()
                assert violations(page) == [], path
