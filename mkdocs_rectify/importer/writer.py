"""Writing a report folder: ``report.yml`` and one Markdown file per problem.

Output is deterministic (same result, same bytes): keys in the order of the model, block style for
multi-line text, UTF-8 with ``\\n`` line ends. The folder is written next to its final place, checked
by the loader, and then renamed into it, so a reader never sees half a report, nor one that
``validate`` refuses.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from mkdocs_rectify.clock import BuildDateError
from mkdocs_rectify.importer.errors import NoticeImportError
from mkdocs_rectify.importer.messages import Errors, Note
from mkdocs_rectify.importer.result import ImportedProblem, ImportResult
from mkdocs_rectify.loader import ContentErrors, display_path, load_content
from mkdocs_rectify.messages import Message

__all__ = ["check_report", "escape_markdown", "problem_filename", "render_files", "write_report"]

_MARKDOWN_FIELDS = {"measures", "results", "next_steps", "intro", "unclassified"}


class _Dumper(yaml.SafeDumper):
    """Block lists indented under their key; multi-line strings as literal blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=float("inf"),
        default_flow_style=False,
    )


_LINE_START = re.compile(r"^(?=[#>=]|[-+*][ \t])", re.MULTILINE)
_ORDERED = re.compile(r"^(\d+)([.)])(?=[ \t])", re.MULTILINE)
_INLINE = re.compile(r"([\\`*_\[\]])")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def escape_markdown(text: str) -> str:
    """Keep notice text literal in Markdown: no headings, lists, emphasis or HTML from stray characters."""
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    text = _TAG_START.sub("&lt;", text)
    text = _ORDERED.sub(r"\1\\\2", text)
    return _LINE_START.sub("\\\\", text)


def _plain(value: Any, key: str | None = None) -> Any:
    """Model dump → YAML-ready values: enums as their codes, Markdown fields escaped."""
    if isinstance(value, dict):
        return {name: _plain(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_plain(item, key) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str) and key in _MARKDOWN_FIELDS:
        return escape_markdown(value)
    if isinstance(value, (str, int, float, dt.date)) or value is None:
        return value
    raise TypeError(f"cannot write {type(value).__name__} to YAML")


def problem_filename(number: int, width: int) -> str:
    return f"{number:0{width}d}.md"


def _render_problem(problem: ImportedProblem) -> str:
    data = _plain(problem.front_matter.model_dump(exclude_defaults=True))
    return f"---\n{_dump(data)}---\n\n{escape_markdown(problem.statement)}\n"


def render_files(result: ImportResult) -> dict[str, str]:
    """File name → text of every file of the report folder."""
    files = {"report.yml": _dump(_plain(result.meta.model_dump(exclude_defaults=True)))}
    width = max([2, *(len(str(problem.front_matter.number)) for problem in result.problems)])
    for problem in result.problems:
        files[problem_filename(problem.front_matter.number, width)] = _render_problem(problem)
    return files


def check_report(result: ImportResult) -> tuple[str, ...]:
    """The loader's warnings for the folder ``result`` would write (paths from the report folder).

    Raises :class:`NoticeImportError` naming what the loader would refuse (such as a file over
    its size limit), so that an import never writes a folder that ``validate`` refuses.
    """
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / result.report_id
        folder.mkdir()
        _write_files(folder, render_files(result))
        return _validated(folder)


def write_report(result: ImportResult, out_dir: Path, *, force: bool) -> Path:
    """Write ``<out_dir>/<report id>/`` and return it; an existing folder is replaced only with ``force``.

    The files are written next to their place, checked by the loader (see :func:`check_report`),
    and only then moved into place."""
    out_dir = Path(out_dir)
    target = out_dir / result.report_id
    if out_dir.exists() and not out_dir.is_dir():
        raise NoticeImportError(Note("error_not_a_folder", path=out_dir))
    if (target.exists() or target.is_symlink()) and not force:
        raise NoticeImportError(Note("error_exists", path=target))
    files = render_files(result)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging_root = Path(tempfile.mkdtemp(prefix=f".{result.report_id}.", suffix=".new", dir=out_dir))
    try:
        staging = staging_root / result.report_id
        staging.mkdir()
        _write_files(staging, files)
        _validated(staging)
        _swap_in(staging, target, force=force)
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)
    return target


def _write_files(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).write_bytes(text.encode("utf-8"))


def _validated(folder: Path) -> tuple[str, ...]:
    """Load the report in ``folder`` as ``validate`` would: its warnings, or NoticeImportError."""
    shown = display_path(folder)

    def relative(message: str) -> str:
        if isinstance(message, Message) and "path" in message.values:  # said again in the report's language
            return Message(message.key, **{**message.values, "path": relative(str(message.values["path"]))})
        if message.startswith(shown + "/"):
            return message[len(shown) + 1 :]
        return folder.name + message[len(shown) :] if message.startswith(shown) else message

    try:
        loaded = load_content(folder.parent)
    except BuildDateError as error:
        raise NoticeImportError(str(error)) from None
    except ContentErrors as errors:
        problems = [relative(error.as_message()) for error in errors.errors]
        shown = Errors(problems[:3])
        if len(problems) > 3:
            raise NoticeImportError(
                Note("error_not_valid_more", errors=shown, more=len(problems) - 3)
            ) from None
        raise NoticeImportError(Note("error_not_valid", errors=shown)) from None
    return tuple(relative(warning) for warning in loaded.warnings)


def _swap_in(staging: Path, target: Path, *, force: bool) -> None:
    if not (target.exists() or target.is_symlink()):
        staging.rename(target)
        return
    if not force:
        raise NoticeImportError(Note("error_exists", path=target))
    retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    retired.rmdir()
    os.replace(target, retired)
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(retired, target)
        raise
    if retired.is_dir() and not retired.is_symlink():
        shutil.rmtree(retired)
    else:
        retired.unlink()
