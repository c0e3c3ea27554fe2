"""A few customers' figures read from the runs (``PricedSums.customer_quantities``) and
their conditions tested alone (``designation_measures._qualifying_among``) must give what
the whole month's figures and conditions give for those customers, whatever the rows'
order, gaps, repeats, services and edits (then the whole month is read).
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.designation_measures import _qualifying, _qualifying_among
from mpn_desktop.domain.designations import Counted, Measure, Part, Quantity, Scope
from mpn_desktop.domain.facts import Facts, Kept
from mpn_desktop.domain.usage_figures import UsageFigures, carry_usage_sums, usage_sums
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.test_usage_cell_runs import _FIRST, _LAYOUTS, _ORDERS, _facts, _partner_center

CATALOGS = shipped_scored_catalogs()
_SEEDED = st.integers(0, 2**32 - 1).map(random.Random)
_KINDS = (*_ORDERS, *(f"partner center: {layout}" for layout in sorted(_LAYOUTS)))


def _parts() -> list[tuple[dict[str, Decimal], Part]]:
    """Every usage part of the shipped catalogues, with its catalogue's rate card."""
    found: dict[Part, dict[str, Decimal]] = {}
    for catalog in CATALOGS:
        for designation in catalog.designations:
            for track in designation.tracks:
                for metric in track.metrics:
                    for option in metric.options:
                        for part in option:
                            found.setdefault(part, catalog.rate_card)
    return [(rates, part) for part, rates in found.items()]


PARTS = _parts()
SCOPES = sorted({(part.scope, tuple(sorted(rates.items()))) for rates, part in PARTS}, key=repr)


def _drawn(rng: random.Random, kind: str) -> Facts:
    if kind.startswith("partner center: "):
        return _partner_center(rng, kind.removeprefix("partner center: "))
    return _facts(rng, kind)


def _edited(rng: random.Random, facts: Facts) -> Facts:
    """The facts after a few rows replaced in place, the sums carried (those months' rows
    then put in row by row), or as they are when there are no rows."""
    if not facts.usage:
        return facts
    usage_sums(facts).priced({})  # sums worked out before the edit
    usage = list(facts.usage)
    removed, added = [], []
    for at in rng.sample(range(len(usage)), min(3, len(usage))):
        old = usage[at]
        new = replace(old, month=old.month.plus(rng.choice((-1, 0, 1))), paid_seats=0)
        usage[at] = new
        removed.append(old)
        added.append(new)
    after = replace(facts, usage=tuple(usage))
    carry_usage_sums(facts, after, removed, added)
    return after


def _exact(values: Any, customers: list[str]) -> dict[str, str]:
    """The customers' values written out with their type (2, 2.0 and 2.00 differ)."""
    return {c: repr(values[c]) for c in customers if c in values}


def _customers(rng: random.Random, facts: Facts) -> list[str]:
    every = sorted({sub.customer for sub in facts.subscriptions})
    return [*rng.sample(every, rng.randint(0, len(every))), "nobody"]


@settings(max_examples=40, deadline=None)
@given(rng=_SEEDED, kind=st.sampled_from(_KINDS), edit=st.booleans())
def test_a_few_customers_figures_equal_the_whole_months(
    rng: random.Random, kind: str, edit: bool
) -> None:
    facts = _drawn(rng, kind)
    if edit:
        facts = _edited(rng, facts)
    for scope_key in rng.sample(SCOPES, min(6, len(SCOPES))):
        scope: Scope = scope_key[0]
        rates = dict(scope_key[1])
        for quantity in Quantity:
            last = _FIRST.plus(rng.randrange(0, 90))
            months = [last] if rng.random() < 0.7 else [last.plus(-b) for b in range(12)]
            whole = UsageFigures(replace(facts, kept=Kept()), rates).per_customer(
                scope, quantity, months
            )
            # Asked about on the same sums as an edit leaves them (kept with the facts),
            # twice: the second time some customers asked before, some not.
            figures = UsageFigures(facts, rates)
            for _ in range(2):
                customers = _customers(rng, facts)
                few = figures.customer_quantities(scope, quantity, months, customers)
                assert _exact(few, customers) == _exact(whole, customers)


@settings(max_examples=25, deadline=None)
@given(rng=_SEEDED, kind=st.sampled_from(_KINDS))
def test_conditions_tested_for_a_few_customers_admit_those_the_whole_month_admits(
    rng: random.Random, kind: str
) -> None:
    facts = _drawn(rng, kind)
    tenant_parts = [
        (rates, part)
        for rates, part in PARTS
        if part.measure is Measure.TENANT_GROWTH
        and part.counted is not Counted.TENANT_SERVICES
        and not any(condition.per_service for condition in part.conditions)
    ]
    assert tenant_parts
    for rates, part in tenant_parts:
        month = _FIRST.plus(rng.randrange(0, 90))
        every = _qualifying(part, UsageFigures(replace(facts, kept=Kept()), rates), month)
        customers = _customers(rng, facts)
        few = _qualifying_among(
            part, UsageFigures(replace(facts, kept=Kept()), rates), month, customers
        )
        wanted = {(customer, "") for customer in customers}
        assert few & wanted == every & wanted


def test_the_comparisons_reach_a_customer_with_several_subscriptions_in_a_cell() -> None:
    """The drawn organisations hold customers with runs in both tiers of a cell."""
    facts = _facts(random.Random(4), "grouped")
    sums = usage_sums(facts)
    assert any(
        runs.at(month)[2]
        for runs in sums.runs.values()
        for month in range(runs.first_month, runs.last_month + 1)
    )
