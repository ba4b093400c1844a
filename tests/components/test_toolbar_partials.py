"""The 无障碍工具条's partials with plain Jinja, in both languages: every tool a button with its
state and its announcements from the locale, the text of each language and no other."""

from __future__ import annotations

import re

import pytest
from support.partials import Partials

PAGE = '{% include "partials/rectify/a11y-entry.html" %}{% include "partials/rectify/a11y.html" %}'
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(
    ("language", "entry", "title", "zoom_said"),
    [
        ("zh-CN", "无障碍", "无障碍工具条", "页面放大到 {level}。"),
        ("en", "Accessibility", "Accessibility toolbar", "Page enlarged to {level}."),
    ],
)
def test_the_toolbar_in_each_language(language: str, entry: str, title: str, zoom_said: str) -> None:
    html = Partials(language=language).render(PAGE)
    assert f'<span class="rectify-a11y-entry__label">{entry}</span>' in html
    assert 'aria-controls="rectify-a11y"' in html and 'aria-keyshortcuts="Alt+Shift+A"' in html
    assert f'<section id="rectify-a11y" class="rectify-a11y" aria-label="{title}" hidden' in html
    assert f'data-said-in="{zoom_said}"' in html
    toggles = re.findall(r'data-rectify-a11y-toggle="([a-z]+)"', html)
    assert toggles == ["cursor", "guide", "caption", "text"]
    assert re.findall(r'data-rectify-a11y-scheme="([a-z]+)"', html) == ["default", "contrast", "yellow"]
    # The toolbar's toggles and schemes, then the speech tools' 指读, 连读, 慢 and 快; pressed: 默认, 正常.
    assert html.count('aria-pressed="false"') == 10 and html.count('aria-pressed="true"') == 2
    assert html.count("<button") == len(re.findall(r"<button[^>]*>", html)) == 1 + 4 + 3 + 3 + 2 + 6
    # (the entry; 4 toggles; 3 schemes; 3 zoom steps; reset and close; 指读, 连读, stop and 3 rates)
    assert html.count('aria-hidden="true" hidden data-rectify-a11y-guide') == 1
    assert html.count('aria-hidden="true" hidden data-rectify-a11y-caption') == 1
    assert 'style="' not in html  # the policy allows no style attribute
    if language == "en":
        assert not CJK.search(html), CJK.findall(html)
