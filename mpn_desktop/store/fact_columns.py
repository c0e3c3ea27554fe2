"""Column helpers both facts readers share (``facts_loader``, ``facts_sqlite``): no SQLAlchemy here.

The readers fetch every row of a table at once and work on its columns: each
column's conversion runs once per distinct value, and the ids other rows
point at are replaced by the names those rows carry.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import Any

from mpn_desktop.domain.column_rows import ConvertedColumn, IsoDays

Convert = Callable[[Any], Any]
"""A column's conversion of what the driver returns (``Convert | None``: None keeps it as it is)."""

_KEPT_VALUES = 20_000
"""A conversion's kept values are dropped beyond this many: at most ~3 MiB each (a dict
entry and a Decimal or date), most of them shared with the loaded facts anyway."""


class _Converted(dict[Any, Any]):
    """A stored value -> its conversion, worked out on first sight and kept between loads.

    The facts are loaded again after every edit and on every start of a
    command: the same days, months, amounts and enum values come back each
    time, so converting them again (and building a set of a column's values
    to find the distinct ones) was a tenth of a load. The converted values
    are immutable (dates, Decimals, enum members, Months), so loads may share them.
    """

    __slots__ = ("convert",)

    def __init__(self, convert: Convert) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, value: Any) -> Any:
        converted = self[value] = None if value is None else self.convert(value)
        return converted


_CONVERSIONS: dict[Convert, _Converted] = {}
_COMPOSED: dict[tuple[Convert, Convert], Convert] = {}
_LOCK = threading.Lock()


def _kept_conversions(convert: Convert) -> _Converted:
    """The conversions ``convert`` made, kept (a new set once there are too many)."""
    converted = _CONVERSIONS.get(convert)
    if converted is None or len(converted) > _KEPT_VALUES:
        with _LOCK:
            converted = _CONVERSIONS[convert] = _Converted(convert)
    return converted


def converted_column(values: Sequence[Any], convert: Convert | None) -> Sequence[Any]:
    """``values`` converted as a tuple, each distinct one once (None stays None, as SQLAlchemy
    keeps it)."""
    if convert is None:
        return values
    # Known values are looked up at C speed; only new ones call ``convert``. A tuple: the
    # column ``ColumnRows`` keeps as it is (a list was copied to one, 12,000 values at a time).
    return tuple(map(_kept_conversions(convert).__getitem__, values))


def converted_later(values: Sequence[Any], convert: Convert | None) -> Sequence[Any]:
    """``converted_column(values, convert)`` worked out when first read (a column the rules
    never read is not converted at every load)."""
    if convert is None:
        return values
    return ConvertedColumn(values, _lookups(convert))


def days_later(values: Sequence[Any], convert: Convert | None) -> Sequence[Any]:
    """``converted_later`` for a SQLite ``Date`` column (ISO text): the days compared as
    text until first read (``IsoDays``)."""
    if convert is None:
        return values
    return IsoDays(values, _lookups(convert))


def _lookups(convert: Convert) -> Callable[[Sequence[Any]], Iterable[Any]]:
    """The values converted through the kept conversions, all in C: the rules' totals
    convert the slices they add up one at a time (a Python call per slice was a fifth
    of it)."""
    return partial(map, _kept_conversions(convert).__getitem__)


def composed(first: Convert | None, second: Convert) -> Convert:
    """``second`` after ``first`` (None stays None), the same function for the same pair.

    A column converted twice (the driver's text to a day, the day to a Month)
    then takes one pass over its values, and its conversions are kept as one.
    """
    if first is None:
        return second
    found = _COMPOSED.get((first, second))
    if found is None:

        def both(value: Any) -> Any:
            converted = first(value)
            return None if converted is None else second(converted)

        with _LOCK:
            found = _COMPOSED.setdefault((first, second), both)
    return found


def names_by_id(columns: list[Sequence[Any]], position: int) -> dict[int, Any]:
    """Row id (the first column) -> the column at ``position``: what other rows name the row by."""
    return dict(zip(columns[0], columns[position], strict=True)) if columns else {}


def look_up(columns: list[Sequence[Any]], position: int, names: Mapping[Any, Any]) -> None:
    """The values in the column at ``position`` replaced through ``names`` (ids by names)."""
    if columns:
        columns[position] = tuple(map(names.__getitem__, columns[position]))


def looked_up_later(columns: list[Sequence[Any]], position: int, names: Mapping[Any, Any]) -> None:
    """``look_up`` when the column is first read (``ConvertedColumn``): the rules group usage by
    subscription over the stored ids, and name each group (``names`` is never changed after)."""
    if columns:
        columns[position] = ConvertedColumn(columns[position], partial(map, names.__getitem__))
