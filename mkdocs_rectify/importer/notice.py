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
from mkdocs_rectify.importer.dates import find_dates
from mkdocs_rectify.importer.decode import decode, is_html_document, looks_like_html
from mkdocs_rectify.importer.errors import NoticeImportError
from mkdocs_rectify.importer.html import extract_article
from mkdocs_rectify.importer.layouts import Para, ParsedLayout, parse
from mkdocs_rectify.importer.metadata import (
    CONTACT_START,
    ContactInfo,
    derive_issuer,
    derive_report_id,
    is_signature,
    looks_like_title,
    parse_contact,
    parse_declared,
    parse_inspection,
    parse_metadata_line,
)
from mkdocs_rectify.importer.normalize import clean_lines, invisible_characters, normalize_punctuation
from mkdocs_rectify.importer.problems import ProblemDraft, draft_problem, number_problems
from mkdocs_rectify.importer.result import ImportedProblem, ImportResult
from mkdocs_rectify.model import (
    REPORT_ID_PATTERN,
    Contact,
    Declared,
    Inspection,
    ProblemFrontMatter,
    ReportMeta,
    Status,
    Summary,
)
from mkdocs_rectify.pages import RESERVED_IDS

__all__ = ["import_notice"]

_NO_PROBLEMS = (
    "no recognisable problem: expected headings such as 问题表现1：…, （一）…（1）关于…的问题 or "
    "一、关于…的问题, followed by 整改措施/整改情况 paragraphs"
)
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


def import_notice(data: bytes, *, source_name: str, report_id: str | None = None) -> ImportResult:
    """Read a notice (``.txt`` or ``.html`` bytes in any common encoding) into a validated result.

    Raises :class:`NoticeImportError` for input that cannot be imported; never writes anything.
    """
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
            raise NoticeImportError("no article found in the HTML page")
        text = article.text
        page_title = article.title
        dropped.extend(Dropped(0, snippet, "outside or around the article") for snippet in article.dropped)
        for line in clean_lines(article.page_text):
            parsed_line = parse_metadata_line(normalize_punctuation(line)) if line else None
            for item in parsed_line.fields if parsed_line else []:
                page_fields.setdefault(item.kind, item.value)

    invisible = invisible_characters(text)
    if invisible:
        codes = ", ".join(f"U+{ord(char):04X}" for char in sorted(set(invisible)))
        notes.append(f"removed {len(invisible)} invisible control characters ({codes})")
    kept, chrome = strip_chrome(clean_lines(text))
    dropped[:0] = chrome
    paras = [Para(number, normalize_punctuation(line)) for number, line in kept]
    if not paras:
        raise NoticeImportError("no text left once page chrome is removed")
    layout = parse(paras)
    if layout is None:
        raise NoticeImportError(_NO_PROBLEMS)
    try:
        result = _assemble(
            source_name, report_id, decoded.encoding, paras, layout, page_fields, page_title, dropped
        )
    except ValidationError as error:  # a value the model refuses, e.g. an inspection ending before it starts
        detail = error.errors()[0]
        where = ".".join(str(part) for part in detail["loc"])
        raise NoticeImportError(f"the imported data is not valid ({where}: {detail['msg']})") from None
    return replace(result, warnings=(*notes, *result.warnings))


