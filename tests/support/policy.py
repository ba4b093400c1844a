"""The Content-Security-Policy that `mkdocs-rectify csp` prints for a built site, and a site whose
own template adds inline scripts."""

from __future__ import annotations

from pathlib import Path

from support.builds import MINIMAL_CONFIG, REPORT_YML, problem_file
from support.cli import Run, rectify

HEADER = "Content-Security-Policy"
DIRECTIVES = [
    "default-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
]


def csp(site: Path, *args: str) -> Run:
    return rectify("csp", str(site), *args)


def policy_of(site: Path) -> str:
    result = csp(site)
    assert result.returncode == 0, result.stderr
    name, _, value = result.stdout.strip().partition(": ")
    assert name == HEADER
    return value


CUSTOM_MAIN = """\
{% extends "base.html" %}
{% block extrahead %}
<script>document.documentElement.setAttribute("data-custom", "{{ page.url | length }}")</script>
<script type="application/json" id="site-data">{"a": 1}</script>
{% endblock %}
"""


CUSTOM_FILES = {
    "mkdocs.yml": MINIMAL_CONFIG.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"),
    "overrides/main.html": CUSTOM_MAIN,
    "docs/guide.md": "# 指南\n\n正文。\n",
    "content/r-2024/report.yml": REPORT_YML,
    "content/r-2024/01.md": problem_file(1, "甲"),
}
"""A site whose own template adds inline scripts (and a JSON data block, which is not run)."""
