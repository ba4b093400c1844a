"""The footer of a disclosure site: no generator credit unless asked, the government conventions."""

from __future__ import annotations

import re

from support.builds import MINIMAL_CONFIG, REPORT_YML, build_site, problem_file

CONTENT = {"content/r-2024/report.yml": REPORT_YML, "content/r-2024/01.md": problem_file(1, "问题一")}
GOVERNMENT = """\
      government:
        sponsor: 示例区市场监督管理局
        site_code: "4601000021"
        icp: 琼ICP备12345678号-1
        police: 琼公网安备 46010602000123号
        mark: {image: assets/dzjg.png, link: "https://bszs.conac.cn/sitename?method=show&id=1"}
"""
PNG = "\x89PNG\r\n"  # a stand-in: the footer only links the office's own file


def config(options: str = "", extra: str = "", language: str = "zh") -> str:
    text = MINIMAL_CONFIG.replace("language: zh", f"language: {language}")
    if options:
        text = text.replace("  - rectify:\n", "  - rectify:\n" + options)
    return text + extra


def footer(html: str) -> str:
    return html[html.index("<footer") : html.index("</footer>")]


def build(make_site, options: str = "", extra: str = "", language: str = "zh"):
    files = {**CONTENT, "docs/assets/dzjg.png": PNG}
    result = build_site(make_site(files, config=config(options, extra, language)))
    assert result.returncode == 0, result.output
    return result


def test_no_generator_credit_by_default(make_site) -> None:
    result = build(make_site)
    for page in ("", "r-2024/", "r-2024/1/", "accessibility/"):
        html = footer(result.html(page))
        assert "Made with" not in html and "squidfunk" not in html
    assert 'class="rectify-government' not in result.html("")


def test_the_credit_when_a_site_asks_for_it(make_site) -> None:
    html = footer(build(make_site, extra="extra:\n  generator: true\n").html(""))
    assert '<span lang="en">Made with' in html
    assert 'data-rectify-leave="https://squidfunk.github.io/mkdocs-material/"' in html  # leaves the site


def test_the_government_conventions_in_every_footer(make_site) -> None:
    result = build(make_site, GOVERNMENT)
    for page in ("", "r-2024/1/", "accessibility/"):
        html = footer(result.html(page))
        assert "主办单位：示例区市场监督管理局" in html
        assert "政府网站标识码：4601000021" in html
        assert ">琼ICP备12345678号-1<" in html and ">琼公网安备 46010602000123号<" in html
        assert 'alt="党政机关网站标识"' in html
    problem = footer(result.html("r-2024/1/"))
    assert re.search(r'<img class="rectify-government__mark-image" src="(\.\./)+assets/dzjg\.png"', problem)


def test_the_registries_go_through_the_leave_notice_unless_allowed(make_site) -> None:
    html = footer(build(make_site, GOVERNMENT).html(""))
    assert 'data-rectify-leave="https://beian.miit.gov.cn/"' in html
    assert 'data-rectify-leave="https://beian.mps.gov.cn/#/query/webSearch?code=46010602000123"' in html
    allowed = GOVERNMENT + '      leave_site:\n        allow: ["*.gov.cn"]\n'
    html = footer(build(make_site, allowed).html(""))
    assert '<a class="rectify-government__link" href="https://beian.miit.gov.cn/">' in html
    assert 'data-rectify-leave="https://beian.miit.gov.cn/"' not in html
    assert 'data-rectify-leave="https://bszs.conac.cn/sitename?method=show&amp;id=1"' in html


def test_in_english(make_site) -> None:
    html = footer(build(make_site, GOVERNMENT, language="en").html(""))
    assert "Sponsored by 示例区市场监督管理局" in html and "Government website code: 4601000021" in html


def test_the_mark_is_never_hotlinked(make_site) -> None:
    hotlinked = GOVERNMENT.replace("image: assets/dzjg.png", 'image: "https://bszs.conac.cn/mark.png"')
    result = build_site(make_site(CONTENT, config=config(hotlinked)))
    assert result.returncode != 0
    assert "government" in result.output and "请把图片放入 docs_dir" in result.output  # a Chinese site
    missing = GOVERNMENT.replace("assets/dzjg.png", "assets/none.png")
    result = build_site(make_site(CONTENT, config=config(missing)))
    assert result.returncode != 0
    assert "government.mark.image：assets/none.png 不是 docs_dir" in result.output


def test_a_filing_number_without_its_number_is_refused(make_site) -> None:
    wrong = GOVERNMENT.replace("琼公网安备 46010602000123号", "琼公网安备")
    result = build_site(make_site(CONTENT, config=config(wrong)))
    assert result.returncode != 0 and "中没有备案编号" in result.output
