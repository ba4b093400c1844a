"""Report metadata: the disclosure block, the title, the date line, the inspection, declared counts
and the contact block.

Each reader takes text and returns what it found plus the text it could not place ("residue"), so
that the caller can keep every character.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from mkdocs_rectify.importer.chrome import strip_inline_chrome
from mkdocs_rectify.importer.dates import (
    CN_NUMBER,
    Period,
    cn_to_int,
    find_dates,
    find_periods,
)
from mkdocs_rectify.importer.messages import Note
from mkdocs_rectify.model import is_phone_number

__all__ = [
    "ContactInfo",
    "HeaderField",
    "InspectionInfo",
    "MetadataLine",
    "TitleLines",
    "derive_issuer",
    "find_title",
    "is_signature",
    "looks_like_title",
    "parse_contact",
    "parse_declared",
    "parse_inspection",
    "parse_metadata_line",
    "split_title_tag",
]

# Keys of the disclosure block and of the date line. Keys that are ordinary words (名称, 日期)
# count only with a colon; the specific ones also without.
_SPECIFIC_KEYS: tuple[tuple[str, str], ...] = (
    ("index_number", r"信息索引号|索\s*引\s*号"),
    ("title", r"文件名称|信息名称|文件标题"),
    ("issuer", r"发布机构|发文机关|发文单位|发布单位|所属机构"),
    ("written", r"成文日期|成文时间"),
    ("published", r"发布日期|发布时间|公开日期|生成日期"),
    ("disclosure", r"公开方式|公开形式"),
    ("source", r"信息来源|文章来源|来\s*源"),
    ("other", r"发文字号|文\s*号|主题分类|公开范围|公开时限|责任编辑|主\s*题\s*词|关\s*键\s*词|有\s*效\s*性"),
)
_COLON_KEYS: tuple[tuple[str, str], ...] = (
    ("title", r"名\s*称|标\s*题"),
    ("published", r"日\s*期|时\s*间"),
    ("other", r"分\s*类|作\s*者|编\s*辑|字\s*号"),
)
_KEY_RE = re.compile(
    "|".join(
        [f"(?P<{kind}_{n}>{pattern})\\s*[:：]?" for n, (kind, pattern) in enumerate(_SPECIFIC_KEYS)]
        + [f"(?P<{kind}_c{n}>{pattern})\\s*[:：]" for n, (kind, pattern) in enumerate(_COLON_KEYS)]
    )
)
_LEADING_DATE = re.compile(
    r"^(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:\s*(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?"
)
_TIME = re.compile(r"^\s*(\d{1,2}:\d{2}(?::\d{2})?)")
_TIME_WHY = "time of day of the web posting (published keeps the date)"


@dataclass(frozen=True)
class HeaderField:
    kind: str
    """index_number, title, issuer, written, published, disclosure, source or other."""
    key: str
    value: str


@dataclass
class MetadataLine:
    text: str
    """The line without the toolbar words and time of day that were dropped."""
    fields: list[HeaderField] = field(default_factory=list)
    residue: list[str] = field(default_factory=list)
    """Text of the line that is no field (kept as unclassified by the caller)."""
    dropped: list[tuple[str, str]] = field(default_factory=list)
    """(text, why) of toolbar words and a time of day removed from the line."""
    pending: HeaderField | None = None
    """A key that ends the line without a value (``• 信息索引号：``): its value is on the next line."""


_BULLET = re.compile(r"^[•·●▪◆■□◇○◎▶►\-*]\s*")
"""A list bullet before a key of a disclosure block (``• 文件名称：``)."""


def parse_metadata_line(line: str) -> MetadataLine | None:
    """Read a disclosure-block or date line (``2022-03-22 10:30:00 来源：某局``); None if it is neither."""
    bullet = _BULLET.match(line)
    if bullet and _KEY_RE.match(line, bullet.end()):
        line = line[bullet.end() :]
    else:
        bullet = None
    text, dropped = strip_inline_chrome(line)
    result = MetadataLine(text, dropped=[(token, "toolbar words on a metadata line") for token in dropped])
    if bullet:
        result.dropped.insert(0, (bullet.group().strip(), "list bullet of the disclosure block"))
    leading = _LEADING_DATE.match(text)
    position = 0
    if leading:
        result.fields.append(HeaderField("published", "", leading.group("date")))
        if leading.group("time"):
            result.dropped.append((leading.group("time"), _TIME_WHY))
        position = leading.end()
    matches = list(_KEY_RE.finditer(text, position))
    if not matches and not (leading and not text[position:].strip()):
        return None
    if matches and text[position : matches[0].start()].strip():
        return None  # a sentence that happens to contain a key
    for index, match in enumerate(matches):
        kind = next(name for name, value in match.groupdict().items() if value is not None).rsplit("_", 1)[0]
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        value = text[match.end() : end].strip(" ，,；;")
        if kind in {"published", "written"}:
            time = None
            dates = find_dates(value)
            if dates:
                date_end = dates[0][1][1]
                time = _TIME.match(value[date_end:])
                if time:
                    result.dropped.append((time.group(1), _TIME_WHY))
                    value = (value[:date_end] + value[date_end + time.end() :]).strip()
        if kind == "other":
            result.residue.append(text[match.start() : end].strip())
        elif value:
            result.fields.append(HeaderField(kind, match.group().rstrip(":： "), value))
        elif index + 1 == len(matches) and re.search(r"[:：]\s*$", text):
            result.pending = HeaderField(kind, match.group().rstrip(":： "), "")
    for token, why in result.dropped:
        if why == _TIME_WHY:
            result.text = result.text.replace(token, "", 1)
    result.text = result.text.strip()
    return result


_TITLE_WORDS = re.compile(r"(?:通报|情况|报告|公告|公示|说明)$")
_TITLE_TAG = re.compile(r"^[【\[](?P<tag>[^】\]]{1,16})[】\]]\s*(?=\S)")
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d{1,3}\s*[.．、])"
)
_TITLE_HEAD = re.compile(r"^[^，。；：,;:！？!?\d\s]{2,40}$")


@dataclass(frozen=True)
class TitleLines:
    """Where the title is: ``count`` paragraphs from ``index``, read as ``title``."""

    index: int
    count: int
    title: str
    tag: str | None
    """A column tag written before the title (``【巡察整改】``), which is not part of it."""


def split_title_tag(line: str) -> tuple[str | None, str]:
    """``【巡察整改】中共…的通报`` → (``【巡察整改】``, ``中共…的通报``); (None, line) without a tag."""
    match = _TITLE_TAG.match(line)
    if match is None or not looks_like_title(line[match.end() :]):
        return None, line
    return match.group().strip(), line[match.end() :]


def find_title(lines: list[str], limit: int = 12) -> TitleLines | None:
    """The title among the first ``limit`` lines: one line, or an issuer on a line of its own followed by
    ``关于…的通报`` (a title broken over two lines); a column tag before it is set apart."""
    for strong in (True, False):  # a title that says 关于 wins over a column name such as 本级巡察情况
        for index, line in enumerate(lines[:limit]):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if (
                _TITLE_HEAD.match(line)
                and following.startswith("关于")
                and looks_like_title(following)
                and not looks_like_title(line)
                and len(line) + len(following) <= 90
            ):
                return TitleLines(index, 2, line + following, None)
            tag, rest = split_title_tag(line)
            if looks_like_title(rest) and (not strong or "关于" in rest):
                return TitleLines(index, 1, rest, tag)
    return None


def looks_like_title(line: str) -> bool:
    """Whether ``line`` reads like the title of a rectification notice (by its shape: no sentence
    punctuation, not a numbered heading, ending in 通报, 情况, 报告 or 公告 and naming the rectification)."""
    if len(line) > 90 or len(line) < 6 or re.search(r"[。；！？：:]", line) or _NUMBERED.match(line):
        return False
    if _TITLE_WORDS.search(line) and ("整改" in line or "巡察" in line or "巡视" in line or "关于" in line):
        return True
    return "关于" in line and ("整改" in line or "巡察" in line or "巡视" in line)


def derive_issuer(title: str) -> str | None:
    """The issuer named at the start of a title: ``中共某局党组关于…`` → ``中共某局党组``."""
    match = re.match(r"^(.{2,40}?)关于", title)
    return match.group(1).strip() if match else None


_ISSUER_END = re.compile(
    r"(?:党组|党委|党工委|党总支|党支部|委员会|局|厅|委|办公室|办|政府|中心|公司|院|所|部|署|会|领导小组)$"
)


def is_signature(line: str) -> bool:
    """A signature line: an organisation name alone (``中共某局党组``)."""
    return len(line) <= 40 and not re.search(r"[，。；：,;:\s\d]", line) and bool(_ISSUER_END.search(line))


# ---------------------------------------------------------------------------------------------
# Inspection


@dataclass
class InspectionInfo:
    body: str | None = None
    period: Period | None = None
    feedback: dt.date | None = None
    warnings: list[str] = field(default_factory=list)


_BODY_RE = re.compile(
    rf"(?:(?:中共)?(?:[\u4e00-\u9fff]{{1,8}}?)?(?:省委|市委|州委|县委|区委|旗委|党委|党组))?"
    rf"第?(?:{CN_NUMBER}|\d+)?(?:轮|个)?(?:专项|机动|提级|交叉|联动)?(?:巡察|巡视)(?:组|工作组|办)"
)
_SENTENCES = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def parse_inspection(text: str) -> InspectionInfo:
    """The inspection body, its period and the feedback date, from the introduction."""
    info = InspectionInfo()
    for sentence_match in _SENTENCES.finditer(text):
        sentence = sentence_match.group()
        if not re.search(r"巡察|巡视", sentence):
            continue
        feedback_sentence = "反馈" in sentence
        if info.body is None:
            body = _BODY_RE.search(sentence)
            if body:
                info.body = _trim_body(body.group())
        if info.period is None:
            periods = find_periods(sentence)
            if periods:
                info.period = periods[0]
        if info.feedback is None and feedback_sentence:
            info.feedback = _feedback(sentence, info)
    if info.body and re.search(r"第(?:轮)?(?:巡察|巡视)", info.body):
        info.warnings.append(Note("body_lost", body=info.body))
    if info.period is not None and info.period.approximate:
        info.warnings.append(Note("period_months", text=info.period.text))
    return info


_MONTH_DAY = re.compile(
    rf"(?<![\d年月])(?P<m>\d{{1,2}}|{CN_NUMBER})\s*月\s*(?P<d>\d{{1,2}}|{CN_NUMBER})\s*[日号]"
)


def _feedback(sentence: str, info: InspectionInfo) -> dt.date | None:
    """The feedback date of a sentence saying 反馈: a full date outside the period, or a month and day
    (``10月25日，巡察组…反馈``) in the year of the period it follows — the next year when the month is
    earlier than the period's end."""
    period_spans = [period.span for period in find_periods(sentence)]
    for date, span in find_dates(sentence):
        if not any(start <= span[0] < end for start, end in period_spans):
            return date
    if info.period is None:
        return None
    taken = [span for _, span in find_dates(sentence)] + period_spans
    for match in _MONTH_DAY.finditer(sentence):
        if any(start <= match.start() < end for start, end in taken):
            continue
        month, day = cn_to_int(match.group("m")), cn_to_int(match.group("d"))
        end = info.period.end
        year = end.year + 1 if month is not None and month < end.month else end.year
        try:
            date = dt.date(year, month or 0, day or 0)
        except ValueError:
            continue
        info.warnings.append(Note("feedback_year", text=match.group(), date=date.isoformat()))
        return date
    return None


