"""The accessibility statement (无障碍声明): made from the accessibility: options, linked from every page."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
import textwrap

from markupsafe import Markup
from support.builds import (
    DEMO_ID,
    MINIMAL_CONFIG,
    REPORT_YML,
    STATEMENT_OPTIONS,
    Build,
    build_site,
    problem_file,
)

from mkdocs_rectify.config import AccessibilityConfig
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.views.statement import Statement
from mkdocs_rectify.views.templating import message_html

CONTENT = {"content/t-2024/report.yml": REPORT_YML, "content/t-2024/01.md": problem_file(1, "问题一")}
SECTIONS_ZH = ["本网站的无障碍程度", "关怀版和键盘操作", "反馈和联系方式", "报告无障碍问题", "技术信息"]


def config_with(options: str, *, language: str = "zh") -> str:
    """The minimal site with these ``accessibility``-level options in place of its statement's."""
    config = MINIMAL_CONFIG.replace("language: zh", f"language: {language}").replace(STATEMENT_OPTIONS, "")
    indented = textwrap.indent(textwrap.dedent(options), "      ")
    return config.replace("  - rectify:\n", "  - rectify:\n" + indented)


def build(make_site, options: str = "", files: dict | None = None, **kw: str) -> Build:
    config = config_with(options, **kw) if options else MINIMAL_CONFIG
    result = build_site(make_site({**CONTENT, **(files or {})}, config=config), "--strict")
    assert result.returncode == 0, result.output
    return result


def html_text(html: str) -> str:
    """The text of an HTML fragment as read: tags dropped, white space collapsed."""
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", "", html))).strip()


