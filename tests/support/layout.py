"""What the layout tests look for in Chromium (WCAG 1.4.4, 1.4.10, 1.4.12): content that sticks out
of the viewport, and text cut off by its box. The scripts use the helpers of ``support.inpage``."""

from __future__ import annotations

from typing import Any

from support.inpage import opened, run

# Elements that stick out of the viewport or are clipped, apart from what scrolls in its own box.
OVERFLOW = r"""
const out = [];
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > width + 1 || document.body.scrollWidth > width + 1)
  out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px > ${width}px`);
for (const el of document.body.querySelectorAll('*')) {
  if (!rectify.visible(el) || rectify.inScroller(el)) continue;
  if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
  const r = el.getBoundingClientRect();
  if (r.right > width + 1 || r.left < -1)
    out.push(`sticks out (${Math.round(r.left)}–${Math.round(r.right)}): ${rectify.describe(el)}`);
}
return out;
"""

# Text cut off by its box: boxes that clip (overflow hidden) and are too small for their content, and
# text boxes with a character outside them (the text runs over what follows). What sticks out of a
# text box without any text (the padding of a wrapped inline code) is no loss.
CLIPPED = r"""
const out = [];
const textOutside = (el) => {
  const box = el.getBoundingClientRect();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (let i = 0; i < n.length; i++) {
      if (!n.data[i].trim()) continue;
      range.setStart(n, i);
      range.setEnd(n, i + 1);
      const r = range.getBoundingClientRect();
      const beside = r.right > box.right + 1 || r.left < box.left - 1;
      if (beside || r.bottom > box.bottom + 1 || r.top < box.top - 1)
        return n.data.slice(Math.max(0, i - 4), i + 4);
    }
  }
  return null;
};
const TEXT = 'p, li, dt, dd, h1, h2, h3, h4, h5, h6, td, th, caption, button, label, a, summary, '
  + 'span.rectify-badge, .md-header__title';
for (const el of document.body.querySelectorAll('*')) {
  if (!rectify.visible(el) || !el.innerText || !el.innerText.trim()) continue;
  const s = getComputedStyle(el);
  if (s.display === 'inline') continue;
  const clips = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
  const text = el.matches(TEXT);
  if (!clips && !text) continue;
  if (rectify.scrolls(el)) continue;
  const wide = el.scrollWidth > el.clientWidth + 1;
  const tall = el.scrollHeight > el.clientHeight + 1;
  if (!wide && !tall) continue;
  const size = `${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`;
  const outside = clips ? null : textOutside(el);
  if (clips || outside !== null)
    out.push(`${wide ? 'wider' : 'taller'} than its box (${size}${outside ? `, "${outside}"` : ''}): `
      + rectify.describe(el));
}
return out;
"""



def cut_off(page: Any) -> list[str]:
    """What sticks out of the viewport or is cut off by its box on the page as shown; [] when nothing."""
    return [*run(page, OVERFLOW), *run(page, CLIPPED)]


def reflow_faults(browser: Any, url: str, mode: str) -> list[str]:
    """1.4.10: what sticks out or is cut off at 320 CSS pixels wide (a wide table scrolls inside its
    own box, which is no fault); ``mode`` as for ``support.inpage.opened``."""
    with opened(browser, url, mode=mode, width=320, height=640) as page:
        return cut_off(page)
