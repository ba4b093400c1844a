/*
 * rectify-search: the search page, over Pagefind's JavaScript API (pagefind/pagefind.js).
 *
 * Loaded only by the search page, after search-query.js (what the query's terms are) and
 * search-rank.js (which pages they find, in which order). The page reads completely without it
 * (it explains that search needs JavaScript and links to the list of reports); with it, the form
 * is shown, the query and the filters are read from and written to the URL
 * (?q=…&status=…&report=…&unit=…&year=…), and the results are announced politely in the
 * role="status" element.
 *
 * Traditional characters in a query are mapped to the simplified ones the site uses, with the
 * small table the build writes for this site's characters (search/hanzi.json). Uses base.js.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-rectify-search]");
  var base = window.rectify;
  if (!root || !("URLSearchParams" in window) || !window.Promise || !base.searchRank) return;
  var query = base.searchQuery;

  var FILTERS = ["status", "report", "unit", "year"];
  var PAGE_SIZE = 10;

  var form = root.querySelector("[data-rectify-search-form]");
  var input = form.querySelector("input[name=q]");
  var output = root.querySelector("[data-rectify-search-output]");
  var status = root.querySelector("[data-rectify-search-status]");
  var list = root.querySelector("[data-rectify-search-results]");
  var more = root.querySelector("[data-rectify-search-more]");
  var nojs = root.querySelector("[data-rectify-search-nojs]");
  var text = JSON.parse(root.querySelector("[data-rectify-search-text]").textContent);
  var resultTemplate = root.querySelector("template[data-rectify-search-result]");

  function format(message, values) {
    return message.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  // -- loading (only on this page, only once) ----------------------------------------------------

  var pagefind = null;
  function loadPagefind() {
    if (!pagefind) {
      var bundle = new URL(root.getAttribute("data-bundle"), location.href).href;
      var base = new URL(root.getAttribute("data-root"), location.href).pathname;
      pagefind = import(bundle + "pagefind.js").then(function (module) {
        // No worker: it would download a second copy of Pagefind's code (41 kB) for searches
        // that take milliseconds on the main thread.
        return module.options({ baseUrl: base, excerptLength: 40, noWorker: true }).then(function () {
          // On a Chinese page Pagefind splits the query with the browser's word breaker, whose
          // dictionary is not the indexer's: it cuts 保函, 纸质 or 超期 into single characters
          // that match nothing. The query is split here instead, against the index itself
          // (search-query.js); Pagefind reads the page language once, as it starts, so it is told
          // the language is undetermined for that moment.
          var html = document.documentElement;
          var lang = html.getAttribute("lang");
          var started;
          html.setAttribute("lang", "und");
          try {
            started = module.init();
          } finally {
            if (lang === null) html.removeAttribute("lang");
            else html.setAttribute("lang", lang);
          }
          return started.then(function () { return module; });
        });
      });
    }
    return pagefind;
  }

  var table = null;
  function loadTable() {
    if (!table) {
      table = fetch(new URL(root.getAttribute("data-map"), location.href).href)
        .then(function (response) { return response.ok ? response.json() : { from: "", to: "" }; })
        .then(query.table)
        .catch(function () { return new Map(); });
    }
    return table;
  }

  // -- the form and the URL ----------------------------------------------------------------------

  function readForm() {
    var data = new FormData(form);
    var state = { q: String(data.get("q") || "").trim(), filters: {} };
    FILTERS.forEach(function (name) {
      var values = data.getAll(name).map(String).filter(Boolean);
      if (values.length) state.filters[name] = values;
    });
    return state;
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    var state = { q: (params.get("q") || "").trim(), filters: {} };
    FILTERS.forEach(function (name) {
      var values = params.getAll(name).filter(Boolean);
      if (values.length) state.filters[name] = values;
    });
    return state;
  }

  function writeForm(state) {
    input.value = state.q;
    Array.prototype.forEach.call(form.elements, function (element) {
      if (FILTERS.indexOf(element.name) < 0) return;
      var values = state.filters[element.name] || [];
      if (element.type === "checkbox") element.checked = values.indexOf(element.value) >= 0;
      else if (element.tagName === "SELECT") element.value = values[0] || "";
    });
  }

  function toQueryString(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    FILTERS.forEach(function (name) {
      (state.filters[name] || []).forEach(function (value) { params.append(name, value); });
    });
    var query = params.toString();
    return query ? "?" + query : location.pathname;
  }

  // -- results -----------------------------------------------------------------------------------

  var generation = 0;
  var results = [];
  var shown = 0;
  var partial = false;

  function announce(message) {
    // Busy until the count is in, so that screen readers read the results with it.
    base.announce(status, message, function () { output.setAttribute("aria-busy", "false"); });
  }

  function badgeFor(kind) {
    var template = root.querySelector('template[data-rectify-search-badge="' + kind + '"]');
    return template ? template.content.cloneNode(true) : document.createTextNode("");
  }

  function renderResult(data) {
    var item = resultTemplate.content.firstElementChild.cloneNode(true);
    var link = item.querySelector("[data-rectify-search-link]");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    var meta = data.meta || {};
    var kind = meta.status || "report";
    item.querySelector("[data-rectify-search-kind]").appendChild(badgeFor(kind));
    var report = item.querySelector("[data-rectify-search-report]");
    if (meta.status && meta.report && text.reports[meta.report]) {
      report.querySelector("[data-rectify-search-report-title]").textContent = text.reports[meta.report];
    } else {
      report.remove();
    }
    // Pagefind escapes the page text and adds only <mark> elements, one per word of the index:
    // the words of one phrase (超期 办 件) are joined into one mark, so a screen reader that
    // announces highlights says so once for 超期办件, not three times.
    item.querySelector("[data-rectify-search-excerpt]").innerHTML = data.excerpt.replace(/<\/mark><mark>/g, "");
    return item;
  }

  function showMore() {
    var start = shown;
    var batch = results.slice(start, start + PAGE_SIZE);
    var mine = generation;
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (mine !== generation) return null;
      var first = null;
      pages.forEach(function (data) {
        var item = renderResult(data);
        first = first || item;
        list.appendChild(item);
      });
      shown = start + pages.length;
      more.hidden = shown >= results.length;
      return first;
    });
  }

  function countMessage(total, query) {
    if (!total) return query ? format(text.none, { query: query }) : text.none_filtered;
    var message = format(total === 1 ? text.count_one : text.count_other, { count: total });
    if (partial) message = text.some_words + message;
    if (total > shown) message += format(text.count_shown, { shown: shown });
    return message;
  }

  function fail() {
    generation += 1;
    list.textContent = "";
    more.hidden = true;
    announce(text.error);
    if (nojs) {
      var reason = nojs.querySelector("[data-rectify-search-nojs-reason]");
      if (reason) reason.remove();
      nojs.hidden = false;
    }
  }

  function run(state) {
    var mine = ++generation;
    // A search that starts while the last one's count is about to be announced (a second filter
    // ticked at once) silences it: readers hear the count of what they now see, and only that.
    base.silence(status);
    output.setAttribute("aria-busy", "true");
    var hasFilters = Object.keys(state.filters).length > 0;
    if (!state.q && !hasFilters) {
      results = [];
      shown = 0;
      list.textContent = "";
      more.hidden = true;
      announce(text.empty);
      return Promise.resolve();
    }
    return Promise.all([loadPagefind(), loadTable()])
      .then(function (loaded) {
        var engine = loaded[0];
        var normalised = state.q ? query.normalise(state.q, loaded[1]) : null;
        var filters = {};
        Object.keys(state.filters).forEach(function (name) {
          filters[name] = { any: state.filters[name] };
        });
        if (!normalised) {
          return engine.search(null, { filters: filters }).then(function (search) {
            return { results: search ? search.results : [], partial: false };
          });
        }
        return query.termLists(engine, normalised).then(function (lists) {
          return window.rectify.searchRank.rank(engine, lists, filters);
        });
      })
      .then(function (found) {
        if (mine !== generation) return;
        results = found.results;
        partial = found.partial;
        shown = 0;
        list.textContent = "";
        return showMore().then(function () {
          if (mine === generation) announce(countMessage(results.length, state.q));
        });
      })
      .catch(fail);
  }

  // -- events ------------------------------------------------------------------------------------

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var state = readForm();
    history.pushState(null, "", toQueryString(state));
    run(state);
  });

  form.addEventListener("change", function (event) {
    if (FILTERS.indexOf(event.target.name) < 0) return;
    var state = readForm();
    history.replaceState(null, "", toQueryString(state));
    run(state);
  });

  // The index chunks for what is being typed are fetched once typing pauses (the search itself
  // runs on submit), and not while an input method is composing: the box then holds pinyin
  // (chaoqi) or half a word, whose chunks the query will not need.
  var pause = 0;
  function preload() {
    window.clearTimeout(pause);
    pause = window.setTimeout(function () {
      var typed = input.value.trim();
      if (!typed) return;
      Promise.all([loadPagefind(), loadTable()])
        .then(function (loaded) { loaded[0].preload(query.normalise(typed, loaded[1])); })
        .catch(function () {});
    }, 300);
  }

  input.addEventListener("input", function (event) {
    if (!event.isComposing) preload();
  });
  input.addEventListener("compositionstart", function () { window.clearTimeout(pause); });
  input.addEventListener("compositionend", preload);

  more.addEventListener("click", function () {
    showMore().then(function (first) {
      // Keyboard and screen reader users continue at the first of the new results.
      var link = first && first.querySelector("a");
      if (link) link.focus();
      announce(countMessage(results.length, readForm().q));
    });
  });

  window.addEventListener("popstate", function () {
    var state = readUrl();
    writeForm(state);
    run(state);
  });

  // -- start -------------------------------------------------------------------------------------

  form.hidden = false;
  output.hidden = false;
  if (nojs) nojs.hidden = true;
  var initial = readUrl();
  writeForm(initial);
  loadPagefind().catch(fail);
  if (initial.q || Object.keys(initial.filters).length) run(initial);
})();
