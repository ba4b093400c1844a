"""Random and mutated notices: a valid result or a NoticeImportError, never anything else."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_support import CAPTURE_REPAIRS, FIXTURES, SEED, missing_fragments, read_report

from mkdocs_rectify.importer import ImportResult, NoticeImportError, import_notice, write_report
from mkdocs_rectify.importer.writer import render_files
from mkdocs_rectify.model import ProblemFrontMatter, ReportMeta

SEED_LINES = SEED.read_text("utf-8").splitlines()
FUZZ = settings(
    max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
NAMES = st.sampled_from(["notice.txt", "notice.html", "-", "notice"])


def attempt(data: bytes, name: str = "notice.txt") -> ImportResult | None:
    try:
        result = import_notice(data, source_name=name)
    except NoticeImportError as error:
        message = str(error)
        assert message and "\n" not in message
        return None
    files = render_files(result)  # every result can be written
    assert "report.yml" in files and len(files) == len(result.problems) + 1
    return result


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        operation = draw(
            st.sampled_from(["delete", "duplicate", "swap", "insert", "chars", "truncate", "unicode"])
        )
        index = draw(st.integers(0, len(lines) - 1))
        if operation == "delete":
            del lines[index : index + draw(st.integers(1, 20))]
        elif operation == "duplicate":
            lines[index:index] = lines[index : index + draw(st.integers(1, 10))]
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == "insert":
            lines.insert(index, draw(st.text(max_size=80)))
        elif operation == "chars" and lines[index]:
            start = draw(st.integers(0, len(lines[index]) - 1))
            lines[index] = lines[index][:start] + lines[index][start + draw(st.integers(1, 12)) :]
        elif operation == "truncate":
            text = "\n".join(lines)
            lines = text[: draw(st.integers(0, len(text)))].splitlines()
        elif operation == "unicode" and lines[index]:
            position = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:position] + draw(st.characters()) + lines[index][position:]
    return "\n".join(lines)


@FUZZ
@given(mutated_seed(), st.sampled_from(["utf-8", "gb18030", "utf-8-sig"]))
def test_mutated_seed(text: str, encoding: str) -> None:
    attempt(text.encode(encoding, errors="replace"))


@FUZZ
@given(mutated_seed())
def test_mutated_seed_as_html(text: str) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    page = f"<html><body><div id='zoom'>{paragraphs}</div></body></html>"
    attempt(page.encode("utf-8", errors="surrogatepass"), "notice.html")


@FUZZ
@given(st.text(max_size=3000), NAMES)
def test_random_text(text: str, name: str) -> None:
    attempt(text.encode("utf-8", errors="surrogatepass"), name)


@FUZZ
@given(st.binary(max_size=3000), NAMES)
def test_random_bytes(data: bytes, name: str) -> None:
    attempt(data, name)


STRUCTURE_LINES = [
    *SEED_LINES,
    "（一）在“某某”方面",
    "1.关于“某问题”问题的整改",
    "（1）关于“某问题”的问题",
    "一、关于“某问题”的问题",
    "整改情况：",
    "整改进展：已完成。",
    "三、下一步工作打算",
    "联系电话：",
    "2022年3月22日",
]


@FUZZ
@given(st.lists(st.sampled_from(STRUCTURE_LINES), max_size=40))
def test_shuffled_structure(lines: list[str]) -> None:
    result = attempt("\n".join(lines).encode())
    if result is not None:
        numbers = [problem.front_matter.number for problem in result.problems]
        assert len(set(numbers)) == len(numbers)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seed())
def test_mutated_results_write_valid_folders_and_lose_nothing(text: str) -> None:
    result = attempt(text.encode("utf-8", errors="surrogatepass"))
    if result is None:
        return
    with tempfile.TemporaryDirectory() as temporary:
        folder = write_report(result, Path(temporary), force=False)
        report, problems = read_report(folder)
        ReportMeta.model_validate(report)
        for front, body in problems.values():
            ProblemFrontMatter.model_validate(front)
            assert body
        article = result.article_text
        for lost, repaired in CAPTURE_REPAIRS.items():
            if repaired in result.meta.intro:
                article = article.replace(lost, repaired)
        assert missing_fragments(article.splitlines(), folder) == []


def test_fixtures_survive_truncation() -> None:
    for path in sorted(FIXTURES.iterdir()):
        data = path.read_bytes()
        for cut in range(0, len(data), max(1, len(data) // 40)):
            attempt(data[:cut], path.name)
