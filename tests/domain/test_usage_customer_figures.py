"""A few customers' figures read from the runs (``PricedSums.customer_quantities``) and
their conditions tested alone (``designation_measures._qualifying_among``) must give what
the whole month's figures and conditions give for those customers, and a scope's total
(``PricedSums.total``, from the rows) what its customers' figures add up to, whatever the
rows' order, gaps, repeats, services and edits (then the whole month is read).
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal
from typing import Any, NamedTuple

from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_measures import _qualifying, _qualifying_among
from mpn_desktop.domain.designations import Counted, Measure, Part, Quantity, Scope
from mpn_desktop.domain.facts import Facts, Kept
from mpn_desktop.domain.usage_cell_runs import Cell
from mpn_desktop.domain.usage_figures import UsageFigures, UsageSums, carry_usage_sums, usage_sums
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.row_figures import RowFigures
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


def _scope_order(item: tuple[Scope, tuple[tuple[str, Decimal], ...]]) -> object:
    """A scope and rate card by their sorted members: not their repr, whose frozensets'
    order hangs on hashes (a workload's is its object's address), so a drawn example would
    read other scopes from one run to the next and could not be replayed."""
    scope, rates = item
    return (
        sorted(workload.value for workload in scope.workloads),
        sorted(scope.associations),
        sorted(scope.services),
        sorted(scope.excluded_services),
        rates,
    )


SCOPES = sorted(
    {(part.scope, tuple(sorted(rates.items()))) for rates, part in PARTS}, key=_scope_order
)


def _drawn(rng: random.Random, kind: str) -> Facts:
    if kind.startswith("partner center: "):
        return _partner_center(rng, kind.removeprefix("partner center: "))
    return _facts(rng, kind)


def _edited(rng: random.Random, facts: Facts, months: set[int]) -> Facts:
    """The facts after a few rows of ``months`` (if any) replaced in place, every figure
    changed, the sums carried (those months' rows then put in row by row)."""
    usage = list(facts.usage)
    within = [at for at, row in enumerate(usage) if row.month in months]
    removed, added = [], []
    # As many as an edit in place carries (no more than an eighth of the rows).
    for at in rng.sample(within, min(len(usage) // 10, 30, len(within))):
        old = usage[at]
        new = replace(
            old,
            month=old.month.plus(rng.choice((-1, 0, 0, 1))),
            consumption_usd=old.consumption_usd + Decimal("1.25"),
            revenue_usd=old.revenue_usd + 2,
            active_users=old.active_users + 3,
            paid_seats=0,
        )
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
    asked = []
    for scope, rate_items in rng.sample(SCOPES, min(6, len(SCOPES))):
        for quantity in Quantity:
            last = _FIRST.plus(rng.randrange(0, 90))
            months = [last] if rng.random() < 0.7 else [last.plus(-b) for b in range(12)]
            asked.append((scope, dict(rate_items), quantity, months))
    if edit:
        # Everything asked once before the edit: what the edit's months reach is dropped.
        every = sorted({sub.customer for sub in facts.subscriptions})
        for scope, rates, quantity, months in asked:
            figures = UsageFigures(facts, rates)
            figures.total(scope, quantity, months)
            figures.customer_quantities(scope, quantity, months, every)
        facts = _edited(rng, facts, {month for *_, months in asked for month in months})
    for scope, rates, quantity, months in asked:
        whole = (
            usage_sums(replace(facts, kept=Kept()))
            .priced(rates)
            .per_customer(scope, quantity, tuple(months))
        )
        # Asked about on the same sums as an edit leaves them (kept with the facts), twice:
        # some customers, then every one with figures and some asked before.
        figures = UsageFigures(facts, rates)
        # Shares are inexact: added up in the customers' sorted order (``total``'s).
        added_up = repr(Decimal(sum(map(whole.__getitem__, sorted(whole)), Decimal(0))))
        assert repr(figures.total(scope, quantity, months)) == added_up
        for customers in (_customers(rng, facts), [*_customers(rng, facts), *whole]):
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


def test_a_part_without_conditions_admits_nobody_for_a_few_customers_as_for_all() -> None:
    """``_qualifying`` finds nobody for a part with no condition; asked for a few customers,
    ``_qualifying_among`` finds nobody either (it gave back every customer asked)."""
    facts = _facts(random.Random(4), "grouped")
    rates, part = next(
        (rates, part) for rates, part in PARTS if part.measure is Measure.TENANT_GROWTH
    )
    bare = replace(part, conditions=())
    customers = sorted({sub.customer for sub in facts.subscriptions})
    month = _FIRST.plus(3)
    assert _qualifying(bare, UsageFigures(replace(facts, kept=Kept()), rates), month) == set()
    few = _qualifying_among(
        bare, UsageFigures(replace(facts, kept=Kept()), rates), month, customers
    )
    assert few == set()


def test_a_share_total_after_an_edit_in_its_window_is_a_fresh_evaluations() -> None:
    """A window of shares read by the runs' slices on facts just loaded, and month by month
    once an edit reached one of its months (a revenue edit: no share changes), gives the
    customers in other orders; their inexact shares' total is the same (added up in the
    customers' sorted order), not one differing in its last digit."""
    facts = _partner_center(random.Random(0), "subscription, month, service")
    scope, rate_items = SCOPES[0]
    rates = dict(rate_items)
    last = Month(2026, 2)
    months = tuple(last.plus(-back) for back in range(12))
    fresh = usage_sums(replace(facts, kept=Kept())).priced(rates)
    usage_sums(facts)
    at = next(at for at, row in enumerate(facts.usage) if row.month == last)
    old = facts.usage[at]
    new = replace(old, revenue_usd=old.revenue_usd + 1)
    after = replace(facts, usage=tuple(new if row is old else row for row in facts.usage))
    carry_usage_sums(facts, after, [old], [new])
    edited = usage_sums(after).priced(rates)
    shares = edited.per_customer(scope, Quantity.ACTIVE_SHARE, months)
    assert shares == fresh.per_customer(scope, Quantity.ACTIVE_SHARE, months)
    # (The two ways give other orders: else this test tests nothing.)
    assert list(shares) != list(fresh.per_customer(scope, Quantity.ACTIVE_SHARE, months))
    total = edited.total(scope, Quantity.ACTIVE_SHARE, months)
    assert repr(total) == repr(fresh.total(scope, Quantity.ACTIVE_SHARE, months))


def test_the_comparisons_reach_a_customer_with_several_subscriptions_in_a_cell() -> None:
    """The drawn organisations hold customers with runs in both tiers of a cell."""
    facts = _facts(random.Random(4), "grouped")
    sums = usage_sums(facts)
    assert any(
        runs.at(month)[2]
        for runs in sums.runs.values()
        for month in range(runs.first_month, runs.last_month + 1)
    )


def test_a_row_edited_in_a_month_of_runs_is_read_again_for_the_customers_asked_before() -> None:
    """The customers' figures kept for a month of runs are dropped when an edit reaches the
    month (its rows are then put in row by row), and so is the scope's total."""
    facts = _facts(random.Random(4), "grouped")
    sums = usage_sums(facts)
    cell, month, customers, places, _, scope = _first_month_of_runs(sums)
    figures = UsageFigures(facts, {})
    before = dict(figures.customer_quantities(scope, Quantity.ACTIVE_USERS, [month], customers))
    total = figures.total(scope, Quantity.ACTIVE_USERS, [month])
    old = facts.usage[places[0]]
    new = replace(old, active_users=old.active_users + 5)
    after = replace(facts, usage=tuple(new if row is old else row for row in facts.usage))
    carry_usage_sums(facts, after, [old], [new])
    figures = UsageFigures(after, {})
    assert usage_sums(after).cell_months.places_of(cell, month, ()) is None
    found = figures.customer_quantities(scope, Quantity.ACTIVE_USERS, [month], customers)
    assert found[customers[0]] == before[customers[0]] + 5
    assert figures.total(scope, Quantity.ACTIVE_USERS, [month]) == total + 5


def test_keys_within_bounds_kept_for_a_month_are_found_again_after_an_edit_reaches_it() -> None:
    """The keys within bounds are kept per (scope, months, quantity, bounds): an edit of a
    row of the month drops them (``PricedSums.without``), so a customer whose users now
    reach the bound is found."""
    facts = _facts(random.Random(4), "grouped")
    sums = usage_sums(facts)
    _cell, month, customers, places, _, scope = _first_month_of_runs(sums)
    users = sums.priced({}).quantities(scope, (month,), 2)[customers[0]]
    bounds = (Decimal(users + 5), Decimal(users + 5))

    def found(sums: UsageSums) -> list[tuple[str, str]]:
        return sums.priced({}).within(
            scope, (month,), Quantity.ACTIVE_USERS, per_service=False, bounds=bounds, tenants=True
        )

    assert (customers[0], "") not in found(sums)
    old = facts.usage[places[0]]
    new = replace(old, active_users=old.active_users + 5)
    after = replace(facts, usage=tuple(new if row is old else row for row in facts.usage))
    carry_usage_sums(facts, after, [old], [new])
    assert (customers[0], "") in found(usage_sums(after))


_BOUNDS = [
    (Decimal(0), None),
    (Decimal("0.15"), None),
    (Decimal("0.4"), None),
    (Decimal("0.4"), Decimal("0.9")),
    (Decimal(-1), Decimal(0)),
    (Decimal(5), Decimal(300)),
    (Decimal(301), None),
    (Decimal("1000.5"), None),
    (Decimal("1E+3"), Decimal("12000")),
]


class _FirstMonth(NamedTuple):
    """A cell's month read from its runs alone (no row of the month put in row by row) where
    its first customer has one row: the customers' first rows, the other rows' customers,
    and the scope of that one cell."""

    cell: Cell
    month: Month
    customers: list[str]
    places: list[int]
    other_customers: list[str]
    scope: Scope


def _first_month_of_runs(sums: UsageSums) -> _FirstMonth:
    """The first such month of the cells in a fixed order (the cells' dictionary is in the
    rows' order). Its rows are the whole month's (``cell_month``, not the runs' ``at``: a
    customer's rows put in row by row, as a run out of order, are not in the runs), so the
    first customer's row is all it has in the cell's month."""
    for cell in sorted(sums.runs, key=lambda cell: (cell[0].value, cell[1])):
        runs = sums.runs[cell]
        for index in range(runs.first_month, runs.last_month + 1):
            month = Month.from_index(index)
            held = sums.cell_month(cell, month)
            if held is None or sums.cell_months.places_of(cell, month, ()) is None:
                continue
            customers, places, other_customers, _ = held
            if customers and customers[0] not in other_customers:
                scope = Scope(frozenset({cell[0]}), frozenset({cell[1]}))
                return _FirstMonth(
                    cell, month, list(customers), list(places), list(other_customers), scope
                )
    raise AssertionError("no month of runs with a customer of one row")


def _shaped(rng: random.Random, facts: Facts) -> Facts:
    """Each customer's rows drawn one shape: no seats, shares exactly on a bound (0.4,
    0.15, whatever the rows added up), seats and users past the integer comparison's range
    (a share then divided), or as they were."""
    customer_of = {sub.id: sub.customer for sub in facts.subscriptions}
    shape = {customer: rng.randrange(5) for customer in customer_of.values()}
    usage = []
    for row in facts.usage:
        k = rng.randint(1, 40)
        drawn = shape.get(customer_of.get(row.subscription, ""), 4)
        if drawn == 0:
            usage.append(replace(row, paid_seats=0))
        elif drawn == 1:
            usage.append(replace(row, active_users=2 * k, paid_seats=5 * k))
        elif drawn == 2:
            usage.append(replace(row, active_users=3 * k, paid_seats=20 * k))
        elif drawn == 3:
            users, seats = row.active_users * 10**12, row.paid_seats * 10**12
            usage.append(replace(row, active_users=users, paid_seats=seats))
        else:
            usage.append(row)
    return replace(facts, usage=tuple(usage), kept=Kept())


@settings(max_examples=30, deadline=None)
@given(rng=_SEEDED, kind=st.sampled_from(_KINDS), shaped=st.booleans())
def test_customers_within_bounds_are_those_the_ranked_figures_give(
    rng: random.Random, kind: str, shaped: bool
) -> None:
    """The keys within bounds come from one pass over the figures (per customer, a share
    compared in integers; per (customer, service), the MCV added up alone); they must be
    the keys the ranked figures gave: those the rows' sums put within the bounds
    (``RowFigures``, the reference)."""
    facts = _drawn(rng, kind)
    if shaped:
        facts = _shaped(rng, facts)
    for scope, rate_items in rng.sample(SCOPES, min(4, len(SCOPES))):
        rates = dict(rate_items)
        if rates and rng.random() < 0.3:
            # Rates with an exponent above 0: a service without a rate then adds a 0.
            rates = {service: Decimal("2E+2") for service in rates}
        priced = usage_sums(facts).priced(rates)
        for quantity in Quantity:
            last = _FIRST.plus(rng.randrange(0, 90))
            months = (last,) if rng.random() < 0.7 else tuple(last.plus(-b) for b in range(12))
            for bounds in rng.sample(_BOUNDS, 4):
                tenants, per_service = rng.random() < 0.5, rng.random() < 0.5
                wanted = RowFigures(facts, rates).within(
                    scope,
                    months,
                    quantity=quantity,
                    per_service=per_service,
                    bounds=bounds,
                    tenants=tenants,
                )
                found = priced.within(
                    scope,
                    months,
                    quantity,
                    per_service=per_service,
                    bounds=bounds,
                    tenants=tenants,
                )
                assert sorted(found) == sorted(wanted)


def test_a_share_a_hair_under_a_bound_counts_as_its_quotient_rounded_onto_it_did() -> None:
    """Seats past 10**12: the share is the 28-digit quotient as before (0.4 less 10**-30
    rounds to 0.4, which meets a bound of 0.4), not the exact fraction."""
    facts = _facts(random.Random(4), "grouped")
    _cell, month, customers, places, other_customers, scope = _first_month_of_runs(
        usage_sums(facts)
    )
    assert not set(other_customers) & {customers[0]}
    seats = 10**30
    row = facts.usage[places[0]]
    edited = replace(row, active_users=4 * 10**29 - 1, paid_seats=seats)
    facts = replace(
        facts, usage=tuple(edited if each is row else each for each in facts.usage), kept=Kept()
    )
    priced = usage_sums(facts).priced({})
    found = priced.within(
        scope,
        (month,),
        Quantity.ACTIVE_SHARE,
        per_service=False,
        bounds=(Decimal("0.4"), None),
        tenants=True,
    )
    assert (customers[0], "") in found


def test_a_share_exactly_on_a_bound_is_within_it_as_least_and_as_most() -> None:
    """Seats under 10**12, compared in integers: 2 users of 5 seats is a share of 0.4, which
    meets a least of 0.4 and a most of 0.4 (the drawn test meets such shares only by
    chance)."""
    facts = _facts(random.Random(4), "grouped")
    _cell, month, customers, places, other_customers, scope = _first_month_of_runs(
        usage_sums(facts)
    )
    assert not set(other_customers) & {customers[0]}
    row = facts.usage[places[0]]
    edited = replace(row, active_users=2, paid_seats=5)
    facts = replace(
        facts, usage=tuple(edited if each is row else each for each in facts.usage), kept=Kept()
    )
    priced = usage_sums(facts).priced({})
    for bounds in ((Decimal("0.4"), None), (Decimal(0), Decimal("0.4"))):
        found = priced.within(
            scope,
            (month,),
            Quantity.ACTIVE_SHARE,
            per_service=False,
            bounds=bounds,
            tenants=True,
        )
        assert (customers[0], "") in found, bounds


def test_a_share_of_negative_seats_is_their_quotient_not_a_cross_multiplication() -> None:
    """Negative seats (a correction row): -2 users of -5 seats is a share of 0.4, under a
    least of 0.5, and 2 users of -5 seats one of -0.4, under a least of 0; compared in
    integers (users * 2 >= 1 * seats) both would have been admitted."""
    facts = _facts(random.Random(4), "grouped")
    _cell, month, customers, places, other_customers, scope = _first_month_of_runs(
        usage_sums(facts)
    )
    assert not set(other_customers) & {customers[0]}
    row = facts.usage[places[0]]
    for users, least, share in ((-2, Decimal("0.5"), Decimal("0.4")), (2, Decimal(0), None)):
        edited = replace(row, active_users=users, paid_seats=-5)
        edited_facts = replace(
            facts, usage=tuple(edited if each is row else each for each in facts.usage), kept=Kept()
        )
        priced = usage_sums(edited_facts).priced({})
        if share is not None:
            shares = priced.per_customer(scope, Quantity.ACTIVE_SHARE, (month,))
            assert shares[customers[0]] == share
        found = priced.within(
            scope,
            (month,),
            Quantity.ACTIVE_SHARE,
            per_service=False,
            bounds=(least, None),
            tenants=True,
        )
        assert (customers[0], "") not in found, users


def test_a_share_of_negative_seats_within_its_bounds_is_found() -> None:
    """Negative seats take the quotient, not nothing: -2 users of -5 seats (0.4) is within a
    least of 0.3 and a most of 0.4 (the test above, only of shares kept out, would pass with
    every share of negative seats kept out)."""
    facts = _facts(random.Random(4), "grouped")
    _cell, month, customers, places, other_customers, scope = _first_month_of_runs(
        usage_sums(facts)
    )
    assert not set(other_customers) & {customers[0]}
    row = facts.usage[places[0]]
    edited = replace(row, active_users=-2, paid_seats=-5)
    edited_facts = replace(
        facts, usage=tuple(edited if each is row else each for each in facts.usage), kept=Kept()
    )
    found = (
        usage_sums(edited_facts)
        .priced({})
        .within(
            scope,
            (month,),
            Quantity.ACTIVE_SHARE,
            per_service=False,
            bounds=(Decimal("0.3"), Decimal("0.4")),
            tenants=True,
        )
    )
    assert (customers[0], "") in found
