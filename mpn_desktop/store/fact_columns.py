"""Column helpers both facts readers share (``facts_loader``, ``facts_sqlite``): no SQLAlchemy here.

The readers fetch every row of a table at once and work on its columns: each
column's conversion runs once per distinct value, and the ids other rows
point at are replaced by the names those rows carry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any


def converted_column(values: Sequence[Any], convert: Callable[[Any], Any] | None) -> Sequence[Any]:
    """``values`` converted, each distinct one once (None stays None, as SQLAlchemy keeps it)."""
    if convert is None:
        return values
    # Convert each distinct value once; the lookups then run at C speed.
    converted = {value: None if value is None else convert(value) for value in set(values)}
    return list(map(converted.__getitem__, values))


def names_by_id(columns: list[Sequence[Any]], position: int) -> dict[int, Any]:
    """Row id (the first column) -> the column at ``position``: what other rows name the row by."""
    return dict(zip(columns[0], columns[position], strict=True)) if columns else {}


def look_up(columns: list[Sequence[Any]], position: int, names: Mapping[Any, Any]) -> None:
    """The values in the column at ``position`` replaced through ``names`` (ids by names)."""
    if columns:
        columns[position] = list(map(names.__getitem__, columns[position]))
