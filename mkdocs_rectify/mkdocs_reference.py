"""The plugin's options as rows of the configuration reference (``reference.options_reference``).

Part of the MkDocs adapter: it reads the option classes of ``config.py``, which are MkDocs' own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_rectify.config import RectifyConfig
from mkdocs_rectify.reference import OptionRow

__all__ = ["option_rows"]

_TYPES = {bool: "bool", str: "str", int: "int", dict: "mapping", dt.date: "date"}


def _kind(option: base.BaseConfigOption) -> tuple[str, ...]:
    if isinstance(option, c.Optional):
        return _kind(option.option)
    if isinstance(option, c.Choice):
        return ("choice", *option.choices)
    if isinstance(option, c.DictOfItems):
        return ("mapping",)
    if isinstance(option, c.ListOfItems):
        return ("list", *_kind(option.option_type))
    if isinstance(option, c.Type):
        types = option._type if isinstance(option._type, tuple) else (option._type,)
        return (_TYPES[types[0]],)
    raise TypeError(f"no reference kind for {type(option).__name__}")


def _default(option: base.BaseConfigOption) -> str | None:
    value = option.default
    if value is None:
        return None
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True).strip().removesuffix("\n...")


def option_rows(config_class: type[base.Config] = RectifyConfig, prefix: str = "") -> Iterator[OptionRow]:
    """Every option of ``config_class`` in the order it declares them, a group before its options."""
    for name, option in config_class._schema:
        path = f"{prefix}{name}"
        if isinstance(option, c.SubConfig):
            yield OptionRow(path, ("group",), None, group=True)
            yield from option_rows(option.config_class, f"{path}.")
        else:
            yield OptionRow(path, _kind(option), _default(option))
