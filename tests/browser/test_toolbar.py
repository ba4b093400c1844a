"""The 无障碍工具条 (accessibility toolbar) in Chromium: its 无障碍 button in the header, each tool by
keyboard with its state and announcement, the effect measured on the page, persistence before the
first paint on the next page, reset; axe in each mode alone and with 关怀版; reflow at 320px; target
sizes in 关怀版; no request leaving the site."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import pytest
from support.axe import violations
from support.inpage import PAGES, TARGETS, open_toolbar, opened, run, settle, tab_until

pytestmark = pytest.mark.browser

ENTRY = "[data-rectify-a11y-entry]"
PANEL = "[data-rectify-a11y]"
STATUS = "[data-rectify-a11y-status]"
TOOLS = ("cursor", "scheme", "zoom", "guide", "caption", "text")

# The tools' attributes on <html> when <body> first appears, before anything is painted.
AT_FIRST_PAINT = """
window.__toolsAtBody = null;
new MutationObserver((records, observer) => {
  if (document.body) {
    const root = document.documentElement;
    window.__toolsAtBody = root.getAttributeNames().filter((n) => n.startsWith('data-rectify-'))
      .map((n) => n + '=' + root.getAttribute(n)).sort();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""


def stored(tools: dict[str, str]) -> str:
    """An init script: the reader chose ``tools`` on an earlier visit."""
    sets = "".join(f"localStorage.setItem('rectify-{k}', '{v}');" for k, v in tools.items())
    once = f"if (!sessionStorage.getItem('seeded')) {{ {sets} sessionStorage.setItem('seeded', '1'); }}"
    return f"try {{ {once} }} catch (e) {{}}"


def said(page: Any, text: str) -> None:
    page.wait_for_function(f"document.querySelector('{STATUS}').textContent === {text!r}")


def root_attr(page: Any, tool: str) -> str | None:
    return page.evaluate(f"document.documentElement.getAttribute('data-rectify-{tool}')")


def press(page: Any, selector: str, key: str = "Enter") -> Any:
    """Focuses the button ``selector`` and presses ``key`` on it, as a keyboard user does."""
    button = page.locator(f"{PANEL} {selector}")
    button.focus()
    page.keyboard.press(key)
    return button


def test_the_header_button_opens_and_closes_the_toolbar_by_keyboard(browser, demo_url: str) -> None:
    with opened(browser, demo_url + PAGES["problem"]) as page:
        entry = page.locator(ENTRY)
        assert entry.evaluate("e => e.tagName") == "BUTTON" and entry.inner_text().strip() == "无障碍"
        assert entry.get_attribute("aria-expanded") == "false"
        assert entry.get_attribute("aria-controls") == "rectify-a11y"
        assert entry.get_attribute("aria-keyshortcuts") == "Alt+Shift+A"
        assert page.locator("header.md-header").locator(ENTRY).count() == 1
        assert not page.locator(PANEL).is_visible()

        tab_until(page, "el.matches('[data-rectify-a11y-entry]')")
        page.keyboard.press("Enter")
        assert entry.get_attribute("aria-expanded") == "true"
        region = page.get_by_role("region", name="无障碍工具条")
        assert region.is_visible() and region.get_attribute("id") == "rectify-a11y"
        assert region.get_by_role("link", name="无障碍声明").get_attribute("href").endswith("accessibility/")
        # Under the header, in the page's flow: it covers nothing.
        header, box = page.locator("header.md-header").bounding_box(), region.bounding_box()
        assert box["y"] >= header["y"] + header["height"] - 1
        assert page.locator("main").bounding_box()["y"] >= box["y"] + box["height"] - 1

        page.keyboard.press("Escape")
        assert entry.get_attribute("aria-expanded") == "false" and not region.is_visible()
        assert page.evaluate("document.activeElement.matches('[data-rectify-a11y-entry]')")
        page.keyboard.press(" ")
        assert region.is_visible()
        # Escape from inside the toolbar closes it and gives the focus back to its button.
        tab_until(page, "el.closest('[data-rectify-a11y]')")
        page.keyboard.press("Escape")
        assert not region.is_visible()
        assert page.evaluate("document.activeElement.matches('[data-rectify-a11y-entry]')")
        # 关闭 does the same.
        page.keyboard.press("Enter")
        press(page, "[data-rectify-a11y-close]")
        assert not region.is_visible()
        assert page.evaluate("document.activeElement.matches('[data-rectify-a11y-entry]')")

        # The shortcut, from anywhere: opens with the focus on the first tool; again, closes.
        page.locator("h1").click()
        page.keyboard.press("Alt+Shift+A")
        assert region.is_visible()
        assert page.evaluate("document.activeElement.closest('[data-rectify-a11y]') !== null")
        page.keyboard.press("Alt+Shift+A")
        assert not region.is_visible()
        assert root_attr(page, "care") is None  # not 关怀版's Alt+Shift+C


def test_large_pointer_and_focus_outline(browser, demo_url: str) -> None:
    with opened(browser, demo_url + PAGES["problem"]) as page:
        link = page.locator("main a[href]").first
        assert "cursor-" not in page.evaluate("getComputedStyle(document.body).cursor")
        open_toolbar(page)
        button = press(page, "[data-rectify-a11y-toggle=cursor]", " ")
        assert button.get_attribute("aria-pressed") == "true"
        assert button.inner_text().strip().endswith("大鼠标")
        said(page, "已开启大鼠标：鼠标指针更大，键盘焦点框更粗。")
        assert root_attr(page, "cursor") == ""
        body = page.evaluate("getComputedStyle(document.body).cursor")
        assert "cursor-arrow.svg" in body and body.endswith("auto")
        assert "cursor-hand.svg" in link.evaluate("e => getComputedStyle(e).cursor")
        search = page.locator("input[type=search]").first
        assert "cursor-text.svg" in search.evaluate("e => getComputedStyle(e).cursor")
        tab_until(page, "el.closest('main') && el.matches('a[href]')")
        assert page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)") >= 6

        page.goto(demo_url + PAGES["report"])
        assert root_attr(page, "cursor") == ""
        assert page.locator("[data-rectify-a11y-toggle=cursor]").get_attribute("aria-pressed") == "true"
        open_toolbar(page)
        press(page, "[data-rectify-a11y-toggle=cursor]")
        said(page, "已关闭大鼠标。")
        assert root_attr(page, "cursor") is None
        assert page.evaluate("localStorage.getItem('rectify-cursor')") is None


SCHEME = """() => ({
  body: getComputedStyle(document.body).backgroundColor,
  text: getComputedStyle(document.querySelector('main p')).color,
  pressed: [...document.querySelectorAll('[data-rectify-a11y-scheme]')]
    .filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.innerText.trim()),
})"""


def test_colour_schemes(browser, demo_url: str) -> None:
    with opened(browser, demo_url + PAGES["problem"]) as page:
        default = page.evaluate(SCHEME)
        assert default["pressed"] == ["默认"] and default["text"] != "rgb(0, 0, 0)"
        open_toolbar(page)
        press(page, "[data-rectify-a11y-scheme=yellow]")
        said(page, "配色已改为黑底黄字。")
        yellow = {"body": "rgb(0, 0, 0)", "text": "rgb(255, 255, 0)", "pressed": ["黑底黄字"]}
        assert page.evaluate(SCHEME) == yellow
        press(page, "[data-rectify-a11y-scheme=contrast]", " ")
        said(page, "配色已改为白底黑字。")
        contrast = page.evaluate(SCHEME)  # 关怀版's palette: text #1a1a1a or darker on white
        assert contrast["body"] == "rgb(255, 255, 255)" and contrast["pressed"] == ["白底黑字"]
        assert contrast["text"] in ("rgb(0, 0, 0)", "rgb(26, 26, 26)")

        page.goto(demo_url + PAGES["statement"])
        assert root_attr(page, "scheme") == "contrast" and page.evaluate(SCHEME)["pressed"] == ["白底黑字"]
        open_toolbar(page)
        press(page, "[data-rectify-a11y-scheme=default]")
        said(page, "配色已恢复默认。")
        assert root_attr(page, "scheme") is None
        back = page.evaluate(SCHEME)
        page.reload()
        assert page.evaluate(SCHEME) == back and back["pressed"] == ["默认"]


def test_page_zoom_in_steps_of_the_root_font_size(browser, demo_url: str) -> None:
    size = "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    level = f"{PANEL} [data-rectify-a11y-level]"
    with opened(browser, demo_url + PAGES["problem"]) as page:
        base = page.evaluate(size)
        assert page.locator(level).inner_text() == "当前 100%"
        open_toolbar(page)
        press(page, "[data-rectify-a11y-step=in]")
        said(page, "页面放大到 125%。")
        press(page, "[data-rectify-a11y-step=in]")
        said(page, "页面放大到 150%。")
        assert page.evaluate(size) == pytest.approx(base * 1.5)
        assert page.locator(level).inner_text() == "当前 150%"
        assert page.evaluate("getComputedStyle(document.documentElement).zoom") == "1"
        for _ in range(3):
            page.keyboard.press("Enter")
        said(page, "已经放大到最大 200%。")
        assert page.evaluate(size) == pytest.approx(base * 2)
        press(page, "[data-rectify-a11y-step=out]")
        said(page, "页面缩小到 175%。")

        page.goto(demo_url + PAGES["report"])
        assert root_attr(page, "zoom") == "175" and page.evaluate(size) == pytest.approx(base * 1.75)
        open_toolbar(page)
        press(page, "[data-rectify-a11y-step=reset]")
        said(page, "页面已恢复 100%。")
        assert page.evaluate(size) == pytest.approx(base) and root_attr(page, "zoom") is None


LINES = """() => {
  const lines = [...document.querySelectorAll('.rectify-a11y-guide__line')];
  const [x, y] = lines.map((l) => l.getBoundingClientRect());
  const guide = document.querySelector('[data-rectify-a11y-guide]');
  return { top: x.top, left: y.left, wide: x.width, tall: y.height, shown: !guide.hidden,
           hidden: guide.getAttribute('aria-hidden'), events: getComputedStyle(lines[0]).pointerEvents };
}"""


def test_reading_guide_follows_the_pointer_and_the_focus(browser, demo_url: str) -> None:
    with opened(browser, demo_url + PAGES["problem"]) as page:
        assert page.evaluate(LINES)["shown"] is False
        open_toolbar(page)
        button = press(page, "[data-rectify-a11y-toggle=guide]")
        assert button.get_attribute("aria-pressed") == "true"
        said(page, "已开启辅助线，横线和竖线跟随鼠标和键盘焦点。")
        page.mouse.move(300, 400)
        page.mouse.move(320, 450)
        settle(page)
        lines = page.evaluate(LINES)
        assert lines["top"] == pytest.approx(450, abs=1) and lines["left"] == pytest.approx(320, abs=1)
        assert lines["wide"] == 1280 and lines["tall"] == 900
        assert lines["hidden"] == "true" and lines["events"] == "none"
        tab_until(page, "el.closest('main') && el.matches('a[href]')")
        box = page.evaluate(
            "(() => { const r = document.activeElement.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        lines = page.evaluate(LINES)
        assert lines["left"] == pytest.approx(box[0], abs=1) and lines["top"] == pytest.approx(box[1], abs=1)


CAPTION = "[data-rectify-a11y-caption]"
FOCUS = """(() => {
  const e = document.activeElement;
  return { text: (e.innerText || '').trim().replace(/\\s+/g, ' '), label: e.getAttribute('aria-label'),
           bottom: e.getBoundingClientRect().bottom, link: e.matches('main a'), body: e === document.body };
})()"""


def test_large_caption_shows_the_text_under_the_pointer_or_the_focus(browser, demo_url: str) -> None:
    with opened(browser, demo_url + PAGES["problem"], width=390, height=700) as page:
        padding = "parseFloat(getComputedStyle(document.body).paddingBottom)"
        before = page.evaluate(padding)
        open_toolbar(page)
        press(page, "[data-rectify-a11y-toggle=caption]")
        said(page, "已开启大字幕，页面底部用大字显示鼠标指向或键盘焦点所在的文字。")
        caption = page.locator(CAPTION)
        assert caption.get_attribute("aria-hidden") == "true"
        heading = page.locator("h1")
        heading.hover()
        assert caption.is_visible() and caption.inner_text() == heading.inner_text().strip()
        assert float(caption.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 27
        height = caption.bounding_box()["height"]
        assert page.evaluate(padding) == pytest.approx(before + height, abs=1)
        # Keyboard: the focused link's text; and the focus is never under the bar.
        for _ in range(25):
            page.keyboard.press("Tab")
            settle(page)
            focus = page.evaluate(FOCUS)
            if focus["body"]:
                break
            assert focus["bottom"] <= caption.bounding_box()["y"] + 1, focus
            if focus["link"] and not focus["label"] and focus["text"]:
                assert caption.inner_text() == focus["text"][:60] + ("…" if len(focus["text"]) > 60 else "")
        press(page, "[data-rectify-a11y-toggle=caption]")
        said(page, "已关闭大字幕。")
        assert not caption.is_visible() and page.evaluate(padding) == pytest.approx(before)


TEXT_ONLY = """() => {
  const header = document.querySelector('.md-header');
  const main = document.querySelector('main');
  return {
    bodyMargin: getComputedStyle(document.body).margin,
    bodyFont: getComputedStyle(document.body).fontFamily,
    header: getComputedStyle(header).position + ' ' + getComputedStyle(header).backgroundColor,
    svg: [...document.querySelectorAll('main svg')].filter((s) => s.getBoundingClientRect().width > 0).length,
    text: main.innerText,
  };
}"""


def test_text_only_turns_the_sites_styles_off_and_keeps_the_text_in_order(browser, demo_url: str) -> None:
    with opened(browser, demo_url + PAGES["problem"]) as page:
        styled = page.evaluate(TEXT_ONLY)
        assert styled["bodyMargin"] == "0px" and styled["header"].startswith("sticky")
        page.evaluate("""() => { const img = document.createElement('img'); img.alt = '整改现场照片';
          img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
          document.querySelector('main h1').after(img); }""")
        open_toolbar(page)
        button = press(page, "[data-rectify-a11y-toggle=text]")
        said(page, "已切换到纯文本：页面样式已关闭，按“退出纯文本”按钮可恢复。")
        plain = page.evaluate(TEXT_ONLY)
        assert plain["bodyMargin"] == "8px" and plain["header"] == "static rgba(0, 0, 0, 0)"
        assert plain["bodyFont"] != styled["bodyFont"] and plain["svg"] == 0
        parts = ("问题1：", "图片：整改现场照片", "问题表现", "整改措施")
        order = [plain["text"].find(part) for part in parts]
        assert -1 not in order and order == sorted(order)
        # The way out: one button, named for leaving, pressed.
        assert button.inner_text().strip() == "退出纯文本" and button.get_attribute("aria-pressed") == "true"

        page.goto(demo_url + PAGES["report"])
        assert root_attr(page, "text") == "" and page.evaluate(TEXT_ONLY)["bodyMargin"] == "8px"
        leave = page.get_by_role("button", name="退出纯文本")
        assert leave.is_visible()  # the toolbar is open in this mode
        tab_until(page, "el.matches('[data-rectify-a11y-toggle=text]')")
        page.keyboard.press("Enter")
        said(page, "已退出纯文本。")
        assert page.evaluate(TEXT_ONLY)["bodyMargin"] == "0px" and root_attr(page, "text") is None


def test_reset_and_every_setting_before_the_first_paint(browser, demo_url: str) -> None:
    with opened(browser, demo_url + PAGES["problem"], init_script=AT_FIRST_PAINT) as page:
        open_toolbar(page)
        for selector in (
            "[data-rectify-a11y-toggle=cursor]",
            "[data-rectify-a11y-scheme=yellow]",
            "[data-rectify-a11y-step=in]",
            "[data-rectify-a11y-toggle=guide]",
            "[data-rectify-a11y-toggle=caption]",
            "[data-rectify-a11y-toggle=text]",
        ):
            press(page, selector)
        page.goto(demo_url + PAGES["report"], wait_until="commit")
        page.wait_for_load_state("domcontentloaded")
        page.wait_for_function("window.__toolsAtBody !== null")
        assert page.evaluate("window.__toolsAtBody") == [
            "data-rectify-caption=",
            "data-rectify-cursor=",
            "data-rectify-guide=",
            "data-rectify-scheme=yellow",
            "data-rectify-text=",
            "data-rectify-zoom=125",
        ]
        page.wait_for_load_state("load")
        press(page, "[data-rectify-a11y-reset]")
        said(page, "已恢复全部设置。")
        assert [root_attr(page, tool) for tool in TOOLS] == [None] * len(TOOLS)
        assert page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('rectify-'))") == []
        assert page.locator(f"{PANEL} [aria-pressed=true]:visible").all_inner_texts() == ["默认"]
        page.reload()
        assert page.evaluate("window.__toolsAtBody") == []


MODES = {
    "cursor": {"cursor": "on"},
    "contrast": {"scheme": "contrast"},
    "yellow": {"scheme": "yellow"},
    "zoom": {"zoom": "200"},
    "guide": {"guide": "on"},
    "caption": {"caption": "on"},
    "text": {"text": "on"},
}


@pytest.mark.parametrize("care", [False, True], ids=["alone", "care"])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", ["problem", "report"])
def test_axe_finds_nothing_in_each_mode(browser, demo_url: str, kind: str, mode: str, care: bool) -> None:
    with opened(
        browser, demo_url + PAGES[kind], mode="care" if care else "default", init_script=stored(MODES[mode])
    ) as page:
        assert root_attr(page, next(iter(MODES[mode]))) is not None
        if not page.locator(PANEL).is_visible():
            open_toolbar(page)
        page.locator("main h1").hover()
        page.locator("main a[href]").first.focus()
        assert violations(page) == []


@pytest.mark.parametrize("kind", ["problem", "report"])
def test_320px_at_the_largest_zoom_with_the_toolbar_open(browser, demo_url: str, kind: str) -> None:
    largest = stored({"zoom": "200"})
    with opened(browser, demo_url + PAGES[kind], width=320, height=640, init_script=largest) as page:
        open_toolbar(page)
        assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == 40
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1]
        assert page.locator("main h1").bounding_box()["width"] <= 320


@pytest.mark.parametrize("kind", ["problem", "report"])
def test_care_mode_targets_with_the_toolbar_open(browser, demo_url: str, kind: str) -> None:
    with opened(browser, demo_url + PAGES[kind], mode="care", width=390, height=844) as page:
        open_toolbar(page)
        small = page.evaluate(f"""() => [...document.querySelectorAll('{PANEL} :is(button, a[href])')]
          .map((e) => [e.innerText.trim(), e.getBoundingClientRect()])
          .filter(([, r]) => r.width > 0)  // shown (the speech tools only where a voice speaks)
          .filter(([, r]) => r.width < 60 - 0.5 || r.height < 60 - 0.5).map(([t]) => t)""")
        assert small == []
        entry = page.locator(ENTRY).bounding_box()
        assert entry["width"] >= 44 and entry["height"] >= 44
        assert run(page, TARGETS, [44, False]) == []


def test_no_request_leaves_the_site_with_every_tool_on(browser, demo_url: str) -> None:
    tools = {"cursor": "on", "scheme": "yellow", "zoom": "150", "guide": "on", "caption": "on"}
    with opened(browser, demo_url + PAGES["problem"], init_script=stored(tools)) as page:
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.reload(wait_until="networkidle")
        page.mouse.move(200, 300)
        page.locator("main a[href]").first.hover()
        page.wait_for_timeout(200)
        hosts = {urlparse(u).hostname for u in requests if not u.startswith(("data:", "blob:"))}
        assert hosts == {"127.0.0.1"}
        assert any(u.endswith("/assets/rectify/cursor-arrow.svg") for u in requests)


def test_nothing_of_the_toolbar_is_printed(browser, demo_url: str) -> None:
    tools = stored({"guide": "on", "caption": "on"})
    with opened(browser, demo_url + PAGES["problem"], init_script=tools) as page:
        open_toolbar(page)
        page.locator("h1").hover()
        page.emulate_media(media="print")
        shown = page.evaluate("""[...document.querySelectorAll(
          '.rectify-a11y, .rectify-a11y-entry, .rectify-a11y-guide, .rectify-a11y-caption')]
          .filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.className)""")
        assert shown == []


def test_the_statement_lists_the_toolbar_and_its_shortcut(demo_build) -> None:
    statement = demo_build.html("accessibility/")
    for tool in ("大鼠标", "配色", "页面缩放", "辅助线", "大字幕", "纯文本", "无障碍工具条"):
        assert tool in statement.split('<div class="rectify-statement">', 1)[1], tool
    assert '<kbd><span lang="en">Alt+Shift+A</span></kbd>' in statement
