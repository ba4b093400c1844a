"""A site whose content is hostile in every field (tests/support/payloads.py), with Material's navigation
features on, for the tests that check nothing of it runs and all of its text is still read."""

from __future__ import annotations

import yaml

from support.builds import MINIMAL_CONFIG, STATEMENT_OPTIONS, Build, SharedBuilds
from support.payloads import EMAIL, MARKDOWN, PHONE, TEXT

REPORT_ID = "r-2024"
OTHER_ID = "s-2023"
SITE_NAME = "测试站点"
FEATURES = [
    "navigation.indexes",
    "navigation.tabs",
    "navigation.sections",
    "navigation.path",
    "navigation.footer",
    "navigation.top",
    "navigation.instant",
    "toc.follow",
]
STATUSES = ["completed", "ongoing", "in_progress", "not_done"]
LOOKALIKE = "www.g\u03bfv.cn"
"""www.gov.cn with a Greek omicron: not allowed by *.gov.cn, and shown with its ASCII form."""
LOOKALIKE_ASCII = "www.xn--gv-jbc.cn"

REPORT_TITLE = TEXT[0].text
"""The report's title: the payload that breaks out of <title>."""
ALL_MARKDOWN = "\n\n".join(p.text for p in MARKDOWN)
"""Every Markdown payload in one text (those that leave markup open come last)."""


def config(*, search: bool = True, material_search: bool = False) -> str:
    """The hostile site's mkdocs.yml: several navigation features, search, the leave notice."""
    features = "  features:\n" + "".join(f"    - {feature}\n" for feature in FEATURES)
    plugins = "  - search\n" if material_search else ""
    plugins += '  - rectify:\n      leave_site:\n        allow: ["*.gov.cn"]\n'
    if not search:
        plugins += "      search: false\n"
    extensions = "  - tables\n  - def_list\n  - toc:\n      permalink: true\n"
    text = MINIMAL_CONFIG.replace("  font: false\n", "  font: false\n" + features)
    # The statement gives the hostile report's contact (no contact of its own), and a test date.
    text = text.replace(STATEMENT_OPTIONS, "      accessibility: {tested: 2024-05-06}\n")
    text = text.replace("  - rectify:\n", plugins)
    return text + extensions + "site_url: https://rectify.example.gov/\n"


def _front(fields: dict) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n"


def problem(index: int) -> str:
    """Problem ``index + 1``: a plain-text payload in each text field, every Markdown payload in
    each Markdown field (one item each in lists, all together in the statement)."""
    n = len(TEXT)
    fields = {
        "number": index + 1,
        "title": TEXT[index].text,
        "status": STATUSES[index % len(STATUSES)],
        "category": TEXT[(index + 1) % n].text,
        "units": [TEXT[(index + 2) % n].text, "正常单位"],
        "deadline": "2024-12-31",
        "measures": [p.text for p in MARKDOWN],
        "results": [p.text for p in MARKDOWN],
        "next_steps": [p.text for p in MARKDOWN],
        "unclassified": [p.text for p in MARKDOWN],
        "metrics": [{"name": TEXT[index].text, "unit": TEXT[(index + 3) % n].text, "value": 1}],
        "history": [
            {"date": "2024-06-01", "status": STATUSES[index % len(STATUSES)], "note": TEXT[index].text}
        ],
    }
    return _front(fields) + ALL_MARKDOWN + "\n"


def report() -> str:
    fields = {
        "title": REPORT_TITLE,
        "issuer": TEXT[1].text,
        "source": TEXT[2].text,
        "published": "2024-05-06",
        "index_number": TEXT[3].text,
        "disclosure": TEXT[4].text,
        "inspection": {"body": TEXT[5].text, "start": "2024-01-02", "end": "2024-02-03"},
        "intro": ALL_MARKDOWN,
        "contact": {
            "phone": PHONE,
            "address": TEXT[6].text,
            "postcode": "570100",
            "email": EMAIL,
            "note": TEXT[7].text,
        },
        "unclassified": [p.text for p in MARKDOWN],
    }
    return yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)


def files() -> dict[str, str]:
    tree = {f"content/{REPORT_ID}/report.yml": report()}
    for index in range(len(TEXT)):
        tree[f"content/{REPORT_ID}/{index + 1:02d}.md"] = problem(index)
    tree[f"content/{OTHER_ID}/report.yml"] = "title: 另一份通报\nissuer: 单位\npublished: 2023-05-06\n"
    tree[f"content/{OTHER_ID}/01.md"] = (
        _front({"number": 1, "title": "正常问题", "status": "completed"}) + "正文。\n"
    )
    tree["docs/guide/index.md"] = (
        "# 指南\n\n见[外站](https://news.example.com/)、[政府网](https://www.gov.cn/)"
        f"和[像政府网的网站](https://{LOOKALIKE}/)。\n\n"
        '<p><code><a href="https://code.example.org/">代码中的链接</a></code></p>\n'
    )
    tree["docs/guide/more.md"] = "# 更多\n\n正文。\n"
    return tree


def build(shared_build: SharedBuilds, **options: bool) -> Build:
    """The hostile site, built once for the session (not --strict: removed images and unclassified
    text warn)."""
    result = shared_build({"mkdocs.yml": config(**options), **files()})
    assert result.returncode == 0, result.output
    return result


def problem_page_title(index: int) -> str:
    """The text of a problem page's <title>, as the locale words it."""
    return f"问题{index + 1}：{TEXT[index].text} - {REPORT_TITLE} - {SITE_NAME}"
