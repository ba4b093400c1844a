"""Invisible control and bidi characters are errors naming the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.builds import REPORT_YML, write_tree
from support.content import load, one_problem


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x00", "U+0000"),
        ("\x1b", "U+001B"),
        ("\x7f", "U+007F"),
        ("\x85", "U+0085"),
        ("\x9b", "U+009B"),
        ("\x0b", "U+000B"),
        ("\x0c", "U+000C"),
        ("\r", "U+000D"),
    ],
)
def test_control_characters_in_the_body(tmp_path: Path, char: str, name: str) -> None:
    [error] = one_problem(tmp_path, body=f"第一行。\n第二{char}行。\n第三行。")
    assert error.endswith(f"01.md:7: holds {name}, {CONTROL}")


REORDERS = "which reorders the text a reader sees; remove it"
CONTROL = "an invisible control character; remove it"


@pytest.mark.parametrize("char", [*"\u202a\u202b\u202c\u202d\u202e", *"\u2066\u2067\u2068\u2069"])
def test_bidi_controls_are_refused(tmp_path: Path, char: str) -> None:
    [error] = one_problem(tmp_path, body=f"正文{char}txt.exe")
    assert error.endswith(f"01.md:6: holds U+{ord(char):04X}, {REORDERS}")


def test_the_field_is_named_in_front_matter_and_report_yml(tmp_path: Path) -> None:
    errors = one_problem(
        tmp_path,
        "measures:\n  - 措施\n  - |\n    第一段\n    第二\u202e段\n",
        report=REPORT_YML + "intro: 导语\x07\n",
    )
    assert len(errors) == 2, errors
    assert any(e.endswith(f"01.md:9: measures item 2: holds U+202E, {REORDERS}") for e in errors)
    assert any(e.endswith(f"report.yml:4: intro: holds U+0007, {CONTROL}") for e in errors)


def test_other_errors_of_the_file_are_reported_too(tmp_path: Path) -> None:
    errors = one_problem(tmp_path, "deadline: 2024年\n", body="正文\x00")
    assert len(errors) == 2, errors
    assert any("01.md:5: deadline: '2024年' is not a date" in e for e in errors)
    assert any("01.md:7: holds U+0000" in e for e in errors)


def test_crlf_tabs_and_the_spaces_word_leaves_are_fine(tmp_path: Path) -> None:
    text = "---\r\nnumber: 1\r\ntitle: 甲\u00a0乙\r\nstatus: completed\r\n---\r\n"
    text += "正文\t有制表符\u3000和全角空格。\r\n"
    write_tree(tmp_path, {"r-2024/report.yml": REPORT_YML.replace("\n", "\r\n")})
    (tmp_path / "r-2024/01.md").write_bytes(text.encode("utf-8"))
    assert load(tmp_path).errors == []
    (tmp_path / "r-2024/01.md").write_bytes(text.replace("status: completed", "status: done").encode("utf-8"))
    [error] = load(tmp_path).errors
    assert "01.md:4: status: 'done' is not a status" in error
