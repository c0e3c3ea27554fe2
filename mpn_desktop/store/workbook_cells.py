"""How a document's value becomes a spreadsheet cell and back, by the kind of value.

Writing, a day is a real date cell, an amount a number, true/false a boolean
and text always text (never a formula). Reading, what another program made of
the cell is taken back as the field's value where the meaning is certain (a
date cell at midnight, a number typed as text "1250.50", an MCP ID Excel turned
into the number 1234567); anything else goes to the field's parser as it is,
whose message then says what is wrong with it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from mpn_desktop.domain.dates import Month
from mpn_desktop.store.value_kinds import ValueKind

NUMBER_FORMATS = {
    ValueKind.DAY: "yyyy-mm-dd",
    ValueKind.MONTH: "yyyy-mm",
    ValueKind.MONEY: "#,##0.00",
    ValueKind.COUNT: "0",
}

# Characters an .xlsx file (XML 1.0) cannot hold; OOXML writes them as _xHHHH_,
# and a literal "_xHHHH_" in the text is itself escaped as _x005F_xHHHH_.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
# Read back, only an escaped underscore or an unwritable character is unescaped:
# LibreOffice writes a literal "_x0041_" as it is, which must stay as it was typed.
_ESCAPED = re.compile(r"_x005[Ff]_(?=x[0-9A-Fa-f]{4}_)|_x([0-9A-Fa-f]{4})_")


def escape_text(text: str) -> str:
    """Text as an .xlsx cell holds it (control characters as ``_xHHHH_``)."""
    return _UNWRITABLE.sub(lambda match: f"_x{ord(match.group()):04X}_", text)


def unescape_text(text: str) -> str:
    """The inverse of ``escape_text`` (and of Excel's own escaping)."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(_unescaped, text)


def _unescaped(match: re.Match[str]) -> str:
    if match.group(1) is None:
        return "_"
    character = chr(int(match.group(1), 16))
    return character if _UNWRITABLE.fullmatch(character) else match.group()


LARGEST_EXACT = 10**15 - 1
"""Spreadsheets keep 15 significant digits: a longer whole number is written as text."""

FIRST_DATE_CELL = date(1900, 3, 1)
"""Spreadsheets count days from 1900 and Excel's 1900 has a 29 February that never was:
earlier days are written as ISO text, which reads back the same everywhere."""


def to_cell(kind: ValueKind, value: Any) -> Any:
    """A document's JSON-ready value as the cell value to write (None: an empty cell)."""
    if value is None:
        return None
    try:
        if kind is ValueKind.DAY and isinstance(value, str):
            day = date.fromisoformat(value)
            return day if day >= FIRST_DATE_CELL else value
        if kind is ValueKind.MONTH and isinstance(value, str):
            first = Month.parse(value).first_day
            return first if first >= FIRST_DATE_CELL else value
    except ValueError:
        pass  # not what the document should hold, but kept, as text
    if isinstance(value, str):
        return escape_text(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > LARGEST_EXACT:
        return str(value)  # a spreadsheet's number would round it
    return value


def from_cell(kind: ValueKind, value: Any) -> Any:
    """A cell's value as the field's parser takes it; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, str):
        value = unescape_text(value)
        if not value.strip():
            return None
    if isinstance(value, datetime):
        return _from_datetime(kind, value)
    if kind is ValueKind.TEXT:
        return _as_text(value)
    if kind is ValueKind.MONEY:
        return _as_amount(value)
    if kind is ValueKind.COUNT:
        return _as_whole_number(value)
    if kind is ValueKind.FLAG:
        return _as_flag(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _from_datetime(kind: ValueKind, value: datetime) -> Any:
    if value.time() != time(0, 0):
        # A time of day is not part of any field: shown as it is, the parser refuses it.
        return value.isoformat(sep=" ", timespec="minutes")
    if kind is ValueKind.TEXT:
        return value.date().isoformat()
    return value.date()


def _as_text(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        # An MCP ID or a tenant's number that the spreadsheet took for a number.
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return value


def _as_amount(value: Any) -> Any:
    if isinstance(value, float):
        # Excel keeps 15 significant digits; the float's longer tail is not the amount.
        return Decimal(f"{value:.15g}")
    if isinstance(value, str):
        return value.strip()
    return value


def _as_whole_number(value: Any) -> Any:
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            return value.strip()
        return number if number.is_finite() else value.strip()
    return value


_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}


def _as_flag(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().casefold()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    return value
