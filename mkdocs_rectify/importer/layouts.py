"""The three layouts of rectification notices, parsed into problems with sections.

1. ``问题表现N：…  整改措施：…  整改成效：…  下一步计划：…  整改结果：已完成`` (flat);
2. multi-level: ``（一）在“…”方面`` → ``1.关于“…”问题的整改`` → ``（1）关于“…”`` with
   ``整改情况：`` / ``整改进展：`` paragraphs;
3. ``一、关于…的问题`` headings with ``整改情况：`` / ``整改进展：`` paragraphs.

Layouts 2 and 3 share one reader of numbered headings: the heading that a section label (整改情况…)
follows is a problem; the headings above it are its category and group. Every paragraph of the
problem zone is assigned to exactly one place; what fits nowhere is returned as ``orphans``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mkdocs_rectify.importer.dates import cn_to_int
from mkdocs_rectify.importer.metadata import CONTACT_START
from mkdocs_rectify.importer.status import is_bare_status

__all__ = [
    "FLAT",
    "HEADINGS",
    "MULTI_LEVEL",
    "UNRECOGNISED",
    "Para",
    "ParsedLayout",
    "RawProblem",
    "match_label",
    "numbered",
    "parse",
]

FLAT = "问题表现N (flat)"
MULTI_LEVEL = "（一）/1./（1） (multi-level)"
HEADINGS = "一、关于…的问题 (headings)"
UNRECOGNISED = "none (no problems recognised)"


@dataclass(frozen=True)
class Para:
    line: int
    """1-based line number in the decoded (or extracted) text."""
    text: str


@dataclass
class RawProblem:
    """A problem as found: paragraphs per section, before any item splitting."""

    stated_number: int | None
    heading: str | None
    """The heading that names the problem (layouts 2 and 3); None in the flat layout."""
    category: str | None
    statement: list[str]
    sections: list[tuple[str, list[str]]]
    """(kind, paragraphs) in order; kind is measures, results, next_steps, status, units, deadline,
    completed_on or statement (a labelled 问题表现 inside the problem)."""
    extra: list[str] = field(default_factory=list)
    """Paragraphs of the problem that belong to no section."""
    line: int = 0
    level: int = 0


@dataclass
class ParsedLayout:
    name: str
    problems: list[RawProblem]
    start: int
    """Index of the first paragraph of the problem zone; the header is before it."""
    end: int
    """Index just after the zone; the closing part (contact, signature) is from here."""
    orphans: list[str]
    """Paragraphs inside the zone that belong to no problem."""

    @property
    def labelled(self) -> int:
        return sum(1 for problem in self.problems if problem.sections)


# --- section labels --------------------------------------------------------------------------

# (kind, pattern, colon required): a label starts a paragraph; weak ones need a colon or a line of their own.
_LABELS: tuple[tuple[str, str, bool], ...] = (
    ("statement", r"问题表现|问题描述|存在问题|具体问题|问题情况", True),
    ("measures", r"整改措施|整改举措|主要措施|整改情况|整改落实情况", False),
    ("measures", r"落实情况|采取措施|工作措施", True),
    ("results", r"整改成效|整改效果|整改成果", False),
    ("results", r"取得成效|工作成效|主要成效", True),
    ("next_steps", r"下一步(?:工作)?(?:计划|打算|措施|安排)", False),
    ("next_steps", r"下一步工作|下一步", True),
    ("status", r"整改结果|整改进展|整改进度|整改状态", False),
    ("status", r"完成情况|进展情况|整改完成情况", True),
    ("units", r"责任单位|责任部门|牵头单位", True),
    ("deadline", r"整改时限|完成时限|整改期限", True),
    ("completed_on", r"完成时间|办结时间|整改完成时间", True),
)
_LABEL_RES = tuple(
    (kind, re.compile(rf"^【?\s*(?:{pattern})\s*】?\s*(?P<colon>[:：])?\s*(?P<rest>.*)$"), weak)
    for kind, pattern, weak in _LABELS
)


def match_label(text: str) -> tuple[str, str] | None:
    """(kind, rest of the paragraph) when ``text`` starts with a section label."""
    for kind, pattern, weak in _LABEL_RES:
        match = pattern.match(text)
        if match is None:
            continue
        rest = match.group("rest").strip()
        if weak and not match.group("colon") and rest:
            continue
        if kind == "statement" and re.match(r"^\d", rest) and not match.group("colon"):
            continue  # 问题表现1 is a flat-layout heading
        return kind, rest
    return None


# --- flat layout -------------------------------------------------------------------------------

_FLAT_NUMBER = r"[1-9]\d{0,2}|[一二三四五六七八九十百]+"
_FLAT_HEAD = re.compile(
    rf"^【?\s*问题(?:表现\s*(?P<n>{_FLAT_NUMBER})|\s*(?P<bare>{_FLAT_NUMBER})(?=\s*[:：.．、】\s]))"
    r"\s*】?\s*[:：.．、]?\s*(?P<rest>.*)$"
)


def _flat(paras: list[Para]) -> ParsedLayout | None:
    heads = [index for index, para in enumerate(paras) if _FLAT_HEAD.match(para.text)]
    if not heads:
        return None
    problems: list[RawProblem] = []
    tail: list[Para] = []
    end = len(paras)
    for position, head in enumerate(heads):
        match = _FLAT_HEAD.match(paras[head].text)
        assert match is not None  # the heads were found with the same pattern
        last = position + 1 == len(heads)
        stop = heads[position + 1] if not last else len(paras)
        body = paras[head + 1 : stop]
        if last:
            body, end = _cut_closing(body, head + 1)
        number = cn_to_int(match.group("n") or match.group("bare"))
        problem = RawProblem(number, None, None, [], [], line=paras[head].line)
        rest = match.group("rest").strip()
        if rest:
            problem.statement.append(rest)
        leftover = _fill(problem, body)
        if last:
            tail = leftover
        else:
            problem.extra.extend(para.text for para in leftover)
        problems.append(problem)
    return ParsedLayout(FLAT, problems, heads[0], end - len(tail), [])


def _cut_closing(body: list[Para], offset: int) -> tuple[list[Para], int]:
    """The last problem ends where the closing part (欢迎…监督, 联系电话…) begins."""
    for index, para in enumerate(body):
        if CONTACT_START.match(para.text) and match_label(para.text) is None:
            return body[:index], offset + index
    return body, offset + len(body)


def _fill(problem: RawProblem, body: list[Para]) -> list[Para]:
    """Put ``body`` into the problem's statement and sections; return what followed a bare status."""
    kind = "statement"
    after_status: list[Para] = []
    bare = False
    for para in body:
        label = match_label(para.text)
        if label is not None:
            problem.extra.extend(item.text for item in after_status)
            after_status = []
            kind, rest = label
            problem.sections.append((kind, [rest] if rest else []))
            bare = kind == "status" and bool(rest) and is_bare_status(rest)
            continue
        if bare:
            after_status.append(para)
        elif kind == "statement" and not problem.sections:
            problem.statement.append(para.text)
        else:
            problem.sections[-1][1].append(para.text)
            if kind == "status" and len(problem.sections[-1][1]) == 1 and is_bare_status(para.text):
                bare = True
    return after_status


