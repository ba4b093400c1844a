"""The ``mkdocs-rectify`` command line."""

from __future__ import annotations

import os
from pathlib import Path

import click

from mkdocs_rectify import csp, manifest
from mkdocs_rectify.clock import BuildDateError
from mkdocs_rectify.importer.command import import_command
from mkdocs_rectify.loader import ContentErrors, load_content
from mkdocs_rectify.locale import AVAILABLE, Locale, language_from_environment
from mkdocs_rectify.messages import say


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mkdocs-rectify")
@click.option(
    "--lang",
    type=click.Choice(AVAILABLE),
    default=None,
    help="Language of the messages (zh-CN or en); by default the environment's (LC_ALL, LC_MESSAGES, LANG).",
)
@click.pass_context
def main(context: click.Context, lang: str | None) -> None:
    """Publish inspection-rectification disclosure reports (巡察整改情况通报) with MkDocs."""
    context.obj = Locale(lang or language_from_environment(os.environ))


@main.command()
@click.argument(
    "content_dir",
    default="content",
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1), as mkdocs build --strict.")
@click.pass_obj
def validate(locale: Locale, content_dir: Path, strict: bool) -> None:
    """Check every report and problem file in CONTENT_DIR without building.

    Exits 0 when the content is valid and 1 when it is not, listing every error; with --strict,
    also when there are warnings.
    """
    try:
        loaded = load_content(content_dir)
    except BuildDateError as error:
        raise click.ClickException(say(locale, error.args[0])) from None
    except ContentErrors as errors:
        click.echo(errors.render(locale), err=True)
        raise SystemExit(1) from None
    for warning in loaded.warnings:
        click.echo(locale.t("cli.warning", message=say(locale, warning)), err=True)
    for note in loaded.notes:
        click.echo(locale.t("cli.note", message=say(locale, note)), err=True)
    if strict and loaded.warnings:
        count = len(loaded.warnings)
        click.echo(locale.t("cli.strict_one" if count == 1 else "cli.strict_other", count=count), err=True)
        raise SystemExit(1)
    site = loaded.site
    problems = sum(len(report.problems) for report in site.reports)
    click.echo(locale.t("cli.valid", path=content_dir, reports=len(site.reports), problems=problems))


def _shown(path: str) -> str:
    """A path on one line, whatever characters its name holds."""
    return path if path.isprintable() else path.encode("unicode_escape").decode("ascii")


@main.command()
@click.argument("site_dir", type=click.Path(path_type=Path))
@click.pass_obj
def verify(locale: Locale, site_dir: Path) -> None:
    """Check that the files of the built site in SITE_DIR are those its manifest lists.

    The manifest, data/manifest.json, holds the size and SHA-256 of every file of the site, written
    at the end of the build. Exits 0 when every file matches; 1 when files were changed, added or
    removed, listing each one; 2 when SITE_DIR or its manifest is missing or unreadable.
    """
    try:
        differences = manifest.verify(site_dir)
    except manifest.ManifestError as error:
        click.echo(locale.t("cli.error", message=say(locale, error.args[0])), err=True)
        raise SystemExit(2) from None
    if not differences:
        checked = differences.checked
        click.echo(
            locale.t(
                "cli.verify.match_one" if checked == 1 else "cli.verify.match_other",
                site=site_dir,
                count=checked,
                manifest=manifest.MANIFEST_PATH,
                sha256=differences.manifest_sha256,
            )
        )
        return
    count = differences.count()
    key = "cli.verify.differ_one" if count == 1 else "cli.verify.differ_other"
    click.echo(locale.t(key, site=site_dir, count=count, manifest=manifest.MANIFEST_PATH))
    for heading, paths in (
        ("changed", differences.changed),
        ("added", differences.added),
        ("removed", differences.removed),
    ):
        if paths:
            click.echo(locale.t(f"cli.verify.{heading}", count=len(paths)))
            for path in paths:
                click.echo(f"  {_shown(path)}")
    raise SystemExit(1)


@main.command("csp")
@click.argument("site_dir", type=click.Path(path_type=Path))
@click.option("--nginx", is_flag=True, help="Print it as an nginx add_header directive.")
@click.pass_obj
def csp_command(locale: Locale, site_dir: Path, nginx: bool) -> None:
    """Print the Content-Security-Policy header for the built site in SITE_DIR.

    Scripts from the site's own files, WebAssembly for the search, and each inline script that
    remains by its SHA-256; no 'unsafe-inline'. Exits 2 when SITE_DIR holds no built site.
    """
    try:
        policy = csp.site_policy(site_dir)
    except csp.CspError as error:
        click.echo(locale.t("cli.error", message=say(locale, error.args[0])), err=True)
        raise SystemExit(2) from None
    for finding in policy.unhashable:
        click.echo(
            locale.t("cli.warning", message=locale.t("cli.csp_unhashable", finding=say(locale, finding))),
            err=True,
        )
    if nginx:
        click.echo(f'add_header {csp.HEADER} "{policy.header()}" always;')
    else:
        click.echo(f"{csp.HEADER}: {policy.header()}")


main.add_command(import_command)
