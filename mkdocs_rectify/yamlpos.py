"""Safe YAML loading that remembers where each value came from.

MkDocs drops front-matter it cannot parse without a word; we parse it ourselves with
PyYAML's safe loader and keep the line of every key, so that a validation error can say
``content/report/03.md:7``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

__all__ = ["Located", "YamlProblem", "load_located"]

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlProblem(Exception):
    """The text is not YAML we accept. ``line`` is 1-based in the file."""

    line: int | None
    message: str


@dataclass
class Located:
    """A loaded YAML document and the line of each key or item in it."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    start_line: int = 1

    def line_of(self, path: Path_) -> int:
        """Line of ``path``, or of its nearest ancestor that exists (a missing key points at its parent)."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return self.start_line


class _SafeLoader(yaml.SafeLoader):
    """The safe loader, except that an impossible date (``2022-13-01``) stays text.

    The model then reports it with its line, instead of the loader failing on it.
    """

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _SafeLoader.construct_yaml_timestamp)


def load_located(text: str, *, line_offset: int = 0) -> Located:
    """Load one YAML document; ``line_offset`` is added to every line (for front-matter).

    Raises :class:`YamlProblem` for syntax errors, duplicate keys, non-string keys and
    anchors/aliases (which could multiply the size of a document).
    """
    loader = _SafeLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 + line_offset if mark else None
            problem = error.problem or error.context or "invalid YAML"
            raise YamlProblem(line, f"YAML syntax error: {problem}") from None
        except yaml.YAMLError as error:
            raise YamlProblem(None, f"YAML error: {error}") from None
        if node is None:
            return Located(data=None, start_line=1 + line_offset)
        located = Located(data=None, start_line=node.start_mark.line + 1 + line_offset)
        _index(node, (), located.lines, line_offset, seen=set())
        try:
            located.data = loader.construct_document(node)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            raise YamlProblem(
                mark.line + 1 + line_offset if mark else None, f"YAML error: {error.problem}"
            ) from None
        return located
    finally:
        loader.dispose()


def _index(node: yaml.Node, path: Path_, lines: dict[Path_, int], offset: int, seen: set[int]) -> None:
    if id(node) in seen:
        raise YamlProblem(node.start_mark.line + 1 + offset, "YAML anchors and aliases are not allowed")
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + offset
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(line, "keys must be plain names")
            key = str(key_node.value)
            if key in keys:
                raise YamlProblem(line, f"duplicate key {key!r} (first on line {keys[key]})")
            keys[key] = line
            lines[(*path, key)] = line
            _index(value_node, (*path, key), lines, offset, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1 + offset
            _index(item, (*path, index), lines, offset, seen)
