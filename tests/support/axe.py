"""axe-core in Chromium: the one list of rules every accessibility test runs, and its findings as text."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
"""The rules of WCAG 2.2 AA."""
RULES = [*WCAG_AA, "best-practice"]
"""What every axe run of the suite checks: WCAG 2.2 AA and axe's best practices (unique landmark names,
roles each element allows, one main, content inside landmarks …), as a Lighthouse audit does."""

_AXE = Axe()


def violations(page: Any, *, tags: list[str] | None = None, rules: list[str] | None = None) -> list[str]:
    """axe's violations on ``page``, one line per element: rule, impact, element and what fails.

    By default the rules of :data:`RULES`; ``tags`` or ``rules`` (rule ids) choose others."""
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": tags or RULES}
    result = _AXE.run(page, options={"runOnly": only, "resultTypes": ["violations"]})
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary'][:160]}"
        for v in result.response["violations"]
        for node in v["nodes"]
    ]
