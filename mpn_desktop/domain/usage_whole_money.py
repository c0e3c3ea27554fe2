"""Usage money added up as stored where that is exact: whole numbers summed as ints, in C.

SQLite hands the money over as the numbers stored (whole dollars are stored as
integers), converted when first read to Decimals with two decimals
(``column_rows.ConvertedColumn``: ``Decimal("444.00")`` of 444). Such a conversion
writes every whole number as itself with one exponent, so the sum of stored whole
numbers, written so, is the sum of their conversions digit for digit (exponent
and all, far inside the context's 28 digits): a run's twelve months are added as
ints in C and one Decimal made of the total, instead of twelve looked up and added
as Decimals. A column's conversion is checked once (a few whole numbers converted);
values that are not all whole numbers (an amount with cents stored as a float,
text, Decimals handed over as they are) are converted and added as Decimals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from mpn_desktop.domain.column_rows import ConvertedColumn

_PROBES = (0, 1, -1, 7, 250, 123_456_789)
"""Whole numbers a conversion is checked on."""

_EXACT = 2**53
"""Whole sums under this (in magnitude) are the conversions' sum: SQLite's money (and
SQLAlchemy's ``Numeric`` on SQLite) writes a stored number through a float (``"%.2f"``),
exact for whole numbers up to 2**53 alone, and their sums keep every digit in a Decimal of
28 digits with its decimals, as the Decimals added one by one do. A sum this low holds no
value above it but where values below 0 cancel it out, which the store refuses (money is
at least 0)."""

Convert = Callable[[Sequence[Any]], Iterable[Any]]


def _whole_zero(convert: Convert) -> Decimal | None:
    """The zero ``convert`` writes whole numbers with (``Decimal("0.00")``) when it writes
    each whole number checked as itself with that exponent; None otherwise."""
    try:
        converted = tuple(convert(_PROBES))
    except (TypeError, ValueError, ArithmeticError):
        return None
    zero = converted[0]
    if type(zero) is not Decimal or zero.is_signed():
        return None
    exponent = zero.as_tuple().exponent
    for whole, value in zip(_PROBES, converted, strict=True):
        if type(value) is not Decimal or value != whole or value.as_tuple().exponent != exponent:
            return None
    return zero


class ColumnSums:
    """A figure's column of the usage as held (``ConvertedColumn``, or values as they are),
    read in slices: each slice's values added up as their conversions are, money stored as
    whole numbers added as ints."""

    __slots__ = ("_convert", "_stored", "_zero")

    def __init__(self, column: Sequence[Decimal | int]) -> None:
        if isinstance(column, ConvertedColumn):
            stored, convert = column.parts()
        else:
            stored, convert = column, iter
        self._stored: Sequence[Any] = stored
        self._convert: Convert = convert
        self._zero = _whole_zero(convert) if convert is not iter else None

    def sums(self, starts: Iterable[int], stops: Iterable[int]) -> list[Decimal | int]:
        """Each slice's values (one at least) added up, begun at the first: the same Decimal,
        exponent and all, as the conversions added one by one."""
        stored = self._stored
        if self._convert is iter:  # values as they are: the first read, the others added
            return [
                sum(stored[start + 1 : stop], stored[start])
                for start, stop in zip(starts, stops, strict=True)
            ]
        ranges = list(map(stored.__getitem__, map(slice, starts, stops)))
        if self._zero is not None:
            totals = _whole_totals(ranges)
            if totals is not None:
                zero = self._zero
                return [
                    total + zero if type(total) is int else self._converted_sum(values)
                    for total, values in zip(totals, ranges, strict=True)
                ]
        return list(map(self._converted_sum, ranges))

    def added(self, values: Sequence[Any]) -> Decimal | int:
        """Stored values (one at least, read from this column) added up as ``sums`` adds."""
        if self._convert is iter:
            return sum(values[1:], values[0])  # type: ignore[no-any-return]
        if self._zero is not None:
            try:
                total = sum(values)
            except TypeError:  # text: converted
                pass
            else:
                if type(total) is int and -_EXACT < total < _EXACT:
                    return total + self._zero
        return self._converted_sum(values)

    def _converted_sum(self, values: Sequence[Any]) -> Decimal | int:
        converted: Iterator[Decimal | int] = iter(self._convert(values))
        return sum(converted, next(converted))

    def compared(self, ranges: list[Sequence[Any]]) -> list[Sequence[Any]]:
        """Slices of stored values as values comparing with 0 as their conversions do: the
        stored whole numbers themselves where every value is one, else the conversions."""
        if self._zero is not None:
            totals = _whole_totals(ranges)
            if totals is not None and all(type(total) is int for total in totals):
                return ranges
        convert = self._convert
        if convert is iter:
            return ranges
        return list(map(tuple, map(convert, ranges)))

    @property
    def stored(self) -> Sequence[Any]:
        """The values as stored (the column itself when converted)."""
        return self._stored


def _whole_totals(ranges: list[Sequence[Any]]) -> list[Any] | None:
    """Each range's stored values added up in C (an int when all are whole numbers and the
    sum stays exact, else something else); None when some are text."""
    try:
        totals = list(map(sum, ranges))
    except TypeError:
        return None
    if totals and not -_EXACT < min(totals) <= max(totals) < _EXACT:
        return None
    return totals
