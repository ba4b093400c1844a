"""axe-core run in the page under test: the rules the site is held to, and what it finds."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
"""The axe tags of WCAG 2.2 level AA (with the A and AA criteria of 2.0 and 2.1)."""
RULES = [*WCAG_AA, "best-practice"]
"""What an axe run checks unless told otherwise: WCAG 2.2 AA and axe's best practices (roles each
element allows, unique landmark names, one main, content inside landmarks …), as a Lighthouse audit does."""

AXE = Axe()


def violations(page: Any, *, tags: list[str] | None = None, rules: list[str] | None = None) -> list[str]:
    """What axe finds on ``page``, one line per element: the rules of :data:`RULES`, or only ``tags``
    or ``rules``."""
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": tags or RULES}
    result = AXE.run(page, options={"runOnly": only, "resultTypes": ["violations"]})
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary'][:160]}"
        for v in result.response["violations"]
        for node in v["nodes"]
    ]
