"""A site built from hostile content (tests/support/hostile.py): in its HTML nothing of the content can
run, load from another host or pass for the site's own components, and every character of its text is
still there."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from support import hostile
from support.builds import Build
from support.htmlcheck import dangers, parse, remote
from support.payloads import EMAIL, EVIL, MARKDOWN, PHONE, TEXT

IN_PAGES = frozenset({"iframe", "frame", "object", "embed", "applet", "base", "math", "portal"})
"""Elements no page of the site has: a whole page holds the site's own scripts, forms and icons."""


@pytest.fixture
def site(shared_build) -> Build:
    return hostile.build(shared_build)


def pages(site: Build) -> list[Path]:
    return sorted(p for p in site.site.rglob("*.html") if "pagefind" not in p.parts)


def text_within(html: str, css_class: str) -> str:
    """The text of the elements of ``html`` that have ``css_class`` or sit in one that has it."""
    return "".join(
        text
        for text, parent in parse(html).texts
        if parent is not None and (css_class in parent.classes or parent.within(css_class))
    )


def test_no_page_holds_anything_that_runs_or_reaches_another_host(site: Build) -> None:
    checked = 0
    for path in pages(site):
        html = path.read_text("utf-8")
        relative = path.relative_to(site.site).as_posix()
        assert dangers(html, running=IN_PAGES) == [], relative
        document = parse(html)
        code = [text for text, script in document.scripts if script.attrs.get("type") != "application/json"]
        assert not [text for text in code if "alert(" in text or EVIL in text], relative
        for element in document.elements:
            fetched = element.tag != "link" or element.attrs.get("rel") not in ("canonical", "prev", "next")
            if element.tag in ("script", "link", "img", "source") and fetched:
                address = element.attrs.get("src") or element.attrs.get("href") or ""
                assert not remote(address), (relative, element.tag, address)
            if element.tag == "a" and EVIL in element.attrs.get("href", ""):
                # Only the notice's own 继续访问 link goes to another site.
                assert relative.startswith("leave/") and "data-rectify-leave-continue" in element.attrs, (
                    relative
                )
        checked += 1
    assert checked >= 15


def test_every_link_to_another_site_in_the_content_goes_through_the_notice(site: Build) -> None:
    report = parse(site.html(f"{hostile.REPORT_ID}/"))
    links = [e for e in report.elements if e.tag == "a" and "data-rectify-leave" in e.attrs]
    destinations = {link.attrs["data-rectify-leave"] for link in links}
    # attr_continue, attr_leave, attr_target, data_leave, code_link, pre_link
    for path in ("a", "b", "c", "d", "code", "pre"):
        assert f"https://{EVIL}/{path}" in destinations, path
    for link in links:
        assert link.attrs["href"].startswith("../leave/"), link.attrs
    assert "https://www.gov.cn/" not in destinations  # the fake data-rectify-leave of attr_leave is gone


def test_titles_are_text_in_title_nav_tabs_header_and_footer(site: Build) -> None:
    title = hostile.REPORT_TITLE
    for index in range(len(TEXT)):
        page = site.html(f"{hostile.REPORT_ID}/{index + 1}/")
        assert parse(page).title.strip() == hostile.problem_page_title(index), index
        assert TEXT[index].text in text_within(page, "md-header__topic"), index
        assert TEXT[index].text in text_within(page, "rectify-problem__title"), index
    report = site.html(f"{hostile.REPORT_ID}/")
    assert parse(report).title.strip() == f"{title} - {hostile.SITE_NAME}"
    assert title in text_within(report, "md-nav--primary")
    neighbours = ("", "guide/", "guide/more/", f"{hostile.OTHER_ID}/")  # one of them links to the report
    assert any(title in text_within(site.html(url), "md-footer__inner") for url in neighbours)
    overview = site.html("")
    assert title in text_within(overview, "md-tabs")
    assert title in text_within(overview, "rectify-overview")


def test_every_plain_text_payload_is_shown_as_written(site: Build) -> None:
    report = parse(site.html(f"{hostile.REPORT_ID}/")).text
    for payload in TEXT[:8]:
        assert payload.text in report, payload.name
    assert PHONE in report and EMAIL in report
    statement = parse(site.html("accessibility/")).text
    assert PHONE in statement and EMAIL in statement and TEXT[6].text in statement
    problem = parse(site.html(f"{hostile.REPORT_ID}/1/")).text
    for offset in range(4):  # title, category, unit, metric unit
        assert TEXT[offset].text in problem, offset