# --- numbered headings (layouts 2 and 3) -------------------------------------------------------

_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(r"^(?P<n>[一二三四五六七八九十百]+)\s*[、.．]\s*(?P<text>.+)$")),
    (1, re.compile(r"^[（(]\s*(?P<n>[一二三四五六七八九十百]+)\s*[)）]\s*[、.．]?\s*(?P<text>.+)$")),
    (2, re.compile(r"^(?P<n>\d{1,3})\s*[.．、](?!\d)\s*(?P<text>.+)$")),
    (3, re.compile(r"^[（(]\s*(?P<n>\d{1,3})\s*[)）]\s*[、.．]?\s*(?P<text>.+)$")),
)
_HEADING_MAX = 80
_LOOKAHEAD = 6


@dataclass
class _Heading:
    level: int
    number: int | None
    text: str
    index: int
    content: list[int] = field(default_factory=list)
    role: str | None = None


def numbered(text: str) -> tuple[int, int | None, str] | None:
    """(level, number, text) of a numbered line: level 0 for ``一、``, 1 ``（一）``, 2 ``1.``, 3 ``（1）``."""
    for level, pattern in _MARKERS:
        match = pattern.match(text)
        if match:
            return level, cn_to_int(match.group("n")), match.group("text").strip()
    return None


_NAMED_PROBLEM = re.compile(r"^关于[“\"「『][^”\"」』]{2,80}[”\"」』](?:的)?问题")
"""``关于“…”的问题``, possibly followed on the same line by the description of the problem."""


def _heading_like(text: str) -> bool:
    if match_label(text) is not None:
        return False
    if _NAMED_PROBLEM.match(text):
        return True
    if len(text) > _HEADING_MAX:
        return False
    body = text[:-1] if text.endswith("。") and text.startswith("关于") else text
    return not re.search(r"[。；;，,：:]$|。", body)


def _sentence_heading(paras: list[Para], index: int, text: str) -> bool:
    """A heading written as one sentence ending in 。 (``（一）学习贯彻…不到位。``), directly followed by
    a section label (``整改情况：…``)."""
    return (
        text.endswith("。")
        and text.count("。") == 1
        and len(text) <= _HEADING_MAX
        and not re.search(r"[：:]", text)
        and index + 1 < len(paras)
        and match_label(paras[index + 1].text) is not None
    )


