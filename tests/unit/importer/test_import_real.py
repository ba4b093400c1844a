"""Notices as other governments publish them (``tests/fixtures/importer/real-*``, written for these
tests): the layouts and page chrome of real captures, each asserting the fields it must yield. A
notice whose problems are not all recognised, or that lacks a field, imports as a draft; nothing is
lost."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from support.fuzzing import fuzz
from support.importer import FIXTURES, missing_fragments, read_report
from test_import_fuzz import attempt, lost_paragraphs

from mkdocs_rectify.cli import main
from mkdocs_rectify.importer import ImportResult, import_notice, write_report
from mkdocs_rectify.importer.layouts import FLAT, HEADINGS, MULTI_LEVEL, UNRECOGNISED
from mkdocs_rectify.importer.notice import Given
from mkdocs_rectify.loader import load_content
from mkdocs_rectify.model import Status

DONE, BUSY = Status.COMPLETED, Status.IN_PROGRESS
D = dt.date


@dataclass(frozen=True)
class Expected:
    name: str
    layout: str
    title: str | None
    issuer: str | None
    published: dt.date | None
    draft: bool
    statuses: list[Status]
    body: str | None = None
    period: tuple[dt.date, dt.date] | None = None
    feedback: dt.date | None = None
    declared: dict[str, float] = field(default_factory=dict)
    index_number: str | None = None
    source: str | None = None
    disclosure: str | None = None
    intro: list[str] = field(default_factory=list)
    """Pieces the intro must hold."""
    chrome: list[str] = field(default_factory=list)
    """Texts the import report lists as dropped."""
    warnings: list[str] = field(default_factory=list)
    """Pieces some warning must hold."""
    titles: list[str] = field(default_factory=list)


CASES = [
    Expected(
        "real-disclosure-next-line.txt", HEADINGS,
        "中共云和县住房和城乡建设局党组关于巡察整改情况的通报", "云和县住房和城乡建设局",
        D(2023, 8, 16), False,
        [DONE, DONE, BUSY], body="县委第一巡察组", period=(D(2023, 3, 6), D(2023, 4, 28)),
        feedback=D(2023, 5, 30), index_number="1133112500256789XY/2023-00412", disclosure="主动公开",
        intro=["现将巡察整改情况予以公布"],
        chrome=["当前位置：首页 > 政府信息公开 > 公告公示 > 文章详情", "•"],
        titles=["住房保障政策落实不够精准", "建筑工地扬尘治理不到位", "项目资金拨付审核不严"],
    ),
    Expected(
        "real-title-among-chrome.txt", MULTI_LEVEL,
        "中共景宁畲族自治县文化和广电旅游体育局党组关于县委第二轮巡察整改情况的通报",
        "中共景宁畲族自治县文化和广电旅游体育局党组", D(2025, 5, 28), False, [DONE, BUSY, DONE],
        body="县委第二巡察组", period=(D(2024, 9, 10), D(2024, 11, 15)), feedback=D(2024, 12, 20),
        declared={"total": 3}, source="县文广旅体局",
        intro=["一、整改工作基本情况", "成立由党组书记任组长的整改工作领导小组"],
        chrome=["景宁畲族自治县人民政府网站欢迎你！", "微信公众号", "微信扫码关注", "“清廉景宁 你我同行”",
                "当前位置：首页 > 政务公开 > 本级巡察情况", "本级巡察情况", "【巡察整改】", "访问量：0",
                "保护视力色：", "字体大小：大 中 小"],
        warnings=["'12月20日' gives no year; read as 2024-12-20"],
        titles=["落实意识形态工作责任制不到位", "文旅项目推进缓慢", "公务接待管理不规范"],
    ),
    Expected(
        "real-two-line-title.txt", MULTI_LEVEL, "庆元县文旅局党组关于巡察反馈问题整改情况的通报",
        "庆元县文旅局党组", D(2025, 12, 12), False, [DONE, BUSY, DONE], body="县委第一巡察组",
        period=(D(2025, 6, 3), D(2025, 7, 18)), feedback=D(2025, 10, 25), declared={"total": 3},
        source="庆元县文化和广电旅游体育局", chrome=["公告公示", "阅读次数："],
        titles=["文物安全巡查不到位", "旅游市场监管不严", "干部考核激励作用发挥不充分"],
    ),
    Expected(
        "real-two-issuers.txt", FLAT,
        "中共龙泉市林业局党组 中共龙泉市林业科学研究会党组关于市委巡察反馈意见整改进展情况通报",
        "中共龙泉市林业局党组 中共龙泉市林业科学研究会党组", D(2024, 3, 8), True, [DONE, BUSY],
        body="市委第二专项巡察组", period=(D(2022, 11, 20), D(2023, 1, 10)), feedback=D(2023, 2, 17),
        declared={"total": 11}, source="龙泉市林业局", chrome=["浏览量："],
        warnings=["declared total is 11 but the problems give 2"],
    ),
    Expected(
        "real-round-summary.txt", UNRECOGNISED,
        "中共松阳县委巡察工作领导小组 关于十五届县委第五轮巡察整改情况的通报", "中共松阳县委巡察工作领导小组",
        D(2024, 6, 20), False, [], body="县委3个巡察组", period=(D(2023, 9, 4), D(2023, 11, 3)),
        declared={"total": 312, "completed": 300, "in_progress": 7, "ongoing": 5, "rate": 96.15},
        source="县委巡察办", intro=["各被巡察党组织把巡察整改", "下一步，县委巡察工作领导小组"],
    ),
    Expected(
        "real-partial-capture.txt", FLAT,
        "中共遂昌县自然资源和规划局党组关于市委专项巡察反馈意见整改情况的通报",
        "中共遂昌县自然资源和规划局党组", D(2023, 4, 12), True, [DONE, BUSY], body="市委第二专项巡察组",
        period=(D(2022, 10, 8), D(2022, 11, 25)), feedback=D(2023, 1, 6),
        warnings=["the capture seems cut off", "problem 2: no status found"],
    ),
    Expected(
        "real-lost-dates.txt", HEADINGS,
        "中共莲都区市场监督管理局党组关于区委巡察反馈意见整改情况的通报", "中共莲都区市场监督管理局党组",
        D(2024, 11, 5), True, [DONE, BUSY], body="区委第巡察组", period=(D(2024, 6, 12), D(2024, 7, 25)),
        feedback=None, declared={"total": 9}, source="区市场监管局",
        intro=["2024年6月12日至7月25日", "2024112日反馈了巡察意见"],
        warnings=["'2024612日至725日' lost 年/月 in capture; repaired as '2024年6月12日至7月25日'",
                  "'2024112日' lost 年/月 in capture and can be read as 2024-01-12 / 2024-11-02; kept as "
                  "written",
                  "'2024830日' lost 年/月 in capture; repaired as '2024年8月30日'",
                  "the inspection body reads '区委第巡察组'"],
    ),
    Expected(
        "real-unrecognised.txt", UNRECOGNISED,
        "中共开化县教育局党组关于巡察整改情况的公告", "中共开化县教育局党组",
        D(2026, 1, 9), True, [], body="县委第三巡察组", period=(D(2025, 5, 12), D(2025, 6, 30)),
        feedback=D(2025, 8, 21), source="开化县教育局", intro=["现将有关整改情况公告如下"],
        warnings=["0 problems recognised: the text is kept in unclassified"],
    ),
    Expected(
        "real-disclosure-table.html", HEADINGS,
        "中共缙云县卫生健康局党组关于县委巡察反馈意见整改情况的报告", "缙云县卫生健康局",
        D(2026, 2, 10), False, [DONE, BUSY], body="县委第四巡察组", period=(D(2025, 8, 18), D(2025, 10, 17)),
        feedback=D(2025, 11, 28), index_number="001008003014/2026-01234", disclosure="主动公开",
        intro=["现将整改情况报告如下"], chrome=["缙云县人民政府门户网站欢迎您！", "官方微信 微信扫码关注"],
        warnings=["'11月28日' gives no year; read as 2025-11-28"],
    ),
]  # fmt: skip


def _import(name: str, given: Given | None = None) -> ImportResult:
    return import_notice((FIXTURES / name).read_bytes(), source_name=name, given=given)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_real_capture(case: Expected, tmp_path: Path) -> None:
    result = _import(case.name)
    meta = result.meta
    assert result.layout == case.layout
    assert (meta.title, meta.issuer, meta.published) == (case.title, case.issuer, case.published)
    assert meta.draft is case.draft
    assert [problem.front_matter.status for problem in result.problems] == case.statuses
    if case.titles:
        assert [problem.front_matter.title for problem in result.problems] == case.titles
    assert meta.inspection.body == case.body
    assert (meta.inspection.start, meta.inspection.end) == (case.period or (None, None))
    assert meta.inspection.feedback == case.feedback
    assert (meta.declared.model_dump(exclude_none=True) if meta.declared else {}) == case.declared
    assert meta.index_number == case.index_number
    assert meta.source == case.source
    assert meta.disclosure == case.disclosure
    for piece in case.intro:
        assert piece in meta.intro
    dropped = [item.text for item in result.dropped]
    for chrome in case.chrome:
        assert chrome in dropped
    warnings = "\n".join(result.warnings)
    for piece in case.warnings:
        assert piece in warnings
    folder = write_report(result, tmp_path, force=False)  # what validate accepts
    paragraphs = result.article_text.splitlines()
    assert missing_fragments(paragraphs, folder) == []  # a title or signature said twice is kept once
    for chrome in case.chrome:
        assert chrome not in result.article_text
    loaded = load_content(tmp_path)
    assert any(": draft: " in warning for warning in loaded.warnings) is case.draft


def test_the_unrecognised_text_is_kept_in_order() -> None:
    meta = _import("real-unrecognised.txt").meta
    starts = ("局党组召开专题民主生活会", "针对教师培训经费", "针对“双减”政策")
    assert len(meta.unclassified) == 3
    assert all(block.startswith(start) for block, start in zip(meta.unclassified, starts, strict=True))
    assert meta.contact.phone == "0570-6012345"


def test_a_partial_capture_keeps_the_partial_problem() -> None:
    result = _import("real-partial-capture.txt")
    last = result.problems[-1].front_matter
    assert last.measures == ["建立县、乡、村三级田长制，签订永久基本农田保护责任书203份。"]
    assert last.results == ["截至2023年3月底，全县已恢复永久基本农田"]


@pytest.mark.parametrize(
    "cut", ["整改情况：修订《局属项目资金拨付审核办法》", "三、关于“项目资金拨付审核不严”的问题"]
)
def test_a_capture_cut_off_after_a_heading_or_inside_a_section_is_a_draft(cut: str, tmp_path: Path) -> None:
    text = (FIXTURES / "real-disclosure-next-line.txt").read_text("utf-8")
    result = import_notice(text[: text.index(cut) + len(cut)].encode(), source_name="notice.txt")
    assert result.meta.draft and any("the capture seems cut off" in warning for warning in result.warnings)
    assert (
        missing_fragments(result.article_text.splitlines(), write_report(result, tmp_path, force=False)) == []
    )


def test_a_lost_date_inside_a_problem_is_repaired() -> None:
    first = _import("real-lost-dates.txt").problems[0].front_matter
    assert first.measures == ["对全区农村集体聚餐开展备案检查，已于2024年8月30日前完成全部乡镇的培训。"]


def test_the_section_heading_above_problems_is_not_a_problem() -> None:
    result = _import("real-title-among-chrome.txt")
    assert result.problems[0].statement == "落实意识形态工作责任制不到位。"
    assert result.meta.unclassified == [
        "三、下一步工作打算",
        "局党组将持续巩固整改成果，对已完成的整改事项适时开展“回头看”，对需长期坚持的事项建立长效机制。",
    ]


def test_a_summary_of_a_round_is_a_report_without_problems(tmp_path: Path) -> None:
    result = _import("real-round-summary.txt")
    assert result.problems == () and not result.meta.draft
    write_report(result, tmp_path, force=False)
    loaded = load_content(tmp_path)
    assert loaded.site.reports[0].missing == []


def test_the_publication_date_is_the_pages_own_never_the_inspections() -> None:
    text = (FIXTURES / "real-lost-dates.txt").read_text("utf-8").replace("发布时间：2024-11-05 09:30 ", "")
    result = import_notice(text.encode(), source_name="notice.txt")
    assert result.meta.published is None and result.meta.draft
    assert result.meta.inspection.start == D(2024, 6, 12)
    signed = import_notice((text + "\n2024年11月5日").encode(), source_name="notice.txt")
    assert signed.meta.published == D(2024, 11, 5)  # a dated signature is the notice's own date


def test_nothing_found_is_invented_and_given_values_win(tmp_path: Path) -> None:
    text = "根据县委统一部署，县委第一巡察组对某单位开展了巡察。\n一是整改了一些问题。\n二是还有一些问题。"
    result = import_notice(text.encode(), source_name="capture.txt")
    meta = result.meta
    assert meta.draft and (meta.title, meta.issuer, meta.published) == (None, None, None)
    assert result.report_id == "capture"
    assert any("not found in the notice: title (文件名称), issuer (发布机构)" in w for w in result.warnings)
    given = Given(title="某单位关于巡察整改情况的通报", issuer="某单位党组", published=D(2024, 1, 2))
    supplied = import_notice(text.encode(), source_name="capture.txt", given=given)
    assert (supplied.meta.title, supplied.meta.issuer, supplied.meta.published) == (
        given.title, given.issuer, given.published,
    )  # fmt: skip
    assert supplied.report_id == "mdw-2024"
    assert any("--published" in note and "2024-01-02" in note for note in supplied.derived)
    chrome = import_notice(
        (FIXTURES / "real-two-line-title.txt").read_bytes(), source_name="a.txt", given=given
    )
    assert chrome.meta.title == given.title and chrome.meta.issuer == given.issuer
    write_report(result, tmp_path, force=False)
    assert load_content(tmp_path).site.reports[0].missing == ["title", "issuer", "published", "problems"]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["import", *args], catch_exceptions=False)
    return result.exit_code, result.output


def test_a_draft_imports_with_exit_0_and_strict_refuses_it(tmp_path: Path) -> None:
    source = str(FIXTURES / "real-unrecognised.txt")
    code, output = run(source, "--out", str(tmp_path / "strict"), "--strict", "--lang", "en")
    assert code == 1 and "warning(s) make the import fail; nothing was written" in output
    assert not (tmp_path / "strict").exists()
    code, output = run(source, "--out", str(tmp_path / "content"), "--lang", "en")
    assert code == 0, output
    assert "Problems: 0" in output and "0 problems recognised: the text is kept in unclassified" in output
    report, problems = read_report(tmp_path / "content" / "khxjyj-2026")
    assert report["draft"] is True and problems == {}
    assert next(iter(report)) == "draft"  # the first thing an editor reads in report.yml


def test_the_import_report_speaks_the_editors_language(tmp_path: Path) -> None:
    source = str(FIXTURES / "real-lost-dates.txt")
    code, chinese = run(source, "--out", str(tmp_path / "zh"), "--lang", "zh-CN")
    assert code == 0, chinese
    assert "问题：2 个 — 已完成 1，基本完成·持续整改 0，正在整改 1，未完成 0" in chinese
    assert "缺少的信息：信息索引号、公开方式、反馈日期" in chinese
    assert "“2024112日”在抓取时丢失了“年/月”，可读作 2024-01-12 / 2024-11-02，保留原文未改" in chinese
    assert "已作为草稿导入（draft: true）" in chinese and "草稿：是" in chinese
    environment = {"LANG": "en_GB.UTF-8", "LC_ALL": ""}
    english = CliRunner(env=environment).invoke(main, ["import", source, "--out", str(tmp_path / "en")])
    assert english.exit_code == 0 and "Problems: 2 — completed 1" in english.output
    default = CliRunner(env={"LANG": "C.UTF-8", "LC_ALL": ""}).invoke(
        main, ["import", source, "--out", str(tmp_path / "c")]
    )
    assert "已导入" in default.output


def test_bad_option_values_are_one_line_messages(tmp_path: Path) -> None:
    code, output = run(
        str(FIXTURES / "real-unrecognised.txt"), "--published", "2024-13-01", "--out", str(tmp_path)
    )
    assert code == 2 and "'2024-13-01' is not a date; write it as YYYY-MM-DD" in output
    assert "Traceback" not in output and not any(tmp_path.iterdir())


REAL_LINES = sorted(
    {line for path in FIXTURES.glob("real-*.txt") for line in path.read_text("utf-8").splitlines() if line}
)
CHROME_LINES = [
    "某某市人民政府网站欢迎您！",
    "官方微信",
    "“廉洁奉公 勤政为民”",
    "本级巡察情况",
    "【巡察整改】中共某县某局党组关于巡察整改情况的通报",
    "发布时间：2025-12-12 阅读次数： 来源：某局",
    "日期：2024-03-08 来源：某局 浏览量：",
    "• 发布机构：",
    "字体大小：",
    "二、问题整改落实情况",
    "一、工作开展情况",
    "（一）学习贯彻上级精神不到位。",
    "2024112日",
]


@fuzz(40)
@given(st.lists(st.sampled_from([*REAL_LINES, *CHROME_LINES]), min_size=1, max_size=40))
def test_random_mixes_of_real_layouts_never_raise_and_lose_nothing(lines: list[str]) -> None:
    result = attempt("\n".join(lines).encode())
    if result is None:
        return
    with tempfile.TemporaryDirectory() as temporary:
        folder = write_report(result, Path(temporary), force=False)
        assert lost_paragraphs(result.article_text, folder) == []
