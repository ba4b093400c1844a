/*
 * rectify-search, the query: how what a reader types becomes terms of the search index.
 *
 * Loaded by the search page, before search-rank.js and search.js; sets rectify.searchQuery:
 *   table(data)                  the traditional→simplified table (search/hanzi.json) as a Map.
 *   normalise(query, table)      full-width letters and digits to ASCII, traditional characters
 *                                to the simplified ones the site uses.
 *   termLists(engine, query)     the query cut into terms of the index, each way it can be cut
 *                                (a Promise of lists of terms, no two alike), filler left out.
 *   numbers(query, bare)         the query with its amounts as notices write them: 七十多万 →
 *                                "7 万", 两千多件 → "2 件" ("2" when bare), 百分之九十 → "90",
 *                                三天 → "3 天" (or the query itself when it holds none).
 *   numerals(query)              the reverse, for the few small numbers notices spell out:
 *                                跑1次 → 跑一次 (or the query itself).
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

  // -- numbers --------------------------------------------------------------------------------
  // Residents write amounts in words and roughly (七十多万, 两千多, 一百来个, 三天, 百分之九十);
  // notices in digits (71万元, 2000余件, 3个工作日, 90%), which the index keeps as words of their
  // own (71 万元, 2000 余件). Pagefind matches a term as the start of a word, so an approximate
  // amount becomes the digits it starts with: 七十多万 → 7 万 finds 71万元 and 70万元, 两千多 → 2
  // finds 2000 and 2260.
  var DIGITS = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9 };
  var PLACES = { "十": 10, "百": 100, "千": 1000 };
  // Words that count what a number stands before (三天, 五个, 两趟); a lone numeral is read as a
  // number only before one of them (一站式, 三区一中心 and 一体化 stay words).
  var MEASURES = "个天日月年周次件名人户家项元块趟岁遍份张本条所处位批类种倍";
  var NUMERAL = new RegExp("(百分之)?([零〇一二两三四五六七八九十百千]+)(多|余|来|几)?([万亿])?(多|余)?([" +
    MEASURES + "]?)(左右|上下)?", "g");
  var WRITTEN = new RegExp("(\\d+(?:\\.\\d+)?)(多|余|来|几)?([万亿])?(多|余)?([" + MEASURES + "]?)(左右|上下)?", "g");

  /** The value of a numeral in words (七十 → 70, 两千零五 → 2005, 十二 → 12), or null. */
  function valueOf(words) {
    var total = 0;
    var digit = null;
    var chars = Array.from(words);
    for (var i = 0; i < chars.length; i++) {
      var ch = chars[i];
      if (Object.prototype.hasOwnProperty.call(DIGITS, ch)) {
        if (digit !== null && DIGITS[ch] !== 0) return null;
        digit = DIGITS[ch];
      } else {
        var place = PLACES[ch];
        if (digit === null && place !== 10) return null;
        total += (digit === null ? 1 : digit) * place;
        digit = null;
      }
    }
    return total + (digit || 0);
  }

  /**
   * An amount as the index holds it, apart from the words around it: its digits, or, when it is
   * approximate, the digits it starts with; then 万 or 亿 and what it counts (7 万元, 3 天).
   */
  function amount(value, approximate, big, measure) {
    var digits = String(value);
    if (approximate && value >= 10) digits = digits.replace(/0+$/, "");
    return " " + digits + " " + (big || "") + (measure || "");
  }

  /**
   * ``query`` with its amounts in digits; without what they count when ``bare`` (the indexer
   * often joins the measure to the word after it: 2000余件 is 2000 余件, so 件 alone is no word).
   */
  function numbers(query, bare) {
    var spelt = query.replace(NUMERAL, function (whole, percent, words, about, big, after, measure, roughly) {
      var value = valueOf(words);
      if (value === null) return whole;
      var approximate = !!(about || after || roughly);
      // A lone numeral is a number only as an amount of something (三天, 两千多, 五万), never 一
      // (一次, 一窗, 一站式: the notices spell these out too).
      var single = Array.from(words).length === 1;
      if (!percent && single && !approximate && !big && !(measure && words !== "一")) return whole;
      return amount(value, approximate, big, bare ? "" : measure);
    });
    var rounded = spelt.replace(WRITTEN, function (whole, digits, about, big, after, measure, roughly) {
      if (!about && !after && !roughly) return whole;
      return amount(Number(digits), true, big, bare ? "" : measure);
    });
    return rounded === query ? query : rounded.replace(/\s+/g, " ").trim();
  }

  var SPELT = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"];

  function numerals(query) {
    return query.replace(new RegExp("(^|[^\\d.])(\\d{1,2})(?=[" + MEASURES + "])", "g"), function (whole, before, digits) {
      var value = Number(digits);
      if (value < 1 || value > 10) return whole;
      return before + SPELT[value];
    });
  }

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

  /**
   * Every way the query cuts into terms of the index (see CUTS), each once; with amounts in
   * words, those in digits first (the way notices write them), and with small numbers in digits,
   * those spelt out after.
   */
  function termLists(engine, query) {
    var spelt = numerals(query);
    var forms = [numbers(query), numbers(query, true), query, spelt].filter(function (form, i, all) {
      return all.indexOf(form) === i;
    });
    var all = [];
    forms.forEach(function (form) {
      CUTS.forEach(function (longest) { all.push(terms(engine, form, longest)); });
    });
    return Promise.all(all)
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
    numbers: numbers,
    numerals: numerals,
    inIndex: inIndex,
    indexBytes: indexBytes
  };
})();
