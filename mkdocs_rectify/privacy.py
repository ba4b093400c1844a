"""Personal information that a disclosure must not publish (《政府信息公开条例》).

Finds what looks like a resident identity card number (身份证号: 18 characters with a valid
ISO 7064 MOD 11-2 check digit, or the old 15-digit form, each with a known province code and a
plausible birth date), a mainland mobile number (手机号码: 1[3-9] and 9 digits, not part of a
longer number) or a bank card number (银行卡号: 16 to 19 digits passing the Luhn check). Digits
may be full-width, and mobile and card numbers written in groups (``138 1234 5678``).

A person who has checked a finding and knows it is not personal information lists the string
under ``privacy_reviewed``; findings are compared by their digits, whatever the spacing.
Imports nothing from MkDocs.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Finding", "digits_of", "find_personal_information"]

_FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789XX")
_SEPARATORS = re.compile(r"[\s\-－]")

_PROVINCES = frozenset(
    [
        *("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37"),
        *("41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"),
        *("71", "81", "82", "83"),
    ]
)
"""The province codes that open every resident identity number (GB/T 2260), and those of the
residence permits of Hong Kong, Macao and Taiwan residents (81, 82, 83)."""
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

_ID18 = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9])[1-9][0-9]{14}(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9](?:[0-9]{8}|([ \-])[0-9]{4}\1[0-9]{4})(?![0-9])")
_CARD = re.compile(
    r"(?<![0-9])[1-9](?:[0-9]{15,18}|[0-9]{3}([ \-])[0-9]{4}\1[0-9]{4}\1[0-9]{4}(?:\1?[0-9]{1,3})?)(?![0-9])"
)

ID_CARD = "身份证号"
MOBILE = "手机号码"
BANK_CARD = "银行卡号"


@dataclass(frozen=True)
class Finding:
    """One string that looks like personal information."""

    kind: str
    """``身份证号``, ``手机号码`` or ``银行卡号``."""
    text: str
    """As written in the text."""
    start: int
    """Offset of :attr:`text` in the text searched."""

    @property
    def masked(self) -> str:
        """The digits with all but the first and last few hidden, for messages that may be shared."""
        digits = digits_of(self.text)
        keep = 3 if len(digits) <= 11 else 4
        return digits[:keep] + "*" * (len(digits) - 2 * keep) + digits[-keep:]


def digits_of(text: str) -> str:
    """``text`` as plain digits: full-width digits made ASCII, spaces and hyphens removed, X upper-case."""
    return _SEPARATORS.sub("", text.translate(_FULL_WIDTH)).upper()


def find_personal_information(
    text: str, *, today: dt.date, reviewed: Iterable[str] = ()
) -> list[Finding]:
    """Everything in ``text`` that looks like personal information, but what is listed in ``reviewed``.

    ``today`` bounds the birth dates of identity numbers.
    """
    plain = text.translate(_FULL_WIDTH)  # same length: offsets stay those of ``text``
    checked = {digits_of(item) for item in reviewed}
    ids = sorted(
        match.span()
        for pattern, valid in ((_ID18, lambda number: _valid_id18(number, today)), (_ID15, _valid_id15))
        for match in pattern.finditer(plain)
        if valid(match.group())
    )
    mobiles = [match.span() for match in _MOBILE.finditer(plain) if not _overlaps(match.span(), ids)]
    cards = [
        match.span()
        for match in _CARD.finditer(plain)
        if _luhn(digits_of(match.group()))
        and not _overlaps(match.span(), ids)
        and not _overlaps(match.span(), mobiles)
    ]
    found = [
        Finding(kind, text[start:end], start)
        for kind, spans in ((ID_CARD, ids), (MOBILE, mobiles), (BANK_CARD, cards))
        for start, end in spans
    ]
    return sorted(
        (finding for finding in found if digits_of(finding.text) not in checked), key=lambda f: f.start
    )


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps one of ``spans`` (sorted, not overlapping each other)."""
    at = bisect.bisect_right(spans, span)
    before = spans[at - 1] if at else None
    after = spans[at] if at < len(spans) else None
    return (before is not None and before[1] > span[0]) or (after is not None and after[0] < span[1])


def _birth_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _valid_id18(number: str, today: dt.date) -> bool:
    if number[:2] not in _PROVINCES:
        return False
    born = _birth_date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    if born is None or not dt.date(1900, 1, 1) <= born <= today:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def _valid_id15(number: str) -> bool:
    """The first-generation card (until 2013): no check digit; born 19YY-MM-DD."""
    if number[:2] not in _PROVINCES:
        return False
    return _birth_date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12])) is not None


def _luhn(digits: str) -> bool:
    if len(set(digits)) == 1:
        return False  # 0000… and 4444… pass the check but are no card
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0
