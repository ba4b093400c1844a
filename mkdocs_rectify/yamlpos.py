"""Safe YAML loading that remembers where each value came from.

MkDocs drops front-matter it cannot parse without a word; we parse it ourselves with
PyYAML's safe loader and keep the line of every key, so that a validation error can say
``content/report/03.md:7``.

Where PyYAML has its C extension, libyaml parses the text (:data:`LIBYAML`), several times faster;
the composing, the checks below and the values stay PyYAML's, in Python. The two parsers do not
agree on every text: libyaml takes a tab after a value, ``|#``, a bare ``!``, a byte order mark or
a Unicode line break inside the text, a ``?`` in a flow collection, which PyYAML refuses or reads
otherwise. A text holding any of these (:data:`PYYAML_ONLY`) is parsed by PyYAML, and the loader
reads a file whose reading gave any message again with PyYAML alone (``libyaml=False``), so that
every message is PyYAML's, as it has always been.

PyYAML reads YAML 1.1, where ``010`` is 8, ``1:30`` is 90 and ``1_000`` is 1000; an editor
meant none of these, so such forms are refused with their line, as are tags (``!!binary``,
``!!set``, ``!!python/…``), anchors and aliases, and nesting deeper than any content needs.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from mkdocs_rectify.messages import Message

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    CParser = None

__all__ = ["LIBYAML", "MAX_NESTING", "PYYAML_ONLY", "Located", "YamlProblem", "load_located"]

Path_ = tuple[str | int, ...]

MAX_NESTING = 20
"""Deepest nesting of lists and mappings accepted. The content needs three levels (a metric's
value is ``metrics`` → item → ``value``); parsing far deeper nesting exhausts Python's stack."""

_YAML_TAG = "tag:yaml.org,2002:"
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")


@dataclass(frozen=True)
class YamlProblem(Exception):
    """The text is not YAML we accept. ``line`` is 1-based in the file."""

    line: int | None
    message: str
    """A :class:`~mkdocs_rectify.messages.Message` (English as text)."""


@dataclass
class Located:
    """A loaded YAML document and the line of each key or item in it."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    start_line: int = 1
    plain: dict[Path_, str] = field(default_factory=dict)
    """The text of each unquoted value YAML read as something other than text (``yes``, ``12``)."""
    problems: list[YamlProblem] = field(default_factory=list)
    """Values written in a form that YAML reads differently from what an editor means."""

    _starts: tuple[list[int], list[Path_]] | None = field(default=None, init=False, repr=False, compare=False)

    def line_of(self, path: Path_) -> int:
        """Line of ``path``, or of its nearest ancestor that exists (a missing key points at its parent)."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return self.start_line

    def path_at(self, line: int) -> Path_:
        """The deepest key or item starting on or before ``line``: the field that line belongs to."""
        starts, paths = self._by_line()
        at = bisect.bisect_right(starts, line)
        return paths[at - 1] if at else ()

    def next_start(self, line: int) -> int | None:
        """The first line after ``line`` on which a key or item starts (where a value ends at the latest)."""
        starts, _ = self._by_line()
        at = bisect.bisect_right(starts, line)
        return starts[at] if at < len(starts) else None

    def _by_line(self) -> tuple[list[int], list[Path_]]:
        if self._starts is None:
            deepest: dict[int, Path_] = {}
            for path, line in self.lines.items():  # in document order: the last of the deepest wins
                if line not in deepest or len(path) >= len(deepest[line]):
                    deepest[line] = path
            starts = sorted(deepest)
            self._starts = (starts, [deepest[line] for line in starts])
        return self._starts


class _Checks(Composer, SafeConstructor):
    """What both loaders do while they compose a document: refuse tags, anchors and deep nesting.

    An impossible date (``2022-13-01``) stays text, so that the model reports it with its line
    instead of the loader failing on it.
    """

    line_offset = 0
    depth = 0

    def file_line(self, mark: yaml.Mark) -> int:
        return mark.line + 1 + self.line_offset

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise YamlProblem(self.file_line(event.start_mark), Message("yaml.alias"))
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
            raise YamlProblem(self.file_line(event.start_mark), Message("yaml.tag", tag=shown))
        if not isinstance(event, yaml.CollectionStartEvent):
            return super().compose_node(parent, index)
        if self.depth >= MAX_NESTING:
            line = self.file_line(event.start_mark)
            raise YamlProblem(line, Message("yaml.nesting", levels=MAX_NESTING))
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Checks.add_constructor(_YAML_TAG + "timestamp", _Checks.construct_yaml_timestamp)


class _SafeLoader(_Checks, yaml.SafeLoader):
    """PyYAML's safe loader, in Python, with the checks of :class:`_Checks`."""

    def __init__(self, stream: str, line_offset: int) -> None:
        yaml.SafeLoader.__init__(self, stream)
        self.line_offset = line_offset


