"""Search, as built: the Pagefind bundle, what it indexes, the search page, the header box, options."""

from __future__ import annotations

import gzip
import json
import re
import time
from pathlib import Path

from support.builds import DEMO_ID, MINIMAL_CONFIG, REPORT_YML, Build, build_site, problem_file
from support.serve import fetch, wait_for

from mkdocs_rectify.search.hanzi import content_language, map_json, site_characters, traditional_map

# -- pure helpers -------------------------------------------------------------------------------------


def test_traditional_map_covers_only_the_sites_characters() -> None:
    table = traditional_map("电子保函办事大厅")
    assert table["電"] == "电"
    assert table["辦"] == "办"
    assert table["廳"] == "厅"
    assert "熱" not in table  # 热 is not in the site
    assert all(simp in "电子保函办事大厅" for simp in table.values())


def test_a_traditional_character_used_by_the_site_is_left_alone() -> None:
    # 乾 is the traditional form of 干, but a site that writes 乾 (a name) must find it as written.
    assert traditional_map("干部")["乾"] == "干"
    assert "乾" not in traditional_map("干部乾隆")


def test_regional_variants_reach_the_simplified_form() -> None:
    # 綫 (Hong Kong) and 線 (standard traditional) are both 线.
    table = traditional_map("热线")
    assert table["線"] == "线"
    assert table["綫"] == "线"


def test_site_characters_and_language_from_nested_dumps() -> None:
    dump = [{"title": "热线 12345", "items": ["打不通", {"note": "ok"}]}]
    assert site_characters(dump) == set("热线打不通")
    assert content_language(dump) == "zh"
    assert content_language([{"title": "The hotline cannot be reached"}]) is None


def test_map_json_is_two_aligned_strings() -> None:
    data = json.loads(map_json({"電": "电", "話": "话"}))
    assert data == {"from": "電話", "to": "电话"}


# -- the demo as built -------------------------------------------------------------------------------


def fragments(site: Path) -> dict[str, dict]:
    """Pagefind's stored page records (URL → record), decoded from the bundle."""
    records = {}
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        record = json.loads(data[len(b"pagefind_dcd") :])
        records[record["url"]] = record
    return records


def test_the_bundle_is_written_without_the_unused_ready_made_interfaces(demo_build: Build) -> None:
    bundle = demo_build.site / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert list(bundle.glob("*.pf_meta")) and list(bundle.glob("wasm.*.pagefind"))
    assert not list(bundle.glob("pagefind-*ui*")) and not (bundle / "pagefind-highlight.js").exists()
    assert "已生成搜索索引，共 18 个页面" in demo_build.output  # the demo site speaks Chinese


def test_problem_pages_and_the_report_are_indexed_and_nothing_else(demo_build: Build) -> None:
    records = fragments(demo_build.site)
    expected = {f"/{DEMO_ID}/"} | {f"/{DEMO_ID}/{n}/" for n in range(1, 18)}
    assert set(records) == expected


def test_a_problem_record_has_its_title_filters_and_text(demo_build: Build) -> None:
    record = fragments(demo_build.site)[f"/{DEMO_ID}/5/"]
    assert record["meta"]["title"] == "问题5：超期办件、差评办件数量较多"
    assert record["meta"]["status"] == "completed"
    assert record["meta"]["report"] == DEMO_ID
    assert record["filters"] == {"report": [DEMO_ID], "status": ["completed"], "year": ["2022"]}
    text = record["content"].replace("\u200b", "")
    assert "超期办件量达13128件" in text
    # The pager, header and footer are not part of the record.
    assert "下一个问题" not in text and "返回通报全文" not in text
    # Nor are the labels every problem repeats: they would match every page and fill excerpts.
    for label in ("问题表现", "整改措施", "整改成效", "下一步计划", "整改结果"):
        assert label not in text
    # The status is said once, by the badge under the title (the close of the page repeats it).
    assert text.count("已完成") == 1


def test_the_report_record_holds_only_the_reports_own_text(demo_build: Build) -> None:
    """A problem's text is found on its own page, never also on the report page that repeats it."""
    record = fragments(demo_build.site)[f"/{DEMO_ID}/"]
    text = record["content"].replace("\u200b", "")
    assert "现将巡察整改情况予以公布" in text  # the intro
    assert "0898-68522090" in text  # the contact block
    assert "超期办件量达13128件" not in text  # problem 5, in full on the report page
    assert "问题清单" not in text and "开放数据" not in text
    assert "status" not in record["filters"]


