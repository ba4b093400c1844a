"""Open data as written: what a spreadsheet makes of the CSV, and the JSON's exact text.

The files are made from loaded content, without a build: the sites of tests/site check that a build
writes them (the demo's CSV and JSON, a status label from mkdocs.yml in the CSV)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from support.builds import REPORT_YML, problem_file, write_tree
from support.content import BUILD_DATE

from mkdocs_rectify.export import csv_bytes, json_bytes
from mkdocs_rectify.loader import load_content
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.pages import PageKey, PageKind, PageUrls

# Cells a spreadsheet (Excel, WPS, LibreOffice) would run as a formula: each starts with one of
# = + - @, a tab or a carriage return. (Content text is stripped of white space when loaded; a
# status label from mkdocs.yml is kept as written.)
FORMULA_PROBLEM = problem_file(
    1,
    '\'=HYPERLINK("http://evil.example/","点击查看")\'',
    body="-2+3 问题表现。",
    category="'+1'",
    units='["@SUM(1+1)", "市政务服务中心"]',
    measures='["=1+1"]',
    results='["=CMD()"]',
    next_steps='["=CMD()", "第二步"]',
)
PLAIN_PROBLEM = problem_file(2, "标题中间的=号不变", status="ongoing", units='["a=b"]')
TAB_PROBLEM = problem_file(3, "未完成", status="not_done")
LABELS = {"ongoing": "-持续整改", "not_done": "\t=未完成", "completed": "\r@已完成"}
"""Status labels as a site may set them (status_labels in mkdocs.yml): kept as written."""
URLS = PageUrls(
    {
        PageKey(PageKind.REPORT, "r-2024"): "r-2024/",
        **{PageKey(PageKind.PROBLEM, "r-2024", number): f"r-2024/{number}/" for number in (1, 2, 3)},
    }
)


def csv_rows(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text(tmp_path: Path) -> None:
    files = {
        "r-2024/report.yml": REPORT_YML,
        "r-2024/01.md": FORMULA_PROBLEM,
        "r-2024/02.md": PLAIN_PROBLEM,
        "r-2024/03.md": TAB_PROBLEM,
    }
    write_tree(tmp_path, files)
    site = load_content(tmp_path, build_date=BUILD_DATE).site
    first, second, third = csv_rows(csv_bytes(site.reports[0], URLS.of, Locale("zh-CN", LABELS)))
    assert first["title"] == '\'=HYPERLINK("http://evil.example/","点击查看")'
    assert first["category"] == "'+1"
    assert first["units"] == "'@SUM(1+1)；市政务服务中心"
    assert first["statement"] == "'-2+3 问题表现。"
    assert first["measures"] == "'=1+1"
    assert first["results"] == "'=CMD()"
    assert first["next_steps"].startswith("1. =CMD()")  # numbered: the cell starts with "1."
    assert second["status_label"] == "'-持续整改"
    assert third["status_label"] == "'\t=未完成" and first["status_label"] == "'\r@已完成"
    # Text that only holds such a character further on is left as written.
    assert second["title"] == "标题中间的=号不变" and second["units"] == "a=b"
    assert first["number"] == "1" and first["url"] == "r-2024/1/"

    # The JSON is read by programs, not spreadsheets: it keeps the exact text.
    data = json.loads(json_bytes(site, URLS.of))
    problem = data["reports"][0]["problems"][0]
    assert problem["title"] == '=HYPERLINK("http://evil.example/","点击查看")'
    assert problem["category"] == "+1" and problem["units"][0] == "@SUM(1+1)"
    assert problem["measures"] == ["=1+1"] and problem["results"] == ["=CMD()"]
    assert problem["statement"].startswith("-2+3")
