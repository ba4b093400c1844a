"""User-facing text, from ``locales/<code>.yml``. Templates never hold text of their own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from mkdocs_rectify.messages import catalog
from mkdocs_rectify.model import Status

__all__ = ["AVAILABLE", "Locale", "language_from_environment", "locale_for_language"]

AVAILABLE = ("zh-CN", "en")
_ALIASES = {"zh": "zh-CN", "zh-cn": "zh-CN", "zh-hans": "zh-CN", "en": "en"}


def locale_for_language(language: str | None) -> str:
    """The locale for a theme language code (``zh`` → ``zh-CN``); zh-CN when unknown."""
    if not language:
        return "zh-CN"
    code = language.strip()
    if code in AVAILABLE:
        return code
    return _ALIASES.get(code.lower(), _ALIASES.get(code.split("-")[0].lower(), "zh-CN"))


def language_from_environment(environ: Mapping[str, str]) -> str:
    """The locale of the command line's messages: the first of ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG`` that is set (``zh_CN.UTF-8`` → zh-CN); English when none is, or it names neither."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").split(".")[0].replace("_", "-")
        if value:
            code = _ALIASES.get(value.lower(), _ALIASES.get(value.split("-")[0].lower()))
            return code or "en"
    return "en"


_messages = catalog


class Locale:
    """Messages of one language, with a site's overrides of the status labels."""

    def __init__(self, code: str, status_labels: Mapping[str, str] | None = None) -> None:
        if code not in AVAILABLE:
            raise ValueError(f"unknown locale {code!r}; available: {', '.join(AVAILABLE)}")
        self.code = code
        self._messages = _messages(code)
        self._labels = {**self._messages["status"], **(status_labels or {})}

    def t(self, key: str, /, **values: Any) -> str:
        """The message at the dotted ``key``, with ``{placeholders}`` filled from ``values``."""
        node: Any = self._messages
        for part in key.split("."):
            node = node[part]
        if not isinstance(node, str):
            raise KeyError(key)
        return node.format(**values) if values else node

    def status(self, status: Status | str) -> str:
        """The label of a status code."""
        return self._labels[Status(status).value]

    def date(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        months = self._messages.get("months")
        month_name = months[value.month - 1] if months else str(value.month)
        return self.t("date", year=value.year, month=value.month, day=value.day, month_name=month_name)

    def date_range(self, start: dt.date | None, end: dt.date | None) -> str:
        if start and end:
            return self.t("date_range", start=self.date(start), end=self.date(end))
        return self.date(start or end)

    def number(self, value: float) -> str:
        """A figure without a spurious ``.0``."""
        return str(int(value)) if float(value).is_integer() else f"{value:g}"
