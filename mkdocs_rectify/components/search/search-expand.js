/*
 * rectify-search, the expansion: residents' words → the words the notices use.
 *
 * Loaded by the search page after search-query.js and before search-rank.js; sets
 * rectify.searchExpand:
 *   thesaurus(data)          the site's thesaurus (search/thesaurus.json) made ready for queries.
 *   expand(query, thesaurus) what a normalised query adds when its own words find too little:
 *       {groups: [{plain, official: [...]}], respelt: [{typed, word}]}. A group is one thesaurus
 *       entry whose plain word the query holds (踢皮球 → 推诿扯皮, 首问负责制 …); a respelt word
 *       is pinyin typed for a word of the thesaurus (shebao → 社保, gjj → 公积金), whose entry's
 *       official words are then a group too.
 *   alike(engine, terms, thesaurus, inIndex, within)  a Promise of the words of the index that sound
 *       like what the query's terms (its longest cut, rectify.searchQuery.termLists) hold: a word typed with one wrong character of the same sound (社报 → 社保,
 *       平标 → 评标), or typed in pinyin the thesaurus does not know (tousu → 投诉), from the
 *       characters of the site and their readings (the thesaurus's ``sounds``).
 *   near(engine, terms, inIndex, within)  a Promise of groups {plain, official} of the words of the
 *       index that start like a word of two characters the query holds and no page does (英文 →
 *       英语, 英译).
 *
 * A plain word matches where the query holds it, and a plain word of three characters or more
 * also where a few characters stand between its own (电话老占线 holds 电话占线, 手机上能办 holds
 * 手机办): residents put 老, 都, 上 … inside the set phrases a thesaurus lists. Words in Latin
 * letters match whole words only (hotline, not hotlines' neighbours).
 */
