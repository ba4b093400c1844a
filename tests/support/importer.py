"""Helpers for the importer tests: reading a written report back, and accounting for every character."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from mkdocs_rectify.importer.normalize import normalize_punctuation
from support.builds import FIXTURES as ALL_FIXTURES
from support.builds import ROOT, SEED

FIXTURES = ALL_FIXTURES / "importer"
"""Notices as published in each layout and encoding the importer reads."""
CURATED = ROOT / "content" / "hkszwglj-2022"

# What the seed's capture lost, and what the published notice said.
CAPTURE_REPAIRS = {"2021422日至625": "2021年4月22日至6月25日"}
SEED_CHROME = [
    "无障碍系统 无障碍关怀版",
    "首页 >> 信息公开 >> 公示公告 >> 正文",
    "您访问的链接即将离开“海口市营商环境建设局(海口市审批服务局)海口市政府服务中心”网站,进入非政府网站",
    "是否继续?",
]

# Structure, not content: labels, heading and item numbers, metadata keys, a time of day.
STRUCTURE = re.compile(
    r"问题表现\s*\d+\s*[:：]?"
    r"|(?:整改措施|整改成效|下一步(?:工作)?(?:计划|打算|措施|安排)?|整改结果|整改情况|整改进展|问题表现|责任单位|整改时限)"
    r"\s*[:：]?"
    r"(?:\s*\d{1,2}\s*[.．、])?"
    r"|(?:^|(?<=[。；：]))\s*(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[)）]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)"
    r"|(?:联系电话|电话|通讯地址|通信地址|邮政地址|地址|邮政编码|邮编|电子邮箱|邮箱|信息来源|来源|发布时间|发布日期|日期"
    r"|时间|信息索引号|索引号|文件名称|名称|发布机构|成文日期|公开方式|主题分类)\s*[:：]?"
    r"|\d{1,2}:\d{2}(?::\d{2})?",
    re.MULTILINE,
)
STATUS_ONLY = re.compile(r"^(?:已完成|正在整改|整改中|持续整改|长期坚持|基本完成|未完成)[。.]?$")
_PUNCT = re.compile(r"[\s\u3000,，.。;；:：!！?？、()（）“”\"'‘’《》<>\[\]【】·…—\-\\]+")


def squash(text: str) -> str:
    """Text without whitespace and punctuation."""
    return _PUNCT.sub("", text)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    assert text.startswith("---\n"), text[:40]
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body.strip()


def read_report(folder: Path) -> tuple[dict[str, Any], dict[str, tuple[dict[str, Any], str]]]:
    report = yaml.safe_load((folder / "report.yml").read_text("utf-8"))
    problems = {
        path.name: split_front_matter(path.read_text("utf-8")) for path in sorted(folder.glob("*.md"))
    }
    return report, problems


def _values(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _values(item)]
    if isinstance(value, list):
        return [text for item in value for text in _values(item)]
    if isinstance(value, dt.date):
        return [value.isoformat()]
    return [str(value)]


def output_text(folder: Path) -> str:
    """Every value written to the report folder, one per line, as a reader sees it: the writer's
    Markdown escapes removed (``\\*``, and ``&lt;`` and ``&amp;``, which the page shows as < and &)."""
    report, problems = read_report(folder)
    parts = _values(report)
    for front, body in problems.values():
        parts.extend(_values(front))
        parts.append(body)
    return "\n".join(parts).replace("\\", "").replace("&lt;", "<").replace("&amp;", "&")


def fragments(paragraph: str) -> list[str]:
    """The content pieces of a paragraph once its structure (labels, numbers, keys) is cut out."""
    parts = STRUCTURE.split(paragraph)
    if paragraph.startswith("责任单位"):  # written as a YAML list: the separators are structure
        parts = [unit for part in parts for unit in re.split(r"[、，,；;]", part)]
    pieces = []
    for piece in parts:
        piece = piece.strip(" ，,；;。")
        if len(squash(piece)) >= 2 and not STATUS_ONLY.match(piece):
            pieces.append(piece)
    return pieces


_CN_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(?:(\d{1,2})日|底前?)$")
_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def as_written(piece: str) -> str:
    """A Chinese date is written as an ISO date (``2022年12月底前``, a deadline, as the month's last day)."""
    iso = _ISO_DATE.match(piece)
    if iso:
        return dt.date(*map(int, iso.groups())).isoformat() if _valid(*map(int, iso.groups())) else piece
    match = _CN_DATE.match(piece)
    if not match:
        return piece
    year, month = int(match.group(1)), int(match.group(2))
    day = int(match.group(3)) if match.group(3) else calendar.monthrange(year, month)[1]
    return dt.date(year, month, day).isoformat()


def missing_fragments(paragraphs: list[str], folder: Path) -> list[str]:
    out = squash(output_text(folder))
    return [
        piece
        for paragraph in paragraphs
        for piece in fragments(paragraph)
        if squash(piece) not in out and squash(as_written(piece)) not in out
    ]


def missing_characters(paragraphs: list[str], folder: Path) -> Counter[str]:
    """Non-space characters of the content that the written files do not hold (as a multiset)."""
    content = "".join(as_written(piece) for paragraph in paragraphs for piece in fragments(paragraph))
    written = "".join(path.read_text("utf-8") for path in sorted(folder.iterdir()))
    wanted = Counter(char for char in content if not char.isspace())
    have = Counter(char for char in written if not char.isspace())
    return wanted - have


def seed_article() -> list[str]:
    """The seed's paragraphs without page chrome, punctuation normalised, capture losses repaired."""
    lines = [" ".join(line.split()) for line in SEED.read_text("utf-8").splitlines()]
    kept = [line for line in lines if line and line not in SEED_CHROME]
    assert len(lines) - len(kept) > 0
    text = normalize_punctuation("\n".join(kept))
    for lost, repaired in CAPTURE_REPAIRS.items():
        text = text.replace(lost, repaired)
    return text.splitlines()
