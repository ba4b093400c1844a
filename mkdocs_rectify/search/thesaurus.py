"""The search thesaurus: the words residents type (plain) → the words notices use (official).

A thesaurus is data: a YAML list of ``{plain: [...], official: [...]}`` entries. The package ships
a default one per locale (``search/thesaurus/<locale>.yml``); a site adds its own files (or uses
only its own) with the ``search_thesaurus`` option. The search page expands a query with it when
the typed words find too little (``components/search/search-expand.js``); nothing is added to the
index. The browser receives only what the site can use (:func:`thesaurus_json`): the entries
whose official words occur in the site's text, and the pinyin under which residents type the
entries' words (``shebao`` or ``gjj`` for 社保 or 公积金).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pypinyin import Style, lazy_pinyin, pinyin

from mkdocs_rectify.messages import Message
from mkdocs_rectify.yamlpos import YamlProblem, load_located

__all__ = ["Entry", "ThesaurusError", "default_thesaurus", "load_thesaurus", "parse", "thesaurus_json"]

_KEYS = ("plain", "official")
_MAX_WORD = 40
"""Longest word or phrase accepted, in characters: an entry holds words, not sentences."""
_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_LETTERS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Entry:
    """One entry: when a query holds a ``plain`` word, the search also looks for the ``official`` ones."""

    plain: tuple[str, ...]
    official: tuple[str, ...]


class ThesaurusError(ValueError):
    """A thesaurus file is not in the expected form; ``problems`` holds every message, each with its place."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def _word_problem(value: object) -> Message | None:
    if not isinstance(value, str):
        if isinstance(value, int | float):
            return Message("thesaurus.number", value=value)
        return Message("thesaurus.not_a_word", value=value, type=type(value).__name__)
    word = value.strip()
    if not word:
        return Message("thesaurus.empty", value=value)
    if len(word) > _MAX_WORD:
        return Message("thesaurus.too_long", value=value, length=len(word), limit=_MAX_WORD)
    if any(ch in word for ch in "\n\t"):
        return Message("thesaurus.line_break", value=value)
    return None


def parse(text: str, source: str) -> list[Entry]:
    """The entries of one thesaurus file; ``source`` names it in the messages.

    Every problem is reported at once (:class:`ThesaurusError`), each as
    ``source:line: entry N: field: what is wrong`` (a :class:`Message`).
    """
    try:
        located = load_located(text)
    except YamlProblem as problem:
        raise ThesaurusError([_at(source, problem.line, problem.message)]) from None
    if located.problems:
        raise ThesaurusError([_at(source, problem.line, problem.message) for problem in located.problems])
    data = located.data
    if data is None:
        return []
    if not isinstance(data, list):
        raise ThesaurusError([_at(source, located.start_line, Message("thesaurus.not_a_list"))])
    problems: list[str] = []
    entries: list[Entry] = []
    first_entry: dict[str, int] = {}
    for index, item in enumerate(data):
        number = index + 1

        def say(path: tuple[str | int, ...], message: Message, index: int = index) -> None:
            field = ".".join(str(part) for part in path)
            line = located.line_of((index, *path))
            key = "thesaurus.place_field" if field else "thesaurus.place"
            problems.append(
                Message(key, path=source, line=line, number=index + 1, field=field, message=message)
            )

        if not isinstance(item, dict):
            say((), Message("thesaurus.not_a_mapping"))
            continue
        for key in sorted(set(item) - set(_KEYS)):
            say((key,), Message("thesaurus.unknown_field"))
        words: dict[str, tuple[str, ...]] = {}
        for key in _KEYS:
            values = item.get(key)
            if values is None:
                say((), Message("thesaurus.missing", key=key))
                continue
            if isinstance(values, str):
                values = [values]
            if not isinstance(values, list) or not values:
                say((key,), Message("thesaurus.no_words"))
                continue
            good = []
            for position, value in enumerate(values):
                problem = _word_problem(value)
                if problem:
                    say((key, position), problem)
                else:
                    good.append(" ".join(str(value).split()))
            words[key] = tuple(dict.fromkeys(good))
        for word in words.get("plain", ()):
            key = word.lower()
            if key in first_entry:
                say(("plain",), Message("thesaurus.plain_twice", word=word, first=first_entry[key]))
            else:
                first_entry[key] = number
        if len(words) == len(_KEYS):
            entries.append(Entry(words["plain"], words["official"]))
    if problems:
        raise ThesaurusError(problems)
    return entries


def _at(source: str, line: int | None, message: str) -> Message:
    """``message`` at ``line`` of the file ``source`` (the file alone when the line is unknown)."""
    if line:
        return Message("where.file_line", path=source, line=line, message=message)
    return Message("where.file", path=source, message=message)


