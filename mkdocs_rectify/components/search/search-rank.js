/*
 * rectify-search, the ranking: which pages a query finds, in which order.
 *
 * Loaded by the search page after search-query.js and search-expand.js and before search.js;
 * sets rectify.searchRank:
 *   rank(engine, lists, filters, related)  a Promise of {results, partial, expanded}: the Pagefind
 *       results for the lists of terms of one query (from rectify.searchQuery.termLists), pages
 *       holding the terms in the order typed first. When fewer than ENOUGH pages hold every term,
 *       and ``related`` (a function giving a Promise of the query's groups of related words, each
 *       {official: [...], lists: [[terms], ...], near}) finds some, the pages holding related words or
 *       the most telling typed ones follow; ``partial`` is true when some results do not hold
 *       every typed term, ``expanded`` lists the related words that found pages. The pages of
 *       ``near`` groups (words of the index that only start like a typed word) come after all
 *       others.
 *   find(engine, lists, filters)  the pages holding every term of one of the lists, those with
 *       the terms in the order given first.
 *
 * Nothing related is looked up while the typed words find enough: their index chunks are the
 * only ones a query downloads then.
 */
(function () {
  "use strict";

  if (!window.Map || !window.Promise || !window.rectify.searchQuery) return;

  var isCharacter = window.rectify.searchQuery.isCharacter;
  var ENOUGH = 3;
  var TYPED = 1.5;

  function find(engine, lists, filters) {
    return findAll(engine, lists, filters).then(function (found) { return found.pages.concat(found.weak); });
  }

  /**
   * {pages, weak}: pages holding the terms in the order typed (电子保函, not 电子…保…函) first,
   * then those holding them all; ``weak`` are the pages found only by a list of single
   * characters strewn over the page (爱…答…不…理), which say little of it.
   */
  function findAll(engine, lists, filters) {
    var phrases = lists.filter(function (list) { return list.length > 1; }).map(function (list) {
      return engine.search('"' + list.join(" ") + '"', { filters: filters });
    });
    var strewn = function (list) { return list.length > 1 && list.every(isCharacter); };
    var all = lists.map(function (list) { return engine.search(list.join(" "), { filters: filters }); });
    return Promise.all([Promise.all(phrases), Promise.all(all)]).then(function (searches) {
      // Phrase matches score alike, so both kinds are ordered by the word search's score.
      var phrase = new Set(merge(searches[0]).map(function (result) { return result.id; }));
      var words = merge(searches[1].filter(function (search, i) { return !strewn(lists[i]); }));
      var strong = new Set(words.map(function (result) { return result.id; }));
      var found = unique(merge(searches[1]).concat(merge(searches[0])));
      var pages = found.filter(function (result) { return phrase.has(result.id); })
        .concat(found.filter(function (result) { return !phrase.has(result.id) && strong.has(result.id); }));
      var weak = found.filter(function (result) { return !phrase.has(result.id) && !strong.has(result.id); });
      return { pages: pages, weak: weak, phrase: phrase.size > 0 };
    });
  }

  /**
   * Whether some term of ``list`` is in no page: Pagefind leaves such a term out and finds the
   * pages holding the others (各部门踢皮球 would find every page with 各 and 部门), so what was
   * meant is not among them. The terms' index chunks are those the search has just loaded.
   */
  function missing(engine, list, filters) {
    if (list.length < 2) return Promise.resolve(false);
    return Promise.all(list.map(function (term) { return engine.search(term, { filters: filters }); }))
      .then(function (searches) {
        return searches.some(function (search) { return !search || !search.results.length; });
      });
  }

  /**
   * The lists of terms with no term that is in no page; all of them when each has one (the query
   * then finds what Pagefind finds, the pages holding the other terms).
   */
  function complete(engine, lists, filters) {
    return Promise.all(lists.map(function (list) { return missing(engine, list, filters); })).then(function (gaps) {
      var whole = lists.filter(function (list, i) { return !gaps[i]; });
      return { lists: whole.length ? whole : lists, gap: !whole.length };
    });
  }

  function rank(engine, lists, filters, related) {
    // The query's other forms (its amounts in digits, 3 天 for 三天) are lists of their own: a
    // form holding a term no page holds says nothing of the pages the others find.
    return complete(engine, lists, filters).then(function (checked) {
      lists = checked.lists;
      return Promise.all([findAll(engine, lists, filters), checked.gap]);
    }).then(function (both) {
      var gap = both[1];
      // With a term no page holds, the pages found hold only the others: they are ranked with the
      // pages holding related words, by what they hold, not ahead of them.
      var typed = gap ? [] : both[0].pages;
      var weak = gap ? both[0].pages.concat(both[0].weak) : both[0].weak;
      if (typed.length >= ENOUGH) {
        return { results: typed.concat(weak), partial: false, expanded: [], relatedPages: new Set() };
      }
      var groups = related ? related() : Promise.resolve([]);
      return groups.then(function (groups) {
        // When the pages holding every typed term are few, those holding some of them follow,
        // the most telling terms first; not when a page holds the query as typed (超期办件量达
        // 13128件 finds its page, which is not joined by pages holding a part of it).
        var some = both[0].phrase ? [] : lists[0];
        var near = groups.filter(function (group) { return group.near; });
        return Promise.all([
          widen(engine, some, filters, groups.filter(function (group) { return !group.near; })),
          nearPages(engine, lists[0], filters, near)
        ]).then(function (wide) {
          var wider = wide[0];
          var ids = new Set(typed.map(function (result) { return result.id; }));
          var more = wider.results.filter(function (result) { return !ids.has(result.id); });
          more.forEach(function (result) { ids.add(result.id); });
          var rest = weak.filter(function (result) { return !ids.has(result.id); });
          rest.forEach(function (result) { ids.add(result.id); });
          var last = wide[1].results.filter(function (result) { return !ids.has(result.id); });
          var results = typed.concat(more, rest, last);
          // Near words count where they find pages the words above did not (those holding some
          // typed characters only, and those after them).
          var nearIds = new Set(wide[1].results.map(function (result) { return result.id; }));
          var byNear = rest.filter(function (result) { return nearIds.has(result.id); }).concat(last);
          var relatedPages = new Set(more.filter(function (result) { return wider.relatedPages.has(result.id); })
            .concat(byNear).map(function (result) { return result.id; }));
          var expanded = wider.expanded.concat(byNear.length ? wide[1].expanded : []);
          var partial = !typed.length && (wider.partial || byNear.length > 0);
          return { results: results, partial: partial, expanded: expanded,
            relatedPages: relatedPages };
        });
      });
    });
  }

  /**
   * {results, expanded}: the pages holding a word near one typed (英语 for 英文: a near group of
   * related words) and another of the typed terms (写错 → 错误): a word that only starts like
   * a typed one is too weak a sign alone (纠缠 → 纠正).
   */
  function nearPages(engine, list, filters, groups) {
    if (!groups.length) return Promise.resolve({ results: [], expanded: [] });
    var holding = Promise.all(list.map(function (term) {
      return engine.search(term, { filters: filters }).then(function (search) {
        return new Set((search ? search.results : []).map(function (result) { return result.id; }));
      });
    }));
    return Promise.all([holding, Promise.all(groups.map(function (group) {
      return widen(engine, [], filters, [group]);
    }))]).then(function (found) {
      var results = [];
      var expanded = [];
      var seen = new Set();
      found[1].forEach(function (wider, g) {
        var typed = Array.from(groups[g].plain);
        var others = found[0].filter(function (ids, i) { return typed.indexOf(list[i]) < 0; });
        var kept = wider.results.filter(function (result) {
          return !seen.has(result.id) && others.some(function (ids) { return ids.has(result.id); });
        });
        kept.forEach(function (result) { seen.add(result.id); });
        if (kept.length) expanded = expanded.concat(wider.expanded);
        results = results.concat(kept);
      });
      return { results: results, expanded: expanded };
    });
  }

  /**
   * The pages holding related words or some of the typed terms (``list``), the best first. Readers write as
   * they speak (学历不够, 借钱不还, 各部门踢皮球), so a page counts for each group of related words
   * and each typed term it holds, the more the fewer pages hold it (学历 more than 不够); a
   * single character (差, 打) counts half as much as a word, and a page holding single
   * characters only is left out.
   */
  function widen(engine, list, filters, groups) {
    var typedTerms = list.length > 1 ? list : [];
    if (!typedTerms.length && !groups.length) {
      return Promise.resolve({ results: [], expanded: [], partial: false, relatedPages: new Set() });
    }
    var each = typedTerms.map(function (term) { return engine.search(term, { filters: filters }); });
    var related = groups.map(function (group) {
      return Promise.all(group.lists.map(function (lists) {
        return find(engine, lists, filters).then(function (pages) {
          return pages.length ? { pages: pages, whole: true } : someOf(engine, lists[0], filters);
        });
      }));
    });
    return Promise.all([null, Promise.all(each), Promise.all(related)]).then(function (found) {
      // How rare a word is, against the commonest word searched here: counting every page would
      // be a search for everything, which downloads the whole index.
      var total = 1;
      found[1].forEach(function (search) { if (search) total = Math.max(total, search.results.length); });
      found[2].forEach(function (perWord) {
        perWord.forEach(function (one) { total = Math.max(total, one.pages.length); });
      });
      total *= 2;
      var pages = new Map();
      function count(results, weight, word) {
        results.forEach(function (result) {
          var page = pages.get(result.id) || { result: result, weight: 0, score: 0, word: false };
          page.weight += weight;
          page.score += result.score;
          page.word = page.word || word;
          pages.set(result.id, page);
        });
      }
      found[1].forEach(function (search, i) {
        if (!search || !search.results.length) return;
        var word = !isCharacter(typedTerms[i]);
        // A typed word counts for more than a related one: pages holding what was typed come first.
        var weight = Math.log(1 + total / search.results.length) * TYPED;
        count(search.results, word ? weight : weight / 2, word);
      });
      var typedIds = new Set(pages.keys());
      var expanded = [];
      var relatedIds = new Set();
      found[2].forEach(function (perWord, g) {
        // A group counts once for a page, as the rarest of its words the page holds; an
        // official word no page holds whole (超期办理) counts for half, as its most telling part.
        var best = new Map();
        perWord.forEach(function (found, w) {
          if (!found.pages.length) return;
          expanded.push(found.whole ? groups[g].official[w] : found.term);
          var weight = Math.log(1 + total / found.pages.length) * (found.whole ? 1 : 0.5);
          found.pages.forEach(function (result) {
            var seen = best.get(result.id);
            if (!seen || seen.weight < weight) best.set(result.id, { result: result, weight: weight });
          });
        });
        best.forEach(function (page) {
          count([page.result], page.weight, true);
          relatedIds.add(page.result.id);
        });
      });
      var results = Array.from(pages.values())
        .filter(function (page) { return page.word; })
        .sort(function (a, b) { return b.weight - a.weight || b.score - a.score; })
        .map(function (page) { return page.result; });
      return {
        results: results,
        partial: typedTerms.length > 0 && results.some(function (result) { return typedIds.has(result.id); }),
        expanded: expanded.filter(function (w, i) { return expanded.indexOf(w) === i; }),
        relatedPages: relatedIds
      };
    });
  }

  /**
   * The pages holding the most telling word (not a single character) of ``list``, an official
   * word's terms, when no page holds them all: {pages, term, whole: false}.
   */
  function someOf(engine, list, filters) {
    var words = list.filter(function (term) { return !isCharacter(term); });
    if (list.length < 2 || !words.length) return Promise.resolve({ pages: [], whole: false });
    return Promise.all(words.map(function (term) { return engine.search(term, { filters: filters }); }))
      .then(function (searches) {
        var best = null;
        searches.forEach(function (search, i) {
          var count = search ? search.results.length : 0;
          if (count && (!best || count < best.count)) best = { count: count, term: words[i], pages: search.results };
        });
        return best ? { pages: best.pages, term: best.term, whole: false } : { pages: [], whole: false };
      });
  }

  /** The results of several searches, best score first. */
  function merge(searches) {
    return [].concat.apply([], searches.map(function (search) { return search ? search.results : []; }))
      .sort(function (a, b) { return b.score - a.score; });
  }

  function unique(results) {
    var seen = new Set();
    return results.filter(function (result) {
      if (seen.has(result.id)) return false;
      seen.add(result.id);
      return true;
    });
  }

  window.rectify.searchRank = { rank: rank, find: find };
})();