def headings(html: str, level: int) -> list[str]:
    """The headings of the page's content (not of dialogs elsewhere in the page)."""
    article = html[html.index("<article") : html.index("</article>")]
    return [html_text(h) for h in re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", article, re.S)]


def test_demo_statement_follows_the_gov_uk_sections(demo_build: Build) -> None:
    html = demo_build.html("accessibility/")
    assert headings(html, 1) == ["无障碍声明"]
    assert headings(html, 2) == [*SECTIONS_ZH, "本声明的编写"]
    text = html_text(html)
    assert "本声明适用于“海口市政务管理局巡察整改公开”网站。" in text
    assert "通报原文中的个别数字在采集时缺失" in text  # a known limitation from mkdocs.yml
    assert "本网站部分符合 WCAG 2.2 AA" in text and '<span lang="en">WCAG 2.2 AA</span>' in html
    assert "我们会在5个工作日内答复您。" in text
    assert '<a href="tel:0898-68522090">0898-68522090</a>' in html
    assert '<a href="mailto:hkzhengwu%40163.com">hkzhengwu@163.com</a>' in html
    assert '本声明编写于<time datetime="2024-05-06">2024年5月6日</time>。' in html
    assert "本网站最近一次测试于2024年5月6日，由本站开发人员" in text


def test_every_page_links_the_statement_from_its_footer(demo_build: Build) -> None:
    pages = [p for p in demo_build.site.rglob("index.html") if "leave" not in p.parts] + [
        demo_build.site / "404.html"
    ]
    assert len(pages) > 20
    for page in pages:
        html = page.read_text("utf-8")
        footer = html[html.index("<footer") :]
        link = re.search(
            r'<a class="rectify-footer__link" href="([^"]*)"( aria-current="page")?>无障碍声明</a>', footer
        )
        assert link, page
        here = page.parent == demo_build.site / "accessibility"
        assert (
            (link.group(1), bool(link.group(2))) == ("./", True)
            if here
            else link.group(1).endswith("accessibility/")
        )


def test_defaults_without_options(make_site) -> None:
    # No options: the build warns of the contact and the test date (test_statement_defaults.py).
    config = MINIMAL_CONFIG.replace(STATEMENT_OPTIONS, "      open_data: true\n")
    result = build_site(make_site(CONTENT, config=config))
    assert result.returncode == 0, result.output
    html = result.html("accessibility/")
    assert headings(html, 2) == SECTIONS_ZH  # no dates given: no preparation section
    text = html_text(html)
    assert "本网站部分符合 WCAG 2.2 AA" in text
    assert "本网站尚未公布反馈无障碍问题的联系方式。" in text  # the report gives no contact either
    assert 'href="accessibility/"' in result.html("")


def test_contact_falls_back_to_the_report_contact(make_site) -> None:
    report = REPORT_YML + "contact:\n  phone: 010-12345678\n  email: a@b.cn\n"
    tested = "accessibility: {tested: 2024-05-06}\n"  # and no contact of its own
    html = build(make_site, tested, files={"content/t-2024/report.yml": report}).html("accessibility/")
    assert '<a href="tel:010-12345678">010-12345678</a>' in html and "a@b.cn" in html


def test_every_option_shows(make_site) -> None:
    options = """
    accessibility:
      standard: GB/T 37668-2019
      conformance: full
      limitations: [部分附件为扫描件。]
      improvements: [2025年底前把扫描件改为文字版。]
      contact: {phone: 12345, email: x@y.cn, address: 某市某路1号}
      response_days: 3
      date: 2024-01-02
      reviewed: 2024-06-30
      tested: 2024-06-01
      complaints: 对答复不满意的，可拨打12345政务服务便民热线。
    """
    html = build(make_site, options).html("accessibility/")
    assert headings(html, 2) == [
        "本网站的无障碍程度",
        "关怀版和键盘操作",
        "反馈和联系方式",
        "报告无障碍问题",
        "对答复不满意怎么办",
        "技术信息",
        "改进计划",
        "本声明的编写",
    ]
    text = html_text(html)
    for sentence in [
        "部分附件为扫描件。",
        "2025年底前把扫描件改为文字版。",
        "本网站完全符合 GB/T 37668-2019。",
        "某市某路1号",
        "我们会在3个工作日内答复您。",
        "本声明编写于2024年1月2日。最近一次复核于2024年6月30日。",
        "本网站最近一次测试于2024年6月1日。",
        "可拨打12345政务服务便民热线",
    ]:
        assert sentence in text, sentence


def test_statement_in_english(make_site) -> None:
    options = """
    accessibility: {conformance: none, date: 2024-05-06, tested: 2024-05-06, contact: {email: a@b.cn}}
    """
    html = build(make_site, options, language="en").html("accessibility/")
    assert headings(html, 1) == ["Accessibility statement"]
    assert "How accessible this website is" in headings(html, 2)
    text = html_text(html)
    assert "This website is not compliant with WCAG 2.2 AA" in text
    # The page is English already: no lang attribute in it (data-lang, the speech tools' language, is none).
    assert not re.search(r'\slang="en"', html[html.index("<body") :])
    assert "This statement was prepared on 6 May 2024." in text


def test_statement_can_be_switched_off(make_site) -> None:
    result = build(make_site, "accessibility: {statement: false}\n")
    assert not (result.site / "accessibility").exists()
    assert "rectify-footer__link" not in result.html("") and "accessibility/" not in result.html("404.html")


def test_a_docs_page_in_its_place_is_an_error(make_site) -> None:
    project = make_site({**CONTENT, "docs/accessibility.md": "# 我们自己的声明\n"})
    result = build_site(project)
    assert result.returncode == 1
    assert "accessibility.md 已存在" in result.output and "statement: false" in result.output


def test_wrong_options_are_errors(make_site) -> None:
    for options, message in [
        ("accessibility: {conformance: mostly}\n", "conformance"),
        ("accessibility: {date: yesterday}\n", "date"),
        ("accessibility: {contact: {fax: 123}}\n", "fax"),
    ]:
        project = make_site(CONTENT, config=config_with(options))
        result = build_site(project, "--strict")
        assert result.returncode == 1, options
        assert message in result.output, result.output


def test_hostile_text_is_escaped(make_site) -> None:
    options = """
    accessibility:
      limitations: ['<script>alert(1)</script>']
      standard: '<b>WCAG</b>'
      tested_by: '<img src=x onerror=alert(1)>'
      tested: 2024-01-01
      contact: {email: a@b.cn}
    """
    html = build(make_site, options).html("accessibility/")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>WCAG</b>" not in html and "<img src=x" not in html


def test_message_html_escapes_text_but_not_markup() -> None:
    locale = Locale("zh-CN")
    out = message_html(locale, "statement.care_shortcut", shortcut=Markup("<kbd>Alt+Shift+C</kbd>"))
    assert out == "也可以按快捷键 <kbd>Alt+Shift+C</kbd> 开启或关闭关怀版。"
    assert "&lt;i&gt;" in message_html(locale, "statement.intro", site="<i>站</i>")


def test_statement_model_from_options() -> None:
    options = AccessibilityConfig()
    options.load_dict({"date": dt.date(2024, 1, 2), "limitations": ["a"]})
    assert options.validate() == ([], [])
    statement = Statement.from_options("站", options)
    assert statement.conformance == "partial" and statement.standard == "WCAG 2.2 AA"
    assert statement.limitations == ("a",) and statement.contact.empty and statement.response_days == 5


def test_demo_report_and_statement_use_the_same_footer(demo_build: Build) -> None:
    problem = demo_build.html(f"{DEMO_ID}/1/")
    assert problem.count('class="rectify-footer__link"') == 1


def test_the_statement_says_what_the_site_was_tested_with_and_what_not(make_site) -> None:
    html = build(make_site).html("accessibility/")
    assert "测试方法" in headings(html, 3)
    text = html_text(html)
    tested, not_tested = text.split("本网站用以下方法测试过：")[1].split("以下读屏软件尚未测试")
    for tool in ("axe-core 自动检查", "Chromium 浏览器的无障碍树", "Linux 下的 Orca 读屏软件"):
        assert tool in tested, tool
    for reader in ("NVDA", "争渡", "VoiceOver", "TalkBack"):
        assert reader in not_tested and reader not in tested, reader

    own = (
        "accessibility:\n  contact: {email: a11y@example.gov.cn}\n  tested: 2024-05-06\n"
        "  tested_with: [orca, 用 NVDA 2024.4 读过每一类页面。]\n  not_tested_with: []\n"
    )
    text = html_text(build(make_site, own).html("accessibility/"))
    assert "Linux 下的 Orca 读屏软件" in text and "用 NVDA 2024.4 读过每一类页面。" in text
    assert "axe-core" not in text and "尚未测试" not in text
