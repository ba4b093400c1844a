"""Load and validate a content directory: ``<content>/<report-id>/report.yml`` and ``*.md``.

Every error of a run is collected before anything is reported, and each names the file,
the line where known and the field, in plain words. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mkdocs_rectify import clock, yamlpos
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.messages import Message, say
from mkdocs_rectify.model import (
    REPORT_ID_PATTERN,
    Problem,
    ProblemFrontMatter,
    Report,
    ReportMeta,
    Site,
    Status,
    Summary,
)
from mkdocs_rectify.pages import RESERVED_IDS
from mkdocs_rectify.privacy import find_personal_information
from mkdocs_rectify.tracking import status_on
from mkdocs_rectify.yamlpos import Located, YamlProblem, load_located

__all__ = [
    "INVISIBLE",
    "MAX_FILE_BYTES",
    "TRANSLATED_ERRORS",
    "ContentError",
    "ContentErrors",
    "LoadCache",
    "Loaded",
    "file_kind",
    "load_content",
    "load_site",
    "split_front_matter",
]

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

REPORT_FILE = "report.yml"
MAX_FILE_BYTES = 2_000_000
"""A problem or report file larger than this is refused (a notice of 17 problems is ~45 kB)."""


@dataclass(frozen=True, order=True)
class ContentError:
    """One thing wrong with the content, in a form a person can act on.

    ``field`` and ``message`` are :class:`~mkdocs_rectify.messages.Message` where the loader made
    them: English as text, said in another language by :meth:`say`."""

    path: str
    line: int | None
    field: str | None
    message: str
    folder: bool = False
    """Whether ``path`` is a folder (its messages then name a folder, not a file)."""

    def as_message(self) -> Message:
        """The whole error as one message: where, then what."""
        if self.folder:
            return Message("where.folder", path=self.path, message=self.message)
        key = "where.file" + ("_line" if self.line else "") + ("_field" if self.field else "")
        return Message(key, path=self.path, line=self.line, field=self.field, message=self.message)

    def say(self, locale: Locale | None = None) -> str:
        """The error in the language of ``locale`` (English by default)."""
        return say(locale, self.as_message())

    def __str__(self) -> str:
        return str.__str__(self.as_message())


class ContentErrors(Exception):
    """The content has errors; :attr:`errors` lists all of them."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.path, e.line or 0, e.field or ""))
        super().__init__(self.render())

    def render(self, locale: Locale | None = None) -> str:
        """Every error on a line of its own, under a line saying how many, in ``locale`` (English)."""
        count = len(self.errors)
        head = (locale or Locale("en")).t("cli.errors_one" if count == 1 else "cli.errors_other", count=count)
        return "\n".join([head, *(f"  {error.say(locale)}" for error in self.errors)])


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Split ``---``-delimited front-matter from a Markdown text.

    Returns ``(yaml_text, body, body_line)`` where ``body_line`` is the 1-based line on
    which the body starts, or ``None`` when the text has no front-matter block. Lines end at
    line feeds only, as YAML and the line numbers of messages count them.
    """
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            yaml_text = "".join(line + "\n" for line in lines[1:index])
            return yaml_text, "\n".join(lines[index + 1 :]), index + 2
    return None


@dataclass(frozen=True)
class Loaded:
    """Valid content: the site, the warnings and the notes of loading it."""

    site: Site
    warnings: list[str]
    """Valid but needs a person's attention; MkDocs' strict mode and ``validate --strict`` fail on them.
    Each is a :class:`~mkdocs_rectify.messages.Message`, said in a locale with
    :func:`~mkdocs_rectify.messages.say`."""
    notes: list[str]
    """Worth knowing but often deliberate, such as a draft folder left out; never a failure (each a
    :class:`~mkdocs_rectify.messages.Message`, as the warnings)."""


@dataclass(frozen=True)
class _Outcome:
    problem: Problem | None
    errors: list[ContentError]
    warnings: list[str]
    notes: list[str]


class LoadCache:
    """What loading each problem file gave, kept from one load of the content to the next (the
    rebuilds of ``mkdocs serve``), so that a file is parsed and validated again only when it
    changed: by its path, the SHA-256 of its text and what its checks depend on (its report's id
    and inspection start, the build date, the folder paths are shown from). The checks across
    files (numbers, folders, files accounted for) run on every load."""

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[Any, ...], _Outcome]] = {}
        self.hits = 0
        """Files whose outcome the last load took from the cache."""
        self.misses = 0
        """Files the last load parsed and validated."""

    def _get(self, path: Path, key: tuple[Any, ...]) -> _Outcome | None:
        entry = self._entries.get(path)
        if entry is None or entry[0] != key:
            self.misses += 1
            return None
        self.hits += 1
        return entry[1]

    def _put(self, path: Path, key: tuple[Any, ...], outcome: _Outcome) -> None:
        self._entries[path] = (key, outcome)

    def _start(self) -> None:
        self.hits = self.misses = 0
        self._seen: set[Path] = set()

    def _finish(self) -> None:
        for path in set(self._entries) - self._seen:  # files removed since
            del self._entries[path]


def load_content(
    content_dir: Path | str, *, build_date: dt.date | None = None, cache: LoadCache | None = None
) -> Loaded:
    """Load every report under ``content_dir``, checking its dates against ``build_date``.

    ``build_date`` defaults to :func:`mkdocs_rectify.clock.build_date`; with a ``cache``, only the
    problem files that changed since the last load with it are parsed and validated. Raises
    :class:`ContentErrors` listing every error.
    """
    today = clock.build_date() if build_date is None else build_date
    loader = _Loader(Path(content_dir), today, cache)
    if cache is not None:
        cache._start()
    site = loader.load()
    if cache is not None:
        cache._finish()
    if loader.errors:
        raise ContentErrors(loader.errors)
    return Loaded(site, loader.warnings, loader.notes)


def load_site(content_dir: Path | str, *, build_date: dt.date | None = None) -> tuple[Site, list[str]]:
    """Load every report under ``content_dir``: the site and its warnings (see :func:`load_content`)."""
    loaded = load_content(content_dir, build_date=build_date)
    return loaded.site, loaded.warnings


def display_path(path: Path) -> str:
    """A path as the person running the command would type it (invisible characters escaped)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        relative = ".."
    shown = str(path) if relative.startswith("..") else relative
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode() for char in shown)


