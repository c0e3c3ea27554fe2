"""Figures over months that follow one another are added up from slices of the runs' rows
(``PricedSums._window_quantities``, ``_consumed_in_slices``): they must equal the figures
the rows themselves give (``row_figures.RowFigures``), digit for digit, whatever the rows'
order, their services within a run, consumption below 0, amounts written with an exponent
and edits (then the months are read one by one); and the slices must be what is read where
the rows allow it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.column_rows import ConvertedColumn
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import Quantity, Scope
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.facts import Facts, Kept
from mpn_desktop.domain.subscription_rows import Subscription
from mpn_desktop.domain.usage_figures import UsageFigures, carry_usage_sums, usage_sums
from mpn_desktop.domain.usage_rows import Usage, UsageRows
from mpn_desktop.domain.usage_scope_sums import _picks_services
from tests.domain.row_figures import RowFigures
from tests.domain.sp_organisations import SERVICES, sp_organisation
from tests.domain.test_usage_cell_runs import _FIRST, _facts, _row
from tests.domain.test_usage_customer_figures import _KINDS, SCOPES, _drawn, _edited

_FIGURES = (
    Quantity.CONSUMPTION_USD,
    Quantity.REVENUE_USD,
    Quantity.ACTIVE_USERS,
    Quantity.PAID_SEATS,
)
"""The figures added up from a column, by their place in the sums."""
_SEEDED = st.integers(0, 2**32 - 1).map(random.Random)

_WRITTEN = ("1E+3", "2.50", "0", "7", "12000", "0.01")
"""Amounts as a store may hand them: one with an exponent above 0 (a sum begun at 0 writes
it otherwise: 1E+3 + 0 is 1000)."""


def _varied(rng: random.Random, facts: Facts, negative: bool) -> Facts:
    """Each row another service (a subscription's run mixes them, as the benchmark's rows
    do), amounts written several ways, and with ``negative`` now and then a consumption
    below 0 (a correction row)."""
    usage = []
    for row in facts.usage:
        consumption = Decimal(rng.choice(_WRITTEN))
        if negative and rng.random() < 0.05:
            consumption = -consumption - 1
        usage.append(replace(row, service=rng.choice(SERVICES), consumption_usd=consumption))
    return replace(facts, usage=tuple(usage), kept=Kept())


def _exact(values: Any) -> dict[str, str]:
    """Each customer's value written out as a Decimal (2, 2.0 and 2.00 differ; users and
    seats are handed out as the ints they add up to)."""
    return {customer: repr(Decimal(value)) for customer, value in values.items()}


def _window(rng: random.Random) -> tuple[Month, ...]:
    last = _FIRST.plus(rng.randrange(0, 90))
    return tuple(last.plus(-back) for back in range(rng.choice((2, 3, 12, 24))))


@settings(max_examples=40, deadline=None)
@given(
    rng=_SEEDED,
    kind=st.sampled_from(_KINDS),
    varied=st.booleans(),
    negative=st.booleans(),
    edit=st.booleans(),
)
def test_figures_over_months_equal_the_rows_figures(
    rng: random.Random, kind: str, varied: bool, negative: bool, edit: bool
) -> None:
    facts = _drawn(rng, kind)
    if varied:
        facts = _varied(rng, facts, negative)
    asked = [(scope, dict(rates), _window(rng)) for scope, rates in rng.sample(SCOPES, 6)]
    if edit:
        # Asked once before an edit reaching the months: what it reaches is read again.
        for scope, rates, months in asked:
            usage_sums(facts).priced(rates).quantities(scope, months, 0)
        facts = _edited(rng, facts, {month for *_, months in asked for month in months})
    for scope, rates, months in asked:
        priced = usage_sums(facts).priced(rates)
        reference = RowFigures(facts, rates)
        for quantity in Quantity:
            # The total first (added up from the rows, no figure per customer made), then
            # the figures per customer. (Shares are 28-digit quotients whose sum rounds:
            # both add them up in the customers' sorted order, not in the order each read
            # them.)
            total = priced.total(scope, quantity, months)
            assert repr(total) == repr(reference.total(scope, quantity, months))
            found = priced.per_customer(scope, quantity, months)
            assert _exact(found) == _exact(reference.per_customer(scope, quantity, months))
        consumed = priced.consumed_services(scope, months)
        assert consumed == reference.consumed_services(scope, months)


def _grouped(seed: int) -> Facts:
    """Rows grouped by subscription, a month each in order (runs only: none put in row by
    row), services mixed; several subscriptions of a customer in a cell."""
    rng = random.Random(seed)
    facts = _facts(rng, "grouped")
    usage = [
        _row(rng, sub.id, first.plus(offset), rng.choice(SERVICES))
        for sub in facts.subscriptions
        for first in [_FIRST.plus(rng.randrange(0, 60))]
        for offset in range(rng.randint(1, 30))
    ]
    return _varied(rng, replace(facts, usage=tuple(usage)), negative=False)


def test_the_slices_are_read_where_the_runs_hold_the_months() -> None:
    """For rows held as runs the figures come from the slices (not the months one by one),
    and equal the rows' (both tiers of a cell, services picked, the first month of a run
    inside the window, exponents kept)."""
    read = 0
    for seed in range(6):
        facts = _grouped(seed)
        sums = usage_sums(facts)
        for scope, rate_items in SCOPES:
            rates = dict(rate_items)
            priced = sums.priced(rates)
            reference = RowFigures(facts, rates)
            for back in (0, 11, 30):
                months = tuple(_FIRST.plus(40 - back - b) for b in range(12))
                for index, quantity in enumerate(_FIGURES):
                    found = priced._window_quantities(scope, months, index)
                    assert found is not None
                    wanted = reference.per_customer(scope, quantity, months)
                    assert _exact(found) == _exact(wanted)
                    read += bool(found)
                consumed = priced._consumed_in_slices(scope, months)
                assert consumed == reference.consumed_services(scope, months)
    assert read > 100


def test_consumption_below_0_is_added_up_per_customer_and_service() -> None:
    """A row below 0 in the months: the slices cannot tell a service from its rows above 0
    alone (its total may be 0 or less), so the months are added up per (customer,
    service) as before."""
    facts = _grouped(1)
    sums = usage_sums(facts)
    cell, runs = next(iter(sums.runs.items()))
    scope = Scope(frozenset({cell[0]}), frozenset({cell[1]}))
    months = tuple(Month.from_index(runs.first_month + b) for b in range(12))
    first = sums.cell_month(cell, months[0])
    assert first is not None
    place = first[1][0]
    usage = list(facts.usage)
    usage[place] = replace(usage[place], consumption_usd=Decimal(-(10**6)))
    after = replace(facts, usage=tuple(usage), kept=Kept())
    priced = usage_sums(after).priced({})
    assert priced._consumed_in_slices(scope, months) is None
    assert priced.consumed_services(scope, months) == RowFigures(after, {}).consumed_services(
        scope, months
    )


def test_months_with_a_gap_are_read_one_by_one() -> None:
    """Months that do not follow one another (or one twice) are no slice of a run."""
    facts = _grouped(2)
    priced = usage_sums(facts).priced({})
    scope, _rates = SCOPES[0]
    gap = (_FIRST.plus(20), _FIRST.plus(22))
    twice = (_FIRST.plus(20), _FIRST.plus(20), _FIRST.plus(21))
    assert priced._scope_slices(scope, gap) is None
    assert priced._scope_slices(scope, twice) is None
    assert priced._scope_slices(scope, (_FIRST.plus(21), _FIRST.plus(20))) is not None


def test_a_few_customers_figures_over_months_are_read_from_their_runs_alone() -> None:
    """A few customers' figures over months that follow one another come from their own
    runs' slices (both tiers of a cell, services picked) and equal the rows' figures; a
    customer asked again, or with others, is read from what was kept."""
    read = 0
    for seed in range(6):
        facts = _grouped(seed)
        rng = random.Random(seed)
        every = sorted({sub.customer for sub in facts.subscriptions})
        for scope, rate_items in SCOPES:
            rates = dict(rate_items)
            priced = usage_sums(facts).priced(rates)
            reference = RowFigures(facts, rates)
            months = tuple(_FIRST.plus(40 - b) for b in range(12))
            asked = rng.sample(every, min(3, len(every)))
            for customers in (asked, every):
                for quantity in _FIGURES:
                    found = priced.customer_quantities(scope, quantity, months, customers)
                    wanted = reference.customer_quantities(scope, quantity, months, customers)
                    assert _exact({c: found[c] for c in customers if c in found}) == _exact(wanted)
            read += len(priced._some_windows)
    assert read > 20


def test_a_few_customers_window_is_read_again_after_an_edit_reaches_it() -> None:
    """What was kept of a few customers' figures over months is dropped when an edit reaches
    one of the months (``PricedSums.without``): the edited row's users are counted."""
    facts = _grouped(4)
    sums = usage_sums(facts)
    cell, runs = next(iter(sums.runs.items()))
    scope = Scope(frozenset({cell[0]}), frozenset({cell[1]}))
    months = tuple(Month.from_index(runs.first_month + b) for b in range(12))
    first = sums.cell_month(cell, months[3])
    assert first is not None
    customer, place = first[0][0], first[1][0]
    figures = UsageFigures(facts, {})
    before = figures.customer_quantities(scope, Quantity.ACTIVE_USERS, months, [customer])
    assert usage_sums(facts).priced({})._some_windows, "read from the runs' slices"
    old = facts.usage[place]
    new = replace(old, active_users=old.active_users + 5)
    after = replace(facts, usage=tuple(new if row is old else row for row in facts.usage))
    carry_usage_sums(facts, after, [old], [new])
    found = UsageFigures(after, {}).customer_quantities(
        scope, Quantity.ACTIVE_USERS, months, [customer]
    )
    assert found[customer] == before[customer] + 5


