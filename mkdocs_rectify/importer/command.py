"""``mkdocs-rectify import SOURCE [--out CONTENT_DIR] [--id REPORT_ID] [--force] [--title …] [--issuer …]
[--published …] [--strict] [--lang zh-CN|en]``."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import click

from mkdocs_rectify.importer.errors import NoticeImportError
from mkdocs_rectify.importer.messages import Note, report_locale, say
from mkdocs_rectify.importer.notice import Given, import_notice
from mkdocs_rectify.importer.report import render_report
from mkdocs_rectify.importer.writer import check_report, write_report
from mkdocs_rectify.loader import file_kind
from mkdocs_rectify.locale import AVAILABLE, Locale

__all__ = ["import_command"]


def _date(_context: click.Context, _parameter: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2022-03-22"
        ) from None


def _text(_context: click.Context, parameter: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if not value.strip():
        raise click.BadParameter("must not be empty")
    return " ".join(value.split())


@click.command("import")
@click.argument("source")
@click.option(
    "--out",
    "out_dir",
    default="content",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Content folder; the report is written to <out>/<report id>/.",
)
@click.option("--id", "report_id", metavar="REPORT_ID", help="Report id (default: issuer initials and year).")
@click.option("--force", is_flag=True, help="Replace an existing report folder.")
@click.option(
    "--title", callback=_text, help="The title (文件名称), when the capture lacks it; wins over the text's."
)
@click.option(
    "--issuer", callback=_text, help="The issuer (发布机构), when the capture lacks it; wins over the text's."
)
@click.option(
    "--published",
    callback=_date,
    metavar="YYYY-MM-DD",
    help="The publication date (成文/发布日期), when the capture lacks it; wins over the text's.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Fail (exit 1, nothing written) when the import has warnings, such as an import as a draft.",
)
@click.option(
    "--lang",
    type=click.Choice(AVAILABLE),
    help="Language of the import report (default: the environment's, LANG/LC_ALL, else zh-CN).",
)
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
    """Import a published notice from SOURCE (.txt or .html, or - for standard input).

    The encoding (UTF-8, UTF-8 with BOM, GB18030/GBK) is detected. Writes report.yml and one file
    per problem and prints an import report. What is there is imported: a notice whose problems are
    not (all) recognised, or that lacks a title, issuer or date, is written as a draft (draft: true)
    with the rest of its text kept as unclassified, and the command exits 0 with warnings; --strict
    makes any warning an error. Exits 1 with a one-line message for input that holds no notice.
    """
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
