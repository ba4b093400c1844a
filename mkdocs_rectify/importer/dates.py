"""Chinese dates and periods: ``2021年9月30日``, ``2021年4月22日至6月25日``, ``二〇二二年三月二十二日``,
``2022-03-22``, and the capture loss ``2021422日至625`` (年 and 月 dropped)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from mkdocs_rectify.importer.messages import Note

__all__ = [
    "CN_NUMBER",
    "DATE",
    "Period",
    "cn_to_int",
    "find_dates",
    "find_periods",
    "parse_date",
    "repair_lost_dates",
    "repair_lost_period",
]

_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
CN_NUMBER = r"[零〇○Ｏ一二两三四五六七八九十百]+"
_NUM = rf"(?:\d+|{CN_NUMBER})"

_YEAR = r"\d{4}|[〇○Ｏ零一二三四五六七八九]{4}"
DATE = rf"(?P<y>{_YEAR})\s*年\s*(?P<m>{_NUM})\s*月\s*(?:(?P<d>{_NUM})\s*[日号])?"
"""A Chinese date; the day may be missing (``2021年6月``)."""
_ISO = r"(?P<iy>\d{4})\s*[-/.]\s*(?P<im>\d{1,2})\s*[-/.]\s*(?P<id>\d{1,2})(?!\d)"
_DATE_RE = re.compile(rf"{DATE}|(?<!\d){_ISO}")

_RANGE_SEP = r"\s*(?:至|到|－|—|–|-|~|～)+\s*"
_END = rf"(?:(?P<ey>\d{{4}})\s*年\s*)?(?:(?P<em>{_NUM})\s*月\s*)?(?P<ed>{_NUM})\s*[日号]"
_END_MONTH = rf"(?:(?P<ey2>\d{{4}})\s*年\s*)?(?P<em2>{_NUM})\s*月(?!\s*{_NUM}\s*[日号])"
_PERIOD_RE = re.compile(rf"{DATE}{_RANGE_SEP}(?:{_END}|{_END_MONTH})")

# 2021422日至625: the year, then month and day run together, then the end's month and day.
_LOST_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<md>\d{2,4})日?\s*(?:至|到|-|—)\s*(?P<md2>\d{2,4})日?(?![\d年月])"
)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    text: str
    """The text the period was read from."""
    span: tuple[int, int]
    approximate: bool = False
    """True when a bound was given as a month only (start is the 1st, end the last day)."""


def cn_to_int(text: str) -> int | None:
    """``25``, ``二十五``, ``一百零二``, ``二〇二二`` → int; None when it is not a number."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if any(char not in _CN_DIGITS and char not in "十百" for char in text):
        return None
    if "十" not in text and "百" not in text:  # digit by digit, as in years: 二〇二二
        return int("".join(str(_CN_DIGITS[char]) for char in text))
    total, current = 0, 0
    for char in text:
        if char in _CN_DIGITS:
            current = _CN_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def _date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The first complete date in ``text`` (Chinese or ISO-like), or None."""
    for date, _span in find_dates(text):
        return date
    return None


def find_dates(text: str) -> list[tuple[dt.date, tuple[int, int]]]:
    """Every complete, valid date in ``text`` with its span."""
    found = []
    for match in _DATE_RE.finditer(text):
        if match.group("iy"):
            date = _date(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
        else:
            date = _date(cn_to_int(match.group("y")), cn_to_int(match.group("m")), _opt(match.group("d")))
        if date is not None:
            found.append((date, match.span()))
    return found


def _opt(text: str | None) -> int | None:
    return cn_to_int(text) if text else None


def find_periods(text: str) -> list[Period]:
    """Periods written as ``2021年4月22日至6月25日`` (the end may repeat the year or give a month only)."""
    periods = []
    for match in _PERIOD_RE.finditer(text):
        year = cn_to_int(match.group("y"))
        month = cn_to_int(match.group("m"))
        if year is None or month is None:
            continue
        approximate = False
        if match.group("d"):
            start = _date(year, month, cn_to_int(match.group("d")))
        else:
            start, approximate = _date(year, month, 1), True
        if match.group("ed"):
            end_year = int(match.group("ey")) if match.group("ey") else year
            end_month = cn_to_int(match.group("em")) if match.group("em") else month
            end = _date(end_year, end_month, cn_to_int(match.group("ed")))
        else:
            end_year = int(match.group("ey2")) if match.group("ey2") else year
            end_month = cn_to_int(match.group("em2"))
            end = None
            if end_month and 1 <= end_month <= 12:
                end = _date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
            approximate = True
        if start is None or end is None:
            continue
        if end < start and not match.group("ey") and not match.group("ey2"):
            end = _date(end.year + 1, end.month, end.day)  # 2021年12月1日至1月20日
            if end is None:
                continue
        if end >= start:
            periods.append(Period(start, end, match.group(), match.span(), approximate))
    return periods


def _month_day_splits(digits: str) -> list[tuple[int, int]]:
    splits = []
    for cut in range(1, len(digits)):
        month_text, day_text = digits[:cut], digits[cut:]
        if len(month_text) > 2 or len(day_text) > 2 or (day_text.startswith("0") and len(day_text) == 1):
            continue
        month, day = int(month_text), int(day_text)
        if 1 <= month <= 12 and 1 <= day <= 31:
            splits.append((month, day))
    return splits


@dataclass(frozen=True)
class LostPeriod:
    text: str
    span: tuple[int, int]
    period: Period | None
    """None when the digits allow more than one reading."""
    repaired: str | None
    """The text with 年, 月 and 日 put back, when the reading is unambiguous."""


def repair_lost_period(text: str) -> list[LostPeriod]:
    """Find periods whose 年/月 were lost in capture (``2021422日至625``) and read them when unambiguous."""
    found = []
    for match in _LOST_RE.finditer(text):
        year = int(match.group("y"))
        readings = []
        for month, day in _month_day_splits(match.group("md")):
            for end_month, end_day in _month_day_splits(match.group("md2")):
                start, end = _date(year, month, day), _date(year, end_month, end_day)
                if start and end and end >= start:
                    readings.append((start, end))
        if len(readings) == 1:
            start, end = readings[0]
            repaired = f"{year}年{start.month}月{start.day}日至{end.month}月{end.day}日"
            period = Period(start, end, match.group(), match.span())
            found.append(LostPeriod(match.group(), match.span(), period, repaired))
        else:
            found.append(LostPeriod(match.group(), match.span(), None, None))
    return found


_LOST_DATE_RE = re.compile(r"(?<![\d年月])(?P<y>(?:19|20)\d\d)(?P<md>\d{2,4})日(?![\d])")
"""``2024830日``: a date whose 年 and 月 were lost in capture (the 日 keeps it from being a number)."""


def repair_lost_dates(text: str) -> tuple[str, list[str]]:
    """Put 年 and 月 back into dates and periods that lost them in capture, where the digits can be read
    only one way; an ambiguous one (``2024112日``: 1月12日 or 11月2日) is left as written. Returns the
    text and a message for each, saying what was done."""
    messages: list[str] = []
    pieces: list[tuple[int, int, str]] = []
    for lost in repair_lost_period(text):
        if lost.repaired:
            pieces.append((*lost.span, lost.repaired))
            assert lost.period is not None  # a repaired period has been read
            dates = f"{lost.period.start.isoformat()} – {lost.period.end.isoformat()}"
            messages.append(Note("lost_repaired", text=lost.text, repaired=lost.repaired, dates=dates))
        else:
            pieces.append((*lost.span, lost.text))
            messages.append(Note("lost_period_ambiguous", text=lost.text))
    for match in _LOST_DATE_RE.finditer(text):
        if any(start <= match.start() < end for start, end, _ in pieces):
            continue
        year = int(match.group("y"))
        readings = [
            date for month, day in _month_day_splits(match.group("md")) if (date := _date(year, month, day))
        ]
        if len(readings) == 1:
            repaired = f"{year}年{readings[0].month}月{readings[0].day}日"
            pieces.append((*match.span(), repaired))
            messages.append(
                Note("lost_repaired", text=match.group(), repaired=repaired, dates=readings[0].isoformat())
            )
        elif readings:
            shown = " / ".join(date.isoformat() for date in readings)
            messages.append(Note("lost_date_ambiguous", text=match.group(), readings=shown))
    for start, end, replacement in sorted(pieces, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, messages
