"""Read aloud (朗读) on problem and report pages: the control, and in Chromium what it reads and shows.

Headless Chromium here has speechSynthesis but no voice; support.speech's init script stands in for
the browser's speech engine with one Chinese voice (see there). Our own script runs unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from support import inpage, speech
from support.axe import violations
from support.builds import DEMO_ID, Build
from support.speech import CURRENT, NO_SPEECH, PROBLEM, REPORT, SPEECH, spoken, unspaced, wait_status

MAIN = ".rectify-read-aloud__button--main"
STOP = ".rectify-read-aloud__button--stop"
STATUS = "[data-rectify-read-aloud-status]"


# -- the markup --------------------------------------------------------------------------------


def test_problem_and_report_pages_carry_the_control_hidden(demo_build: Build) -> None:
    for url, target in ((f"{DEMO_ID}/1/", "problem"), (f"{DEMO_ID}/", "report-text")):
        page = demo_build.html(url)
        assert page.count('class="rectify-read-aloud"') == 1, url
        control = page.split('<div class="rectify-read-aloud"')[1].split("</div>")[0]
        assert " hidden" in control.split(">")[0]  # revealed by the script only where speech works
        assert f'data-rectify-read-aloud="{target}"' in control and f'aria-controls="{target}"' in control
        assert re.search(r'<button type="button" class="rectify-read-aloud__button[^"]*"', control)
        assert '<p class="rectify-read-aloud__status" role="status" aria-live="polite"' in control
        assert f'id="{target}"' in page
        # Before the text it reads.
        assert page.index('class="rectify-read-aloud"') < page.index(f'id="{target}"')
    assert 'class="rectify-read-aloud"' not in demo_build.html("about/")  # a page of the site's own


# -- in Chromium ---------------------------------------------------------------------------------


def opened(browser, url: str, *, script: str | None = SPEECH, javascript: bool = True) -> Iterator:
    with inpage.opened(browser, url, javascript=javascript, init_script=script) as page:
        yield page


@pytest.fixture
def problem(browser, demo_url: str) -> Iterator:
    yield from opened(browser, demo_url + PROBLEM)


def status(page) -> str:
    return page.locator(STATUS).inner_text()


def current(page) -> list[str]:
    return page.eval_on_selector_all(CURRENT, "els => els.map((e) => e.textContent.replace(/\\s+/g, ''))")


@pytest.mark.browser
def test_the_control_is_absent_without_speech_synthesis(browser, demo_url: str) -> None:
    for page in opened(browser, demo_url + PROBLEM, script=NO_SPEECH):
        assert page.evaluate("'speechSynthesis' in window") is False
        assert page.locator(".rectify-read-aloud").is_hidden()
        assert page.get_by_role("button", name="朗读全文").count() == 0
    for page in opened(browser, demo_url + PROBLEM, script=None, javascript=False):
        assert page.locator(".rectify-read-aloud").is_hidden()
        assert page.get_by_role("button", name="朗读全文").count() == 0


@pytest.mark.browser
def test_the_control_shows_where_the_browser_can_speak(problem) -> None:
    button = problem.get_by_role("button", name="朗读全文")
    assert button.is_visible() and button.get_attribute("aria-controls") == "problem"
    assert problem.locator(STOP).is_hidden()
    box = button.bounding_box()
    assert box and box["width"] >= 44 and box["height"] >= 44
    problem.evaluate("document.documentElement.setAttribute('data-rectify-care', '')")  # 关怀版
    box = button.bounding_box()
    assert box and box["width"] >= 44 and box["height"] >= 44


READING_ORDER = """
() => [...document.querySelectorAll('#problem p, #problem li')]
  .filter((e) => e.offsetParent !== null && !e.querySelector('p, li'))
  .map((e) => e.textContent.replace(/\\s+/g, ''))
  .filter(Boolean)
