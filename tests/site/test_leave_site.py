"""Built sites: links to other sites go through a notice page (即将离开本网站) that exists and reads right."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from support.builds import (
    DEMO_ID,
    MINIMAL_CONFIG,
    REPORT_YML,
    STATEMENT_OPTIONS,
    Build,
    build_site,
    problem_file,
    write_tree,
)

SITE_NAME = "测试站点"
MKDOCS = "https://www.mkdocs.org/"
MATERIAL = "https://squidfunk.github.io/mkdocs-material/"
INLINE = "https://inline.example.org/"

OPTIONS = """\
      leave_site:
        allow: ["*.gov.cn"]
"""
EXTRA = "extra:\n  generator: false\n"  # no "Made with Material for MkDocs" link in the footer
CONFIG = (
    MINIMAL_CONFIG.replace("  - rectify:\n", "  - rectify:\n" + OPTIONS)
    + "site_url: https://rectify.example.gov/\n"
    + EXTRA
)
FILES = {
    "content/r-2024/report.yml": REPORT_YML,
    "content/r-2024/01.md": problem_file(
        1, "甲", body="原文见[通知](https://news.example.com/n/1?a=1&b=2)。"
    ),
    "content/r-2024/02.md": problem_file(2, "乙"),
    "docs/guide.md": f"""\
        # 指南

        [MkDocs]({MKDOCS}){{target=_blank}}、[通知](https://news.example.com/n/1?a=1&b=2)、
        [中国政府网](https://www.gov.cn/)、[本站](https://rectify.example.gov/r-2024/)、
        [邮件](mailto:a@example.com)、[电话](tel:0898-68522090)、[相对](r-2024/index.md)。

        ```html
        <a href="https://code.example.org/">代码中的链接</a>
        ```

        <p><code><a href="{INLINE}">x</a></code></p>
        """,
    "docs/other.md": f"# 其他\n\n[MkDocs]({MKDOCS})\n",
}


def key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


@pytest.fixture
def site(shared_build) -> Build:
    build = shared_build({"mkdocs.yml": CONFIG, **FILES}, "--strict")
    assert build.returncode == 0, build.output
    return build


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag == "a":
            self.links.append(attributes)


def parse(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def leaving(html: str) -> dict[str, str]:
    """The leaving links of a page: real address → href."""
    return {
        a["data-rectify-leave"] or "": a["href"] or "" for a in parse(html).links if "data-rectify-leave" in a
    }


# -- the links ------------------------------------------------------------------------------------


def test_links_to_other_sites_point_to_their_notice(site: Build) -> None:
    guide = site.html("guide/")
    news = "https://news.example.com/n/1?a=1&b=2"
    assert leaving(guide) == {
        MKDOCS: f"../leave/{key(MKDOCS)}/",
        news: f"../leave/{key(news)}/",
        INLINE: f"../leave/{key(INLINE)}/",  # a real link inside <code> leaves like any other
    }
    # No new tab, and screen readers hear that the link leaves the site.
    assert re.search(
        rf'<a href="../leave/{key(MKDOCS)}/" data-rectify-leave="{MKDOCS}">MkDocs'
        r'<span class="rectify-leave__hint" data-pagefind-ignore>（将离开本站）</span></a>',
        guide,
    )
    assert 'target="_blank"' not in guide


def test_links_that_stay_are_untouched(site: Build) -> None:
    guide = site.html("guide/")
    assert '<a href="https://www.gov.cn/">中国政府网</a>' in guide
    assert '<a href="https://rectify.example.gov/r-2024/">本站</a>' in guide
    assert (
        '<a href="mailto:a@example.com">邮件</a>' in guide and '<a href="tel:0898-68522090">电话</a>' in guide
    )
    assert '<a href="../r-2024/">相对</a>' in guide
    assert "https://code.example.org/" in guide and "code.example.org" not in "".join(leaving(guide))
    assert not (site.site / "leave" / key("https://code.example.org/")).exists()


def test_links_in_the_content_leave_too(site: Build) -> None:
    news = "https://news.example.com/n/1?a=1&b=2"
    assert leaving(site.html("r-2024/1/")) == {news: f"../../leave/{key(news)}/"}
    assert leaving(site.html("r-2024/")) == {news: f"../leave/{key(news)}/"}


def test_the_dialog_is_on_each_page_with_leaving_links_once(site: Build) -> None:
    for url in ("guide/", "r-2024/1/", "r-2024/"):
        page = site.html(url)
        assert page.count('<dialog class="rectify-leave rectify-leave--dialog" id="rectify-leave"') == 1, url
        ids = parse(page).ids
        assert {"rectify-leave-title", "rectify-leave-message"} <= set(ids)
        assert len(ids) == len(set(ids)), f"duplicate ids on {url}"
        assert page.index('id="rectify-leave"') > page.index("</main>") and page.rstrip().endswith("</html>")
    dialog = site.html("guide/").split('id="rectify-leave"')[1].split("</dialog>")[0]
    assert 'aria-labelledby="rectify-leave-title" aria-describedby="rectify-leave-message"' in site.html(
        "guide/"
    )
    assert "即将离开本网站" in dialog and "继续访问" in dialog and "返回" in dialog
    assert f"您访问的链接即将离开“{SITE_NAME}”，进入 " in dialog
    assert 'id="rectify-leave"' not in site.html("r-2024/2/")  # no leaving link (the footer has none)


def notices_of_every_leaving_link(site: Path) -> set[str]:
    """The addresses the site's pages (the notices and 404.html too) link out to, each checked to
    lead to its notice page, which exists."""
    seen = set()
    for path in site.rglob("*.html"):
        page_url = "/" + path.relative_to(site).as_posix()
        for url, href in leaving(path.read_text("utf-8")).items():
            target = urljoin(page_url, href).lstrip("/")
            assert target == f"leave/{key(url)}/", (path, href)
            assert (site / target / "index.html").is_file(), (path, url)
            seen.add(url)
    return seen


def test_every_leaving_link_of_the_site_has_its_notice(site: Build) -> None:
    seen = notices_of_every_leaving_link(site.site)
    assert len(seen) == 3
    notices = sorted(p.name for p in (site.site / "leave").iterdir())
    assert notices == sorted({key(MKDOCS), key("https://news.example.com/n/1?a=1&b=2"), key(INLINE)})
    assert notices == sorted(key(url) for url in seen)


# -- the notice pages ------------------------------------------------------------------------------


def test_the_notice_page_names_the_site_the_host_and_both_ways(site: Build) -> None:
    page = site.html(f"leave/{key(MKDOCS)}/")
    assert '<h1 class="rectify-leave__title">即将离开本网站</h1>' in page
    assert (
        f"您访问的链接即将离开“{SITE_NAME}”，进入 "
        '<strong class="rectify-leave__host">www.mkdocs.org</strong>，是否继续？'
    ) in page
    links = {
        a.get("class"): a
        for a in parse(page).links
        if a.get("class", "") and "rectify-leave" in (a["class"] or "")
    }
    go = links["rectify-leave__button rectify-leave__button--continue"]
    back = links["rectify-leave__button rectify-leave__button--back"]
    assert go["href"] == MKDOCS and "target" not in go
    # Two pages link to mkdocs.org (guide and other): 返回 leads home.
    assert back["href"] in ("../..", "../../") and ">返回首页</a>" in page


def test_a_host_in_other_scripts_is_named_with_the_host_browsers_reach(tmp_path: Path) -> None:
    lookalike = "https://www.g\u03bfv.cn/"  # www.gov.cn with a Greek omicron: *.gov.cn does not allow it
    files = {**FILES, "docs/other.md": f"# 其他\n\n[政府网]({lookalike})\n"}
    write_tree(tmp_path, {"mkdocs.yml": CONFIG, **files})
    build = build_site(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    assert lookalike in leaving(build.html("other/"))
    page = build.html(f"leave/{key(lookalike)}/")
    assert (
        '<strong class="rectify-leave__host">www.g\u03bfv.cn（实际域名：www.xn--gv-jbc.cn）</strong>' in page
    )
    # The dialog words it the same way; leave.js fills in the two names.
    assert 'data-rectify-leave-idn="{host}（实际域名：{ascii}）"' in build.html("other/")


def test_the_notice_page_of_a_single_referrer_leads_back_to_it(tmp_path: Path) -> None:
    write_tree(tmp_path, {"mkdocs.yml": CONFIG, **FILES, "docs/other.md": "# 其他\n"})
    build = build_site(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    page = build.html(f"leave/{key(MKDOCS)}/")
    assert 'href="../../guide/" data-rectify-leave-return>返回</a>' in page


def test_the_notice_page_is_a_page_of_the_site_kept_out_of_search(site: Build) -> None:
    page = site.html(f"leave/{key(MKDOCS)}/")
    assert "<title>即将离开本网站 - 测试站点</title>" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert 'class="md-header' in page and 'href="../../assets/rectify/rectify.css"' in page
    assert '<html lang="zh' in page and "data-pagefind-body" not in page
    assert "leave/" not in (site.site / "sitemap.xml").read_text("utf-8")


def test_the_content_address_is_escaped_on_the_notice(site: Build) -> None:
    news = "https://news.example.com/n/1?a=1&b=2"
    page = site.html(f"leave/{key(news)}/")
    assert 'href="https://news.example.com/n/1?a=1&amp;b=2"' in page
    assert '<span class="rectify-leave__url">https://news.example.com/n/1?a=1&amp;b=2</span>' in page
    # Only the problem page and the report link to it… two pages: home.
    assert ">返回首页</a>" in page


def test_the_404_page_links_from_the_site_root(tmp_path: Path) -> None:
    social_links = "  social:\n    - icon: fontawesome/brands/github\n      link: https://github.com/x\n"
    config = CONFIG.replace(EXTRA, EXTRA + social_links)
    write_tree(tmp_path, {"mkdocs.yml": config, **FILES})
    build = build_site(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    social = "https://github.com/x"
    assert leaving((build.site / "404.html").read_text("utf-8")) == {social: f"/leave/{key(social)}/"}
    page = build.html(f"leave/{key(social)}/")
    # An icon link is named by its title; the hint keeps that name.
    assert ">github.com（将离开本站）</span></a>" in build.html("guide/")
    assert ">返回首页</a>" in page


def test_builds_are_reproducible(site: Build, tmp_path: Path) -> None:
    write_tree(tmp_path, {"mkdocs.yml": CONFIG, **FILES})
    again = build_site(tmp_path, "--strict")
    assert again.returncode == 0, again.output
    for path in [*sorted((site.site / "leave").rglob("*.html")), site.site / "guide" / "index.html"]:
        relative = path.relative_to(site.site)
        assert path.read_bytes() == (again.site / relative).read_bytes(), relative


# -- where leaving links come from ------------------------------------------------------------------

EVERYWHERE = {
    "docs": "https://docs.example.org/a?b=1&c=2",
    "nav": "https://nav.example.com/",
    "copyright": "https://copyright.example.net/",
    "social": "https://github.com/x",
    "alternate": "https://en.example.org/",
    "repo": "https://git.example.org/org/repo",
    "edit": "https://git.example.org/org/repo/edit/main/docs/guide.md",
    "view": "https://git.example.org/org/repo/raw/main/docs/guide.md",
    "generator": MATERIAL,
    "intro": "https://intro.example.com/x",
    "problem": "https://news.example.com/n/1?a=1&b=2",
    "measure": "https://measure.example.com/",
    "template": "https://zfwzzc.example.cn/check",
    "extra": "https://hotline.example.cn/",
}
EVERYWHERE_CONFIG = f"""\
site_name: {SITE_NAME}
site_url: https://rectify.example.gov/
repo_url: {EVERYWHERE["repo"]}
edit_uri: edit/main/docs/
copyright: '© 2024 <a href="{EVERYWHERE["copyright"]}">版权</a>'
theme:
  name: material
  language: zh
  font: false
  custom_dir: overrides
  features: [content.action.edit, content.action.view]
plugins:
  - rectify:
{STATEMENT_OPTIONS}markdown_extensions:
  - attr_list
nav:
  - 首页: index.md
  - 指南: guide.md
  - 外站: {EVERYWHERE["nav"]}
  - 报告: r-2024/index.md
extra:
  generator: true
  hotline: {EVERYWHERE["extra"]}
  social:
    - icon: fontawesome/brands/github
      link: {EVERYWHERE["social"]}
  alternate:
    - name: English
      link: {EVERYWHERE["alternate"]}
      lang: en
"""
EVERYWHERE_FILES = {
    "overrides/partials/rectify/footer.html": f"""\
        <div><a href="{EVERYWHERE["template"]}">政府网站找错</a>
        <a href="{{{{ config.extra.hotline }}}}">热线</a></div>
        """,
    "docs/guide.md": f"# 指南\n\n[文档]({EVERYWHERE['docs']}){{target=_blank}}\n",
    "content/r-2024/report.yml": REPORT_YML + f"intro: 见[原文]({EVERYWHERE['intro']})。\n",
    "content/r-2024/01.md": problem_file(
        1,
        "甲",
        body=f"原文见[通知]({EVERYWHERE['problem']})。",
        measures=f'["见[措施]({EVERYWHERE["measure"]})"]',
    ),
    "content/r-2024/02.md": problem_file(2, "乙"),
}


def test_links_from_every_place_have_their_notice(tmp_path: Path) -> None:
    """The content, the docs, the nav, the copyright, extra, the edit buttons, the generator credit
    and the site's own templates: each leaving link has its notice page, made before the pages."""
    write_tree(tmp_path, {"mkdocs.yml": EVERYWHERE_CONFIG, **EVERYWHERE_FILES})
    build = build_site(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    seen = notices_of_every_leaving_link(build.site)
    assert seen == set(EVERYWHERE.values())
    assert sorted(p.name for p in (build.site / "leave").iterdir()) == sorted(key(url) for url in seen)
    assert leaving((build.site / "404.html").read_text("utf-8"))[EVERYWHERE["social"]].startswith("/leave/")
    # Links on every page lead back home; the docs page's own links back to it.
    assert ">返回首页</a>" in build.html(f"leave/{key(EVERYWHERE['template'])}/")
    assert 'href="../../guide/" data-rectify-leave-return' in build.html(f"leave/{key(EVERYWHERE['docs'])}/")
    assert 'href="../../r-2024/" data-rectify-leave-return' in build.html(
        f"leave/{key(EVERYWHERE['intro'])}/"
    )
    assert "leave/" not in (build.site / "sitemap.xml").read_text("utf-8")


def test_every_leaving_link_of_the_demo_has_its_notice(demo_build: Build) -> None:
    seen = notices_of_every_leaving_link(demo_build.site)
    assert {MKDOCS, MATERIAL} <= seen
    assert sorted(p.name for p in (demo_build.site / "leave").iterdir()) == sorted(key(url) for url in seen)


COMPUTED = "https://computed.example.org/"
COMPUTED_TEMPLATE = """<a href="{{ 'https://computed' ~ '.example.org/' }}">公告</a>\n"""


def test_a_leaving_link_made_where_none_is_collected_is_an_error(tmp_path: Path) -> None:
    config = CONFIG.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    write_tree(
        tmp_path, {"mkdocs.yml": config, **FILES, "overrides/partials/rectify/footer.html": COMPUTED_TEMPLATE}
    )
    build = build_site(tmp_path, "--strict")
    assert build.returncode == 1 and "Traceback" not in build.output
    assert f"{COMPUTED} 指向其他网站，但没有生成离站提示页" in build.output  # a Chinese site
    build = build_site(tmp_path)
    assert build.returncode == 0
    assert f"ERROR   -  rectify: 页面 404.html：{COMPUTED} 指向其他网站" in build.output
    assert build.output.count(f"{COMPUTED} 指向其他网站") == 1  # once, for the first page
    # The link keeps its address; with JavaScript the dialog still asks.
    assert f'<a href="{COMPUTED}" data-rectify-leave="{COMPUTED}">公告' in build.html("guide/")
    assert not (build.site / "leave" / key(COMPUTED)).exists()


# -- options -----------------------------------------------------------------------------------


def test_the_notice_can_be_switched_off(tmp_path: Path) -> None:
    config = CONFIG.replace('        allow: ["*.gov.cn"]\n', "        enabled: false\n")
    write_tree(tmp_path, {"mkdocs.yml": config, **FILES})
    build = build_site(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    assert not (build.site / "leave").exists()
    guide = build.html("guide/")
    assert f'<a href="{MKDOCS}" target="_blank">MkDocs</a>' in guide and "rectify-leave" not in guide


def test_without_an_allowlist_government_sites_get_the_notice_too(tmp_path: Path) -> None:
    config = CONFIG.replace(OPTIONS, "")
    write_tree(tmp_path, {"mkdocs.yml": config, **FILES})
    build = build_site(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    assert "https://www.gov.cn/" in leaving(build.html("guide/"))
    # The site's own host never needs a notice.
    assert "https://rectify.example.gov/r-2024/" not in leaving(build.html("guide/"))


def test_notice_pages_follow_use_directory_urls(tmp_path: Path) -> None:
    write_tree(tmp_path, {"mkdocs.yml": CONFIG + "use_directory_urls: false\n", **FILES})
    build = build_site(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    assert leaving(build.html("guide.html"))[MKDOCS] == f"leave/{key(MKDOCS)}.html"
    page = (build.site / "leave" / f"{key(MKDOCS)}.html").read_text("utf-8")
    assert f'href="{MKDOCS}"' in page and 'href="../index.html" data-rectify-leave-return' in page


def test_the_option_is_checked(tmp_path: Path) -> None:
    config = CONFIG.replace('allow: ["*.gov.cn"]', "allow: 3")
    write_tree(tmp_path, {"mkdocs.yml": config, **FILES})
    build = build_site(tmp_path)
    assert build.returncode == 1 and "leave_site" in build.output and "Traceback" not in build.output


# -- the demo ------------------------------------------------------------------------------------


def test_the_demo_about_page_links_out_through_notices(demo_build: Build) -> None:
    guide = demo_build.html("about/")
    links = leaving(guide)
    assert MKDOCS in links and MATERIAL in links
    assert '<a href="https://www.gov.cn/">中国政府网</a>' in guide  # allowed: *.gov.cn
    for url in links:
        assert "即将离开本网站" in demo_build.html(f"leave/{key(url)}/")
    assert 'id="rectify-leave"' in demo_build.html(f"{DEMO_ID}/1/") or not leaving(
        demo_build.html(f"{DEMO_ID}/1/")
    )


def test_notice_pages_exist_under_mkdocs_serve(tmp_path: Path) -> None:
    from test_serve import mkdocs_serve, wait_for

    write_tree(tmp_path, {"mkdocs.yml": CONFIG, **FILES})
    with mkdocs_serve(tmp_path) as (base, _):
        guide = wait_for(f"{base}/guide/", "MkDocs")
        assert leaving(guide)[MKDOCS] == f"../leave/{key(MKDOCS)}/"
        page = wait_for(f"{base}/leave/{key(MKDOCS)}/", "即将离开本网站")
        assert f'href="{MKDOCS}"' in page