def test_the_harmless_text_of_every_markdown_payload_is_kept(site: Build) -> None:
    problem = parse(site.html(f"{hostile.REPORT_ID}/1/")).text
    report = parse(site.html(f"{hostile.REPORT_ID}/")).text
    for payload in MARKDOWN:
        if payload.shown:
            assert problem.count(payload.shown) >= 4, (
                payload.name
            )  # measures, results, next steps, unclassified
            assert payload.shown in report, payload.name


def test_template_syntax_in_the_content_is_never_evaluated(site: Build) -> None:
    for url in ("", f"{hostile.REPORT_ID}/", f"{hostile.REPORT_ID}/8/", "search/"):
        html = site.html(url)
        assert "49模板" not in html and "True模板" not in html
    text = parse(site.html(f"{hostile.REPORT_ID}/8/")).text
    assert "{{ 7*7 }}{% if true %}模板{% endif %}{{ config }}{# x #}" in text


def test_content_cannot_set_what_the_scripts_and_search_trust(site: Build) -> None:
    for url in (f"{hostile.REPORT_ID}/", f"{hostile.REPORT_ID}/1/"):
        document = parse(site.html(url))
        ids = [e.attrs["id"] for e in document.elements if "id" in e.attrs]
        for ident in ("rectify-leave", "__config", "__drawer", "summary", "contact", "rectify-content"):
            assert ids.count(ident) <= 1, (url, ident)
        for element in document.elements:
            for name in element.attrs:
                if name in ("data-pagefind-filter", "data-pagefind-meta"):
                    assert element.within("rectify-search-meta"), (url, element.attrs)
        assert [e for e in document.elements if "data-rectify-leave-continue" in e.attrs] == [
            e
            for e in document.elements
            if e.within("rectify-leave--dialog") and "data-rectify-leave-continue" in e.attrs
        ]
        fake = [
            text
            for text, parent in document.texts
            if "Xssprobe" in text
            and parent is not None
            and any(c.startswith(("rectify-badge", "md-")) for c in parent.classes)
        ]
        assert fake == [], url


def test_what_the_sanitiser_removed_is_reported_with_file_and_field(site: Build) -> None:
    item = next(number for number, p in enumerate(MARKDOWN, 1) if p.name == "remote_img_md")
    where = f"文件 content/{hostile.REPORT_ID}/01.md，字段 measures 第 {item} 项"  # a Chinese site
    assert f'{where}：<img src="https://{EVIL}/j.png"> 是其他网站上的文件，其地址已去掉' in site.output
    intro = f'文件 content/{hostile.REPORT_ID}/report.yml，字段 intro：<img src="https://{EVIL}/i.png">'
    assert intro in site.output


def test_open_data_keeps_the_exact_text(site: Build) -> None:
    data = json.loads((site.site / "data" / "rectify.json").read_text("utf-8"))
    report = next(r for r in data["reports"] if r["id"] == hostile.REPORT_ID)
    assert report["title"] == hostile.REPORT_TITLE and report["intro"] == hostile.ALL_MARKDOWN
    assert report["contact"]["email"] == EMAIL and report["contact"]["phone"] == PHONE
    for index, problem in enumerate(report["problems"]):
        assert problem["title"] == TEXT[index].text
        assert problem["measures"] == [p.text for p in MARKDOWN]
        assert problem["statement"].strip() == hostile.ALL_MARKDOWN
    rows = list(
        csv.DictReader(io.StringIO((site.site / "data" / f"{hostile.REPORT_ID}.csv").read_text("utf-8-sig")))
    )
    for index, row in enumerate(rows):
        assert TEXT[index].text in row["title"]  # a spreadsheet-safe prefix may come first


def test_the_search_page_carries_titles_as_data_not_markup(site: Build) -> None:
    document = parse(site.html("search/"))
    (data,) = [text for text, script in document.scripts if "data-rectify-search-text" in script.attrs]
    assert json.loads(data)["reports"][hostile.REPORT_ID] == hostile.REPORT_TITLE
    options = [t for t, parent in document.texts if parent is not None and parent.tag == "option"]
    assert hostile.REPORT_TITLE in options


def test_material_search_indexes_none_of_the_content(shared_build) -> None:
    # Material's search shows what it indexes as HTML; the generated pages are rendered by templates
    # and have no Markdown body, so it indexes nothing of them, titles included.
    site = hostile.build(shared_build, search=False, material_search=True)
    raw = (site.site / "search" / "search_index.json").read_text("utf-8")
    locations = {doc["location"] for doc in json.loads(raw)["docs"]}
    assert locations and all(location.startswith("guide/") for location in locations)
    assert "alert(" not in raw and "Xssprobe" not in raw
