"""How a record table orders its rows: one key per row, sorted by Python, not per comparison.

A ``QSortFilterProxyModel`` asks the model for two values per comparison, a
Python call each: on 36,000 months of usage that is over a second. Sorting
the rows once with ``sorted`` and a key per row takes a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from mpn_desktop.store.changes import RecordKind
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
    key: Callable[[Record], tuple[int, Any]] = lambda record: row_key(field, record)  # noqa: E731
    if field.compute is None and (field.kind is FieldKind.CHOICE or _repeats(rows, field)):
        key = _keys_by_value(field)
    try:
        return sorted(rows, key=key, reverse=descending)
    except TypeError:
        return sorted(rows, key=lambda record: str(key(record)), reverse=descending)


@dataclass(frozen=True)
class NamesFrom:
    """How a column naming another record (an exam's person) writes its names: from each
    record of ``kind`` (the people), ``name_of`` gives the name shown for its id."""

    kind: RecordKind
    name_of: Callable[[Record], str]


def sorted_by_names(
    rows: Sequence[Record],
    field: Field,
    descending: bool,
    named: Sequence[Record],
    names: NamesFrom,
) -> list[Record]:
    """``sorted_rows`` by a column naming other records, where those records (``named``) are
    at hand but the table's names are not: off the GUI thread, the names made from them as
    the table makes them; an id none of them has is written as the table writes it, as
    itself (its choices are those same names)."""
    known = {record["id"]: names.name_of(record) for record in named}
    return sorted_rows(rows, replace(field, label_of=known.get, choices=None), descending)


_SAMPLE = 256
"""The first rows whose values tell whether a column's values repeat (``_repeats``)."""


def _repeats(rows: Sequence[Record], field: Field) -> bool:
    """Whether the values of the column of ``field`` repeat (a month, a service), judged by
    the first rows: a key looked up by value costs a third more where each differs (names,
    amounts, ids), and saves four fifths where few do."""
    sample = [record.get(field.key) for record in rows[:_SAMPLE]]
    try:
        return len(set(sample)) * 2 <= len(sample)
    except TypeError:  # values that cannot be a set's: worked out row by row
        return False


def _keys_by_value(field: Field) -> Callable[[Record], tuple[int, Any]]:
    """``row_key`` of a stored column, worked out once per value: 10,000 exams name 2,000
    people, and each name looked up and folded took a quarter of the Exams tab's fill;
    "Show all usage" orders 75,282 months of usage by their ~100 months (71 -> 15 ms CPU of
    the worker's read, during which the GUI thread waits for the interpreter in turns)."""
    known: dict[object, tuple[int, Any]] = {}

    def key(record: Record) -> tuple[int, Any]:
        value = record.get(field.key)
        try:
            return known[value]
        except KeyError:
            found = known[value] = row_key(field, record)
            return found
        except TypeError:  # a value that cannot be a dict's key: worked out each time
            return row_key(field, record)

    return key


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


def place_in_order(rows: Sequence[Record], row: int, field: Field, descending: bool) -> int:
    """Where ``rows[row]`` goes when every other row is in the order of ``field``: the
    position (among the others) a stable sort of ``rows`` gives it.

    Among rows of an equal key it keeps its place relative to them, as ``sorted``
    does; raises ``TypeError`` when the keys do not compare (``sorted_rows`` then
    falls back to their text). A binary search: one edited row of 10,000 exams
    is put in place with some 30 keys instead of a sort of all of them.
    """
    record = rows[row]
    others = [*rows[:row], *rows[row + 1 :]]
    key = row_key(field, record)

    def first(is_past: Callable[[tuple[int, Any]], bool]) -> int:
        """The first position among ``others`` from which ``is_past`` holds (and on)."""
        low, high = 0, len(others)
        while low < high:
            middle = (low + high) // 2
            if is_past(row_key(field, others[middle])):
                high = middle
            else:
                low = middle + 1
        return low

    if descending:
        equal_from = first(lambda other: not key < other)
        after_from = first(lambda other: other < key)
    else:
        equal_from = first(lambda other: not other < key)
        after_from = first(lambda other: key < other)
    return min(max(row, equal_from), after_from)
