/*
 * rectify-search, the query: how what a reader types becomes terms of the search index.
 *
 * Loaded by the search page, before search-rank.js and search.js; sets rectify.searchQuery:
 *   table(data)                  the traditional→simplified table (search/hanzi.json) as a Map.
 *   normalise(query, table)      full-width letters and digits to ASCII, traditional characters
 *                                to the simplified ones the site uses.
 *   termLists(engine, query)     the query cut into terms of the index, each way it can be cut
 *                                (a Promise of lists of terms, no two alike), filler left out.
 *   isFiller(term)               whether a term is spoken filler (see FILLER).
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

  // Spoken filler: pronouns, particles, question words and the like, which residents put around
  // what they mean (我去办证跑了好几趟, 请问社保在哪里办啊). As terms they would narrow a search
  // to the pages that happen to hold them too (Pagefind matches 了 as the start of 了解), so they
  // are left out of the terms, unless the query holds nothing else. The thesaurus still reads the
  // query whole (跑了好几趟). Negations (不, 没) stay: 不作为, 没人管 mean by them.
  var FILLER = new Set([
    "我", "你", "他", "她", "它", "我们", "你们", "他们", "咱", "咱们", "人家",
    "的", "地", "得", "了", "着", "过", "吗", "呢", "吧", "啊", "呀", "哦", "嘛", "么", "啦", "哈", "呗", "哎",
    "怎么", "怎样", "怎么样", "怎么办", "咋", "咋办", "为什么", "为啥", "干嘛", "什么", "啥", "哪", "哪里",
    "哪儿", "哪个", "谁", "多少", "几", "请问", "问", "问下", "问一下", "一下", "想", "想问", "请",
    "是", "在", "就", "都", "也", "还是", "又", "才", "给", "被", "把", "个", "这", "那", "这个",
    "那个", "这么", "那么", "这样", "那样", "去", "来", "到", "有", "能", "要", "可以", "好", "很",
    "太", "挺", "老", "总", "总是", "老是", "一直", "到底", "究竟", "好几", "一个", "跟", "和", "与", "让"
  ]);

  function isFiller(term) {
    return FILLER.has(term);
  }

  /** ``list`` without its filler, or whole when it holds nothing else. */
  function withoutFiller(list) {
    var kept = list.filter(function (term) { return !FILLER.has(term); });
    return kept.length ? kept : list;
  }

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
        return withoutFiller(found.filter(function (term, i) { return found.indexOf(term) === i; }));
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
    isFiller: isFiller,
    inIndex: inIndex,
    indexBytes: indexBytes
  };
})();
