"""Bytes to text: the encoding is detected, never asked for.

Order: a byte-order mark; for HTML a declared ``charset``; strict UTF-8; GB18030 (a superset of
GBK and GB2312) when the result is plausible Chinese text. Anything else is refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from mkdocs_rectify.importer.errors import NoticeImportError
from mkdocs_rectify.importer.messages import Note

__all__ = ["Decoded", "decode", "is_html_document", "looks_like_html"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(
    rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<!--|<div|<p[\s>]|<table|<article|<section)",
    re.IGNORECASE,
)
_HTML_DOCUMENT = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_HTML_TAGS = re.compile(rb"<(?:p|div|br|span|td|table|body|html)[\s>/]", re.IGNORECASE)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")
_GB_PLAUSIBLE = 0.97
"""Share of the characters of a GB18030 reading that must be common (GB2312) text."""


_NOT_PAGE_ENCODINGS = frozenset(
    {"utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}
)
"""Python text codecs that no web page is written in; a page declaring one is detected instead."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    """The codec that read the bytes, e.g. ``utf-8``, ``utf-8-sig``, ``gb18030``."""
    notes: tuple[str, ...] = ()
    """What the import report should say about the encoding, e.g. a declaration that was ignored."""


def looks_like_html(data: bytes) -> bool:
    """Whether the bytes start like an HTML document or fragment (or carry several HTML tags)."""
    head = data[:4096].lstrip(codecs.BOM_UTF8)
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3


def is_html_document(data: bytes) -> bool:
    """Whether the bytes are a whole HTML document (``<!DOCTYPE html>`` or ``<html>`` first)."""
    return bool(_HTML_DOCUMENT.match(data[:1024].lstrip(codecs.BOM_UTF8)))


def decode(data: bytes, *, html: bool = False) -> Decoded:
    """Decode ``data``; raise :class:`NoticeImportError` when it is empty, binary or of unknown encoding."""
    if not data.strip():
        raise NoticeImportError(Note("error_empty"))
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data, codec), codec)
    notes: tuple[str, ...] = ()
    if html:
        declared, note = _declared_charset(data)
        notes = (note,) if note else ()
        if declared is not None:
            try:
                return _checked(data.decode(declared), declared)
            except UnicodeError:
                pass  # a wrong declaration is common; detect instead
    detected = _detect(data)
    return Decoded(detected.text, detected.encoding, notes)


def _detect(data: bytes) -> Decoded:
    if b"\x00" in data:
        raise NoticeImportError(Note("error_binary"))
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise NoticeImportError(Note("error_encoding")) from None
    if not _plausible_chinese(text):
        raise NoticeImportError(Note("error_encoding"))
    return _checked(text, "gb18030")


def _strict(data: bytes, codec: str) -> str:
    """``data`` decoded with ``codec``, which its byte-order mark names."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise NoticeImportError(Note("error_bom", codec=codec)) from error


def _declared_charset(data: bytes) -> tuple[str | None, str | None]:
    """The codec a page declares in ``<meta charset>``, and a note when the declaration is ignored."""
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None, None
    written = match.group(1).decode("ascii", "replace")
    name = written.lower()
    if name in {"gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936"}:
        name = "gb18030"  # what browsers do: GB18030 is a superset of both
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None, f"the page declares charset={written}, an unknown encoding; it was detected instead"
    if codec in _NOT_PAGE_ENCODINGS or not _is_text_encoding(codec):
        return None, (
            f"the page declares charset={written}, which is not a text encoding of web pages; "
            "the encoding was detected instead"
        )
    return codec, None


def _is_text_encoding(codec: str) -> bool:
    """Whether ``codec`` turns bytes into text (base64, hex, zlib and rot13 transform bytes or text)."""
    try:
        b"x".decode(codec)  # not b"": empty input is decoded without asking the codec
    except UnicodeDecodeError:
        return True  # a text encoding that cannot read this byte alone (UTF-16)
    except (LookupError, UnicodeError, TypeError, ValueError):
        return False
    return True


def _checked(text: str, encoding: str) -> Decoded:
    if not text.strip():
        raise NoticeImportError(Note("error_empty"))
    controls = sum(1 for char in text if (char < " " and char not in _ALLOWED_CONTROLS) or char == "\x7f")
    if controls > max(2, len(text) // 200):
        raise NoticeImportError(Note("error_binary"))
    return Decoded(text, encoding)


def _plausible_chinese(text: str) -> bool:
    """Random bytes often decode as GB18030 too, but then into rare characters: require common ones."""
    visible = [char for char in text if not char.isspace()]
    if not visible:
        return False
    common = 0
    for char in visible:
        if char.isascii():
            common += char.isprintable()
            continue
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common / len(visible) >= _GB_PLAUSIBLE
