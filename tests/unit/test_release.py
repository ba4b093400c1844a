"""Releases: a SemVer version, named alike in pyproject.toml and CHANGELOG.md (Keep a Changelog)."""

from __future__ import annotations

import re

from support.docs import ROOT, version

SECTIONS = {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


def test_the_version_is_semver_before_1_0() -> None:
    assert re.fullmatch(r"0\.\d+\.\d+", version())


def test_the_changelog_starts_with_this_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text("utf-8")
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\]", text, re.MULTILINE)
    assert releases and releases[0] == version()
    assert releases == sorted(releases, key=lambda v: tuple(map(int, v.split("."))), reverse=True)
    assert set(re.findall(r"^### (.+)$", text, re.MULTILINE)) <= SECTIONS
    assert "constraints.txt" in text