def default_thesaurus(locale: str) -> list[Entry]:
    """The thesaurus shipped for ``locale`` (``zh-CN``, ``en``); none for a locale without one."""
    file = resources.files("mkdocs_rectify").joinpath("search", "thesaurus", f"{locale}.yml")
    if not file.is_file():
        return []
    return parse(file.read_text("utf-8"), f"mkdocs_rectify/search/thesaurus/{locale}.yml")


def load_thesaurus(locale: str, extra: Iterable[Path], *, replace_default: bool = False) -> list[Entry]:
    """The default thesaurus of ``locale`` (unless ``replace_default``) followed by the ``extra`` files.

    Every problem of every file is reported at once (:class:`ThesaurusError`).
    """
    entries = [] if replace_default else default_thesaurus(locale)
    problems: list[str] = []
    for path in extra:
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            problems.append(_at(str(path), None, Message("thesaurus.no_file")))
            continue
        except (OSError, UnicodeDecodeError) as error:
            problems.append(_at(str(path), None, Message("thesaurus.unreadable", error=str(error))))
            continue
        try:
            entries.extend(parse(text, str(path)))
        except ThesaurusError as error:
            problems.extend(error.problems)
    if problems:
        raise ThesaurusError(problems)
    return entries


def _spellings(word: str) -> list[str]:
    """How a resident types a Chinese word in Latin letters: full pinyin, and initials for 3+ characters."""
    if not _HAN.search(word) or not all(_HAN.match(ch) for ch in word):
        return []
    syllables = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
    if len(syllables) != len(word) or not all(_LETTERS.fullmatch(s) for s in syllables):
        return []
    spellings = ["".join(syllables)]
    if len(word) >= 3:
        spellings.append("".join(s[0] for s in syllables))
    return spellings


_SPELT = 3
"""Longest word, in characters, whose pinyin the search page knows: residents type short words in
pinyin (shebao, gjj), and the longer ones in characters."""


def _sounds(text: str) -> dict[str, str]:
    """Toneless syllable → the Chinese characters of ``text`` read so (every reading of each)."""
    sounds: dict[str, set[str]] = {}
    for ch in {ch for ch in set(text) if _HAN.match(ch)}:
        for reading in pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")[0] if ch else []:
            if _LETTERS.fullmatch(reading):
                sounds.setdefault(reading, set()).add(ch)
    return {syllable: "".join(sorted(chars)) for syllable, chars in sorted(sounds.items())}


class _Text:
    """A site's searchable text, lower-cased, to ask whether it holds a word (``word in text``).

    A word of Chinese characters alone can only occur inside a run of them: it is looked for in
    the distinct runs of the text (a fraction of it: clauses repeat), any other word in the whole
    text; the answer is the same."""

    def __init__(self, text: str) -> None:
        self.folded = text.lower()
        self._runs = "\n".join(dict.fromkeys(_HAN_RUN.findall(self.folded)))

    def __contains__(self, word: str) -> bool:
        return word in (self._runs if _HAN_RUN.fullmatch(word) else self.folded)


def _usable(word: str, text: _Text) -> bool:
    """Whether the search can find pages by ``word``: ``text`` holds it, or, for a Chinese compound
    of three characters or more, its first or last two characters (超期办理 → 超期), the part the
    search page then looks for."""
    if word in text:
        return True
    if len(word) < 3 or not all(_HAN.match(ch) for ch in word):
        return False
    return word[:2] in text or word[-2:] in text


def thesaurus_json(entries: Iterable[Entry], text: str) -> bytes:
    """The thesaurus as the search page loads it, for a site whose searchable text is ``text``.

    ``entries``: ``[[plain words], [official words]]`` for each entry with an official word the
    site can find (:func:`_usable`; an official word the site never uses finds nothing), plain
    words in lower case. ``pinyin``: full pinyin (``shebao``) and, for words of three characters or more,
    initials (``gjj``) → a word of two or three characters of an entry kept, or of any entry when
    the word itself occurs in ``text``; the first word for each spelling. ``sounds``: each toneless
    syllable → the characters of ``text`` read so, for queries typed with a homophone (社报 for 社保)
    or in pinyin the thesaurus does not know.
    """
    searchable = _Text(text)
    kept: list[list[list[str]]] = []
    spelt: list[str] = []
    for entry in entries:
        official = [word for word in entry.official if _usable(word.lower(), searchable)]
        if official:
            kept.append([[word.lower() for word in entry.plain], official])
        for word in (*entry.plain, *entry.official):
            if official or word.lower() in searchable:
                spelt.append(word)
    spelled: dict[str, str] = {}
    for word in spelt:
        if 2 <= len(word) <= _SPELT:
            for spelling in _spellings(word):
                spelled.setdefault(spelling, word)
    data = {"entries": kept, "pinyin": dict(sorted(spelled.items())), "sounds": _sounds(text)}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