def _leads_to_label(paras: list[Para], index: int) -> bool:
    """Whether a section label follows the heading at ``index`` (allowing sub-headings and a description)."""
    plain = 0
    for para in paras[index + 1 : index + 1 + _LOOKAHEAD]:
        if match_label(para.text) is not None:
            return True
        heading = numbered(para.text)
        if heading and _heading_like(heading[2]):
            continue
        plain += 1
        if plain > 2:
            return False
    return False


def _headings(paras: list[Para]) -> ParsedLayout | None:
    owner: set[int] = set()  # paragraphs placed in a problem, its category or its group
    blocks: list[tuple[RawProblem, list[Para], list[int]]] = []
    stack: list[_Heading] = []
    current: tuple[RawProblem, list[Para], list[int]] | None = None

    for index, para in enumerate(paras):
        heading_at = numbered(para.text)
        label = match_label(para.text)
        if heading_at is not None and label is None:
            level, number, text = heading_at
            is_heading = False
            if current is None:
                is_heading = _heading_like(text) or _sentence_heading(paras, index, text)
            elif _heading_like(text) or _sentence_heading(paras, index, text):
                problem_level = current[0].level
                is_heading = (
                    level == 0
                    or level < problem_level
                    or (level == problem_level and _leads_to_label(paras, index))
                )
            elif level < current[0].level and len(text) <= 30 and not re.search(r"[。；;，,：:]", text):
                is_heading = True  # 三、下一步工作打算 after the problems of 二、
            if is_heading:
                current = None
                while stack and stack[-1].level >= level:
                    stack.pop()
                stack.append(_Heading(level, number, text, index))
                continue
        if current is None and label is not None and stack and stack[-1].role is None:
            heading = stack[-1]
            heading.role = "problem"
            category, extra = _ancestors(stack[:-1], paras)
            problem = RawProblem(
                heading.number, heading.text, category, [heading.text], [], extra,
                line=paras[heading.index].line, level=heading.level,
            )  # fmt: skip
            problem.statement.extend(paras[i].text for i in heading.content)
            owner.update([heading.index, *heading.content, *_claimed(stack[:-1])])
            current = (problem, [], [])
            blocks.append(current)
        if current is not None:
            current[1].append(para)
            current[2].append(index)
            owner.add(index)
        elif stack:
            stack[-1].content.append(index)
    if not blocks:
        return None

    problems = []
    for position, (problem, body, indices) in enumerate(blocks):
        if position + 1 == len(blocks):
            kept, _ = _cut_closing(body, 0)
            owner.difference_update(indices[len(kept) :])
            tail = _fill(problem, kept)
            owner.difference_update(indices[len(kept) - len(tail) : len(kept)])  # closing words
        else:
            problem.extra.extend(para.text for para in _fill(problem, body))
        problems.append(problem)
    start, end = min(owner), max(owner) + 1
    orphans = [paras[index].text for index in range(start, end) if index not in owner]
    name = HEADINGS if {problem.level for problem in problems} == {0} else MULTI_LEVEL
    return ParsedLayout(name, problems, start, end, orphans)


def _claimed(ancestors: list[_Heading]) -> list[int]:
    out = []
    for heading in ancestors:
        if heading.role is not None:
            out.append(heading.index)
            out.extend(heading.content)
    return out


def _ancestors(ancestors: list[_Heading], paras: list[Para]) -> tuple[str | None, list[str]]:
    """The category of a new problem and the group headings (with their text) that it carries.

    The category is the highest heading below the top level (``（一）…方面``), or a top-level heading
    that names a 方面; the headings between it and the problem (``1.关于…问题的整改``) are groups.
    """
    category_index = None
    for position in range(len(ancestors) - 1, -1, -1):
        if ancestors[position].level >= 1:
            category_index = position
    if category_index is None:
        for position in range(len(ancestors) - 1, -1, -1):
            if "方面" in ancestors[position].text:
                category_index = position
                break
    category = None
    extra: list[str] = []
    if category_index is not None:
        heading = ancestors[category_index]
        category = heading.text
        if heading.role is None:
            heading.role = "category"
            extra.extend(paras[i].text for i in heading.content)
        groups = ancestors[category_index + 1 :]
    else:
        groups = []
    for heading in groups:
        if heading.role is None:
            heading.role = "group"
            extra.append(paras[heading.index].text)
            extra.extend(paras[i].text for i in heading.content)
    return category, extra


def parse(paras: list[Para]) -> ParsedLayout | None:
    """The best reading of ``paras``: the layout that finds the most problems with sections."""
    candidates = [
        parsed for parsed in (_flat(paras), _headings(paras)) if parsed is not None and parsed.labelled
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda parsed: (parsed.labelled, -len(parsed.orphans)))
