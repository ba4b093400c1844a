"""Bad content stops everything with messages that name the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

from support.builds import REPORT_YML, build_site, problem_file, write_tree
from support.cli import rectify_process

from mkdocs_rectify.loader import ContentErrors, load_site


def errors_of(content: Path) -> list[str]:
    try:
        load_site(content)
    except ContentErrors as errors:
        return [str(error) for error in errors.errors]
    return []


def test_every_error_is_reported_at_once_with_file_line_and_field(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "r-2024/report.yml": REPORT_YML + "issuedby: 某单位\n",
            "r-2024/01.md": "---\nnumber: 1\ntitle: 甲\nstatus: done\n---\n正文\n",
            "r-2024/02.md": "---\nnumber: 2\ntitle: 乙\nstatus: completed\nmesures:\n  - 措施\n---\n正文\n",
            "r-2024/03.md": "---\nnumber: 3\ntitle: 丙\nstatus: completed\ndeadline: 2024年5月\n---\n正文\n",
        },
    )
    errors = errors_of(tmp_path)
    assert len(errors) == 4, errors
    assert any(e.startswith(f"{tmp_path}/r-2024/01.md:4: status: 'done' is not a status") for e in errors)
    assert any("02.md:5: mesures: unknown field (did you mean 'measures'?)" in e for e in errors)
    assert any("03.md:5: deadline: '2024年5月' is not a date; write it as YYYY-MM-DD" in e for e in errors)
    assert any("report.yml:4: issuedby: unknown field" in e for e in errors)


def test_duplicate_numbers_name_both_files(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "r-2024/report.yml": REPORT_YML,
            "r-2024/a.md": problem_file(1, "甲"),
            "r-2024/b.md": problem_file(1, "乙"),
        },
    )
    [error] = errors_of(tmp_path)
    assert "b.md: number: number 1 is also used by" in error and "a.md" in error


def test_missing_field_points_at_the_front_matter(tmp_path: Path) -> None:
    write_tree(
        tmp_path, {"r-2024/report.yml": REPORT_YML, "r-2024/01.md": "---\nnumber: 1\ntitle: 甲\n---\n正文\n"}
    )
    [error] = errors_of(tmp_path)
    assert error.endswith("01.md:2: status: required field is missing")


def test_unparseable_front_matter_is_an_error_not_silently_dropped(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "r-2024/report.yml": REPORT_YML,
            "r-2024/01.md": "---\nnumber: 1\ntitle: [甲\nstatus: completed\n---\n正文\n",
            "r-2024/02.md": "没有 front-matter 的文件\n",
            "r-2024/03.md": "---\nnumber: 3\ntitle: 丙\nstatus: completed\n---\n\n",
            "r-2024/04.md": "---\nnumber: 4\nnumber: 5\ntitle: 丁\nstatus: completed\n---\n正文\n",
        },
    )
    errors = errors_of(tmp_path)
    assert any("01.md:" in e and "YAML syntax error" in e for e in errors), errors
    assert any("02.md:1: no front-matter" in e for e in errors)
    assert any("03.md:6: the problem description (问题表现) is empty" in e for e in errors)
    assert any("04.md:3: duplicate key 'number' (first on line 2)" in e for e in errors)


def test_bad_report_folder_and_missing_report_yml(tmp_path: Path) -> None:
    write_tree(tmp_path, {"Bad Name/report.yml": REPORT_YML, "Bad Name/01.md": problem_file(1, "甲")})
    write_tree(tmp_path, {"r-2024/01.md": problem_file(1, "甲")})
    errors = errors_of(tmp_path)
    assert any("Bad Name: folder name 'Bad Name' cannot be a report id" in e for e in errors)
    assert any("r-2024: missing report.yml" in e for e in errors)


def test_validate_command_exit_codes(tmp_path: Path) -> None:
    write_tree(tmp_path, {"r-2024/report.yml": REPORT_YML, "r-2024/01.md": problem_file(1, "甲")})
    # In a process of its own: the exit status a shell or a CI job sees.
    ok = rectify_process("validate", str(tmp_path))
    assert ok.returncode == 0, ok.stderr
    assert "1 report(s), 1 problem(s), valid" in ok.stdout
    write_tree(tmp_path, {"r-2024/02.md": problem_file(2, "乙", status="finished")})
    bad = rectify_process("validate", str(tmp_path))
    assert bad.returncode == 1
    assert "02.md:4: status: 'finished' is not a status" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_broken_content_stops_the_build_before_anything_is_written(make_site) -> None:
    project = make_site(
        {
            "content/r-2024/report.yml": REPORT_YML,
            "content/r-2024/01.md": problem_file(1, "甲"),
        }
    )
    first = build_site(project)
    assert first.returncode == 0, first.output
    before = {p: p.read_bytes() for p in first.site.rglob("*") if p.is_file()}
    write_tree(project, {"content/r-2024/01.md": problem_file(1, "甲", status="done")})
    for args in ((), ("--strict",)):
        broken = build_site(project, *args)
        assert broken.returncode == 1
        assert "文件 content/r-2024/01.md 第 4 行，字段 status：“done”不是整改状态" in broken.output
        assert "Traceback" not in broken.output
        after = {p: p.read_bytes() for p in broken.site.rglob("*") if p.is_file()}
        assert after == before, "a failed build must leave the published site as it was"


def test_declared_counts_mismatch_fails_strict_build(make_site) -> None:
    project = make_site(
        {
            "content/r-2024/report.yml": REPORT_YML + "declared:\n  total: 2\n  completed: 2\n",
            "content/r-2024/01.md": problem_file(1, "甲"),
        }
    )
    lenient = build_site(project)
    assert lenient.returncode == 0
    assert "文件 content/r-2024/report.yml：declared 中的 total 为 2，但按问题统计为 1" in lenient.output
    strict = build_site(project, "--strict")
    assert strict.returncode == 1
