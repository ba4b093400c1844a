"""Rectification status from the words of a notice."""

from __future__ import annotations

import re

from mkdocs_rectify.model import Status

__all__ = ["STATUS_PHRASE", "classify", "is_bare_status"]

# At one position, tried in this order: "未完成" and "基本完成" both contain "完成".
_RULES: tuple[tuple[Status, re.Pattern[str]], ...] = (
    (Status.NOT_DONE, re.compile(r"未完成|未整改|尚未完成|没有完成|未能完成|未按期完成|未落实")),
    (
        Status.ONGOING,
        re.compile(r"基本完成|持续整改|长期坚持|长期整改|持续推进|持续抓好|长期推进|常态化推进"),
    ),
    (
        Status.IN_PROGRESS,
        re.compile(r"正在整改|整改中|正在推进|推进中|正在落实|正在进行|部分完成|阶段性完成"),
    ),
    (
        Status.COMPLETED,
        re.compile(r"已完成|已整改|完成整改|整改完成|整改到位|已办结|已落实|已解决|全部完成|整改完毕"),
    ),
)

STATUS_PHRASE = (
    r"(?:目前|现|均|已经|全部|问题)?(?:已完成整改|已整改完成|已整改到位|已完成|已整改|已办结|已落实|已解决|"
    r"整改完成|完成整改|全部完成|整改完毕|已?基本完成(?:整改)?|持续整改|长期坚持|长期整改|持续推进|"
    r"正在整改|整改中|正在推进|推进中|未完成(?:整改)?|未整改|尚未完成)(?:整改)?"
)
_BARE = re.compile(rf"^{STATUS_PHRASE}[。.；;！!，,]?$")


def classify(text: str) -> Status | None:
    """The status a text states first, or None when it states none.

    ``正在整改，持续推进`` is in progress and ``基本完成，需长期坚持`` ongoing: the earliest phrase wins,
    and at one position the rules are tried in order (``未完成`` before ``已完成``).
    """
    best: tuple[int, int, Status] | None = None
    for rank, (status, pattern) in enumerate(_RULES):
        match = pattern.search(text)
        if match and (best is None or (match.start(), rank) < best[:2]):
            best = (match.start(), rank, status)
    return best[2] if best else None


def is_bare_status(text: str) -> bool:
    """Whether ``text`` says nothing but a status (``已完成。``, ``正在整改``)."""
    return bool(_BARE.match(re.sub(r"\s+", "", text)))
