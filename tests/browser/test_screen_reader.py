"""What a blind reader hears: Orca reading the demo site in Chromium, one page type at a time.

Each test starts its own session (see ``support.orca``), types keys as an Orca user does in browse
mode (``h`` next heading, ``t`` next table, ``Tab``, ``space``, ``Down`` next line…) and asserts on
what Orca said after a key: the site's own words and Orca's English role words (the session runs under
the C locale), never a whole transcript, which moves between runs (window title, loading messages).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from support.builds import DEMO_ID, ROOT
from support.orca import INSTALL, LOAD, ScreenReader, missing_packages, orca_reading
from support.web import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.screenreader

LOCALE = yaml.safe_load((ROOT / "mkdocs_rectify/locales/zh-CN.yml").read_text("utf-8"))
PROBLEM = yaml.safe_load((ROOT / f"content/{DEMO_ID}/01.md").read_text("utf-8").split("---")[1])
LEAVE = LOCALE["leave"]
QUESTION = LEAVE["message"].split("{host}")[-1].strip("，")
"""The question of the leave dialog, after the host it names: 是否继续？"""


@pytest.fixture
def orca(demo_url: str, tmp_path: Path) -> Iterator[Callable[[str], ScreenReader]]:
    """Opens a path of the demo site in Chromium with Orca reading it; all stopped after the test."""
    missing = missing_packages()
    if missing:
        pytest.fail(f"The screen-reader tests need {', '.join(missing)}; run: {INSTALL}", pytrace=False)
    with contextlib.ExitStack() as stack:

        def open_page(path: str) -> ScreenReader:
            session = orca_reading(
                demo_url + path, tmp_path / "orca", chromium=CHROMIUM, chromium_args=CHROMIUM_ARGS
            )
            return stack.enter_context(session)

        yield open_page


def said(reader: ScreenReader, key: str, *words: str) -> str:
    """The first utterance after ``key`` holding every one of ``words``; fails showing what was heard."""
    for text in reader.heard_after(key):
        if all(word in text for word in words):
            return text
    raise AssertionError(f"after {key!r}, Orca said nothing holding {words}.\n{reader.transcript()}")


def press_until(reader: ScreenReader, key: str, *words: str, limit: int = 12) -> str:
    """Presses ``key`` until Orca says an utterance holding every one of ``words``; returns it."""
    for _ in range(limit):
        for text in reader.press(key):
            if all(word in text for word in words):
                return text
    raise AssertionError(f"{limit} presses of {key!r}, and Orca never said {words}.\n{reader.transcript()}")


# -- problem page ------------------------------------------------------------------------------------


def test_problem_page_summary_on_load_and_title_as_level_one_heading(orca) -> None:
    reader = orca(f"/{DEMO_ID}/1/")
    summary = reader.wait_for(re.compile(r"Page has (\d+) landmarks?, (\d+) headings?"))
    landmarks, headings = map(int, re.findall(r"(\d+) (?:landmark|heading)", summary.text))
    assert summary.key == LOAD and landmarks > 0 and headings > 0, reader.transcript()

    reader.press("h")
    said(reader, "h", PROBLEM["title"], "heading level 1")


def test_problem_status_is_heard_as_the_result_of_rectification(orca) -> None:
    """Reading on line by line from the title, the status comes with what it is the status of."""
    reader = orca(f"/{DEMO_ID}/1/")
    reader.press("h")
    said(reader, "h", PROBLEM["title"], "heading level 1")
    label = LOCALE["status"][PROBLEM["status"]]
    lines: list[str] = []
    for _ in range(6):
        lines += reader.press("Down")
        if any(label in line for line in lines):
            break
    assert any(label in line for line in lines), reader.transcript()
    assert any(LOCALE["section"]["status"] in line for line in lines), reader.transcript()


# -- report page -------------------------------------------------------------------------------------


def test_report_statistics_table_heard_with_caption_and_column_header(orca) -> None:
    reader = orca(f"/{DEMO_ID}/")
    reader.press("t")
    said(reader, "t", LOCALE["report"]["summary_caption"])
    said(reader, "t", "table with")
    said(reader, "t", "column header")


# -- search page -------------------------------------------------------------------------------------


def test_search_count_announced_when_the_results_come(orca) -> None:
    """With a query in the address, the page searches on load; its status region announces the count."""
    reader = orca("/search/?q=%E7%94%B5%E5%AD%90%E4%BF%9D%E5%87%BD")  # 电子保函
    count = re.escape(LOCALE["search"]["count_other"]).replace(re.escape("{count}"), r"(\d+)")
    announced = reader.wait_for(re.compile(count))
    assert int(re.search(count, announced.text)[1]) > 0, reader.transcript()


# -- any page: 关怀版 ---------------------------------------------------------------------------------


def test_care_toggle_heard_as_a_toggle_button_with_its_state(orca) -> None:
    reader = orca(f"/{DEMO_ID}/1/")
    before = press_until(reader, "Tab", LOCALE["care"]["button"], "toggle button")
    assert "not pressed" in before, reader.transcript()
    reader.press("space")
    after = said(reader, "space", "pressed")
    assert "not pressed" not in after, reader.transcript()
    reader.press("space")
    said(reader, "space", "not pressed")


# -- leave dialog ------------------------------------------------------------------------------------


def open_leave_dialog(reader: ScreenReader) -> list[str]:
    """From the end of the page back to the nearest link to another site; Enter on it. What Orca said."""
    reader.press("ctrl+End")
    press_until(reader, "shift+k", LEAVE["hint"].strip("（）"), limit=6)
    return reader.press("Return")


def test_leave_dialog_opens_and_its_question_is_heard(orca) -> None:
    """Enter on a link to another site opens the dialog; its title is a heading, its question follows."""
    reader = orca(f"/{DEMO_ID}/")
    opened = open_leave_dialog(reader)
    assert any(LEAVE["continue"] in text or LEAVE["back"] in text for text in opened), reader.transcript()
    reader.press("shift+h")
    said(reader, "shift+h", LEAVE["title"], "heading level 2")
    press_until(reader, "Down", QUESTION, limit=4)


def test_leave_dialog_announced_with_its_question_and_focus_on_back(orca) -> None:
    reader = orca(f"/{DEMO_ID}/")
    open_leave_dialog(reader)
    said(reader, "Return", LEAVE["title"], "dialog", QUESTION)
    said(reader, "Return", LEAVE["back"], "push button")
