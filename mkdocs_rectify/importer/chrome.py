"""Page chrome: the website furniture captured along with a notice.

Breadcrumbs, accessibility toolbars, share/print/close buttons, font-size switches, view counters,
the "you are leaving this site" dialog and footer lines are recognised line by line, removed and
returned so that the import report can list them. A line is chrome only when *all* of it is: a
sentence that merely mentions 打印 stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Dropped", "strip_chrome", "strip_inline_chrome"]


@dataclass(frozen=True)
class Dropped:
    """A piece of chrome removed from the text."""

    line: int
    """1-based line number in the decoded text (0 for text outside the article of an HTML page)."""
    text: str
    why: str


# Whole lines, whatever their length.
_LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (why, re.compile(pattern))
    for why, pattern in (
        ("leave-site dialog", r"^您(?:访问|即将访问)的(?:链接|网站|页面)即将离开.*$"),
        ("leave-site dialog", r"^(?:是否继续(?:访问)?|继续访问|放弃|取消|确定)\s*[?？]?$"),
        ("breadcrumb", r"^(?:当前位置|您(?:当前|现在)?(?:所在)?的?位置|所在位置)\s*[:：]?.*$"),
        ("breadcrumb", r"^(?:首页|网站首页|主页)\s*(?:>>?|》|»|›|→|/|＞)+.*$"),
        ("footer", r"^.*(?:版权所有|ICP备|ICP证|网站标识码|公网安备|网站地图|技术支持[:：]).*$"),
        ("navigation", r"^(?:上一篇|下一篇|上一条|下一条)\s*[:：].*$"),
        (
            "view counter",
            r"^(?:浏览(?:量|次数)|阅读(?:量|次数)|访问量|点击(?:量|数|次数))\s*[:：]?\s*\d*\s*(?:次)?$",
        ),
        ("QR code", r"^(?:扫一扫在手机(?:上)?(?:打开|查看)(?:当前页|本页)?|手机扫码(?:阅读|查看|打开))$"),
        (
            "social media",
            r"^(?:(?:官方)?微信公众号|官方微信|官方微博|政务微博|微信扫码关注|微信扫一扫|扫码关注|扫一扫关注|"
            r"关注我们|手机版|移动版)\s*[:：]?$",
        ),
        ("site banner", r"^.{2,40}(?:网站|网|门户)欢迎(?:你|您)(?:的访问|访问)?[！!。]?$"),
    )
)

# Tokens that are chrome when a (short) line consists of nothing else.
_TOKEN = (
    r"(?:无障碍(?:系统|浏览|阅读|服务)?|无障碍关怀版|关怀版|长者模式|适老化|简体|繁體|繁体|English|"
    r"分享(?:到)?|微信|微博|新浪微博|腾讯微博|QQ空间|QQ好友|朋友圈|收藏(?:本页)?|"
    r"打印(?:本页|此页|正文)?|关闭(?:窗口|本页)?|返回顶部|回到顶部|返回|"
    r"(?:语音)?朗读|语音播报|播放|暂停|停止|"
    r"字[号体](?:大小)?\s*[:：]?\s*(?:[大中小](?:\s|[|｜/])*){0,3}|[大中小]|默认|"
    r"保护视力色\s*[:：]?|护眼模式|"
    r"(?:浏览(?:量|次数)|阅读(?:量|次数)|访问量|点击(?:量|数))\s*[:：]?\s*\d*\s*次?|"
    r"纠错|我要纠错|保存|扫一扫|【|】|\[|\]|\||｜|:|：|/)"
)
_CHROME_LINE = re.compile(rf"^(?:\s*{_TOKEN}\s*)+$")
_CHROME_LINE_MAX = 60

# Chrome tails after real metadata on one line, e.g. "来源：某局 【字体：大 中 小】【打印】【关闭】".
_INLINE = re.compile(
    r"\s*(?:【\s*)?(?:分享(?:到)?|打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏|(?:语音)?朗读|"
    r"字[号体](?:大小)?\s*[:：]?\s*(?:[大中小]\s*){0,3}|保护视力色\s*[:：]?|"
    r"(?:浏览(?:量|次数)|阅读(?:量|次数)|访问量|点击(?:量|数))\s*[:：]?\s*\d*\s*次?)(?:\s*】)?"
)
_COUNTER = re.compile(
    r"\s*(?:浏览(?:量|次数)|阅读(?:量|次数)|访问(?:量|次数)|点击(?:量|数|次数))\s*[:：]\s*\d*\s*次?(?=\s|$)"
)
"""A view counter, wherever it stands on a metadata line (``发布时间：… 阅读次数： 来源：…``)."""


def strip_chrome(lines: list[str]) -> tuple[list[tuple[int, str]], list[Dropped]]:
    """Split cleaned ``lines`` into kept ``(line_number, text)`` pairs and dropped chrome.

    Empty lines are neither kept nor reported.
    """
    kept: list[tuple[int, str]] = []
    dropped: list[Dropped] = []
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        why = _why_chrome(line)
        if why is None:
            kept.append((number, line))
        else:
            dropped.append(Dropped(number, line, why))
    return kept, dropped


def _why_chrome(line: str) -> str | None:
    for why, pattern in _LINE_PATTERNS:
        if pattern.match(line):
            return why
    if len(line) <= _CHROME_LINE_MAX and _CHROME_LINE.match(line):
        return "page toolbar"
    return None


def strip_inline_chrome(text: str) -> tuple[str, list[str]]:
    """Remove view counters from a metadata line and toolbar words from its *end*; return the rest and
    what was removed, in order."""
    removed: list[str] = []
    counters = [match.group().strip() for match in _COUNTER.finditer(text)]
    if counters and _COUNTER.sub("", text).strip():
        text = _COUNTER.sub("", text)
    else:
        counters = []
    tail = _strip_tail(text, removed)
    return tail, [*counters, *removed[::-1]]


def _strip_tail(text: str, removed: list[str]) -> str:
    while True:
        match = None
        for candidate in _INLINE.finditer(text):
            if not text[candidate.end() :].strip():
                match = candidate
        if match is None or not text[: match.start()].strip():
            return text
        removed.append(match.group().strip())
        text = text[: match.start()].rstrip()