def _one_cell(services_by_run: list[list[tuple[str, str]]]) -> Facts:
    """One cell (Azure, transacting) whose subscriptions each have one run of rows a month in
    order from ``_FIRST``: a run's (service, consumption) per month, as given."""
    base = sp_organisation(random.Random(0), clean=True)
    subscriptions = tuple(
        Subscription(
            id=f"sub-{index}",
            customer=f"Customer {index % 2}",
            workload=Workload.AZURE,
            association=Association.TRANSACTING,
            associated_on=date(2020, 1, 1),
            started_on=date(2020, 1, 1),
        )
        for index in range(len(services_by_run))
    )
    usage = tuple(
        Usage(
            subscription=f"sub-{index}",
            month=_FIRST.plus(offset),
            consumption_usd=Decimal(consumption),
            revenue_usd=Decimal(1),
            active_users=1,
            service=service,
            paid_seats=1,
        )
        for index, run in enumerate(services_by_run)
        for offset, (service, consumption) in enumerate(run)
    )
    return replace(base, subscriptions=subscriptions, usage=usage, kept=Kept())


_CELL = (frozenset({Workload.AZURE}), frozenset({Association.TRANSACTING.value}))
_TWELVE = tuple(_FIRST.plus(back) for back in range(11, -1, -1))


