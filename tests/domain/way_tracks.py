"""Tracks built for the cheapest way's tests: the metrics under test beside a full one."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from mpn_desktop.domain.designation_results import CategoryScore, MetricScore, TrackScore
from mpn_desktop.domain.designation_skilling import fraction_sum


def beside_full(*metrics: MetricScore, others: Fraction) -> TrackScore:
    """An enterprise track of ``metrics`` and a full metric worth ``others`` points (of
    performance): it has nothing to add, so the way's steps are the metrics' own."""
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
    every = (full, *metrics)
    categories = tuple(
        CategoryScore(
            category,
            category.capitalize(),
            fraction_sum(m.points for m in held),
            fraction_sum(m.max_points for m in held),
            held,
        )
        for category in dict.fromkeys(m.category for m in every)
        for held in (tuple(m for m in every if m.category == category),)
    )
    return TrackScore("enterprise", fraction_sum(m.points for m in every), categories)
