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


BROKEN_EVERY_WAY = {
    "content/r-2024/report.yml": REPORT_YML + "issuedby: 某单位\n",
    "content/r-2024/01.md": "---\nnumber: 1\nstatus: completed\n---\n正文\n",
    "content/r-2024/02.md": "---\nnumber: two\ntitle: 乙\nstatus: completed\n---\n正文\n",
    "content/r-2024/03.md": "---\nnumber: 3\ntitle: 丙\nstatus: completed\ndeadline: 2024年5月\n---\n正文\n",
    "content/r-2024/04.md": (
        "---\nnumber: 4\ntitle: 丁\nstatus: in_progress\nhistory:\n  - date: 2024-05-07\n"
        "    status: completed\n---\n正文\n"
    ),
    "content/r-2024/05.md": "---\nnumber: 5\ntitle: 戊\nstatus: completed\nunits: [a\n---\n正文\n",
    "content/r-2024/06.MD": problem_file(6, "己"),
    "content/R 2025/report.yml": REPORT_YML,
    "content/R 2025/01.md": problem_file(1, "庚"),
}
"""A site with one error of each kind: a missing field, a wrong type, a bad date, a status that its
history contradicts, a YAML syntax error, an unknown field, and files and folders wrongly named."""
CHINESE = [
    "内容中有 8 处错误，未发布任何内容：",
    "文件 content/r-2024/01.md 第 2 行，字段 title：缺少必填字段",
    "文件 content/r-2024/02.md 第 2 行，字段 number：“two”不是整数",
    "文件 content/r-2024/03.md 第 5 行，字段 deadline：“2024年5月”不是日期，请按 YYYY-MM-DD 格式填写",
    "文件 content/r-2024/04.md 第 5 行，字段 history：最近一条记录（2024-05-07）的状态为 completed，"
    "但 status 为 in_progress，两者应一致",
    "文件 content/r-2024/05.md 第 6 行：YAML 格式错误：",
    "文件 content/r-2024/06.MD：问题文件的扩展名应为小写的 .md，请改名为 06.md",
    "文件 content/r-2024/report.yml 第 4 行，字段 issuedby：无此字段（是否应为“issuer”？）；"
    "可用的字段：draft、title、",
    "文件夹 content/R 2025：文件夹名“R 2025”不能作为通报编号：只能使用小写字母 a-z、数字和连字符",
]
ENGLISH = [
    "8 errors in the content; nothing was published:",
    "content/r-2024/01.md:2: title: required field is missing",
    "content/r-2024/02.md:2: number: 'two' is not a whole number",
    "content/r-2024/03.md:5: deadline: '2024年5月' is not a date; write it as YYYY-MM-DD",
    "content/r-2024/04.md:5: history: the latest entry (2024-05-07) is completed but status is in_progress; "
    "make them agree",
    "content/r-2024/05.md:6: YAML syntax error: ",
    "content/r-2024/06.MD: problem files end in .md (lower case): rename it 06.md",
    "content/r-2024/report.yml:4: issuedby: unknown field (did you mean 'issuer'?); "
    "allowed fields: draft, title, ",
    "content/R 2025: folder name 'R 2025' cannot be a report id: "
    "use lower-case letters a-z, digits and hyphens",
]


def test_every_kind_of_error_speaks_the_sites_language(make_site) -> None:
    chinese = build_site(make_site(BROKEN_EVERY_WAY))
    assert chinese.returncode != 0
    assert [line for line in CHINESE if line not in chinese.output] == [], chinese.output
    assert not any(line in chinese.output for line in ENGLISH[1:])
    config = MINIMAL_CONFIG.replace("  - rectify:\n", "  - rectify:\n      locale: en\n")
    english = build_site(make_site(BROKEN_EVERY_WAY, config=config))
    assert english.returncode != 0
    assert [line for line in ENGLISH if line not in english.output] == [], english.output


def test_validate_lang_says_every_kind_of_error_in_it(tmp_path: Path) -> None:
    write_tree(tmp_path, BROKEN_EVERY_WAY)
    chinese = validate(tmp_path, "--lang", "zh-CN", lang="en_US.UTF-8")
    assert chinese.returncode == 1
    shown = lambda lines: [line.replace("content/", f"{tmp_path}/content/", 1) for line in lines]  # noqa: E731
    assert [line for line in shown(CHINESE[1:]) if line not in chinese.stderr] == [], chinese.stderr
    english = validate(tmp_path, "--lang", "en", lang="zh_CN.UTF-8")
    assert [line for line in shown(ENGLISH[1:]) if line not in english.stderr] == [], english.stderr


def test_warnings_and_notes_speak_the_sites_language(make_site) -> None:
    files = {**VALID, "content/r-2024/notes.txt": "备忘", "content/_drafts/x.md": "草稿"}
    files["content/r-2024/01.md"] = problem_file(1, "标题", body="举报人手机13812345678")
    chinese = build_site(make_site(files))
    assert chinese.returncode == 0, chinese.output
    assert "文件 content/r-2024/notes.txt：已跳过：只读取 report.yml 和问题文件（*.md）" in chinese.output
    assert (
        "文件 content/r-2024/01.md 第 6 行：疑似手机号码（138*****678）：依照《政府信息公开条例》"
        in chinese.output
    )
    assert "文件夹 content/_drafts：未发布：名称以“.”或“_”开头的文件和文件夹不发布" in chinese.output
    config = MINIMAL_CONFIG.replace("  - rectify:\n", "  - rectify:\n      locale: en\n")
    english = build_site(make_site(files, config=config))
    assert "content/_drafts: left out: names starting with '.' or '_' are not published" in english.output
    assert (
        "content/r-2024/notes.txt: skipped: only report.yml and problem files (*.md) are read"
        in english.output
    )
    assert (
        "content/r-2024/01.md:6: looks like a mobile phone number (手机号码) (138*****678)" in english.output
    )


