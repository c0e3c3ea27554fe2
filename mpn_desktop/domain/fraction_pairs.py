"""Exact numbers as a numerator over a positive denominator: integer pairs.

The cheapest way (``designation_way``) prices every open lever in every round; a
``Fraction`` makes a new one (and its gcd) per operation, a pair only the products. A pair
is reduced only where it is kept across rounds (``reduced``: each sum multiplies the
denominators).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

Pair = tuple[int, int]
"""A number as its numerator over a positive denominator."""

ZERO: Pair = (0, 1)
ONE: Pair = (1, 1)


def pair(value: Fraction) -> Pair:
    """The Fraction as a pair."""
    return value.numerator, value.denominator


def plus(a: Pair, b: Pair) -> Pair:
    """``a + b``."""
    return a[0] * b[1] + b[0] * a[1], a[1] * b[1]


def minus(a: Pair, b: Pair) -> Pair:
    """``a - b``."""
    return a[0] * b[1] - b[0] * a[1], a[1] * b[1]


def below(a: Pair, b: Pair) -> bool:
    """``a < b``."""
    return a[0] * b[1] < b[0] * a[1]


def least(a: Pair, b: Pair) -> Pair:
    """``min(a, b)``: ``a`` unless ``b`` is below it."""
    return b if below(b, a) else a


def fraction_below(a: Fraction, b: Fraction) -> bool:
    """``a < b`` by cross-multiplying (denominators are positive): a Fraction's own comparison
    first asks numbers' abstract classes what ``b`` is, twice the time of this."""
    return a.numerator * b.denominator < b.numerator * a.denominator


def scaled_gaps(values: Sequence[tuple[Fraction, Fraction]]) -> list[int]:
    """Each ``a - b`` of ``values`` as an integer over one common denominator: ordered as the
    differences are, without a Fraction (and its gcd) made for each."""
    common = math.lcm(*(f.denominator for each in values for f in each))
    return [
        a.numerator * (common // a.denominator) - b.numerator * (common // b.denominator)
        for a, b in values
    ]


def as_decimal(a: Pair) -> Decimal:
    """The number as a Decimal (exact for an amount of cents; else to Decimal's precision)."""
    return Decimal(a[0]) / Decimal(a[1])


def reduced(a: Pair) -> Pair:
    """The same number over the smallest denominator."""
    common = math.gcd(*a)
    return a[0] // common, a[1] // common
