"""The demo's metrics are the notice's own figures: at least five problems carry them, and every
value, baseline and target is written in that problem's part of the notice (none invented)."""

from __future__ import annotations

import re

from support.builds import DEMO_ID, ROOT, SEED
from support.content import BUILD_DATE

from mkdocs_rectify.loader import load_content
from mkdocs_rectify.locale import Locale


def sections() -> dict[int, str]:
    """Each problem's part of the notice (问题表现N up to the next), by number."""
    text = SEED.read_text("utf-8")
    starts = [(int(m.group(1)), m.start()) for m in re.finditer(r"问题表现(\d+)", text)]
    ends = [start for _, start in starts[1:]] + [len(text)]
    return {number: text[start:end] for (number, start), end in zip(starts, ends, strict=True)}


def test_the_demo_carries_the_notices_figures_and_no_other() -> None:
    report = load_content(ROOT / "content", build_date=BUILD_DATE).site.reports[0]
    assert report.id == DEMO_ID
    with_metrics = [problem for problem in report.problems if problem.metrics]
    assert len(with_metrics) >= 5
    names = {metric.name for problem in with_metrics for metric in problem.metrics}
    assert {"全程网办率", "即办件占比", "平均跑动次数", "无纸化招投标占比"} <= names
    number = Locale("zh-CN").number
    notice = sections()
    for problem in with_metrics:
        for metric in problem.metrics:
            for figure in (metric.value, metric.baseline, metric.target):
                if figure is not None:
                    assert number(figure) in notice[problem.number], (problem.number, metric.name, figure)
    every = [metric for problem in with_metrics for metric in problem.metrics]
    lower = {metric.name for metric in every if metric.better == "lower"}
    assert lower == {"平均跑动次数", "超期办件（2021年市本级）"}
    runs = next(m for m in report.problems[0].metrics if m.name == "平均跑动次数")
    assert (runs.value, runs.target, runs.baseline) == (0.18, 0.03, None)
