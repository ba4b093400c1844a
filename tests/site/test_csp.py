"""The site under a strict Content-Security-Policy: no inline script runs unless its hash is allowed.

``mkdocs-rectify csp SITE_DIR`` prints the policy for a built site; the build logs it too. In
Chromium, every kind of page is served with that exact header and used (a search with a filter, the
leave dialog, 关怀版): no violation is reported and no error reaches the console.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support.builds import MINIMAL_CONFIG, REPORT_YML, Build, build_site, problem_file
from support.policy import CUSTOM_FILES, DIRECTIVES, HEADER, csp, policy_of

from mkdocs_rectify.csp import PageFindings, page_findings, script_hash


class _Scripts(HTMLParser):
    """The text of every script element without src that a browser would run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.inline: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        runs = (values.get("type") or "").strip().lower() in ("", "module", "text/javascript")
        if tag == "script" and "src" not in values and runs:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.inline.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    parser = _Scripts()
    parser.feed(html)
    return parser.inline


def test_no_page_of_the_demo_runs_an_inline_script(demo_build: Build) -> None:
    pages = sorted(demo_build.site.rglob("*.html"))
    assert len(pages) > 20
    inline = {
        page.relative_to(demo_build.site).as_posix(): inline_scripts(page.read_text("utf-8"))
        for page in pages
    }
    assert {page: scripts for page, scripts in inline.items() if scripts} == {}


def test_the_policy_of_the_demo_allows_its_own_files_and_webassembly_only(demo_build: Build) -> None:
    policy = policy_of(demo_build.site)
    assert (
        policy.split("; ")
        == [
            DIRECTIVES[0],
            "script-src 'self' 'wasm-unsafe-eval'",  # Pagefind's WebAssembly
            *DIRECTIVES[1:],
        ]
    )
    assert f"{HEADER}: {policy}" in demo_build.output  # logged at the end of the build
    nginx = csp(demo_build.site, "--nginx")
    assert nginx.returncode == 0
    assert nginx.stdout.strip() == f'add_header {HEADER} "{policy}" always;'


def test_a_site_without_search_needs_no_webassembly(make_site) -> None:
    config = MINIMAL_CONFIG.replace("  - rectify:\n", "  - rectify:\n      search: false\n")
    files = {"content/r-2024/report.yml": REPORT_YML, "content/r-2024/01.md": problem_file(1, "甲")}
    build = build_site(make_site(files, config=config), "--strict")
    assert build.returncode == 0, build.output
    assert policy_of(build.site).split("; ")[1] == "script-src 'self'"


def test_csp_explains_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    missing = csp(tmp_path / "nowhere")
    assert missing.returncode == 2
    assert "nowhere: no such folder" in missing.stderr and "Traceback" not in missing.stderr
    empty = csp(tmp_path)
    assert empty.returncode == 2
    assert "no HTML page" in empty.stderr and "Traceback" not in empty.stderr


def test_inline_scripts_and_styles_are_found_however_they_are_written() -> None:
    html = (
        '<html><head><SCRIPT TYPE="module">import "./a.js"</SCRIPT>'
        '<script type="application/ld+json">{"@type": "Thing"}</script>'
        '<script type="application/json">{"a": 1}</script><script src="x.js"></script>'
        "<script>\r\nrun()\r\n</script></head>"
        '<body><svg><style>path{fill:red}</style></svg><DIV ONCLICK="go()" Style="x"></DIV>'
        '<a href=" JavaScript:void(0)">a</a><p data-x-onclick="1">data-x-onclick=1 in text</p></body></html>'
    )
    found = page_findings(html)
    assert found.scripts == ['import "./a.js"', "\r\nrun()\r\n"]
    assert found.styles == ["path{fill:red}"]
    assert found.unhashable == [
        "<div onclick=…> (an event handler attribute)",
        "<div style=…> (a style attribute)",
        '<a href="javascript:…"> (a javascript: URL)',
    ]
    # The browser hashes the text with its line breaks read as \n.
    assert script_hash("\r\nrun()\r\n") == script_hash("\nrun()\n")


def test_a_page_with_only_files_and_data_blocks_needs_nothing_more() -> None:
    html = (
        '<script src="a.js"></script><script id="__config" type="application/json">{"style=": 1}</script>'
        '<link rel="stylesheet" href="s.css"><p data-md-component="content">list-style=none on=off</p>'
    )
    assert page_findings(html) == PageFindings()


ADVICE = "take it out of the page or its template"


def test_what_no_hash_can_allow_is_named_with_its_page(make_site) -> None:
    page = (
        "# 指南\n\n"
        '<p style="color: red">红字</p>\n\n'
        '<p><a href="javascript:alert(1)">链接</a> <button onclick="go()">按钮</button></p>\n'
    )
    files = {
        "content/r-2024/report.yml": REPORT_YML,
        "content/r-2024/01.md": problem_file(1, "甲"),
        "docs/guide.md": page,
    }
    build = build_site(make_site(files), "--strict")  # reported, but not a reason to stop a build
    assert build.returncode == 0, build.output
    assert "guide/index.html：<p style=…>（style 属性）：不含 'unsafe-inline' 的内容安全策略" in build.output
    result = csp(build.site)
    assert result.returncode == 0 and result.stdout.startswith(HEADER)
    assert result.stderr.splitlines() == [
        f"warning: guide/index.html: {what}: not allowed by this policy; {ADVICE}"
        for what in (
            "<p style=…> (a style attribute)",
            '<a href="javascript:…"> (a javascript: URL)',
            "<button onclick=…> (an event handler attribute)",
        )
    ]


# -- a site with inline scripts of its own: their hashes are in the policy ------------------------------


@pytest.fixture
def custom_site(shared_build) -> Build:
    build = shared_build(CUSTOM_FILES, "--strict")
    assert build.returncode == 0, build.output
    return build


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def test_the_hash_of_every_inline_script_of_a_site_is_in_its_policy(custom_site: Build) -> None:
    scripts = {
        script for page in custom_site.site.rglob("*.html") for script in inline_scripts(page.read_text())
    }
    # The script differs with the length of the page's URL: one hash for each variant.
    assert len(scripts) >= 3
    script_src = policy_of(custom_site.site).split("; ")[1].split()
    assert script_src[:3] == ["script-src", "'self'", "'wasm-unsafe-eval'"]
    assert script_src[3:] == sorted(sha256(script) for script in scripts)
    assert not any("application/json" in s or '"a": 1' in s for s in scripts)
