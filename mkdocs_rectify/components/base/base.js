/*
 * rectify-base: the helpers every component script uses. Loaded on every page, before them.
 *
 *   rectify.announce(region, text[, then])  says `text` in a live region (role="status"): empties
 *       it, then fills it after one short delay, so that screen readers announce a text even when
 *       it is the same as the last one; an announcement still pending in the region is cancelled.
 *       `then` runs once the text is in.
 *   rectify.silence(region)                  cancels the region's pending announcement.
 *   rectify.modifiers(event)                 the modifier keys held, as aria-keyshortcuts writes
 *       them, in its order: "", "Shift", "Alt+Shift", "Control+Alt" …
 *   rectify.commandKey(event)                whether Control, Alt or Meta is held: the key gives a
 *       command, not a character.
 *   rectify.key(event)                       the key's name ("Enter", "Escape", " " …), also from
 *       browsers that give only a key code or older names.
 *   rectify.onEscape(handler)                one press of Escape does one thing: a component that
 *       Escape ends something for pushes `handler`; on Escape the handlers are called from the
 *       last pushed to the first, `handler(event)`, until one returns true (it used the key). A
 *       component that sits inside another loads after it, so its handler comes first: Escape stops
 *       连读, and the next Escape closes the 无障碍工具条 that holds it.
 *   rectify.closest(node, selector)          the node, or its nearest ancestor, that matches
 *       `selector` (a text node starts from its parent); null if none does.
 *   rectify.stored(key)                      a reader's setting kept in localStorage for every page
 *       of the site, or null (none, or storage switched off).
 *   rectify.store(key, value)                keeps `value` (a string) under `key`, or forgets the key
 *       when `value` is null or ""; false when storage is switched off (the setting then lasts for
 *       this page only).
 *
 * window.rectify is set here whatever it held: an element named "rectify" in the page cannot
 * stand in for it. Plain ES5: it must run on old phones.
 */
(function () {
  "use strict";

  var DELAY = 150; // ms between emptying a live region and filling it
  var PENDING = "rectifyAnnouncement";

  function silence(region) {
    if (region && region[PENDING]) {
      window.clearTimeout(region[PENDING]);
      region[PENDING] = 0;
    }
  }

  function announce(region, text, then) {
    if (!region) return;
    silence(region);
    region.textContent = "";
    region[PENDING] = window.setTimeout(function () {
      region[PENDING] = 0;
      region.textContent = text;
      if (then) then();
    }, DELAY);
  }

  var MODIFIERS = [["ctrlKey", "Control"], ["altKey", "Alt"], ["metaKey", "Meta"], ["shiftKey", "Shift"]];

  function modifiers(event) {
    var held = [];
    for (var i = 0; i < MODIFIERS.length; i++) {
      if (event[MODIFIERS[i][0]]) held.push(MODIFIERS[i][1]);
    }
    return held.join("+");
  }

  function commandKey(event) {
    return !!(event.ctrlKey || event.altKey || event.metaKey);
  }

  var CODES = { 13: "Enter", 27: "Escape", 32: " " };
  var OLD_NAMES = { Esc: "Escape", Spacebar: " " };

  function key(event) {
    var name = event.key;
    if (name && name !== "Unidentified") return OLD_NAMES[name] || name;
    return CODES[event.keyCode] || "";
  }

  var escapeHandlers = [];

  function onEscape(handler) {
    escapeHandlers.push(handler);
  }

  document.addEventListener("keydown", function (event) {
    if (key(event) !== "Escape") return;
    for (var i = escapeHandlers.length - 1; i >= 0; i--) {
      if (escapeHandlers[i](event) === true) return;
    }
  });

  function matches(element, selector) {
    var test = element.matches || element.msMatchesSelector || element.webkitMatchesSelector;
    return test.call(element, selector);
  }

  function closest(node, selector) {
    while (node && node.nodeType !== 1) node = node.parentNode;
    for (; node && node.nodeType === 1; node = node.parentNode) {
      if (matches(node, selector)) return node;
    }
    return null;
  }

  function stored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function store(key, value) {
    try {
      if (value === null || value === undefined || value === "") {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, String(value));
      }
      return true;
    } catch (error) {
      return false;
    }
  }

  window.rectify = {
    announce: announce,
    silence: silence,
    modifiers: modifiers,
    commandKey: commandKey,
    key: key,
    onEscape: onEscape,
    closest: closest,
    stored: stored,
    store: store
  };
})();
