/*
 * rectify-a11y: the 无障碍工具条 (accessibility toolbar) and its 无障碍 button in the header.
 *
 * The button (or Alt+Shift+A anywhere) opens the toolbar under the header; Escape or 关闭 closes it
 * and gives the focus back to the button. Each tool is kept for every page of the site under its
 * own key in localStorage ("rectify-<tool>", through rectify.store) and shown on <html> as
 * data-rectify-<tool>, which head.js sets before the first paint on the next page:
 *
 *   cursor   "on"                        大鼠标: large pointer and focus outline (a11y.css)
 *   scheme   "contrast" | "yellow"       配色: 白底黑字 (关怀版's palette) or 黑底黄字
 *   zoom     "125" | "150" | "175" | "200"  页面缩放: the root font size, in per cent
 *   guide    "on"                        辅助线: lines through the pointer or the focus
 *   caption  "on"                        大字幕: the text under the pointer or the focus, large
 *   text     "on"                        纯文本: the site's styles off, images' text in their place
 *
 * Every change is announced in the toolbar's live region (rectify.announce); the texts are the
 * partial's data attributes. Uses base.js. Plain ES5: it must run on old phones.
 */
(function () {
  "use strict";

  var base = window.rectify;
  var root = document.documentElement;
  var panel = document.querySelector("[data-rectify-a11y]");
  var entry = document.querySelector("[data-rectify-a11y-entry]");
  if (!panel || !entry) {
    return;
  }
  var status = panel.querySelector("[data-rectify-a11y-status]");
  var zoomGroup = panel.querySelector("[data-rectify-a11y-zoom]");
  var guide = document.querySelector("[data-rectify-a11y-guide]");
  var caption = document.querySelector("[data-rectify-a11y-caption]");
  var TOGGLES = ["cursor", "guide", "caption", "text"];
  var SCHEMES = { contrast: true, yellow: true };
  var LEVELS = [100, 125, 150, 175, 200];
  var CAPTION_LENGTH = 60;

  function setting(tool) {
    var name = "data-rectify-" + tool;
    if (!root.hasAttribute(name)) return null;
    return root.getAttribute(name) || "on";
  }

  // Shows a setting on <html> and keeps it; null switches the tool off.
  function put(tool, value) {
    if (value === null) {
      root.removeAttribute("data-rectify-" + tool);
    } else {
      root.setAttribute("data-rectify-" + tool, value === "on" ? "" : value);
    }
    base.store("rectify-" + tool, value);
  }

  function say(text) {
    base.announce(status, text);
  }

  function fill(template, level) {
    return (template || "").replace("{level}", level + "%");
  }

  // -- opening and closing ------------------------------------------------------------------------

  function isOpen() {
    return !panel.hidden;
  }

  function open(on, focusInside) {
    panel.hidden = !on;
    entry.setAttribute("aria-expanded", on ? "true" : "false");
    if (on && focusInside) {
      var first = panel.querySelector("button, a[href]");
      if (first) first.focus();
    }
  }

  function close() {
    open(false);
    entry.focus();
  }

  entry.addEventListener("click", function () {
    open(!isOpen());
  });

  document.addEventListener("keydown", function (event) {
    var isA = event.code ? event.code === "KeyA" : event.keyCode === 65;
    if (isA && base.modifiers(event) === "Alt+Shift" && !event.repeat) {
      event.preventDefault();
      if (isOpen()) {
        close();
      } else {
        open(true, true);
      }
    }
  });

  // Escape, with the focus in the toolbar or on its button, closes it (after what the tools inside
  // it use Escape for: while 连读 reads, Escape stops it and the toolbar stays open).
  base.onEscape(function () {
    if (!isOpen() || !(panel.contains(document.activeElement) || document.activeElement === entry)) {
      return false;
    }
    close();
    return true;
  });

  // -- the tools' state on the buttons ------------------------------------------------------------

  function level() {
    var value = parseInt(setting("zoom"), 10);
    return LEVELS.indexOf(value) < 0 ? 100 : value;
  }

  function sync() {
    var i;
    for (i = 0; i < TOGGLES.length; i++) {
      var button = panel.querySelector("[data-rectify-a11y-toggle='" + TOGGLES[i] + "']");
      if (button) button.setAttribute("aria-pressed", setting(TOGGLES[i]) ? "true" : "false");
    }
    var scheme = setting("scheme") || "default";
    var schemes = panel.querySelectorAll("[data-rectify-a11y-scheme]");
    for (i = 0; i < schemes.length; i++) {
      schemes[i].setAttribute("aria-pressed", schemes[i].getAttribute("data-rectify-a11y-scheme") === scheme ? "true" : "false");
    }
    var shown = panel.querySelector("[data-rectify-a11y-level]");
    if (shown && zoomGroup) shown.textContent = fill(zoomGroup.getAttribute("data-level-text"), level());
    var leave = panel.querySelector("[data-rectify-a11y-leave]");
    if (leave) leave.hidden = !setting("text");
    if (guide) guide.hidden = !setting("guide");
    if (caption && !setting("caption")) {
      caption.hidden = true;
      caption.textContent = "";
    }
    images(!!setting("text"));
    if (setting("text")) open(true);
  }

  // 纯文本: each image is replaced by its text (图片：…); decorative images (alt="") go.
  function images(textOnly) {
    var list = document.querySelectorAll(textOnly ? "img:not([data-rectify-a11y-image])" : "img[data-rectify-a11y-image]");
    var template = panel.getAttribute("data-image") || "{alt}";
    for (var i = 0; i < list.length; i++) {
      var img = list[i];
      if (textOnly) {
        if (img.hidden) continue;
        img.setAttribute("data-rectify-a11y-image", "");
        img.hidden = true;
        var alt = (img.getAttribute("alt") || "").trim();
        if (alt) {
          var text = document.createElement("span");
          text.setAttribute("data-rectify-a11y-alt", "");
          text.textContent = template.replace("{alt}", alt);
          img.parentNode.insertBefore(text, img.nextSibling);
        }
      } else {
        img.removeAttribute("data-rectify-a11y-image");
        img.hidden = false;
        var next = img.nextSibling;
        if (next && next.nodeType === 1 && next.hasAttribute("data-rectify-a11y-alt")) next.parentNode.removeChild(next);
      }
    }
  }

  // -- the buttons --------------------------------------------------------------------------------

  function zoom(step) {
    var now = level();
    var index = LEVELS.indexOf(now);
    var said = "said-" + step;
    var next = now;
    if (step === "in") {
      if (index === LEVELS.length - 1) said = "said-max";
      else next = LEVELS[index + 1];
    } else if (step === "out") {
      if (index === 0) said = "said-min";
      else next = LEVELS[index - 1];
    } else {
      next = 100;
    }
    put("zoom", next === 100 ? null : String(next));
    sync();
    say(fill(zoomGroup.getAttribute("data-" + said), next));
  }

  function reset() {
    for (var i = 0; i < TOGGLES.length; i++) put(TOGGLES[i], null);
    put("scheme", null);
    put("zoom", null);
    sync();
  }

  panel.addEventListener("click", function (event) {
    var button = base.closest(event.target, "button");
    if (!button || !panel.contains(button)) return;
    var tool = button.getAttribute("data-rectify-a11y-toggle");
    if (tool) {
      var on = !setting(tool);
      put(tool, on ? "on" : null);
      sync();
      say(button.getAttribute(on ? "data-said-on" : "data-said-off") || "");
    } else if (button.hasAttribute("data-rectify-a11y-scheme")) {
      var scheme = button.getAttribute("data-rectify-a11y-scheme");
      put("scheme", SCHEMES[scheme] ? scheme : null);
      sync();
      say(button.getAttribute("data-said") || "");
    } else if (button.hasAttribute("data-rectify-a11y-step")) {
      zoom(button.getAttribute("data-rectify-a11y-step"));
    } else if (button.hasAttribute("data-rectify-a11y-reset")) {
      reset();
      say(button.getAttribute("data-said") || "");
    } else if (button.hasAttribute("data-rectify-a11y-close")) {
      close();
    }
  });

  // -- 辅助线 and 大字幕: following the pointer and the focus ---------------------------------------

  function place(x, y) {
    if (!guide || guide.hidden) return;
    var lines = guide.children;
    lines[0].style.transform = "translateY(" + Math.round(y) + "px)";
    lines[1].style.transform = "translateX(" + Math.round(x) + "px)";
  }

  var BLOCKS = "a[href], button, summary, label, select, input, textarea, h1, h2, h3, h4, h5, h6, " +
    "caption, th, td, dt, dd, li, p, figcaption, blockquote";

  function tidy(text) {
    text = (text || "").replace(/\s+/g, " ").replace(/^\s+|\s+$/g, "");
    return text.length > CAPTION_LENGTH ? text.slice(0, CAPTION_LENGTH) + "…" : text;
  }

  // What a reader would hear of `node`: a control's or link's name, an image's text, or the text
  // of the heading, cell, item or paragraph it is in.
  function spoken(node) {
    var el = base.closest(node, BLOCKS + ", img[alt]");
    if (!el || el === document.body || caption.contains(el) || (guide && guide.contains(el))) return "";
    if (el.tagName === "IMG") return tidy(el.getAttribute("alt"));
    var label = el.getAttribute("aria-label");
    if (label) return tidy(label);
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) {
      var labels = el.labels && el.labels.length ? el.labels[0].innerText : el.getAttribute("placeholder");
      return tidy(labels || el.value);
    }
    return tidy(el.innerText || el.textContent);
  }

  function show(node) {
    if (!caption || !setting("caption")) return;
    var text = spoken(node);
    if (text) {
      caption.textContent = text;
      caption.hidden = false;
    }
  }

  // The pointer moved (not the page under it: scrolling to the focus must not take the caption
  // from the focused element).
  var pointer = null;
  var frame = 0;
  document.addEventListener("mousemove", function (event) {
    pointer = event;
    if (!frame) {
      frame = window.requestAnimationFrame(function () {
        frame = 0;
        place(pointer.clientX, pointer.clientY);
        show(pointer.target);
      });
    }
  });
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.getBoundingClientRect) {
      var box = target.getBoundingClientRect();
      place(box.left + box.width / 2, box.top + box.height / 2);
    }
    show(target);
  });

  // A tool changed in another tab of the same site.
  var VALUES = {
    cursor: /^on$/, scheme: /^(contrast|yellow)$/, zoom: /^(125|150|175|200)$/,
    guide: /^on$/, caption: /^on$/, text: /^on$/
  };
  window.addEventListener("storage", function (event) {
    var match = /^rectify-([a-z]+)$/.exec(event.key || "");
    var tool = match && match[1];
    if (tool && VALUES.hasOwnProperty(tool)) {
      var value = event.newValue;
      if (value === null || !VALUES[tool].test(value)) root.removeAttribute("data-rectify-" + tool);
      else root.setAttribute("data-rectify-" + tool, value === "on" ? "" : value);
      sync();
    }
  });

  sync();
})();
