"""The editors' guide is a site of its own, in Chinese and English; the disclosure site is for citizens."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support.builds import Build
from support.docs import GUIDE

LANGUAGES = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}


def nav_files(config: str) -> list[str]:
    text = (GUIDE / config).read_text("utf-8")
    return [next(iter(item.values())) for item in yaml.safe_load(text)["nav"]]


@pytest.fixture(scope="module")
def guide_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide built as its index page says: Chinese first, then English into it, both --strict."""
    copy = tmp_path_factory.mktemp("guide") / "guide"
    shutil.copytree(GUIDE, copy, ignore=shutil.ignore_patterns("site"))
    for config in LANGUAGES.values():
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(copy / config)],
            capture_output=True,
            text=True,
            timeout=180,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        assert result.returncode == 0, result.stdout + result.stderr
    return copy / "site"


GENERATED = ["reference/content.md", "reference/options.md"]  # by guide/hooks/reference.py


def test_both_languages_have_the_same_pages_all_in_the_nav() -> None:
    for language, config in LANGUAGES.items():
        pages = sorted(p.relative_to(GUIDE / language).as_posix() for p in (GUIDE / language).rglob("*.md"))
        assert sorted(nav_files(config)) == sorted([*pages, *GENERATED]), language
    assert nav_files("mkdocs.yml") == nav_files("mkdocs.en.yml")


def test_the_guide_builds_in_chinese_and_english(guide_site: Path) -> None:
    zh = (guide_site / "tutorial/index.html").read_text("utf-8")
    en = (guide_site / "en/tutorial/index.html").read_text("utf-8")
    assert '<html lang="zh"' in zh and "十分钟建站" in zh
    assert '<html lang="en"' in en and "A site in ten minutes" in en
    assert (guide_site / "en/glossary/index.html").exists() and (guide_site / "glossary/index.html").exists()


def test_the_references_are_generated_in_each_language(guide_site: Path) -> None:
    zh = (guide_site / "reference/content/index.html").read_text("utf-8")
    en = (guide_site / "en/reference/options/index.html").read_text("utf-8")
    assert "内容格式参考" in zh and "<code>completed_on</code>" in zh and "完成整改的日期" in zh
    assert "Configuration reference" in en and "<code>leave_site.allow</code>" in en


def test_the_disclosure_site_carries_no_editors_manual(demo_build: Build) -> None:
    site = demo_build.site
    assert not (site / "guide").exists()
    pages = {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}
    for path, html in pages.items():
        assert "使用指南" not in html, path
        assert not re.search(r"front-matter|mkdocs\.yml|mkdocs-rectify validate", html), path
    assert "关于本站" in pages["index.html"]  # the citizens' own page, in the navigation
