"""Pagefind's bundle, made the same bytes for the same site.

Pagefind 1.5 writes the search filters in hash-map order, which changes from one run to the next:
the values inside each ``filter/*.pf_filter`` file, and the filters (and sort orders) listed in the
``pagefind.<language>_<hash>.pf_meta`` file. Each of these files is named by a hash of its content,
and the names are written into the meta file and into ``pagefind-entry.json`` in turn, so one
run's order changes the names, the meta file and the entry file. The order means nothing to
Pagefind, which looks filters and values up by name: :func:`stabilise` sorts them, writes the files
again (gzip, no time stamp) and names each one by the SHA-256 of its new content.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

__all__ = ["SIGNATURE", "FormatError", "stabilise"]

Value = Any
"""A decoded CBOR value: Pagefind writes integers, strings, byte strings and arrays."""

SIGNATURE = b"pagefind_dcd"
"""What Pagefind writes before the CBOR document in each of its gzipped files."""

ENTRY = "pagefind-entry.json"
_META_FILTERS, _META_SORTS = 3, 4
"""Positions in the meta document: [version, pages, index chunks, filters, sorts, metadata fields]."""


class FormatError(ValueError):
    """The bundle is not laid out as Pagefind 1.5 writes it."""


def _read(path: Path) -> Value:
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError) as error:
        raise FormatError(f"{path.name}: cannot be read ({error})") from None
    if not data.startswith(SIGNATURE):
        raise FormatError(f"{path.name}: no {SIGNATURE.decode()} signature")
    body = data[len(SIGNATURE) :]
    try:
        document = cbor2.loads(body)
    except (cbor2.CBORDecodeError, ValueError) as error:
        raise FormatError(f"{path.name}: {error}") from None
    if cbor2.dumps(document) != body:
        raise FormatError(f"{path.name}: encoded in a form this version does not write back alike")
    return document


def _named_content(language: str, document: Value, taken: set[str]) -> tuple[str, bytes]:
    """``document`` as a Pagefind file (gzip, no time stamp), and its name: ``<language>_<sha256…>``.

    The SHA-256 of the uncompressed content, shortened to ten digits, or more if another file of
    this run took that name."""
    data = SIGNATURE + cbor2.dumps(document)
    digest = hashlib.sha256(data).hexdigest()
    length = 10
    while (name := f"{language}_{digest[:length]}") in taken:
        length += 1
    taken.add(name)
    return name, gzip.compress(data, compresslevel=9, mtime=0)


def _list(value: Value, what: str) -> list[Value]:
    if not isinstance(value, list):
        raise FormatError(f"{what}: expected a list")
    return value


def _named(item: Value, what: str) -> tuple[str, Value]:
    """``[name, value]`` pairs: a filter, a filter's value, a sort order."""
    if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
        raise FormatError(f"{what}: expected [name, …] pairs")
    return item[0], item[1]


def stabilise(bundle: Path) -> None:
    """Put the filters of the Pagefind bundle in ``bundle`` in order, and rename what that changes.

    Raises :class:`FormatError` when the bundle is not as Pagefind 1.5 writes it.
    """
    entry_path = bundle / ENTRY
    try:
        entry = json.loads(entry_path.read_text("utf-8"))
        languages = dict(sorted(entry["languages"].items()))
        metas = {code: bundle / f"pagefind.{info['hash']}.pf_meta" for code, info in languages.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise FormatError(f"{ENTRY}: {error}") from None
    # Everything is read before anything is written: a new name never replaces a file still unread.
    old: list[Path] = []
    new: dict[Path, bytes] = {}
    taken: set[str] = set()
    for language, meta_path in metas.items():
        meta = _list(_read(meta_path), meta_path.name)
        if len(meta) <= _META_SORTS:
            raise FormatError(f"{meta_path.name}: {len(meta)} fields, expected at least {_META_SORTS + 1}")
        filters: list[Value] = []
        for item in _list(meta[_META_FILTERS], f"{meta_path.name}: filters"):
            name, filter_hash = _named(item, f"{meta_path.name}: filters")
            filter_path = bundle / "filter" / f"{filter_hash}.pf_filter"
            document = _list(_read(filter_path), filter_path.name)
            if len(document) != 2:
                raise FormatError(f"{filter_path.name}: expected [filter, values]")
            values = _list(document[1], filter_path.name)
            values.sort(key=lambda value: _named(value, filter_path.name)[0])
            filter_name, content = _named_content(language, document, taken)
            new[bundle / "filter" / f"{filter_name}.pf_filter"] = content
            filters.append([name, filter_name])
            old.append(filter_path)
        meta[_META_FILTERS] = sorted(filters, key=lambda item: str(item[0]))
        sorts = _list(meta[_META_SORTS], f"{meta_path.name}: sorts")
        sorts.sort(key=lambda item: _named(item, f"{meta_path.name}: sorts")[0])
        meta_name, content = _named_content(language, meta, taken)
        new[bundle / f"pagefind.{meta_name}.pf_meta"] = content
        languages[language]["hash"] = meta_name
        old.append(meta_path)
    for path in old:
        path.unlink()
    for path, content in new.items():
        path.write_bytes(content)
    entry["languages"] = languages
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
