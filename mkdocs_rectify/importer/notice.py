"""The import pipeline: bytes of a notice in, an :class:`ImportResult` out.

decode → (HTML: article) → lines → chrome removed → punctuation normalised → layout → header
(title, date line, disclosure block, intro) and closing part (contact, signature) → models.
Every paragraph ends up in a field, the intro, the contact note or an ``unclassified`` list.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from pydantic import ValidationError

from mkdocs_rectify.importer.chrome import Dropped, strip_chrome
from mkdocs_rectify.importer.dates import find_dates, repair_lost_dates
from mkdocs_rectify.importer.decode import decode, is_html_document, looks_like_html
from mkdocs_rectify.importer.errors import NoticeImportError
from mkdocs_rectify.importer.html import extract_article
from mkdocs_rectify.importer.layouts import UNRECOGNISED, Para, ParsedLayout, match_label, numbered, parse
from mkdocs_rectify.importer.messages import Fields, Note
from mkdocs_rectify.importer.metadata import (
    CONTACT_START,
    ContactInfo,
    HeaderField,
    derive_issuer,
    derive_report_id,
    find_title,
    is_signature,
    parse_contact,
    parse_declared,
    parse_inspection,
    parse_metadata_line,
)
from mkdocs_rectify.importer.normalize import clean_lines, invisible_characters, normalize_punctuation
from mkdocs_rectify.importer.problems import ProblemDraft, draft_problem, number_problems
from mkdocs_rectify.importer.result import ImportedProblem, ImportResult
from mkdocs_rectify.importer.status import is_bare_status
from mkdocs_rectify.model import (
    REPORT_ID_PATTERN,
    Contact,
    Declared,
    Inspection,
    ProblemFrontMatter,
    ReportMeta,
    Status,
    Summary,
    slugify_report_id,
)
from mkdocs_rectify.pages import RESERVED_IDS

__all__ = ["Given", "import_notice"]


@dataclass(frozen=True)
class Given:
    """Values an editor supplies for what the capture lacks (``--title``, ``--issuer``, ``--published``);
    a given value wins over the one read from the notice."""

    title: str | None = None
    issuer: str | None = None
    published: dt.date | None = None

    def items(self) -> list[tuple[str, str]]:
        """(field, value as given) of each value given."""
        values = (("title", self.title), ("issuer", self.issuer), ("published", self.published))
        return [(name, str(value)) for name, value in values if value is not None]


_DATE_ONLY = re.compile(
    r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇○零一二三四五六七八九十]+年[一二三四五六七八九十]+月[一二三四五六七八九十]+日"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*$"
)


@dataclass
class _Header:
    fields: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    """Field kind → the key it was written with (``成文日期``), empty for a bare leading date."""
    title: str | None = None
    intro: list[str] = field(default_factory=list)
    unclassified: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    cleaned: dict[int, str] = field(default_factory=dict)
    """Line number → the metadata line without the dropped toolbar words and time of day."""
    removed: set[int] = field(default_factory=set)
    """Line numbers of page chrome found around the title (a column name, a slogan)."""


def import_notice(
    data: bytes, *, source_name: str, report_id: str | None = None, given: Given | None = None
) -> ImportResult:
    """Read a notice (``.txt`` or ``.html`` bytes in any common encoding) into a validated result.

    What is there is imported: a notice whose problems are not (all) recognised, or that lacks a
    title, issuer or date, becomes a draft (``draft: true``) with every field that was found and the
    rest of its text as ``unclassified``. Raises :class:`NoticeImportError` only for input that holds
    no notice at all (empty, binary, nothing but page chrome); never writes anything.
    """
    given = given or Given()
    if report_id is not None:
        _check_report_id(report_id)
    is_html = _is_html(source_name, data)
    decoded = decode(data, html=is_html)
    notes = list(decoded.notes)
    page_fields: dict[str, str] = {}
    page_title: str | None = None
    dropped: list[Dropped] = []
    text = decoded.text
    if is_html:
        article = extract_article(decoded.text)
        if article is None:
            raise NoticeImportError(Note("error_no_article"))
        text = article.text
        page_title = article.title
        dropped.extend(Dropped(0, snippet, "outside or around the article") for snippet in article.dropped)
        page_fields = _page_fields(clean_lines(article.page_text))

    invisible = invisible_characters(text)
    if invisible:
        codes = ", ".join(f"U+{ord(char):04X}" for char in sorted(set(invisible)))
        notes.append(Note("invisible", count=len(invisible), codes=codes))
    kept, chrome = strip_chrome(clean_lines(text))
    dropped[:0] = chrome
    paras = []
    for number, line in kept:
        repaired, repairs = repair_lost_dates(normalize_punctuation(line))
        notes.extend(Note("at_line", line=number, message=repair) for repair in repairs)
        paras.append(Para(number, repaired))
    if not paras:
        raise NoticeImportError(Note("error_no_text"))
    layout = parse(paras) or _unrecognised(paras)
    try:
        result = _assemble(
            source_name, report_id, decoded.encoding, paras, layout, page_fields, page_title, dropped, given
        )
    except ValidationError as error:  # a value the model refuses, e.g. an inspection ending before it starts
        detail = error.errors()[0]
        where = ".".join(str(part) for part in detail["loc"])
        raise NoticeImportError(Note("error_invalid", where=where, detail=detail["msg"])) from None
    return replace(result, warnings=(*notes, *result.warnings))


def _problem_like(text: str) -> bool:
    """Whether a paragraph reads like the heading of a problem (``（一）…``, ``1.关于…问题``, ``问题1``)."""
    heading = numbered(text)
    return (heading is not None and (heading[0] > 0 or "问题" in heading[2])) or bool(
        re.match(r"^问题\s*\d", text)
    )


_INTRO_GROUP = re.compile(
    r"整改(?:工作)?(?:基本|总体|组织)?情况|工作开展情况|(?:基本|总体)情况|组织(?:领导|实施)情况"
)
"""Sections about how the body organised its work (prose, no problems): they belong to the intro."""


def _unrecognised(paras: list[Para]) -> ParsedLayout:
    """A notice whose problems are not recognised: the header (title, metadata, the paragraph that
    introduces the inspection, and sections such as 一、整改工作基本情况) and the closing part are read
    as usual; what lies between is kept, in order, as unclassified. A round-level summary (counts
    stated, nothing that looks like a problem) is all intro."""
    end = len(paras)
    for index in range(1, len(paras)):
        if CONTACT_START.match(paras[index].text) and match_label(paras[index].text) is None:
            end = index
            break
    while end > 1 and (is_signature(paras[end - 1].text) or _DATE_ONLY.match(paras[end - 1].text)):
        end -= 1
    start = 0
    for index, para in enumerate(paras[:end]):
        if (
            re.search(r"巡察|巡视", para.text)
            and len(para.text) > 40
            and parse_metadata_line(para.text) is None
        ):
            start = index + 1
            break
    else:
        found = find_title([para.text for para in paras[:end]])
        start = found.index + found.count if found else 0
    while start < end:  # 一、整改工作基本情况 and its prose
        heading = numbered(paras[start].text)
        if heading is None or not _INTRO_GROUP.search(heading[2]):
            break
        start += 1
        while start < end and numbered(paras[start].text) is None:
            start += 1
    body = paras[start:end]
    declared = parse_declared("\n".join(para.text for para in paras[:end]))
    if declared.get("total") is not None and not any(_problem_like(para.text) for para in body):
        start, body = end, []
    return ParsedLayout(UNRECOGNISED, [], start, end, [para.text for para in body])


def _page_fields(lines: list[str]) -> dict[str, str]:
    """The disclosure block of an HTML page around the article (a value may be on the line after its key)."""
    found: dict[str, str] = {}
    pending: HeaderField | None = None
    for line in (normalize_punctuation(line) for line in lines if line):
        parsed = parse_metadata_line(line)
        if pending is not None and parsed is None and len(line) <= 100:
            found.setdefault(pending.kind, line)
        for item in parsed.fields if parsed else []:
            found.setdefault(item.kind, item.value)
        pending = parsed.pending if parsed else None
    return found


def _check_report_id(report_id: str) -> None:
    if not re.fullmatch(REPORT_ID_PATTERN, report_id):
        raise NoticeImportError(Note("error_bad_id", id=report_id))
    if report_id in RESERVED_IDS:
        raise NoticeImportError(
            Note("error_reserved_id", id=report_id, reserved=", ".join(sorted(RESERVED_IDS)))
        )


def _is_html(source_name: str, data: bytes) -> bool:
    name = source_name.lower()
    if name.endswith((".html", ".htm", ".shtml", ".xhtml")):
        return True
    if name.endswith(".txt"):
        return is_html_document(data)  # a page saved under the wrong name
    return looks_like_html(data)


def _assemble(
    source_name: str,
    report_id: str | None,
    encoding: str,
    paras: list[Para],
    layout: ParsedLayout,
    page_fields: dict[str, str],
    page_title: str | None,
    dropped: list[Dropped],
    given: Given,
) -> ImportResult:
    warnings: list[str] = []
    derived: list[str] = []
    header = _read_header(paras[: layout.start])
    dropped.extend(header.dropped)
    trailer = paras[layout.end :]

    title = given.title or header.fields.get("title") or header.title
    if title is None and page_fields.get("title"):
        title = page_fields["title"]
        derived.append(Note("title_around"))
    if title is None and page_title:
        title = re.split(r"\s*[_|｜]\s*|\s+-\s+", page_title)[0].strip() or None
        if title:
            derived.append(Note("title_page"))
    for found in (header.title, header.fields.get("title")):
        if found and found != title and found not in header.unclassified:
            header.unclassified.append(found)

    signature_dates, signatures, closing = _split_signature(trailer)
    issuer = given.issuer or header.fields.get("issuer") or page_fields.get("issuer")
    if issuer is None and title:
        issuer = derive_issuer(title)
        if issuer:
            derived.append(Note("issuer_title"))
    if issuer is None and signatures:
        issuer = signatures[0]
        derived.append(Note("issuer_signature"))
    source = header.fields.get("source") or page_fields.get("source")
    if issuer is None and source:
        issuer = source
        derived.append(Note("issuer_source"))
    for signature in signatures:
        if signature not in (issuer, source) and not (title or "").startswith(signature):
            header.unclassified.append(signature)

    published = given.published or _published(header.fields, page_fields, signature_dates, derived)
    unplaced_dates = [text for date, text in signature_dates if date != published]
    header.unclassified.extend(unplaced_dates)
    for kind in ("written", "published"):
        value = header.fields.get(kind)
        if value is None:
            continue
        found = find_dates(value)
        rest = value[: found[0][1][0]] + value[found[0][1][1] :] if found else value
        if not found or found[0][0] != published or rest.strip(" ，,。"):
            key = header.keys.get(kind)
            header.unclassified.append(f"{key}：{value}" if key else value)
        if not found:
            warnings.append(Note("not_a_date", key=header.keys.get(kind) or "日期", value=value))

    intro_text = "\n\n".join(header.intro)
    inspection_info = parse_inspection(intro_text)
    warnings.extend(inspection_info.warnings)
    period = inspection_info.period
    inspection = Inspection(
        body=inspection_info.body,
        start=period.start if period else None,
        end=period.end if period else None,
        feedback=inspection_info.feedback,
    )

    contact_info, closing_unclassified = _read_closing(closing)
    contact = Contact(
        phone=contact_info.phone,
        address=contact_info.address,
        postcode=contact_info.postcode,
        email=contact_info.email,
        note="\n\n".join(contact_info.note_parts) or None,
    )

    numbers, numbering_warnings = number_problems(layout.problems)
    warnings.extend(numbering_warnings)
    drafts = [
        draft_problem(raw, number, layout.name) for raw, number in zip(layout.problems, numbers, strict=True)
    ]
    for draft in drafts:
        warnings.extend(draft.warnings)

    declared_values = parse_declared("\n".join([*(para.text for para in paras[: layout.start]), *closing]))
    declared = Declared.model_validate(declared_values) if declared_values else None
    if declared is not None and drafts:
        counts = {status: 0 for status in Status}
        for draft in drafts:
            counts[draft.status] += 1
        summary = Summary(total=len(drafts), by_status=counts)
        warnings.extend(Note("declared", detail=detail) for detail in summary.mismatches(declared))

    unclassified = [
        *header.unclassified,
        *layout.orphans,
        *closing_unclassified,
        *contact_info.residue,
    ]
    if not drafts and layout.orphans:
        warnings.append(Note("no_problems"))
    elif unclassified:
        warnings.append(Note("unplaced", count=len(unclassified)))
    for draft in drafts:
        if draft.unclassified:
            warnings.append(Note("problem_unclassified", number=draft.number, count=len(draft.unclassified)))
    missing = [
        name for name, value in (("title", title), ("issuer", issuer), ("published", published)) if not value
    ]
    if missing:
        options = " ".join(f"--{name}" for name in missing)
        warnings.append(Note("missing", fields=Fields(missing), options=options))
    partial = _cut_off(paras, layout)
    if partial:
        warnings.append(Note("cut_off", tail=partial))
    short = declared is not None and declared.total is not None and 0 < len(drafts) < declared.total
    summary_report = not drafts and not layout.orphans and declared is not None and declared.total is not None
    draft = bool(missing or partial or short or (not drafts and not summary_report))
    if draft:
        warnings.append(Note("draft"))
    derived.extend(
        Note("given", field=Fields((name,)), option=name, value=value) for name, value in given.items()
    )
    meta = ReportMeta(
        draft=draft,
        title=title,
        issuer=issuer,
        source=source,
        published=published,
        index_number=header.fields.get("index_number") or page_fields.get("index_number"),
        disclosure=header.fields.get("disclosure") or page_fields.get("disclosure"),
        inspection=inspection,
        intro=intro_text,
        contact=contact,
        declared=declared,
        unclassified=[item for item in unclassified if item.strip()],
    )
    problems = tuple(_validated(draft) for draft in drafts)

    final_id = report_id or _report_id(issuer or title, published, source_name)
    if final_id is None or not re.fullmatch(REPORT_ID_PATTERN, final_id):
        raise NoticeImportError(Note("error_no_id", name=issuer or title or source_name))
    _check_report_id(final_id)
    return ImportResult(
        source_name=source_name,
        report_id=final_id,
        meta=meta,
        problems=problems,
        layout=layout.name,
        encoding=encoding,
        dropped=tuple(sorted(dropped, key=lambda item: item.line)),
        warnings=tuple(warnings),
        derived=tuple(derived),
        article_text="\n".join(
            header.cleaned.get(para.line, para.text) for para in paras if para.line not in header.removed
        ),
    )


def _report_id(name: str | None, published: dt.date | None, source_name: str) -> str | None:
    """Initials of the issuer (or title) and the year; the source file's name when neither is known."""
    stem = derive_report_id(name, published.year if published else 0) if name else None
    if stem is not None:
        return stem if published else stem.removesuffix("-0")
    fallback = slugify_report_id(source_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]) or "notice"
    return f"{fallback}-{published.year}" if published else fallback


