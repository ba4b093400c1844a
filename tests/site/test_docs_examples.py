"""Every front-matter and mkdocs.yml example of the README and the guide is validated or built.

The examples are the fenced blocks marked with an HTML comment (see ``support.docs``); a ``yaml``
or ``markdown`` block without a mark fails here, so that a new example cannot go untested.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from support.builds import MINIMAL_CONFIG, REPORT_YML, Build, build_site, problem_file, write_tree
from support.cli import rectify_process
from support.docs import GUIDE, ROOT, Block, blocks, documents

from mkdocs_rectify import csp
from mkdocs_rectify.loader import load_content

KINDS = {
    *("front-matter", "front-matter part", "report", "mkdocs.yml", "mkdocs.yml part", "plugin"),
    *("validate", "none"),
}
MINIMAL_PROBLEM = {"number": 1, "title": "示例问题", "status": "completed"}


def examples(kind: str) -> list[Block]:
    found = [b for path in documents() for b in blocks(path) if b.kind == "example"]
    return [b for b in found if " ".join(b.words) == kind]


def ids(found: list[Block]) -> list[str]:
    return [b.where() for b in found]


def test_every_yaml_and_markdown_block_is_a_marked_example() -> None:
    found = [b for path in documents() for b in blocks(path)]
    unmarked = [b.where() for b in found if b.language in ("yaml", "markdown") and not b.kind]
    assert unmarked == [], "mark these blocks with <!-- example: … --> (see tests/support/docs.py)"
    marks = {" ".join(b.words) for path in documents() for b in blocks(path) if b.kind == "example"}
    assert marks <= KINDS, marks - KINDS


def test_the_documents_are_found() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in documents()}
    assert {"README.md", "guide/zh/content.md", "guide/en/content.md"} <= names
    assert len(examples("front-matter")) >= 3 and len(examples("plugin")) >= 6


def _report_folder(tmp_path: Path, problem: str, report: str = REPORT_YML) -> Path:
    content = tmp_path / "content"
    write_tree(content, {"r-2024/report.yml": report, "r-2024/01.md": problem})
    return content


def _front_matter(body: str) -> dict:
    assert body.startswith("---\n"), "a problem file starts with ---"
    return yaml.safe_load(body.split("---\n")[1])


@pytest.mark.parametrize("block", examples("front-matter"), ids=ids(examples("front-matter")))
def test_front_matter_examples_are_valid(block: Block, tmp_path: Path) -> None:
    body = block.body if block.language == "markdown" else f"---\n{block.body}---\n问题表现。\n"
    number = _front_matter(body)["number"]
    loaded = load_content(_report_folder(tmp_path, body))
    assert [p.number for p in loaded.site.reports[0].problems] == [number]


@pytest.mark.parametrize("block", examples("front-matter part"), ids=ids(examples("front-matter part")))
def test_front_matter_parts_are_valid_in_a_problem(block: Block, tmp_path: Path) -> None:
    part = yaml.safe_load(block.body)
    text = yaml.safe_dump({**MINIMAL_PROBLEM, **part}, allow_unicode=True)
    load_content(_report_folder(tmp_path, f"---\n{text}---\n问题表现。\n"))


@pytest.mark.parametrize("block", examples("report"), ids=ids(examples("report")))
def test_report_examples_are_valid(block: Block, tmp_path: Path) -> None:
    load_content(_report_folder(tmp_path, problem_file(1, "示例问题"), block.body))


def _checked_config(config: dict, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """MkDocs reads ``config`` as mkdocs.yml and checks every option, the plugin's included."""
    project = tmp_path / "project"
    (project / "docs/assets").mkdir(parents=True)
    (project / "docs/assets/site.css").write_text("", "utf-8")
    (project / "overrides").mkdir()
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    with caplog.at_level(logging.WARNING):
        load_config(str(project / "mkdocs.yml"))
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def _with_plugin_options(config: dict, options: dict) -> dict:
    return {**config, "plugins": [{"rectify": options}]}


@pytest.mark.parametrize("block", examples("plugin"), ids=ids(examples("plugin")))
def test_plugin_examples_are_valid_options(block: Block, tmp_path: Path, caplog) -> None:
    example = yaml.safe_load(block.body)
    assert set(example) == {"plugins"}, "a plugin example is plugins: - rectify: {…}"
    ((name, options),) = example["plugins"][0].items()
    assert name == "rectify"
    _checked_config(_with_plugin_options(yaml.safe_load(MINIMAL_CONFIG), options), tmp_path, caplog)


@pytest.mark.parametrize("block", examples("mkdocs.yml part"), ids=ids(examples("mkdocs.yml part")))
def test_mkdocs_yml_parts_are_valid_options(block: Block, tmp_path: Path, caplog) -> None:
    _checked_config({**yaml.safe_load(MINIMAL_CONFIG), **yaml.safe_load(block.body)}, tmp_path, caplog)


@pytest.mark.parametrize("block", examples("mkdocs.yml"), ids=ids(examples("mkdocs.yml")))
def test_mkdocs_yml_examples_build_a_site(block: Block, make_site) -> None:
    content = {"content/r-2024/report.yml": REPORT_YML, "content/r-2024/01.md": problem_file(1, "示例问题")}
    build = build_site(make_site(content, config=block.body))
    assert build.returncode == 0, build.output
    assert "示例问题" in build.html("r-2024/1/")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_nginx_example_sends_the_policy_the_csp_command_prints(language: str, demo_build: Build) -> None:
    (nginx,) = [b for b in blocks(GUIDE / language / "publishing.md") if b.language == "nginx"]
    line = re.search(r"^\s*add_header Content-Security-Policy .*$", nginx.body, re.MULTILINE)
    assert line, "the nginx example sends a Content-Security-Policy"
    policy = csp.site_policy(demo_build.site)
    assert line.group(0).strip() == f'add_header {csp.HEADER} "{policy.header()}" always;'


def test_the_messages_shown_are_those_validate_prints(tmp_path: Path) -> None:
    """A ``text`` block marked ``validate`` shows ``$ mkdocs-rectify …`` commands run on the demo
    content with ``status: done`` in hkszwglj-2022/03.md, each followed by what the command prints."""
    found = examples("validate")
    assert found, "the README shows what validate prints"
    shutil.copytree(ROOT / "content", tmp_path / "content")
    problem = tmp_path / "content/hkszwglj-2022/03.md"
    problem.write_text(problem.read_text("utf-8").replace("status: completed", "status: done", 1), "utf-8")
    for block in found:
        shown = re.split(r"^\$ ", block.body, flags=re.MULTILINE)[1:]
        assert shown, f"{block.where()}: no $ command"
        for step in shown:
            command, _, expected = step.partition("\n")
            args = command.split()
            assert args[0] == "mkdocs-rectify", command
            result = rectify_process(*args[1:], cwd=tmp_path)
            assert result.stdout + result.stderr == expected, f"{block.where()}: {command}"
