"""The pages at moved and withdrawn addresses in Chromium: WCAG 2.2 AA in both views, one heading,
and the way on a keyboard reaches."""

from __future__ import annotations

import pytest
from support.axe import violations
from support.builds import Build
from support.inpage import MODES, in_care_mode, opened
from support.web import serve_dir


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("url", ["/sjj-2024/7/", "/sjj-2024/8/", "/sjj-2022/"])
def test_moved_and_withdrawn_pages_meet_wcag_aa(
    browser, tracking_example: Build, url: str, mode: str
) -> None:
    with serve_dir(tracking_example.site) as root, opened(browser, root + url, mode=mode) as page:
        assert in_care_mode(page) == (mode == "care")
        assert violations(page) == []
        link = page.locator(".rectify-gone__link a")
        link.focus()
        assert page.evaluate("document.activeElement.matches('.rectify-gone__link a')")
        assert page.locator("h1").count() == 1
