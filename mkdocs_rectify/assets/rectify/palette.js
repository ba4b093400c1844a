/*
 * rectify-palette: the colour scheme the reader chose with Material's palette toggle, applied to
 * <body> as the header is read, before the page is painted. Loaded from the header (partials/
 * javascripts/palette.html) only when the site offers a choice of palettes; stands in for
 * Material's inline script, so that no inline script is needed. Uses head.js's __md_get.
 */
(function () {
  "use strict";

  var palette;
  try {
    palette = window.__md_get("__palette");
  } catch (error) {
    return; // storage switched off or unreadable: the site's default palette
  }
  if (!palette || !palette.color) return;
  var color = palette.color;
  if (color.media === "(prefers-color-scheme)") {
    // "Follow the system": take the toggle that matches the system's scheme now.
    var light = window.matchMedia("(prefers-color-scheme: light)").matches;
    var media = light ? "(prefers-color-scheme: light)" : "(prefers-color-scheme: dark)";
    var input = document.querySelector("[data-md-color-media='" + media + "']");
    if (input) {
      color.media = input.getAttribute("data-md-color-media");
      color.scheme = input.getAttribute("data-md-color-scheme");
      color.primary = input.getAttribute("data-md-color-primary");
      color.accent = input.getAttribute("data-md-color-accent");
    }
  }
  for (var key in color) {
    if (Object.prototype.hasOwnProperty.call(color, key)) {
      document.body.setAttribute("data-md-color-" + key, color[key]);
    }
  }
})();
