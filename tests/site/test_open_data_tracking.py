"""Open data over time: the records carry the derived facts (overdue, current deadline, last updated,
counts and rate per report and for the site) and the withdrawals, validate against
data/records.schema.json, and the CSV's new columns come after the old ones."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import jsonschema
import pytest
from support.builds import Build
from support.tracking import EXAMPLE_DATE, build_example

V1_HEADER = (
    "report_id,number,title,status,status_label,category,units,deadline,completed_on,"
    "statement,measures,results,next_steps,url"
)
"""The CSV's header as schema_version 1 wrote it: the columns that data users' programs already read."""


def data(build: Build, name: str = "rectify.json") -> Any:
    return json.loads((build.site / "data" / name).read_text("utf-8"))


def test_the_records_validate_against_their_schema(tracking_example: Build) -> None:
    schema = data(tracking_example, "records.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    document = data(tracking_example)
    jsonschema.Draft202012Validator(schema).validate(document)
    # The schema can fail: a record without a derived field, or with an unknown one, is refused.
    del document["reports"][0]["problems"][0]["overdue"]
    with pytest.raises(jsonschema.ValidationError, match="'overdue' is a required property"):
        jsonschema.validate(document, schema)
    document = data(tracking_example)
    document["reports"][0]["problems"][0]["overdue_days"] = 3
    with pytest.raises(jsonschema.ValidationError, match="Additional properties"):
        jsonschema.validate(document, schema)
    # data/schema.json stays the schema of a problem's front-matter.
    assert data(tracking_example, "schema.json")["title"] == "mkdocs-rectify problem front-matter"


def test_the_records_carry_the_derived_facts_on_the_build_date(tracking_example: Build) -> None:
    document = data(tracking_example)
    assert document["schema_version"] == 2
    assert document["as_of"] == EXAMPLE_DATE.isoformat()
    report = document["reports"][0]
    assert report["id"] == "sjj-2024" and report["former_ids"] == ["sljj-2024"]
    assert "withdrawn" not in report
    problems = {p["number"]: p for p in report["problems"]}
    assert sorted(problems) == [1, 2, 3, 4, 5, 6]
    facts = {
        n: (
            p["status"],
            p["overdue"],
            p["deadline"],
            p["current_deadline"],
            p["deadline_moved"],
            p["last_updated"],
        )
        for n, p in problems.items()
    }
    assert facts == {
        1: ("completed", False, "2024-06-30", "2024-06-30", False, "2024-06-20"),
        2: ("ongoing", False, "2024-06-30", "2024-06-30", False, "2024-07-01"),  # ongoing: never overdue
        3: ("in_progress", False, "2024-06-30", "2025-03-31", True, "2024-09-20"),
        4: ("in_progress", True, "2024-10-31", "2024-10-31", False, "2024-03-15"),
        5: ("not_done", True, "2024-08-31", "2024-08-31", False, "2024-03-15"),  # no history: published
        6: ("not_done", False, "2025-06-30", "2025-06-30", False, "2024-03-15"),
    }
    assert problems[3]["history"][2] == {
        "date": "2024-06-25",
        "status": None,
        "deadline": "2024-09-30",
        "reason": "改造资金需列入年度预算。",
        "correction": None,
        "note": None,
    }
    assert problems[4]["metrics"][0]["better"] == "lower" and problems[1]["metrics"][0]["better"] == "higher"
    assert problems[6]["former_numbers"] == [7]
    assert all("withdrawn" not in p for p in report["problems"])
    assert report["withdrawn_problems"] == [
        {
            "number": 8,
            "title": "政务服务事项清单未及时更新",
            "former_numbers": [],
            "withdrawn": {"date": "2024-05-20", "reason": "与问题1重复，予以撤回。"},
            "url": "sjj-2024/8/",
        }
    ]
    assert report["summary"] == {
        "total": 6,
        "completed": 1,
        "ongoing": 1,
        "in_progress": 2,
        "not_done": 2,
        "rate": 16.7,
        "overdue": 2,
        "withdrawn": 1,
    }
    assert report["last_updated"] == "2024-09-20"
    assert document["reports"][1]["summary"]["rate"] == 50.0
    assert document["summary"] == {
        "total": 8,
        "completed": 2,
        "ongoing": 2,
        "in_progress": 2,
        "not_done": 2,
        "rate": 25.0,
        "overdue": 2,
        "withdrawn": 2,  # problem 8, and the one problem of the withdrawn report
    }
    assert document["withdrawn_reports"] == [
        {
            "id": "sjj-2022",
            "url": "sjj-2022/",
            "title": "示例：中共示例市示例局党组关于巡察整改情况的通报（误发稿）",
            "issuer": "中共示例市示例局党组（示例）",
            "published": "2022-05-10",
            "former_ids": [],
            "withdrawn": {"date": "2022-05-12", "reason": "误发未定稿，已撤回。"},
        }
    ]
    assert not (tracking_example.site / "data" / "sjj-2022.csv").exists()


def test_overdue_is_judged_on_the_build_date(tmp_path_factory: pytest.TempPathFactory) -> None:
    earlier = build_example(tmp_path_factory.mktemp("early") / "project", epoch="1727697600")  # 2024-09-30
    assert earlier.returncode == 0, earlier.output
    document = data(earlier)
    assert document["as_of"] == "2024-09-30"
    assert [p["number"] for p in document["reports"][0]["problems"] if p["overdue"]] == [5]
    assert document["summary"]["overdue"] == 1


def test_the_csv_appends_the_new_columns_and_lists_withdrawn_problems(tracking_example: Build) -> None:
    text = (tracking_example.site / "data" / "sjj-2024.csv").read_bytes().decode("utf-8-sig")
    header = text.split("\r\n", 1)[0]
    assert header == f"{V1_HEADER},overdue,current_deadline,last_updated,withdrawn_on,withdrawn_reason"
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["number"] for row in rows] == ["1", "2", "3", "4", "5", "6", "8"]
    new = [(r["overdue"], r["current_deadline"], r["last_updated"], r["withdrawn_on"]) for r in rows]
    assert new[2] == ("false", "2025-03-31", "2024-09-20", "")
    assert new[3] == ("true", "2024-10-31", "2024-03-15", "")
    withdrawn = rows[-1]
    assert (
        withdrawn["withdrawn_on"] == "2024-05-20"
        and withdrawn["withdrawn_reason"] == "与问题1重复，予以撤回。"
    )
    assert withdrawn["title"] == "政务服务事项清单未及时更新" and withdrawn["url"] == "sjj-2024/8/"
    assert withdrawn["status"] == withdrawn["statement"] == withdrawn["overdue"] == ""
