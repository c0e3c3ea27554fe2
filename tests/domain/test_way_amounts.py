"""The cheapest way states amounts (percentage points of growth, US$) exactly as the missing
sentence states them, and rounds whole things (customers, people) up: the lead's decision on
session 9's review, where the way said "9 more percentage points" beside the sentence's
"8.04"."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from mpn_desktop.domain.designation_measures import Measured
from mpn_desktop.domain.designation_missing import (
    cheapest_steps,
    more_text,
    part_to_full,
)
from mpn_desktop.domain.designation_results import MetricScore, PartScore
from mpn_desktop.domain.designations import Measure, Part, Quantity, Scope
from tests.domain.way_tracks import beside_full

AT = Fraction(70)
_SCOPE = Scope(frozenset(), frozenset())


def _metric(part: Part, have: Decimal, need: Decimal, most: Fraction) -> MetricScore:
    """A metric of one part worth ``most`` at ``need``, measured at ``have``."""
    points = min(most, most * Fraction(have) / Fraction(need))
    scored = PartScore("", part.unit, have, need, points, Measured(value=have), None, part)
    return MetricScore(
        id="metric",
        name="Metric",
        category="customer-success",
        have=have,
        need=need,
        unit=part.unit,
        points=points,
        max_points=most,
        missing=("...",),
        parts=(scored,),
    )


def test_a_percentage_growth_step_states_the_sentence_s_figure() -> None:
    """8.04 percentage points short of the growth's full 20 points, which the way needs
    whole: the step takes 8.04 (it said 9) and writes them as the sentence does."""
    growth = Part(Measure.USAGE_GROWTH_PERCENT, Fraction(20), "percent", _SCOPE)
    metric = _metric(growth, Decimal("11.96"), Decimal(20), Fraction(20))
    short = part_to_full(metric, 0)
    assert short is not None
    sentence = more_text(short[0], "percent")
    assert sentence == "8.04 more percentage points of growth"
    (step,) = cheapest_steps(beside_full(metric, others=Fraction(50)), AT).steps
    assert (step.units, step.gain) == (Decimal("8.04"), Fraction(804, 100))
    assert step.text.startswith(f"Metric: {sentence} (+")


def test_a_us_dollar_growth_step_states_the_sentence_s_figure() -> None:
    """A growth in US$ (a difference of consumption): US$ 1,234.56 short, stated so."""
    growth = Part(
        Measure.USAGE_GROWTH, Fraction(5000), "USD", _SCOPE, quantity=Quantity.CONSUMPTION_USD
    )
    metric = _metric(growth, Decimal("3765.44"), Decimal(5000), Fraction(20))
    short = part_to_full(metric, 0)
    assert short is not None and short[0] == Decimal("1234.56")
    (step,) = cheapest_steps(beside_full(metric, others=Fraction(50)), AT).steps
    assert step.units == Decimal("1234.56")
    assert step.text.startswith(f"Metric: {more_text(short[0], 'USD')} (+")
    assert "US$ 1,234.56 more" in step.text


def test_whole_things_still_round_up() -> None:
    """Customers: 8 points short at 6 a customer is 1.33 customers, so 2 (+12 points)."""
    adds = Part(Measure.TENANT_GROWTH, Fraction(5), "customers", _SCOPE)
    metric = _metric(adds, Decimal(2), Decimal(5), Fraction(30))
    (step,) = cheapest_steps(beside_full(metric, others=Fraction(50)), AT).steps
    assert (step.units, step.gain) == (Decimal(2), Fraction(12))
    assert step.text == "Metric: 2 more customers (+12 points)"
