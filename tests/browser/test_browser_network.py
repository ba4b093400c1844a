"""In Chromium, no page of the demo asks any host but the one serving it."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from support.builds import DEMO_ID

pytestmark = pytest.mark.browser

PAGES = ["/", f"/{DEMO_ID}/", f"/{DEMO_ID}/1/", f"/{DEMO_ID}/17/", "/404.html"]


@pytest.mark.parametrize("path", PAGES)
def test_zero_requests_leave_loopback(page, demo_url: str, path: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(demo_url + path, wait_until="networkidle")
    page.mouse.wheel(0, 5000)
    page.wait_for_timeout(300)
    assert requests, "the page made no request at all"
    leaving = [
        u
        for u in requests
        if urlparse(u).hostname not in ("127.0.0.1", "localhost", None)
        and not u.startswith(("data:", "blob:"))
    ]
    assert leaving == []
    assert page.evaluate("document.documentElement.lang").startswith("zh")
