"""The cheapest way states amounts (percentage points of growth, US$) exactly as the missing
sentence states them, and rounds whole things (customers, people) up: the lead's decision on
session 9's review, where the way said "9 more percentage points" beside the sentence's
"8.04"."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.designation_measures import Measured
from mpn_desktop.domain.designation_missing import (
    _Lever,
    cheapest_steps,
    more_text,
    part_to_full,
)
from mpn_desktop.domain.designation_results import (
    CategoryScore,
    MetricScore,
    PartScore,
    TrackScore,
)
from mpn_desktop.domain.designations import Measure, Part, Quantity, Scope

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


def _track(metric: MetricScore, others: Fraction) -> TrackScore:
    """The metric beside a full one of ``others`` points."""
    full = MetricScore(
        id="full",
        name="Full",
        category="performance",
        have=Decimal(1),
        need=Decimal(1),
        unit="customers",
        points=others,
        max_points=others,
        missing=(),
    )
    return TrackScore(
        "enterprise",
        others + metric.points,
        (
            CategoryScore("performance", "Performance", others, others, (full,)),
            CategoryScore(
                "customer-success", "Customer success", metric.points, metric.max_points, (metric,)
            ),
        ),
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
    (step,) = cheapest_steps(_track(metric, Fraction(50)), AT).steps
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
    (step,) = cheapest_steps(_track(metric, Fraction(50)), AT).steps
    assert step.units == Decimal("1234.56")
    assert step.text.startswith(f"Metric: {more_text(short[0], 'USD')} (+")
    assert "US$ 1,234.56 more" in step.text


def test_whole_things_still_round_up() -> None:
    """Customers: 8 points short at 6 a customer is 1.33 customers, so 2 (+12 points)."""
    adds = Part(Measure.TENANT_GROWTH, Fraction(5), "customers", _SCOPE)
    metric = _metric(adds, Decimal(2), Decimal(5), Fraction(30))
    (step,) = cheapest_steps(_track(metric, Fraction(50)), AT).steps
    assert (step.units, step.gain) == (Decimal(2), Fraction(12))
    assert step.text == "Metric: 2 more customers (+12 points)"


@settings(max_examples=300, deadline=None)
@given(
    st.tuples(
        st.fractions(min_value=-50, max_value=50, max_denominator=40),  # start
        st.fractions(min_value=-5, max_value=5, max_denominator=12).filter(bool),  # per
        st.fractions(min_value=0, max_value=40, max_denominator=9),  # cap
        st.fractions(min_value=0, max_value=40, max_denominator=9),  # held
        st.fractions(min_value=-3, max_value=300, max_denominator=7).filter(bool),  # scale
        st.fractions(min_value=0, max_value=9, max_denominator=3),  # gate
    ),
    st.fractions(min_value=0, max_value=40, max_denominator=11),
)
def test_an_amount_lever_takes_the_exact_units_its_rule_gives(
    rule: tuple[Fraction, Fraction, Fraction, Fraction, Fraction, Fraction], wanted: Fraction
) -> None:
    """``units_for`` of an amount is ``(min(cap, now + wanted) / per - start) / scale``
    itself (no ceiling), at least the gate, for any signs and scales."""
    start, per, cap, held, scale, gate = rule
    lever = _Lever(
        MetricScore("m", "M", "c", Decimal(0), Decimal(1), "USD", held, cap, ()),
        0,
        "USD",
        start=start,
        per=per,
        cap=cap,
        held=held,
        gate=gate,
        scale=scale,
        whole=False,
    )
    exact = (min(cap, held + wanted) / per - start) / scale
    assert lever.units_for(wanted) == max(Fraction(0), gate, exact)