def _trim_body(body: str) -> str:
    # "对中共某局党组进行巡察" must not make "中共某局党组…" part of the body: keep from the 委/党组 part.
    match = re.search(
        r"(?:省委|市委|州委|县委|区委|旗委)?第?(?:[零〇一二两三四五六七八九十百\d]+)?(?:轮|个)?"
        r"(?:专项|机动|提级|交叉|联动)?(?:巡察|巡视)",
        body,
    )
    if match is None:
        return body
    prefix = body[: match.start()]
    return body if prefix in {"", "中共"} else body[match.start() :]


# ---------------------------------------------------------------------------------------------
# Declared counts

_N = rf"(\d+|{CN_NUMBER})"
_MEASURE = r"(?:个|项|条)"
_N_ASIDE = rf"(?:\d+|{CN_NUMBER})"
"""A number that is not captured (the count of 方面 before the count of problems)."""
_DECLARED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        (
            "total",
            rf"(?:反馈|指出|移交|提出|交办)(?:了)?(?:的)?(?:巡察|巡视)?(?:意见|问题)?(?:共)?"
            rf"(?:{_N_ASIDE}个方面(?:的)?)?{_N}{_MEASURE}(?:具体)?问题",
        ),
        ("total", rf"{_N_ASIDE}个方面(?:的)?{_N}{_MEASURE}(?:具体)?问题"),
        (
            "total",
            rf"(?:反馈|指出|移交|提出|交办)(?:了)?(?:的)?(?:巡察|巡视)?(?:意见|问题)(?:共|共计)?{_N}{_MEASURE}",
        ),
        ("total", rf"(?:问题|意见)共(?:计|有)?{_N}{_MEASURE}"),
        ("total", rf"共(?:有|计)?{_N}{_MEASURE}(?:具体)?问题"),
        (
            "completed",
            rf"(?<!基本)(?<!未)(?<!尚未)(?:已全部完成整改|已完成整改|已整改完成|已整改到位|已完成|完成整改|整改完成|已整改|已办结)(?:的)?(?:问题)?(?:共)?{_N}{_MEASURE}",
        ),
        ("completed", rf"{_N}{_MEASURE}(?:问题)?(?:已完成整改|已整改完成|已整改到位|已完成|已整改|已办结)"),
        ("in_progress", rf"(?:正在整改|整改中|正在推进|正在落实)(?:的)?(?:问题)?(?:共)?{_N}{_MEASURE}"),
        ("in_progress", rf"{_N}{_MEASURE}(?:问题)?(?:正在整改|整改中|正在推进)"),
        (
            "ongoing",
            rf"(?:已?基本完成(?:整改)?|持续整改|需长期坚持|长期坚持|需持续整改)(?:的)?(?:问题)?(?:共)?{_N}{_MEASURE}",
        ),
        ("ongoing", rf"{_N}{_MEASURE}(?:问题)?(?:已?基本完成|需?持续整改|需?长期坚持)"),
        ("not_done", rf"(?:尚未完成|未完成|未整改)(?:整改)?(?:的)?(?:问题)?(?:共)?{_N}{_MEASURE}"),
        ("not_done", rf"{_N}{_MEASURE}(?:问题)?(?:尚未完成|未完成|未整改)"),
    )
)
_RATE = re.compile(r"(?:整改)?完成率(?:为|达到?|是)?\s*(\d+(?:\.\d+)?)\s*[%％]")