def test_a_service_with_rows_of_0_alone_is_not_consumed_over_the_runs() -> None:
    """Consumed means a (customer, service)'s consumption adds up to more than 0, not that it
    has a row: a service the scope keeps whose rows are all 0 is left out, as is one the
    scope names that no row writes; the search over the runs then looks at every run (it
    cannot stop on a service never found)."""
    facts = _one_cell(
        [
            [("Sentinel", "0"), *[("Storage", "2.50")] * 11],
            [("sentinel ", "0")] * 12,
            [("Storage", "0"), *[("Sentinel", "0")] * 11],
        ]
    )
    scope = Scope(*_CELL, services=frozenset({"storage", "sentinel", "key vault"}))
    priced = usage_sums(facts).priced({})
    assert priced._consumed_in_slices(scope, _TWELVE) == frozenset({"storage"})
    assert priced.consumed_services(scope, _TWELVE) == frozenset({"storage"})
    assert RowFigures(facts, {}).consumed_services(scope, _TWELVE) == frozenset({"storage"})


def test_the_search_over_the_runs_stops_only_once_every_kept_service_is_consumed() -> None:
    """A service the scope leaves out consumed in the first run does not stand for one it
    keeps: a kept service consumed only in the last month of the last run is still found."""
    facts = _one_cell(
        [
            [("Storage", "3"), ("Defender", "5"), *[("Storage", "1")] * 10],
            [("Defender", "4")] * 12,
            [*[("Sentinel", "0")] * 11, ("Sentinel", "0.01")],
        ]
    )
    scope = Scope(*_CELL, excluded_services=frozenset({"defender"}))
    priced = usage_sums(facts).priced({})
    wanted = frozenset({"storage", "sentinel"})
    assert priced._consumed_in_slices(scope, _TWELVE) == wanted
    assert RowFigures(facts, {}).consumed_services(scope, _TWELVE) == wanted


