/*
 * rectify-head: the first script of every page, loaded without defer in <head> so that it runs
 * before anything is painted. It stands in for the inline scripts Material and rectify would put
 * there, so that the site runs under a Content-Security-Policy without 'unsafe-inline'.
 *
 * 1. The helpers Material's bundle and its partials call: __md_scope (the URL under which the site
 *    keeps its settings), __md_get and __md_set (JSON in localStorage, or another storage, keyed by
 *    that URL's path) and __md_hash (a short number from a text). The scope comes from this
 *    element's data-md-scope attribute (config.extra.scope, or the site root), read as data and
 *    resolved against the page's address.
 * 2. 关怀版 (care mode): marks <html> with `rectify-js` (scripts run, so the 关怀版 button can
 *    work) and with `data-rectify-care` when the reader switched 关怀版 on, on any page of this
 *    origin (localStorage "rectify-care" = "on"). No flash of the standard view; care.js does the
 *    rest.
 * 3. The 无障碍工具条's settings (components/a11y/a11y.js), each kept under its own key
 *    ("rectify-<tool>"), marked on <html> as data-rectify-<tool> in the same way, so that a page
 *    never shows without them first. Only the values the tools know are applied.
 *
 * Keep it small: it blocks rendering. Plain ES5, but for URL, which Material needs anyway.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = document.documentElement;

  window.__md_scope = new URL((script && script.getAttribute("data-md-scope")) || ".", location.href);

  window.__md_hash = function (text) {
    // Code point by code point, each counted by its first UTF-16 unit.
    var hash = 0;
    for (var i = 0; i < text.length; i++) {
      var unit = text.charCodeAt(i);
      hash = (hash << 5) - hash + unit;
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        var next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
    return hash;
  };

  window.__md_get = function (key, storage, scope) {
    storage = storage === undefined ? localStorage : storage;
    scope = scope === undefined ? window.__md_scope : scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };

  window.__md_set = function (key, value, storage, scope) {
    try {
      storage = storage === undefined ? localStorage : storage;
      scope = scope === undefined ? window.__md_scope : scope;
      storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // Storage is full or switched off: the setting lasts for this page only.
    }
  };

  // Each tool: the values it may hold ("on" is kept as a bare attribute).
  var TOOLS = {
    care: /^on$/,
    cursor: /^on$/,
    scheme: /^(contrast|yellow)$/,
    zoom: /^(125|150|175|200)$/,
    guide: /^on$/,
    caption: /^on$/,
    text: /^on$/
  };

  root.className += " rectify-js";
  try {
    for (var tool in TOOLS) {
      var value = localStorage.getItem("rectify-" + tool);
      if (value && TOOLS[tool].test(value)) root.setAttribute("data-rectify-" + tool, value === "on" ? "" : value);
    }
  } catch (error) {
    // Storage switched off: the standard view.
  }
})();