class _Loader:
    def __init__(self, root: Path, build_date: dt.date, cache: LoadCache | None = None) -> None:
        self.root = root
        self.build_date = build_date
        self.cache = cache
        self.errors: list[ContentError] = []
        self.warnings: list[str] = []
        self.notes: list[str] = []
        self.libyaml = False
        """Whether :meth:`_parse_yaml` reads with libyaml (see :meth:`_libyaml_first`)."""

    def _libyaml_first(self, read: Callable[[], T]) -> T:
        """``read()`` of one file with libyaml's parser; when that gives any error, warning or note,
        what it gave is dropped and the file is read again with PyYAML's parser alone.

        libyaml reads the front-matter several times faster, but takes a few texts PyYAML refuses
        and words its errors its own way: a file with something to say is always PyYAML's reading,
        the one whose messages editors have always had. (The texts the two parsers read otherwise
        never reach libyaml: see :data:`~mkdocs_rectify.yamlpos.PYYAML_ONLY`.)"""
        if not yamlpos.LIBYAML:
            return read()
        counts = len(self.errors), len(self.warnings), len(self.notes)
        self.libyaml = True
        try:
            result = read()
        finally:
            self.libyaml = False
        if counts == (len(self.errors), len(self.warnings), len(self.notes)):
            return result
        del self.errors[counts[0] :], self.warnings[counts[1] :], self.notes[counts[2] :]
        return read()

    def error(
        self,
        path: Path,
        message: str,
        *,
        line: int | None = None,
        field: str | None = None,
        folder: bool = False,
    ) -> None:
        self.errors.append(ContentError(display_path(path), line, field, message, folder))

    def warn(self, path: Path, message: str, *, line: int | None = None, field: str | None = None) -> None:
        self.warnings.append(ContentError(display_path(path), line, field, message).as_message())

    def note(self, path: Path, message: str) -> None:
        self.notes.append(ContentError(display_path(path), None, None, message, path.is_dir()).as_message())

    def load(self) -> Site:
        if not self.root.is_dir():
            self.error(self.root, Message("load.no_content_dir"), folder=True)
            return Site(reports=[])
        folders = []
        for entry in self._entries(self.root):
            kind = file_kind(entry)
            if entry.name.startswith((".", "_")):
                self.note(entry, Message("load.left_out"))
            elif kind == "file":
                self.warn(entry, Message("load.not_a_report_folder"))
            elif kind != "folder":
                self.warn(entry, Message("load.not_a_report_folder_kind", kind=_kind_message(kind)))
            else:
                folders.append(entry)
        reports = [report for folder in folders if (report := self._load_report(folder))]
        if not folders:
            self.error(self.root, Message("load.no_reports"), folder=True)
        reports.sort(key=newest_first)
        self._check_former_ids(reports)
        return Site(
            reports=[r for r in reports if r.meta.withdrawn is None],
            withdrawn_reports=[r for r in reports if r.meta.withdrawn is not None],
            build_date=self.build_date,
        )

    def _check_former_ids(self, reports: list[Report]) -> None:
        """A former id of a report is not any report's id, nor another report's former id, nor reserved."""
        owners: dict[str, str] = {report.id: "" for report in reports}
        for report in sorted(reports, key=lambda r: r.id):
            path = self.root / report.id / REPORT_FILE
            for former in report.meta.former_ids:
                if former in RESERVED_IDS:
                    self.error(path, Message("load.former_id_reserved", former=former), field="former_ids")
                elif former not in owners:
                    owners[former] = report.id
                elif owners[former] == "":
                    self.error(path, Message("load.former_id_is_an_id", former=former), field="former_ids")
                else:
                    message = Message("load.former_id_twice", former=former, owner=owners[former])
                    self.error(path, message, field="former_ids")

    def _entries(self, folder: Path) -> list[Path]:
        try:
            return sorted(folder.iterdir())
        except OSError as error:
            self.error(folder, Message("load.unreadable", reason=error.strerror), folder=True)
            return []

    def _load_report(self, folder: Path) -> Report | None:
        ok = self._check_id(folder)
        report_file: Path | None = None
        problem_files: list[Path] = []
        for entry in self._entries(folder):
            name, kind = entry.name, file_kind(entry)
            suffix = entry.suffix
            if name.startswith((".", "_")):
                self.note(entry, Message("load.left_out"))
            elif name == REPORT_FILE or suffix == ".md":
                if kind != "file":
                    self.error(entry, Message("load.not_regular", kind=_kind_message(kind)))
                elif name == REPORT_FILE:
                    report_file = entry
                else:
                    problem_files.append(entry)
            elif suffix.lower() in _MARKDOWN_SUFFIXES:
                self.error(entry, Message("load.suffix_case", stem=entry.stem))
                problem_files.append(entry)  # counted, so that the report is not also said to have none
            elif kind == "folder":
                self.warn(entry, Message("load.sub_folder"))
            elif kind != "file":
                self.warn(entry, Message("load.skipped_kind", kind=_kind_message(kind)))
            else:
                typo = name.lower() in _REPORT_FILE_TYPOS
                self.warn(entry, Message("load.skipped_typo" if typo else "load.skipped_file"))
        meta: ReportMeta | None = None
        if report_file is None:
            if not (folder / REPORT_FILE).exists():
                self.error(folder, Message("load.no_report_file"), folder=True)
        else:
            meta = self._load_meta(report_file)
        problems = [
            p for f in problem_files if f.suffix == ".md" and (p := self._load_problem(f, folder.name, meta))
        ]
        if not problem_files and not (meta is not None and (meta.draft or meta.states_counts)):
            self.error(folder, Message("load.no_problems"), folder=True)
        self._check_numbers(problems, folder)
        if meta is None or not ok:
            return None
        self._check_former_numbers(problems)
        problems.sort(key=lambda p: p.number)
        report = Report(
            id=folder.name,
            meta=meta,
            problems=[p for p in problems if p.withdrawn is None],
            withdrawn_problems=[p for p in problems if p.withdrawn is not None],
        )
        self._warn(report, report_file or folder)
        return report

    def _check_former_numbers(self, problems: list[Problem]) -> None:
        """A former number is no problem's number now, nor another problem's former number."""
        owners: dict[int, Problem | None] = {problem.number: None for problem in problems}
        for problem in sorted(problems, key=lambda p: p.source_path):
            path = self.root / problem.source_path
            for former in problem.former_numbers:
                owner = owners.setdefault(former, problem)
                if owner is None:
                    message = Message("load.former_number_is_current", former=former)
                    self.error(path, message, field="former_numbers")
                elif owner is not problem:
                    other = display_path(self.root / owner.source_path)
                    message = Message("load.former_number_twice", former=former, other=other)
                    self.error(path, message, field="former_numbers")

    def _check_id(self, folder: Path) -> bool:
        name = folder.name
        if not re.fullmatch(REPORT_ID_PATTERN, name):
            self.error(folder, Message("load.bad_id", name=name), folder=True)
            return False
        if name in RESERVED_IDS:
            reserved = sorted(RESERVED_IDS)
            self.error(folder, Message("load.reserved_id", name=name, reserved=reserved), folder=True)
            return False
        return True

    def _warn(self, report: Report, report_file: Path) -> None:
        if report.meta.draft:
            missing = report.missing
            what = Message("load.draft_missing", fields=missing) if missing else Message("load.draft_marked")
            self.warn(report_file, what)
        listed = report.problems or report.withdrawn_problems  # a round-level summary lists none
        if report.meta.declared is not None and report.meta.published is not None and listed:
            published = report.meta.published
            every = [*report.problems, *report.withdrawn_problems]  # as the notice published them
            as_published = Summary.of_statuses([status_on(p, published) for p in every])
            for mismatch in as_published.mismatches(report.meta.declared):
                self.warn(report_file, Message("load.declared", mismatch=mismatch))
        if report.meta.unclassified:
            self.warn(report_file, Message("load.report_unclassified", count=len(report.meta.unclassified)))
        for problem in report.problems:
            if problem.unclassified:
                count = len(problem.unclassified)
                self.warn(self.root / problem.source_path, Message("load.problem_unclassified", count=count))

    def _read(self, path: Path) -> str | None:
        # Opened without blocking and checked again once open: a file replaced by a named pipe since
        # the folder was listed must not stall the build.
        try:
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(descriptor, "rb") as stream:
                mode = os.fstat(stream.fileno()).st_mode
                if not stat.S_ISREG(mode):
                    self.error(path, Message("load.not_regular", kind=_kind_of_mode(mode)))
                    return None
                data = stream.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            self.error(path, Message("load.unreadable", reason=error.strerror))
            return None
        if len(data) > MAX_FILE_BYTES:
            size = max(len(data), path.stat().st_size)
            self.error(path, Message("load.too_large", size=size, limit=MAX_FILE_BYTES))
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            self.error(path, Message("load.not_utf8"), line=line)
            return None

    def _load_meta(self, path: Path) -> ReportMeta | None:
        text = self._read(path)
        if text is None:
            return None
        return self._libyaml_first(lambda: self._meta(path, text))

    def _meta(self, path: Path, text: str) -> ReportMeta | None:
        """A report file's fields (None with its errors), from its text."""
        text, marks = _without_invisible(text)
        located = self._parse_yaml(path, text, 0)
        self._report_invisible(path, marks, located, yaml_end=text.count("\n") + 1)
        if located is None:
            return None
        meta = self._validate(ReportMeta, located, path)
        if meta is not None and meta.withdrawn is not None and meta.withdrawn.date > self.build_date:
            loc = ("withdrawn", "date")
            self.error(
                path,
                Message("load.after_build_date", date=str(meta.withdrawn.date), today=str(self.build_date)),
                line=located.line_of(loc),
                field=_field_name(loc),
            )
        if meta is not None:
            public = meta.model_dump(exclude={"contact"})  # the contact details are meant to be public
            self._check_privacy(path, text, located, public, meta.privacy_reviewed)
        return meta

    def _load_problem(self, path: Path, report_id: str, meta: ReportMeta | None) -> Problem | None:
        text = self._read(path)
        if text is None:
            return None
        if self.cache is None:
            return self._problem(path, text, report_id, meta)
        self.cache._seen.add(path)
        start = meta.inspection.start if meta is not None else None
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
        key = (digest, report_id, start, self.build_date, os.getcwd(), self.root)
        outcome = self.cache._get(path, key)
        if outcome is None:
            counts = len(self.errors), len(self.warnings), len(self.notes)
            problem = self._problem(path, text, report_id, meta)
            errors, warnings, notes = (
                self.errors[counts[0] :],
                self.warnings[counts[1] :],
                self.notes[counts[2] :],
            )
            self.cache._put(path, key, _Outcome(problem, errors, warnings, notes))
            return problem
        self.errors.extend(outcome.errors)
        self.warnings.extend(outcome.warnings)
        self.notes.extend(outcome.notes)
        return outcome.problem

    def _problem(self, path: Path, text: str, report_id: str, meta: ReportMeta | None) -> Problem | None:
        """A problem file's problem (None with its errors), from its text."""
        return self._libyaml_first(lambda: self._read_problem(path, text, report_id, meta))

    def _read_problem(self, path: Path, text: str, report_id: str, meta: ReportMeta | None) -> Problem | None:
        text, marks = _without_invisible(text)
        parts = split_front_matter(text)
        if parts is None:
            self._report_invisible(path, marks, None, yaml_end=0)
            self.error(path, Message("load.no_front_matter"), line=1)
            return None
        yaml_text, body, body_line = parts
        located = self._parse_yaml(path, yaml_text, 1)
        self._report_invisible(path, marks, located, yaml_end=body_line - 2)
        if located is None:
            return None
        front = self._validate(ProblemFrontMatter, located, path)
        if front is not None:
            self._check_dates(front, meta, located, path)
            self._check_privacy(path, text, located, front.model_dump(), front.privacy_reviewed)
            self._check_privacy(path, text, None, {"": body}, front.privacy_reviewed, body_line=body_line)
        if not body.strip():
            self.error(path, Message("load.empty_statement"), line=body_line)
            return None
        if front is None:
            return None
        rel = path.relative_to(self.root).as_posix()
        return Problem(**dict(front), report_id=report_id, statement=body, source_path=rel)

    def _report_invisible(
        self, path: Path, marks: list[tuple[int, str]], located: Located | None, *, yaml_end: int
    ) -> None:
        """An error for each invisible character, naming the field when it is in YAML (up to ``yaml_end``)."""
        for line, char in marks:
            field = _field_name(located.path_at(line)) if located and line <= yaml_end else None
            key = "load.bidi_control" if char in _BIDI_CONTROLS else "load.control_character"
            self.error(path, Message(key, code=f"{ord(char):04X}"), line=line, field=field)

    def _check_privacy(
        self,
        path: Path,
        text: str,
        located: Located | None,
        data: dict[str, Any],
        reviewed: list[str],
        *,
        body_line: int = 1,
    ) -> None:
        """A warning for each string that looks like personal information (:mod:`privacy`).

        ``data`` holds the published values of the YAML in ``located``, or the body as ``{"": body}``
        when ``located`` is None (``body_line`` is then its first line)."""
        lines = text.split("\n")
        for loc, value in _strings(data, ()):
            findings = find_personal_information(value, today=self.build_date, reviewed=reviewed)
            if not findings:
                continue
            if located is None:
                line, field, counted = body_line, None, 0
            else:
                line, field = located.line_of(loc), _field_name(loc)
                end = min(located.next_start(line) or len(lines) + 1, len(lines) + 1)
            for finding in findings:  # in order: lines are found moving forward
                if located is None:
                    line += value.count("\n", counted, finding.start)
                    counted = finding.start
                else:
                    line = next((n for n in range(line, end) if finding.text in lines[n - 1]), line)
                kind = Message(f"privacy.{finding.kind}")
                message = Message("load.personal_information", kind=kind, masked=finding.masked)
                self.warn(path, message, line=line, field=field)

    def _check_dates(
        self, front: ProblemFrontMatter, meta: ReportMeta | None, located: Located, path: Path
    ) -> None:
        """Dates against the inspection and the build date: nothing is done before the inspection
        began, nor after the build (deadlines may lie ahead)."""
        start = meta.inspection.start if meta is not None else None
        dated: list[tuple[tuple[str | int, ...], dt.date | None]] = [(("completed_on",), front.completed_on)]
        dated += [(("history", index, "date"), entry.date) for index, entry in enumerate(front.history)]
        dated += [(("metrics", index, "as_of"), metric.as_of) for index, metric in enumerate(front.metrics)]
        dated += [(("withdrawn", "date"), front.withdrawn.date if front.withdrawn else None)]
        for loc, day in dated:
            if day is None:
                continue
            problems = []
            if day > self.build_date:
                problems.append(Message("load.after_build_date", date=str(day), today=str(self.build_date)))
            if loc == ("completed_on",) and start is not None and day < start:
                problems.append(Message("load.before_inspection", date=str(day), start=str(start)))
            for message in problems:
                self.error(path, message, line=located.line_of(loc), field=_field_name(loc))

    def _parse_yaml(self, path: Path, text: str, offset: int) -> Located | None:
        try:
            located = load_located(text, line_offset=offset, libyaml=self.libyaml)
        except YamlProblem as problem:
            self.error(path, problem.message, line=problem.line)
            return None
        for problem in located.problems:
            self.error(path, problem.message, line=problem.line)
        if located.problems:
            return None
        if not isinstance(located.data, dict):
            self.error(path, Message("load.not_fields"), line=located.start_line)
            return None
        return located

    def _validate(self, model: type[M], located: Located, path: Path) -> M | None:
        try:
            return model.model_validate(located.data)
        except ValidationError as error:
            for detail in error.errors():
                loc = tuple(detail["loc"])
                self.error(
                    path,
                    _plain_message(detail, model, located.plain.get(loc)),
                    line=located.line_of(loc),
                    field=_field_name(loc),
                )
            return None

    def _check_numbers(self, problems: list[Problem], folder: Path) -> None:
        seen: dict[int, Problem] = {}
        for problem in sorted(problems, key=lambda p: p.source_path):
            first = seen.setdefault(problem.number, problem)
            if first is not problem:
                other = display_path(self.root / first.source_path)
                message = Message("load.number_twice", number=problem.number, other=other)
                self.error(self.root / problem.source_path, message, field="number")


