"""The three layouts, as text and HTML, in UTF-8, UTF-8 with BOM, GBK and GB2312."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.importer import FIXTURES, missing_characters, missing_fragments

from mkdocs_rectify.importer import ImportResult, import_notice, write_report
from mkdocs_rectify.importer.layouts import FLAT, HEADINGS, MULTI_LEVEL
from mkdocs_rectify.model import Status

DONE, ONGOING, BUSY, NOT_DONE = Status.COMPLETED, Status.ONGOING, Status.IN_PROGRESS, Status.NOT_DONE


@dataclass(frozen=True)
class Expected:
    name: str
    encoding: str
    layout: str
    report_id: str
    statuses: list[Status]
    titles: list[str]
    chrome: list[str]
    """Texts that must be listed as dropped (a part of each is enough)."""


CASES = [
    Expected(
        "layout1.html", "utf-8", FLAT, "qhsscjdglj-2023", [DONE, DONE, ONGOING],
        ["食品安全监管存在薄弱环节", "行政处罚案件办理不规范，部分案卷文书不齐全、证据链不完整",
         "干部队伍年龄结构老化，35岁以下干部占比仅为12%"],
        ["无障碍 长者模式", "当前位置", "分享", "【打印本页】", "版权所有"],
    ),
    Expected(
        "layout2-bom.txt", "utf-8-sig", MULTI_LEVEL, "systyqzfhcxjsj-2023", [DONE, BUSY, DONE, ONGOING, DONE],
        ["理论学习中心组学习流于形式", "学用结合不够紧密", "落实安全生产责任不到位",
         "公务用车管理不规范", "差旅费报销审核不严"],
        ["当前位置：首页 > 信息公开 > 通知公告", "浏览次数：316", "09:12",
         "【字体：大 中 小】【打印】【关闭】", "分享到：微信 微博 QQ空间"],
    ),
    Expected(
        "layout2.html", "utf-8", MULTI_LEVEL, "wnsjyj-2022", [DONE, DONE, BUSY],
        ["意识形态阵地管理不严", "师德失范问题查处不及时", "教师培训针对性不强"],
        ["网站首页 | 政务公开", "版权所有"],
    ),
    Expected(
        "layout3-gbk.txt", "gb18030", HEADINGS, "dzsnyncj-2022", [DONE, BUSY, DONE, DONE],
        ["推动乡村振兴战略落实不够有力", "高标准农田建设项目监管不严", "基层党组织建设薄弱",
         "干部队伍管理不规范"],
        ["您当前的位置：首页 > 政务公开 > 巡察整改", "【我要纠错】【打印本页】【关闭窗口】"],
    ),
    Expected(
        "layout3-gb2312.html", "gb18030", HEADINGS, "wzssswj-2023", [DONE, ONGOING, NOT_DONE],
        ["农村饮水安全工程管护不到位", "河长制工作落实不力", "专项资金使用进度缓慢"],
        ["无障碍浏览", "您现在的位置", "字号：大 中 小", "分享到", "网站标识码"],
    ),
]  # fmt: skip


def _import(name: str) -> ImportResult:
    return import_notice((FIXTURES / name).read_bytes(), source_name=name)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_fixture(case: Expected, tmp_path: Path) -> None:
    result = _import(case.name)
    assert result.encoding == case.encoding
    assert result.layout == case.layout
    assert result.report_id == case.report_id
    assert [problem.front_matter.status for problem in result.problems] == case.statuses
    assert [problem.front_matter.title for problem in result.problems] == case.titles
    assert [problem.front_matter.number for problem in result.problems] == list(
        range(1, len(case.statuses) + 1)
    )
    dropped = "\n".join(item.text for item in result.dropped)
    for chrome in case.chrome:
        assert chrome in dropped
    folder = write_report(result, tmp_path, force=False)
    paragraphs = result.article_text.splitlines()
    assert missing_fragments(paragraphs, folder) == []
    assert missing_characters(paragraphs, folder) == {}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_no_chrome_or_code_in_the_article(case: Expected) -> None:
    text = _import(case.name).article_text
    junk = ["无障碍", "当前位置", "您当前的位置", "【打印】", "打印本页", "分享到", "浏览次数", "版权所有"]
    code = ["document.write", "font-size", "doZoom", "_hmt"]
    for word in junk + code:
        assert word not in text


def test_layout_two_categories_groups_and_declared_counts() -> None:
    result = _import("layout2-bom.txt")
    categories = [problem.front_matter.category for problem in result.problems]
    first, second = "在“贯彻落实党的路线方针政策和党中央决策部署”方面", "在“落实全面从严治党战略部署”方面"
    assert categories == [first, first, first, second, second]
    group = "1.关于“学习贯彻习近平新时代中国特色社会主义思想不够深入”问题的整改"
    assert result.problems[0].front_matter.unclassified == [group]
    assert result.problems[0].statement == "关于“理论学习中心组学习流于形式”的问题"
    # 一是/二是 and (1)/(2) become items outside the flat layout; a missing colon does not matter.
    assert len(result.problems[0].front_matter.measures) == 3
    assert result.problems[3].front_matter.measures[0].startswith("一是修订《公务用车管理办法》")
    assert result.problems[4].front_matter.measures[1] == "财务人员参加区财政局组织的报销业务培训。"
    # A progress note that says more than the status is kept as a result.
    assert result.problems[1].front_matter.results == [
        "正在整改，调研成果转化工作持续推进，预计2023年6月底前完成。"
    ]
    declared = result.meta.declared
    assert declared is not None
    assert declared.model_dump(exclude_none=True) == {
        "total": 5, "completed": 3, "in_progress": 1, "ongoing": 1, "rate": 60.0,
    }  # fmt: skip
    assert not [warning for warning in result.warnings if "declared" in warning]
    assert result.meta.unclassified[0] == "三、下一步工作打算"
    assert result.meta.contact.address == "三亚市天涯区解放路88号"
    assert result.meta.inspection.start == dt.date(2022, 9, 16)
    assert result.meta.inspection.end == dt.date(2022, 10, 18)
    assert result.meta.inspection.feedback == dt.date(2022, 11, 25)
    assert result.meta.inspection.body == "区委第二巡察组"
    assert result.meta.published == dt.date(2023, 1, 16)


def test_layout_three_disclosure_block_and_declared_mismatch() -> None:
    result = _import("layout3-gbk.txt")
    meta = result.meta
    assert meta.index_number == "11460100MB1234567X/2022-00158"
    assert meta.title == "中共儋州市农业农村局党组关于巡察整改情况的通报"
    assert meta.issuer == "中共儋州市农业农村局党组"
    assert meta.published == dt.date(2022, 12, 30)
    assert meta.disclosure == "主动公开"
    assert meta.unclassified == ["主题分类：其他"]
    assert meta.declared is not None and meta.declared.completed == 4
    assert any("declared completed is 4 but the problems give 3" in warning for warning in result.warnings)
    fourth = result.problems[3]
    assert fourth.front_matter.units == ["办公室", "人事科"]
    assert fourth.front_matter.deadline == dt.date(2022, 12, 31)
    assert fourth.statement == "关于“干部队伍管理不规范”的问题\n\n部分干部请销假手续不全，考勤管理流于形式。"
    assert result.problems[1].front_matter.measures[1].startswith("委托第三方机构")  # "整改情况 ： 1、"


def test_html_metadata_outside_the_article() -> None:
    result = _import("layout3-gb2312.html")
    meta = result.meta
    assert meta.index_number == "00802134-5/2023-00012"
    assert meta.disclosure == "主动公开"
    assert meta.published == dt.date(2023, 2, 28)
    assert meta.issuer == "中共五指山市水务局党组"
    assert meta.contact.email == "wzsswj@163.com"
    html1 = _import("layout1.html").meta
    assert html1.title == "中共琼海市市场监督管理局党组关于巡察整改情况的通报"
    assert html1.source == "琼海市市场监督管理局"
    assert html1.published == dt.date(2023, 4, 11)
    assert html1.contact.phone == "0898-62812345"  # the article's, not the site footer's


def test_html_densest_block_without_a_known_container() -> None:
    result = _import("layout2.html")
    assert result.meta.title == "中共万宁市教育局党组关于巡察整改进展情况的通报"
    assert "机构概况" not in result.article_text
    assert result.meta.inspection.start == dt.date(2022, 3, 1)


def test_heading_followed_by_its_description_on_the_same_line() -> None:
    text = """中共某县水务局党组关于巡察整改情况的通报
发布日期：2023-05-06
（一）在“党的政治建设”方面
（1）关于“理论学习不深入”的问题。巡察指出，局党组理论学习中心组全年仅学习4次，学用脱节。
整改情况：制定年度学习计划，全年学习12次。
整改进展：已完成。
（2）关于“民主集中制执行不到位”的问题。“三重一大”事项未经集体研究。
整改情况：修订《党组议事规则》。
整改进展：正在整改。
"""
    result = import_notice(text.encode("gb18030"), source_name="notice.txt")
    assert [problem.front_matter.title for problem in result.problems] == [
        "理论学习不深入",
        "民主集中制执行不到位",
    ]
    assert [problem.front_matter.status for problem in result.problems] == [DONE, BUSY]
    assert result.problems[1].statement == "关于“民主集中制执行不到位”的问题。“三重一大”事项未经集体研究。"
    assert result.meta.published == dt.date(2023, 5, 6) and result.report_id == "mxswj-2023"
