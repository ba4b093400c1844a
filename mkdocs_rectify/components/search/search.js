/*
 * rectify-search: the search page, over Pagefind's JavaScript API (pagefind/pagefind.js).
 *
 * Loaded only by the search page, after search-query.js (what the query's terms are),
 * search-expand.js (the official words related to a resident's own) and search-rank.js (which
 * pages they find, in which order). The page reads completely without it
 * (it explains that search needs JavaScript and links to the list of reports); with it, the form
 * is shown, the query and the filters are read from and written to the URL
 * (?q=…&status=…&report=…&unit=…&year=…), and the results are announced politely in the
 * role="status" element. Results from several reports are shown under a heading per report. The
 * first five results are shown, ten more on each press of "more": each is a fragment to fetch.
 *
 * Traditional characters in a query are mapped to the simplified ones the site uses, with the
 * small table the build writes for this site's characters (search/hanzi.json); the thesaurus
 * (search/thesaurus.json) is loaded with it. When nothing is found, the page says which words were
 * searched and what they were expanded to, offers a shorter query that finds something and the
 * pages to browse instead. Uses base.js.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-rectify-search]");
  var base = window.rectify;
  if (!root || !("URLSearchParams" in window) || !window.Promise || !base.searchRank) return;
  var query = base.searchQuery;
  var expander = base.searchExpand;

  var FILTERS = ["status", "report", "unit", "year"];
  var EXPANSION_BYTES = 60000;
  // The first view shows the results a reader sees without scrolling, each a fragment to fetch
  // (1–2 kB): on a large site these are a tenth of a first query's bytes. "More" adds PAGE_SIZE.
  var FIRST_PAGE = 5;
  var PAGE_SIZE = 10;

  var form = root.querySelector("[data-rectify-search-form]");
  var input = form.querySelector("input[name=q]");
  var output = root.querySelector("[data-rectify-search-output]");
  var status = root.querySelector("[data-rectify-search-status]");
  var list = root.querySelector("[data-rectify-search-results]");
  var groupsBox = root.querySelector("[data-rectify-search-groups]");
  var groupTemplate = root.querySelector("template[data-rectify-search-group]");
  var more = root.querySelector("[data-rectify-search-more]");
  var nojs = root.querySelector("[data-rectify-search-nojs]");
  var text = JSON.parse(root.querySelector("[data-rectify-search-text]").textContent);
  var resultTemplate = root.querySelector("template[data-rectify-search-result]");
  var help = root.querySelector("[data-rectify-search-help]");
  var words = root.querySelector("[data-rectify-search-words]");
  var suggestion = root.querySelector("[data-rectify-search-suggest]");
  var suggestionLink = root.querySelector("[data-rectify-search-suggest-link]");

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

  // The traditional→simplified table is fetched only for a query whose own characters find too
  // little (電子保函): one in the characters the site uses needs none.
  var table = null;
  var tableLoaded = null;
  function loadTable() {
    if (!table) {
      table = fetch(new URL(root.getAttribute("data-map"), location.href).href)
        .then(function (response) { return response.ok ? response.json() : { from: "", to: "" }; })
        .then(query.table)
        .catch(function () { return new Map(); })
        .then(function (map) {
          tableLoaded = map;
          return map;
        });
    }
    return table;
  }

  function knownTable() {
    return tableLoaded || new Map();
  }

  var thesaurus = null;
  function loadThesaurus() {
    if (!thesaurus) {
      thesaurus = fetch(new URL(root.getAttribute("data-thesaurus"), location.href).href)
        .then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { return {}; })
        .then(expander.thesaurus);
    }
    return thesaurus;
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
  var expanded = [];
  var marked = [];
  var typedMarks = [];
  var relatedIds = new Set();
  var rendered = [];
  var grouped = 0;

  function announce(message) {
    // Busy until the count is in, so that screen readers read the results with it.
    base.announce(status, message, function () { output.setAttribute("aria-busy", "false"); });
  }

  function badgeFor(kind) {
    var template = root.querySelector('template[data-rectify-search-badge="' + kind + '"]');
    return template ? template.content.cloneNode(true) : document.createTextNode("");
  }

  function renderResult(data, result) {
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
    // Pagefind escapes the page text and adds only <mark> elements, one per word of the index.
    // It matches a term as the start of a word, so a lone character (不 of 热线打不通) would mark
    // 不够: a mark stays only on a word the search was for, or one that starts with a searched
    // word of two characters or more. The words of one phrase (超期 办 件) are joined into one
    // mark, so a screen reader that announces highlights says so once for 超期办件.
    var terms = relatedIds.has(result.id) ? marked : typedMarks;
    var kept = 0;
    var excerpt = data.excerpt.replace(/<mark>([^<]*)<\/mark>/g, function (whole, word) {
      if (!isMarked(word, terms)) return word;
      kept += 1;
      return whole;
    });
    var target = item.querySelector("[data-rectify-search-excerpt]");
    // Pagefind places its excerpt where most terms match; when none of those is a searched word,
    // the excerpt is taken around the first searched word of the page's text instead.
    if (kept || !writeExcerpt(target, data.content || "", terms)) {
      target.innerHTML = excerpt.replace(/<\/mark><mark>/g, "");
    }
    return item;
  }

  var BEFORE = 12;
  var AFTER = 40;

  /** ``text`` around its first searched word of two characters or more, those words marked; false if it has none. */
  function writeExcerpt(target, text, terms) {
    var words = terms.filter(function (term) { return Array.from(term).length > 1; })
      .sort(function (a, b) { return b.length - a.length; });
    var lower = text.toLowerCase();
    var at = -1;
    words.forEach(function (word) {
      var found = lower.indexOf(word);
      if (found >= 0 && (at < 0 || found < at)) at = found;
    });
    if (at < 0) return false;
    var start = Math.max(0, at - BEFORE);
    var window_ = text.slice(start, at + AFTER);
    var pattern = new RegExp(words.map(function (word) {
      return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|"), "gi");
    target.textContent = "";
    var last = 0;
    window_.replace(pattern, function (match, offset) {
      target.appendChild(document.createTextNode(window_.slice(last, offset)));
      var mark = document.createElement("mark");
      mark.textContent = match;
      target.appendChild(mark);
      last = offset + match.length;
      return match;
    });
    target.appendChild(document.createTextNode(window_.slice(last) + (at + AFTER < text.length ? "…" : "")));
    if (start > 0) target.insertBefore(document.createTextNode("…"), target.firstChild);
    return true;
  }

  /** Every term of some lists of terms, in lower case. */
  function termsOf(lists) {
    return [].concat.apply([], lists).map(function (term) { return term.toLowerCase(); });
  }

  function isMarked(word, terms) {
    var lower = word.toLowerCase();
    return terms.some(function (term) {
      return lower === term || (Array.from(term).length > 1 && lower.indexOf(term) === 0);
    });
  }

  function showMore() {
    var start = shown;
    var batch = results.slice(start, start + (start ? PAGE_SIZE : FIRST_PAGE));
    var mine = generation;
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (mine !== generation) return null;
      var first = null;
      pages.forEach(function (data, i) {
        var item = renderResult(data, batch[i]);
        first = first || item;
        rendered.push({ item: item, report: (data.meta && data.meta.report) || "" });
      });
      layout();
      shown = start + pages.length;
      more.hidden = shown >= results.length;
      return first;
    });
  }

  function clearResults() {
    rendered = [];
    grouped = 0;
    list.textContent = "";
    list.hidden = false;
    groupsBox.textContent = "";
    groupsBox.hidden = true;
  }

  /**
   * The results shown, in one list, or, when they come from several reports of a site with
   * several, under a heading per report (its title and how many of its results are shown), the
   * report of the best result first; each result's title is then a heading a level below.
   */
  function layout() {
    var order = [];
    var byReport = new Map();
    rendered.forEach(function (one) {
      if (!byReport.has(one.report)) {
        byReport.set(one.report, []);
        order.push(one.report);
      }
      byReport.get(one.report).push(one.item);
    });
    var group = Object.keys(text.reports).length > 1 && order.length > 1;
    grouped = group ? order.length : 0;
    list.hidden = group;
    groupsBox.hidden = !group;
    groupsBox.textContent = "";
    if (!group) {
      rendered.forEach(function (one) { list.appendChild(asLevel(one.item, 3, false)); });
      return;
    }
    order.forEach(function (report, i) {
      var items = byReport.get(report);
      var box = groupTemplate.content.firstElementChild.cloneNode(true);
      var title = box.querySelector("[data-rectify-search-group-title]");
      title.id = "rectify-search-group-" + (i + 1);
      title.textContent = format(items.length === 1 ? text.group_one : text.group_other, {
        report: text.reports[report] || report,
        count: items.length
      });
      var group = box.querySelector("[data-rectify-search-group-results]");
      group.setAttribute("aria-labelledby", title.id);
      items.forEach(function (item) { group.appendChild(asLevel(item, 4, true)); });
      groupsBox.appendChild(box);
    });
  }

  /** ``item`` with its title a heading of ``level``; its report named unless ``underReport``. */
  function asLevel(item, level, underReport) {
    var title = item.querySelector(".rectify-search__result-title");
    if (title && title.tagName !== "H" + level) {
      var heading = document.createElement("h" + level);
      heading.className = title.className;
      while (title.firstChild) heading.appendChild(title.firstChild);
      title.replaceWith(heading);
    }
    var report = item.querySelector("[data-rectify-search-report]");
    if (report) report.hidden = underReport;
    return item;
  }

  function countMessage(total, query) {
    if (!total) return query ? format(text.none, { query: query }) + searchedMessage() : text.none_filtered;
    var message = format(total === 1 ? text.count_one : text.count_other, { count: total });
    if (partial) message = text.some_words + message;
    if (expanded.length) message += format(text.expanded, { words: expanded.join(text.separator) });
    if (total > shown) message += format(text.count_shown, { shown: shown });
    if (grouped) message += format(text.grouped, { reports: grouped });
    return message;
  }

  var searched = [];
  var related = [];
  function searchedMessage() {
    var message = searched.length ? format(text.searched, { words: searched.join(text.separator) }) : "";
    if (related.length) message += format(text.expanded, { words: related.join(text.separator) });
    return message;
  }

  /** Below the results of a search that found nothing, or pages holding only some of the words:
   *  a shorter query that finds pages holding all its words, and the pages to browse. */
  function showHelp(state, shorter) {
    help.hidden = !!results.length && !partial;
    if (shorter) {
      var params = new URLSearchParams(toQueryString({ q: shorter, filters: state.filters }).slice(1));
      suggestionLink.href = "?" + params.toString();
      suggestionLink.textContent = shorter;
      suggestionLink.setAttribute("data-q", shorter);
    }
    suggestion.hidden = !shorter;
    words.textContent = results.length ? "" : searchedMessage();
    words.hidden = !!results.length;
  }

  /**
   * The query with one of its words left out that finds pages holding all its terms, if one
   * does: 学历不够 → 学历, 量子计算机 → 计算机. Lone characters side by side (量 子, a word the
   * index does not know) are left out together.
   */
  function shorterQuery(engine, list, filters) {
    var words = [];
    list.forEach(function (term, i) {
      if (i > 0 && query.isCharacter(term) && query.isCharacter(list[i - 1])) {
        words[words.length - 1].push(term);
      } else {
        words.push([term]);
      }
    });
    if (words.length < 2) return Promise.resolve(null);
    var candidates = words.slice(0, 8).map(function (word, i) {
      var rest = [].concat.apply([], words.slice(0, i).concat(words.slice(i + 1)));
      return rest.some(function (term) { return !query.isCharacter(term); }) ? rest : null;
    }).filter(Boolean);
    return candidates.reduce(function (done, rest) {
      return done.then(function (found) {
        if (found) return found;
        return window.rectify.searchRank.find(engine, [rest], filters).then(function (pages) {
          return pages.length ? joinTerms(rest) : null;
        });
      });
    }, Promise.resolve(null));
  }

  function joinTerms(terms) {
    return terms.reduce(function (text, term) {
      var latin = /[a-z0-9]$/i.test(text) && /^[a-z0-9]/i.test(term);
      return text + (latin ? " " : "") + term;
    }, "");
  }

  function fail() {
    generation += 1;
    clearResults();
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
    help.hidden = true;
    if (!state.q && !hasFilters) {
      results = [];
      shown = 0;
      clearResults();
      more.hidden = true;
      announce(text.empty);
      return Promise.resolve();
    }
    var engine = null;
    var filters = {};
    var typed = [];
    var groups = [];
    var relatedOnes = [];
    return loadPagefind()
      .then(function (loaded) {
        engine = loaded;
        var normalised = state.q ? query.normalise(state.q, knownTable()) : null;
        Object.keys(state.filters).forEach(function (name) {
          filters[name] = { any: state.filters[name] };
        });
        if (!normalised) {
          return engine.search(null, { filters: filters }).then(function (search) {
            return { results: search ? search.results : [], partial: false, expanded: [], lists: [], groups: [] };
          });
        }
        // The thesaurus is fetched only when the typed words find too little, and the table of
        // traditional characters before it: when the table changes the query, the search starts
        // again with the query it gives.
        function relatedWords(normalised) {
          return loadTable().then(function (map) {
            var mapped = query.normalise(state.q, map);
            if (mapped !== normalised) throw { again: mapped };
            return expansionOf(normalised);
          });
        }
        function expansionOf(normalised) {
          // Each related word may need index chunks of its own (20–40 kB each on a large site):
          // the words are looked up in turn, the most telling first, until the expansion has
          // downloaded EXPANSION_BYTES of the index.
          var start = query.indexBytes();
          function within() { return query.indexBytes() - start < EXPANSION_BYTES; }
          return loadThesaurus().then(function (data) {
            var expansion = expander.expand(normalised, data);
            return expander.alike(engine, typed, data, query.inIndex, within).then(function (alike) {
              alike.forEach(function (word) {
                var official = data.byPlain.get(word) || [];
                expansion.groups.push({ plain: word, official: [word].concat(official) });
              });
              // Words near a typed word no page holds are the least certain: looked up only when
              // nothing else is related, and their pages come last (search-rank.js).
              return expansion.groups.length ? [] : expander.near(engine, typed, query.inIndex, within);
            }).then(function (near) {
              expansion.groups = expansion.groups.concat(near);
              return expansion;
            });
          }).then(function (expansion) {
            var done = [];
            return expansion.groups.reduce(function (previous, group) {
              return previous.then(function () {
                var official = [];
                var lists = [];
                return group.official.reduce(function (before, word) {
                  return before.then(function () {
                    if (!within()) return null;
                    return query.termLists(engine, word).then(function (cut) {
                      official.push(word);
                      lists.push(cut);
                    });
                  });
                }, Promise.resolve()).then(function () {
                  if (!official.length) return;
                  relatedOnes = relatedOnes.concat(official);
                  done.push({ plain: group.plain, official: official, lists: lists, near: !!group.near });
                });
              });
            }, Promise.resolve()).then(function () { return done; });
          }).then(function (done) {
            groups = done;
            return done;
          });
        }
        function searchFor(normalised) {
          return query.termLists(engine, normalised).then(function (lists) {
            typed = lists[0];
            var related = function () { return relatedWords(normalised); };
            return window.rectify.searchRank.rank(engine, lists, filters, related).then(function (found) {
              found.lists = lists;
              found.groups = groups;
              found.related = relatedOnes;
              return found;
            });
          });
        }
        return searchFor(normalised).catch(function (error) {
          if (error && error.again) return searchFor(error.again);
          throw error;
        });
      })
      .then(function (found) {
        if (mine !== generation) return null;
        results = found.results;
        partial = found.partial;
        expanded = found.expanded;
        searched = typed;
        related = (found.related || []).filter(function (w, i, all) { return all.indexOf(w) === i; });
        typedMarks = termsOf(found.lists);
        marked = typedMarks.concat(found.groups.filter(function (group) {
          return group.official.some(function (word) { return expanded.indexOf(word) >= 0; });
        }).reduce(function (all, group) { return all.concat(termsOf(group.lists.reduce(function (a, l) {
          return a.concat(l);
        }, []))); }, []));
        shown = 0;
        clearResults();
        relatedIds = found.relatedPages || new Set();
        var shorter = (!results.length || partial) && typed.length > 1
          ? shorterQuery(engine, typed, filters) : Promise.resolve(null);
        return Promise.all([showMore(), shorter]).then(function (done) {
          if (mine !== generation) return;
          if (state.q) showHelp(state, done[1]);
          var message = countMessage(results.length, state.q);
          if (done[1]) message += format(text.suggest_said, { query: done[1] });
          announce(message);
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
      loadPagefind()
        .then(function (engine) { engine.preload(query.normalise(typed, knownTable())); })
        .catch(function () {});
    }, 300);
  }

  input.addEventListener("input", function (event) {
    if (!event.isComposing) preload();
  });
  input.addEventListener("compositionstart", function () { window.clearTimeout(pause); });
  input.addEventListener("compositionend", preload);

  suggestionLink.addEventListener("click", function (event) {
    event.preventDefault();
    var state = readForm();
    state.q = suggestionLink.getAttribute("data-q");
    writeForm(state);
    history.pushState(null, "", toQueryString(state));
    input.focus();
    run(state);
  });

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
