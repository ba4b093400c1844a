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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mkdocs_rectify import clock
from mkdocs_rectify.locale import Locale
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

REPORT_FILE = "report.yml"
MAX_FILE_BYTES = 2_000_000
"""A problem or report file larger than this is refused (a notice of 17 problems is ~45 kB)."""


@dataclass(frozen=True, order=True)
class ContentError:
    """One thing wrong with the content, in a form a person can act on."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}"


class ContentErrors(Exception):
    """The content has errors; :attr:`errors` lists all of them."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.path, e.line or 0, e.field or ""))
        super().__init__(self.render())

    def render(self, locale: Locale | None = None) -> str:
        """Every error on a line of its own, under a line saying how many, in ``locale`` (English)."""
        count = len(self.errors)
        head = (locale or Locale("en")).t("cli.errors_one" if count == 1 else "cli.errors_other", count=count)
        return "\n".join([head, *(f"  {error}" for error in self.errors)])


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
    """Valid but needs a person's attention; MkDocs' strict mode and ``validate --strict`` fail on them."""
    notes: list[str]
    """Worth knowing but often deliberate, such as a draft folder left out; never a failure."""


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

    def error(self, path: Path, message: str, *, line: int | None = None, field: str | None = None) -> None:
        self.errors.append(ContentError(display_path(path), line, field, message))

    def warn(self, path: Path, message: str, *, line: int | None = None, field: str | None = None) -> None:
        self.warnings.append(str(ContentError(display_path(path), line, field, message)))

    def note(self, path: Path, message: str) -> None:
        self.notes.append(f"{display_path(path)}: {message}")

    def load(self) -> Site:
        if not self.root.is_dir():
            self.error(self.root, "the content directory does not exist")
            return Site(reports=[])
        folders = []
        for entry in self._entries(self.root):
            kind = file_kind(entry)
            if entry.name.startswith((".", "_")):
                self.note(entry, _LEFT_OUT)
            elif kind != "folder":
                what = "" if kind == "file" else f"{kind}, "
                self.warn(entry, f"skipped: {what}not a report folder (a folder holding {REPORT_FILE})")
            else:
                folders.append(entry)
        reports = [report for folder in folders if (report := self._load_report(folder))]
        if not folders:
            self.error(self.root, f"no reports: add a folder <report-id>/ holding {REPORT_FILE}")
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
                    self.error(path, f"{former!r} is reserved: the site uses /{former}/", field="former_ids")
                elif former not in owners:
                    owners[former] = report.id
                elif owners[former] == "":
                    self.error(
                        path,
                        f"{former!r} is the id of a report ({former}/); a former id leads to this report, "
                        "so no report may have it now",
                        field="former_ids",
                    )
                else:
                    self.error(
                        path,
                        f"{former!r} is also a former id of {owners[former]}/{REPORT_FILE}; "
                        "an old address can lead to one report only",
                        field="former_ids",
                    )

    def _entries(self, folder: Path) -> list[Path]:
        try:
            return sorted(folder.iterdir())
        except OSError as error:
            self.error(folder, f"cannot be read: {error.strerror}")
            return []

    def _load_report(self, folder: Path) -> Report | None:
        ok = self._check_id(folder)
        report_file: Path | None = None
        problem_files: list[Path] = []
        for entry in self._entries(folder):
            name, kind = entry.name, file_kind(entry)
            suffix = entry.suffix
            if name.startswith((".", "_")):
                self.note(entry, _LEFT_OUT)
            elif name == REPORT_FILE or suffix == ".md":
                if kind != "file":
                    self.error(entry, f"is {'a folder' if kind == 'folder' else kind}, not a regular file")
                elif name == REPORT_FILE:
                    report_file = entry
                else:
                    problem_files.append(entry)
            elif suffix.lower() in _MARKDOWN_SUFFIXES:
                self.error(entry, f"problem files end in .md (lower case): rename it {entry.stem}.md")
                problem_files.append(entry)  # counted, so that the report is not also said to have none
            elif kind == "folder":
                self.warn(entry, "skipped: sub-folders are not read; problem files go in the report folder")
            elif kind != "file":
                self.warn(entry, f"skipped: {kind}")
            else:
                hint = f" (did you mean {REPORT_FILE}?)" if name.lower() in _REPORT_FILE_TYPOS else ""
                self.warn(entry, f"skipped: only {REPORT_FILE} and problem files (*.md) are read{hint}")
        meta: ReportMeta | None = None
        if report_file is None:
            if not (folder / REPORT_FILE).exists():
                self.error(folder, f"missing {REPORT_FILE} (the report's title, issuer and dates)")
        else:
            meta = self._load_meta(report_file)
        problems = [
            p for f in problem_files if f.suffix == ".md" and (p := self._load_problem(f, folder.name, meta))
        ]
        if not problem_files and not (meta is not None and (meta.draft or meta.states_counts)):
            self.error(
                folder,
                "the report has no problem files (*.md); a report that only states counts gives them "
                "under declared.total, and an unfinished import is marked draft: true",
            )
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
                    self.error(
                        path,
                        f"{former} is the number of a problem of this report now; a former number leads "
                        "to this problem, so no problem of the report may have it",
                        field="former_numbers",
                    )
                elif owner is not problem:
                    self.error(
                        path,
                        f"{former} is also a former number of {display_path(self.root / owner.source_path)}; "
                        "an old address can lead to one problem only",
                        field="former_numbers",
                    )

    def _check_id(self, folder: Path) -> bool:
        name = folder.name
        if not re.fullmatch(REPORT_ID_PATTERN, name):
            self.error(
                folder,
                f"folder name {name!r} cannot be a report id: use lower-case letters a-z, "
                "digits and hyphens (it appears in every URL of the report)",
            )
            return False
        if name in RESERVED_IDS:
            self.error(
                folder,
                f"report id {name!r} is reserved: the site uses /{name}/ for its own pages; rename the "
                f"folder (reserved: {', '.join(sorted(RESERVED_IDS))})",
            )
            return False
        return True

    def _warn(self, report: Report, report_file: Path) -> None:
        if report.meta.draft:
            missing = report.missing
            what = (
                f"missing {', '.join(missing)} (shown as 待补充); fill them in, then remove draft: true"
                if missing
                else "marked draft: true; remove it once the report is checked"
            )
            self.warnings.append(f"{display_path(report_file)}: draft: {what}")
        listed = report.problems or report.withdrawn_problems  # a round-level summary lists none
        if report.meta.declared is not None and report.meta.published is not None and listed:
            published = report.meta.published
            every = [*report.problems, *report.withdrawn_problems]  # as the notice published them
            as_published = Summary.of_statuses([status_on(p, published) for p in every])
            for mismatch in as_published.mismatches(report.meta.declared):
                self.warnings.append(f"{display_path(report_file)}: declared: {mismatch}")
        if report.meta.unclassified:
            self.warnings.append(
                f"{display_path(report_file)}: unclassified: {len(report.meta.unclassified)} "
                "block(s) of text are not in any field; they are shown on the report page"
            )
        for problem in report.problems:
            if problem.unclassified:
                self.warnings.append(
                    f"{display_path(self.root / problem.source_path)}: unclassified: "
                    f"{len(problem.unclassified)} block(s) of text are not in any section; "
                    "they are shown on the problem page"
                )

    def _read(self, path: Path) -> str | None:
        # Opened without blocking and checked again once open: a file replaced by a named pipe since
        # the folder was listed must not stall the build.
        try:
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(descriptor, "rb") as stream:
                mode = os.fstat(stream.fileno()).st_mode
                if not stat.S_ISREG(mode):
                    self.error(path, f"is {_kind_of_mode(mode)}, not a regular file")
                    return None
                data = stream.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            self.error(path, f"cannot be read: {error.strerror}")
            return None
        if len(data) > MAX_FILE_BYTES:
            size = max(len(data), path.stat().st_size)
            self.error(path, f"is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            self.error(path, "is not UTF-8 text; save it as UTF-8", line=line)
            return None

    def _load_meta(self, path: Path) -> ReportMeta | None:
        text = self._read(path)
        if text is None:
            return None
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
                f"{meta.withdrawn.date} is after the build date ({self.build_date}): it has not happened yet",
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
        text, marks = _without_invisible(text)
        parts = split_front_matter(text)
        if parts is None:
            self._report_invisible(path, marks, None, yaml_end=0)
            self.error(
                path,
                "no front-matter: the file must start with a line '---', then the fields "
                "(number, title, status, …), then another '---' line",
                line=1,
            )
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
            self.error(
                path,
                "the problem statement (问题表现) is empty: write it as Markdown after the front-matter",
                line=body_line,
            )
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
            what = (
                "which reorders the text a reader sees"
                if char in _BIDI_CONTROLS
                else "an invisible control character"
            )
            self.error(path, f"holds U+{ord(char):04X}, {what}; remove it", line=line, field=field)

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
                self.warn(
                    path,
                    f"looks like a {finding.kind} ({finding.masked}): personal information must not be "
                    "published (《政府信息公开条例》); remove it, or if it is not personal information, "
                    "list it under privacy_reviewed",
                    line=line,
                    field=field,
                )

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
                problems.append(f"{day} is after the build date ({self.build_date}): it has not happened yet")
            if loc == ("completed_on",) and start is not None and day < start:
                began = f"({start}, inspection.start in {REPORT_FILE})"
                problems.append(f"{day} is before the inspection began {began}")
            for message in problems:
                self.error(path, message, line=located.line_of(loc), field=_field_name(loc))

    def _parse_yaml(self, path: Path, text: str, offset: int) -> Located | None:
        try:
            located = load_located(text, line_offset=offset)
        except YamlProblem as problem:
            self.error(path, problem.message, line=problem.line)
            return None
        for problem in located.problems:
            self.error(path, problem.message, line=problem.line)
        if located.problems:
            return None
        if not isinstance(located.data, dict):
            self.error(path, "must hold YAML fields (key: value)", line=located.start_line)
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
                self.error(
                    self.root / problem.source_path,
                    f"number {problem.number} is also used by {display_path(self.root / first.source_path)}; "
                    "numbers must be unique within a report",
                    field="number",
                )


def newest_first(report: Report) -> tuple[int, str]:
    """Sort key of reports: the newest first, then by id; a draft without a date last."""
    return (-report.sort_date.toordinal(), report.id)


_LEFT_OUT = "left out: names starting with '.' or '_' are not published (a way to keep drafts out)"
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
        return "a broken link" if path.is_symlink() else "unreadable"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    return _kind_of_mode(mode)


def _kind_of_mode(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _field_name(loc: tuple[Any, ...]) -> str | None:
    """``("measures", 1)`` → ``measures item 2``: item numbers count from 1, as editors do.

    A key that is empty or holds invisible characters is shown quoted, its characters escaped."""
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f" item {part + 1}"
        else:
            key = str(part) if str(part).isprintable() and str(part).strip() else repr(str(part))
            name += f".{key}" if name else key
    return name or None


def _plain_message(detail: Any, model: type[BaseModel], written: str | None = None) -> str:
    """A pydantic error in words an editor understands, with what is allowed.

    ``written`` is the value as written when YAML read it as something other than text."""
    kind = detail["type"]
    value = detail.get("input")
    shown = repr(written) if written is not None and isinstance(value, bool) else repr(value)
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, tuple(detail["loc"])[:-1])
        name = str(detail["loc"][-1])
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown field{hint}; allowed fields: {', '.join(allowed)}"
    if kind == "enum":
        return f"{value!r} is not a status; use one of: {', '.join(s.value for s in Status)}"
    if kind.startswith(("date_", "datetime_")):
        return f"{shown} is not a date; write it as YYYY-MM-DD, e.g. 2022-03-22"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{shown} is not a whole number"
    if kind in ("float_parsing", "float_type"):
        return f"{shown} is not a number"
    if kind == "finite_number":
        return f"{written or value!r} is not a finite number; write the figure, or leave the field out"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_type" and value is None:
        return "must not be empty"
    if kind == "string_type" and written is not None:
        return f"{written!r} is read as {_yaml_reading(value)}; put it in quotes if it is text"
    if kind == "string_type":
        return f"must be text, not {type(value).__name__}"
    if kind == "list_type":
        return "must be a list (lines starting with '- ')"
    if kind == "string_pattern_mismatch":
        return f"{value!r} is not valid here"
    if kind == "greater_than_equal":
        return f"{value!r} is too small (minimum {detail['ctx']['ge']})"
    if kind == "value_error":
        return str(detail["ctx"]["error"])
    return str(detail["msg"])


def _yaml_reading(value: Any) -> str:
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.datetime):
        return "a date and time"
    return "a date" if isinstance(value, dt.date) else f"a {type(value).__name__}"


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
