"""Why a file's bytes are not JSON, in the chosen language.

Python's json module and UTF-8 decoder word their reasons in English whatever the
language ("Expecting value", "invalid start byte"): a German refusal read "Zeile 3,
Spalte 14: kein gültiges JSON (Expecting value)". The reasons Python 3.11 gives are
translated here; one a later Python words otherwise is shown as Python words it.
English reads exactly as Python writes it.
"""

from __future__ import annotations

from mpn_desktop.domain.vocabulary import N_, _

_JSON_REASONS = frozenset(
    {
        N_("Expecting value"),
        N_("Expecting property name enclosed in double quotes"),
        N_("Expecting ':' delimiter"),
        N_("Expecting ',' delimiter"),
        N_("Unterminated string starting at"),
        N_("Invalid control character at"),
        N_("Invalid \\escape"),
        N_("Invalid \\uXXXX escape"),
        N_("Extra data"),
    }
)

_UTF8_REASONS = frozenset(
    {
        N_("invalid start byte"),
        N_("invalid continuation byte"),
        N_("unexpected end of data"),
    }
)


def json_reason(message: str) -> str:
    """A ``JSONDecodeError``'s ``msg`` in the chosen language (its place is said apart)."""
    return _(message) if message in _JSON_REASONS else message


def utf8_reason(reason: str) -> str:
    """A ``UnicodeDecodeError``'s ``reason`` from the UTF-8 decoder in the chosen language."""
    return _(reason) if reason in _UTF8_REASONS else reason