def test_the_sanitisers_warnings_speak_the_sites_language(make_site) -> None:
    files = {
        **VALID,
        "content/r-2024/01.md": problem_file(1, "标题", body="![图](https://example.com/a.png)"),
    }
    chinese = build_site(make_site(files))
    where = "文件 content/r-2024/01.md 的正文（问题表现）"
    assert (
        f'{where}：<img src="https://example.com/a.png"> 是其他网站上的文件，其地址已去掉' in chinese.output
    )
    config = MINIMAL_CONFIG.replace("  - rectify:\n", "  - rectify:\n      locale: en\n")
    english = build_site(make_site(files, config=config))
    where = "content/r-2024/01.md: statement"
    assert f'{where}: <img src="https://example.com/a.png"> is on another site' in english.output


def test_verify_speaks_the_language_lang_names(make_site) -> None:
    build = build_site(make_site(VALID))
    assert build.returncode == 0, build.output
    (build.site / "extra.js").write_text("x", "utf-8")
    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "mkdocs_rectify", *args], capture_output=True, text=True, env=environment
    )
    chinese = run("--lang", "zh-CN", "verify", str(build.site))
    assert chinese.returncode == 1
    assert (
        f"{build.site}：1 个文件与 data/manifest.json 不一致\n新增（1 个）：\n  extra.js\n" == chinese.stdout
    )
    english = run("verify", str(build.site))
    assert f"{build.site}: 1 file differs from data/manifest.json\nadded (1):\n  extra.js\n" == english.stdout


def test_the_options_errors_speak_the_sites_language(make_site) -> None:
    police = "      government: {police: 备案中}\n"
    config = MINIMAL_CONFIG.replace("  - rectify:\n", "  - rectify:\n" + police)
    chinese = build_site(make_site(VALID, config=config))
    assert chinese.returncode == 1 and "Traceback" not in chinese.output
    assert (
        "Sub-option 'police': “备案中”中没有备案编号（应如：琼公网安备 46010602000123号）" in chinese.output
    )
    english = build_site(make_site(VALID, config=config.replace("language: zh", "language: en")))
    assert (
        "Sub-option 'police': '备案中' holds no filing number (琼公网安备 46010602000123号)" in english.output
    )
    page_size = "  - rectify:\n      locale: en\n      browse: {page_size: 0}\n"
    english = build_site(make_site(VALID, config=MINIMAL_CONFIG.replace("  - rectify:\n", page_size)))
    assert "Sub-option 'page_size': 0 is not a whole number of at least 1" in english.output
    sanitize = "  - rectify:\n      sanitize: {tags: [script]}\n"
    chinese = build_site(make_site(VALID, config=MINIMAL_CONFIG.replace("  - rectify:\n", sanitize)))
    assert "Sub-option 'tags': 不能允许 <script>：它会运行脚本" in chinese.output


def test_the_builds_own_lines_speak_the_sites_language(make_site) -> None:
    config = MINIMAL_CONFIG.replace("  - rectify:\n", "  - rectify:\n      locale: en\n")
    english = build_site(make_site(VALID, config=config))
    assert english.returncode == 0, english.output
    for line in ("search index of ", "the site runs under this header: Content-Security-Policy: "):
        assert f"INFO    -  rectify: {line}" in english.output
    assert "data/manifest.json: the SHA-256 of " in english.output
    chinese = build_site(make_site(VALID))
    for line in ("已生成搜索索引，共 ", "本站运行时使用的响应头：Content-Security-Policy: "):
        assert f"INFO    -  rectify: {line}" in chinese.output
    assert "data/manifest.json：记录了 " in chinese.output and "search index of" not in chinese.output


def test_a_wrong_build_date_is_said_in_the_language_asked_for(tmp_path: Path, monkeypatch) -> None:
    write_tree(tmp_path, VALID)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    chinese = validate(tmp_path, "--lang", "zh-CN")
    assert chinese.returncode == 1
    assert "SOURCE_DATE_EPOCH 为“yesterday”；它应为自 1970-01-01（UTC）起的整秒数" in chinese.stderr
    english = validate(tmp_path, "--lang", "en")
    assert "SOURCE_DATE_EPOCH is 'yesterday'; it must be a whole number of seconds" in english.stderr


def test_verify_and_csp_say_what_is_missing_in_the_language_asked_for(tmp_path: Path) -> None:
    missing = tmp_path / "site"
    for command in ("verify", "csp"):
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs_rectify", "--lang", "zh-CN", command, str(missing)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 2 and result.stderr == f"错误：{missing}：文件夹不存在\n"
    missing.mkdir()
    (missing / "data").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_rectify", "--lang", "en", "verify", str(missing)],
        capture_output=True,
        text=True,
    )
    assert result.stderr.startswith(f"error: {missing / 'data/manifest.json'} is missing; the rectify plugin")
