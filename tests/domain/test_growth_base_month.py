"""Usage growth's base of a customer associated during the year is its usage in its own month
(``designation_measures._growth_totals``): a part comparing twelve months reads that month
alone, not the twelve months ending there, since nothing of the customer counts before its
first subscription of the scope was associated. The totals must be those of the twelve
months (usage before an association is in the generated organisations), and only the month
is read."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from decimal import Decimal

import pytest

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_measures import _back, _growth_totals
from mpn_desktop.domain.designations import Measure, Part, Quantity, Scope, ScoredCatalog
from mpn_desktop.domain.facts import Facts, Kept
from mpn_desktop.domain.usage_figures import UsageFigures
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.sp_organisations import sp_organisation

_GROWTH = (Measure.USAGE_GROWTH, Measure.USAGE_GROWTH_PERCENT)
_LAST_MONTHS = (Month(2022, 10), Month(2023, 7), Month(2024, 5), Month(2025, 12))


def _growth_parts(catalog: ScoredCatalog) -> list[Part]:
    """Every growth part of the catalogue, comparing one month and twelve months, in each of
    the quantities a growth can read (a share too)."""
    parts = [part for part in catalog.parts() if part.measure in _GROWTH]
    return [
        replace(part, compare_twelve_months=twelve, quantity=quantity)
        for part in parts
        for twelve in (False, True)
        for quantity in Quantity
    ]


def _span_base(part: Part, figures: UsageFigures, last: Month) -> Decimal:
    """The base as its definition reads it: the twelve months a year ago, and each customer
    associated during the year with its span of months ending in its first month."""
    span = 12 if part.compare_twelve_months else 1
    year_ago = last.plus(-12)
    total = figures.total(part.scope, part.quantity, _back(year_ago, span))
    by_base: dict[Month, list[str]] = defaultdict(list)
    for customer, start in figures.first_months(part.scope).items():
        if year_ago < start <= last:
            by_base[start].append(customer)
    for start, customers in by_base.items():
        base = figures.customer_quantities(part.scope, part.quantity, _back(start, span), customers)
        total += sum((base.get(customer, Decimal(0)) for customer in customers), Decimal(0))
    return total


def _fresh(facts: Facts, catalog: ScoredCatalog) -> UsageFigures:
    return UsageFigures(replace(facts, kept=Kept()), catalog.rate_card)


def test_the_base_is_the_spans_figure() -> None:
    """The same Decimal (digits and exponent) as the span read whole, for every growth part
    of every shipped catalogue, on organisations with usage before an association."""
    compared = twelve_months = 0
    for seed in range(8):
        facts = sp_organisation(random.Random(seed))
        for catalog in shipped_scored_catalogs():
            # Figures of their own for each side: neither reads what the other kept.
            figures, spans = _fresh(facts, catalog), _fresh(facts, catalog)
            for part in _growth_parts(catalog):
                for last in _LAST_MONTHS:
                    span = 12 if part.compare_twelve_months else 1
                    _last, base, _year_ago = _growth_totals(part, figures, last, span)
                    expected = _span_base(part, spans, last)
                    assert (base, str(base)) == (expected, str(expected))
                    compared += 1
                    twelve_months += part.compare_twelve_months and base != 0
    assert compared and twelve_months, "twelve-month bases with customers' usage compared"


def test_usage_before_an_association_is_in_the_organisations() -> None:
    """The comparison above means something: customers associated during a year have usage
    the scope would count in the months before their first month, but for its association."""
    seen = 0
    for seed in range(8):
        facts = sp_organisation(random.Random(seed))
        associated = {s.id: s.associated_on for s in facts.subscriptions if not s.trial}
        for usage in facts.usage:
            day = associated.get(usage.subscription)
            seen += day is not None and usage.month < Month.of(day) and usage.consumption_usd > 0
    assert seen


def test_an_associated_customers_base_is_read_for_its_own_month(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each customer associated during the year is asked about one month, whatever the span
    (a part comparing twelve months asked about the twelve ending there)."""
    catalog = shipped_scored_catalogs()[-1]
    asked: list[int] = []
    original = UsageFigures.customer_quantities

    def spy(
        figures: UsageFigures,
        scope: Scope,
        quantity: Quantity,
        months: Iterable[Month],
        customers: Iterable[str],
    ) -> Mapping[str, Decimal | int]:
        months = tuple(months)
        asked.append(len(months))
        return original(figures, scope, quantity, months, customers)

    monkeypatch.setattr(UsageFigures, "customer_quantities", spy)
    facts = sp_organisation(random.Random(3))
    for part in _growth_parts(catalog):
        if part.compare_twelve_months:
            for last in _LAST_MONTHS:
                _growth_totals(part, _fresh(facts, catalog), last, 12)
    assert asked and set(asked) == {1}
