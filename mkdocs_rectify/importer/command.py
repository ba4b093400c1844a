"""``mkdocs-rectify import SOURCE [--out CONTENT_DIR] [--id REPORT_ID] [--force]``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from mkdocs_rectify.importer.errors import NoticeImportError
from mkdocs_rectify.importer.notice import import_notice
from mkdocs_rectify.importer.report import render_report
from mkdocs_rectify.importer.writer import check_report, write_report
from mkdocs_rectify.loader import file_kind

__all__ = ["import_command"]


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
def import_command(source: str, out_dir: Path, report_id: str | None, force: bool) -> None:
    """Import a published notice from SOURCE (.txt or .html, or - for standard input).

    The encoding (UTF-8, UTF-8 with BOM, GB18030/GBK) is detected. Writes report.yml and one file
    per problem, prints an import report, and exits 1 with a one-line message for unusable input.
    """
    name = "<stdin>" if source == "-" else source
    data = _read(source)
    try:
        result = import_notice(data, source_name=name, report_id=report_id)
        checks = check_report(result)
        written = write_report(result, out_dir, force=force)
    except NoticeImportError as error:
        raise click.ClickException(f"{name}: {error}") from None
    except OSError as error:
        raise click.ClickException(f"{name}: cannot write the report: {error.strerror or error}") from None
    click.echo(render_report(replace(result, warnings=(*result.warnings, *checks)), written))


def _read(source: str) -> bytes:
    if source == "-":
        with click.open_file("-", "rb") as stream:
            return stream.read()
    path = Path(source)
    kind = file_kind(path)
    if kind not in ("file", "folder", "unreadable"):
        raise click.ClickException(f"{source}: is {kind}, not a regular file")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise click.ClickException(f"{source}: no such file") from None
    except IsADirectoryError:
        raise click.ClickException(f"{source}: is a folder, not a file") from None
    except OSError as error:
        raise click.ClickException(f"{source}: cannot read: {error.strerror or error}") from None