"""


@pytest.mark.browser
@pytest.mark.parametrize("path", [PROBLEM, f"/{DEMO_ID}/12/"])
def test_the_whole_text_is_read_in_document_order(browser, demo_url: str, path: str) -> None:
    for page in opened(browser, demo_url + path):
        page.evaluate("window.__tts.auto = true")
        page.get_by_role("button", name="朗读全文").click()
        wait_status(page, "朗读完毕。", STATUS)
        said = spoken(page)
        assert {u["lang"] for u in said} == {"zh-CN"}
        assert all(len(u["text"]) <= 120 for u in said)
        text = "".join(unspaced(u["text"]) for u in said)
        title = unspaced(page.locator("h1").inner_text())
        assert text.startswith(title)
        # Every paragraph and list item of the problem, in the order of the page.
        position = 0
        for block in page.evaluate(READING_ORDER):
            found = text.find(block, position)
            assert found >= 0, f"not read, or read out of order: {block[:40]}"
            position = found + len(block)
        # The pager and the control itself are not read.
        assert "上一个问题" not in text and "下一个问题" not in text and "朗读全文" not in text
        assert current(page) == []


@pytest.mark.browser
def test_long_paragraphs_are_split_at_sentence_ends(browser, demo_url: str) -> None:
    for page in opened(browser, demo_url + REPORT):
        page.evaluate("window.__tts.auto = true")
        page.get_by_role("button", name="朗读全文").click()
        wait_status(page, "朗读完毕。", STATUS)
        said = [u["text"] for u in spoken(page)]
        longest = page.evaluate(
            "() => Math.max(...[...document.querySelectorAll('#report-text p')]"
            ".map((p) => p.textContent.trim().length))"
        )
        assert longest > 120  # the demo has paragraphs Chrome would cut off
        assert max(len(t) for t in said) <= 120
        # The pieces of long paragraphs end at a sentence or, in a sentence longer than a piece, at a
        # clause (facts, counts and table rows are short lines of their own).
        ends = [t for t in said if len(t) >= 60]
        cut = [t for t in ends if t[-1] not in "。！？；，、："]
        assert len(ends) >= 10 and len(cut) <= 0.1 * len(ends), cut  # rows of figures, source text
        assert sum(t[-1] in "。！？；" for t in ends) >= 0.6 * len(ends)


@pytest.mark.browser
def test_the_highlight_follows_the_reading_and_comes_into_view(problem) -> None:
    problem.get_by_role("button", name="朗读全文").click()
    wait_status(problem, "开始朗读。", STATUS)
    assert problem.locator(MAIN).inner_text().strip() == "暂停"
    assert current(problem) == [unspaced(problem.locator("h1").inner_text())]
    seen: list[str] = []
    while problem.evaluate("window.__tts.pending.length") and len(seen) < 8:
        highlighted = current(problem)
        assert len(highlighted) == 1
        assert unspaced(spoken(problem)[-1]["text"]) in highlighted[0]  # the block being read
        if not seen or seen[-1] != highlighted[0]:
            seen.append(highlighted[0])
        problem.evaluate("window.__tts.end()")
    assert len(seen) == 8 and len(set(seen)) == 8  # it moved on, block by block
    problem.wait_for_timeout(800)  # smooth scrolling
    box = problem.locator(CURRENT).bounding_box()
    viewport = problem.viewport_size
    assert box and viewport and box["y"] >= 0 and box["y"] + min(box["height"], 100) <= viewport["height"]
    assert problem.evaluate("window.scrollY") > 100


@pytest.mark.browser
def test_pause_resume_and_stop(problem) -> None:
    main = problem.locator(MAIN)
    main.click()
    for _ in range(5):
        problem.evaluate("window.__tts.end()")
    before = spoken(problem)
    highlighted = current(problem)

    main.click()  # 暂停
    wait_status(problem, "已暂停朗读。", STATUS)
    assert main.inner_text().strip() == "继续朗读"
    assert problem.evaluate("window.__tts.pending.length") == 0  # nothing goes on speaking
    assert problem.evaluate("window.__tts.end()") is False
    assert current(problem) == highlighted and spoken(problem) == before

    main.click()  # 继续: the sentence that was cut off is read again
    wait_status(problem, "继续朗读。", STATUS)
    assert main.inner_text().strip() == "暂停"
    assert spoken(problem)[-1] == before[-1] and len(spoken(problem)) == len(before) + 1
    problem.evaluate("window.__tts.end()")
    assert len(spoken(problem)) == len(before) + 2

    problem.locator(STOP).click()  # 停止
    wait_status(problem, "已停止朗读。", STATUS)
    assert main.inner_text().strip() == "朗读全文" and problem.locator(STOP).is_hidden()
    assert current(problem) == [] and problem.evaluate("window.__tts.pending.length") == 0
    assert problem.evaluate("document.activeElement.matches('.rectify-read-aloud__button--main')")

    main.click()  # and it starts again from the top
    assert unspaced(spoken(problem)[-1]["text"]) in unspaced(problem.locator("h1").inner_text())


@pytest.mark.browser
def test_the_buttons_work_from_the_keyboard(problem) -> None:
    problem.focus(MAIN)
    problem.keyboard.press("Enter")
    wait_status(problem, "开始朗读。", STATUS)
    problem.keyboard.press("Space")
    wait_status(problem, "已暂停朗读。", STATUS)
    speech.stop_by_keyboard(problem, STATUS, "朗读全文")


@pytest.mark.browser
def test_a_speech_failure_is_told(problem) -> None:
    problem.evaluate("window.__tts.fail = true")
    problem.locator(MAIN).click()
    wait_status(problem, "本设备暂时无法朗读，请检查系统的语音设置。", STATUS)
    assert problem.locator(MAIN).inner_text().strip() == "朗读全文" and current(problem) == []


@pytest.mark.browser
@pytest.mark.parametrize("path", [PROBLEM, REPORT])
def test_axe_while_reading(browser, demo_url: str, path: str) -> None:
    for page in opened(browser, demo_url + path):
        page.locator(MAIN).click()
        for _ in range(3):
            page.evaluate("window.__tts.end()")
        page.locator(MAIN).click()  # paused, with a paragraph highlighted and the stop button shown
        wait_status(page, "已暂停朗读。", STATUS)
        assert violations(page) == []


@pytest.mark.browser
def test_care_mode_while_reading_reaches_7_to_1(browser, demo_url: str) -> None:
    for page in opened(
        browser, demo_url + PROBLEM, script=SPEECH + f"localStorage.setItem('{inpage.CARE_KEY}', 'on');"
    ):
        assert page.evaluate("document.documentElement.hasAttribute('data-rectify-care')")
        page.locator(MAIN).click()
        for _ in range(3):
            page.evaluate("window.__tts.end()")
        assert len(current(page)) == 1
        assert violations(page, rules=["color-contrast-enhanced"]) == []
        for button in (MAIN, STOP):
            box = page.locator(button).bounding_box()
            assert box and box["height"] >= 44 and box["width"] >= 44, button
