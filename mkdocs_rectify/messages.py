"""Messages to the people who write the content: each is a key of ``messages:`` in ``locales/<code>.yml``
with its values, said in whichever language the build or the command line speaks.

A :class:`Message` is its English text (a ``str``, so that logs, tests and callers that join it into
other text read it as before) and keeps its key and values, so that :func:`say` can say it again in
another locale. A value that is itself a :class:`Message` is said in the same language, and a list
is joined with the language's separator (``, `` or ``、``). Nothing here imports MkDocs or the
model, so that the model's checks can raise messages too (:func:`invalid`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any, Protocol

import yaml
from pydantic_core import PydanticCustomError

__all__ = ["Message", "catalog", "invalid", "render", "say"]


@cache
def catalog(code: str) -> Mapping[str, Any]:
    """Every text of the locale ``code`` (``locales/<code>.yml``)."""
    text = resources.files("mkdocs_rectify").joinpath("locales", f"{code}.yml").read_text("utf-8")
    return yaml.safe_load(text)


def render(code: str, key: str, values: Mapping[str, Any]) -> str:
    """The message ``messages.<key>`` of the locale ``code`` with ``values`` (messages said in it too)."""
    node: Any = catalog(code)["messages"]
    for part in key.split("."):
        node = node[part]
    if not isinstance(node, str):
        raise KeyError(f"messages.{key}")
    return node.format(**{name: _shown(code, value) for name, value in values.items()})


def _shown(code: str, value: Any) -> Any:
    """A value as the locale ``code`` says it: a message in its words, a list joined with its separator."""
    if isinstance(value, Message):
        return render(code, value.key, value.values)
    if isinstance(value, list | tuple):
        return catalog(code)["messages"]["separator"].join(str(_shown(code, item)) for item in value)
    return value


class Message(str):
    """A message: its English text, with the key and values to say it in another language."""

    key: str
    values: Mapping[str, Any]

    def __new__(cls, key: str, /, **values: Any) -> Message:
        message = super().__new__(cls, render("en", key, values))
        message.key = key
        message.values = values
        return message

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.key, dict(self.values)))

    def say(self, code: str) -> str:
        """The message in the locale ``code``."""
        return render(code, self.key, self.values)


def _rebuild(key: str, values: dict[str, Any]) -> Message:
    return Message(key, **values)


class _Speaker(Protocol):
    code: str


def say(locale: _Speaker | str | None, text: str) -> str:
    """``text`` in the language of ``locale`` (a :class:`~mkdocs_rectify.locale.Locale` or a code):
    a :class:`Message` is said again, other text is kept as it is."""
    code = locale if isinstance(locale, str) else getattr(locale, "code", "en")
    return text.say(code) if isinstance(text, Message) else str(text)


def invalid(key: str, /, **values: Any) -> PydanticCustomError:
    """A validation error of the model that the loader says in the site's language: its type is the
    message's key and its context the values; its own text is the English message."""
    return PydanticCustomError(key, render("en", key, values), dict(values))
