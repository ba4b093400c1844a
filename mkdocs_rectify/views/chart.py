"""The parts of a status chart (a stacked bar): each status's share of a set of problems.

The template draws them as inline SVG (``partials/rectify/chart.html``); the numbers beside it are
text. Imports nothing from MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mkdocs_rectify.model import Status

__all__ = ["BAR_WIDTH", "Part", "bar_parts"]

BAR_WIDTH = 1000
"""The bar's width in the SVG's own units."""
MIN_WIDTH = 8
"""The narrowest part, so that one problem among thousands still shows (its number is beside it)."""


@dataclass(frozen=True)
class Part:
    """One status's part of the bar: where it starts, how wide it is, and the share it stands for."""

    status: Status
    count: int
    start: int
    width: int
    percent: float
    """Its share of the total, in percent, one decimal."""


def bar_parts(by_status: Mapping[Status, int], total: int) -> list[Part]:
    """The parts of the bar, in the order of :class:`Status`, for the statuses that have problems.

    Widths are whole units that add up to :data:`BAR_WIDTH` (the remainders go to the largest
    fractions), and every status with a problem is at least :data:`MIN_WIDTH` units wide."""
    counts = [(status, by_status.get(status, 0)) for status in Status if by_status.get(status, 0)]
    if not counts or total <= 0:
        return []
    exact = [BAR_WIDTH * count / total for _, count in counts]
    widths = [max(MIN_WIDTH, int(value)) for value in exact]
    by_remainder = sorted(range(len(counts)), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    for i in by_remainder[: max(0, BAR_WIDTH - sum(widths))]:
        widths[i] += 1
    while sum(widths) > BAR_WIDTH:  # the narrow parts were widened: the widest gives way
        widest = widths.index(max(widths))
        widths[widest] -= 1
    parts, start = [], 0
    for (status, count), width in zip(counts, widths, strict=True):
        parts.append(Part(status, count, start, width, round(100 * count / total, 1)))
        start += width
    return parts
