"""How a record table orders its rows: one key per row, sorted by Python, not per comparison.

A ``QSortFilterProxyModel`` asks the model for two values per comparison, a
Python call each: on 36,000 months of usage that is over a second. Sorting
the rows once with ``sorted`` and a key per row takes a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mpn_desktop.ui.models.fields import Field, FieldKind, format_value, sort_key

Record = dict[str, Any]


def row_key(field: Field, record: Record) -> tuple[int, Any]:
    """The key of one row in the column of ``field``: names sort by the name shown, not by id."""
    value = field.value_of(record)
    if field.kind is FieldKind.CHOICE and value is not None:
        return (1, format_value(field, value).casefold())
    return sort_key(value)


def sorted_rows(rows: Sequence[Record], field: Field, descending: bool) -> list[Record]:
    """The rows in the order of ``field`` (stable; mixed values fall back to their text)."""
    try:
        return sorted(rows, key=lambda record: row_key(field, record), reverse=descending)
    except TypeError:
        return sorted(rows, key=lambda record: str(row_key(field, record)), reverse=descending)


def in_order_around(rows: Sequence[Record], row: int, field: Field, descending: bool) -> bool:
    """Whether ``rows[row]`` still sits between its neighbours in the order of ``field``."""
    try:
        key = row_key(field, rows[row])
        if row > 0:
            before = row_key(field, rows[row - 1])
            if (before < key) if descending else (key < before):
                return False
        if row + 1 < len(rows):
            after = row_key(field, rows[row + 1])
            if (key < after) if descending else (after < key):
                return False
    except TypeError:
        return False
    return True
