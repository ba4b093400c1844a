"""The command line's own help, in the language of ``--lang``, else the environment's.

The texts live under ``cli_help:`` in the locale files. A command or option names its entry by
``help_key``; the language is settled while the arguments are parsed (``--lang`` anywhere before
``-h``/``--help``), so that the help, shown as soon as its option is met, already speaks it.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import click

from mkdocs_rectify.locale import AVAILABLE, Locale, language_from_environment

__all__ = ["HelpCommand", "HelpGroup", "HelpOption", "help_language", "wrap"]

_LANGUAGE = "mkdocs_rectify.help_language"
"""The key of ``Context.meta`` (shared by a command's and its subcommand's contexts) holding ``--lang``."""


def _requested(args: Sequence[str], help_names: Sequence[str]) -> str | None:
    """The last valid ``--lang`` among ``args`` before a help option or ``--``."""
    found: str | None = None
    for index, arg in enumerate(args):
        if arg == "--" or arg in help_names:
            break
        value = args[index + 1] if arg == "--lang" and index + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in AVAILABLE:
            found = value
    return found


def help_language(context: click.Context | None) -> str:
    """The language of the help: ``--lang`` as given on the command line, else the environment's."""
    if context is not None and context.meta.get(_LANGUAGE):
        return str(context.meta[_LANGUAGE])
    return language_from_environment(os.environ)


def _text(context: click.Context | None, key: str) -> str:
    return Locale(help_language(context)).t(f"cli_help.{key}")


_WIDE = "\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_OPENING = "（“‘「『《【〔"
_CLOSING = "，。；：、）”’」』》】〕！？"
_PIECE = re.compile(rf"\s+|[{_OPENING}]*(?:[{_WIDE}]|[^\s{_WIDE}]+)[{_CLOSING}]*")
"""What a line may not be broken inside: a Chinese character or a Latin word, with the marks
that open before it and close after it; or a run of spaces, where a line may break."""


def _cells(text: str) -> int:
    """The terminal columns ``text`` takes: two for a wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns (a longer word on a line of its own), broken
    between Chinese characters or at spaces, never before a closing mark or after an opening one."""
    lines: list[str] = []
    line = ""
    for piece in _PIECE.findall(text.replace("\n", " ")):
        if piece.isspace():
            line += piece if line else ""
        elif line.strip() and _cells(line + piece) > width:
            lines.append(line.rstrip())
            line = piece
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


class _ChineseFormatter(click.HelpFormatter):
    """Click's help layout, with text wrapped by the columns Chinese characters take."""

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [paragraph for paragraph in re.split(r"\n\s*\n", text) if paragraph.strip()]
        for index, paragraph in enumerate(paragraphs):
            if index:
                self.write("\n")
            for line in wrap(paragraph, max(self.width - self.current_indent, 11)):
                self.write(f"{indent}{line}\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not rows:
            return
        names = min(max(_cells(name) for name, _ in rows), col_max)
        column = self.current_indent + names + col_spacing
        for name, description in rows:
            self.write(" " * self.current_indent + name)
            lines = wrap(description, max(self.width - column, 10)) if description else []
            if not lines:
                self.write("\n")
                continue
            gap = names + col_spacing - _cells(name)
            self.write(" " * gap if _cells(name) <= names else "\n" + " " * column)
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(" " * column + line + "\n")


class _HelpContext(click.Context):
    """A context whose help pages in Chinese are wrapped by the columns the characters take."""

    def make_formatter(self) -> click.HelpFormatter:
        if help_language(self) == "zh-CN":
            return _ChineseFormatter(width=self.terminal_width, max_width=self.max_content_width)
        return super().make_formatter()


class HelpOption(click.Option):
    """An option whose help is ``cli_help.<help_key>``; English until shown in a help page."""

    def __init__(self, *args: Any, help_key: str, **attrs: Any) -> None:
        attrs["help"] = Locale("en").t(f"cli_help.{help_key}")
        super().__init__(*args, **attrs)
        self.help_key = help_key

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        self.help = _text(ctx, self.help_key)
        return super().get_help_record(ctx)


class _Help(click.Command):
    """A command whose help is ``cli_help.<help_key>.help`` and ``….short``, with the headings
    of its help page in the same language. Usage errors keep click's own words."""

    context_class = _HelpContext

    def __init__(self, *args: Any, help_key: str, **attrs: Any) -> None:
        english = Locale("en")
        attrs["help"] = english.t(f"cli_help.{help_key}.help")
        attrs["short_help"] = english.t(f"cli_help.{help_key}.short")
        super().__init__(*args, **attrs)
        self.help_key = help_key

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        requested = _requested(args, ctx.help_option_names)
        if requested:
            ctx.meta[_LANGUAGE] = requested
        return super().parse_args(ctx, args)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _text(ctx, "help_option")
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        return _text(click.get_current_context(silent=True), f"{self.help_key}.short")

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=_text(ctx, "usage"))
        self.help = _text(ctx, f"{self.help_key}.help")
        self.format_help_text(ctx, formatter)
        self.format_arguments(ctx, formatter)
        self.format_options(ctx, formatter)
        self.format_epilog(ctx, formatter)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            record
            for parameter in self.get_params(ctx)
            if not isinstance(parameter, click.Argument) and (record := parameter.get_help_record(ctx))
        ]
        if rows:
            with formatter.section(_text(ctx, "options")):
                formatter.write_dl(rows)


class HelpCommand(_Help):
    """A subcommand with its help in the locale files."""


class HelpGroup(_Help, click.Group):
    """The command group, whose subcommands are :class:`HelpCommand` unless given another class."""

    command_class = HelpCommand

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        rows = [
            (name, command.get_short_help_str())
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if rows:
            with formatter.section(_text(ctx, "commands")):
                formatter.write_dl(rows)
