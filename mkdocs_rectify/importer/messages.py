"""The words of the import report, from the locale files (``importer:`` in ``locales/<code>.yml``).

A :class:`Note` is a message of the report: it is the English text (a ``str``, so that callers and
logs read it as they always have) and carries its key and values, so that :func:`report_locale`'s
language can say it again. Values of type :class:`Fields` are field names, each said in words.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from mkdocs_rectify.locale import AVAILABLE, Locale, locale_for_language
from mkdocs_rectify.messages import Message

__all__ = ["Errors", "Fields", "Note", "report_locale", "say"]


class Fields(tuple[str, ...]):
    """Names of report fields (``title``, ``inspection.body``), said in the report's language."""

    __slots__ = ()


class Errors(tuple[str, ...]):
    """Messages of the loader, said one after another in the report's language."""

    __slots__ = ()


class Note(str):
    """A message of the import report: English text, with the key and values to say it in another language."""

    key: str
    values: Mapping[str, Any]

    def __new__(cls, key: str, /, **values: Any) -> Note:
        note = super().__new__(cls, _say(Locale("en"), key, values))
        note.key = key
        note.values = values
        return note

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.key, dict(self.values)))


def _rebuild(key: str, values: dict[str, Any]) -> Note:
    return Note(key, **values)


def _say(locale: Locale, key: str, values: Mapping[str, Any]) -> str:
    shown = {name: _value(locale, value) for name, value in values.items()}
    return locale.t(f"importer.messages.{key}", **shown)


def _value(locale: Locale, value: Any) -> Any:
    if isinstance(value, Fields):
        return fields(locale, value)
    if isinstance(value, Errors):
        return locale.t("importer.error_separator").join(say(locale, error) for error in value)
    if isinstance(value, Note):
        return _say(locale, value.key, value.values)
    if isinstance(value, Message):
        return value.say(locale.code)
    return value


def fields(locale: Locale, names: tuple[str, ...]) -> str:
    """Field names in words, joined as the language joins a list."""
    labels = [locale.t(f"importer.fields.{name.replace('.', '_')}") for name in names]
    return locale.t("importer.list_separator").join(labels)


def say(locale: Locale, message: str) -> str:
    """``message`` in the locale's language: a :class:`Note` is said again, other text is kept."""
    if isinstance(message, Note):
        return _say(locale, message.key, message.values)
    if isinstance(message, Message):
        return message.say(locale.code)
    return message


def report_locale(lang: str | None, environ: Mapping[str, str] | None = None) -> Locale:
    """The language of the import report: ``lang`` when given, else the environment's (``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``: ``en_US.UTF-8`` is English), else zh-CN."""
    if lang:
        return Locale(lang)
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = value.split(".")[0].replace("_", "-")
            if code.lower().startswith(("en", "zh")):
                return Locale(locale_for_language(code))
            break
    return Locale(AVAILABLE[0])
