"""A usage edit as the store makes it (``ColumnRows.edited``: rows held by column, a row
replaced in place) carries the usage sums (``UsageSums.updated``): an edit of a row's
figures keeps every row where it was (the runs still read in its month), an edit moving a
row to another month or subscription puts that month's rows in again; either way the sums
hold the rows counted and score as facts added up afresh.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designations import Quantity
from mpn_desktop.domain.facts import Facts, Kept, Usage, UsageRows
from mpn_desktop.domain.usage_figures import UsageFigures, carry_usage_sums, usage_sums
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.sp_organisations import DAYS, exactly
from tests.domain.test_usage_cell_runs import (
    _LAYOUTS,
    _ORDERS,
    _counted,
    _facts,
    _held,
    _partner_center,
)
from tests.domain.test_usage_customer_figures import SCOPES

CATALOGS = shipped_scored_catalogs()
_SEEDED = st.integers(0, 2**32 - 1).map(random.Random)
_KINDS = (*_ORDERS, *(f"partner center: {layout}" for layout in sorted(_LAYOUTS)))


def _by_column(rng: random.Random, kind: str) -> Facts:
    """Drawn facts with their usage held by column, as the loaders hold it."""
    if kind.startswith("partner center: "):
        facts = _partner_center(rng, kind.removeprefix("partner center: "))
    else:
        facts = _facts(rng, kind)
    rows = UsageRows.from_columns(UsageRows.of(facts.usage).columns)
    return replace(facts, usage=rows, kept=Kept())


def _edit(facts: Facts, changed: dict[int, Usage]) -> Facts:
    """``facts`` after the rows at the keys of ``changed`` were replaced in place, as
    ``facts_rows`` does it, the sums carried."""
    removed = [facts.usage[at] for at in sorted(changed)]
    added = [changed[at] for at in sorted(changed)]
    rows = facts.usage.edited((at, changed[at], False) for at in sorted(changed))
    after = replace(facts, usage=rows)
    carry_usage_sums(facts, after, removed, added)
    return after


def _figures(rng: random.Random, row: Usage) -> Usage:
    """The row with other figures (and now and then another spelling of its service)."""
    return replace(
        row,
        consumption_usd=row.consumption_usd * 3 + Decimal("0.37"),
        revenue_usd=row.revenue_usd + Decimal("2.5"),
        active_users=rng.randrange(0, 900),
        paid_seats=rng.randrange(0, 900),
        service=rng.choice((row.service, row.service, f" {row.service.upper()} ", "Sentinel")),
    )


def _totals(facts: Facts, months: list[Month]) -> dict[object, str]:
    """Every scope's every quantity in each of ``months`` and over the twelve months to it,
    written out (2.00 and 2 differ)."""
    found: dict[object, str] = {}
    for at, (scope, rates) in enumerate(SCOPES):
        figures = UsageFigures(facts, dict(rates))
        for month in months:
            window = [month.plus(-back) for back in range(12)]
            for quantity in Quantity:
                found[at, month, quantity] = repr(figures.total(scope, quantity, (month,)))
                found[at, month, quantity, 12] = repr(figures.total(scope, quantity, window))
    return found


def _names(facts: Facts, months: list[Month]) -> dict[object, str]:
    """The name of each service counted over the twelve months to each of ``months``, as
    the first row counted there writes it (``UsageSums.service_name``: asked only of the
    services of the rows counted in the months)."""
    sums = usage_sums(facts)
    services = facts.usage.columns.service
    found: dict[object, str] = {}
    for month in months:
        first = month.plus(-11)
        keys = {
            sums.service_key(services[at])
            for _cell, counted, rows in sums.every_cell_month()
            if first <= counted <= month
            for at in (*rows[1], *rows[3])
        }
        for key in sorted(keys):
            found[key, month] = sums.service_name(key, first, month)
    return found


def _same_scores(facts: Facts, day: date) -> None:
    for catalog in CATALOGS[-2:]:
        assert exactly(score_designations(catalog, facts, day)) == exactly(
            score_designations(catalog, replace(facts, kept=Kept()), day)
        )


@settings(max_examples=12, deadline=None)
@given(rng=_SEEDED, kind=st.sampled_from(_KINDS), day=st.sampled_from(DAYS))
def test_an_edit_of_figures_keeps_the_rows_where_they_were(
    rng: random.Random, kind: str, day: date
) -> None:
    """Only figures changed: the months' rows are read from the runs as before (none put
    in row by row), and every evaluation after the edits scores as the facts afresh."""
    facts = _by_column(rng, kind)
    if not facts.usage:
        return
    score_designations(CATALOGS[-1], facts, day)  # figures worked out before the edits
    for _ in range(3):
        places = rng.sample(range(len(facts.usage)), min(len(facts.usage), rng.randint(1, 3)))
        # And the first row counted: its service's name is the one its spelling gives.
        counted = [at for *_, rows in usage_sums(facts).every_cell_month() for at in rows[1]]
        places.append(min(counted, default=0))
        months = sorted({facts.usage[at].month.plus(later) for at in places for later in (0, 5)})
        _totals(facts, months)  # worked out before the edit, kept
        _names(facts, months)
        before = usage_sums(facts)
        after = _edit(facts, {at: _figures(rng, facts.usage[at]) for at in places})
        # (Not ``usage_sums(facts)`` again: the facts share one ``Kept``, which would then
        # hold the sums of ``facts`` instead of those carried.)
        sums = usage_sums(after)
        assert sums is not before
        assert not sums.cell_months.row_by_row, "the runs are read in the edited months"
        assert _held(sums) == _counted(after)
        assert _totals(after, months) == _totals(replace(after, kept=Kept()), months)
        assert _names(after, months) == _names(replace(after, kept=Kept()), months)
        assert usage_sums(after) is sums, "the figures read were the carried sums'"
        _same_scores(after, day)
        facts = after


@settings(max_examples=12, deadline=None)
@given(rng=_SEEDED, kind=st.sampled_from(_KINDS), day=st.sampled_from(DAYS))
def test_an_edit_moving_rows_puts_their_months_in_again(
    rng: random.Random, kind: str, day: date
) -> None:
    """Rows moved to another month or subscription (one now and then to a month before its
    subscription's association, or to a subscription the facts do not know): the months
    they left and reached hold the rows counted, after several edits one upon another."""
    facts = _by_column(rng, kind)
    if not facts.usage:
        return
    ids = [sub.id for sub in facts.subscriptions] + ["sub-unknown"]
    for _ in range(3):
        score_designations(CATALOGS[-1], facts, day)  # months worked out before the edit
        changed = {}
        for at in rng.sample(range(len(facts.usage)), min(len(facts.usage), rng.randint(1, 3))):
            row = facts.usage[at]
            if rng.random() < 0.6:
                moved = replace(row, month=row.month.plus(rng.choice((-13, -2, -1, 1, 3))))
            else:
                moved = replace(row, subscription=rng.choice(ids))
            changed[at] = _figures(rng, moved) if rng.random() < 0.5 else moved
        after = _edit(facts, changed)
        assert _held(usage_sums(after)) == _counted(after)
        _same_scores(after, day)
        facts = after
