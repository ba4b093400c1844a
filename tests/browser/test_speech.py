"""Speech in Chromium: where 朗读 and the speech tools (指读, 连读, 语速) are offered, the splitter every
utterance goes through, and what each tool reads.

support.speech's init script stands in for the browser's speech engine (voices, speak, cancel) and
records what is said; the site's scripts run unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from support import inpage
from support.axe import violations
from support.builds import DEMO_ID, Build
from support.inpage import open_toolbar
from support.speech import (
    CURRENT,
    EN_VOICE,
    NO_SPEECH,
    NO_VOICE,
    PROBLEM,
    REPORT,
    SPEECH,
    ZH_VOICE,
    engine,
    focused_text,
    spoken,
    stop_by_keyboard,
    unspaced,
    wait_status,
)

READ_ALOUD = ".rectify-read-aloud"
TOOLS = "[data-rectify-speech]"
POINT = "[data-rectify-speech-point]"
READ_ON = "[data-rectify-speech-read-on]"
STOP = "[data-rectify-speech-stop]"
STATUS = "[data-rectify-speech-status]"


def opened(browser: Any, url: str, script: str | None = SPEECH, **options: Any) -> Iterator[Any]:
    """The page, with the 无障碍工具条 (which holds the speech tools) open where scripts run."""
    with inpage.opened(browser, url, init_script=script, **options) as page:
        if page.evaluate("document.documentElement.classList.contains('rectify-js')"):
            open_toolbar(page)  # (without scripts there is no toolbar)
        yield page


# -- the splitter --------------------------------------------------------------------------------

PIECES = "([text, max]) => window.rectify.speech.pieces(text, max)"

# Runs a cut may never fall inside: a web address, a phone number, a figure with its units, a word.
UNCUT = re.compile(
    r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
    r"|\+?[(（]?\d+[)）]?(?:[ \-]\d+)+"
    r"|第?\d+(?:[.,:/\-]\d+)*(?:[年月日号时点分秒]\d+(?:[.,:/\-]\d+)*)*[年月日号时点分秒万亿千百十元个项条件次名人家余多%％]?"
    r"|[A-Za-z0-9À-ɏ]+(?:[\-'’_.,:/@+][A-Za-z0-9À-ɏ]+)*"
)


def cuts_safely(text: str, pieces: list[str]) -> list[str]:
    """The pieces give the text back (but for white space), and no cut is inside a run of UNCUT;
    what is wrong, as messages."""
    flat = re.sub(r"\s+", " ", text).strip()
    faults = []
    at = 0
    cuts = []
    for piece in pieces:
        found = flat.find(piece, at)
        if found < 0 or flat[at:found].strip():
            return [f"the pieces do not give the text back at {piece[:20]!r}"]
        at = found + len(piece)
        cuts.append(at)
    if flat[at:].strip():
        faults.append("the pieces do not give the text back: the end is missing")
    runs = [(m.start(), m.end()) for m in UNCUT.finditer(flat)]
    for cut in cuts[:-1]:
        inside = [flat[a:b] for a, b in runs if a < cut < b]
        if inside:
            faults.append(
                f"cut inside {inside[0]!r}: …{flat[max(0, cut - 10) : cut]}|{flat[cut : cut + 10]}…"
            )
    return faults


@pytest.fixture(scope="module")
def splitter(browser: Any, demo_url: str) -> Iterator[Any]:
    # The splitter needs no voice, nor speech synthesis at all.
    yield from opened(browser, demo_url + "/", script=NO_SPEECH)


def pieces(page: Any, text: str, limit: int = 120) -> list[str]:
    return page.evaluate(PIECES, [text, limit])


def test_short_text_is_one_piece_and_empty_text_none(splitter) -> None:
    assert pieces(splitter, "") == []
    assert pieces(splitter, "   \n ") == []
    assert pieces(splitter, "问题表现。") == ["问题表现。"]
    assert pieces(splitter, "  整改  措施 \n 已完成。 ") == ["整改 措施 已完成。"]


def test_chinese_is_cut_after_sentences_then_clauses(splitter) -> None:
    text = "第一句话说明了整改的背景。" * 6 + "第二句很长，" * 12 + "最后一句！"
    said = pieces(splitter, text, 40)
    assert cuts_safely(text, said) == []
    assert all(len(p) <= 40 for p in said)
    assert said[:6] == ["第一句话说明了整改的背景。"] * 6  # a sentence at a time
    assert said[6] == "第二句很长，" * 6 and said[7] == "第二句很长，" * 6  # its clauses, packed
    assert all(p[-1] in "。，！" for p in said), said


def test_english_is_cut_at_sentences_then_clauses_then_spaces_never_in_a_word(splitter) -> None:
    text = (
        "The unit reviewed every contract signed since 2019. "
        "It found that procurement rules, which had been revised twice, were not applied: "
        "seven projects were awarded without tender and their documentation remained incomplete "
        "until the inspection team asked for it in writing"
    )
    said = pieces(splitter, text, 60)
    assert cuts_safely(text, said) == []
    assert said[:2] == [
        "The unit reviewed every contract signed since 2019.",
        "It found that procurement rules,",
    ]
    assert all(len(p) <= 60 for p in said) and len(said) >= 6
    # The last sentence has no punctuation: cut between words.
    assert all(re.fullmatch(r"[\w ,:.]+", p) for p in said)


def test_numbers_dates_phones_and_addresses_are_never_cut(splitter) -> None:
    text = (
        "整改期限为2021年4月22日至2021年12月31日共计整改资金3.5万元联系电话0898-6533 1234"
        "详见https://www.example.gov.cn/xxgk/2021/0422/notice.html请于12:30前办理涉及第3批共17个项目"
    )
    for limit in range(8, 40, 3):
        said = pieces(splitter, text, limit)
        assert cuts_safely(text, said) == [], (limit, said)
    said = pieces(splitter, text, 20)
    assert "https://www.example.gov.cn/xxgk/2021/0422/notice.html" in "".join(said)
    assert any("2021年4月22日" in p for p in said) and any("0898-6533 1234" in p for p in said)


def test_mixed_text_and_a_long_run_without_punctuation(splitter) -> None:
    text = "市数据局依托Open Data平台开放了API接口供企业调用" * 8
    said = pieces(splitter, text, 30)
    assert cuts_safely(text, said) == []
    assert all(len(p) <= 30 for p in said) and len(said) >= 8
    run = "整" * 500
    said = pieces(splitter, run, 120)
    assert "".join(said) == run and [len(p) for p in said] == [120, 120, 120, 120, 20]
    # One word longer than the limit is spoken whole rather than cut.
    word = "a" * 200
    assert pieces(splitter, f"见 {word} 页", 120) == ["见", word, "页"]


def test_brackets_and_quotes_stay_with_their_words(splitter) -> None:
    said = pieces(splitter, "甲乙丙丁戊（己庚辛）壬癸“子丑寅卯”辰巳", 6)
    assert cuts_safely("甲乙丙丁戊（己庚辛）壬癸“子丑寅卯”辰巳", said) == []
    assert not any(p[0] in "）”" or p[-1] in "（“" for p in said), said


def test_the_demos_long_paragraphs_are_cut_safely(splitter, demo_url: str) -> None:
    splitter.goto(demo_url + REPORT)
    texts = splitter.evaluate(
        "() => [...document.querySelectorAll('#report-text p, #report-text li')]"
        ".map((p) => p.textContent.replace(/\\s+/g, ' ').trim()).filter((t) => t.length > 120)"
    )
    assert len(texts) >= 5
    for text in texts:
        said = pieces(splitter, text)
        assert cuts_safely(text, said) == [], said
        assert max(len(p) for p in said) <= 120


# -- offered where a voice speaks the page's language -------------------------------------------

CONTENT_PAGES = {
    "overview": "",
    "report": f"{DEMO_ID}/",
    "problem": f"{DEMO_ID}/1/",
    "browse": "browse/",
    "filter": "browse/status/completed/",
    "year": "years/2022/",
    "statement": "accessibility/",
    "search": "search/",
}
"""Page type → path: the pages with text to read, which carry 朗读."""


def test_every_content_page_carries_read_aloud_and_every_page_the_speech_tools(demo_build: Build) -> None:
    for kind, url in CONTENT_PAGES.items():
        page = demo_build.html(url)
        assert page.count('class="rectify-read-aloud"') == 1, kind
        control = page.split('<div class="rectify-read-aloud"')[1].split(">")[0]
        target = re.search(r'data-rectify-read-aloud="([^"]+)"', control)
        assert target and " hidden" in control, kind
        assert page.count(f'id="{target.group(1)}"') == 1, kind
        assert page.index('class="rectify-read-aloud"') < page.index(f'id="{target.group(1)}"'), kind
    # A notice of a few lines has no 朗读 (the toolbar's 连读 reads it).
    leave = next((demo_build.site / "leave").glob("*/index.html")).parent.relative_to(demo_build.site)
    for url in ("404.html", leave.as_posix()):
        page = demo_build.html(url)
        assert 'class="rectify-read-aloud"' not in page, url
    for url in [*CONTENT_PAGES.values(), "404.html", "about/", leave.as_posix()]:
        page = demo_build.html(url)
        tools = page.split('<div class="rectify-speech"')
        assert len(tools) == 2, url
        assert " hidden" in tools[1].split(">")[0] and "data-rectify-speech " in tools[1].split(">")[0], url
        # In the 无障碍工具条, after its own tools.
        assert page.index('id="rectify-a11y"') < page.index('class="rectify-speech"'), url
        assert page.index('class="rectify-speech"') < page.index("data-rectify-a11y-reset"), url


def shown(page: Any) -> dict[str, bool]:
    return {
        "read aloud": page.locator(READ_ALOUD).is_visible(),
        "tools": page.locator(TOOLS).is_visible(),
    }


@pytest.mark.parametrize("kind", CONTENT_PAGES)
def test_offered_on_each_content_page_where_a_voice_speaks_chinese(browser, demo_url: str, kind: str) -> None:
    for page in opened(browser, f"{demo_url}/{CONTENT_PAGES[kind]}"):
        assert shown(page) == {"read aloud": True, "tools": True}
        page.evaluate("window.__tts.auto = true")
        page.get_by_role("button", name="朗读全文").click()
        wait_status(page, "朗读完毕。", "[data-rectify-read-aloud-status]")
        said = "".join(unspaced(u["text"]) for u in spoken(page))
        assert unspaced(page.locator("h1").first.inner_text()) in said and len(said) > 20, kind


@pytest.mark.parametrize(
    "script",
    [NO_VOICE, engine(EN_VOICE), NO_SPEECH],
    ids=["no voice", "only an English voice", "no speech synthesis"],
)
def test_hidden_without_a_voice_for_the_pages_language(browser, demo_url: str, script: str) -> None:
    for page in opened(browser, demo_url + PROBLEM, script=script):
        page.wait_for_timeout(3500)  # past the last look at the voices
        assert shown(page) == {"read aloud": False, "tools": False}
        assert page.get_by_role("button", name="朗读全文").count() == 0
        assert page.get_by_role("button", name="指读").count() == 0


def test_hidden_without_scripts(browser, demo_url: str) -> None:
    for page in opened(browser, demo_url + PROBLEM, script=None, javascript=False):
        assert shown(page) == {"read aloud": False, "tools": False}


def test_shown_when_a_voice_arrives_late(browser, demo_url: str) -> None:
    # Chromium lists no voice at first and fires voiceschanged when it has them.
    for page in opened(browser, demo_url + PROBLEM, script=NO_VOICE):
        assert shown(page) == {"read aloud": False, "tools": False}
        page.evaluate(f"window.__tts.arrive([{EN_VOICE}, {{ ...{ZH_VOICE}, lang: 'zh-TW' }}])")
        page.wait_for_function("!document.querySelector('[data-rectify-speech]').hidden")
        assert shown(page) == {"read aloud": True, "tools": True}
        page.get_by_role("button", name="朗读全文").click()
        assert spoken(page)[-1]["voice"] == "中文（普通话）" and spoken(page)[-1]["lang"] == "zh-CN"


def test_utterances_of_the_report_never_end_mid_word(browser, demo_url: str) -> None:
    for page in opened(browser, demo_url + REPORT):
        page.evaluate("window.__tts.auto = true")
        page.get_by_role("button", name="朗读全文").click()
        wait_status(page, "朗读完毕。", "[data-rectify-read-aloud-status]")
        said = spoken(page)
        # The utterances of each block, in turn: joined, they are the block's text, cut safely.
        blocks: list[tuple[str, list[str]]] = []
        for utterance in said:
            if not blocks or blocks[-1][0] != utterance["block"]:
                blocks.append((utterance["block"], []))
            blocks[-1][1].append(utterance["text"])
        long = [(block, texts) for block, texts in blocks if len(texts) > 1]
        assert len(long) >= 5
        paragraphs = set(
            page.evaluate(
                "() => [...document.querySelectorAll('#report-text p')]"
                ".map((p) => p.textContent.replace(/\\s+/g, ''))"
            )
        )
        for block, texts in long:
            assert cuts_safely("".join(texts), texts) == []
            if block in paragraphs:
                assert "".join(unspaced(t) for t in texts) == block


# -- 指读 -----------------------------------------------------------------------------------------


def press(page: Any, selector: str) -> None:
    """Tabs to the element of ``selector`` and presses Enter: the keyboard only."""
    inpage.tab_until(page, f"el.matches({selector!r})", limit=60)
    page.keyboard.press("Enter")


def test_point_read_speaks_what_the_pointer_rests_on_and_what_is_focused(browser, demo_url: str) -> None:
    for page in opened(browser, demo_url + PROBLEM):
        toggle = page.locator(POINT)
        assert toggle.get_attribute("aria-pressed") == "false"
        paragraph = page.locator("#problem p").first
        paragraph.hover()
        page.wait_for_timeout(700)
        assert spoken(page) == []  # off: nothing is said

        press(page, POINT)
        assert toggle.get_attribute("aria-pressed") == "true"
        wait_status(page, "指读已开启：鼠标指向或键盘选中的内容将被朗读。", STATUS)
        page.mouse.move(0, 0)
        paragraph.hover()
        page.wait_for_function("window.__tts.spoken.length > 0")
        text = unspaced(paragraph.inner_text())
        said = spoken(page)
        assert "".join(unspaced(u["text"]) for u in said) == text  # the paragraph (short: one piece or two)
        assert page.evaluate("window.__tts.pending.length") >= 1

        # The keyboard: the focused element is spoken at once, cutting off what was being said.
        page.locator("#problem a, #problem [tabindex='0']").first.focus()
        page.wait_for_function(f"window.__tts.spoken.length > {len(said)}")
        focused = page.evaluate("document.activeElement.textContent.replace(/\\s+/g, ' ').trim()")
        assert spoken(page)[-1]["text"] == focused or spoken(page)[-1]["text"] in focused
        assert page.evaluate("window.__tts.pending.length") == 1  # the paragraph was cancelled

        # On for the next page too, and off again, told.
        page.goto(demo_url + f"/{DEMO_ID}/2/")
        open_toolbar(page)
        assert page.locator(POINT).get_attribute("aria-pressed") == "true"
        press(page, POINT)
        wait_status(page, "指读已关闭。", STATUS)
        before = len(spoken(page))
        page.locator("#problem p").first.hover()
        page.wait_for_timeout(700)
        assert len(spoken(page)) == before
        page.goto(demo_url + PROBLEM)
        open_toolbar(page)
        assert page.locator(POINT).get_attribute("aria-pressed") == "false"


def test_point_read_cuts_off_read_aloud(browser, demo_url: str) -> None:
    point_on = SPEECH + "localStorage.setItem('rectify-point-read', 'on');"
    for page in opened(browser, demo_url + PROBLEM, script=point_on):
        assert page.locator(POINT).get_attribute("aria-pressed") == "true"
        page.get_by_role("button", name="朗读全文").click()
        page.evaluate("window.__tts.end()")
        heading = page.locator("h2").nth(1)
        page.mouse.move(0, 0)
        heading.hover()
        page.wait_for_function("window.__tts.spoken.slice(-1)[0].block === null")
        assert unspaced(spoken(page)[-1]["text"]) == unspaced(heading.inner_text())
        wait_status(page, "已停止朗读。", "[data-rectify-read-aloud-status]")
        assert page.locator(".rectify-read-aloud__button--main").inner_text().strip() == "朗读全文"
        assert page.locator(CURRENT).count() == 0


# -- 连读 -----------------------------------------------------------------------------------------

MAIN_BLOCKS = """
() => [...document.querySelectorAll('main :is(h1, h2, h3, h4, p, li, dt, dd, tr)')]
  .filter((e) => e.offsetParent !== null && !e.closest('.rectify-read-aloud, tr tr')
    && !e.querySelector('p, li, dt, dd, tr'))
  .map((e) => e.textContent.replace(/\\s+/g, ''))
  .filter(Boolean)
