"""The ``mkdocs-rectify`` command line."""

from __future__ import annotations

import os
from pathlib import Path

import click

from mkdocs_rectify import csp, manifest
from mkdocs_rectify.cli_help import HelpGroup, HelpOption
from mkdocs_rectify.clock import BuildDateError
from mkdocs_rectify.importer.command import import_command
from mkdocs_rectify.loader import ContentErrors, load_content
from mkdocs_rectify.locale import AVAILABLE, Locale, language_from_environment
from mkdocs_rectify.messages import say


@click.group(cls=HelpGroup, help_key="main", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mkdocs-rectify", cls=HelpOption, help_key="version_option")
@click.option("--lang", type=click.Choice(AVAILABLE), default=None, cls=HelpOption, help_key="main.lang")
@click.pass_context
def main(context: click.Context, lang: str | None) -> None:
    """The command group; its help and every command's are under ``cli_help`` in the locale files."""
    context.obj = Locale(lang or language_from_environment(os.environ))


@main.command(help_key="validate")
@click.argument(
    "content_dir",
    default="content",
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option("--strict", is_flag=True, cls=HelpOption, help_key="validate.strict")
@click.pass_obj
def validate(locale: Locale, content_dir: Path, strict: bool) -> None:
    """Check the content in CONTENT_DIR and say what is wrong, without building."""
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


@main.command(help_key="verify")
@click.argument("site_dir", type=click.Path(path_type=Path))
@click.pass_obj
def verify(locale: Locale, site_dir: Path) -> None:
    """Compare the built site in SITE_DIR with its manifest, exiting 0, 1 or 2."""
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


@main.command("csp", help_key="csp")
@click.argument("site_dir", type=click.Path(path_type=Path))
@click.option("--nginx", is_flag=True, cls=HelpOption, help_key="csp.nginx")
@click.pass_obj
def csp_command(locale: Locale, site_dir: Path, nginx: bool) -> None:
    """Print the Content-Security-Policy of the built site in SITE_DIR."""
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
