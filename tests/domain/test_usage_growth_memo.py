"""Usage growth's totals are worked out once per scope, quantity, span and month in an
evaluation (``designation_measures._growth_totals``, kept in the figures' memo): parts that
share a scope but read another quantity, another span or another last month, or that read
another scope of the same workloads, must each get their own figures, as when measured alone
on figures of their own."""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_measures import _qualifying, measure
from mpn_desktop.domain.designations import Measure, Part, Quantity
from mpn_desktop.domain.facts import Kept
from mpn_desktop.domain.usage_figures import UsageFigures
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.sp_organisations import sp_organisation
from tests.domain.test_usage_cell_runs import _FIRST, _facts
from tests.domain.test_usage_customer_figures import _shaped

_GROWTH = (Measure.USAGE_GROWTH, Measure.USAGE_GROWTH_PERCENT)


def _growth_parts() -> list[Part]:
    catalog = shipped_scored_catalogs()[-1]
    return [
        part
        for designation in catalog.designations
        for track in designation.tracks
        for metric in track.metrics
        for option in metric.options
        for part in option
        if part.measure in _GROWTH
    ]


def test_growth_parts_sharing_a_scope_measure_as_each_alone() -> None:
    rates = shipped_scored_catalogs()[-1].rate_card
    parts = _growth_parts()
    assert parts
    for seed in range(6):
        facts = sp_organisation(random.Random(seed))
        shared = UsageFigures(facts, rates)
        for part in parts:
            variants = [
                part,
                *(replace(part, quantity=quantity) for quantity in Quantity),
                replace(part, compare_twelve_months=not part.compare_twelve_months),
            ]
            for variant in variants:
                for last in (Month(2023, 7), Month(2023, 8)):
                    together = measure(variant, shared, last)
                    fresh = UsageFigures(replace(facts, kept=Kept()), rates)
                    assert repr(together) == repr(measure(variant, fresh, last))


def test_a_part_of_several_conditions_qualifies_the_tenants_meeting_each() -> None:
    """``_qualifying`` of a part of several conditions (a seat band and an active share) is
    what the part of each condition alone qualifies, intersected: a tenant meeting one of
    them only does not count."""
    parts = [
        (catalog.rate_card, part)
        for catalog in shipped_scored_catalogs()
        for designation in catalog.designations
        for track in designation.tracks
        for metric in track.metrics
        for option in metric.options
        for part in option
        if len(part.conditions) > 1
    ]
    assert parts
    narrower = 0
    for seed in range(12):
        rng = random.Random(seed)
        facts = _shaped(rng, _facts(rng, "grouped"))
        for rates, part in parts:
            for month in (_FIRST.plus(20), _FIRST.plus(40), _FIRST.plus(60)):
                figures = UsageFigures(replace(facts, kept=Kept()), rates)
                each = [
                    _qualifying(replace(part, conditions=(condition,)), figures, month)
                    for condition in part.conditions
                ]
                found = _qualifying(part, figures, month)
                assert found == frozenset.intersection(*each)
                narrower += found != frozenset.union(*each)
    assert narrower, "some tenant meets one condition only"


def test_growth_parts_differing_only_in_scope_measure_as_each_alone() -> None:
    """The totals are kept per whole scope: parts of the same workloads, quantity, span and
    month that name other services, exclude a service, or read fewer association types each
    get their own figures (a key of the workloads alone would hand one the other's); a part
    of either growth measure (amount or percent), or of other minimums to score, measured on
    the same figures too."""
    rates = shipped_scored_catalogs()[-1].rate_card
    parts = _growth_parts()
    for seed in range(4):
        facts = sp_organisation(random.Random(seed))
        shared = UsageFigures(facts, rates)
        for part in parts:
            scope = part.scope
            scopes = [
                scope,
                replace(scope, services=frozenset({"storage"})),
                replace(scope, services=frozenset({"storage", "sentinel"})),
                replace(scope, excluded_services=frozenset({"storage"})),
                *(
                    replace(scope, associations=frozenset({association}))
                    for association in sorted(scope.associations)
                ),
            ]
            variants = [
                *(replace(part, scope=each, measure=kind) for each in scopes for kind in _GROWTH),
                # The gates read the totals after them: other minimums, the same totals.
                replace(part, baseline_minimum=Decimal(50), twelve_month_minimum=None),
                replace(part, baseline_minimum=None, twelve_month_minimum=Decimal(10**6)),
            ]
            for variant in variants:
                last = Month(2023, 7)
                together = measure(variant, shared, last)
                fresh = UsageFigures(replace(facts, kept=Kept()), rates)
                assert repr(together) == repr(measure(variant, fresh, last))