(function () {
  "use strict";

  if (!window.Map || !window.Promise) return;

  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  var GAP = 2;
  var GAPPED = 3;

  function thesaurus(data) {
    var entries = (data && data.entries) || [];
    var pinyin = new Map();
    Object.keys((data && data.pinyin) || {}).forEach(function (key) { pinyin.set(key, data.pinyin[key]); });
    var byPlain = new Map();
    entries.forEach(function (entry) {
      entry[0].forEach(function (plain) { byPlain.set(plain, entry[1]); });
    });
    return { entries: entries, pinyin: pinyin, byPlain: byPlain, sounds: (data && data.sounds) || {} };
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /** Whether ``plain`` is in ``query``: as it stands, or (Chinese, 3+ characters) with a few characters between. */
  function holds(query, plain) {
    var chars = Array.from(plain);
    if (!HAN.test(plain)) {
      return new RegExp("(^|[^a-z0-9])" + escapeRegExp(plain) + "($|[^a-z0-9])").test(query);
    }
    if (query.indexOf(plain) >= 0) return true;
    if (chars.length < GAPPED) return false;
    var text = Array.from(query);
    function from(i, start, first) {
      if (i === chars.length) return true;
      var last = first ? text.length : Math.min(text.length, start + GAP + 1);
      for (var k = start; k < last; k++) {
        if (text[k] === chars[i] && from(i + 1, k + 1, false)) return true;
      }
      return false;
    }
    return from(0, 0, true);
  }

  function expand(query, data) {
    var lower = query.toLowerCase();
    var groups = [];
    var seen = new Set();
    function add(plain, official) {
      var key = official.join("|");
      if (seen.has(key)) return;
      seen.add(key);
      groups.push({ plain: plain, official: official });
    }
    var respelt = [];
    lower.split(/[\s\p{P}\p{S}]+/u).forEach(function (token) {
      if (!/^[a-z]+$/.test(token) || !data.pinyin.has(token)) return;
      var word = data.pinyin.get(token);
      respelt.push({ typed: token, word: word });
      var official = data.byPlain.get(word.toLowerCase());
      add(word, official || [word]);
    });
    data.entries.forEach(function (entry) {
      entry[0].forEach(function (plain) {
        if (holds(lower, plain)) add(plain, entry[1]);
      });
    });
    // The longest plain words first: they say most, and are looked up first when the
    // downloads an expansion may make run short (search.js).
    groups.sort(function (a, b) { return Array.from(b.plain).length - Array.from(a.plain).length; });
    return { groups: groups, respelt: respelt };
  }

  var MAX_TRIES = 64;
  var MAX_RUN = 8;

  function readings(data) {
    if (!data.readings) {
      var byChar = new Map();
      var sounds = data.sounds || {};
      Object.keys(sounds).forEach(function (syllable) {
        Array.from(sounds[syllable]).forEach(function (ch) {
          byChar.set(ch, (byChar.get(ch) || []).concat([syllable]));
        });
      });
      data.readings = byChar;
    }
    return data.readings;
  }

  /** The characters of the site read like ``ch`` (itself excluded). */
  function homophones(ch, data) {
    var found = [];
    (readings(data).get(ch) || []).forEach(function (syllable) {
      Array.from(data.sounds[syllable]).forEach(function (other) {
        if (other !== ch && found.indexOf(other) < 0) found.push(other);
      });
    });
    return found;
  }

  /** ``letters`` cut into syllables the site's characters are read as, or null. */
  function syllables(letters, data) {
    var sounds = data.sounds || {};
    var best = [null];
    for (var end = 1; end <= letters.length; end++) {
      best[end] = null;
      for (var start = Math.max(0, end - 6); start < end; start++) {
        var piece = letters.slice(start, end);
        if (best[start] && Object.prototype.hasOwnProperty.call(sounds, piece) &&
            (!best[end] || best[start].length + 1 < best[end].length)) {
          best[end] = best[start].concat([piece]);
        }
        if (start === 0 && Object.prototype.hasOwnProperty.call(sounds, piece)) best[end] = [piece];
      }
    }
    return best[letters.length];
  }

  /** Whether the characters of ``word`` stand side by side in some page: as a word of the index or a phrase. */
  function known(engine, word, inIndex) {
    return inIndex(engine, word).then(function (yes) {
      if (yes) return true;
      return engine.search('"' + Array.from(word).join(" ") + '"').then(function (search) {
        return !!search && search.results.length > 0;
      });
    });
  }

  function firstKnown(engine, candidates, inIndex, within) {
    return candidates.slice(0, MAX_TRIES).reduce(function (done, word) {
      return done.then(function (found) {
        if (found || !within()) return found;
        return known(engine, word, inIndex).then(function (yes) { return yes ? word : null; });
      });
    }, Promise.resolve(null));
  }

  function single(term) {
    return !!term && Array.from(term).length === 1 && HAN.test(term);
  }

  function alike(engine, terms, data, inIndex, within) {
    var words = [];
    var tries = [];
    terms.forEach(function (term, i) {
      var token = term.toLowerCase();
      if (/^[a-z]+$/.test(token) && !data.pinyin.has(token)) {
        var cut = syllables(token, data);
        if (!cut || cut.length < 2 || cut.length > 4) return;
        var candidates = cut.reduce(function (words, syllable) {
          var next = [];
          words.forEach(function (word) {
            Array.from(data.sounds[syllable]).forEach(function (ch) { next.push(word + ch); });
          });
          return next.slice(0, MAX_TRIES);
        }, [""]);
        tries.push(firstKnown(engine, candidates, inIndex, within));
        return;
      }
      // Exactly two characters the query's cut left alone side by side (社 报 between words): a
      // two-character word typed with one wrong character. Longer runs of lone characters are
      // mostly spoken filler (打不通, 没人理), where a swap would find a word never meant.
      if (i < MAX_RUN && single(term) && single(terms[i + 1]) && !single(terms[i - 1]) && !single(terms[i + 2])) {
        tries.push(pair(engine, term, terms[i + 1], data, inIndex, within));
      }
    });
    return Promise.all(tries).then(function (found) {
      found.forEach(function (word) { if (word && words.indexOf(word) < 0) words.push(word); });
      return words;
    });
  }

  /**
   * Two characters typed side by side that no page holds side by side, with one of them swapped
   * for one read alike that some page does hold (社报 → 社保, 平标 → 评标).
   */
  function pair(engine, first, second, data, inIndex, within) {
    return known(engine, first + second, inIndex).then(function (yes) {
      if (yes) return null;
      var candidates = homophones(second, data).map(function (ch) { return first + ch; })
        .concat(homophones(first, data).map(function (ch) { return ch + second; }));
      return firstKnown(engine, candidates, inIndex, within);
    });
  }

  var NEAR_PAGES = 3;
  var NEAR_WORDS = 3;
  var NEAR_PAIRS = 4;
  var NOT_NEAR = "没不别未无非";

  /**
   * A Promise of groups {plain, official} of the words of the index near two characters typed as a
   * word that no page holds: the words of two characters that start with the same one (英文 →
   * 英语, 英译; 办完 → 办结). The query's cut leaves such a word as lone characters; in a run of
   * them (中 英 文 牌 子), each two side by side are tried, the first NEAR_PAIRS. Pagefind matches a term
   * as the start of a word, and marks the words it matched in a result's excerpt: the words are
   * those marked in the excerpts of the first pages holding a word that starts with the character.
   */
  function near(engine, terms, inIndex, within) {
    var pairs = [];
    var run = 0;
    terms.concat([""]).forEach(function (term, i) {
      if (single(term)) {
        run += 1;
        return;
      }
      var start = i - run;
      if (run >= 2 && run <= MAX_RUN / 2 + 1) {
        for (var k = start; k + 1 < i; k += 1) pairs.push([terms[k], terms[k + 1]]);
      }
      run = 0;
    });
    // A negation (没办, 不还) is no word typed differently: 没 would bring in 没有.
    var isFiller = window.rectify.searchQuery.isFiller;
    pairs = pairs.filter(function (pair) {
      return pair.every(function (ch) { return !isFiller(ch) && NOT_NEAR.indexOf(ch) < 0; });
    });
    return Promise.all(pairs.slice(0, NEAR_PAIRS).map(function (pair) {
      return nearPair(engine, pair[0], pair[1], inIndex, within);
    })).then(function (groups) { return groups.filter(Boolean); });
  }

  function nearPair(engine, first, second, inIndex, within) {
    var typed = first + second;
    return known(engine, typed, inIndex).then(function (yes) {
      if (yes || !within()) return null;
      return engine.search(first).then(function (search) {
        var pages = search ? search.results.slice(0, NEAR_PAGES) : [];
        return Promise.all(pages.map(function (page) { return page.data(); }));
      }).then(function (pages) {
        var counts = new Map();
        pages.forEach(function (page) {
          (page.excerpt || "").replace(/<mark>([^<]*)<\/mark>/g, function (whole, word) {
            var chars = Array.from(word);
            if (chars.length === 2 && chars[0] === first && word !== typed) counts.set(word, (counts.get(word) || 0) + 1);
            return whole;
          });
        });
        var words = Array.from(counts.keys()).sort(function (a, b) { return counts.get(b) - counts.get(a); });
        return words.length ? { plain: typed, official: words.slice(0, NEAR_WORDS), near: true } : null;
      });
    });
  }

  window.rectify.searchExpand = { thesaurus: thesaurus, expand: expand, holds: holds, alike: alike, near: near };
})();
