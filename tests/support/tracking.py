"""The 示例 site of tracking (tests/fixtures/sites/tracking-example), built on a fixed build date."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

from support.builds import FIXTURES, Build, build_site

EXAMPLE = FIXTURES / "sites" / "tracking-example"
"""Every status, overdue problems, moved deadlines, corrections, a renamed report, a renumbered
problem, a withdrawn problem and a withdrawn report; all of it labelled 示例."""

EXAMPLE_DATE = dt.date(2024, 12, 1)
"""The build date the example is built on (China Standard Time)."""
EXAMPLE_EPOCH = "1733054400"
"""``SOURCE_DATE_EPOCH`` for noon UTC of :data:`EXAMPLE_DATE`, 20:00 in China."""


def build_example(project: Path, *args: str, config: str | None = None, epoch: str = EXAMPLE_EPOCH) -> Build:
    """Copy the example into ``project`` (with ``config`` as its mkdocs.yml if given) and build it."""
    shutil.copytree(EXAMPLE, project)
    if config is not None:
        (project / "mkdocs.yml").write_text(config, "utf-8")
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        return build_site(project, *args)
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def text_of(html: str) -> str:
    """The text of some HTML with its tags removed and white space collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
