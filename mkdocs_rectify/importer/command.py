"""``mkdocs-rectify import SOURCE [--out CONTENT_DIR] [--id REPORT_ID] [--force] [--title …] [--issuer …]
[--published …] [--strict] [--lang zh-CN|en]``."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import click

from mkdocs_rectify.cli_help import HelpCommand, HelpOption, help_language
from mkdocs_rectify.importer.errors import NoticeImportError
from mkdocs_rectify.importer.messages import Note, report_locale, say
from mkdocs_rectify.importer.notice import Given, import_notice
from mkdocs_rectify.importer.report import render_report
from mkdocs_rectify.importer.writer import check_report, write_report
from mkdocs_rectify.loader import file_kind
from mkdocs_rectify.locale import AVAILABLE, Locale

__all__ = ["import_command"]


def _date(context: click.Context, _parameter: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        locale = Locale(help_language(context))
        raise click.BadParameter(locale.t("cli.not_a_date", value=value)) from None


def _text(context: click.Context, parameter: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if not value.strip():
        raise click.BadParameter(Locale(help_language(context)).t("cli.empty"))
    return " ".join(value.split())


@click.command("import", cls=HelpCommand, help_key="import")
@click.argument("source")
@click.option(
    "--out",
    "out_dir",
    default="content",
    show_default=True,
    type=click.Path(path_type=Path),
    cls=HelpOption,
    help_key="import.out",
)
@click.option("--id", "report_id", metavar="REPORT_ID", cls=HelpOption, help_key="import.id")
@click.option("--force", is_flag=True, cls=HelpOption, help_key="import.force")
@click.option("--title", callback=_text, cls=HelpOption, help_key="import.title")
@click.option("--issuer", callback=_text, cls=HelpOption, help_key="import.issuer")
@click.option(
    "--published", callback=_date, metavar="YYYY-MM-DD", cls=HelpOption, help_key="import.published"
)
@click.option("--strict", is_flag=True, cls=HelpOption, help_key="import.strict")
@click.option("--lang", type=click.Choice(AVAILABLE), cls=HelpOption, help_key="import.lang")
def import_command(
    source: str,
    out_dir: Path,
    report_id: str | None,
    force: bool,
    title: str | None,
    issuer: str | None,
    published: dt.date | None,
    strict: bool,
    lang: str | None,
) -> None:
    """Import the notice in SOURCE into OUT/REPORT_ID and print the import report."""
    locale = report_locale(lang)
    name = "<stdin>" if source == "-" else source
    data = _read(source, locale)
    given = Given(title=title, issuer=issuer, published=published)
    try:
        result = import_notice(data, source_name=name, report_id=report_id, given=given)
        result = replace(result, warnings=(*result.warnings, *check_report(result)))
        if strict and result.warnings:
            click.echo(render_report(result, None, locale))
            raise click.ClickException(
                f"{name}: " + locale.t("importer.report.strict", count=len(result.warnings))
            )
        written = write_report(result, out_dir, force=force)
    except NoticeImportError as error:
        raise click.ClickException(f"{name}: {say(locale, error.args[0])}") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise click.ClickException(f"{name}: {say(locale, Note('error_write', reason=reason))}") from None
    click.echo(render_report(result, written, locale))


def _read(source: str, locale: Locale) -> bytes:
    def failed(key: str, **values: object) -> click.ClickException:
        return click.ClickException(f"{source}: {say(locale, Note(key, **values))}")

    if source == "-":
        with click.open_file("-", "rb") as stream:
            return stream.read()
    path = Path(source)
    kind = file_kind(path)
    if kind not in ("file", "folder", "unreadable"):
        raise failed("error_not_regular", kind=kind)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise failed("error_no_file") from None
    except IsADirectoryError:
        raise failed("error_folder") from None
    except OSError as error:
        raise failed("error_unreadable", reason=error.strerror or str(error)) from None
