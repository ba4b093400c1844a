"""Links that leave the site: which they are, and how the HTML of a page is rewritten (pure, no MkDocs)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_rectify.leave import (
    Destination,
    LeavePolicy,
    ascii_host,
    host_matches,
    insert_before_body_end,
    rewrite_links,
)
from mkdocs_rectify.pages import notice_src_uri
from mkdocs_rectify.views.leave import NoticeRegistry

POLICY = LeavePolicy(site_hosts=["rectify.example.gov"], allow=["*.gov.cn", "www.ndrc.org"])
HINT = "（将离开本站）"


def notice(destination: Destination) -> str:
    return f"/leave/{destination.key}/"


def rewrite(source: str, policy: LeavePolicy = POLICY) -> str:
    return rewrite_links(source, policy, notice, HINT).html


def key(url: str) -> str:
    destination = POLICY.destination(url)
    assert destination is not None, url
    return destination.key


# -- which links leave -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("href", "url", "host"),
    [
        (
            "https://www.mkdocs.org/user-guide/?a=1#x",
            "https://www.mkdocs.org/user-guide/?a=1#x",
            "www.mkdocs.org",
        ),
        ("http://example.com", "http://example.com", "example.com"),
        ("HTTPS://Example.COM/Path", "https://Example.COM/Path", "example.com"),
        ("ftp://files.example.org/a.txt", "ftp://files.example.org/a.txt", "files.example.org"),
        ("//cdn.example.net/x.js", "https://cdn.example.net/x.js", "cdn.example.net"),
        # What browsers read as another host, though it does not look like one:
        ("  https://example.com/ ", "https://example.com/", "example.com"),
        ("ht\ntps://example.com/", "https://example.com/", "example.com"),
        ("https:\\\\example.com\\a\\b?q=\\x", "https://example.com/a/b?q=\\x", "example.com"),
        ("\\\\example.com/x", "https://example.com/x", "example.com"),
        ("/\\example.com/x", "https://example.com/x", "example.com"),
        ("https:example.com", "https://example.com", "example.com"),
        ("https:///example.com/", "https://example.com/", "example.com"),
        ("https://www.gov.cn@evil.example/", "https://www.gov.cn@evil.example/", "evil.example"),
        ("https://www.gov.cn.evil.example/", "https://www.gov.cn.evil.example/", "www.gov.cn.evil.example"),
        ("https://evilgov.cn/", "https://evilgov.cn/", "evilgov.cn"),
        ("https://ex%61mple.com/", "https://ex%61mple.com/", "example.com"),
    ],
)
def test_links_to_other_hosts_leave(href: str, url: str, host: str) -> None:
    assert POLICY.destination(href) == Destination(url=url, host=host)


@pytest.mark.parametrize(
    "href",
    [
        "",
        "#top",
        "../2/",
        "/hkszwglj-2022/",
        "data/rectify.json",
        "www.example.com",  # no scheme: a relative path
        "mailto:hkzhengwu@163.com",
        "tel:0898-68522090",
        "sms:10086",
        "javascript:alert(1)",  # does not leave; a notice must never carry it to its 继续访问 link
        " JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://rectify.example.gov/other/",  # the site's own host
        "https://RECTIFY.example.gov./x",
        "https://www.gov.cn/",  # allowed: *.gov.cn
        "https://gov.cn/",
        "https://a.b.haikou.gov.cn:8443/x",
        "//www.hainan.gov.cn/",
        "https://www.ndrc.org/",  # allowed exactly
        "https://[::1",  # not a valid address: a browser cannot follow it either
    ],
)
def test_links_that_do_not_leave(href: str) -> None:
    assert POLICY.destination(href) is None


@pytest.mark.parametrize(
    ("host", "pattern", "allowed"),
    [
        ("www.gov.cn", "*.gov.cn", True),
        ("gov.cn", "*.gov.cn", True),
        ("a.b.gov.cn", "*.GOV.CN", True),
        ("evilgov.cn", "*.gov.cn", False),
        ("gov.cn.evil.example", "*.gov.cn", False),
        ("www.ndrc.org", "www.ndrc.org", True),
        ("ndrc.org", "www.ndrc.org", False),
        ("x.www.ndrc.org", "www.ndrc.org", False),
        ("example.com", "", False),
        ("example.com", "*.", False),
    ],
)
def test_host_patterns(host: str, pattern: str, allowed: bool) -> None:
    assert host_matches(host, pattern) is allowed


# -- hosts in other scripts ----------------------------------------------------------------------

GREEK_GOV = "www.g\u03bfv.cn"  # "www.gov.cn" with a Greek omicron
"""Looks like www.gov.cn, which *.gov.cn allows; browsers reach www.xn--gv-jbc.cn."""


@pytest.mark.parametrize(
    ("host", "reached"),
    [
        ("www.gov.cn", "www.gov.cn"),
        ("WWW.Gov.CN.", "www.gov.cn"),
        (GREEK_GOV, "www.xn--gv-jbc.cn"),
        ("政府.中国", "xn--mxtq1m.xn--fiqs8s"),
        ("\uff57\uff57\uff57.gov\u3002cn", "www.gov.cn"),  # full-width letters, ideographic full stop
        ("stra\u00dfe.de", "xn--strae-oqa.de"),  # as browsers do (not "strasse.de")
        ("a_b.example.com", "a_b.example.com"),
        ("[::1]", "[::1]"),
    ],
)
def test_hosts_are_compared_in_the_form_browsers_reach(host: str, reached: str) -> None:
    assert ascii_host(host) == reached


def test_a_host_that_only_looks_allowed_leaves_and_shows_its_ascii_form() -> None:
    destination = POLICY.destination(f"https://{GREEK_GOV}/zwgk/")
    assert destination is not None
    assert destination.host == GREEK_GOV and destination.ascii_host == "www.xn--gv-jbc.cn"
    assert POLICY.destination("https://www.xn--gv-jbc.cn/") is not None
    # Percent-escapes in the host are read as browsers read them.
    assert POLICY.destination("https://www.g%CE%BFv.cn/").ascii_host == "www.xn--gv-jbc.cn"  # type: ignore[union-attr]


def test_the_allow_list_matches_the_ascii_form_of_hosts_and_patterns() -> None:
    policy = LeavePolicy(site_hosts=["巡察.example"], allow=["*.中国", "*.gov.cn"])
    for href in (
        "https://政府.中国/",
        "https://xn--mxtq1m.xn--fiqs8s/",
        "https://www.\uff47\uff4f\uff56.cn/",  # full-width gov: browsers go to www.gov.cn
        "https://xn--ldtp0c.example/x",  # the site's own host, in ASCII
    ):
        assert policy.destination(href) is None, href
    assert policy.destination(f"https://{GREEK_GOV}/") is not None


def test_keys_are_stable_and_distinct() -> None:
    a = POLICY.destination("https://a.example/")
    b = POLICY.destination("https://b.example/")
    assert a is not None and b is not None
    assert a.key == POLICY.destination("https://a.example/").key  # type: ignore[union-attr]
    assert a.key != b.key and re.fullmatch(r"[0-9a-f]{16}", a.key)
    # The same in every run and on every machine: a hash of the address, not of the process.
    assert Destination("https://www.mkdocs.org/", "www.mkdocs.org").key == "886bbaf8ad505ed6"
    assert notice_src_uri(a) == f"leave/{a.key}.md"


# -- rewriting ----------------------------------------------------------------------------------


def test_a_leaving_link_points_to_its_notice_and_tells_that_it_leaves() -> None:
    url = "https://www.mkdocs.org/"
    html = rewrite(f'<p>见<a href="{url}" target="_blank" rel="noopener">MkDocs</a>。</p>')
    assert html == (
        f'<p>见<a href="/leave/{key(url)}/" data-rectify-leave="{url}" rel="noopener">'
        f'MkDocs<span class="rectify-leave__hint" data-pagefind-ignore>{HINT}</span></a>。</p>'
    )


def test_links_that_stay_are_left_byte_for_byte() -> None:
    source = (
        '<a href="../2/">下一个</a> <a href="https://www.gov.cn/" target="_blank">中国政府网</a> '
        '<a href="mailto:a@b.cn">邮件</a> <a href="javascript:void(0)">x</a> <a name="top">t</a> '
        "<a href='https://rectify.example.gov/'>本站</a> <A HREF=\"#x\">X</A>"
    )
    assert rewrite(source) == source


def test_the_result_lists_destinations_once_in_document_order() -> None:
    result = rewrite_links(
        '<a href="https://b.example/">b</a><a href="https://a.example/">a</a><a href="https://b.example/">b</a>',
        POLICY,
        notice,
        HINT,
    )
    assert [d.url for d in result.destinations] == ["https://b.example/", "https://a.example/"]


def test_links_inside_code_and_preformatted_text_leave_like_any_other() -> None:
    # A real <a> inside <code> or <pre> is a link a reader can follow.
    html = rewrite(
        '<pre><code><a href="https://a.example/">a</a></code></pre>'
        '<p><code>x <a href="https://b.example/">b</a></code></p>'
    )
    assert html.count("data-rectify-leave=") == 2 and 'href="https://' not in html


def test_links_in_text_only_elements_are_text_but_not_inside_svg() -> None:
    # Browsers read the content of <textarea> and <title> as text; in SVG, <title> is an element.
    source = '<textarea><a href="https://c.example/">c</a></textarea><title><a href="https://d.example/">d</a></title>'
    assert rewrite(source) == source
    html = rewrite('<svg><title><a href="https://e.example/">e</a></title></svg>')
    assert 'data-rectify-leave="https://e.example/"' in html


def test_svg_links_with_only_xlink_href_leave_too() -> None:
    html = rewrite('<svg><a xlink:href="https://a.example/x"><text>a</text></a></svg>')
    notice = f"/leave/{key('https://a.example/x')}/"
    assert f'<a xlink:href="{notice}" data-rectify-leave="https://a.example/x">' in html
    # With both, browsers follow href: that is the one rewritten.
    html = rewrite('<svg><a href="https://b.example/" xlink:href="#local"><text>b</text></a></svg>')
    assert 'data-rectify-leave="https://b.example/"' in html and 'xlink:href="#local"' in html
    # Outside SVG, xlink:href means nothing.
    assert rewrite('<a xlink:href="https://c.example/">c</a>') == '<a xlink:href="https://c.example/">c</a>'


def test_an_unclosed_code_element_does_not_hide_the_links_after_its_block() -> None:
    html = rewrite('<p><code>x</p><p><a href="https://d.example/">d</a></p>')
    assert 'data-rectify-leave="https://d.example/"' in html


def test_script_and_style_content_is_untouched() -> None:
    source = (
        '<script>var s = \'<a href="https://a.example/">a</a>\';</script><style>a[href^="https:"]{}</style>'
    )
    assert rewrite(source) == source


def test_attributes_are_escaped_and_the_address_is_kept_exactly() -> None:
    html = rewrite('<a href="https://a.example/?q=&quot;x&quot;&amp;b=<1>" title="a &amp; b">a</a>')
    assert 'data-rectify-leave="https://a.example/?q=&quot;x&quot;&amp;b=&lt;1&gt;"' in html
    assert 'title="a &amp; b"' in html
    parsed = _links(html)[0]
    assert parsed["data-rectify-leave"] == 'https://a.example/?q="x"&b=<1>'


def test_every_target_goes_and_a_duplicate_href_too() -> None:
    html = rewrite('<a target="_blank" href="https://a.example/" target="w" href="/x">a</a>')
    links = _links(html)
    assert "target" not in links[0] and html.count("href=") == 1


def test_icon_links_keep_their_name_from_the_title() -> None:
    html = rewrite(
        '<a href="https://github.com/x" title="GitHub" class="md-social__link"><svg><path/></svg></a>'
    )
    assert f">GitHub{HINT}</span></a>" in html


def test_links_named_by_an_image_or_aria_label() -> None:
    html = rewrite('<a href="https://a.example/" title="t"><img src="x.png" alt="徽标"></a>')
    assert f">{HINT}</span></a>" in html and f"t{HINT}" not in html
    html = rewrite('<a href="https://a.example/" aria-label="图标链接"><svg></svg></a>')
    assert f">{HINT}</span></a>" in html


def test_area_and_svg_links_get_the_hint_in_their_label() -> None:
    html = rewrite('<map><area href="https://a.example/" alt="地图" shape="rect" coords="0,0,1,1"></map>')
    assert f'alt="地图{HINT}"' in html and "<span" not in html
    html = rewrite('<svg><a href="https://b.example/" aria-label="图"><text>b</text></a></svg>')
    assert f'aria-label="图{HINT}"' in html and "<span" not in html


def test_a_new_link_closes_an_open_one_and_an_unclosed_link_gets_no_hint() -> None:
    html = rewrite('<a href="https://a.example/">a<a href="https://b.example/">b')
    assert html.count("data-rectify-leave=") == 2
    assert html.count("rectify-leave__hint") == 1
    assert html.index("rectify-leave__hint") < html.index("b.example")


def test_rewriting_is_idempotent() -> None:
    once = rewrite('<p><a href="https://a.example/">a</a> <a href="https://www.gov.cn/">g</a></p>')
    assert rewrite(once) == once


def test_documents_without_leaving_links_are_returned_as_they_are() -> None:
    source = "<!doctype html>\n<html><body><p>无链接 & 未转义 <b>文本</p></body></html>"
    result = rewrite_links(source, POLICY, notice, HINT)
    assert result.html is source and result.destinations == []


@pytest.mark.parametrize(
    "source",
    [
        # Pages without a leaving link are not read tag by tag: a look at every href decides.
        # These hrefs are found however they are written, and wherever another value seems to hide them.
        '<p title=\'href="\'><a href="https://x.example/">x</a></p>',
        '<p>href="<a href="https://x.example/">x</a></p>',
        '<a title="href=" HREF="https://x.example/">x</a>',
        "<a href==https://x.example/>x</a>",
        '<a href\u3000="https://x.example/">x</a>',
        '<a href="&#104;ttps://x.example/">x</a>',
        '<a href="../a/">a</a><a href=\'//x.example/\'>x</a>',
        '<svg><a xlink:href="https://x.example/"><text>x</text></a></svg>',
    ],
)
def test_a_leaving_link_is_found_wherever_its_href_sits(source: str) -> None:
    result = rewrite_links(source, POLICY, notice, HINT)
    assert [d.url for d in result.destinations] == ["https://x.example/"]
    assert result == rewrite_links(source, POLICY, notice, HINT, parser=True)


def test_positions_are_right_across_lines_and_entities() -> None:
    source = "<p>第一行&amp;\n第二行 &lt;a href&gt;\n  <a\n   href='https://a.example/'\n>链接</a>\n尾</p>"
    html = rewrite(source)
    assert html.startswith("<p>第一行&amp;\n第二行 &lt;a href&gt;\n  <a href=")
    assert html.endswith(
        f'>链接<span class="rectify-leave__hint" data-pagefind-ignore>{HINT}</span></a>\n尾</p>'
    )


def test_the_dialog_goes_before_the_end_of_the_body() -> None:
    assert insert_before_body_end("<html><body><p>x</p></BODY></html>", "<dialog></dialog>") == (
        "<html><body><p>x</p><dialog></dialog></BODY></html>"
    )
    assert insert_before_body_end("<p>x</p>", "<d>") == "<p>x</p><d>"


# -- the notices of a build -----------------------------------------------------------------------


def test_back_leads_to_the_only_page_linking_here_or_home() -> None:
    registry = NoticeRegistry()
    a = Destination("https://a.example/", "a.example")
    b = Destination("https://b.example/", "b.example")
    c = Destination("https://c.example/", "c.example")
    registry.add(a, "guide/")
    registry.add(a, "guide/")
    registry.add(b, "guide/")
    registry.add(b, "r/1/")
    registry.add(c, None)  # from the 404 page
    assert registry.view(a, "").back_url == "guide/" and not registry.view(a, "").back_home
    assert registry.view(b, "").back_url == "" and registry.view(b, "").back_home
    assert registry.view(c, "index.html").back_url == "index.html" and registry.view(c, "").back_home
    assert [d.key for d in registry.destinations()] == sorted([a.key, b.key, c.key])
    assert len(registry) == 3


# -- hostile input -------------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs))


def _links(html: str) -> list[dict[str, str | None]]:
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser.links


FRAGMENTS = st.sampled_from(
    [
        '<a href="https://a.example/">',
        '<a href="//b.example/x" target="_blank">',
        '<a href="../x/">',
        '<a href="https://www.gov.cn/">',
        '<a href="javascript:alert(1)">',
        "</a>",
        "<code>",
        "</code>",
        "<pre>",
        "</pre>",
        "<p>",
        "</p>",
        "<svg>",
        "</svg>",
        "<br/>",
        '<img alt="x">',
        "<!-- <a href='https://c.example/'> -->",
        "<script>'<a href=\"https://d.example/\">'</script>",
        "&amp;",
        "&",
        "<",
        ">",
        "文字",
        "\n",
        " ",
        '"',
        "<a",
        "<![CDATA[x]]>",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=25).map("".join))
def test_hostile_markup_never_breaks_and_no_leaving_link_survives(source: str) -> None:
    html = rewrite(source)
    # The text is kept; only the hints are added.
    assert _text(html).replace(HINT, "") == _text(source)
    for attrs in _links(html):
        if "data-rectify-leave" in attrs:
            assert (attrs.get("href") or "").startswith("/leave/") and "target" not in attrs
    # No link that leaves keeps pointing away, inside code or not.
    for attrs in _links(html):
        assert POLICY.destination(attrs.get("href") or "") is None or "data-rectify-leave" in attrs
    assert rewrite(html) == html  # and a second pass changes nothing


def _text(html: str) -> str:
    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.out: list[str] = []

        def handle_data(self, data: str) -> None:
            self.out.append(data)

    parser = Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def test_the_hint_is_marked_in_its_language_inside_a_passage_of_another() -> None:
    source = (
        '<html lang="zh-CN"><body><p><a href="https://a.example/">甲</a></p>'
        '<p lang="en">Made with <a href="https://b.example/">Material</a></p>'
        '<p lang="en"><a lang="zh" href="https://c.example/">丙</a></p></body></html>'
    )
    html = rewrite_links(source, POLICY, notice, HINT, "zh-CN").html
    hints = re.findall(r'<span class="rectify-leave__hint"([^>]*)>', html)
    assert hints == [" data-pagefind-ignore", ' lang="zh-CN" data-pagefind-ignore', " data-pagefind-ignore"]
