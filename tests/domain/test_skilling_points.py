"""A skilling metric's points worked out in integers over one denominator equal the
Fractions of SOLUTIONS-PARTNER.md § 1.7: the steps met, then the final list's people, up to
the maximum; and the people that give full points, ``ceil(room / points per person)``. And
``fraction_sum``, which the scores add their Fractions up with, is their exact sum."""

from __future__ import annotations

import math
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.designation_skilling import fraction_sum, rule_points
from mpn_desktop.domain.designations import Listed, Skilling, Step

_POINTS = st.fractions(0, 40, max_denominator=12)


@settings(max_examples=300, deadline=None)
@given(
    steps=st.lists(_POINTS, max_size=3),
    per_person=_POINTS,
    max_points=st.fractions(1, 60, max_denominator=12),
    data=st.data(),
)
def test_the_integer_points_are_the_fractions_of_the_rule(
    steps: list[Fraction], per_person: Fraction, max_points: Fraction, data: st.DataObject
) -> None:
    listed = (Listed("azure-administrator-associate"),)
    rule = Skilling(listed, per_person, tuple(Step(listed, 1, points=points) for points in steps))
    figures = rule_points(rule, max_points)
    room = max_points - sum(steps, Fraction(0))
    assert figures.need == (math.ceil(room / per_person) if per_person else 0)
    met = data.draw(st.lists(st.booleans(), min_size=len(steps), max_size=len(steps)))
    final = data.draw(st.integers(-1, 30))
    expected = sum((p for p, m in zip(steps, met, strict=True) if m), Fraction(0))
    if final >= 0:
        expected += per_person * final
    assert figures.points(met, final) == min(max_points, expected)
    assert rule_points(rule, max_points) is figures, "worked out once per rule and maximum"


@settings(max_examples=300, deadline=None)
@given(values=st.lists(st.fractions(-40, 40, max_denominator=12), max_size=6))
def test_fraction_sum_is_the_sum_of_its_terms(values: list[Fraction]) -> None:
    """Added up over one denominator, none and one term handed back without a Fraction made:
    the sum all the same (0 for none, the term for one), a Fraction in lowest terms."""
    found = fraction_sum(iter(values))
    assert found == sum(values, Fraction(0))
    assert type(found) is Fraction
    assert math.gcd(found.numerator, found.denominator) == 1