def newest_first(report: Report) -> tuple[int, str]:
    """Sort key of reports: the newest first, then by id; a draft without a date last."""
    return (-report.sort_date.toordinal(), report.id)


_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtext"})
_REPORT_FILE_TYPOS = frozenset({"report.yaml", "report.yml", "report.yml.txt", "reports.yml"})


_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{_BIDI_CONTROLS}]|\\r(?!\\n)")
"""Control characters (Unicode Cc) but tab, line feed and the CR of a CRLF, and the bidi controls
that reorder text (U+202A–U+202E, U+2066–U+2069). No-break and ideographic spaces are fine."""


def _without_invisible(text: str) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with every invisible character made a space, and the line of each (once a line)."""
    marks: dict[tuple[int, str], None] = {}
    line, counted = 1, 0
    for match in INVISIBLE.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        marks[(line, match.group())] = None
    if not marks:
        return text, []
    return INVISIBLE.sub(" ", text), list(marks)


def _strings(value: Any, loc: tuple[str | int, ...]) -> Iterable[tuple[tuple[str | int, ...], str]]:
    """Every text in a dumped model, with its path."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, key) if key else loc)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))


def file_kind(path: Path) -> str:
    """What ``path`` is, without opening it: ``folder``, ``file``, or a description of anything else."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return _KINDS["broken_link"] if path.is_symlink() else _KINDS["unreadable"]
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    return _kind_of_mode(mode)


_KINDS = {
    name: Message(f"kind.{name}")
    for name in (
        "broken_link",
        "unreadable",
        "fifo",
        "socket",
        "character_device",
        "block_device",
        "folder",
        "other",
    )
}
"""What a path that is not a regular file or folder is, said in the loader's messages."""


