"""The content HTML sanitiser on its own (no build): every class of payload, and the option that widens it."""

from __future__ import annotations

import pytest
from markupsafe import Markup
from support.htmlcheck import dangers, parse, remote
from support.payloads import EVIL, MARKDOWN, Payload

from mkdocs_rectify.render import MarkdownRenderer
from mkdocs_rectify.sanitize import (
    PROTECTED_IDS,
    Allowance,
    Sanitizer,
    is_remote,
    refusal_for_attribute,
    refusal_for_scheme,
    refusal_for_tag,
)

# The demo's Markdown extensions, and the others a site is likely to turn on.
EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "def_list",
    "tables",
    "toc",
    "footnotes",
    "abbr",
    "admonition",
    "pymdownx.betterem",
    "pymdownx.superfences",
    "pymdownx.tilde",
    "pymdownx.details",
    "pymdownx.magiclink",
]


@pytest.fixture(scope="module")
def render() -> MarkdownRenderer:
    return MarkdownRenderer(EXTENSIONS)


def text_of(html: str) -> str:
    return parse(html).text


@pytest.mark.parametrize("payload", MARKDOWN, ids=lambda p: p.name)
def test_no_payload_keeps_anything_that_runs_or_leaves(render: MarkdownRenderer, payload: Payload) -> None:
    html = render(payload.text, "content/r/1.md: statement")
    assert isinstance(html, Markup)
    assert dangers(html) == []
    for element in parse(html).elements:
        assert not any(name.startswith("data-") for name in element.attrs), element
        assert "target" not in element.attrs and "name" not in element.attrs and "style" not in element.attrs
        classes = element.attrs.get("class", "").split()
        assert not [c for c in classes if c.startswith(("rectify-", "md-"))], element
        ident = element.attrs.get("id", "")
        assert ident not in PROTECTED_IDS and not ident.startswith(("rectify-", "__", "problem")), element
        if element.tag == "img":
            assert not remote(element.attrs.get("src", "")), element
    assert payload.shown in text_of(html)


def test_scripts_and_styles_go_with_their_content_other_elements_leave_their_text() -> None:
    clean = Sanitizer().clean
    assert clean("<script>var secret = 1;</script>甲<style>p{}</style>") == "甲"
    assert clean("<iframe>乙</iframe><form><label>丙</label></form><marquee>丁</marquee>") == "乙丙丁"
    assert clean("<textarea><b>戊</b></textarea>") == "&lt;b&gt;戊&lt;/b&gt;"


def test_markdown_keeps_its_own_html(render: MarkdownRenderer) -> None:
    html = render(
        "## 小标题\n\n**粗体** *斜体* ~~删除~~ `代码` H~2~O[^1] 见[附件](files/a.pdf)、"
        "[邮件](mailto:a@b.cn)、[电话](tel:12345)、[外站](https://www.gov.cn/)。\n\n"
        "![图](img/a.png){width=20}\n\n| 左 | 右 |\n|:--|--:|\n| 1 | 2 |\n\n术语\n:   定义\n\n"
        '!!! note "提示"\n    内容\n\n??? info "折叠"\n    详细\n\n```python\nprint(1)\n```\n\n'
        "*[HTML]: 超文本\n\nHTML 缩写\n\n[^1]: 脚注\n"
    )
    for piece in (
        "<h2 id=",
        "<strong>粗体</strong>",
        "<em>斜体</em>",
        "<del>删除</del>",
        "<code>代码</code>",
        "<sub>2</sub>",
        '<a href="files/a.pdf">附件</a>',
        '<a href="mailto:a@b.cn">邮件</a>',
        '<a href="tel:12345">电话</a>',
        '<a href="https://www.gov.cn/">外站</a>',
        '<img alt="图" src="img/a.png" width="20">',
        '<th style="text-align:left">左</th>',
        '<td style="text-align:right">2</td>',
        "<dt>术语</dt>",
        '<div class="admonition note">',
        '<details class="info">',
        '<abbr title="超文本">HTML</abbr>',
        'href="#fn:1"',
        '<div class="footnote">',
        'class="highlight"',
    ):
        assert piece in html, piece