if CParser is not None:

    class _LibyamlLoader(_Checks, CParser, Resolver):
        """libyaml's parser giving its events to the same composing and checks as :class:`_SafeLoader`."""

        def __init__(self, stream: str, line_offset: int) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            Composer.__init__(self)
            self.line_offset = line_offset


LIBYAML = CParser is not None
"""Whether libyaml is installed: :func:`load_located` reads with it unless asked not to."""
PYYAML_ONLY = re.compile("[\t\ufeff\u2028\u2029\x85!?]|[|>][-+0-9]*#")
"""What libyaml reads otherwise than PyYAML (or takes where PyYAML refuses it): a text holding
it is parsed by PyYAML (tests/unit/test_yaml_libyaml.py looks for more)."""


def load_located(text: str, *, line_offset: int = 0, libyaml: bool = True) -> Located:
    """Load one YAML document; ``line_offset`` is added to every line (for front-matter).

    With ``libyaml`` libyaml parses the text, where it is installed and the text holds nothing of
    :data:`PYYAML_ONLY`; else PyYAML's parser in Python. The lines, the checks and the values are
    the same either way. A caller that shows a message about the text reads it again with
    ``libyaml=False`` (see the module).

    Raises :class:`YamlProblem` for syntax errors, duplicate keys, non-string keys, tags,
    anchors/aliases (which could multiply the size of a document) and nesting deeper than
    :data:`MAX_NESTING`. Numbers in YAML 1.1 forms are listed in :attr:`Located.problems`.
    """
    fast = libyaml and LIBYAML and not PYYAML_ONLY.search(text)
    loader = _LibyamlLoader(text, line_offset) if fast else _SafeLoader(text, line_offset)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 + line_offset if mark else None
            problem = error.problem or error.context or "invalid YAML"
            raise YamlProblem(line, Message("yaml.syntax", problem=_said(problem))) from None
        except yaml.YAMLError as error:
            raise YamlProblem(None, Message("yaml.error", problem=str(error))) from None
        if node is None:
            return Located(data=None, start_line=1 + line_offset)
        located = Located(data=None, start_line=node.start_mark.line + 1 + line_offset)
        _index(loader, node, (), located)
        if located.problems:
            return located  # not constructed: the values would not be what the editor meant
        try:
            located.data = loader.construct_document(node)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            line = mark.line + 1 + line_offset if mark else None
            raise YamlProblem(line, Message("yaml.error", problem=error.problem)) from None
        return located
    finally:
        loader.dispose()


_PROBLEMS = {
    "mapping values are not allowed here": "mapping_values",
    "could not find expected ':'": "no_colon",
    "found character '\\t' that cannot start any token": "tab",
    "found unexpected end of stream": "end_of_stream",
    "found unexpected ':'": "unexpected_colon",
    "found undefined alias": "undefined_alias",
    "found character that cannot start any token": "bad_character",
}
"""PyYAML's words for the syntax errors editors make most, by their key in ``messages.yaml.problem``."""


def _said(problem: str) -> str:
    """PyYAML's ``problem`` as a message when it is one of :data:`_PROBLEMS`, else as PyYAML says it."""
    key = _PROBLEMS.get(problem)
    return Message(f"yaml.problem.{key}") if key else problem


def _index(loader: _Checks, node: yaml.Node, path: Path_, located: Located) -> None:
    if isinstance(node, yaml.MappingNode):
        keys: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = loader.file_line(key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _YAML_TAG + "merge":
                raise YamlProblem(line, Message("yaml.key_not_plain"))
            key = str(key_node.value)
            if key in keys:
                raise YamlProblem(line, Message("yaml.duplicate_key", key=key, first=keys[key]))
            keys[key] = line
            located.lines[(*path, key)] = line
            _index(loader, value_node, (*path, key), located)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            located.lines[(*path, index)] = loader.file_line(item.start_mark)
            _index(loader, item, (*path, index), located)
    elif isinstance(node, yaml.ScalarNode) and not node.style and node.tag != _YAML_TAG + "str":
        # A plain scalar: its style is None from PyYAML's parser, "" from libyaml's.
        located.plain[path] = node.value
        problem = _number_form(loader, node)
        if problem:
            located.problems.append(YamlProblem(loader.file_line(node.start_mark), problem))


def _number_form(loader: _Checks, node: yaml.ScalarNode) -> Message | None:
    """Why a number written in a YAML 1.1 form (octal, hex, binary, base 60, with ``_``) is refused."""
    text = node.value
    if node.tag == _YAML_TAG + "value":
        return Message("yaml.yaml_value", text=text)
    if node.tag == _YAML_TAG + "int" and not _DECIMAL_INT.fullmatch(text):
        value = loader.construct_yaml_int(node)
        return Message("yaml.int_form", text=text, value=value)
    if node.tag == _YAML_TAG + "float" and ("_" in text or ":" in text):
        value = loader.construct_yaml_float(node)
        return Message("yaml.float_form", text=text, value=value)
    return None
