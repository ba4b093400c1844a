/*
 * rectify-header: keyboard access to Material's navigation drawer.
 *
 * On narrow screens (and at 200% zoom and more) Material moves the site navigation into a drawer
 * opened by a <label> that no keyboard can reach. Where scripts run, a real button takes its place
 * (the header has both; header.css shows one): named, with aria-expanded, it opens the drawer by
 * click, Enter or Space and moves the focus into it; Escape or the focus leaving the drawer closes
 * it. base.css keeps the closed drawer's links out of the tab order.
 *
 * It also switches off Material's single-key shortcuts (p and , for the previous page, n and . for
 * the next, f s and / for its search box): WCAG 2.1.4 allows character-key shortcuts only if they
 * can be turned off, and speech input users trigger them by accident. Uses base.js. Plain ES5.
 */
(function () {
  "use strict";

  var base = window.rectify;
  var SINGLE_KEYS = { p: true, n: true, ",": true, ".": true, f: true, s: true, "/": true };

  function editable(node) {
    return node && node.nodeType === 1 && (node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName));
  }

  // Capturing on window runs before Material's own listener, which is on window too.
  window.addEventListener("keydown", function (event) {
    if (!base.commandKey(event) && SINGLE_KEYS[event.key] && !editable(event.target)) {
      event.stopImmediatePropagation();
    }
  }, true);

  var button = document.querySelector("button[data-rectify-drawer]");
  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (!button || !drawer || !sidebar) {
    return;
  }

  if (!sidebar.id) {
    sidebar.id = "rectify-drawer";
  }
  button.setAttribute("aria-controls", sidebar.id);

  function sync() {
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  }

  function open(on) {
    if (drawer.checked === on) {
      return;
    }
    drawer.checked = on;
    // Material follows the checkbox's change event (overlay, scroll lock).
    drawer.dispatchEvent(new Event("change"));
    sync();
  }

  function firstLink() {
    return sidebar.querySelector("a[href], [tabindex='0']");
  }

  // The drawer slides in (unless motion is off): the focus goes to its first link once it is in
  // sight, so that it never sits on something off the screen.
  function focusWhenIn() {
    var done = false;
    function go() {
      var link = firstLink();
      if (!done && drawer.checked && link) {
        done = true;
        link.focus();
      }
    }
    var duration = parseFloat(window.getComputedStyle(sidebar).transitionDuration) || 0;
    if (duration > 0) {
      sidebar.addEventListener("transitionend", function end(event) {
        if (event.target === sidebar) {
          sidebar.removeEventListener("transitionend", end);
          go();
        }
      });
    }
    window.setTimeout(go, duration * 1000 + 100);
  }

  button.addEventListener("click", function () {
    open(!drawer.checked);
    if (drawer.checked) {
      focusWhenIn();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (drawer.checked && base.key(event) === "Escape") {
      open(false);
      button.focus();
    }
  });

  // A drawer left behind by the focus closes, so the focus is never under its overlay.
  document.addEventListener("focusin", function (event) {
    if (drawer.checked && !sidebar.contains(event.target) && event.target !== button) {
      open(false);
    }
  });

  drawer.addEventListener("change", sync);
  sync();
})();