_CLOSING_KEY = re.compile(r"联系电话|联系人|电子邮箱|电子信箱|邮政编码|邮编|地址|电话|传真|邮箱")
_SENTENCE_END = re.compile(r"[。！？!?；;…]$|[。！？!?][”’」』）)]$")


def _cut_off(paras: list[Para], layout: ParsedLayout) -> str | None:
    """The last words of a notice that stops mid-sentence after its problems began (a partial capture):
    neither a closing (contact, signature, date) nor the end of a sentence, a status or a label."""
    if not layout.problems:
        return None
    last = paras[-1].text
    if (
        len(last) < 8
        or _SENTENCE_END.search(last)
        or is_bare_status(last)
        or (match_label(last) is not None and len(last) < 16)
        or (layout.end < len(paras) and (CONTACT_START.match(last) or _CLOSING_KEY.search(last)))
        or is_signature(last)
        or _DATE_ONLY.match(last)
    ):
        return None
    return last[-20:]


def _validated(draft: ProblemDraft) -> ImportedProblem:
    front_matter = ProblemFrontMatter(
        number=draft.number,
        title=draft.title,
        status=draft.status,
        category=draft.category,
        units=draft.units,
        deadline=draft.deadline,
        completed_on=draft.completed_on,
        measures=draft.measures,
        results=draft.results,
        next_steps=draft.next_steps,
        unclassified=draft.unclassified,
    )
    return ImportedProblem(front_matter, draft.statement)


