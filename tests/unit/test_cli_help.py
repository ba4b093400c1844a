"""``mkdocs-rectify --help`` and each command's help in the language of ``--lang``, else the environment's."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator

import click
import pytest
from click.testing import CliRunner

from mkdocs_rectify.cli import main
from mkdocs_rectify.cli_help import wrap
from mkdocs_rectify.locale import Locale

CHINESE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
ENGLISH = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def shown(*args: str, env: dict[str, str] = ENGLISH) -> str:
    result = CliRunner(env=env).invoke(main, list(args), prog_name="mkdocs-rectify", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def flat(text: str) -> str:
    """The help with its wrapping undone, so that a phrase is found whatever the terminal's width."""
    return re.sub(r"\s+", "", text)


def test_the_groups_help_in_chinese_from_the_environment() -> None:
    text = shown("--help", env=CHINESE)
    assert "用 MkDocs 发布巡察整改情况通报" in text
    assert "提示信息和本帮助的语言" in flat(text)  # --lang
    assert "检查" in text and "导入" in text  # the commands' short help
    assert "用法：mkdocs-rectify" in text and "选项:" in text and "命令:" in text
    assert "Publish" not in text and "Language of" not in text and "Usage:" not in text


def test_the_groups_help_in_english_from_the_environment() -> None:
    text = shown("--help", env=ENGLISH)
    assert "Publish inspection-rectification disclosure reports" in text
    assert "Language of the messages" in text
    assert "Check every report and problem file" in text
    assert "Usage: mkdocs-rectify" in text and "Options:" in text and "Commands:" in text
    assert not re.search("[\u4e00-\u9fff]", text.replace("巡察整改情况通报", ""))


ZH_VALIDATE = [("--lang", "zh-CN", "validate", "--help"), ("--lang=zh-CN", "validate", "-h")]


@pytest.mark.parametrize("args", ZH_VALIDATE)
def test_lang_before_help_wins_over_the_environment(args: tuple[str, ...]) -> None:
    text = flat(shown(*args, env=ENGLISH))
    assert "检查CONTENT_DIR中的每个报告文件和问题文件" in text
    assert "把警告当作错误" in text  # --strict
    assert "显示本帮助并退出" in text
    assert "Check every" not in text and "Treat warnings" not in text


def test_validate_help_in_english_under_lang_en_in_a_chinese_environment() -> None:
    text = shown("--lang", "en", "validate", "--help", env=CHINESE)
    assert "Check every report and problem file in CONTENT_DIR" in text
    assert "Treat warnings as errors" in text
    assert "Show this message and exit." in text
    assert not re.search("[\u4e00-\u9fff]", text)


def test_the_import_help_in_chinese_from_the_environment_and_from_its_own_lang() -> None:
    for text in (shown("import", "--help", env=CHINESE), shown("import", "--lang", "zh-CN", "-h")):
        text = flat(text)
        assert "从SOURCE导入一份已发布的通报" in text
        assert "替换已有的报告文件夹" in text  # --force
        assert "成文/发布日期" in text  # --published
        assert "--published" in text and "YYYY-MM-DD" in text and "[default:content]" in text
        assert "Import a published notice" not in text and "Replace an existing" not in text


def test_the_import_help_in_english() -> None:
    text = shown("import", "--help", env=CHINESE | {"LC_ALL": "en_US.UTF-8"})
    assert "Import a published notice from SOURCE" in text
    assert "Replace an existing report folder." in text
    assert "Usage: mkdocs-rectify import [OPTIONS] SOURCE" in text


def commands(group: click.Group) -> Iterator[tuple[str, click.Command]]:
    yield "", group
    yield from group.commands.items()


@pytest.mark.parametrize("code", ["zh-CN", "en"])
def test_every_help_text_comes_from_the_locale(code: str) -> None:
    """Each command's help and each option's, in either language, is its ``cli_help`` entry."""
    locale = Locale(code)
    for name, command in commands(main):
        text = flat(shown(*(["--lang", code] + ([name] if name else [])), "--help"))
        assert flat(locale.t(f"cli_help.{command.help_key}.help")) in text, name  # type: ignore[attr-defined]
        for parameter in command.params:
            key = getattr(parameter, "help_key", None)
            if isinstance(parameter, click.Option):
                assert key is not None, (name, parameter.name)
                assert flat(locale.t(f"cli_help.{key}")) in text, (name, key)


def test_a_usage_error_is_unchanged() -> None:
    result = CliRunner(env=CHINESE).invoke(main, ["validate", "--no-such"], prog_name="mkdocs-rectify")
    assert result.exit_code == 2
    assert "Usage: mkdocs-rectify validate [OPTIONS] [CONTENT_DIR]" in result.output
    assert "Error: No such option '--no-such'." in result.output


def test_lang_after_help_is_not_read() -> None:
    text = shown("import", "--help", "--lang", "zh-CN", env=ENGLISH)
    assert "Import a published notice from SOURCE" in text


def test_an_unknown_lang_before_help_leaves_the_environments() -> None:
    text = shown("import", "--lang", "fr", "--help", env=CHINESE)
    assert "从SOURCE导入一份已发布的通报" in flat(text)


def test_the_installed_command_reads_its_own_arguments_and_environment() -> None:
    environment = {**os.environ, **CHINESE, "NO_MKDOCS_2_WARNING": "1"}
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "mkdocs_rectify", *args], capture_output=True, text=True, env=environment
    )
    chinese, english = run("import", "--help"), run("--lang", "en", "import", "--help")
    assert chinese.returncode == english.returncode == 0, chinese.stderr + english.stderr
    assert "用法：" in chinese.stdout and "替换已有的报告文件夹。" in chinese.stdout
    assert "Usage:" in english.stdout and "Replace an existing report folder." in english.stdout


def cells(line: str) -> int:
    """Terminal columns: two for each wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in line)


@pytest.mark.parametrize("args", [("--help",), ("import", "--help"), ("csp", "--help"), ("verify", "--help")])
def test_the_chinese_help_fits_the_terminals_width(args: tuple[str, ...]) -> None:
    """Chinese is wrapped by the columns it takes, between characters, never before a closing mark."""
    text = shown(*args, env=CHINESE | {"COLUMNS": "80"})
    lines = text.splitlines()
    assert [line for line in lines if cells(line) > 80] == []
    assert [line for line in lines if line.strip()[:1] in tuple("，。；：、）”")] == []
    assert "--published YYYY-MM-DD" in text or args != ("import", "--help")
    assert "'unsafe-inline'" in text or args != ("csp", "--help")


def test_chinese_is_wrapped_between_characters_and_latin_words_whole() -> None:
    assert wrap("检查 CONTENT_DIR 中的每个文件。", 12) == ["检查", "CONTENT_DIR", "中的每个文", "件。"]
    assert wrap("（全部）识别", 6) == ["（全", "部）识", "别"]


@pytest.mark.parametrize(
    ("lang", "option", "said"),
    [
        ("zh-CN", ["--published", "2022-13-40"], "“2022-13-40”不是日期，请按 YYYY-MM-DD 格式填写"),
        ("en", ["--published", "2022-13-40"], "'2022-13-40' is not a date; write it as YYYY-MM-DD"),
        ("zh-CN", ["--title", " "], "不能为空"),
        ("en", ["--title", " "], "must not be empty"),
    ],
)
def test_the_import_options_values_are_refused_in_the_chosen_language(
    lang: str, option: list[str], said: str
) -> None:
    result = CliRunner().invoke(main, ["--lang", lang, "import", "notice.txt", *option])
    assert result.exit_code == 2 and said in result.output, result.output