"""


def test_read_on_reads_from_the_focused_element_to_the_end_of_main(browser, demo_url: str) -> None:
    for page in opened(browser, demo_url + REPORT):
        page.evaluate("window.__tts.auto = true")
        # A link in the list of the report's problems, reached with Tab; then the shortcut of 连读.
        inpage.tab_until(page, "el.matches('#report-text li a[href]')", limit=120)
        assert page.locator(READ_ON).get_attribute("aria-keyshortcuts") == "Alt+Shift+R"
        start = page.evaluate(
            "document.activeElement.closest('p, li, dd, dt, tr').textContent.replace(/\\s+/g, '')"
        )
        page.keyboard.press("Alt+Shift+R")
        wait_status(page, "朗读完毕。", STATUS)
        said = "".join(unspaced(u["text"]) for u in spoken(page))
        assert said.startswith(start)
        blocks = page.evaluate(MAIN_BLOCKS)
        at = blocks.index(start)
        assert at > 5  # from the middle of the page
        position = 0
        for block in blocks[at:]:  # the rest of <main>, in order, the pager included
            found = said.find(block, position)
            assert found >= 0, f"not read, or out of order: {block[:40]}"
            position = found + len(block)
        assert unspaced(page.locator("h1").inner_text()) not in said  # nothing before it
        assert page.locator(READ_ON).get_attribute("aria-pressed") == "false"


def test_read_on_from_the_element_last_pointed_at_and_stopped_by_escape_and_the_stop_button(
    browser, demo_url: str
) -> None:
    for page in opened(browser, demo_url + REPORT):
        items = page.locator("#report-text li")
        target = items.nth(3)
        target.hover()
        page.wait_for_timeout(600)
        page.locator(READ_ON).click()
        assert page.locator(READ_ON).get_attribute("aria-pressed") == "true"
        wait_status(page, "开始连读。", STATUS)
        assert unspaced(spoken(page)[0]["text"]) in unspaced(target.inner_text())
        assert page.locator(CURRENT).count() == 1
        for _ in range(3):
            page.evaluate("window.__tts.end()")
        page.wait_for_timeout(800)
        box = page.locator(CURRENT).bounding_box()
        assert box and 0 <= box["y"] < (page.viewport_size or {"height": 0})["height"]  # scrolled into view
        page.keyboard.press("Escape")
        wait_status(page, "已停止朗读。", STATUS)
        assert page.evaluate("window.__tts.pending.length") == 0 and page.locator(CURRENT).count() == 0
        assert page.locator(READ_ON).get_attribute("aria-pressed") == "false"
        assert page.locator(STOP).is_hidden()

        page.locator(READ_ON).click()
        count = len(spoken(page))
        assert page.locator(STOP).is_visible()
        page.locator(STOP).click()
        wait_status(page, "已停止朗读。", STATUS)
        assert page.evaluate("window.__tts.end()") is False and len(spoken(page)) == count


def test_escape_stops_what_is_read_first_and_closes_the_toolbar_with_the_next_press(
    browser, demo_url: str
) -> None:
    """One press of Escape does one thing: while 连读 or the page's 朗读 reads, it stops the reading and
    the toolbar (where the focus is) stays open; the next press closes the toolbar."""
    for page in opened(browser, demo_url + PROBLEM):
        panel = page.locator("[data-rectify-a11y]")
        readings = {  # the button that starts it; what it shows while it reads
            "连读": (READ_ON, f"{READ_ON}[aria-pressed='true']"),
            "朗读": (f"{READ_ALOUD} [data-rectify-read-aloud-main]", f"{READ_ALOUD}[data-state='playing']"),
        }
        for reading, (start, reads) in readings.items():
            page.locator(start).click()
            page.locator(POINT).focus()
            assert page.locator(reads).count() == 1 and page.evaluate("window.__tts.pending.length"), reading
            page.keyboard.press("Escape")
            assert page.locator(reads).count() == 0, reading
            assert page.evaluate("window.__tts.pending.length") == 0, reading
            assert panel.is_visible(), reading
            page.keyboard.press("Escape")
            assert panel.is_hidden(), reading
            assert page.evaluate("document.activeElement.matches('[data-rectify-a11y-entry]')"), reading
            open_toolbar(page)


# -- 语速 -----------------------------------------------------------------------------------------


def rates(page: Any) -> dict[str, str | None]:
    return page.eval_on_selector_all(
        "[data-rectify-speech-rate]",
        "els => Object.fromEntries(els.map((b) => [b.textContent.trim(), b.getAttribute('aria-pressed')]))",
    )


def test_the_speech_rate_applies_to_every_utterance_and_holds_for_the_next_page(browser, demo_url) -> None:
    for page in opened(browser, demo_url + PROBLEM):
        assert rates(page) == {"慢": "false", "正常": "true", "快": "false"}
        page.get_by_role("button", name="朗读全文").click()
        assert spoken(page)[-1]["rate"] == 1
        page.keyboard.press("Escape")
        press(page, "[data-rectify-speech-rate='fast']")
        wait_status(page, "语速：快。", STATUS)
        assert rates(page) == {"慢": "false", "正常": "false", "快": "true"}
        page.get_by_role("button", name="朗读全文").click()
        assert spoken(page)[-1]["rate"] == 1.25
        page.evaluate("window.__tts.end()")
        assert spoken(page)[-1]["rate"] == 1.25

        page.goto(demo_url + REPORT)  # another page: still fast, for 指读 and 连读 too

        open_toolbar(page)
        assert rates(page) == {"慢": "false", "正常": "false", "快": "true"}
        page.locator(READ_ON).click()
        assert spoken(page)[-1]["rate"] == 1.25
        page.keyboard.press("Escape")
        page.locator("[data-rectify-speech-rate='slow']").click()
        wait_status(page, "语速：慢。", STATUS)
        page.locator(POINT).click()
        page.locator("#report-text a").first.focus()
        assert spoken(page)[-1]["rate"] == 0.75


# -- the keyboard, axe -----------------------------------------------------------------------------


def test_every_speech_tool_by_keyboard_alone(browser, demo_url: str) -> None:
    for page in opened(browser, demo_url + PROBLEM):
        order = []
        for _ in range(40):
            page.keyboard.press("Tab")
            name = page.evaluate(
                "(() => { const el = document.activeElement; return el.closest('[data-rectify-speech]') ? "
                "el.textContent.trim() : null })()"
            )
            if name:
                order.append(name)
            elif order:
                break
        assert order == ["指读", "连读", "慢", "正常", "快"]
        for _ in range(3):
            page.keyboard.press("Shift+Tab")  # from 关怀版 back to 快, 正常, 慢
        page.keyboard.press("Space")
        wait_status(page, "语速：慢。", STATUS)
        assert rates(page)["慢"] == "true"
        page.keyboard.press("Shift+Tab")  # 连读 (停止 is hidden)
        assert focused_text(page) == "连读"
        page.keyboard.press("Space")
        wait_status(page, "开始连读。", STATUS)
        stop_by_keyboard(page, STATUS, "连读")


@pytest.mark.parametrize("mode", inpage.MODES)
@pytest.mark.parametrize("path", [PROBLEM, "/"])
def test_axe_with_the_speech_tools_shown_and_on(browser, demo_url: str, mode: str, path: str) -> None:
    for page in opened(browser, demo_url + path, mode=mode):
        assert inpage.in_care_mode(page) == (mode == "care")
        assert violations(page) == []
        page.locator(POINT).click()
        page.locator("[data-rectify-speech-rate='fast']").click()
        page.locator(READ_ON).click()  # reading on: the stop button shown, a block highlighted
        assert page.locator(STOP).is_visible() and page.locator(CURRENT).count() == 1
        assert violations(page) == []
        if mode == "care":
            for button in page.locator(f"{TOOLS} button:visible").all():
                box = button.bounding_box()
                assert box and box["width"] >= 44 and box["height"] >= 44, (button.inner_text(), box)


@pytest.mark.parametrize("mode", inpage.MODES)
@pytest.mark.parametrize("width", [320, 390])
def test_the_speech_tools_reflow_on_a_phone(browser, demo_url: str, mode: str, width: int) -> None:
    for page in opened(browser, demo_url + PROBLEM, mode=mode, width=width):
        assert page.locator(TOOLS).is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for button in page.locator(f"{TOOLS} button:visible").all():
            box = button.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, button.inner_text()


def test_point_read_does_not_cut_off_read_on_started_with_the_pointer(browser, demo_url: str) -> None:
    point_on = SPEECH + "localStorage.setItem('rectify-point-read', 'on');"
    for page in opened(browser, demo_url + REPORT, script=point_on):
        page.locator(READ_ON).click()  # the pointer stays on the button
        page.wait_for_timeout(800)  # past 指读's delay
        assert page.locator(READ_ON).get_attribute("aria-pressed") == "true"
        assert page.locator(CURRENT).count() == 1 and page.locator(STOP).is_visible()
        assert "连读" not in [u["text"] for u in spoken(page)]