def _kind_message(kind: str) -> Message:
    """The message of a kind :func:`file_kind` gave (``folder`` too)."""
    return kind if isinstance(kind, Message) else _KINDS["folder" if kind == "folder" else "other"]


def _kind_of_mode(mode: int) -> Message:
    if stat.S_ISFIFO(mode):
        return _KINDS["fifo"]
    if stat.S_ISSOCK(mode):
        return _KINDS["socket"]
    if stat.S_ISCHR(mode):
        return _KINDS["character_device"]
    if stat.S_ISBLK(mode):
        return _KINDS["block_device"]
    if stat.S_ISDIR(mode):
        return _KINDS["folder"]
    return _KINDS["other"]


def _field_name(loc: tuple[Any, ...]) -> str | None:
    """``("measures", 1)`` → ``measures item 2`` (第 2 项): item numbers count from 1, as editors do.

    A key that is empty or holds invisible characters is shown quoted, its characters escaped. The
    name is a :class:`Message` once it holds an item or a dot, so that each language says it its way."""
    name: str = ""
    after_item = False
    for part in loc:
        if isinstance(part, int):
            name = Message("field.item", field=name, number=part + 1)
            after_item = True
        else:
            key = str(part) if str(part).isprintable() and str(part).strip() else repr(str(part))
            joined = "field.item_key" if after_item else "field.key"
            name = Message(joined, field=name, key=key) if name else key
            after_item = False
    return name or None


