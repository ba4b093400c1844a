/* rectify-leave: the notice before a reader leaves the site (即将离开本网站).
 *
 * Links to other sites point to a notice page (the site works without this file); here a
 * click on such a link opens the same notice as a dialog instead: focus moves into it, on 返回;
 * Esc and 返回 close it and focus returns to the link, 继续访问 goes on to the other site. Browsers
 * without <dialog> keep the notice page. No text lives here: it comes from the page.
 * Loaded with the dialog, only by the pages that link to another site. Uses base.js.
 */
(function () {
  "use strict";

  var base = window.rectify;
  var opener = null;

  function dialog() {
    var element = document.getElementById("rectify-leave");
    return element && typeof element.showModal === "function" ? element : null;
  }

  // The host browsers reach: in its ASCII form (xn--…) when written in other scripts.
  function hostOf(url) {
    try {
      return decodeURIComponent(new URL(url).hostname);
    } catch (error) {
      return url;
    }
  }

  // The host as written in the address (the notice's addresses are always scheme://authority…).
  function writtenHost(url) {
    var authority = url.replace(/^[a-z][a-z0-9+.\-]*:\/\//i, "").split(/[\/?#]/)[0];
    var host = authority.slice(authority.lastIndexOf("@") + 1);
    if (host.charAt(0) !== "[") host = host.replace(/:\d*$/, "");
    try {
      return decodeURIComponent(host).toLowerCase();
    } catch (error) {
      return host.toLowerCase();
    }
  }

  // A host that looks like another (www.gοv.cn with a Greek ο) is shown with the one reached.
  function hostText(slot, url) {
    var reached = hostOf(url);
    var written = writtenHost(url);
    var words = slot.getAttribute("data-rectify-leave-idn");
    if (!words || !written || written === reached) return reached;
    return words.replace(/\{(host|ascii)\}/g, function (match, name) {
      return name === "host" ? written : reached;
    });
  }

  function open(element, link) {
    var url = link.getAttribute("data-rectify-leave");
    var host = element.querySelector("[data-rectify-leave-host]");
    var shown = element.querySelector("[data-rectify-leave-url]");
    var go = element.querySelector("[data-rectify-leave-continue]");
    if (host) host.textContent = hostText(host, url);
    if (shown) shown.textContent = url;
    if (go) go.setAttribute("href", url);
    opener = link;
    element.showModal();
    // The focus starts on 返回, the safe choice: Enter twice must not take the reader off the site.
    var back = element.querySelector("[data-rectify-leave-back]");
    if (back) back.focus();
  }

  function close(element) {
    if (element.open) element.close();
  }

  // Capture phase: before any other click handler (Material's instant loading) sees the link.
  document.addEventListener(
    "click",
    function (event) {
      if (event.defaultPrevented || event.button !== 0) return;
      if (base.modifiers(event)) return; // a new tab or window: the notice page
      var link = base.closest(event.target, "a[data-rectify-leave]");
      var element = link && dialog();
      if (!element) return;
      event.preventDefault();
      event.stopPropagation();
      open(element, link);
    },
    true
  );

  document.addEventListener("click", function (event) {
    var target = event.target;
    var element = dialog();
    if (!element || !element.open || !target) return;
    if (base.closest(target, "[data-rectify-leave-back]")) {
      close(element);
    } else if (target === element) {
      var box = element.getBoundingClientRect(); // the dialog itself, or its backdrop?
      var inside =
        event.clientX >= box.left && event.clientX <= box.right &&
        event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) close(element);
    }
  });

  document.addEventListener(
    "close",
    function (event) {
      if (event.target && event.target.id === "rectify-leave" && opener) {
        var link = opener;
        opener = null;
        if (document.contains(link)) link.focus();
      }
    },
    true
  );
})();
