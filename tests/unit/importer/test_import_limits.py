"""The importer refuses what the loader would refuse, before writing, and never hangs or crashes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from support.importer import SEED, read_report

from mkdocs_rectify.cli import main
from mkdocs_rectify.importer import NoticeImportError, import_notice, write_report
from mkdocs_rectify.loader import MAX_FILE_BYTES, load_content
from mkdocs_rectify.pages import RESERVED_IDS

SEED_TEXT = SEED.read_text("utf-8")
SEED_ID = "hkszwglj-2022"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["import", *args, "--lang", "en"], catch_exceptions=False)


def seed_page(charset: str) -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in SEED_TEXT.splitlines())
    return (
        f"<!DOCTYPE html><html><head><meta charset='{charset}'></head>"
        f"<body><div id='zoom'>{paragraphs}</div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "charset",
    ["base64", "hex", "rot13", "zlib", "bz2", "uu", "quopri", "undefined", "unicode_escape", "utf-7", "idna"],
)
def test_a_declared_codec_that_is_no_page_encoding_is_ignored(charset: str) -> None:
    result = import_notice(seed_page(charset), source_name="notice.html")
    assert result.encoding == "utf-8" and len(result.problems) == 17
    assert any(
        f"the page declares charset={charset}, which is not a text encoding of web pages; "
        "the encoding was detected instead" in warning
        for warning in result.warnings
    ), result.warnings


def test_a_declared_gbk_page_is_still_read_as_declared() -> None:
    result = import_notice(seed_page("gbk").decode().encode("gb18030"), source_name="notice.html")
    assert result.encoding == "gb18030" and len(result.problems) == 17
    assert not any("declares charset" in warning for warning in result.warnings)


@pytest.mark.parametrize("report_id", ["hkszwglj-2022\n", "abc\n", " abc", "ABC"])
def test_a_report_id_must_match_whole(report_id: str, tmp_path: Path) -> None:
    with pytest.raises(NoticeImportError, match="is not valid: use lower-case letters"):
        import_notice(SEED.read_bytes(), source_name="notice.txt", report_id=report_id)
    result = run(str(SEED), "--out", str(tmp_path), "--id", report_id)
    assert result.exit_code == 1 and not any(tmp_path.iterdir())


@pytest.mark.parametrize("report_id", sorted(RESERVED_IDS))
def test_a_reserved_report_id_is_refused(report_id: str) -> None:
    message = f"report id '{report_id}' is reserved: the site uses /{report_id}/"
    with pytest.raises(NoticeImportError, match=message):
        import_notice(SEED.read_bytes(), source_name="notice.txt", report_id=report_id)


def test_a_named_pipe_or_a_device_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "notice.txt")
    out = str(tmp_path / "out")
    for source in (tmp_path / "notice.txt", Path("/dev/zero")):
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs_rectify", "import", str(source), "--lang", "en", "--out", out],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode == 1
        kind = "a named pipe (FIFO)" if source.name == "notice.txt" else "a character device"
        assert f"{source}: is {kind}, not a regular file" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_import_validate_would_refuse_writes_nothing(tmp_path: Path) -> None:
    lines = SEED_TEXT.splitlines()
    index = next(number for number, line in enumerate(lines) if "问题表现1" in line)
    lines[index] += "超期办件。" * (MAX_FILE_BYTES // 15 + 1)
    source = tmp_path / "notice.txt"
    source.write_text("\n".join(lines), "utf-8")
    result = run(str(source), "--out", str(tmp_path / "content"))
    assert result.exit_code == 1
    assert "the imported report would not pass validation, nothing was written: 01.md: is " in result.output
    assert f"bytes; the limit is {MAX_FILE_BYTES:,} bytes" in result.output
    assert not (tmp_path / "content").exists() or not any((tmp_path / "content").iterdir())


def test_invisible_characters_are_removed_and_reported(tmp_path: Path) -> None:
    text = SEED_TEXT.replace("贯彻落实海南自贸港", "贯彻\x07落实\u202e海南自贸港", 1)
    result = import_notice(text.encode(), source_name="notice.txt")
    assert any(
        "removed 2 invisible control characters (U+0007, U+202E)" in warning for warning in result.warnings
    ), result.warnings
    folder = write_report(result, tmp_path, force=False)
    _report, problems = read_report(folder)
    assert problems["01.md"][0]["title"].startswith("贯彻落实海南自贸港")
    assert load_content(tmp_path).site.reports[0].id == SEED_ID


def test_privacy_warnings_of_the_written_report_are_in_the_import_report(tmp_path: Path) -> None:
    source = tmp_path / "notice.txt"
    text = SEED_TEXT.replace("贯彻落实海南自贸港", "贯彻落实（举报人13812345678）海南自贸港", 1)
    source.write_text(text, "utf-8")
    result = run(str(source), "--out", str(tmp_path / "content"))
    assert result.exit_code == 0, result.output
    assert "01.md:3: title: looks like a mobile phone number (手机号码) (138*****678)" in result.output


def test_the_written_reports_warnings_speak_the_import_reports_language(tmp_path: Path) -> None:
    source = tmp_path / "notice.txt"
    text = SEED_TEXT.replace("贯彻落实海南自贸港", "贯彻落实（举报人13812345678）海南自贸港", 1)
    source.write_text(text, "utf-8")
    args = ["import", str(source), "--out", str(tmp_path / "content"), "--lang", "zh-CN"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    privacy = "文件 01.md 第 3 行，字段 title：疑似手机号码（138*****678）：依照《政府信息公开条例》"
    assert privacy in result.output
    assert "looks like" not in result.output
