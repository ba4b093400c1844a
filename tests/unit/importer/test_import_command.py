"""``mkdocs-rectify import`` through click: output folder, idempotency, --force, stdin and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from support.importer import FIXTURES, SEED, read_report

from mkdocs_rectify.cli import main

SEED_ID = "hkszwglj-2022"


def run(*args: str, stdin: bytes | None = None, lang: str = "en") -> Result:
    return CliRunner().invoke(main, ["import", *args, "--lang", lang], input=stdin, catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_imports_the_seed_and_prints_a_report(tmp_path: Path) -> None:
    result = run(str(SEED), "--out", str(tmp_path / "content"))
    assert result.exit_code == 0, result.output
    folder = tmp_path / "content" / SEED_ID
    assert sorted(path.name for path in folder.iterdir()) == [f"{n:02d}.md" for n in range(1, 18)] + [
        "report.yml"
    ]
    report = result.output
    assert "Problems: 17 — completed 17, ongoing 0, in_progress 0, not_done 0" in report
    assert "Metadata found: title" in report and "Metadata missing: index_number" in report
    assert (
        "Dropped page chrome: 5" in report and "无障碍系统 无障碍关怀版" in report and "是否继续?" in report
    )
    assert "Warnings: 2" in report and "2021422日至625" in report
    assert f"Written: {folder}" in report


def test_default_out_is_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(str(SEED)).exit_code == 0
    assert (tmp_path / "content" / SEED_ID / "report.yml").is_file()


def test_same_source_twice_gives_identical_bytes(tmp_path: Path) -> None:
    for name in ["haikou", *sorted(path.name for path in FIXTURES.iterdir())]:
        source = SEED if name == "haikou" else FIXTURES / name
        first, second = tmp_path / name / "a", tmp_path / name / "b"
        assert run(str(source), "--out", str(first)).exit_code == 0
        assert run(str(source), "--out", str(second)).exit_code == 0
        assert snapshot(first) == snapshot(second) != {}
        before = snapshot(first)
        assert run(str(source), "--out", str(first), "--force").exit_code == 0
        assert snapshot(first) == before


def imported_and_edited(out: Path) -> Path:
    """The seed imported into ``out``, then its first problem edited by hand; the report's folder."""
    assert run(str(SEED), "--out", str(out)).exit_code == 0
    folder = out / SEED_ID
    (folder / "01.md").write_text("edited by hand", "utf-8")
    return folder


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "content"
    folder = imported_and_edited(out)
    before = snapshot(out)
    result = run(str(SEED), "--out", str(out))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {SEED}: {folder} already exists; use --force to replace it"
    assert snapshot(out) == before


def test_force_replaces_the_folder_contents(tmp_path: Path) -> None:
    out = tmp_path / "content"
    folder = imported_and_edited(out)
    (folder / "99.md").write_text("a stray file", "utf-8")
    assert run(str(SEED), "--out", str(out), "--force").exit_code == 0
    assert not (folder / "99.md").exists()
    assert (folder / "01.md").read_text("utf-8").startswith("---\nnumber: 1\n")
    assert sorted(path.name for path in out.iterdir()) == [SEED_ID]  # no staging folders left behind


def test_stdin(tmp_path: Path) -> None:
    result = run("-", "--out", str(tmp_path), stdin=(FIXTURES / "layout3-gbk.txt").read_bytes())
    assert result.exit_code == 0, result.output
    assert "Imported <stdin> (gb18030" in result.output
    report, problems = read_report(tmp_path / "dzsnyncj-2022")
    assert report["title"] == "中共儋州市农业农村局党组关于巡察整改情况的通报" and len(problems) == 4
    html = run("-", "--out", str(tmp_path / "html"), stdin=(FIXTURES / "layout1.html").read_bytes())
    assert html.exit_code == 0 and "layout 问题表现N" in html.output


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    source = tmp_path / "saved-page.txt"
    source.write_bytes((FIXTURES / "layout1.html").read_bytes())
    result = run(str(source), "--out", str(tmp_path / "content"))
    assert result.exit_code == 0, result.output
    assert (
        "qhsscjdglj-2023" in result.output
        and "<p>" not in (tmp_path / "content" / "qhsscjdglj-2023" / "01.md").read_text()
    )


def test_id_option(tmp_path: Path) -> None:
    assert run(str(SEED), "--out", str(tmp_path), "--id", "haikou-2022").exit_code == 0
    assert (tmp_path / "haikou-2022" / "report.yml").is_file()
    bad = run(str(SEED), "--out", str(tmp_path / "bad"), "--id", "Haikou 2022")
    assert bad.exit_code == 1 and "report id 'Haikou 2022' is not valid" in bad.output
    assert not (tmp_path / "bad").exists()


NO_ARTICLE = """<!DOCTYPE html><html><head><title>x</title><script>var a = "问题表现1：整改措施";</script>
<style>p{color:red}</style></head><body><nav><a href="/">首页</a> <a href="/xxgk">信息公开</a></nav>
</body></html>""".encode()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"\r\n  \n", "the file is empty"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("noise.html", bytes(range(128, 256)) * 8, "not text"),
        ("nav-only.html", NO_ARTICLE, "no article found in the HTML page"),
        ("chrome-only.txt", "无障碍系统 无障碍关怀版\n首页 >> 信息公开\n是否继续?".encode(), "no text left"),
    ],
)
def test_bad_input(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "content"
    result = run(str(source), "--out", str(out))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {source}: ") and message in lines[0], (
        result.output
    )
    assert "Traceback" not in result.output
    assert not out.exists()


def test_missing_source_and_folder_as_source(tmp_path: Path) -> None:
    missing = run(str(tmp_path / "nope.txt"), "--out", str(tmp_path / "content"))
    assert (
        missing.exit_code == 1 and missing.output.strip() == f"Error: {tmp_path / 'nope.txt'}: no such file"
    )
    folder = run(str(tmp_path), "--out", str(tmp_path / "content"))
    assert folder.exit_code == 1 and "is a folder" in folder.output
    assert not (tmp_path / "content").exists()


def test_bad_stdin(tmp_path: Path) -> None:
    result = run("-", "--out", str(tmp_path / "content"), stdin=b"")
    assert result.exit_code == 1 and result.output.strip() == "Error: <stdin>: the file is empty"
    assert not (tmp_path / "content").exists()


def test_out_is_a_file(tmp_path: Path) -> None:
    out = tmp_path / "content"
    out.write_text("not a folder", "utf-8")
    result = run(str(SEED), "--out", str(out))
    assert result.exit_code == 1 and "is not a folder" in result.output
    assert out.read_text("utf-8") == "not a folder"


def test_an_import_that_fails_says_why_in_the_reports_language(tmp_path: Path) -> None:
    result = run("-", "--out", str(tmp_path / "content"), stdin=b"", lang="zh-CN")
    assert result.exit_code == 1 and result.output.strip() == "Error: <stdin>: 文件是空的"
    out = tmp_path / "content"
    assert run(str(SEED), "--out", str(out)).exit_code == 0
    result = run(str(SEED), "--out", str(out), lang="zh-CN")
    assert result.output.strip() == f"Error: {SEED}: {out / SEED_ID} 已存在；如要替换，请加 --force"
    missing = run(str(tmp_path / "nope.txt"), "--out", str(out), lang="zh-CN")
    assert missing.output.strip() == f"Error: {tmp_path / 'nope.txt'}: 文件不存在"
