"""Random and mutated notices: a valid result or a NoticeImportError, never anything else."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from support.fuzzing import fuzz, no_time_limit_when_long, outcome
from support.importer import (
    CAPTURE_REPAIRS,
    FIXTURES,
    SEED,
    as_written,
    fragments,
    output_text,
    read_report,
    squash,
)

from mkdocs_rectify.importer import ImportResult, NoticeImportError, import_notice, write_report
from mkdocs_rectify.importer.dates import repair_lost_period
from mkdocs_rectify.importer.writer import check_report, render_files
from mkdocs_rectify.model import ProblemFrontMatter, ReportMeta

pytestmark = no_time_limit_when_long()

SEED_LINES = SEED.read_text("utf-8").splitlines()
FUZZ = fuzz()
NAMES = st.sampled_from(["notice.txt", "notice.html", "-", "notice"])


def attempt(data: bytes, name: str = "notice.txt") -> ImportResult | None:
    try:
        result = import_notice(data, source_name=name)
    except NoticeImportError as error:
        outcome("refused by the importer")
        message = str(error)
        assert message and "\n" not in message
        return None
    files = render_files(result)  # every result can be written
    assert "report.yml" in files and len(files) == len(result.problems) + 1
    try:
        check_report(result)  # and is what validate accepts, or refused with a one-line message
    except NoticeImportError as error:
        outcome("imported, refused by the loader")
        assert str(error) and "\n" not in str(error)
        return None
    outcome("imported")
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


TAGS = [
    *("html", "head", "title", "meta", "body", "div", "article", "section", "p", "span", "font", "strong"),
    *("h1", "h2", "table", "tr", "td", "ul", "li", "br", "a", "img", "script", "style", "noscript", "iframe"),
    *("pre", "textarea", "template", "svg", "math", "frameset", "select", "option", "form", "button"),
]
ATTRIBUTES = [
    *("", ' id="zoom"', ' class="article-content"', ' class="TRS_Editor"', ' id="content"'),
    *(" charset='base64'", ' charset="gbk"', " charset=utf-7", ' charset="x-unknown"', " charset=rot13"),
    *(' http-equiv="Content-Type" content="text/html; charset=gb2312"', ' style="display:none"'),
    *(' href="javascript:alert(1)"', ' onclick="x()"', ' src="data:text/html,x"', " hidden"),
]
ENTITIES = ["&#x202e;", "&nbsp;", "&#0;", "&#x85;", "&"]
TEXTS = st.sampled_from(SEED_LINES) | st.text(max_size=40) | st.sampled_from(ENTITIES)


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def markup(parts: tuple[str, str, list[str], bool]) -> str:
        tag, attributes, inner, closed = parts
        return f"<{tag}{attributes}>" + "".join(inner) + (f"</{tag}>" if closed else "")

    return st.tuples(
        st.sampled_from(TAGS), st.sampled_from(ATTRIBUTES), st.lists(children, max_size=5), st.booleans()
    ).map(markup)


PAGES = st.tuples(
    st.sampled_from(["", "<!DOCTYPE html>", "<!doctype html><html>", "<!--", "<?xml version='1.0'?>"]),
    st.recursive(TEXTS, element, max_leaves=40),
).map("".join)


@FUZZ
@given(PAGES, st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_random_html(page: str, encoding: str) -> None:
    attempt(page.encode(encoding, errors="replace"), "notice.html")


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


@fuzz(25)
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
        assert lost_paragraphs(result.article_text, folder) == []


def test_text_that_looks_like_markup_is_not_counted_as_lost(tmp_path: Path) -> None:
    lines = list(SEED_LINES)
    lines[3:3] = ["0<A", "a &amp; b"]
    result = attempt("\n".join(lines).encode())
    assert result is not None
    folder = write_report(result, tmp_path, force=False)
    assert lost_paragraphs(result.article_text, folder) == []


def test_a_repeated_paragraph_is_found_repaired_or_as_captured(tmp_path: Path) -> None:
    lines = list(SEED_LINES)
    intro = next(line for line in lines if "根据市委统一部署" in line)
    lines.insert(lines.index(intro), intro.replace("根据", "据"))  # the importer repairs the first copy
    result = attempt("\n".join(lines).encode())
    assert result is not None
    assert lost_paragraphs(result.article_text, write_report(result, tmp_path, force=False)) == []


def test_a_bare_label_on_the_last_line_is_structure_not_lost(tmp_path: Path) -> None:
    lines = [*SEED_LINES[: SEED_LINES.index("  整改结果:已完成。")], "  下一步"]
    result = attempt("\n".join(lines).encode())
    assert result is not None
    assert lost_paragraphs(result.article_text, write_report(result, tmp_path, force=False)) == []


def test_a_mutated_capture_loss_is_found_as_the_importer_reads_it(tmp_path: Path) -> None:
    lines = [line.replace("2021422日至625", "2021422日至65") for line in SEED_LINES]
    result = attempt("\n".join(lines).encode())
    assert result is not None
    assert "2021年4月22日至6月5日" in result.meta.intro
    assert lost_paragraphs(result.article_text, write_report(result, tmp_path, force=False)) == []


def lost_paragraphs(article: str, folder: Path) -> list[str]:
    """Paragraphs of the article with a piece the written folder lacks, as captured and as repaired
    (the seed's known capture loss, or another one the importer reads unambiguously)."""
    written = squash(output_text(folder))

    def lost(paragraph: str) -> bool:
        return any(
            squash(piece) not in written and squash(as_written(piece)) not in written
            for piece in fragments(paragraph)
        )

    def repaired(paragraph: str) -> str:
        for capture, repair in CAPTURE_REPAIRS.items():
            paragraph = paragraph.replace(capture, repair)
        for lost_period in repair_lost_period(paragraph):  # a mutated capture loss, read as the importer does
            if lost_period.repaired:
                paragraph = paragraph.replace(lost_period.text, lost_period.repaired)
        return paragraph

    return [paragraph for paragraph in article.splitlines() if lost(paragraph) and lost(repaired(paragraph))]


def test_fixtures_survive_truncation() -> None:
    for path in sorted(FIXTURES.iterdir()):
        data = path.read_bytes()
        for cut in range(0, len(data), max(1, len(data) // 40)):
            attempt(data[:cut], path.name)
