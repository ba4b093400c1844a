"""libyaml parses the content where it is installed: the loader gives what PyYAML alone gives, the same
site, warnings and messages, including for the texts the two parsers disagree on."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from support.builds import REPORT_YML, ROOT, problem_file, write_tree
from support.content import BUILD_DATE
from support.fuzzing import fuzz, no_time_limit_when_long, outcome

from mkdocs_rectify import yamlpos
from mkdocs_rectify.loader import ContentErrors, load_content
from mkdocs_rectify.yamlpos import YamlProblem, load_located

pytestmark = [
    *no_time_limit_when_long(),
    pytest.mark.skipif(not yamlpos.LIBYAML, reason="PyYAML without libyaml: there is nothing to compare"),
]

DEMO = ROOT / "content" / "hkszwglj-2022"

DISAGREEMENTS = [
    "{? '' : null, ~? \"x\" : null}\n",
    "number: 1\ntitle: 甲\t\nstatus: completed\n",
    "number: 1\ntitle: 甲\nstatus:\tcompleted\n",
    "number: 1\ntitle: |#\n  甲\nstatus: completed\n",
    "number: 1\ntitle: >-#\n  甲\nstatus: completed\n",
    "number: 1\ntitle: !\nstatus: completed\n",
    "number: 1\ntitle: 甲\nunits: [甲?\"]\nstatus: completed\n",
    "number: 1\ntitle: 甲\nstatus: completed\n\ufeffunits: [甲]\n",
    "number: 1\ntitle: 甲\nstatus: completed\n\u2028\ufeff#\n",
]
"""Front-matter libyaml reads otherwise than PyYAML: takes where PyYAML refuses, or gives other values."""


def parsed(text: str, loader: type) -> Any:
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        return f"refused: {error.problem}"


def loaded(root: Path, *, libyaml: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    """What loading ``root`` gives, libyaml installed or not."""
    with monkeypatch.context() as patch:
        patch.setattr(yamlpos, "LIBYAML", libyaml)
        try:
            content = load_content(root, build_date=BUILD_DATE)
        except ContentErrors as errors:
            return ("errors", [str(error) for error in errors.errors])
    return ("valid", content.site, content.warnings, content.notes)


@pytest.mark.parametrize("front", DISAGREEMENTS)
def test_a_text_the_parsers_disagree_on_is_read_as_pyyaml_reads_it(
    front: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert parsed(front, yaml.CSafeLoader) != parsed(front, yaml.SafeLoader)
    write_tree(tmp_path, {"r-2024/report.yml": REPORT_YML, "r-2024/01.md": f"---\n{front}---\n问题表现。\n"})
    write_tree(tmp_path, {"r-2025/report.yml": front, "r-2025/01.md": problem_file(1, "甲")})
    with_libyaml = loaded(tmp_path, libyaml=True, monkeypatch=monkeypatch)
    assert with_libyaml == loaded(tmp_path, libyaml=False, monkeypatch=monkeypatch)
    assert with_libyaml[0] == "errors"


def test_a_problem_with_a_warning_is_read_again_by_pyyaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mobile = "number: 1\ntitle: 甲\nstatus: completed\nmeasures:\n  - 联系人手机13812345678。\n"
    write_tree(tmp_path, {"r-2024/report.yml": REPORT_YML, "r-2024/01.md": f"---\n{mobile}---\n问题表现。\n"})
    with_libyaml = loaded(tmp_path, libyaml=True, monkeypatch=monkeypatch)
    assert with_libyaml == loaded(tmp_path, libyaml=False, monkeypatch=monkeypatch)
    assert with_libyaml[0] == "valid" and "01.md:6" in with_libyaml[2][0]


def test_the_demo_loads_alike_with_and_without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    with_libyaml = loaded(DEMO.parent, libyaml=True, monkeypatch=monkeypatch)
    assert with_libyaml[0] == "valid" and with_libyaml[1].reports
    assert with_libyaml == loaded(DEMO.parent, libyaml=False, monkeypatch=monkeypatch)


# -- property tests ------------------------------------------------------------------------------

PIECES = [
    *("{", "}", "[", "]", "? ", "?", ": ", ":", ",", "'", '"', "~", "''", "-", "- ", "\n", "\r\n", "  ", " "),
    *("a", "1", "#", " #", "|", ">", "|-", ">+", "|2", "&a", "*a", "%", "---", "...", "x: ", "null", "\\"),
    *("甲", "@", "`", "\n- ", "\n  ", "\n ", '"\\t"', "0x1", "010", "1:30", "1_000", "2022-01-01", "\u3000"),
    *("\xa0", "=", "<<", "a:", "'a''b'", '"a\\\n b"', '"\\x85"', "e", ".", "+", "1e3", "\t", "!", "!!str "),
    *("\ufeff", "\u2028", "\x85", "title: ", "status: completed", "units: [", "history:\n  - date: "),
]


def read(text: str, *, libyaml: bool) -> tuple[Any, ...]:
    try:
        located = load_located(text, line_offset=1, libyaml=libyaml)
    except YamlProblem as problem:
        return ("refused", problem.line, str(problem.message))
    return ("read", located.data, located.lines, located.plain, located.problems, located.start_line)


pieces = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)
plain = st.sampled_from(["甲", "乙丙", "a", " ", "1", "-", ":", "，", "2022-01-01", "'", '"', "[", "]", ", "])
values = st.lists(plain | plain | plain | st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)
fields = st.lists(st.tuples(st.sampled_from(["title", "units", "a", "甲"]), values), min_size=1, max_size=4)
documents = fields.map(lambda items: "".join(f"{key}: {value}\n" for key, value in items))


@fuzz(300)
@given(pieces | documents)
def test_fuzz_libyaml_reads_what_pyyaml_reads(text: str) -> None:
    """Where libyaml's reading has nothing to say, PyYAML's is the same (else the loader reads again:
    a refused text, a number in a YAML 1.1 form, a document that is not fields)."""
    fast = read(text, libyaml=True)
    if fast[0] == "refused" or fast[4] or not isinstance(fast[1], dict):
        outcome("a message: read again by PyYAML")
        return
    outcome("PyYAML (PYYAML_ONLY)" if yamlpos.PYYAML_ONLY.search(text) else "libyaml")
    assert fast == read(text, libyaml=False)


@st.composite
def mutated_demo(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(sorted(path.read_text("utf-8") for path in DEMO.glob("*.md"))))
    front = len(text.split("---\n", 2)[1]) + 4  # the front-matter and its first line: edits go there
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, front))
        text = text[:position] + draw(st.sampled_from(PIECES)) + text[position + draw(st.integers(0, 3)) :]
    return text


@fuzz(60)
@given(mutated_demo())
def test_fuzz_edited_demo_problems_load_alike(text: str) -> None:
    with tempfile.TemporaryDirectory() as temporary, pytest.MonkeyPatch.context() as patch:
        root = Path(temporary)
        report = (DEMO / "report.yml").read_text("utf-8")
        write_tree(root, {"r-2024/report.yml": report, "r-2024/01.md": text})
        with_libyaml = loaded(root, libyaml=True, monkeypatch=patch)
        outcome(with_libyaml[0])
        assert with_libyaml == loaded(root, libyaml=False, monkeypatch=patch)


def test_the_texts_left_to_pyyaml_are_few() -> None:
    """The guard is narrow: the demo's files, and text with Chinese punctuation, go to libyaml."""
    fronts = [path.read_text("utf-8").split("---\n", 2)[1] for path in DEMO.glob("*.md")]
    assert not [front for front in fronts if yamlpos.PYYAML_ONLY.search(front)]
    assert not yamlpos.PYYAML_ONLY.search("title: 为什么？注意！\nunits: [甲, 乙]\nsummary: |\n  文字\n")
    assert re.search(yamlpos.PYYAML_ONLY, "title: 甲\t\n")
