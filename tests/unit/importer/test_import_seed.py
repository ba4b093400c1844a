"""The real notice: imported, compared with the curated demo, and every character accounted for."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

import pytest
from support.importer import (
    CURATED,
    SEED,
    SEED_CHROME,
    missing_characters,
    missing_fragments,
    read_report,
    seed_article,
)

from mkdocs_rectify.importer import ImportResult, import_notice, write_report
from mkdocs_rectify.model import Status

MAX_REPAIR = 8
"""Characters a person may have repaired in one curated item (capture losses) and still match."""


@pytest.fixture(scope="module")
def seed_result() -> ImportResult:
    return import_notice(SEED.read_bytes(), source_name=SEED.name)


@pytest.fixture(scope="module")
def seed_folder(seed_result: ImportResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(seed_result, tmp_path_factory.mktemp("seed") / "content", force=False)


def test_seventeen_completed_problems(seed_result: ImportResult) -> None:
    assert seed_result.report_id == "hkszwglj-2022"
    assert [problem.front_matter.number for problem in seed_result.problems] == list(range(1, 18))
    assert {problem.front_matter.status for problem in seed_result.problems} == {Status.COMPLETED}
    assert all(not problem.front_matter.unclassified for problem in seed_result.problems)
    assert seed_result.meta.unclassified == []


def test_metadata(seed_result: ImportResult) -> None:
    meta = seed_result.meta
    assert meta.title == "中共海口市政务管理局党组关于巡察整改情况的通报"
    assert meta.issuer == "中共海口市政务管理局党组"
    assert meta.source == "海口市政务管理局"
    assert meta.published == dt.date(2022, 3, 22)
    assert meta.inspection.start == dt.date(2021, 4, 22)
    assert meta.inspection.end == dt.date(2021, 6, 25)
    assert meta.inspection.feedback == dt.date(2021, 9, 30)
    assert meta.inspection.body == "市委第巡察组"
    assert "2021年4月22日至6月25日" in meta.intro and "2021422日至625" not in meta.intro
    assert meta.contact.phone == "0898-68522090"
    assert meta.contact.address == "海口市龙华区滨海大道28号"
    assert meta.contact.postcode == "570203"
    assert meta.contact.email == "hkzhengwu@163.com"
    assert meta.contact.note == "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"


def test_capture_losses_are_warned(seed_result: ImportResult) -> None:
    warnings = "\n".join(seed_result.warnings)
    assert "2021422日至625" in warnings and "2021-04-22" in warnings and "2021-06-25" in warnings
    assert "市委第巡察组" in warnings


def test_chrome_is_dropped_and_listed(seed_result: ImportResult) -> None:
    listed = [
        item.text
        for item in seed_result.dropped
        if item.why != "time of day of the web posting (published keeps the date)"
    ]
    assert listed == SEED_CHROME
    for chrome in ("无障碍", "首页 >>", "即将离开", "是否继续"):
        assert chrome not in seed_result.article_text


def test_every_character_of_the_article_is_written(seed_folder: Path) -> None:
    article = seed_article()
    assert missing_fragments(article, seed_folder) == []
    assert missing_characters(article, seed_folder) == {}


def test_layout_one_items(seed_result: ImportResult) -> None:
    problem6 = seed_result.problems[5].front_matter
    assert len(problem6.measures) == 3  # "1.… 2.… 3.…" inside one paragraph
    assert problem6.measures[1].startswith("加强舆情处置工作")
    problem1 = seed_result.problems[0].front_matter
    assert len(problem1.measures) == 3 and len(problem1.results) == 6 and len(problem1.next_steps) == 1
    assert "二是优化海口12345热线服务" in problem1.measures[1]  # 一是/二是 stay inline
    assert problem1.results[4].startswith("2021年12345")  # "5.2021年" is item 5, not a decimal
    assert "较去年同期提升了7.0%" in problem1.results[0]
    problem4 = seed_result.problems[3].front_matter  # "整改措施1.积极推进" has no colon
    assert problem4.measures[0].startswith("积极推进“应进必进”")
    assert seed_result.problems[6].front_matter.title == "干部教育管理不严格"


def _changed(mine: str, theirs: str) -> int:
    matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.skipif(not (CURATED / "report.yml").exists(), reason="the curated demo is not there")
def test_same_as_the_curated_demo(seed_folder: Path) -> None:
    mine_report, mine = read_report(seed_folder)
    theirs_report, theirs = read_report(CURATED)
    assert sorted(mine) == sorted(theirs)
    for key in ("title", "issuer", "source", "published", "inspection", "contact"):
        assert mine_report.get(key) == theirs_report.get(key), key
    assert _compact(mine_report["intro"]) == _compact(theirs_report["intro"])
    for name, (front, body) in theirs.items():
        my_front, my_body = mine[name]
        for key in ("number", "title", "status"):
            assert my_front[key] == front[key], (name, key)
        assert _changed(_compact(my_body), _compact(body)) <= MAX_REPAIR, name
        for section in ("measures", "results", "next_steps"):
            my_items = [_compact(item) for item in my_front.get(section, [])]
            their_items = [_compact(item) for item in front.get(section, [])]
            assert len(my_items) == len(their_items), (name, section)
            for my_item, their_item in zip(my_items, their_items, strict=True):
                assert _changed(my_item, their_item) <= MAX_REPAIR, (name, section, my_item[:30])
