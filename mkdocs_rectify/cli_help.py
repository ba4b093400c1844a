"""The command line's own help, in the language of ``--lang``, else the environment's.

The texts live under ``cli_help:`` in the locale files. A command or option names its entry by
``help_key``; the language is settled while the arguments are parsed (``--lang`` anywhere before
``-h``/``--help``), so that the help, shown as soon as its option is met, already speaks it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import click

from mkdocs_rectify.locale import AVAILABLE, Locale, language_from_environment

__all__ = ["HelpCommand", "HelpGroup", "HelpOption", "help_language"]

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
