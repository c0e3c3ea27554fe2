"""The rows of runs' slices over months that follow one another, each column read as one list.

A twelve-month window of usage imported a month at a time is thousands of
short slices of the columns (a subscription's services in a month's file):
a reader working slice by slice paid a Python step per slice, and each reader
of the window (Azure's total, Security's customers, the services consumed)
read the slices again. ``WindowRows`` reads a window's column once as one
list (its stored values gathered slice by slice in C, then converted in one
call), and hands out the figures the readers ask for from it in C: the total,
each slice's figure (begun at its first value: the same Decimal, exponent and
all, as a sum over its rows), the rows a scope's services keep. Each value it
reads is kept for the window's other readers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import reduce
from itertools import accumulate, chain, compress, islice, repeat
from operator import add, itemgetter, sub
from typing import Any, TypeVar

from mpn_desktop.domain.column_rows import ConvertedColumn
from mpn_desktop.domain.usage_cell_runs import Slices, joined

_V = TypeVar("_V")

_ZERO = Decimal(0)

Figures = tuple[list[str], list[Any], int]
"""Each slice's customer and figure (slices with no row kept left out), and how many of
the first are of the first tier (each customer once)."""


def stored_column(
    column: Sequence[_V],
) -> tuple[Sequence[Any], Callable[[Sequence[Any]], Iterable[_V]]]:
    """The column as stored and its conversion of some of its values (a sequence of them): a
    ``ConvertedColumn``'s (until it is converted whole), else the column and ``iter``. A
    reader of slices converts only theirs."""
    if isinstance(column, ConvertedColumn):
        return column.parts()
    return column, iter


def _piece_sums(values: Iterator[_V], lengths: Iterable[int]) -> list[_V]:
    """The values cut into pieces of ``lengths`` (none empty), each added up from its first
    value (``reduce``: no 0 begun at, so a piece of one Decimal is that Decimal), in C."""
    return list(map(reduce, repeat(add), map(islice, repeat(values), lengths)))


_SHORT = 4
"""Slices of at most this many rows on average (a window of months' files: a subscription's
services in a month) are read by their rows' places, longer ones a slice at a time."""


def _places(
    starts: list[int], stops: list[int], rows: int
) -> list[slice] | Callable[[Sequence[Any]], Sequence[Any]]:
    """How a window reads its rows from a column: short slices by an ``itemgetter`` of their
    rows' places (made once), not a ``slice`` kept per slice (an object the collector
    tracks: a twelve-month window of months' files held ~2,800, which survived the first
    evaluation and made four of its collector's passes, meas16's finding; and reading a
    slice cost more than a place per row); longer ones a ``slice`` each (a few hundred of
    rows of a dozen months: reading one place per row cost more)."""
    if rows > _SHORT * len(starts) or rows < 2:
        return list(map(slice, starts, stops))
    return itemgetter(*chain.from_iterable(map(range, starts, stops)))


class WindowRows:
    """Some runs' slices of the columns (the first ``unique`` of them each a customer once),
    read column by column: each column's values of the slices' rows, in order, as one list
    (converted; kept per column), the services of those rows, and the rows a scope keeps
    (kept per scope's ``kept``)."""

    __slots__ = ("_kept", "_places", "_services", "_values", "customers", "lengths", "unique")

    def __init__(self, unique: Slices, others: Slices) -> None:
        customers, starts, stops = joined((unique, others))
        self.customers = customers
        self.unique = len(unique[0])
        self.lengths = list(map(sub, stops, starts))
        self._places = _places(starts, stops, sum(self.lengths))
        self._values: dict[int, list[Any]] = {}
        self._services: list[str] | None = None
        self._kept: dict[int, tuple[Mapping[str, bool], list[bool]]] = {}

    def _stored(self, column: Sequence[Any]) -> list[Any]:
        """The column's values of the rows as stored, in order, in C: by the rows' places, or
        a slice at a time (``_places``)."""
        places = self._places
        if isinstance(places, list):
            return list(chain.from_iterable(map(column.__getitem__, places)))
        return list(places(column))

    def values(self, column: Sequence[_V]) -> list[_V]:
        """The column's values of the rows, in order, converted in one call (kept: the
        column is one of the sums' columns, which outlive this)."""
        found = self._values.get(id(column))
        if found is None:
            stored, convert = stored_column(column)
            found = self._stored(stored)
            if convert is not iter:
                found = list(convert(found))
            self._values[id(column)] = found
        return found

    def services(self, column: Sequence[str]) -> list[str]:
        """The rows' services as written (``column``: the services'; kept)."""
        found = self._services
        if found is None:
            found = self._services = self._stored(column)
        return found

    def kept(self, keeps: Mapping[str, bool], services: Sequence[str]) -> list[bool]:
        """Whether ``keeps`` keeps each row's service (``services``: the services' column;
        kept per ``keeps``, a scope's)."""
        found = self._kept.get(id(keeps))
        if found is None or found[0] is not keeps:
            found = self._kept[id(keeps)] = (
                keeps,
                list(map(keeps.__getitem__, self.services(services))),
            )
        return found[1]

    def _kept_values(self, column: Sequence[_V], flags: list[bool]) -> Iterator[_V]:
        """The column's values of the rows ``flags`` keeps: from the values read already,
        else only those converted (not kept: another scope keeps other rows)."""
        found = self._values.get(id(column))
        if found is not None:
            return compress(found, flags)
        stored, convert = stored_column(column)
        return iter(convert(list(compress(self._stored(stored), flags))))

    def total(self, column: Sequence[Any], start: Any, flags: list[bool] | None = None) -> Any:
        """``start`` with every row's value added (``flags``: the rows kept alone)."""
        if flags is None:
            return sum(self.values(column), start)
        return sum(self._kept_values(column, flags), start)

    def figures(self, column: Sequence[_V], flags: list[bool] | None = None) -> Figures:
        """Each slice's values added up from its first, beside its customer (``flags``: only
        the rows kept, a slice with none left out), all in C."""
        if flags is None:
            sums = _piece_sums(iter(self.values(column)), self.lengths)
            return self.customers, sums, self.unique
        # Each slice's rows kept (a count per slice), then the kept values cut by them.
        counts = self._kept_counts(flags)
        sums = _piece_sums(self._kept_values(column, flags), compress(counts, counts))
        customers = list(compress(self.customers, counts))
        return customers, sums, sum(map(bool, counts[: self.unique]))

    def _kept_counts(self, flags: list[bool]) -> list[int]:
        """How many rows ``flags`` keeps in each slice: the running count of kept rows at
        the slice's end less that at its start, in C (a sum over an ``islice`` per slice
        cost 1.7 times as much: a twelve-month window of months' files is ~2,800 slices of
        one to five rows)."""
        if not self.lengths:
            return []
        running = list(accumulate(flags, initial=0))
        at = itemgetter(*accumulate(self.lengths, initial=0))(running)
        return list(map(sub, at[1:], at[:-1]))

    def above_0(self, column: Sequence[Any], services: Sequence[str]) -> set[str] | None:
        """The services as written of the rows whose value is above 0, in C; None when a
        value is below 0 (a (customer, service)'s total then needs adding up)."""
        values = self.values(column)
        if values and min(values) < _ZERO:
            return None
        # None below 0: a value is above 0 exactly when it is not 0, its truth (in C, no
        # comparison made).
        return set(compress(self.services(services), values))
