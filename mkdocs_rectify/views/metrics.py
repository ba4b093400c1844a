"""A problem's figures as its metrics table shows them: which columns have data, and how far each
figure has come towards its target, whichever way it improves. Imports nothing from MkDocs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs_rectify.model import Metric

__all__ = ["MetricColumns", "Progress", "columns", "progress"]


@dataclass(frozen=True)
class MetricColumns:
    """The optional columns of a metrics table that at least one figure fills."""

    baseline: bool
    target: bool
    as_of: bool

    @property
    def progress(self) -> bool:
        """A progress column, when a figure has a target to measure against."""
        return self.target


def columns(metrics: Sequence[Metric]) -> MetricColumns:
    return MetricColumns(
        baseline=any(m.baseline is not None for m in metrics),
        target=any(m.target is not None for m in metrics),
        as_of=any(m.as_of is not None for m in metrics),
    )


@dataclass(frozen=True)
class Progress:
    """How far a figure has come towards its target, in percent (0–100), and whether it is reached."""

    percent: int
    reached: bool


def progress(metric: Metric) -> Progress | None:
    """The progress of a figure with a target, or None without one.

    With a baseline, the share of the way from baseline to target covered (either direction: a
    lower-is-better figure moves down). Without one, the value against the target: ``value /
    target`` when higher is better, ``target / value`` when lower is."""
    target, value, baseline = metric.target, metric.value, metric.baseline
    if target is None:
        return None
    lower = metric.better == "lower"
    reached = value <= target if lower else value >= target
    if reached:
        return Progress(100, True)
    if baseline is not None and baseline != target:
        share = (value - baseline) / (target - baseline)
    elif lower:
        share = target / value if value > 0 else 1.0
    else:
        share = value / target if target > 0 else 0.0
    return Progress(max(0, min(99, int(share * 100))), False)
