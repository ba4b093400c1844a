"""The part of CBOR (RFC 8949) that Pagefind's index files are written in.

Unsigned and negative integers, byte and text strings and arrays, all of definite length: the
encoding of the Rust structures Pagefind writes. Anything else (maps, tags, floats, indefinite
lengths) is refused with :class:`CborError`, so that a change in Pagefind's format stops the build
instead of being written back wrong. Lengths and integers are encoded in their shortest form, as
Pagefind writes them: decoding then encoding one of its documents gives back the same bytes.
"""

from __future__ import annotations

import struct
from typing import TypeAlias

__all__ = ["CborError", "Value", "decode", "encode"]

Value: TypeAlias = int | bytes | str | list["Value"]

_UINT, _NEGINT, _BYTES, _TEXT, _ARRAY = range(5)


class CborError(ValueError):
    """The bytes are not CBOR of the supported kinds."""


def encode(value: Value) -> bytes:
    """``value`` as CBOR, every length and integer in its shortest form."""
    out = bytearray()
    _encode(value, out)
    return bytes(out)


def _head(major: int, argument: int, out: bytearray) -> None:
    if argument < 24:
        out.append(major << 5 | argument)
    elif argument < 1 << 8:
        out += struct.pack(">BB", major << 5 | 24, argument)
    elif argument < 1 << 16:
        out += struct.pack(">BH", major << 5 | 25, argument)
    elif argument < 1 << 32:
        out += struct.pack(">BI", major << 5 | 26, argument)
    elif argument < 1 << 64:
        out += struct.pack(">BQ", major << 5 | 27, argument)
    else:
        raise CborError(f"integer too large for CBOR: {argument}")


def _encode(value: Value, out: bytearray) -> None:
    if isinstance(value, bool):
        raise CborError("booleans are not supported")
    if isinstance(value, int):
        _head(_UINT, value, out) if value >= 0 else _head(_NEGINT, -1 - value, out)
    elif isinstance(value, bytes):
        _head(_BYTES, len(value), out)
        out += value
    elif isinstance(value, str):
        data = value.encode("utf-8")
        _head(_TEXT, len(data), out)
        out += data
    elif isinstance(value, list):
        _head(_ARRAY, len(value), out)
        for item in value:
            _encode(item, out)
    else:
        raise CborError(f"cannot encode {type(value).__name__}")


def decode(data: bytes) -> Value:
    """The one value ``data`` holds; :class:`CborError` when it holds anything else or more."""
    value, end = _decode(data, 0)
    if end != len(data):
        raise CborError(f"{len(data) - end} bytes after the value")
    return value


def _decode(data: bytes, at: int) -> tuple[Value, int]:
    if at >= len(data):
        raise CborError("the data ends inside a value")
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if info < 24:
        argument = info
    elif info <= 27:
        size = 1 << (info - 24)
        if at + size > len(data):
            raise CborError("the data ends inside a value")
        argument = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise CborError(f"unsupported additional information {info} at byte {at - 1}")
    if major == _UINT:
        return argument, at
    if major == _NEGINT:
        return -1 - argument, at
    if major in (_BYTES, _TEXT):
        if at + argument > len(data):
            raise CborError("the data ends inside a string")
        raw = data[at : at + argument]
        try:
            return (bytes(raw) if major == _BYTES else raw.decode("utf-8")), at + argument
        except UnicodeDecodeError as error:
            raise CborError(f"a text string is not UTF-8: {error}") from None
    if major == _ARRAY:
        items: list[Value] = []
        for _ in range(argument):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise CborError(f"unsupported major type {major} at byte {at - 1}")
