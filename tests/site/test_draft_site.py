"""A draft builds without ``--strict`` and says 草稿/待补充 on its pages; a strict build refuses it."""

from __future__ import annotations

import re

from support.builds import build_site
from support.drafts import draft_site


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_draft_builds_without_strict_and_says_so_on_its_pages(make_site) -> None:
    project = draft_site(make_site)
    strict = build_site(project, "--strict")
    assert strict.returncode != 0
    assert "report.yml：草稿（draft: true）：缺少 issuer、published" in strict.output
    build = build_site(project)
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