def _read_header(paras: list[Para]) -> _Header:
    """Title, metadata (a key may have its value on the next line) and intro; page chrome found
    before the title (a column name, a slogan) is dropped, other text there is unclassified."""
    header = _Header()
    lines: dict[int, tuple[str, HeaderField]] = {}  # index → ("value", field) of a value on its own line
    pending: HeaderField | None = None
    for index, para in enumerate(paras):
        metadata = parse_metadata_line(para.text)
        if pending is not None and metadata is None and len(para.text) <= 100 and "。" not in para.text:
            lines[index] = ("value", pending)
        pending = metadata.pending if metadata is not None else None
    candidates = [index for index in range(len(paras)) if index not in lines]
    found = find_title([paras[index].text for index in candidates])
    title_at = candidates[found.index] if found else None
    title_lines = set(candidates[found.index : found.index + found.count]) if found else set()

    for index, para in enumerate(paras):
        if index in lines:
            kind, item = lines[index][1].kind, lines[index][1]
            _add_field(header, HeaderField(kind, item.key, para.text))
            continue
        if found is not None and index == title_at:
            header.title = found.title
            if found.tag:
                header.dropped.append(Dropped(para.line, found.tag, "column tag before the title"))
                header.cleaned[para.line] = para.text.replace(found.tag, "", 1).strip()
            continue
        if index in title_lines:
            continue
        metadata = parse_metadata_line(para.text)
        if metadata is not None:
            for item in metadata.fields:
                _add_field(header, item)
            header.unclassified.extend(metadata.residue)
            header.dropped.extend(Dropped(para.line, token, why) for token, why in metadata.dropped)
            header.cleaned[para.line] = metadata.text
            continue
        if title_at is not None and index < title_at:
            why = _chrome_before_title(para.text)
            if why:
                header.dropped.append(Dropped(para.line, para.text, why))
                header.removed.add(para.line)
            else:
                header.unclassified.append(para.text)
            continue
        header.intro.append(para.text)
    return header