def test_a_runs_row_moved_to_another_month_by_an_edit_leaves_the_window() -> None:
    """An edit giving a run's row of a month another month (in place: the run is kept)
    leaves the cell no row of the old month, so none of its rows there is put in row by
    row: only the months the edit reached (``CellMonths.row_by_row``) say the run's slice
    over them is not to be read (its place holds a row of another month now). The months
    are read one by one, for a few customers and for every customer."""
    facts = _one_cell([[("Storage", str(10 + offset)) for offset in range(12)]])
    scope = Scope(*_CELL)
    for index in range(4):
        usage_sums(facts).priced({}).quantities(scope, _TWELVE, index)  # the runs read
    moved = 5  # the first subscription's row of _FIRST + 5
    old = facts.usage[moved]
    new = replace(old, month=_FIRST.plus(30))
    after = replace(facts, usage=tuple(new if row is old else row for row in facts.usage))
    carry_usage_sums(facts, after, [old], [new])
    sums = usage_sums(after)
    assert sums.cell_months.runs, "the runs are kept"
    assert sums.cell_months.row_by_row == {_FIRST.plus(5), _FIRST.plus(30)}
    reference = RowFigures(after, {})
    wanted = {q: _exact(reference.per_customer(scope, q, _TWELVE)) for q in _FIGURES}
    for quantity in _FIGURES:
        # A few customers first (nothing kept for every customer over the months yet).
        few = UsageFigures(after, {}).customer_quantities(scope, quantity, _TWELVE, ["Customer 0"])
        assert _exact(few) == wanted[quantity]
    for quantity in _FIGURES:
        assert _exact(sums.priced({}).per_customer(scope, quantity, _TWELVE)) == wanted[quantity]


def test_a_scope_excluding_only_the_blank_service_is_read_as_one_of_every_service() -> None:
    """The service "" is never excluded: a scope excluding it alone picks no services, so
    its figures are read straight from the cells (no month walked row by row with its
    services) and equal those of the scope excluding nothing."""
    facts = _grouped(1)
    cells = {(sub.workload, sub.association.value) for sub in facts.subscriptions}
    every = Scope(frozenset(cell[0] for cell in cells), frozenset(cell[1] for cell in cells))
    blank = replace(every, excluded_services=frozenset({""}))
    for months in ((_FIRST.plus(40),), tuple(_FIRST.plus(30 + back) for back in range(12))):
        for quantity in _FIGURES:
            priced = usage_sums(facts).priced({})
            found = priced.per_customer(blank, quantity, months)
            total = priced.total(blank, quantity, months)
            assert found, "customers with rows in the months"
            assert not priced._walks, "read from the cells"
            wanted = usage_sums(facts).priced({})
            assert _exact(found) == _exact(wanted.per_customer(every, quantity, months))
            assert str(total) == str(wanted.total(every, quantity, months))


def _money_later(facts: Facts, converted: list[int]) -> Facts:
    """The same rows with their money as a store hands it over (text), converted when first
    read (each conversion's length counted in ``converted``)."""

    def convert(values: Sequence[str]) -> Iterator[Decimal]:
        converted.append(len(values))
        return map(Decimal, values)

    columns = UsageRows.of(facts.usage).columns
    consumption, revenue = (
        ConvertedColumn(tuple(map(str, each)), convert)
        for each in (columns.consumption_usd, columns.revenue_usd)
    )
    held = columns._replace(consumption_usd=consumption, revenue_usd=revenue)
    return replace(facts, usage=UsageRows.from_sequences(list(held)), kept=Kept())


def test_a_windows_money_converted_when_read_is_converted_once_for_its_readers() -> None:
    """Money handed over unconverted: the slices of months read for a figure are not
    converted again for the services consumed over them; windows of the same first month
    and another last, read one after the other, give the rows' figures."""
    for seed in range(4):
        facts = _grouped(seed)
        converted: list[int] = []
        later = _money_later(facts, converted)
        for scope, rate_items in SCOPES:
            rates = dict(rate_items)
            priced = usage_sums(later).priced(rates)
            reference = RowFigures(facts, rates)
            for length in (12, 11, 12, 6):
                months = tuple(_FIRST.plus(28 + length - b) for b in range(length))
                found = priced._window_quantities(scope, months, 0)
                assert found is not None
                assert _exact(found) == _exact(
                    reference.per_customer(scope, Quantity.CONSUMPTION_USD, months)
                )
                before = sum(converted)
                consumed = priced._consumed_in_slices(scope, months)
                assert consumed == reference.consumed_services(scope, months)
                if not _picks_services(scope):  # (a scope picking services converts its own)
                    assert sum(converted) == before, "the slices converted again"
