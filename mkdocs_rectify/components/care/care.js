/*
 * rectify-care: 关怀版 (care mode) for elderly readers.
 *
 * head.js has already applied the reader's choice to <html> before the first paint
 * (data-rectify-care); this file makes the toggle work — by click, Enter or Space, and
 * by the shortcut Alt+Shift+C anywhere on the page — keeps aria-pressed and the name (关怀版,
 * 退出关怀版) true to the state,
 * remembers the choice for every page of the origin (localStorage "rectify-care") and announces
 * each change in the polite live region next to the button. All styling is in care.css.
 * Uses base.js. Plain ES5: it must run on old phones.
 */
(function () {
  "use strict";

  var base = window.rectify;
  var KEY = "rectify-care";
  var ATTR = "data-rectify-care";
  var root = document.documentElement;

  function isOn() {
    return root.hasAttribute(ATTR);
  }

  function toggles() {
    return document.querySelectorAll("[data-rectify-care-toggle]");
  }

  // The pressed state, and the name: 关怀版 while off, 退出关怀版 (how to leave it) while on.
  function sync() {
    var list = toggles();
    var on = isOn();
    for (var i = 0; i < list.length; i++) {
      list[i].setAttribute("aria-pressed", on ? "true" : "false");
      var leave = list[i].querySelector("[data-rectify-care-leave]");
      if (leave) {
        leave.hidden = !on;
      }
    }
  }

  function announce(on) {
    var toggle = toggles()[0];
    if (toggle) {
      var text = toggle.getAttribute(on ? "data-rectify-care-on" : "data-rectify-care-off") || "";
      base.announce(document.querySelector("[data-rectify-care-status]"), text);
    }
  }

  function apply(on) {
    if (on) {
      root.setAttribute(ATTR, "");
    } else {
      root.removeAttribute(ATTR);
    }
    sync();
  }

  function set(on) {
    apply(on);
    try {
      if (on) {
        localStorage.setItem(KEY, "on");
      } else {
        localStorage.removeItem(KEY);
      }
    } catch (error) {
      // Storage may be off (private mode, policies): the mode still holds on this page.
    }
    announce(on);
  }

  document.addEventListener("click", function (event) {
    if (base.closest(event.target, "[data-rectify-care-toggle]")) {
      set(!isOn());
    }
  });

  // Alt+Shift+C (the documented shortcut, aria-keyshortcuts on the button). event.code names the
  // physical key, so the shortcut works whatever character the layout gives it (macOS: Ç).
  document.addEventListener("keydown", function (event) {
    var isC = event.code ? event.code === "KeyC" : event.keyCode === 67;
    if (isC && base.modifiers(event) === "Alt+Shift" && !event.repeat) {
      event.preventDefault();
      set(!isOn());
    }
  });

  // The reader changed the mode in another tab of the same site.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) {
      apply(event.newValue === "on");
    }
  });

  sync();
})();