def _add_field(header: _Header, item: HeaderField) -> None:
    if item.kind in header.fields:
        header.unclassified.append(f"{item.key}：{item.value}" if item.key else item.value)
    else:
        header.fields[item.kind] = item.value.strip()
        header.keys[item.kind] = item.key


_SLOGAN = re.compile(r"^[“\"「『][^”\"」』]{2,30}[”\"」』]$")
_COLUMN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,12}$")


def _chrome_before_title(text: str) -> str | None:
    """Why a line above the title is page chrome: a slogan in quotes, or a column name on its own."""
    if _SLOGAN.match(text):
        return "slogan above the title"
    if _COLUMN_NAME.match(text):
        return "column name above the title"
    return None


def _split_signature(trailer: list[Para]) -> tuple[list[tuple[dt.date, str]], list[str], list[str]]:
    """Dated and named signature lines at the end, and the closing text before them."""
    dates: list[tuple[dt.date, str]] = []
    names: list[str] = []
    closing: list[str] = []
    for para in trailer:
        if _DATE_ONLY.match(para.text):
            found = find_dates(para.text)
            if found:
                dates.append((found[0][0], para.text))
                continue
        if is_signature(para.text):
            names.append(para.text)
            continue
        closing.append(para.text)
    return dates, names, closing


def _published(
    fields: dict[str, str],
    page_fields: dict[str, str],
    signature_dates: list[tuple[dt.date, str]],
    derived: list[str],
) -> dt.date | None:
    for source, key, note in (
        (fields, "written", None),
        (fields, "published", None),
        (page_fields, "written", Note("published_around")),
        (page_fields, "published", Note("published_around")),
    ):
        value = source.get(key)
        found = find_dates(value) if value else []
        if found:
            if note:
                derived.append(note)
            return found[0][0]
    if signature_dates:
        derived.append(Note("published_signature"))
        return signature_dates[0][0]
    return None


def _read_closing(lines: list[str]) -> tuple[ContactInfo, list[str]]:
    """Contact details from the first line that opens them; anything before stays unclassified."""
    for index, line in enumerate(lines):
        if CONTACT_START.match(line) or re.search(r"联系电话|电子邮箱|邮政编码", line):
            return parse_contact(lines[index:]), lines[:index]
    return ContactInfo(), list(lines)
