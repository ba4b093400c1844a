"""The demo site: the Haikou notice of 2022-03-22, built with --strict, complete and self-contained."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from typing import ClassVar
from urllib.parse import urlparse

import pytest
from support.builds import DEMO_ID, SEED, Build
from support.text import html_text, site_text, squash

# Characters lost when the notice was captured, and what the published notice said.
CAPTURE_REPAIRS = {"2021422日至625": "2021年4月22日至6月25日"}
LABEL = re.compile(
    r"(问题表现\d+|整改措施|整改成效|下一步计划|整改结果|联系电话|邮政地址|邮政编码|电子邮箱)[:：]?"
)
ITEM_NUMBER = re.compile(r"^\d{1,2}[.．](?=\D|\d{4}年)")


def seed_sentences() -> list[str]:
    text = SEED.read_text("utf-8")
    start = text.index("中共海口市政务管理局党组关于巡察整改情况的通报")
    end = text.index("hkzhengwu@163.com") + len("hkzhengwu@163.com")
    article = text[start:end]
    for lost, repaired in CAPTURE_REPAIRS.items():
        article = article.replace(lost, repaired)
    # The date line is published as 发布日期 2022年3月22日 (checked separately).
    article = re.sub(r"2022-03-22 10:30:00 来源:", "", article)
    article = LABEL.sub("\n", article)
    sentences = []
    for piece in re.split(r"[。；;!?！？\n]|(?<=[，,])(?=\d{1,2}[.．]\D)", article):
        piece = ITEM_NUMBER.sub("", piece.strip())
        if len(squash(piece)) >= 2:
            sentences.append(piece)
    return sentences


def test_the_seed_has_many_sentences() -> None:
    assert len(seed_sentences()) > 250


def test_every_sentence_of_the_notice_is_on_the_site(demo_build: Build) -> None:
    text = squash(site_text(demo_build.site))
    missing = [s for s in seed_sentences() if squash(s) not in text]
    assert missing == [], f"{len(missing)} sentences missing, e.g. {missing[:3]}"


def test_pages_exist_at_stable_urls(demo_build: Build) -> None:
    for number in range(1, 18):
        page = demo_build.html(f"{DEMO_ID}/{number}/")
        assert f'<h1 class="rectify-problem__title" id="problem-title">问题{number}：' in page
    report = demo_build.html(f"{DEMO_ID}/")
    assert '<h1 class="rectify-report__title">中共海口市政务管理局党组关于巡察整改情况的通报</h1>' in report
    assert "共 17 个问题，已完成 17 个，完成率 100%" in report
    overview = demo_build.html("")
    assert f'href="{DEMO_ID}/"' in overview
    assert "共 17 个问题，已完成 17 个，完成率 100%" in overview


def test_problem_page_sections_badge_and_pager(demo_build: Build) -> None:
    page = demo_build.html(f"{DEMO_ID}/5/")
    headings = re.findall(r"<h2 id=\"problem-[a-z_]+\"[^>]*>([^<]+)</h2>", page)
    assert headings == ["问题表现", "整改措施", "整改成效", "下一步计划", "整改结果"]
    badge = re.search(
        r'<span class="rectify-badge rectify-badge--completed"[^>]*>(.*?)</span>\s*</span>', page, re.S
    )
    assert badge and 'aria-hidden="true"' in badge.group(1) and "已完成" in html_text(badge.group(1))
    assert 'rel="prev" ' not in page and 'href="../4/" rel="prev"' in page
    assert 'href="../6/" rel="next"' in page
    assert '<a href="../">' in page
    first = demo_build.html(f"{DEMO_ID}/1/")
    assert 'rel="prev"' not in first
    assert "<caption>问题1的整改数据</caption>" in first and '<th scope="row">全程网办率</th>' in first


def test_report_page_holds_every_problem_in_full_with_anchors(demo_build: Build) -> None:
    report = demo_build.html(f"{DEMO_ID}/")
    for number in range(1, 18):
        assert f'<section class="rectify-problem" id="problem-{number}"' in report
        assert f'href="#problem-{number}"' in report
        assert f'href="{number}/"' in report
    assert '<a href="tel:0898-68522090">0898-68522090</a>' in report
    assert '<a href="mailto:hkzhengwu%40163.com">hkzhengwu@163.com</a>' in report
    assert "<dt>巡察时间</dt><dd>2021年4月22日至2021年6月25日</dd>" in report


def test_navigation_lists_reports_not_problems(demo_build: Build) -> None:
    page = demo_build.html(f"{DEMO_ID}/3/")
    nav = page[page.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index('<main class="md-content"')]
    assert 'href="../"' in nav
    assert not re.search(rf'href="[^"]*{DEMO_ID}/\d+/"|href="\.\./\d+/"', nav)


def test_open_data_json(demo_build: Build) -> None:
    data = json.loads((demo_build.site / "data" / "rectify.json").read_text("utf-8"))
    assert data["schema_version"] == 2
    [report] = data["reports"]
    assert report["id"] == DEMO_ID and report["url"] == f"{DEMO_ID}/"
    assert report["title"] == "中共海口市政务管理局党组关于巡察整改情况的通报"
    assert report["published"] == "2022-03-22"
    assert report["inspection"] == {
        "body": "市委第巡察组",
        "start": "2021-04-22",
        "end": "2021-06-25",
        "feedback": "2021-09-30",
    }
    assert report["contact"]["email"] == "hkzhengwu@163.com"
    assert report["summary"] == {
        "total": 17,
        "completed": 17,
        "ongoing": 0,
        "in_progress": 0,
        "not_done": 0,
        "rate": 100.0,
        "overdue": 0,
        "withdrawn": 0,
    }
    problems = report["problems"]
    assert [p["number"] for p in problems] == list(range(1, 18))
    assert {p["status"] for p in problems} == {"completed"}
    assert problems[0]["url"] == f"{DEMO_ID}/1/"
    expected_fields = {
        "number",
        "title",
        "status",
        "category",
        "units",
        "deadline",
        "completed_on",
        "measures",
        "results",
        "next_steps",
        "metrics",
        "history",
        "unclassified",
        "former_numbers",
        "statement",
        "url",
        "overdue",
        "current_deadline",
        "deadline_moved",
        "last_updated",
    }
    assert set(problems[0]) == expected_fields
    for problem in problems:
        assert (demo_build.site / problem["url"] / "index.html").is_file()


def test_open_data_csv_has_bom_and_one_row_per_problem(demo_build: Build) -> None:
    raw = (demo_build.site / "data" / f"{DEMO_ID}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 17
    assert (
        rows[0]["number"] == "1" and rows[0]["status"] == "completed" and rows[0]["status_label"] == "已完成"
    )
    assert rows[6]["title"] == "干部教育管理不严格"


def test_schema_is_the_front_matter_model(demo_build: Build) -> None:
    schema = json.loads((demo_build.site / "data" / "schema.json").read_text("utf-8"))
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["number", "title", "status"]
    status = schema["$defs"]["Status"]["enum"]
    assert status == ["completed", "ongoing", "in_progress", "not_done"]


class _Resources(HTMLParser):
    """Collects every URL a browser would fetch on its own: scripts, styles, images, frames."""

    FETCHING: ClassVar[set[tuple[str, str]]] = {
        ("script", "src"),
        ("link", "href"),
        ("img", "src"),
        ("iframe", "src"),
        ("source", "src"),
        ("video", "src"),
        ("audio", "src"),
        ("embed", "src"),
        ("object", "data"),
        ("img", "srcset"),
    }

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        if tag == "link" and not {
            "stylesheet",
            "preload",
            "icon",
            "modulepreload",
            "preconnect",
            "dns-prefetch",
        } & set((values.get("rel") or "").split()):
            return
        for t, attr in self.FETCHING:
            if tag == t and values.get(attr):
                self.urls.append(values[attr])


@pytest.mark.parametrize("suffix", [".html", ".css"])
def test_no_file_asks_for_another_host(demo_build: Build, suffix: str) -> None:
    external = []
    for path in demo_build.site.rglob(f"*{suffix}"):
        text = path.read_text("utf-8", errors="replace")
        if suffix == ".html":
            parser = _Resources()
            parser.feed(text)
            urls = parser.urls
        else:
            urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(
                r"@import\s+['\"]([^'\"]+)", text
            )
        external += [
            (path.name, u) for u in urls if urlparse(u).scheme in ("http", "https") or u.startswith("//")
        ]
    assert external == []


def test_html_lang_is_chinese(demo_build: Build) -> None:
    assert re.search(r'<html lang="zh', demo_build.html(f"{DEMO_ID}/1/"))


def test_no_lunr_index_is_published(demo_build: Build) -> None:
    assert not (demo_build.site / "search" / "search_index.json").exists()


def test_build_is_deterministic(demo_build: Build, demo_rebuilt: Build) -> None:
    again = demo_rebuilt
    for name in (
        "data/rectify.json",
        f"data/{DEMO_ID}.csv",
        f"{DEMO_ID}/index.html",
        f"{DEMO_ID}/9/index.html",
    ):
        assert (again.site / name).read_bytes() == (demo_build.site / name).read_bytes(), name
