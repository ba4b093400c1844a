"""The importer's parts one by one: decoding, normalisation, chrome, dates, status, items, metadata."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_rectify.importer import NoticeImportError
from mkdocs_rectify.importer.chrome import strip_chrome
from mkdocs_rectify.importer.dates import (
    cn_to_int,
    find_dates,
    find_periods,
    repair_lost_dates,
    repair_lost_period,
)
from mkdocs_rectify.importer.decode import decode
from mkdocs_rectify.importer.html import extract_article
from mkdocs_rectify.importer.items import split_items
from mkdocs_rectify.importer.layouts import match_label
from mkdocs_rectify.importer.metadata import (
    derive_report_id,
    parse_contact,
    parse_declared,
    parse_inspection,
    parse_metadata_line,
)
from mkdocs_rectify.importer.normalize import clean_lines, normalize_punctuation
from mkdocs_rectify.importer.problems import derive_title
from mkdocs_rectify.importer.status import classify, is_bare_status
from mkdocs_rectify.importer.writer import escape_markdown
from mkdocs_rectify.model import Status

TEXT = "整改措施：推进“一件事一次办”（试点）。"


# --- decoding -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff") == TEXT


def test_html_meta_charset_is_honoured() -> None:
    page = '<html><head><meta charset="gb2312"></head><body><p>问题表现</p></body></html>'
    assert decode(page.encode("gbk"), html=True).encoding == "gb18030"
    # Declared UTF-8 but written in GBK: the declaration is wrong, the bytes decide.
    wrong = page.replace("gb2312", "utf-8").encode("gbk")
    assert decode(wrong, html=True).encoding == "gb18030"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b" \n\r\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x81\x30\x89\x38" * 50, "not text"),
    ],
)
def test_unusable_bytes(data: bytes, message: str) -> None:
    with pytest.raises(NoticeImportError, match=message):
        decode(data)


# --- normalisation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("来源: 海口市政务管理局", "来源： 海口市政务管理局"),
        ("全程网办(“网上办”、“掌上办”),政务", "全程网办（“网上办”、“掌上办”），政务"),
        ("CA(证书授权中心认证)电子签名", "CA（证书授权中心认证）电子签名"),
        ("上线311项一件事一次办主题服务 。", "上线311项一件事一次办主题服务。"),
        ("联系电话:0898-68522090;邮政地址", "联系电话：0898-68522090；邮政地址"),
        ("2022-03-22 10:30:00", "2022-03-22 10:30:00"),
        ("2,160元 and a, b (c)", "2,160元 and a, b (c)"),
    ],
)
def test_punctuation(raw: str, normal: str) -> None:
    assert normalize_punctuation(raw) == normal


def test_clean_lines_makes_spaces_ordinary() -> None:
    assert clean_lines("　　根据\u00a0市委\u200b部署\r\n\t整改\r结果") == ["根据 市委部署", "整改", "结果"]


# --- chrome ---------------------------------------------------------------------------------------


def test_chrome_lines_are_dropped_with_line_numbers() -> None:
    lines = [
        "无障碍系统 无障碍关怀版",
        "首页 >> 信息公开 >> 公示公告 >> 正文",
        "标题",
        "【字体：大 中 小】【打印】【关闭】",
        "分享到：微信 微博 QQ空间",
        "浏览量：1024",
        "朗读",
        "请打印本表并于5月前交回。",
        "您访问的链接即将离开“某某网站”网站,进入非政府网站",
        "是否继续?",
        "版权所有：某某局 琼ICP备12345678号",
    ]
    kept, dropped = strip_chrome(lines)
    assert kept == [(3, "标题"), (8, "请打印本表并于5月前交回。")]
    assert [item.line for item in dropped] == [1, 2, 4, 5, 6, 7, 9, 10, 11]


def test_toolbar_words_after_metadata_are_dropped_from_the_line() -> None:
    line = parse_metadata_line("发布时间：2023-01-16 09:12 来源：某局 浏览次数：316 【打印】【关闭】")
    assert line is not None
    assert {(item.kind, item.value) for item in line.fields} == {
        ("published", "2023-01-16"),
        ("source", "某局"),
    }
    assert [token for token, _ in line.dropped] == ["浏览次数：316", "【打印】", "【关闭】", "09:12"]


# --- dates ----------------------------------------------------------------------------------------


def test_chinese_dates() -> None:
    assert [date for date, _ in find_dates("2021年9月30日和二〇二二年三月二十二日，2022-03-22")] == [
        dt.date(2021, 9, 30),
        dt.date(2022, 3, 22),
        dt.date(2022, 3, 22),
    ]
    assert find_dates("2021年2月30日") == []
    assert cn_to_int("二十五") == 25 and cn_to_int("一百零二") == 102 and cn_to_int("十") == 10


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2021年4月22日至6月25日", dt.date(2021, 4, 22), dt.date(2021, 6, 25)),
        ("2022年9月16日至10月18日", dt.date(2022, 9, 16), dt.date(2022, 10, 18)),
        ("2021年11月22日至2022年1月5日", dt.date(2021, 11, 22), dt.date(2022, 1, 5)),
        ("2021年12月1日至1月20日", dt.date(2021, 12, 1), dt.date(2022, 1, 20)),
    ],
)
def test_periods(text: str, start: dt.date, end: dt.date) -> None:
    (period,) = find_periods(text)
    assert (period.start, period.end) == (start, end)


def test_capture_loss_of_year_and_month() -> None:
    (lost,) = repair_lost_period("根据市委统一部署，2021422日至625，市委")
    assert lost.period is not None
    assert (lost.period.start, lost.period.end) == (dt.date(2021, 4, 22), dt.date(2021, 6, 25))
    assert lost.repaired == "2021年4月22日至6月25日"
    (ambiguous,) = repair_lost_period("2021111日至1112")  # 1月11日 or 11月1日
    assert ambiguous.period is None and ambiguous.repaired is None


def test_inspection_from_the_intro() -> None:
    intro, repairs = repair_lost_dates(
        "根据市委统一部署，2021422日至625，市委第巡察组对中共海口市政务管理局党组进行了巡察。"
        "2021年9月30日，市委第巡察组向中共海口市政务管理局党组反馈了巡察意见。"
    )
    assert len(repairs) == 1 and "2021-04-22 – 2021-06-25" in repairs[0]
    info = parse_inspection(intro)
    assert info.period is not None and info.period.start == dt.date(2021, 4, 22)
    assert info.feedback == dt.date(2021, 9, 30)
    assert info.body == "市委第巡察组"
    assert len(info.warnings) == 1
    text = "2021111日至1112，市委第一巡察组对某局党组进行了巡察。"
    kept, repairs = repair_lost_dates(text)
    assert kept == text and "more than one way" in repairs[0]
    assert parse_inspection(kept).period is None


# --- status ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("已完成", Status.COMPLETED),
        ("已完成。", Status.COMPLETED),
        ("正在整改", Status.IN_PROGRESS),
        ("整改中", Status.IN_PROGRESS),
        ("基本完成", Status.ONGOING),
        ("持续整改", Status.ONGOING),
        ("长期坚持", Status.ONGOING),
        ("未完成", Status.NOT_DONE),
        ("未整改", Status.NOT_DONE),
        ("已基本完成，需长期坚持", Status.ONGOING),
        ("正在整改，调研成果转化工作持续推进", Status.IN_PROGRESS),
        ("未完成。受项目审批影响", Status.NOT_DONE),
        ("见附件", None),
    ],
)
def test_status_words(text: str, status: Status | None) -> None:
    assert classify(text) == status


def test_bare_status() -> None:
    assert is_bare_status("已完成。") and is_bare_status("已完成整改") and is_bare_status("正在整改")
    assert not is_bare_status("已完成。制定了新制度。")


# --- labels, items, titles ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("整改措施：1.推进", ("measures", "1.推进")),
        ("整改措施1.积极推进", ("measures", "1.积极推进")),
        ("整改措施 : 推进", ("measures", "推进")),
        ("整改结果：已完成。", ("status", "已完成。")),
        ("整改进展:已完成", ("status", "已完成")),
        ("下一步计划：持续", ("next_steps", "持续")),
        ("下一步，局党组将持续巩固", None),
        ("问题表现1：贯彻落实", None),
        ("问题表现：部分干部", ("statement", "部分干部")),
        ("责任单位：办公室", ("units", "办公室")),
        ("整改情况", ("measures", "")),
    ],
)
def test_labels(text: str, label: tuple[str, str] | None) -> None:
    assert match_label(text) == label


def test_items_flat_rule() -> None:
    assert split_items(["1.举一反三。2.加强舆情。3.拓宽渠道。"]) == ["举一反三。", "加强舆情。", "拓宽渠道。"]
    assert split_items(["1.提升了7.0%。", "2.平均5.52份", "3.第三"]) == ["提升了7.0%。", "平均5.52份", "第三"]
    assert split_items(["1.一", "2.二", "3.三", "4.四", "5.2021年受理"])[-1] == "2021年受理"
    assert split_items(["完善机制。一是实行；二是坚持"]) == ["完善机制。一是实行；二是坚持"]
    assert split_items(["第一段", "第二段"]) == ["第一段\n\n第二段"]
    assert split_items(["1.5倍的提升。"]) == ["1.5倍的提升。"]


def test_items_with_ordinals() -> None:
    assert split_items(["完善机制。一是实行；二是坚持"], ordinals=True) == [
        "完善机制。",
        "一是实行；",
        "二是坚持",
    ]
    assert split_items(["（1）建立制度；（2）加强监督。"], ordinals=True) == ["建立制度；", "加强监督。"]
    assert split_items(["统一是前提"], ordinals=True) == ["统一是前提"]


@pytest.mark.parametrize(
    ("text", "heading", "title"),
    [
        (
            "贯彻落实“三区一中心”战略要求不够有力。市政务管理局下设",
            False,
            "贯彻落实“三区一中心”战略要求不够有力",
        ),
        (
            "干部教育管理不严格，市政务管理局干部长期存在开会迟到、未经请假不参加会议等现象。",
            False,
            "干部教育管理不严格",
        ),
        ("信息化建设滞后，便企利民程度不够高。如", False, "信息化建设滞后，便企利民程度不够高"),
        ("关于“理论学习流于形式”的问题", True, "理论学习流于形式"),
        ("关于“师德失范问题查处不及时”", True, "师德失范问题查处不及时"),
        ("关于“落实安全生产责任不到位”问题的整改", True, "落实安全生产责任不到位"),
        ("关于执行制度不严格的问题", True, "执行制度不严格"),
    ],
)
def test_titles(text: str, heading: bool, title: str) -> None:
    assert derive_title(text, heading=heading) == title


# --- metadata -------------------------------------------------------------------------------------


def test_declared_counts() -> None:
    assert parse_declared("巡察反馈25个问题,已完成整改19个、正在整改6个,整改完成率76%") == {
        "total": 25,
        "completed": 19,
        "in_progress": 6,
        "rate": 76.0,
    }
    assert parse_declared("共反馈问题二十五个，其中已完成整改二十个，基本完成3个，未完成2个") == {
        "total": 25,
        "completed": 20,
        "ongoing": 3,
        "not_done": 2,
    }
    assert parse_declared("现将整改情况予以公布。") == {}


def test_contact_block() -> None:
    info = parse_contact(
        [
            "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0898-68522090；"
            "邮政地址：海口市龙华区滨海大道28号，邮政编码：570203；电子邮箱hkzhengwu@163.com"
        ]
    )
    assert (info.phone, info.address, info.postcode, info.email) == (
        "0898-68522090",
        "海口市龙华区滨海大道28号",
        "570203",
        "hkzhengwu@163.com",
    )
    assert info.note_parts == ["欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"]
    assert info.residue == []
    odd = parse_contact(["邮政编码：5702；电子邮箱：not-an-address"])
    assert odd.postcode is None and odd.email is None
    assert odd.residue == ["邮政编码：5702", "电子邮箱：not-an-address"]


def test_report_ids() -> None:
    assert derive_report_id("中共海口市政务管理局党组", 2022) == "hkszwglj-2022"
    assert derive_report_id("中共儋州市农业农村局党委", 2023) == "dzsnyncj-2023"
    assert derive_report_id("!!!", 2023) is None


# --- HTML and Markdown ------------------------------------------------------------------------------


def test_html_article_is_sanitised_text() -> None:
    page = (
        "<html><body><nav>首页 信息公开</nav><div id='zoom'><p>问题表现1：<b>某问题</b>。</p>"
        "<script>alert('x')</script><p onclick='x()'>整改措施：&lt;script&gt;不执行&lt;/script&gt;</p>"
        "<div class='share'>分享到：微信</div></div><footer>版权所有</footer></body></html>"
    )
    article = extract_article(page)
    assert article is not None
    assert article.text == "问题表现1：某问题。\n整改措施：<script>不执行</script>"
    assert article.container == "div#zoom"
    assert "分享到：微信" in article.dropped and "首页 信息公开" in article.dropped
    assert (
        extract_article("<html><body><nav><a href='/'>首页</a></nav><script>var a=1;</script></body></html>")
        is None
    )


def test_markdown_escaping_keeps_text_literal() -> None:
    assert escape_markdown("# 标题\n- 项\n1. 项\n<script>x</script> a*b_c & &amp;") == (
        "\\# 标题\n\\- 项\n1\\. 项\n&lt;script>x&lt;/script> a\\*b\\_c & &amp;amp;"
    )