def _check_report_id(report_id: str) -> None:
    if not re.fullmatch(REPORT_ID_PATTERN, report_id):
        raise NoticeImportError(
            f"report id {report_id!r} is not valid: use lower-case letters, digits and hyphens"
        )
    if report_id in RESERVED_IDS:
        raise NoticeImportError(
            f"report id {report_id!r} is reserved: the site uses /{report_id}/ for its own pages; "
            f"choose another with --id (reserved: {', '.join(sorted(RESERVED_IDS))})"
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
) -> ImportResult:
    warnings: list[str] = []
    derived: list[str] = []
    header = _read_header(paras[: layout.start])
    dropped.extend(header.dropped)
    trailer = paras[layout.end :]

    title = header.fields.get("title") or header.title
    if title is None and page_fields.get("title"):
        title = page_fields["title"]
        derived.append("title taken from the page around the article")
    if title is None and page_title:
        title = re.split(r"\s*[_|｜]\s*|\s+-\s+", page_title)[0].strip() or None
        if title:
            derived.append("title taken from the page (its <h1> or <title>)")
    if header.title and header.fields.get("title") and header.title != header.fields["title"]:
        header.unclassified.append(header.title)
    if not title:
        raise NoticeImportError("no title found (a line such as 中共…关于巡察整改情况的通报, or 文件名称：…)")

    signature_dates, signatures, closing = _split_signature(trailer)
    issuer = header.fields.get("issuer") or page_fields.get("issuer")
    if issuer is None:
        issuer = derive_issuer(title)
        if issuer:
            derived.append("issuer read from the title")
    if issuer is None and signatures:
        issuer = signatures[0]
        derived.append("issuer read from the signature")
    source = header.fields.get("source") or page_fields.get("source")
    if issuer is None and source:
        issuer = source
        derived.append("issuer taken from the source (来源)")
    if issuer is None:
        raise NoticeImportError(
            "cannot tell who issued the notice: no 发布机构, no title '…关于…', no signature"
        )
    for signature in signatures:
        if signature != issuer and not title.startswith(signature):
            header.unclassified.append(signature)

    published = _published(header.fields, page_fields, signature_dates, derived)
    unplaced_dates = [text for date, text in signature_dates if date != published]
    if published is None:
        every = [date for para in paras for date, _ in find_dates(para.text)]
        if not every:
            raise NoticeImportError(
                "no publication date found (成文日期, 发布日期, a date line or a dated signature)"
            )
        published = max(every)
        warnings.append(
            f"no publication date found; used the latest date in the text, {published.isoformat()}"
        )
        derived.append("published set to the latest date in the text")
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
            warnings.append(
                f"{header.keys.get(kind) or 'date line'} {value!r} is not a date; kept as unclassified"
            )

    intro_text = "\n\n".join(header.intro)
    inspection_info = parse_inspection(intro_text)
    warnings.extend(inspection_info.warnings)
    if inspection_info.lost is not None and inspection_info.lost.repaired:
        intro_text = intro_text.replace(inspection_info.lost.text, inspection_info.lost.repaired, 1)
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
    if declared is not None:
        counts = {status: 0 for status in Status}
        for draft in drafts:
            counts[draft.status] += 1
        summary = Summary(total=len(drafts), by_status=counts)
        warnings.extend(
            f"declared counts disagree with the problems found: {m}" for m in summary.mismatches(declared)
        )

    unclassified = [
        *header.unclassified,
        *layout.orphans,
        *closing_unclassified,
        *contact_info.residue,
    ]
    if unclassified:
        warnings.append(
            f"{len(unclassified)} passage(s) of the report could not be placed: see 'unclassified'"
        )
    for draft in drafts:
        if draft.unclassified:
            warnings.append(
                f"problem {draft.number}: {len(draft.unclassified)} passage(s) kept as 'unclassified'"
            )
    meta = ReportMeta(
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

    final_id = report_id or derive_report_id(issuer, published.year)
    if final_id is None or not re.fullmatch(REPORT_ID_PATTERN, final_id):
        raise NoticeImportError(f"cannot derive a report id from the issuer {issuer!r}: pass --id")
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
        article_text="\n".join(header.cleaned.get(para.line, para.text) for para in paras),
    )


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
    header = _Header()
    for para in paras:
        metadata = parse_metadata_line(para.text)
        if metadata is not None:
            for item in metadata.fields:
                if item.kind in header.fields:
                    header.unclassified.append(f"{item.key}：{item.value}" if item.key else item.value)
                else:
                    header.fields[item.kind] = item.value.strip()
                    header.keys[item.kind] = item.key
            header.unclassified.extend(metadata.residue)
            header.dropped.extend(Dropped(para.line, token, why) for token, why in metadata.dropped)
            header.cleaned[para.line] = metadata.text
            continue
        if header.title is None and not header.intro and looks_like_title(para.text):
            header.title = para.text
            continue
        header.intro.append(para.text)
    return header


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
        (page_fields, "written", "published read from the page around the article"),
        (page_fields, "published", "published read from the page around the article"),
    ):
        value = source.get(key)
        found = find_dates(value) if value else []
        if found:
            if note:
                derived.append(note)
            return found[0][0]
    if signature_dates:
        derived.append("published read from the dated signature")
        return signature_dates[0][0]
    return None


def _read_closing(lines: list[str]) -> tuple[ContactInfo, list[str]]:
    """Contact details from the first line that opens them; anything before stays unclassified."""
    for index, line in enumerate(lines):
        if CONTACT_START.match(line) or re.search(r"联系电话|电子邮箱|邮政编码", line):
            return parse_contact(lines[index:]), lines[:index]
    return ContactInfo(), list(lines)
