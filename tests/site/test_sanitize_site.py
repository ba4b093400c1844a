"""The sanitiser in a build: warnings that fail a strict build, and the option that widens the allow-list."""

from __future__ import annotations

import pytest
from support.builds import MINIMAL_CONFIG, REPORT_YML, build_site, problem_file
from support.htmlcheck import dangers, parse
from support.payloads import EVIL

IN_PAGES = frozenset({"iframe", "object", "embed", "base", "math"})
"""Elements no page has (a whole page holds the site's own scripts, forms and icons)."""


def test_every_markdown_field_is_sanitised_on_every_page(make_site) -> None:
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>{}[链接](javascript:alert(3))"
    files = {
        "content/r-2024/report.yml": REPORT_YML + f"intro: '{hostile.format('引言')}'\n"
        f"unclassified: ['{hostile.format('未归类')}']\n",
        "content/r-2024/01.md": problem_file(
            1,
            "甲",
            body=hostile.format("问题表现")
            + "\n\n<details ontoggle=alert(4) open><summary>摘要</summary></details>",
            measures=f"['{hostile.format('措施')}']",
            results=f"['{hostile.format('成效')}', '第二项']",
            next_steps=f"['{hostile.format('计划')}']",
            unclassified=f"['{hostile.format('未归类')}']",
        ),
    }
    build = build_site(make_site(files))
    assert build.returncode == 0, build.output
    for url in ("r-2024/", "r-2024/1/"):
        html = build.html(url)
        assert dangers(html, running=IN_PAGES) == [], url
        assert "alert(" not in "".join(text for text, _ in parse(html).scripts)
        text = parse(html).text
        for word in ("问题表现", "措施", "成效", "计划", "未归类", "链接", "摘要"):
            assert word in text, (url, word)
    assert "引言" in parse(build.html("r-2024/")).text


REMOTE = {
    "content/r-2024/report.yml": REPORT_YML,
    "content/r-2024/01.md": problem_file(1, "甲", body=f"示意图：![图](https://{EVIL}/a.png)"),
}


def with_sanitize(options: str) -> str:
    return MINIMAL_CONFIG.replace("  - rectify:\n", "  - rectify:\n      sanitize:\n" + options)


def test_a_remote_image_fails_a_strict_build(make_site) -> None:
    build = build_site(make_site(REMOTE), "--strict")
    assert build.returncode == 1
    where = "文件 content/r-2024/01.md 的正文（问题表现）"  # a Chinese site
    assert f'{where}：<img src="https://{EVIL}/a.png"> 是其他网站上的文件，其地址已去掉' in build.output


def test_a_site_widens_the_allow_list(make_site) -> None:
    files = {
        "content/r-2024/report.yml": REPORT_YML,
        "content/r-2024/01.md": problem_file(
            1,
            "甲",
            body='<video src="media/a.mp4" controls onplay="alert(1)"></video> <a href="ftp://f.example/a">文件</a>',
        ),
    }
    config = with_sanitize(
        "        tags: [video]\n        attributes: {video: [src, controls]}\n        url_schemes: [ftp]\n"
    )
    build = build_site(make_site(files, config=config), "--strict")
    assert build.returncode == 0, build.output
    html = build.html("r-2024/1/")
    assert '<video src="media/a.mp4" controls=""></video>' in html
    assert 'data-rectify-leave="ftp://f.example/a"' in html  # an ftp link leaves the site: through the notice


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ("        tags: [video, script]\n", ["<script>", "它会运行脚本"]),  # the site speaks Chinese
        ("        attributes: {a: [onclick]}\n", ["onclick", "事件属性会运行脚本"]),
        ("        attributes: {iframe: [src]}\n", ["<iframe>", "嵌入另一个网页"]),
        ('        attributes: {"*": [data-rectify-leave]}\n', ["data-rectify-leave", "data-*"]),
        ("        url_schemes: [javascript]\n", ["javascript", "它会运行脚本"]),
        ("        url_schemes: [data]\n", ["data:", "整个文档"]),
    ],
)
def test_the_option_refuses_what_would_run_or_steer(make_site, options: str, words: list[str]) -> None:
    build = build_site(make_site(REMOTE, config=with_sanitize(options)))
    assert build.returncode == 1 and "Traceback" not in build.output
    assert "sanitize" in build.output and all(word in build.output for word in words), build.output