@pytest.mark.parametrize(
    ("url", "remote"),
    [
        ("img/a.png", False),
        ("../a.png", False),
        ("/a.png", False),
        ("#x", False),
        ("https://evil.example/a.png", True),
        ("HTTP://evil.example/a.png", True),
        ("//evil.example/a.png", True),
        ("/\\evil.example/a.png", True),
        ("\\\\evil.example/a.png", True),
        (" \t//evil.example/a.png", True),
        ("/\t/evil.example/a.png", True),
        ("ftp://evil.example/a.png", True),
    ],
)
def test_remote_addresses(url: str, remote: bool) -> None:
    assert is_remote(url) is remote


def test_images_from_other_hosts_lose_their_address_with_a_warning_naming_file_and_field() -> None:
    sanitizer = Sanitizer()
    html = sanitizer.clean(
        f'<p><img src="https://{EVIL}/a.png" alt="示意图"><img src="b.png" alt="本站"></p>',
        "x.md: results item 2",
    )
    assert html == '<p><img alt="示意图"><img src="b.png" alt="本站"></p>'
    (warning,) = sanitizer.take_warnings()
    assert warning.startswith(f'x.md: results item 2: <img src="https://{EVIL}/a.png"> is on another site')
    assert sanitizer.take_warnings() == []


def test_the_renderer_names_the_file_and_field_of_each_warning(tmp_path, monkeypatch) -> None:
    from mkdocs_rectify.model import Problem, Report, ReportMeta

    monkeypatch.chdir(tmp_path)
    image = f"![远程](https://{EVIL}/x.png)"
    problem = Problem(
        number=3, title="题", status="completed", report_id="r", statement=image, source_path="r/03.md",
        measures=["一", image], unclassified=[image],
    )  # fmt: skip
    meta = ReportMeta(title="报告", issuer="单位", published="2024-05-06", intro=image, unclassified=[image])
    report = Report(id="r", meta=meta, problems=[problem])
    render = MarkdownRenderer(content_dir=tmp_path / "content")
    render.problem(problem)
    render.intro(report)
    render.report_unclassified(report)
    fields = [warning.split(": <img")[0] for warning in render.take_warnings()]
    assert fields == [
        "content/r/03.md: statement",
        "content/r/03.md: measures item 2",
        "content/r/03.md: unclassified item 1",
        "content/r/report.yml: intro",
        "content/r/report.yml: unclassified item 1",
    ]


def test_protected_ids_are_renamed_and_links_to_them_follow() -> None:
    clean = Sanitizer().clean
    html = clean('<p><a href="#summary">上</a> <a href="#contact">联系</a></p><h2 id="summary">概况</h2>')
    assert html == (
        '<p><a href="#content-summary">上</a> <a href="#contact">联系</a></p>'
        '<h2 id="content-summary">概况</h2>'
    )
    for ident in [
        "problem-3",
        "problem",
        "rectify-leave",
        "__drawer",
        "__config",
        "statement-how",
        "report-text",
    ]:
        assert clean(f'<p id="{ident}">x</p>') == f'<p id="content-{ident}">x</p>'
    assert clean('<p id="背景">x</p><p id="fn:1">y</p>') == '<p id="背景">x</p><p id="fn:1">y</p>'


def test_protected_classes_and_data_attributes_go_others_stay() -> None:
    clean = Sanitizer().clean
    html = clean(
        '<span class="rectify-badge rectify-badge--completed highlight MD-button md-typeset" data-status="x" '
        'data-rectify-leave="https://www.gov.cn/" data-pagefind-filter="status:completed" '
        'data-md-component="x" data-foo="1">已完成</span>'
    )
    assert html == '<span class="highlight">已完成</span>'


def test_style_only_as_the_alignment_of_table_cells() -> None:
    clean = Sanitizer().clean
    table = '<table><tr><th style="text-align: center;">a</th><td style="{}">b</td></tr></table>'
    assert 'style="text-align:center"' in clean(table.format("text-align: right"))
    assert 'style="text-align:right"' in clean(table.format("text-align: right"))
    for style in (
        "background:url(https://evil.example/x)",
        "text-align: left; position: fixed",
        "color: red",
    ):
        assert "style=" not in clean(table.format(style)).split("</th>")[1], style
    assert clean('<p style="text-align:left">x</p>') == "<p>x</p>"


