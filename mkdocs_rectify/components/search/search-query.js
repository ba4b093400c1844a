/*
 * rectify-search, the query: how what a reader types becomes terms of the search index.
 *
 * Loaded by the search page, before search-rank.js and search.js; sets rectify.searchQuery:
 *   table(data)                  the traditional→simplified table (search/hanzi.json) as a Map.
 *   normalise(query, table)      full-width letters and digits to ASCII, traditional characters
 *                                to the simplified ones the site uses.
 *   termLists(engine, query)     the query cut into terms of the index, each way it can be cut
 *                                (a Promise of lists of terms, no two alike).
 *   isCharacter(term)            whether a term is a single Chinese character.
 *   inIndex(engine, text)        whether text is a word of the index (a Promise).
 *   indexBytes()                 the bytes of index chunks this page has downloaded so far
 *                                (from the browser's resource timing; 0 where it cannot tell).
 *
 * On a Chinese page Pagefind would split the query with the browser's word breaker, whose
 * dictionary is not the indexer's: it cuts 保函, 纸质 or 超期 into single characters that match
 * nothing. The query is cut here instead, against the index itself.
 */
(function () {
  "use strict";

  if (!window.Map || !window.Promise) return;

  function table(data) {
    var from = Array.from(data.from || "");
    var to = Array.from(data.to || "");
    var map = new Map();
    from.forEach(function (ch, i) { map.set(ch, to[i]); });
    return map;
  }

  /** Full-width letters and digits to ASCII (NFKC), traditional to simplified characters. */
  function normalise(query, map) {
    return Array.from(query.normalize("NFKC"))
      .map(function (ch) { return map.get(ch) || ch; })
      .join("")
      .replace(/\s+/g, " ")
      .trim();
  }

  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  // The indexer does not always cut the same text the same way (超期办件 is one word in some
  // sentences, 超期 办 件 in others), so a query is cut twice: into the longest words of the
  // index, and into words of at most two characters; pages found either way are results.
  var CUTS = [6, 2];
  var known = new Map();

  /** Whether ``text`` is a word of the index (a quoted search matches whole words only). */
  function inIndex(engine, text) {
    if (!known.has(text)) {
      known.set(text, engine.search('"' + text + '"').then(function (search) {
        return !!search && search.results.length > 0;
      }));
    }
    return known.get(text);
  }

  /**
   * The search terms of a query: runs of Chinese characters are cut into the longest words of
   * the index (超期办件 → 超期 办 件, as the indexer cut the text), other runs (12345, EPC) are
   * kept whole.
   */
  function terms(engine, query, longest) {
    var runs = [];
    query.split(/[\s\p{P}\p{S}]+/u).forEach(function (token) {
      var current = "";
      var han = false;
      Array.from(token).forEach(function (ch) {
        var isHan = HAN.test(ch);
        if (current && isHan !== han) {
          runs.push({ text: current, han: han });
          current = "";
        }
        current += ch;
        han = isHan;
      });
      if (current) runs.push({ text: current, han: han });
    });
    var found = [];
    return runs
      .reduce(function (done, run) {
        return done.then(function () {
          if (!run.han) {
            found.push(run.text);
            return null;
          }
          return cut(engine, Array.from(run.text), found, longest);
        });
      }, Promise.resolve())
      .then(function () {
        return found.filter(function (term, i) { return found.indexOf(term) === i; });
      });
  }

  function cut(engine, chars, found, longest) {
    if (!chars.length) return Promise.resolve();
    function tryLength(length) {
      var piece = chars.slice(0, length).join("");
      if (length === 1) return Promise.resolve(piece);
      return inIndex(engine, piece).then(function (yes) { return yes ? piece : tryLength(length - 1); });
    }
    return tryLength(Math.min(longest, chars.length)).then(function (piece) {
      found.push(piece);
      return cut(engine, chars.slice(Array.from(piece).length), found, longest);
    });
  }

  /** Every way the query cuts into terms of the index (see CUTS), each once. */
  function termLists(engine, query) {
    return Promise.all(CUTS.map(function (longest) { return terms(engine, query, longest); }))
      .then(function (cuts) {
        return cuts.filter(function (list, i) {
          return cuts.findIndex(function (other) { return other.join(" ") === list.join(" "); }) === i;
        });
      });
  }

  function indexBytes() {
    if (!window.performance || !performance.getEntriesByType) return 0;
    return performance.getEntriesByType("resource").reduce(function (sum, entry) {
      return entry.name.indexOf("/pagefind/index/") < 0 ? sum : sum + (entry.encodedBodySize || entry.transferSize || 0);
    }, 0);
  }

  function isCharacter(term) {
    return Array.from(term).length === 1 && HAN.test(term);
  }

  window.rectify.searchQuery = {
    table: table,
    normalise: normalise,
    termLists: termLists,
    isCharacter: isCharacter,
    inIndex: inIndex,
    indexBytes: indexBytes
  };
})();
