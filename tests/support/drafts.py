"""Draft reports for the tests of drafts (unit, site and browser)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from support.builds import REPORT_YML, problem_file

BARE_DRAFT = """\
draft: true
intro: 根据区委统一部署，区委第二巡察组对区文旅局党组开展了巡察。
unclassified:
  - 未能识别的一段通报原文。
"""
DRAFT_WITH_PROBLEM = """\
draft: true
title: 中共某县文旅局党组关于巡察整改情况的通报
source: 某县文旅局
"""
SUMMARY = (
    REPORT_YML
    + """\
intro: 区委第三轮巡察反馈问题312个，已完成整改300个。
declared:
  total: 312
  completed: 300
"""
)


def draft_site(make_site: Callable[..., Path]) -> Path:
    """A site with a bare draft, a draft with a problem and a finished report."""
    return make_site(
        {
            "content/qwwlj-2025/report.yml": BARE_DRAFT,
            "content/mxwlj-2025/report.yml": DRAFT_WITH_PROBLEM,
            "content/mxwlj-2025/01.md": problem_file(1, "理论学习不深入"),
            "content/done-2024/report.yml": REPORT_YML,
            "content/done-2024/01.md": problem_file(1, "已核对的问题"),
        }
    )
