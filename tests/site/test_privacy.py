"""Personal information outside the contact fields is a warning (an error when strict), with its line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from support.builds import REPORT_YML, build_site, problem_file, write_tree
from support.cli import rectify
from support.content import load

from mkdocs_rectify.privacy import find_personal_information

TODAY = dt.date(2024, 6, 1)
ID_NUMBER = "11010519491231002X"  # the example of GB 11643
MOBILE = "13812345678"
CARD = "4111111111111111"


def found(text: str) -> list[tuple[str, str]]:
    return [(item.kind, item.text) for item in find_personal_information(text, today=TODAY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"身份证号{ID_NUMBER}。", [("身份证号", ID_NUMBER)]),
        ("旧身份证110105491231002", [("身份证号", "110105491231002")]),
        (f"手机{MOBILE}，", [("手机号码", MOBILE)]),
        ("手机138 1234 5678", [("手机号码", "138 1234 5678")]),
        ("手机138-1234-5678", [("手机号码", "138-1234-5678")]),
        ("手机１３８１２３４５６７８", [("手机号码", "１３８１２３４５６７８")]),
        (f"卡号{CARD}", [("银行卡号", CARD)]),
        ("卡号4111 1111 1111 1111", [("银行卡号", "4111 1111 1111 1111")]),
    ],
)
def test_what_looks_like_personal_information(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "110105194912310021",  # wrong check digit
        "11010520991231002X",  # born after the build date
        "99010519491231002X",  # no such province
        "电话013812345678",  # inside a longer number
        "12812345678",  # not a mobile prefix
        "4111111111111112",  # fails the Luhn check
        "0000000000000000",
        "0898-68522090",
        "2021年12345海口市民服务智慧联动平台受理办件4022139件",
        "实现海口市15348个事项，45042份材料可免提交",
        "信息索引号：00830218-0202-2022-00012",
    ],
)
def test_no_false_alarm(text: str) -> None:
    assert found(text) == []


def report_with(body: str, front: str = "", report: str = REPORT_YML) -> dict[str, str]:
    text = problem_file(1, "甲", body=body).replace("\n---\n", f"\n{front}---\n", 1)
    return {"r-2024/report.yml": report, "r-2024/01.md": text}


def test_warnings_name_the_file_line_and_field_and_hide_most_digits(tmp_path: Path) -> None:
    report = REPORT_YML + f"intro: 举报人手机{MOBILE}\ncontact:\n  phone: '{MOBILE}'\n  note: 手机{MOBILE}\n"
    front = f"measures:\n  - 措施一\n  - |\n    第一段\n    身份证号{ID_NUMBER}\n"
    write_tree(tmp_path, report_with(f"第一行\n\n卡号{CARD}。", front=front, report=report))
    outcome = load(tmp_path, TODAY)
    assert not outcome.errors
    assert len(outcome.warnings) == 3, outcome.warnings
    warnings = "\n".join(outcome.warnings)
    assert "report.yml:4: intro: looks like a mobile phone number (手机号码) (138*****678)" in warnings
    assert "01.md:9: measures item 2: looks like a resident ID number (身份证号) (1101****" in warnings
    assert "01.md:13: looks like a bank card number (银行卡号) (4111********1111)" in warnings
    assert "《政府信息公开条例》" in warnings and "privacy_reviewed" in warnings
    assert MOBILE not in warnings and ID_NUMBER not in warnings and CARD not in warnings


def test_a_reviewed_string_is_not_reported(tmp_path: Path) -> None:
    report = REPORT_YML + "intro: 服务热线138 1234 5678\nprivacy_reviewed: ['138 1234 5678']\n"
    front = f"privacy_reviewed: ['{CARD}']\n"
    write_tree(tmp_path, report_with(f"订单号{CARD}，热线{MOBILE}。", front=front, report=report))
    outcome = load(tmp_path, TODAY)
    [warning] = outcome.warnings
    assert warning.endswith(
        "01.md:7: looks like a mobile phone number (手机号码) (138*****678): "
        "personal information must not be published (《政府信息公开条例》); "
        "remove it, or if it is not personal information, list it under privacy_reviewed"
    ), warning
    front = f"privacy_reviewed: ['{CARD}', '{MOBILE}']\n"
    write_tree(tmp_path, report_with(f"订单号{CARD}，热线{MOBILE}。", front=front, report=report))
    assert load(tmp_path, TODAY).warnings == []


def test_validate_strict_and_build_strict_fail_on_personal_information(make_site, tmp_path: Path) -> None:
    files = {f"content/{name}": text for name, text in report_with(f"手机{MOBILE}").items()}
    project = make_site(files)
    lenient = rectify("validate", "content", cwd=project)
    assert lenient.returncode == 0, lenient.stderr
    assert "warning: content/r-2024/01.md:6: looks like a mobile phone number (手机号码)" in lenient.stderr
    strict = rectify("validate", "content", "--strict", cwd=project)
    assert strict.returncode == 1
    assert "warning: content/r-2024/01.md:6: looks like a mobile phone number (手机号码)" in strict.stderr
    assert "1 warning; --strict makes warnings errors" in strict.stderr
    build = build_site(project)  # a Chinese site: its build speaks Chinese
    assert build.returncode == 0
    assert "文件 content/r-2024/01.md 第 6 行：疑似手机号码（138*****678）" in build.output
    assert build_site(project, "--strict").returncode == 1


def test_privacy_reviewed_is_in_the_schema_but_not_the_open_data(make_site) -> None:
    files = report_with(f"热线{MOBILE}", front=f"privacy_reviewed: ['{MOBILE}']\n")
    project = make_site({f"content/{name}": text for name, text in files.items()})
    build = build_site(project, "--strict")
    assert build.returncode == 0, build.output
    for schema in ("schema.json", "report.schema.json"):
        properties = json.loads((build.site / "data" / schema).read_text("utf-8"))["properties"]
        assert properties["privacy_reviewed"]["type"] == "array"
    assert "privacy_reviewed" not in (build.site / "data" / "rectify.json").read_text("utf-8")
