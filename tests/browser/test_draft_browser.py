"""The 草稿/待补充 notice in Chromium: seen on a draft's pages, and axe finds nothing to fault."""

from __future__ import annotations

from support.axe import violations
from support.builds import build_site
from support.drafts import draft_site
from support.inpage import opened
from support.web import serve_dir


def test_draft_pages_pass_axe(browser, make_site) -> None:
    build = build_site(draft_site(make_site))
    assert build.returncode == 0, build.output
    with serve_dir(build.site) as url:
        for path in ("/qwwlj-2025/", "/mxwlj-2025/", "/mxwlj-2025/1/", "/"):
            with opened(browser, url + path) as page:
                marker = page.locator(".rectify-draft")
                if path != "/":
                    assert marker.is_visible() and "草稿" in marker.inner_text()
                assert violations(page) == [], path
