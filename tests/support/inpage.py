"""The pages the accessibility tests visit, and the checks they run inside Chromium.

Add a page type to ``PAGES`` and every accessibility, layout and keyboard test covers it, in the
standard view and in 关怀版 (care mode).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from support.builds import DEMO_ID

PAGES: dict[str, str] = {
    "overview": "/",
    "report": f"/{DEMO_ID}/",
    "problem": f"/{DEMO_ID}/1/",
    "statement": "/accessibility/",
    "not-found": "/404.html",
    "about": "/about/",
    "search": "/search/",
    "browse": "/browse/status/completed/",
    "year": "/years/2022/",
}
"""Page type → path in the demo site."""

MODES = ("default", "care")
CARE_KEY = "rectify-care"


@contextlib.contextmanager
def opened(
    browser: Any,
    url: str,
    *,
    mode: str = "default",
    width: int = 1280,
    height: int = 900,
    javascript: bool = True,
    init_script: str | None = None,
    route: Callable[[Any], None] | None = None,
    **media: Any,
) -> Iterator[Any]:
    """A fresh browser context showing ``url``; in care mode the reader switched 关怀版 on earlier.

    ``init_script`` runs before the page's own scripts; ``route`` answers every request.
    """
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="zh-CN", java_script_enabled=javascript
    )
    if mode == "care":
        context.add_init_script(f"try {{ localStorage.setItem('{CARE_KEY}', 'on') }} catch (e) {{}}")
    if init_script:
        context.add_init_script(init_script)
    if route:
        context.route("**/*", route)
    page = context.new_page()
    if media:
        page.emulate_media(**media)
    try:
        page.goto(url, wait_until="load")
        yield page
    finally:
        context.close()


def open_toolbar(page: Any) -> None:
    """Open the 无障碍工具条 with its button in the header, and wait until it shows."""
    page.locator("[data-rectify-a11y-entry]").click()
    page.wait_for_selector("[data-rectify-a11y]:not([hidden])")


def in_care_mode(page: Any) -> bool:
    return page.evaluate("document.documentElement.hasAttribute('data-rectify-care')")


# -- shared browser-side helpers ------------------------------------------------------------------

LIB = r"""
const rectify = (() => {
  const parse = (c) => {
    const m = c.match(/rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+%?))?\)/);
    if (!m) return null;
    let a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [parseFloat(m[1]), parseFloat(m[2]), parseFloat(m[3]), a];
  };
  const blend = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  // The opaque colour behind an element: its own and its ancestors' backgrounds, over white.
  const background = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] >= 1) break;
      }
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = blend(layer, colour);
    return colour;
  };
  const hiddenByStyle = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const s = getComputedStyle(node);
      if (s.display === 'none' || s.visibility === 'hidden' || s.visibility === 'collapse') return true;
      if (parseFloat(s.opacity) === 0) return true;
    }
    return false;
  };
  // Visually hidden on purpose (1px clipped boxes for screen readers).
  const srOnly = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const r = node.getBoundingClientRect();
      const s = getComputedStyle(node);
      const clipped = s.overflow === 'hidden' || s.clipPath !== 'none' || s.clip !== 'auto';
      if (r.width <= 1 && r.height <= 1 && clipped)
        return true;
    }
    return false;
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && !hiddenByStyle(el) && !srOnly(el);
  };
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const inScroller = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      if (scrolls(node) && node.scrollWidth > node.clientWidth + 1) return node;
    }
    return null;
  };
  const describe = (el) => {
    const cls = typeof el.className === 'string' ? el.className : '';
    const text = (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
    const classes = cls ? '.' + cls.trim().split(/\s+/).join('.') : '';
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${classes} "${text.slice(0, 30)}"`;
  };
  const TARGETS = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], '
    + '[role=button], [tabindex]:not([tabindex="-1"])';
  // Targets: a label counts only when its control cannot be pointed at itself (Material's toggles);
  // a label next to its visible input is an equivalent second target (2.5.8's equivalent exception).
  const targets = () => [...document.querySelectorAll(TARGETS)].filter((el) =>
    visible(el) && !(el.tagName === 'LABEL' && el.control && visible(el.control)));
  return {
    parse, contrast, background, visible, scrolls, inScroller, describe, TARGETS, targets, hiddenByStyle,
  };
})();
"""


def run(page: Any, body: str, arg: Any = None) -> Any:
    """Evaluates ``body`` (a function body that may use ``rectify`` and ``arg``) in the page."""
    return page.evaluate(f"(arg) => {{ {LIB}\n{body} }}", arg)


def focused(page: Any) -> dict[str, Any]:
    """What has the keyboard focus: description, box, outline, background and whether it is covered."""
    return run(
        page,
        r"""
        const el = document.activeElement;
        if (!el || el === document.body) return { body: true };
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        const outline = rectify.parse(s.outlineColor) || [0, 0, 0, 0];
        const behind = rectify.background(el.parentElement || el);
        const own = rectify.background(el);
        const header = document.querySelector('.md-header');
        const hr = header ? header.getBoundingClientRect() : null;
        const sticky = header && ['sticky', 'fixed'].includes(getComputedStyle(header).position);
        const inHeader = header && header.contains(el);
        // Points inside the element (in each of its line boxes, away from rounded corners) that
        // nothing else covers.
        const boxes = [...el.getClientRects()].filter((b) => b.width > 0 && b.height > 0).slice(0, 4);
        const points = boxes.flatMap((b) => [[0.5, 0.5], [0.25, 0.3], [0.75, 0.3], [0.25, 0.7], [0.75, 0.7]]
          .map(([fx, fy]) => [b.left + b.width * fx, b.top + b.height * fy]))
          .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
        const shown = points.filter(([x, y]) => {
          const hit = document.elementFromPoint(x, y);
          return hit && (hit === el || el.contains(hit) || hit.contains(el));
        }).length;
        return {
          body: false,
          what: rectify.describe(el),
          inViewport: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
          outlineStyle: s.outlineStyle,
          outlineWidth: parseFloat(s.outlineWidth),
          outlineContrast: Math.max(rectify.contrast(outline, behind), rectify.contrast(outline, own)),
          outlineOffset: parseFloat(s.outlineOffset),
          // Entirely hidden under a sticky header (2.4.11), or partly although the element would fit.
          hiddenUnderHeader: Boolean(sticky && !inHeader && r.top >= hr.top - 1 && r.bottom <= hr.bottom + 1),
          partlyUnderHeader: Boolean(sticky && !inHeader && r.top < hr.bottom - 1 && r.bottom > hr.top + 1
            && r.height < innerHeight - hr.height),
          points: points.length,
          shown,
          isSkipLink: el.classList.contains('rectify-skip'),
          id: el.id,
        };
        """,
    )


def settle(page: Any) -> None:
    """Waits two frames: Material resizes its sidebars on the scroll that focusing causes."""
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def tab_through(page: Any, *, backwards: bool = False, limit: int = 200) -> list[dict[str, Any]]:
    """Presses Tab (or Shift+Tab) until the focus comes round again; what was focused at each stop."""
    stops: list[dict[str, Any]] = []
    seen: set[str] = set()
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        settle(page)
        stop = focused(page)
        if stop["body"]:
            if stops:
                break
            continue
        marker = page.evaluate(
            "(() => { const e = document.activeElement; "
            "if (!e.dataset.tabMark) e.dataset.tabMark = String(Math.random()); return e.dataset.tabMark })()"
        )
        if marker in seen:
            break
        seen.add(marker)
        stops.append(stop)
    return stops


def tab_until(page: Any, predicate: str, *, limit: int = 100, backwards: bool = False) -> dict[str, Any]:
    """Presses Tab until ``predicate`` (a JS expression on ``el``, the focused element) holds."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        settle(page)
        if page.evaluate(f"(() => {{ const el = document.activeElement; return Boolean({predicate}); }})()"):
            return focused(page)
    raise AssertionError(f"no element matching {predicate} within {limit} presses of {key}")


# Targets smaller than the minimum, except targets in a line of text (WCAG 2.5.8's inline exception)
# and, when `spacing` is allowed, undersized targets 24px apart (its spacing exception).
TARGETS = r"""
const [min, spacing] = arg;
const all = rectify.targets();
const inline = (el) => {
  if (getComputedStyle(el).display !== 'inline') return false;
  let block = el.parentElement;
  while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
  return block && block.innerText.trim().length > el.innerText.trim().length;
};
const boxes = all.map((el) => ({ el, r: el.getBoundingClientRect() }));
const small = boxes.filter(({ el, r }) => (r.width < min - 0.5 || r.height < min - 0.5) && !inline(el));
const centre = (r) => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
const distance = ([x, y], r) =>
  Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
return small.filter(({ el, r }) => {
  if (!spacing) return true;
  const c = centre(r);
  return boxes.some((o) => o.el !== el && !o.el.contains(el) && !el.contains(o.el) && (
    distance(c, o.r) < min / 2 ||
    (small.some((s) => s.el === o.el) && Math.hypot(c[0] - centre(o.r)[0], c[1] - centre(o.r)[1]) < min)));
}).map(({ el, r }) => `${Math.round(r.width)}×${Math.round(r.height)}: ${rectify.describe(el)}`);
"""
