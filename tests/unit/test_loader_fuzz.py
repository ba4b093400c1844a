"""Random and mutated content: valid, or ContentErrors naming files under the content folder; nothing else."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st
from support.builds import ROOT
from support.content import BUILD_DATE
from support.fuzzing import fuzz, no_time_limit_when_long, outcome

from mkdocs_rectify.export import json_bytes
from mkdocs_rectify.loader import ContentErrors, display_path, load_content
from mkdocs_rectify.model import ProblemFrontMatter, ReportMeta

pytestmark = no_time_limit_when_long()

DEMO = ROOT / "content" / "hkszwglj-2022"
DEMO_FILES = {path.name: path.read_text("utf-8") for path in sorted(DEMO.iterdir())}
VALID_REPORT = DEMO_FILES["report.yml"]
VALID_PROBLEM = DEMO_FILES["01.md"]

# What editors (and attackers) type that YAML, Markdown or the loader treat specially.
SNIPPETS = [
    *("!!binary aGk=", "!!python/object/apply:os.system [x]", "!!set {a}", "&a ", "*a", "<<: {a: 1}"),
    *("[" * 40, "{" * 40, "]", "}", ": ", "- ", "? ", "|", ">", "#", "%YAML 1.1\n", "---\n", "...\n"),
    *("010", "0x1F", "1:30", "1_000", ".nan", "-.inf", "1.0e+999", "9007199254740993", "yes", "~", "="),
    *("2022-13-45", "2022-03-22 10:00:00", "2022-03-22T10:00:00+08:00", "1647907200"),
    *("\x00", "\x1b", "\r", "\x85", "\u202e", "\u2066", "\u00a0", "\u3000", "\t", "\ufeff", "\u2028"),
    *("status: completed\n", "history: [{date: 2099-01-01, status: completed}]\n", "number: 1\n"),
    *("13812345678", "11010519491231002X", "4111 1111 1111 1111", "privacy_reviewed: [x]\n"),
    *("phone: 'javascript:alert(1)'", "<script>alert(1)</script>", "[a](javascript:x)"),
]

FIELDS = sorted({*ProblemFrontMatter.model_fields, *ReportMeta.model_fields, "name", "value", "date"})

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(),
    st.sampled_from(["completed", "ongoing", "in_progress", "not_done", "2022-03-22", "全程网办率"]),
)
documents = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), children, max_size=6),
    max_leaves=25,
)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    for _ in range(draw(st.integers(1, 5))):
        if not text:
            break
        position = draw(st.integers(0, len(text)))
        operation = draw(st.sampled_from(["delete", "duplicate", "insert", "snippet", "swap", "truncate"]))
        if operation == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 40)) :]
        elif operation == "duplicate":
            text = text[:position] + text[position : position + draw(st.integers(1, 200))] + text[position:]
        elif operation == "insert":
            text = text[:position] + draw(st.text(max_size=20)) + text[position:]
        elif operation == "snippet":
            text = text[:position] + draw(st.sampled_from(SNIPPETS)) + text[position:]
        elif operation == "swap":
            lines = text.split("\n")
            first, second = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[first], lines[second] = lines[second], lines[first]
            text = "\n".join(lines)
        else:
            text = text[:position]
    return text


def check(files: dict[str, bytes]) -> None:
    """Load a content folder holding ``files`` (under ``r-2024/``) and check the outcome's shape."""
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        (root / "r-2024").mkdir()
        for name, data in files.items():
            (root / "r-2024" / name).write_bytes(data)
        try:
            loaded = load_content(root, build_date=BUILD_DATE)
        except ContentErrors as errors:
            outcome("refused with ContentErrors")
            assert errors.errors
            for error in errors.errors:
                assert error.path.startswith(display_path(root)), error
                assert error.message and "\n" not in str(error), str(error)
            return
    outcome("valid" + (" with warnings" if loaded.warnings else ""))
    for message in (*loaded.warnings, *loaded.notes):
        assert "\n" not in message, message
    document = json_bytes(loaded.site, lambda report, number: f"{report}/{number}/")
    json.loads(document, parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))


@fuzz()
@given(st.binary(max_size=3000), st.binary(max_size=3000))
def test_random_bytes(report: bytes, problem: bytes) -> None:
    check({"report.yml": report, "01.md": problem})


@fuzz()
@given(mutated(VALID_REPORT), st.sampled_from(sorted(DEMO_FILES)), st.data())
def test_mutated_report_and_problem(report: str, name: str, data: st.DataObject) -> None:
    problem = data.draw(mutated(DEMO_FILES[name]))
    check({"report.yml": report.encode("utf-8"), "01.md": problem.encode("utf-8"), "02.md": b"\xff\xfe"})


@fuzz()
@given(documents, documents, st.text(max_size=300))
def test_random_yaml_documents(report: object, front: object, body: str) -> None:
    front_text = yaml.safe_dump(front, allow_unicode=True)
    check(
        {
            "report.yml": yaml.safe_dump(report, allow_unicode=True).encode("utf-8"),
            "01.md": f"---\n{front_text}---\n{body}\n".encode(),
        }
    )


@fuzz()
@given(
    st.fixed_dictionaries(
        {"title": documents, "status": documents, "metrics": documents, "history": documents},
        optional={"completed_on": documents, "deadline": documents, "units": documents},
    ),
    st.text(max_size=200),
)
def test_random_values_in_a_valid_problem(fields: dict[str, object], body: str) -> None:
    front = yaml.safe_dump({"number": 1, **fields}, allow_unicode=True)
    check({"report.yml": VALID_REPORT.encode(), "01.md": f"---\n{front}---\n{body or '正文'}\n".encode()})


def test_the_demo_itself_is_valid() -> None:
    check({name: text.encode("utf-8") for name, text in DEMO_FILES.items()})
    assert load_content(DEMO.parent, build_date=dt.date(2024, 6, 1)).site.reports
