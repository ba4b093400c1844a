"""Every entry of the content folder is read, refused or reported: nothing is skipped in silence."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.builds import MINIMAL_CONFIG, REPORT_YML, build_site, problem_file, run_mkdocs, write_tree
from support.cli import Run, rectify, rectify_process
from support.content import load

from mkdocs_rectify.pages import RESERVED_IDS

VALID = {"r-2024/report.yml": REPORT_YML, "r-2024/01.md": problem_file(1, "甲")}


def validate(content: Path, *args: str) -> Run:
    return rectify("validate", str(content), *args)


def test_a_folder_name_ending_in_a_newline_is_not_a_report_id(tmp_path: Path) -> None:
    write_tree(tmp_path, {"r-2024\n/report.yml": REPORT_YML, "r-2024\n/01.md": problem_file(1, "甲")})
    [error] = load(tmp_path).errors
    assert r"r-2024\n: folder name 'r-2024\n' cannot be a report id" in error


@pytest.mark.parametrize("name", ["01.md", "report.yml"])
def test_a_named_pipe_is_refused_without_being_opened(tmp_path: Path, name: str) -> None:
    write_tree(tmp_path, VALID)
    (tmp_path / "r-2024" / name).unlink()
    os.mkfifo(tmp_path / "r-2024" / name)
    result = rectify_process("validate", str(tmp_path), timeout=30)  # a process: opening it would block
    assert result.returncode == 1, result.stdout
    assert f"r-2024/{name}: is a named pipe (FIFO), not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_named_pipe_stops_the_build_instead_of_blocking_it(make_site) -> None:
    project = make_site({f"content/{name}": text for name, text in VALID.items()})
    os.mkfifo(project / "content/r-2024/02.md")
    build = run_mkdocs(project, timeout=60)
    assert build.returncode == 1
    assert "文件 content/r-2024/02.md：是命名管道（FIFO），不是普通文件" in build.output  # a Chinese site


def test_a_folder_named_like_a_problem_file_is_refused(tmp_path: Path) -> None:
    write_tree(tmp_path, {**VALID, "r-2024/02.md/x.txt": "x"})
    [error] = load(tmp_path).errors
    assert error.endswith("r-2024/02.md: is a folder, not a regular file")


def test_other_special_files_are_reported_and_never_read(tmp_path: Path) -> None:
    write_tree(tmp_path, VALID)
    os.mkfifo(tmp_path / "r-2024" / "notes")
    os.mkfifo(tmp_path / "pipe")
    outcome = load(tmp_path)
    assert not outcome.errors
    assert any("r-2024/notes: skipped: a named pipe (FIFO)" in w for w in outcome.warnings), outcome.warnings
    assert any("pipe: skipped: a named pipe (FIFO), not a report folder" in w for w in outcome.warnings)


def test_problem_files_end_in_md(tmp_path: Path) -> None:
    write_tree(tmp_path, {**VALID, "r-2024/02.MD": problem_file(2, "乙"), "r-2024/03.markdown": "丙"})
    errors = load(tmp_path).errors
    assert len(errors) == 2, errors
    rule = "problem files end in .md (lower case)"
    assert any(f"r-2024/02.MD: {rule}: rename it 02.md" in e for e in errors)
    assert any(f"r-2024/03.markdown: {rule}: rename it 03.md" in e for e in errors)


def test_skipped_entries_are_warnings_and_drafts_are_notes(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            **VALID,
            "r-2024/notes.txt": "备忘\n",
            "r-2024/images/a.png": "png",
            "r-2024/.DS_Store": "x",
            "r-2024/_04.md": problem_file(4, "草稿"),
            "README.md": "说明\n",
            ".x/report.yml": REPORT_YML,
            "_draft/report.yml": REPORT_YML,
            "..r1/report.yml": REPORT_YML,
        },
    )
    outcome = load(tmp_path)
    assert not outcome.errors
    warnings = "\n".join(outcome.warnings)
    assert "r-2024/notes.txt: skipped: only report.yml and problem files (*.md) are read" in warnings
    assert "r-2024/images: skipped: sub-folders are not read; problem files go in the report" in warnings
    assert "README.md: skipped: not a report folder" in warnings
    assert len(outcome.warnings) == 3, outcome.warnings
    notes = "\n".join(outcome.notes)
    for name in (".x", "_draft", "..r1", "r-2024/.DS_Store", "r-2024/_04.md"):
        assert f"{name}: left out: names starting with '.' or '_' are not published" in notes, notes
    assert len(outcome.notes) == 5, outcome.notes


def test_validate_prints_warnings_and_notes_and_stays_valid(tmp_path: Path) -> None:
    write_tree(tmp_path, {**VALID, "r-2024/notes.txt": "备忘\n", "_draft/report.yml": REPORT_YML})
    result = validate(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "warning: " in result.stderr and "notes.txt: skipped" in result.stderr
    assert "note: " in result.stderr and "_draft: left out" in result.stderr


@pytest.mark.parametrize("name", sorted(RESERVED_IDS))
def test_reserved_ids_are_refused_with_the_list(tmp_path: Path, name: str) -> None:
    write_tree(tmp_path, {f"{name}/report.yml": REPORT_YML, f"{name}/01.md": problem_file(1, "甲")})
    [error] = load(tmp_path).errors
    assert f"{name}: report id {name!r} is reserved: the site uses /{name}/ for its own pages" in error
    assert ", ".join(sorted(RESERVED_IDS)) in error


def test_every_top_level_path_the_site_writes_is_reserved(make_site) -> None:
    config = MINIMAL_CONFIG.replace("site_name: 测试站点\n", "site_name: 测试站点\nsite_url: https://example.gov.cn/\n")
    body = "问题表现，见[外部网站](https://example.com/page)。"
    project = make_site(
        {
            "content/r-2024/report.yml": REPORT_YML + "contact:\n  phone: 0898-68522090\n",
            "content/r-2024/01.md": problem_file(1, "甲", body=body),
        },
        config=config,
    )
    build = build_site(project, "--strict")
    assert build.returncode == 0, build.output
    written = {path.name for path in build.site.iterdir()} - {"r-2024", "index.html"}
    assert {"pagefind", "search", "accessibility", "data", "leave", "assets", "404.html"} <= written
    assert {name for name in written if name.split(".")[0] not in RESERVED_IDS} == set()
    assert {"browse", "feeds", "years", "guide"} <= RESERVED_IDS