TRANSLATED_ERRORS = frozenset(
    {
        "missing",
        "extra_forbidden",
        "enum",
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
        "datetime_type",
        "datetime_parsing",
        "int_parsing",
        "int_type",
        "int_from_float",
        "float_parsing",
        "float_type",
        "finite_number",
        "string_too_short",
        "too_short",
        "string_type",
        "list_type",
        "string_pattern_mismatch",
        "greater_than_equal",
        "less_than_equal",
        "bool_type",
        "bool_parsing",
        "literal_error",
        "model_type",
        "model_attributes_type",
    }
)
"""The error types of pydantic said in the site's language; another type is said in pydantic's
English. The model's own checks raise errors whose type is a key of ``messages.model``."""


def _plain_message(detail: Any, model: type[BaseModel], written: str | None = None) -> str:
    """A pydantic error in words an editor understands, with what is allowed: a :class:`Message`,
    or pydantic's own English for an error type not in :data:`TRANSLATED_ERRORS`.

    ``written`` is the value as written when YAML read it as something other than text."""
    kind = detail["type"]
    value = detail.get("input")
    ctx = detail.get("ctx") or {}
    shown = written if written is not None and isinstance(value, bool) else value
    if "." in kind:  # the model's own checks (mkdocs_rectify.messages.invalid)
        return Message(kind, **ctx)
    if kind == "missing":
        return Message("pydantic.missing")
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, tuple(detail["loc"])[:-1])
        name = str(detail["loc"][-1])
        close = difflib.get_close_matches(name, allowed, n=1)
        if close:
            return Message("pydantic.extra_forbidden_hint", close=close[0], allowed=allowed)
        return Message("pydantic.extra_forbidden", allowed=allowed)
    if kind == "enum":
        return Message("pydantic.enum", value=value, allowed=[s.value for s in Status])
    if kind in TRANSLATED_ERRORS and kind.startswith(("date_", "datetime_")):
        return Message("pydantic.date", value=shown)
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return Message("pydantic.int", value=shown)
    if kind in ("float_parsing", "float_type"):
        return Message("pydantic.float", value=shown)
    if kind == "finite_number":
        return Message("pydantic.finite_number", value=written or value)
    if kind == "string_too_short" or (kind == "string_type" and value is None):
        return Message("pydantic.empty")
    if kind == "string_type" and written is not None:
        return Message("pydantic.read_as", written=written, reading=_yaml_reading(value))
    if kind == "string_type":
        return Message("pydantic.string_type", type=_yaml_reading(value))
    if kind == "too_short":
        minimum = ctx.get("min_length", 1)
        return Message("pydantic.empty") if minimum == 1 else Message("pydantic.too_short", minimum=minimum)
    if kind == "list_type":
        return Message("pydantic.list_type")
    if kind == "string_pattern_mismatch":
        return Message("pydantic.string_pattern_mismatch", value=value)
    if kind == "greater_than_equal":
        return Message("pydantic.greater_than_equal", value=value, minimum=ctx["ge"])
    if kind == "less_than_equal":
        return Message("pydantic.less_than_equal", value=value, maximum=ctx["le"])
    if kind in ("bool_type", "bool_parsing"):
        return Message("pydantic.bool_type", value=shown)
    if kind == "literal_error":
        expected = re.findall(r"'((?:[^'\\]|\\.)*)'", str(ctx["expected"])) or [str(ctx["expected"])]
        return Message("pydantic.literal_error", value=value, expected=expected)
    if kind in ("model_type", "model_attributes_type"):
        return Message("pydantic.model_type")
    if kind == "value_error":
        return str(ctx["error"])
    return str(detail["msg"])


def _yaml_reading(value: Any) -> Message:
    if isinstance(value, list):
        return Message("reading.list")
    if isinstance(value, dict):
        return Message("reading.mapping")
    if isinstance(value, bool):
        return Message("reading.bool")
    if isinstance(value, int | float):
        return Message("reading.number")
    if isinstance(value, dt.datetime):
        return Message("reading.datetime")
    if isinstance(value, dt.date):
        return Message("reading.date")
    return Message("reading.other", type=type(value).__name__)


def _allowed_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if isinstance(current, type) else None
        if field is None:
            return []
        current = _model_in(field.annotation)
    return list(current.model_fields) if isinstance(current, type) else []


def _model_in(annotation: Any) -> Any:
    """The BaseModel class inside ``annotation`` (``Foo``, ``list[Foo]``, ``Foo | None``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
