/*
 * rectify-search, the ranking: which pages a query finds, in which order.
 *
 * Loaded by the search page after search-query.js and before search.js; sets rectify.searchRank:
 *   rank(engine, lists, filters)  a Promise of {results, partial}: the Pagefind results for the
 *       lists of terms of one query (from rectify.searchQuery.termLists), pages holding the
 *       terms in the order typed first; when no page holds every term, the pages holding the
 *       most telling ones, and partial is true.
 */
(function () {
  "use strict";

  if (!window.Map || !window.Promise || !window.rectify.searchQuery) return;

  var isCharacter = window.rectify.searchQuery.isCharacter;

  function rank(engine, lists, filters) {
    // Pages holding the terms in the order typed (电子保函, not 电子…保…函) come first.
    var phrases = lists.filter(function (list) { return list.length > 1; }).map(function (list) {
      return engine.search('"' + list.join(" ") + '"', { filters: filters });
    });
    var all = lists.map(function (list) { return engine.search(list.join(" "), { filters: filters }); });
    return Promise.all([Promise.all(phrases), Promise.all(all)]).then(function (searches) {
      // Phrase matches score alike, so both kinds are ordered by the word search's score.
      var phrase = new Set(merge(searches[0]).map(function (result) { return result.id; }));
      var seen = new Set();
      var found = merge(searches[1]).concat(merge(searches[0])).filter(function (result) {
        if (seen.has(result.id)) return false;
        seen.add(result.id);
        return true;
      });
      found = found.filter(function (result) { return phrase.has(result.id); })
        .concat(found.filter(function (result) { return !phrase.has(result.id); }));
      if (found.length) return { results: found, partial: false };
      return searchSomeTerms(engine, lists[0], filters).then(function (some) {
        return { results: some, partial: some.length > 0 };
      });
    });
  }

  /**
   * Pagefind finds pages holding every term. Readers write as they speak (学历不够, 借钱不还),
   * so when no page holds them all, the pages holding the most telling terms are shown instead:
   * a term counts for more the fewer pages hold it (学历 more than 不够), and a single character
   * (差, 打) for half as much as a word; a page holding single characters only is left out.
   */
  function searchSomeTerms(engine, list, filters) {
    if (list.length < 2) return Promise.resolve([]);
    var everything = engine.search(null);
    var each = list.map(function (term) { return engine.search(term, { filters: filters }); });
    return Promise.all([everything].concat(each)).then(function (searches) {
      var total = searches[0] ? searches[0].results.length : 1;
      var pages = new Map();
      searches.slice(1).forEach(function (search, i) {
        if (!search || !search.results.length) return;
        var weight = Math.log(1 + total / search.results.length);
        var word = !isCharacter(list[i]);
        if (!word) weight /= 2;
        search.results.forEach(function (result) {
          var page = pages.get(result.id) || { result: result, weight: 0, score: 0, word: false };
          page.weight += weight;
          page.score += result.score;
          page.word = page.word || word;
          pages.set(result.id, page);
        });
      });
      return Array.from(pages.values())
        .filter(function (page) { return page.word; })
        .sort(function (a, b) { return b.weight - a.weight || b.score - a.score; })
        .map(function (page) { return page.result; });
    });
  }

  /** The results of several searches, best score first. */
  function merge(searches) {
    return [].concat.apply([], searches.map(function (search) { return search ? search.results : []; }))
      .sort(function (a, b) { return b.score - a.score; });
  }

  window.rectify.searchRank = { rank: rank };
})();
