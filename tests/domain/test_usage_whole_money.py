"""Usage money stored as whole numbers is added up as ints (``usage_whole_money``): each sum
must be the Decimal the conversions added one by one give, digit for digit (exponent and
all), whatever else the column holds (amounts with cents stored as floats, text, sums past
the context's digits), and the whole numbers must not be converted one by one.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import partial
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.column_rows import ConvertedColumn
from mpn_desktop.domain.usage_whole_money import ColumnSums
from mpn_desktop.store.sqlite_values import money

_SEEDED = st.integers(0, 2**32 - 1).map(random.Random)


def _counted(convert: Callable[[Any], Decimal], lengths: list[int]) -> Any:
    """``convert`` over a sequence, each conversion's length counted."""

    def converting(values: Sequence[Any]) -> list[Decimal]:
        lengths.append(len(values))
        return [convert(value) for value in values]

    return converting


def _stored(rng: random.Random, kinds: tuple[str, ...]) -> list[Any]:
    """Money as SQLite may hand it over: whole numbers, some below 0, amounts with cents
    stored as floats."""
    found: list[Any] = []
    for _ in range(rng.randint(1, 60)):
        kind = rng.choice(kinds)
        if kind == "whole":
            found.append(rng.randint(-50, 10**6))
        elif kind == "cents":
            found.append(rng.randint(-5000, 10**6) / 100)
        else:
            found.append(rng.choice((0, 10**19, -(10**19))))
    return found


def _slices(rng: random.Random, length: int) -> tuple[list[int], list[int]]:
    starts, stops = [], []
    for _ in range(rng.randint(1, 12)):
        start = rng.randrange(length)
        starts.append(start)
        stops.append(rng.randint(start + 1, length))
    return starts, stops


def _written(values: Sequence[Decimal | int]) -> list[str]:
    return [repr(value) for value in values]


def _expected(converted: Sequence[Decimal], starts: list[int], stops: list[int]) -> list[str]:
    """Each slice's conversions added one by one, begun at the first."""
    return _written(
        [sum(converted[a + 1 : b], converted[a]) for a, b in zip(starts, stops, strict=True)]
    )


@settings(max_examples=200, deadline=None)
@given(
    rng=_SEEDED,
    kinds=st.sampled_from((("whole",), ("whole", "cents"), ("whole", "huge"), ("cents",))),
)
def test_sums_of_stored_money_equal_the_conversions_added(
    rng: random.Random, kinds: tuple[str, ...]
) -> None:
    stored = _stored(rng, kinds)
    starts, stops = _slices(rng, len(stored))
    converted = [money(value) for value in stored]
    lengths: list[int] = []
    column = ConvertedColumn(tuple(stored), _counted(money, lengths))
    sums = ColumnSums(column)
    assert _written(sums.sums(starts, stops)) == _expected(converted, starts, stops)
    for start, stop in zip(starts, stops, strict=True):
        assert repr(sums.added(stored[start:stop])) == repr(
            sum(converted[start + 1 : stop], converted[start])
        )
    assert not column.converted
    if kinds == ("whole",):
        # Only the whole numbers checked at first were converted, none of the stored ones.
        assert lengths == [6]


def test_whole_sums_give_the_conversions_exponent() -> None:
    column = ConvertedColumn((444, 34, 0, -5), partial(map, money))
    assert _written(ColumnSums(column).sums([0, 2], [2, 4])) == [
        "Decimal('478.00')",
        "Decimal('-5.00')",
    ]


@pytest.mark.parametrize(
    "convert",
    [
        lambda value: Decimal(value) * 2,  # not the number itself
        lambda value: (
            Decimal(str(value)) if value < 100 else Decimal(value).scaleb(0) + Decimal("0.0")
        ),
        lambda value: (
            Decimal(f"{value}.0") if value % 2 else Decimal(f"{value}.00")
        ),  # exponents vary
        float,  # no Decimal
    ],
)
def test_a_conversion_not_writing_whole_numbers_as_themselves_is_added_converted(
    convert: Callable[[Any], Any],
) -> None:
    stored = (7, 250, 3, 1)
    column = ConvertedColumn(stored, partial(map, convert))
    expected = [convert(7) + convert(250), convert(3) + convert(1)]
    assert [repr(value) for value in ColumnSums(column).sums([0, 2], [2, 4])] == [
        repr(value) for value in expected
    ]


def test_text_stored_is_converted_and_added() -> None:
    column = ConvertedColumn(("1E+3", "2.50", "7"), partial(map, Decimal))
    assert _written(ColumnSums(column).sums([0], [3])) == _written([Decimal("1009.50")])
    assert repr(ColumnSums(column).added(("1E+3", "2.50"))) == repr(Decimal("1002.50"))


def test_compared_values_are_the_whole_numbers_or_the_conversions() -> None:
    whole = ConvertedColumn((5, -1, 0), partial(map, money))
    ranges: list[Sequence[Any]] = [(5, -1), (0,)]
    assert ColumnSums(whole).compared(ranges) == ranges
    # 0.004 is stored above 0, but written with two decimals it is 0.00: not consumed.
    cents = ConvertedColumn((0.004, 1), partial(map, money))
    compared = ColumnSums(cents).compared([(0.004, 1)])
    assert [value > 0 for value in compared[0]] == [False, True]


def test_values_as_they_are_are_added_from_the_first() -> None:
    plain = (Decimal("1E+3"), Decimal("2.5"), 3)
    sums = ColumnSums(plain)
    assert _written(sums.sums([0, 1], [2, 3])) == _written(
        [Decimal("1E+3") + Decimal("2.5"), Decimal("2.5") + 3]
    )
    assert repr(sums.added(plain[:1])) == repr(Decimal("1E+3"))


def test_whole_numbers_past_a_floats_digits_are_added_as_converted() -> None:
    """SQLite's money writes a stored number with two decimals through a float: a whole
    number past 2**53 loses its last digits there, and the sums must lose them as the
    conversions added one by one do (not add the exact ints)."""
    stored = (2**53 + 1, 5, 2**60 + 1)
    converted = [money(value) for value in stored]
    sums = ColumnSums(ConvertedColumn(stored, partial(map, money)))
    assert _written(sums.sums([0, 2], [2, 3])) == _expected(converted, [0, 2], [2, 3])
    assert repr(sums.added(stored[:2])) == repr(converted[0] + converted[1])