def test_attribute_values_are_escaped_whatever_quotes_they_hold() -> None:
    html = Sanitizer().clean("<abbr title='a\"b`c<d>e&amp;f'>x</abbr><a href=\"q?a=1&b='2'\">y</a>")
    assert html == '<abbr title="a&quot;b`c&lt;d&gt;e&amp;f">x</abbr><a href="q?a=1&amp;b=\'2\'">y</a>'
    (abbr, link) = parse(html).elements
    assert abbr.attrs["title"] == 'a"b`c<d>e&f' and link.attrs["href"] == "q?a=1&b='2'"


def test_cleaning_clean_html_changes_nothing(render: MarkdownRenderer) -> None:
    sanitizer = Sanitizer()
    for payload in MARKDOWN:
        once = render(payload.text)
        assert sanitizer.clean(once) == once, payload.name


# -- widening the allow-list -----------------------------------------------------------------------


def test_a_site_can_allow_more_elements_attributes_and_schemes() -> None:
    allowance = Allowance.of(["video", "source"], {"video": ["src", "controls"], "*": ["translate"]}, ["ftp"])
    sanitizer = Sanitizer(allowance)
    html = sanitizer.clean(
        '<video src="v/a.mp4" controls onplay="alert(1)" translate="no"></video>'
        f'<video src="https://{EVIL}/b.mp4"></video><a href="ftp://files.example.org/a">f</a><iframe>x</iframe>'
    )
    assert html == (
        '<video src="v/a.mp4" controls="" translate="no"></video><video></video>'
        '<a href="ftp://files.example.org/a">f</a>x'
    )
    assert len(sanitizer.take_warnings()) == 1
    # The built-in list is unchanged by another sanitiser's allowance.
    assert Sanitizer().clean('<video src="v/a.mp4"></video><a href="ftp://x/">f</a>') == "<a>f</a>"


@pytest.mark.parametrize(
    ("check", "name", "reason"),
    [
        (refusal_for_tag, "script", "runs scripts"),
        (refusal_for_tag, "STYLE", "CSS"),
        (refusal_for_tag, "iframe", "embeds"),
        (refusal_for_tag, "svg", "SVG"),
        (refusal_for_tag, "math", "MathML"),
        (refusal_for_tag, "form", "sends"),
        (refusal_for_tag, "base", "every link"),
        (refusal_for_tag, "meta", "redirect"),
        (refusal_for_tag, "object", "embeds"),
        (refusal_for_tag, "<b>", "not the name"),
        (refusal_for_attribute, "onclick", "event handlers"),
        (refusal_for_attribute, "OnError", "event handlers"),
        (refusal_for_attribute, "style", "CSS"),
        (refusal_for_attribute, "data-rectify-leave", "data-*"),
        (refusal_for_attribute, "data-pagefind-filter", "data-*"),
        (refusal_for_attribute, "data-md-component", "data-*"),
        (refusal_for_attribute, "name", "act on the page"),
        (refusal_for_attribute, "target", "other windows"),
        (refusal_for_attribute, "srcdoc", "act on the page"),
        (refusal_for_attribute, "xlink:href", "address"),
        (refusal_for_attribute, "action", "address"),
        (refusal_for_attribute, "srcset", "address"),
        (refusal_for_scheme, "javascript", "runs a script"),
        (refusal_for_scheme, "JavaScript:", "runs a script"),
        (refusal_for_scheme, "vbscript", "runs a script"),
        (refusal_for_scheme, "data", "document"),
        (refusal_for_scheme, "a b", "not a URL scheme"),
    ],
)
def test_what_runs_scripts_or_steers_the_site_can_never_be_allowed(check, name: str, reason: str) -> None:
    refusal = check(name)
    assert refusal is not None and reason in refusal


@pytest.mark.parametrize(
    ("check", "name"),
    [(refusal_for_tag, "video"), (refusal_for_attribute, "controls"), (refusal_for_scheme, "ftp")],
)
def test_harmless_additions_are_accepted(check, name: str) -> None:
    assert check(name) is None


def test_every_refused_request_is_listed_at_once() -> None:
    with pytest.raises(ValueError) as caught:
        Allowance.of(["script", "video"], {"iframe": ["src"], "video": ["onplay"]}, ["javascript"])
    message = str(caught.value)
    assert all(word in message for word in ("<script>", "<iframe>", "onplay", "javascript:"))
    assert "video" not in message.replace("<video>", "")
