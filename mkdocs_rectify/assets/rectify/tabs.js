/*
 * rectify-tabs: content tabs (pymdownx.tabbed) opened before the page is painted, right after the
 * content: the tab the address points at (#__tabbed_1_2), and with Material's content.tabs.link
 * feature (data-rectify-tabs-link on this element) the tabs the reader chose last on any page.
 * Loaded by partials/javascripts/content.html only on pages with tabs; stands in for Material's
 * inline scripts, so that no inline script is needed.
 */
(function () {
  "use strict";

  var script = document.currentScript;

  if (script && script.hasAttribute("data-rectify-tabs-link")) {
    var chosen = null;
    try {
      chosen = window.__md_get("__tabs");
    } catch (error) {
      chosen = null;
    }
    if (Array.isArray(chosen)) {
      var sets = document.querySelectorAll(".tabbed-set");
      for (var s = 0; s < sets.length; s++) {
        var labels = sets[s].querySelector(".tabbed-labels");
        var found = false;
        for (var c = 0; c < chosen.length && !found && labels; c++) {
          var list = labels.getElementsByTagName("label");
          for (var l = 0; l < list.length; l++) {
            if (list[l].innerText.trim() === chosen[c]) {
              document.getElementById(list[l].htmlFor).checked = true;
              found = true;
              break;
            }
          }
        }
      }
    }
  }

  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();
