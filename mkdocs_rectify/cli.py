"""The ``mkdocs-rectify`` command line."""

from __future__ import annotations

from pathlib import Path

import click

from mkdocs_rectify.clock import BuildDateError
from mkdocs_rectify.importer.command import import_command
from mkdocs_rectify.loader import ContentErrors, load_content


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mkdocs-rectify")
def main() -> None:
    """Publish inspection-rectification disclosure reports (巡察整改情况通报) with MkDocs."""


@main.command()
@click.argument(
    "content_dir",
    default="content",
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1), as mkdocs build --strict.")
def validate(content_dir: Path, strict: bool) -> None:
    """Check every report and problem file in CONTENT_DIR without building.

    Exits 0 when the content is valid and 1 when it is not, listing every error; with --strict,
    also when there are warnings.
    """
    try:
        loaded = load_content(content_dir)
    except BuildDateError as error:
        raise click.ClickException(str(error)) from None
    except ContentErrors as errors:
        click.echo(errors.render(), err=True)
        raise SystemExit(1) from None
    for warning in loaded.warnings:
        click.echo(f"warning: {warning}", err=True)
    for note in loaded.notes:
        click.echo(f"note: {note}", err=True)
    if strict and loaded.warnings:
        count = len(loaded.warnings)
        click.echo(f"{count} warning{'s' if count != 1 else ''}; --strict makes warnings errors", err=True)
        raise SystemExit(1)
    site = loaded.site
    problems = sum(len(report.problems) for report in site.reports)
    click.echo(f"{content_dir}: {len(site.reports)} report(s), {problems} problem(s), valid.")


main.add_command(import_command)
