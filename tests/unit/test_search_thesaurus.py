"""The search thesaurus as data: the default per locale, a site's own files, their errors, and what
the browser gets (the option that names a site's files: tests/site/test_search_thesaurus_site.py)."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from support.fuzzing import fuzz

from mkdocs_rectify.search.thesaurus import (
    Entry,
    ThesaurusError,
    _Text,
    default_thesaurus,
    load_thesaurus,
    parse,
    thesaurus_json,
)


def test_the_default_thesauri_load_whole() -> None:
    chinese = default_thesaurus("zh-CN")
    assert len(chinese) == 902
    assert (
        Entry(
            ("上访", "告状", "去信访局", "进京上访", "越级上访", "找政府", "告御状"),
            ("信访", "信访事项", "群众诉求"),
        )
        in chinese
    )
    assert any("12345" in entry.official for entry in chinese)
    assert len(default_thesaurus("en")) == 182
    assert default_thesaurus("fr") == []


BAD = """\
- {plain: [跑腿], official: [跑动次数]}
- {plain: [上访], official: []}
- {plain: [跑腿, 来回跑], official: [就近办]}
- {plain: [打热线], official: [12345], note: x}
- 上访
- {official: [信访]}
"""


def test_every_problem_of_a_file_is_named_with_its_line_and_entry() -> None:
    with pytest.raises(ThesaurusError) as caught:
        parse(BAD, "thesaurus.yml")
    assert caught.value.problems == [
        "thesaurus.yml:2: entry 2: official: give a list of one or more words",
        "thesaurus.yml:3: entry 3: plain: '跑腿' is already a plain word of entry 1; "
        "a plain word belongs to one entry",
        "thesaurus.yml:4: entry 4: note: unknown field; an entry has plain and official",
        "thesaurus.yml:4: entry 4: official.0: 12345 is a number, not a word"
        ' (put numbers in quotes: "12345")',
        "thesaurus.yml:5: entry 5: an entry is a mapping {plain: [...], official: [...]}",
        "thesaurus.yml:6: entry 6: plain: missing; give a list of words",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("plain: [a]\n", "thesaurus.yml:1: a thesaurus is a list of entries"),
        ("- {plain: [a], official: [b]\n", "thesaurus.yml:2: YAML syntax error"),
        ("- {plain: [0x1F], official: [b]}\n", "thesaurus.yml:1: '0x1F'"),
    ],
)
def test_a_file_that_is_no_thesaurus_says_where(text: str, message: str) -> None:
    with pytest.raises(ThesaurusError) as caught:
        parse(text, "thesaurus.yml")
    assert caught.value.problems[0].startswith(message)


def test_a_site_file_adds_to_or_replaces_the_default(tmp_path) -> None:
    own = tmp_path / "words.yml"
    own.write_text("- {plain: [摸鱼], official: [考勤]}\n", "utf-8")
    added = load_thesaurus("zh-CN", [own])
    assert len(added) == len(default_thesaurus("zh-CN")) + 1 and added[-1] == Entry(("摸鱼",), ("考勤",))
    assert load_thesaurus("zh-CN", [own], replace_default=True) == [Entry(("摸鱼",), ("考勤",))]
    with pytest.raises(ThesaurusError) as caught:
        load_thesaurus("zh-CN", [tmp_path / "missing.yml", own])
    assert caught.value.problems == [f"{tmp_path / 'missing.yml'}: the thesaurus file does not exist"]


def test_the_browser_gets_what_the_site_can_find_and_how_residents_spell_it() -> None:
    entries = [
        Entry(("上访", "告状"), ("信访", "信访事项")),
        Entry(("拖拖拉拉",), ("超期办理", "久拖不决")),
        Entry(("社保",), ("社会保险",)),
        Entry(("公积金",), ("住房公积金",)),
        Entry(("红包",), ("礼品礼金",)),
    ]
    text = "群众信访多次，超期办件较多，社保窗口未进驻，住房公积金。"
    data = json.loads(thesaurus_json(entries, text))
    # 信访 occurs; 信访事项 and 超期办理 by their first two characters; 久拖不决 and 礼品礼金
    # nowhere, so the entry of 红包 is left out.
    assert data["entries"] == [
        [["上访", "告状"], ["信访", "信访事项"]],
        [["拖拖拉拉"], ["超期办理"]],
        [["公积金"], ["住房公积金"]],
    ]
    # Pinyin of the words of two or three characters of the entries kept, or that the text holds.
    assert data["pinyin"]["shangfang"] == "上访"
    assert data["pinyin"]["shebao"] == "社保"
    assert data["pinyin"]["gjj"] == "公积金"
    assert "hongbao" not in data["pinyin"]
    # Each syllable → the text's characters read so, for homophones typed by mistake.
    assert "保" in data["sounds"]["bao"] and "访" in data["sounds"]["fang"]
    assert "包" not in data["sounds"]["bao"]


TEXT_PIECES = [
    "社保",
    "保",
    "社保卡",
    "公积金",
    "12345",
    "App",
    "ＡＰＰ",
    "İ",
    "Σ",
    "。",
    "，",
    "\n",
    " ",
    "跑",
]


@fuzz(200)
@given(
    st.lists(st.sampled_from(TEXT_PIECES) | st.text(max_size=4), max_size=30).map("".join),
    st.lists(st.sampled_from(TEXT_PIECES) | st.text(max_size=2), min_size=1, max_size=3).map("".join),
)
@example("社保。跑办，社保", "保跑")  # two runs of the text side by side are not a word of it
def test_the_text_holds_a_word_as_the_whole_lowered_text_does(text: str, word: str) -> None:
    # A word of Chinese characters alone is looked for among the text's distinct runs of them.
    assert (word in _Text(text)) == (word in text.lower())
    assert (word.lower() in _Text(text)) == (word.lower() in text.lower())
