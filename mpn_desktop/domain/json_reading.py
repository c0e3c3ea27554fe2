"""Reading a JSON file's bytes: its text and its value, each refusal naming where and why.

The catalogues and the data documents are read the same way and refused in the same
words, with Python's reasons in the chosen language (``json_reasons``); only the error
raised, the sentence for bytes that are not UTF-8 and the one for nesting too deep (what
the file was meant to be) are the reader's own. No file I/O here: the callers read the
bytes, and pass their own error (the domain knows none of the program's exceptions).
Both take what is read and where it comes from in that order, then the error and the
sentence by name.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from mpn_desktop.domain.json_reasons import json_reason, utf8_reason
from mpn_desktop.domain.vocabulary import _


def utf8_text(data: bytes, where: str, *, error: type[Exception], not_utf8: str) -> str:
    """``data`` as text (a byte order mark allowed: Notepad writes one).

    ``error`` of ``not_utf8``, a translated sentence with the fields ``{where}``, ``{line}``
    and ``{reason}``, when the bytes are not UTF-8.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = data.count(b"\n", 0, problem.start) + 1
        raise error(
            not_utf8.format(where=where, line=line, reason=utf8_reason(problem.reason))
        ) from None


def json_value(
    text: str,
    where: str,
    *,
    error: type[Exception],
    too_deep: str,
    parse_float: Callable[[str], Decimal] | None = None,
) -> Any:
    """The JSON value of ``text``; ``error`` naming ``where`` (and the line) says why not.

    ``too_deep`` is the translated sentence (field ``{where}``) for lists and objects
    nested deeper than Python reads.
    """
    try:
        return json.loads(text, parse_float=parse_float)
    except json.JSONDecodeError as problem:
        raise error(
            _("{where}, line {line}, column {column}: not valid JSON ({error})").format(
                where=where,
                line=problem.lineno,
                column=problem.colno,
                error=_why_not(text, problem),
            )
        ) from None
    except RecursionError:
        raise error(too_deep.format(where=where)) from None
    except ValueError:
        # Python refuses integers of more than 4,300 digits while reading them.
        raise error(
            _("{where}: holds a number too long to be read (over 4,300 digits)").format(where=where)
        ) from None


def _why_not(text: str, problem: json.JSONDecodeError) -> str:
    """Python's reason, or what it means when the text ends first: a file saved empty, or cut
    short (a copy or a download broken off), which "Expecting ',' delimiter" at its last
    character did not say."""
    if not text.strip():
        return _("the file is empty")
    if problem.msg == "Unterminated string starting at":
        # Python's scanner says so only when the text ends before the closing quote.
        return _("a text in quotes begins here and is never closed: is the file cut short?")
    if problem.pos >= len(text.rstrip()):
        return _("the file ends here, before its lists and objects are closed: is it cut short?")
    return json_reason(problem.msg)
