/*
 * rectify-table: a table's box is a Tab stop only while the table is wider than it.
 *
 * A wide table scrolls inside its own box (table.css). Keyboard users scroll such a box by focusing
 * it, so while its table overflows (a phone, 关怀版, the page zoomed) the box gets tabindex="0" and,
 * to say what it is when focused, role="group" with the table's name (data-rectify-scroll, from the
 * `region` macro). Material's boxes around a docs page's tables are left to Material and the browser. A table
 * that fits is no stop at all: four useless stops on a report read at a desktop's width. The boxes
 * are checked again whenever they or their tables change size. Plain ES5.
 */
(function () {
  "use strict";

  var BOXES = "[data-rectify-scroll]";
  var MARK = "data-rectify-scrolls";

  function name(box) {
    return box.getAttribute("data-rectify-scroll") || "";
  }

  function update(box) {
    var overflows = box.scrollWidth > box.clientWidth + 1;
    if (overflows === box.hasAttribute(MARK)) return;
    if (overflows) {
      box.setAttribute(MARK, "");
      box.setAttribute("tabindex", "0");
      var label = name(box);
      if (label) {
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", label);
      }
    } else {
      box.removeAttribute(MARK);
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }

  var watched = [];
  var observer = typeof window.ResizeObserver === "function" ? new window.ResizeObserver(updateAll) : null;

  function updateAll() {
    for (var i = 0; i < watched.length; i++) update(watched[i]);
  }

  function scan() {
    var boxes = document.querySelectorAll(BOXES);
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (watched.indexOf(box) < 0) {
        watched.push(box);
        if (observer) {
          observer.observe(box);
          if (box.firstElementChild) observer.observe(box.firstElementChild);
        }
      }
    }
    updateAll();
  }

  if (!observer) {
    // Older browsers: the window's size and 关怀版 (an attribute of <html>) are what change a table's width.
    window.addEventListener("resize", updateAll);
    if (typeof window.MutationObserver === "function") {
      new window.MutationObserver(updateAll).observe(document.documentElement, { attributes: true });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
  window.addEventListener("load", scan);
})();
