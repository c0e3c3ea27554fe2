"""``fraction_below`` and ``scaled_gaps`` order Fractions as Fraction's own arithmetic does
(the missing list and the cheapest way compare points with them, without a Fraction made or
numbers' abstract classes asked per comparison)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from mpn_desktop.domain.fraction_pairs import fraction_below, scaled_gaps

fractions = st.fractions(min_value=-1000, max_value=1000, max_denominator=10**6)


@given(fractions, fractions)
def test_below_is_less_than(a: Fraction, b: Fraction) -> None:
    assert fraction_below(a, b) is (a < b)


def test_below_at_equal_values_and_whole_numbers() -> None:
    assert not fraction_below(Fraction(40, 3), Fraction(80, 6))
    assert fraction_below(Fraction(69, 1), Fraction(70))
    assert not fraction_below(Fraction(70), Fraction(139, 2))


@given(st.lists(st.tuples(fractions, fractions), max_size=8))
def test_gaps_order_as_the_differences(values: list[tuple[Fraction, Fraction]]) -> None:
    gaps = scaled_gaps(values)
    differences = [a - b for a, b in values]
    # Same order, ties included (a stable sort and max's first of equals pick alike).
    order = sorted(range(len(values)), key=gaps.__getitem__)
    assert order == sorted(range(len(values)), key=differences.__getitem__)
    for i, gap in enumerate(gaps):
        for j, other in enumerate(gaps):
            assert (gap < other) is (differences[i] < differences[j])
            assert (gap == other) is (differences[i] == differences[j])