def test_search_page_reads_without_javascript(demo_build: Build) -> None:
    html = demo_build.html("search/")
    assert "<h1>搜索整改问题</h1>" in html
    nojs = re.search(r"<div class=\"rectify-search__nojs\"[^>]*>(.*?)</div>", html, re.S)
    assert nojs and "需要在浏览器中启用 JavaScript" in nojs.group(1)
    assert 'href="../"' in nojs.group(1)  # the overview, to browse instead
    assert re.search(r"<form class=\"rectify-search__form\"[^>]*\bhidden\b", html)
    assert re.search(r'<label class="rectify-search__label" for="rectify-search-q">', html)
    assert re.search(
        r'<input class="rectify-search__input" type="search" id="rectify-search-q" name="q"', html
    )
    assert re.search(r'<p class="rectify-search__status" role="status"', html)
    assert 'src="../assets/rectify/search.js"' in html


def test_only_the_search_page_loads_the_search_script(demo_build: Build) -> None:
    for url in ("", f"{DEMO_ID}/", f"{DEMO_ID}/5/"):
        html = demo_build.html(url)
        assert "search.js" not in html and "pagefind" not in re.sub(r"data-pagefind-[a-z]+", "", html)


def test_header_box_is_a_plain_labelled_form_to_the_search_page(demo_build: Build) -> None:
    html = demo_build.html(f"{DEMO_ID}/5/")
    form = re.search(r"<form class=\"rectify-search-box\"[^>]*>.*?</form>", html, re.S)
    assert form, "no search box in the header"
    box = form.group(0)
    assert 'role="search"' in box and 'action="../../search/"' in box and 'method="get"' in box
    assert '<label class="rectify-search-box__label" for="rectify-search-box-q">搜索整改问题</label>' in box
    assert '<input class="rectify-search-box__input" type="search" id="rectify-search-box-q" name="q"' in box
    assert html.count('role="search"') == 1
    # No trace of Material's own search.
    assert 'data-md-component="search"' not in html and "search_index.json" not in html


def test_the_search_page_has_one_search_box_its_own(demo_build: Build) -> None:
    html = demo_build.html("search/")
    assert "rectify-search-box" not in html
    assert html.count('role="search"') == 1


def test_traditional_map_is_published_for_the_demo(demo_build: Build) -> None:
    data = json.loads((demo_build.site / "search" / "hanzi.json").read_text("utf-8"))
    table = dict(zip(data["from"], data["to"], strict=True))
    assert table["電"] == "电" and table["譯"] == "译"
    assert len(data["from"]) < 1500


# -- options ---------------------------------------------------------------------------------------------


def config(plugins: str) -> str:
    """The minimal site with ``plugins`` (lines of the ``plugins:`` list) in place of ``- rectify``."""
    return MINIMAL_CONFIG.replace("plugins:\n  - rectify:\n", f"plugins:\n{plugins}\n")


FILES = {
    "content/demo-2024/report.yml": REPORT_YML,
    "content/demo-2024/01.md": problem_file(1, "热线接通率低", body="12345热线打不通。"),
}


def test_search_off_publishes_no_search(make_site) -> None:
    project = make_site(FILES, config=config("  - rectify:\n      search: false"))
    build = build_site(project, "--strict")
    assert build.returncode == 0, build.output
    assert not (build.site / "pagefind").exists()
    assert not (build.site / "search" / "index.html").exists()
    html = build.html("demo-2024/1/")
    assert "rectify-search-box" not in html and "data-pagefind-filter" not in html


def test_materials_search_plugin_is_switched_off_with_a_note(make_site) -> None:
    project = make_site(FILES, config=config("  - search\n  - rectify:"))
    build = build_site(project, "--strict")
    assert build.returncode == 0, build.output
    assert "已关闭“material/search”插件：本站使用 Pagefind 搜索" in build.output
    assert not (build.site / "search" / "search_index.json").exists()
    assert (build.site / "search" / "index.html").exists()
    html = build.html("demo-2024/1/")
    assert 'data-md-component="search"' not in html and html.count('role="search"') == 1


def test_materials_search_stays_when_ours_is_off(make_site) -> None:
    project = make_site(FILES, config=config("  - search\n  - rectify:\n      search: false"))
    build = build_site(project, "--strict")
    assert build.returncode == 0, build.output
    assert (build.site / "search" / "search_index.json").exists()
    assert 'data-md-component="search"' in build.html("demo-2024/1/")


# -- mkdocs serve ----------------------------------------------------------------------------------------


def test_serve_indexes_the_site_and_again_after_an_edit(served) -> None:
    project, base, _ = served
    wait_for(f"{base}/r-2024/1/", "原来的标题")
    entry = wait_for(f"{base}/pagefind/pagefind-entry.json", '"zh"')
    assert "rectify-search-box" in (fetch(f"{base}/r-2024/1/") or "")
    assert "rectify-search__form" in (fetch(f"{base}/search/") or "")
    (project / "content/r-2024/01.md").write_text(problem_file(1, "修改后的标题"), "utf-8")
    wait_for(f"{base}/r-2024/1/", "修改后的标题")
    deadline = time.monotonic() + 60
    while fetch(f"{base}/pagefind/pagefind-entry.json") in (entry, None):
        assert time.monotonic() < deadline, "the index was not rebuilt after the edit"
        time.sleep(0.3)
