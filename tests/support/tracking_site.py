"""A fixture site of two reports whose problems have every status, overdue ones, moved deadlines,
history, corrections, several units (two that read alike) and figures; built on a pinned day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from support.builds import MINIMAL_CONFIG, Build, build_site, write_tree

BUILD_DAY = dt.date(2025, 1, 1)
SOURCE_DATE_EPOCH = "1735700000"
"""2025-01-01 03:33 UTC, 11:33 in China Standard Time: the build date is 2025-01-01."""

NEW, OLD = "jc-2024", "jc-2023"

PLUGIN = """\
plugins:
  - rectify:
      search: false
      browse:
        page_size: 2
        latest_reports: 1
"""
CONFIG = MINIMAL_CONFIG.replace("plugins:\n  - rectify:\n", PLUGIN)
"""No search index (faster); two problems a browsing page, so that lists are paged; one report on
the overview."""


def _problem(front: str, body: str = "问题表现。") -> str:
    return f"---\n{front.strip()}\n---\n{body}\n"


FILES = {
    f"content/{NEW}/report.yml": """\
        title: 示例单位关于2024年巡察整改情况的通报
        issuer: 示例单位党组
        published: 2024-05-06
        """,
    f"content/{NEW}/01.md": _problem(
        """
number: 1
title: 已完成的问题
status: completed
units: [示例市政务服务中心]
deadline: 2024-06-30
completed_on: 2024-06-01
history:
  - {date: 2024-06-01, status: completed, note: 验收合格}
"""
    ),
    f"content/{NEW}/02.md": _problem(
        """
number: 2
title: 逾期的问题
status: in_progress
units: [示例市市政局, 示例市政务服务中心]
deadline: 2024-06-30
history:
  - {date: 2024-05-20, status: in_progress}
  - {date: 2024-06-25, deadline: 2024-10-31, reason: 系统改造需要招标}
  - {date: 2024-07-02, correction: 原文“三个窗口”应为“五个窗口”}
"""
    ),
    f"content/{NEW}/03.md": _problem(
        """
number: 3
title: 持续整改的问题
status: ongoing
units: [示例市市正局]
deadline: 2024-06-30
"""
    ),
    f"content/{NEW}/04.md": _problem(
        """
number: 4
title: 未完成但未到期的问题
status: not_done
units: [示例市市政局]
deadline: 2025-12-31
metrics:
  - {name: 全程网办率, unit: "%", baseline: 60, value: 82.29, target: 95}
  - {name: 平均跑动次数, unit: 次, value: 0.3, target: 0.5, better: lower}
  - {name: 即办件占比, unit: "%", value: 40}
"""
    ),
    f"content/{NEW}/05.md": _problem(
        """
number: 5
title: 没有时限的问题
status: in_progress
"""
    ),
    f"content/{OLD}/report.yml": """\
        title: 示例单位关于2023年巡察整改情况的通报
        issuer: 示例单位党组
        published: 2023-03-01
        declared: {total: 2, completed: 1}
        """,
    f"content/{OLD}/01.md": _problem(
        """
number: 1
title: 去年的已完成问题
status: completed
completed_on: 2023-05-01
units: [示例市政务服务中心]
"""
    ),
    f"content/{OLD}/02.md": _problem(
        """
number: 2
title: 去年逾期未完成的问题
status: not_done
deadline: 2023-12-31
units: [示例市政务服务中心]
"""
    ),
}


def build_tracking_site(root: Path, config: str = CONFIG) -> Build:
    """Build the fixture site in ``root`` with --strict, on :data:`BUILD_DAY`."""
    project = root / "project"
    (project / "docs").mkdir(parents=True)
    write_tree(project, {"mkdocs.yml": config, **FILES})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        built = build_site(project, "--strict")
    assert built.returncode == 0, built.output
    return built
