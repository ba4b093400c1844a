"""Open data as published: what a spreadsheet makes of the CSV, and the JSON's exact text."""

from __future__ import annotations

import csv
import io
import json

from support.builds import MINIMAL_CONFIG, REPORT_YML, build_site, problem_file

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
LABELS = """\
  - rectify:
      status_labels: {ongoing: '-持续整改', not_done: "\\t=未完成", completed: "\\r@已完成"}
"""


def csv_rows(site) -> list[dict[str, str]]:
    text = (site / "data" / "r-2024.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text(make_site) -> None:
    config = MINIMAL_CONFIG.replace("  - rectify\n", LABELS)
    files = {
        "content/r-2024/report.yml": REPORT_YML,
        "content/r-2024/01.md": FORMULA_PROBLEM,
        "content/r-2024/02.md": PLAIN_PROBLEM,
        "content/r-2024/03.md": TAB_PROBLEM,
    }
    build = build_site(make_site(files, config=config), "--strict")
    assert build.returncode == 0, build.output
    first, second, third = csv_rows(build.site)
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
    data = json.loads((build.site / "data" / "rectify.json").read_text("utf-8"))
    problem = data["reports"][0]["problems"][0]
    assert problem["title"] == '=HYPERLINK("http://evil.example/","点击查看")'
    assert problem["category"] == "+1" and problem["units"][0] == "@SUM(1+1)"
    assert problem["measures"] == ["=1+1"] and problem["results"] == ["=CMD()"]
    assert problem["statement"].startswith("-2+3")
