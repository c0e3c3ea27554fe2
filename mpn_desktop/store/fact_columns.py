"""Column helpers both facts readers share (``facts_loader``, ``facts_sqlite``): no SQLAlchemy here.

The readers fetch every row of a table at once and work on its columns: each
column's conversion runs once per distinct value, and the ids other rows
point at are replaced by the names those rows carry.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from operator import itemgetter
from typing import Any, TypeVar

from mpn_desktop.domain.column_rows import ConvertedColumn

Convert = Callable[[Any], Any]
"""A column's conversion of what the driver returns (``Convert | None``: None keeps it as it is)."""

_KEPT_VALUES = 20_000
"""A conversion's kept values are dropped beyond this many: at most ~3 MiB each (a dict
entry and a Decimal or date), most of them shared with the loaded facts anyway."""


class _Converting(dict[Any, Any]):
    """A stored value -> its conversion, worked out on first look-up (``__missing__``): for
    columns converted when first read, whose slices are converted one at a time through
    ``map`` over ``__getitem__`` (all in C; a Python call per slice cost ~0.16 ms more per
    thousand slices of nine amounts, what a designation day's sums read)."""

    __slots__ = ("convert",)

    def __init__(self, convert: Convert) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, value: Any) -> Any:
        converted = self[value] = None if value is None else self.convert(value)
        return converted


_CONVERSIONS: dict[Convert, dict[Any, Any]] = {}
"""Each conversion's stored values -> their conversions, worked out on first sight and kept
between loads: the facts are loaded again after every edit and on every start of a command,
and the same days, months, amounts and enum values come back each time, so converting them
again (and building a set of a column's values to find the distinct ones) was a tenth of a
load. The converted values are immutable (dates, Decimals, enum members, Months), so loads
may share them. Plain dicts, read through ``itemgetter`` (``_picked``)."""
_CONVERTING: dict[Convert, _Converting] = {}
"""The same for the columns converted when first read, read through ``map``."""
_COMPOSED: dict[tuple[Convert, Convert], Convert] = {}
_LOCK = threading.Lock()

_Kept = TypeVar("_Kept", bound=dict[Any, Any])


def _kept(registry: dict[Convert, _Kept], convert: Convert, make: Callable[[], _Kept]) -> _Kept:
    """The conversions ``convert`` made, kept in ``registry`` (a new dict, made by ``make``,
    at first and once there are too many)."""
    converted = registry.get(convert)
    if converted is None or len(converted) > _KEPT_VALUES:
        with _LOCK:
            converted = registry[convert] = make()
    return converted


def forget_kept_conversions() -> None:
    """Drops the values every conversion kept between loads, so the next load and the first
    reads of its columns convert as a process's first load does (the benchmarks time that
    case too: a user's first evaluation after starting the program)."""
    with _LOCK:
        _CONVERSIONS.clear()
        _CONVERTING.clear()


def _kept_conversions(convert: Convert) -> dict[Any, Any]:
    """The conversions ``convert`` made for whole columns, kept."""
    return _kept(_CONVERSIONS, convert, dict)


def _picked(values: Sequence[Any], mapping: Mapping[Any, Any]) -> tuple[Any, ...]:
    """Each value looked up in ``mapping``, as a tuple, in C (KeyError for one it lacks).

    ``itemgetter`` over a plain dict: a third cheaper than ``map`` over its ``__getitem__``
    (31,000 usage rows' subscription ids: 0.61 -> 0.38 ms; a dict subclass, as the kept
    conversions were, gains nothing)."""
    if len(values) > 1:
        return itemgetter(*values)(mapping)  # type: ignore[no-any-return]
    return tuple(mapping[value] for value in values)


def _all_converted(
    values: Sequence[Any], known: dict[Any, Any], convert: Convert
) -> tuple[Any, ...]:
    """``values`` converted through the kept conversions ``known``: a value not seen before
    is converted once (None stays None, as SQLAlchemy keeps it), then all are looked up."""
    try:
        return _picked(values, known)
    except KeyError:
        # The new values in the order they first come (a conversion refusing one refuses
        # the first as a pass over the column would).
        for value in dict.fromkeys(values):
            if value not in known:
                known[value] = None if value is None else convert(value)
        return _picked(values, known)


def converted_column(values: Sequence[Any], convert: Convert | None) -> Sequence[Any]:
    """``values`` converted as a tuple, each distinct one once (None stays None, as SQLAlchemy
    keeps it)."""
    if convert is None:
        return values
    # Known values are looked up at C speed; only new ones call ``convert``. A tuple: the
    # column ``ColumnRows`` keeps as it is (a list was copied to one, 12,000 values at a time).
    return _all_converted(values, _kept_conversions(convert), convert)


def shared(text: str) -> str:
    """A text column's conversion to one object per distinct value (``converted_column``).

    SQLite hands over a new str for every row: the designations' rules look the
    few exam codes and services up in dicts and sets again and again, and a fresh
    string is hashed on its first look-up and compared by its characters on each
    (one shared object: its hash kept, equal by identity): the people index of
    the benchmark organisation's 10,000 results (13 codes) took 4.1 ms on fresh
    codes and text days, 3.2 ms on shared codes, 2.7 ms on days made dates."""
    return text


def converted_later(values: Sequence[Any], convert: Convert | None) -> Sequence[Any]:
    """``converted_column(values, convert)`` worked out when first read (a column the rules
    never read is not converted at every load)."""
    if convert is None:
        return values
    return ConvertedColumn(values, _lookups(convert))


def _lookups(convert: Convert) -> Callable[[Sequence[Any]], Iterable[Any]]:
    """The values converted through the kept conversions, all in C: the rules' totals
    convert the slices they add up one at a time (a Python call per slice was a fifth
    of it)."""
    kept = _kept(_CONVERTING, convert, partial(_Converting, convert))
    return partial(map, kept.__getitem__)


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
        columns[position] = _picked(columns[position], names)


def looked_up_later(columns: list[Sequence[Any]], position: int, names: Mapping[Any, Any]) -> None:
    """``look_up`` when the column is first read (``ConvertedColumn``): the rules group usage by
    subscription over the stored ids, and name each group (``names`` is never changed after)."""
    if columns:
        columns[position] = ConvertedColumn(columns[position], partial(_picked, mapping=names))
