"""Relevance of residents' own words, in Chromium on the real Pagefind index of the demo.

``fixtures/colloquial_queries.yml`` holds queries written the way residents type them (spoken words,
slang, homophone slips, pinyin), each with the problems a reader would accept, written apart from
the thesaurus so that the thesaurus does not grade itself. A query passes when one of its problems
is among the first three results.

The issue's target is 90% of the set (73 of 81). The search without the thesaurus found 39; with
the thesaurus, pinyin and homophones 52; leaving spoken filler out of the terms and following the
pages holding all the typed words with those holding some of them, 56; with the second edition
of the default thesaurus (also written without seeing this set), 57; reading amounts in words as
digits (借了七十多万 → 71万元) and bringing in the words of the index that start like a word no page
holds (英文 → 英语, 办完 → 办结), 60: the floor asserted here, so that no change goes below it. The misses
printed are mostly what the default thesaurus does not cover (逾期, 老赖, 评委 …): they are not to
be closed by adding entries for these queries, only by a general mechanism.
"""

from __future__ import annotations

import yaml
from support.builds import FIXTURES
from support.searching import problem_of, search

COLLOQUIAL = yaml.safe_load((FIXTURES / "colloquial_queries.yml").read_text("utf-8"))
TARGET = 0.9
FLOOR = 62


def test_the_colloquial_set_is_large_and_varied() -> None:
    assert len(COLLOQUIAL) >= 40
    assert {"spoken", "misspelt", "pinyin", "sentence", "slang"} <= {case["note"] for case in COLLOQUIAL}
    assert len({case["query"] for case in COLLOQUIAL}) == len(COLLOQUIAL)


def test_residents_words_find_their_problem_in_the_top_three(browser, demo_url: str) -> None:
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(demo_url + "/search/")
        page.wait_for_selector("[data-rectify-search-form]:not([hidden])")
        misses = []
        for case in COLLOQUIAL:
            top = [problem_of(url) for url in search(page, case["query"])[:3]]
            expected = {str(number) for number in case["expect"]}
            if not expected & set(top):
                note = f"{case['query']} ({case['note']})"
                misses.append(f"{note}: top three {top}, expected {sorted(expected)}")
    finally:
        context.close()
    hits = len(COLLOQUIAL) - len(misses)
    share = hits / len(COLLOQUIAL)
    print(f"\ncolloquial set: {hits} of {len(COLLOQUIAL)} top three ({share:.0%}, target {TARGET:.0%})")
    print("\n".join(misses))
    assert hits >= FLOOR, "\n".join(misses)
