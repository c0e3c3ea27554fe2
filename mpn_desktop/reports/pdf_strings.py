"""Rewrites the literal strings of a PDF object, ``(…)``, as the same bytes in hex, ``<…>``.

Poppler (pdfinfo, pdftoppm, Evince, Okular…) judges a literal string longer
than its 128-byte token buffer as running into another object when the
cross-reference maps an object to an earlier position; it takes an object
stream's number for a file position, so in a file with object streams a long
title in the document information dictionary (a German title in UTF-16 is
over 128 bytes) was refused as "Unterminated string" whenever the object
stream's number was below the title's position. A hex string is read whole
by every reader, so the strings Qt writes are carried over in hex.
"""

from __future__ import annotations

_ESCAPES = {
    ord("n"): b"\n",
    ord("r"): b"\r",
    ord("t"): b"\t",
    ord("b"): b"\b",
    ord("f"): b"\f",
}
_OCTAL = b"01234567"


class MalformedString(ValueError):
    """A literal string does not end inside the object."""


def literal_strings_in_hex(body: bytes) -> bytes:
    """``body`` with each literal string written as a hex string of the same bytes.

    Names, numbers, dictionaries and hex strings are kept as they are. Bytes
    other than escapes are taken as they stand, end-of-line bytes too: Qt
    writes UTF-16 text unescaped apart from ``(``, ``)`` and ``\\``, so a
    carriage return inside a title is its character, not a line end.
    """
    out = bytearray()
    index = 0
    while index < len(body):
        byte = body[index]
        if byte == 0x3C and body.startswith(b"<", index + 1):  # "<<": a dictionary opens
            out += b"<<"
            index += 2
        elif byte == 0x3C:  # a hex string already
            end = body.find(b">", index)
            if end < 0:
                raise MalformedString("a hex string does not end")
            out += body[index : end + 1]
            index = end + 1
        elif byte == 0x28:
            value, index = _literal(body, index + 1)
            out += b"<" + value.hex().upper().encode() + b">"
        else:
            out.append(byte)
            index += 1
    return bytes(out)


def _literal(body: bytes, index: int) -> tuple[bytes, int]:
    """The bytes of the literal string starting after its ``(``, and where it ends."""
    value = bytearray()
    depth = 1
    while index < len(body):
        byte = body[index]
        index += 1
        if byte == 0x5C:  # backslash
            if index >= len(body):
                break
            escaped = body[index]
            index += 1
            if escaped in _ESCAPES:
                value += _ESCAPES[escaped]
            elif escaped in _OCTAL:
                digits = bytes([escaped])
                while len(digits) < 3 and index < len(body) and body[index] in _OCTAL:
                    digits += bytes([body[index]])
                    index += 1
                value.append(int(digits, 8) & 0xFF)
            elif escaped == 0x0D:  # a line continued: the end of line is no part of the string
                if body.startswith(b"\n", index):
                    index += 1
            elif escaped != 0x0A:
                value.append(escaped)  # \( \) \\ and any other: the character itself
            continue
        if byte == 0x28:
            depth += 1
        elif byte == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(value), index
        value.append(byte)
    raise MalformedString("a literal string does not end")
