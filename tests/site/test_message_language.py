"""Build and command-line messages speak the site's language: the locale option, --lang, the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.builds import MINIMAL_CONFIG, REPORT_YML, build_site, problem_file, write_tree

from mkdocs_rectify.locale import language_from_environment

BROKEN = {
    "content/r-2024/report.yml": REPORT_YML,
    "content/r-2024/01.md": problem_file(1, "标题", status="done"),
}
VALID = {"content/r-2024/report.yml": REPORT_YML, "content/r-2024/01.md": problem_file(1, "标题")}


def validate(folder: Path, *args: str, lang: str | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    if lang:
        environment["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_rectify", *args, "validate", str(folder / "content")],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("environment", "code"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh-CN"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh-CN"),
        ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_the_environments_language(environment: dict, code: str) -> None:
    assert language_from_environment(environment) == code


def test_validate_speaks_the_environments_language(tmp_path: Path) -> None:
    write_tree(tmp_path, BROKEN)
    chinese = validate(tmp_path, lang="zh_CN.UTF-8")
    assert chinese.returncode == 1 and "内容中有 1 处错误，未发布任何内容：" in chinese.stderr
    english = validate(tmp_path, lang="C")
    assert english.returncode == 1 and "1 error in the content; nothing was published:" in english.stderr


def test_lang_wins_over_the_environment(tmp_path: Path) -> None:
    write_tree(tmp_path, VALID)
    result = validate(tmp_path, "--lang", "zh-CN", lang="en_US.UTF-8")
    assert result.returncode == 0 and "1 份通报，1 个问题，检查通过。" in result.stdout
    result = validate(tmp_path, "--lang", "en", lang="zh_CN.UTF-8")
    assert "1 report(s), 1 problem(s), valid." in result.stdout


def test_a_build_speaks_the_sites_locale(make_site) -> None:
    chinese = build_site(make_site(BROKEN))
    assert chinese.returncode != 0 and "内容中有 1 处错误，未发布任何内容：" in chinese.output
    english = build_site(make_site(BROKEN, config=MINIMAL_CONFIG.replace("language: zh", "language: en")))
    assert english.returncode != 0 and "1 error in the content; nothing was published:" in english.output