def parse_declared(text: str) -> dict[str, int | float]:
    """Counts the notice states about itself: total, completed, in_progress, ongoing, not_done, rate."""
    found: dict[str, int | float] = {}
    for key, pattern in _DECLARED:
        if key in found:
            continue
        match = pattern.search(text)
        if match:
            value = cn_to_int(match.group(1))
            if value is not None:
                found[key] = value
    rate = _RATE.search(text)
    if rate:
        value = float(rate.group(1))
        if 0 <= value <= 100:
            found["rate"] = value
    return found


# ---------------------------------------------------------------------------------------------
# Contact

_CONTACT_KEYS: tuple[tuple[str, str], ...] = (
    ("postcode", r"邮政编码|邮\s*编"),
    ("email", r"电子邮箱|电子信箱|电子邮件|E-?mail|邮\s*箱"),
    ("address", r"邮政地址|通讯地址|通信地址|联系地址|来信地址|邮寄地址|邮政信箱|地\s*址"),
    ("phone", r"联系电话|举报电话|监督电话|咨询电话|电话号码|电\s*话"),
)
_CONTACT_RE = re.compile(
    "|".join(f"(?P<{kind}>{pattern})\\s*[:：]?\\s*" for kind, pattern in _CONTACT_KEYS), re.IGNORECASE
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_POSTCODE = re.compile(r"(?<!\d)\d{6}(?!\d)")
_SEPARATORS = " ，,；;。．.、"
CONTACT_START = re.compile(
    r"^(?:欢迎|如有意见|如对|如您|如有|请广大|联系电话|联系方式|联系人|电\s*话\s*[:：]|邮政地址|通讯地址|通信地址|"
    r"地\s*址\s*[:：]|邮政编码|邮\s*编|电子邮箱|电子信箱|邮\s*箱\s*[:：]|E-?mail|特此通报|特此公告)",
    re.IGNORECASE,
)


@dataclass
class ContactInfo:
    phone: str | None = None
    address: str | None = None
    postcode: str | None = None
    email: str | None = None
    note_parts: list[str] = field(default_factory=list)
    residue: list[str] = field(default_factory=list)


def parse_contact(lines: list[str], info: ContactInfo | None = None) -> ContactInfo:
    """Contact details from the closing lines; text before the first key is the note."""
    info = info or ContactInfo()
    for line in lines:
        matches = list(_CONTACT_RE.finditer(line))
        if not matches:
            info.note_parts.append(line)
            continue
        before = line[: matches[0].start()].strip()
        if before:
            info.note_parts.append(before)
        for index, match in enumerate(matches):
            kind = match.lastgroup or ""
            end = matches[index + 1].start() if index + 1 < len(matches) else len(line)
            value = line[match.end() : end].strip(_SEPARATORS)
            if not _store(info, kind, value):
                info.residue.append(line[match.start() : end].strip(_SEPARATORS))
    return info


def _store(info: ContactInfo, kind: str, value: str) -> bool:
    if not value or getattr(info, kind) is not None:
        return False
    if kind == "email":
        match = _EMAIL.fullmatch(value)
        if not match:
            return False
        info.email = value
    elif kind == "postcode":
        if not _POSTCODE.fullmatch(value):
            return False
        info.postcode = value
    elif kind == "phone":
        if not is_phone_number(value) or not re.search(r"\d{5}", re.sub(r"\D", "", value)):
            return False
        info.phone = value
    else:
        info.address = value
    return True


# ---------------------------------------------------------------------------------------------
# Report id

_PARTY_PREFIX = re.compile(r"^(?:中共|中国共产党)")
_PARTY_SUFFIX = re.compile(r"(?:机关党委|党工委|党总支|党支部|党组|党委)$")


def derive_report_id(issuer: str, year: int) -> str | None:
    """``中共海口市政务管理局党组`` and 2022 → ``hkszwglj-2022`` (first letters of the pinyin)."""
    from pypinyin import Style, lazy_pinyin  # imported here: loading its dictionaries takes a moment

    name = _PARTY_SUFFIX.sub("", _PARTY_PREFIX.sub("", issuer.strip())) or issuer
    letters = []
    for syllable in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default"):
        letters.append(re.sub(r"[^a-z0-9]", "", syllable.lower()))
    stem = "".join(letters)[:58].strip("-")
    return f"{stem}-{year}" if stem else None
