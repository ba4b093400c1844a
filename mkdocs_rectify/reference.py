"""The content format and configuration references of the editors' guide, written as Markdown.

The content format reference is read from the JSON Schemas the site publishes as open data
(``export.schema_bytes``: the problem front-matter and ``report.yml``), the configuration reference
from the plugin's typed options (rows made by ``mkdocs_reference.option_rows``), so neither can
drift from what the plugin checks. What each field and option means is said in
``locales/reference/<code>.yml``, keyed by field and option; :func:`missing` names what either
language lacks. Imports nothing from MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from mkdocs_rectify.export import schema_bytes
from mkdocs_rectify.locale import Locale

__all__ = ["OBJECTS", "OptionRow", "content_reference", "field_keys", "missing", "options_reference"]

OBJECTS: dict[str, str] = {
    "Problem": "problem",
    "Metric": "problem",
    "HistoryEntry": "problem",
    "Report": "report",
    "Inspection": "report",
    "Contact": "report",
    "Declared": "report",
}
"""Each object of the content format, in the order of the reference, and the schema it is in."""


@dataclass(frozen=True)
class OptionRow:
    """One option of the plugin: its dotted path, its kind of value, its default as YAML."""

    path: str
    kind: tuple[str, ...]
    """What the value is: ``("bool",)``, ``("choice", "full", "partial")``, ``("list", "str")`` …"""
    default: str | None
    """The default written as YAML, or None when there is none."""
    group: bool = False
    """A group of options (``accessibility``), listed with the options under it."""


@cache
def _texts(code: str) -> Mapping[str, Any]:
    path = resources.files("mkdocs_rectify").joinpath("locales", "reference", f"{code}.yml")
    return yaml.safe_load(path.read_text("utf-8"))


def _schemas() -> dict[str, dict[str, Any]]:
    return {kind: json.loads(schema_bytes(kind)) for kind in ("problem", "report")}


def _objects() -> Iterator[tuple[str, dict[str, Any]]]:
    """Each object of the content format with its JSON Schema, in the order of :data:`OBJECTS`."""
    schemas = _schemas()
    for name, kind in OBJECTS.items():
        schema = schemas[kind]
        yield name, schema if name in ("Problem", "Report") else schema["$defs"][name]


def field_keys() -> dict[str, list[str]]:
    """Every field of every object of the content format, as the schemas list them."""
    return {name: list(schema["properties"]) for name, schema in _objects()}


def missing(code: str, option_paths: Iterable[str]) -> list[str]:
    """The descriptions ``code`` lacks, and the ones it has for nothing: ``fields.Problem.number`` …"""
    texts = _texts(code)
    wanted = {f"fields.{name}.{key}" for name, keys in field_keys().items() for key in ["_", *keys]}
    wanted |= {f"options.{path}" for path in option_paths}
    have = {f"fields.{name}.{key}" for name, keys in texts.get("fields", {}).items() for key in keys}
    have |= {f"options.{path}" for path in texts.get("options", {})}
    lacking = sorted(f"missing: {key}" for key in wanted - have)
    return lacking + sorted(f"unused: {key}" for key in have - wanted)


def _plain(schema: dict[str, Any]) -> dict[str, Any]:
    """A field's schema without the ``null`` that makes it optional."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    return options[0] if len(options) == 1 else schema


def _type(schema: dict[str, Any], texts: Mapping[str, Any]) -> str:
    words = texts["words"]
    plain = _plain(schema)
    ref = plain.get("$ref", "").rsplit("/", 1)[-1]
    if ref == "Status":
        return words["status"]
    if ref:
        return words["object"].format(name=texts["objects"][ref], anchor=ref.lower())
    if plain.get("type") == "array":
        return words["list"].format(item=_type(plain["items"], texts))
    if plain.get("format") == "date":
        return words["date"]
    kind = {"integer": "integer", "number": "number", "string": "text"}.get(plain.get("type", ""), "any")
    return words[kind]


def _limits(schema: dict[str, Any], words: Mapping[str, str]) -> list[str]:
    plain = _plain(schema)
    if plain.get("type") == "array":
        plain = plain.get("items", {})
    limits = []
    low = plain.get("minimum", plain.get("ge"))
    high = plain.get("maximum", plain.get("le"))
    if low is not None:
        limits.append(words["at_least"].format(value=low))
    if high is not None:
        limits.append(words["at_most"].format(value=high))
    if plain.get("minLength"):
        limits.append(words["not_empty"])
    if "pattern" in plain:
        limits.append(words["pattern"].format(pattern=plain["pattern"]))
    return limits


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def content_reference(code: str) -> str:
    """The content format reference in the language ``code``, as Markdown."""
    texts, locale = _texts(code), Locale(code)
    words, fields = texts["words"], texts["fields"]
    lines = [f"# {texts['content_title']}", "", texts["content_intro"], ""]
    for name, schema in _objects():
        heading = texts["objects"][name]
        lines += [f"## {heading} {{#{name.lower()}}}", "", _cell(fields[name]["_"]), ""]
        lines += [f"| {words['field']} | {words['type']} | {words['required']} | {words['meaning']} |"]
        lines += ["| --- | --- | --- | --- |"]
        required = set(schema.get("required", []))
        for key, field in schema["properties"].items():
            limits = words["and"].join(_limits(field, words))
            what = _type(field, texts)
            what = words["limited"].format(type=what, limits=limits) if limits else what
            mark = words["yes"] if key in required else ""
            lines.append(f"| `{key}` | {_cell(what)} | {mark} | {_cell(fields[name][key])} |")
        lines.append("")
    lines += [f"## {texts['status_title']} {{#status}}", "", texts["status_intro"], ""]
    lines += [f"| {words['code']} | {words['label']} |", "| --- | --- |"]
    for status in _schemas()["problem"]["$defs"]["Status"]["enum"]:
        lines.append(f"| `{status}` | {locale.status(status)} |")
    return "\n".join(lines) + "\n"


def _kind(kind: tuple[str, ...], words: Mapping[str, str]) -> str:
    head, *rest = kind
    if head == "choice":
        return words["choice"].format(choices=", ".join(f"`{c}`" for c in rest))
    if head == "list":
        return words["list"].format(item=_kind(tuple(rest), words))
    return words[head]


def options_reference(code: str, rows: Iterable[OptionRow]) -> str:
    """The configuration reference in the language ``code``, as Markdown, from the plugin's options."""
    texts = _texts(code)
    words, options = texts["words"], texts["options"]
    lines = [f"# {texts['options_title']}", "", texts["options_intro"], ""]
    lines += [f"| {words['option']} | {words['type']} | {words['default']} | {words['meaning']} |"]
    lines += ["| --- | --- | --- | --- |"]
    for row in rows:
        default = f"`{row.default}`" if row.default is not None else words["no_default"]
        what = words["group"] if row.group else _kind(row.kind, words)
        lines.append(f"| `{row.path}` | {_cell(what)} | {_cell(default)} | {_cell(options[row.path])} |")
    return "\n".join(lines) + "\n"

