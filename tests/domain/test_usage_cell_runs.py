"""Usage rows grouped by subscription, one a month in order, are held as runs
(usage_cell_runs): a cell's month read from the runs must hold the rows the row-by-row
path would, whatever the order, gaps and repeats of the rows around them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal
from functools import reduce
from itertools import chain
from operator import add
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain import designation_score, usage_cell_runs
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.enums import Workload
from mpn_desktop.domain.facts import Facts, Kept, SubscriptionRows, Usage
from mpn_desktop.domain.usage_cell_runs import cell_runs
from mpn_desktop.domain.usage_figures import UsageSums, carry_usage_sums, usage_sums
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.row_figures import RowFigures
from tests.domain.sp_organisations import AMOUNTS, DAYS, SERVICES, exactly, sp_organisation

CATALOGS = shipped_scored_catalogs()
_SEEDED = st.integers(0, 2**32 - 1).map(random.Random)
_FIRST = Month(2021, 1)
_ORDERS = ("grouped", "grouped, some split", "by month", "shuffled")


def _row(rng: random.Random, sub_id: str, month: Month, service: str) -> Usage:
    return Usage(
        subscription=sub_id,
        month=month,
        consumption_usd=Decimal(rng.choice(AMOUNTS)) * rng.randint(1, 30),
        revenue_usd=Decimal(rng.choice(AMOUNTS)) * rng.randint(1, 3),
        active_users=rng.randrange(0, 800),
        service=service,
        paid_seats=rng.randrange(0, 900),
    )


def _runs(rng: random.Random, facts: Facts) -> list[list[Usage]]:
    """Per subscription, a run of months in order, one row each; now and then a month
    left out, a month with a second row, the run reversed, a run of an unknown
    subscription."""
    runs = []
    ids = [sub.id for sub in facts.subscriptions] + ["sub-unknown"]
    for sub_id in ids:
        first = _FIRST.plus(rng.randrange(0, 60))
        months = [first.plus(offset) for offset in range(rng.randint(1, 30))]
        if len(months) > 2 and rng.random() < 0.15:
            del months[rng.randrange(1, len(months) - 1)]  # a gap
        service = rng.choice(SERVICES)
        rows = [_row(rng, sub_id, month, service) for month in months]
        if rng.random() < 0.15:
            rows.insert(rng.randrange(len(rows)), _row(rng, sub_id, rng.choice(months), "Teams"))
        if rng.random() < 0.1:
            rows.reverse()
        runs.append(rows)
    return runs


def _ordered(rng: random.Random, runs: list[list[Usage]], order: str) -> tuple[Usage, ...]:
    rng.shuffle(runs)
    if order == "grouped":
        return tuple(row for rows in runs for row in rows)
    if order == "grouped, some split":
        # A subscription's rows in two runs apart (each run of months in order).
        pieces: list[list[Usage]] = []
        for rows in runs:
            cut = rng.randrange(len(rows) + 1) if rng.random() < 0.3 else 0
            pieces += [piece for piece in (rows[:cut], rows[cut:]) if piece]
        rng.shuffle(pieces)
        return tuple(row for rows in pieces for row in rows)
    rows = [row for each in runs for row in each]
    if order == "by month":
        rows.sort(key=lambda row: row.month)  # a month-by-month import
    else:
        rng.shuffle(rows)
    return tuple(rows)


def _facts(rng: random.Random, order: str) -> Facts:
    facts = sp_organisation(rng, clean=True)
    # Many subscriptions of few customers: several of a customer in one cell.
    subscriptions = tuple(
        replace(sub, id=f"{sub.id}-{copy}", customer=sub.customer[:10])
        for copy in range(3)
        for sub in facts.subscriptions
    )
    facts = replace(facts, subscriptions=subscriptions, kept=Kept())
    return replace(facts, usage=_ordered(rng, _runs(rng, facts), order), kept=Kept())


def _held(sums: UsageSums) -> dict[object, tuple[str, ...]]:
    """Every customer's four figures per cell and month, as UsageSums holds its rows."""
    columns = sums.columns
    figures = (columns.consumption_usd, columns.revenue_usd, columns.active_users)
    places: dict[object, list[int]] = {}
    for cell, month, (customers, first, other_customers, others) in sums.every_cell_month():
        assert len(set(customers)) == len(customers), "a customer's first row is one row"
        for customer, place in zip([*customers, *other_customers], [*first, *others], strict=True):
            places.setdefault((cell, month, customer), []).append(place)
    return {
        key: tuple(str(reduce(add, sorted(figure[place] for place in at))) for figure in figures)
        for key, at in places.items()
    }


def _counted(facts: Facts) -> dict[object, tuple[str, ...]]:
    """The same from the rows themselves: each counted row by cell, month and customer."""
    subscriptions = {sub.id: sub for sub in facts.subscriptions if not sub.trial}
    rows: dict[object, list[Usage]] = {}
    for row in facts.usage:
        sub = subscriptions.get(row.subscription)
        if sub is None or Month.of(sub.associated_on) > row.month:
            continue
        key = ((sub.workload, sub.association.value), row.month, sub.customer)
        rows.setdefault(key, []).append(row)
    return {
        key: tuple(
            str(reduce(add, sorted(getattr(row, name) for row in each)))
            for name in ("consumption_usd", "revenue_usd", "active_users")
        )
        for key, each in rows.items()
    }


@contextmanager
def _from_rows() -> Iterator[None]:
    with mock.patch.object(designation_score, "UsageFigures", RowFigures):
        yield


def _scores(facts: Facts, day: Any) -> Any:
    return [
        exactly(score_designations(catalog, replace(facts, kept=Kept()), day))
        for catalog in CATALOGS
    ]


@settings(max_examples=30, deadline=None)
@given(rng=_SEEDED, order=st.sampled_from(_ORDERS))
def test_a_cells_months_hold_the_rows_counted_whatever_their_order(
    rng: random.Random, order: str
) -> None:
    facts = _facts(rng, order)
    sums = UsageSums(facts.subscriptions, facts.usage)
    assert _held(sums) == _counted(facts)


def test_grouped_rows_and_rows_by_month_are_held_as_runs_shuffled_rows_row_by_row() -> None:
    """The comparison above reaches every path: rows grouped by subscription held as runs,
    rows by month (a month-by-month import) as runs of one month each, shuffled rows put in
    row by row."""
    facts = _facts(random.Random(4), "grouped")
    grouped = UsageSums(facts.subscriptions, facts.usage)
    assert grouped.runs and len(grouped.columns.month) > 200
    by_month = replace(facts, usage=tuple(sorted(facts.usage, key=lambda row: row.month)))
    sums = UsageSums(by_month.subscriptions, by_month.usage)
    assert _held(sums) == _held(grouped) == _counted(facts)
    assert sums.runs and not sums.cells
    rows = list(facts.usage)
    random.Random(5).shuffle(rows)
    shuffled = UsageSums(facts.subscriptions, tuple(rows))
    assert _held(shuffled) == _counted(facts)
    assert len(shuffled.cells) > len(grouped.cells)


@settings(max_examples=6, deadline=None)
@given(rng=_SEEDED, order=st.sampled_from(_ORDERS), day=st.sampled_from(DAYS))
def test_scores_of_rows_held_as_runs_equal_scores_from_the_rows(
    rng: random.Random, order: str, day: Any
) -> None:
    facts = _facts(rng, order)
    scores = _scores(facts, day)
    with _from_rows():
        assert scores == _scores(facts, day)


@settings(max_examples=15, deadline=None)
@given(rng=_SEEDED, order=st.sampled_from(_ORDERS), day=st.sampled_from(DAYS))
def test_rows_held_as_runs_edited_in_place_hold_the_rows_counted_after(
    rng: random.Random, order: str, day: Any
) -> None:
    """An edit replacing rows in place keeps the runs; the months it reaches are read from
    their rows alone (not the runs' places too), the others as before."""
    facts = _facts(rng, order)
    if not facts.usage:
        return
    score_designations(CATALOGS[-1], facts, day)  # months worked out before the edit
    before = usage_sums(facts)
    usage = list(facts.usage)
    removed, added = [], []
    for at in rng.sample(range(len(usage)), min(3, len(usage))):
        old = usage[at]
        new = replace(
            old,
            month=old.month.plus(rng.choice((-2, 0, 1))),
            active_users=old.active_users + 7,
            consumption_usd=old.consumption_usd + Decimal("0.5"),
        )
        usage[at] = new
        removed.append(old)
        added.append(new)
    after = replace(facts, usage=tuple(usage))
    carry_usage_sums(facts, after, removed, added)
    sums = usage_sums(after)
    assert sums is not before
    assert _held(sums) == _counted(after)
    # The facts share one store, which keeps one UsageSums: asking for the sums of the
    # facts before the edit here would put fresh ones in the place of the updated sums.
    scored = exactly(score_designations(CATALOGS[-1], after, day))
    assert usage_sums(after) is sums  # the updated sums were the ones scored
    assert scored == exactly(score_designations(CATALOGS[-1], replace(after, kept=Kept()), day))


_LAYOUTS = {
    "subscription, month, service": lambda row: (row.subscription, row.month, row.service),
    "subscription, service, month": lambda row: (row.subscription, row.service, row.month),
    "service, subscription, month": lambda row: (row.service, row.subscription, row.month),
}
"""Partner Center files: a row per subscription, month and service, in these orders."""


def _partner_center(rng: random.Random, layout: str) -> Facts:
    """Each subscription's one to three services every month of its run (one sort of
    the rows: several rows a month, or a subscription's runs one per service)."""
    facts = _facts(rng, "grouped")
    rows = [
        _row(rng, sub.id, first.plus(offset), service)
        for sub in facts.subscriptions
        for first, length in [(_FIRST.plus(rng.randrange(0, 60)), rng.randint(1, 30))]
        for service in rng.sample(SERVICES, rng.randint(1, 3))
        for offset in range(length)
    ]
    return replace(facts, usage=tuple(sorted(rows, key=_LAYOUTS[layout])), kept=Kept())


@settings(max_examples=10, deadline=None)
@given(rng=_SEEDED, layout=st.sampled_from(sorted(_LAYOUTS)), day=st.sampled_from(DAYS))
def test_partner_center_rows_after_rows_added_before_a_run_or_deleted_hold_the_rows_counted(
    rng: random.Random, layout: str, day: Any
) -> None:
    """Several services a month per subscription, then edits after an evaluation: a row a
    month before its subscription's first (at the end or inside the rows), a row deleted;
    the carried sums hold the rows counted and score as facts added up afresh."""
    facts = _partner_center(rng, layout)
    assert _held(UsageSums(facts.subscriptions, facts.usage)) == _counted(facts)
    if not facts.subscriptions:
        return
    for _ in range(3):
        score_designations(CATALOGS[-1], facts, day)  # months worked out before the edit
        usage = list(facts.usage)
        removed, added = [], []
        if usage and rng.random() < 0.5:
            removed.append(usage.pop(rng.randrange(len(usage))))
        else:
            sub = rng.choice(facts.subscriptions)
            months = [row.month for row in usage if row.subscription == sub.id]
            month = min(months, default=_FIRST).plus(-rng.randint(1, 3))
            added.append(_row(rng, sub.id, month, rng.choice(SERVICES)))
            usage.insert(rng.choice((len(usage), rng.randrange(len(usage) + 1))), added[0])
        after = replace(facts, usage=tuple(usage))
        carry_usage_sums(facts, after, removed, added)
        assert _held(usage_sums(after)) == _counted(after)
        assert exactly(score_designations(CATALOGS[-1], after, day)) == exactly(
            score_designations(CATALOGS[-1], replace(after, kept=Kept()), day)
        )
        facts = after


def test_subscriptions_held_by_column_are_read_without_making_a_record_for_each() -> None:
    """Facts loaded by column: UsageSums reads the subscriptions' columns (no Subscription
    made for a row, 1,000 on the large organisation) and holds the same rows."""
    facts = _facts(random.Random(4), "grouped")
    by_column = SubscriptionRows.from_columns(SubscriptionRows.of(facts.subscriptions).columns)
    expected = _held(UsageSums(facts.subscriptions, facts.usage))
    with (
        mock.patch.object(SubscriptionRows, "rows", side_effect=AssertionError("records made")),
        mock.patch.object(SubscriptionRows, "__iter__", side_effect=AssertionError("records made")),
    ):
        sums = UsageSums(by_column, facts.usage)
    assert _held(sums) == expected == _counted(facts)


def test_a_run_of_the_same_months_out_of_order_is_put_in_row_by_row() -> None:
    """``cell_runs`` compares a run's months with the first run of those months it kept
    (the column's own months): a later subscription with the same first and last month and
    count but its months out of order is no run (its rows go row by row); one with a month
    twice and a month left out, in order, is a run of several rows a month (its rows of a
    month found by bisection)."""
    jan = Month(2024, 1)
    feb, mar, apr = jan.plus(1), jan.plus(2), jan.plus(3)
    cell = (Workload.AZURE, "transacting")
    found_of = {sub: (cell, 0, sub.lower()) for sub in ("A", "B", "C", "D")}
    subscriptions = ("A",) * 4 + ("B",) * 4 + ("C",) * 4 + ("D",) * 4
    in_order = (jan, feb, mar, apr)
    months = (*in_order, jan, mar, feb, apr, *in_order, jan, feb, feb, apr)
    runs, odd, rest = cell_runs(subscriptions, months, found_of)
    assert odd == [4, 5, 6, 7]
    assert rest == len(subscriptions)
    assert sorted(runs[cell].places_of(feb, ["a", "b", "c", "d"]).items()) == [
        ("a", [1]),
        ("c", [9]),
        ("d", [13, 14]),
    ]
    assert runs[cell].places_of(mar, ["d"]) == {}


def test_a_run_of_equal_months_made_apart_is_a_run() -> None:
    """The months of a later run are compared with the kept ones by value, not only by
    identity: equal months made apart (rows read one by one, as a JSON document's load or an
    edit gives them) still make a run (no row of theirs put in row by row)."""
    made_once = tuple(Month(2024, month) for month in range(1, 5))
    made_again = tuple(Month(2024, month) for month in range(1, 5))
    assert made_once == made_again and made_once[0] is not made_again[0]
    cell = (Workload.AZURE, "transacting")
    found_of = {sub: (cell, 0, sub.lower()) for sub in ("A", "B")}
    runs, odd, rest = cell_runs(("A",) * 4 + ("B",) * 4, made_once + made_again, found_of)
    assert odd == []
    assert rest == 8
    assert runs[cell].places_of(made_once[1], ["a", "b"]) == {"a": [1], "b": [5]}


@given(
    st.lists(st.tuples(st.sampled_from("abcd"), st.integers(1, 40)), min_size=1, max_size=12),
    st.integers(0, 40),
)
def test_a_runs_end_is_where_its_subscriptions_rows_stop_whatever_the_lengths(
    runs: list[tuple[str, int]], guess: int
) -> None:
    """Runs of unequal lengths (a subscription's rows by service: a run's length differs from
    the run before it), a subscription coming back later, a run reaching the column's end:
    every run's end is the first row of another subscription, whatever the length guessed."""
    column = tuple(sub_id for sub_id, length in runs for _ in range(length))
    for start in range(len(column)):
        sub_id = column[start]
        stop = start
        while stop < len(column) and column[stop] == sub_id:
            stop += 1
        assert usage_cell_runs._run_end(column, start, sub_id, guess) == stop


@settings(max_examples=15, deadline=None)
@given(rng=_SEEDED)
def test_month_files_repeating_the_month_before_hold_the_rows_counted(rng: random.Random) -> None:
    """Month files listing the same subscriptions with the same services month after month
    (``_month_block`` takes the file before's picks again), associations beginning during
    those months (a cell's runs counted grow), a subscription coming in one month and a
    second file in another: each month holds the rows counted."""
    facts = _facts(rng, "grouped")
    if not facts.subscriptions:
        return
    first = _FIRST.plus(rng.randrange(0, 12))
    subscriptions = tuple(
        replace(sub, associated_on=first.plus(rng.randrange(-2, 8)).first_day)
        if rng.random() < 0.4
        else sub
        for sub in facts.subscriptions
    )
    services = {sub.id: rng.sample(SERVICES, rng.randint(1, 3)) for sub in subscriptions}
    late = rng.choice(subscriptions).id  # in the files from the fourth month on
    files: list[list[Usage]] = []
    for offset in range(10):
        month = first.plus(offset)
        files.append(
            [
                _row(rng, sub.id, month, service)
                for sub in subscriptions
                if sub.id != late or offset >= 3
                for service in services[sub.id]
            ]
        )
    second = rng.randrange(1, 10)  # a month's second file: a subscription's other service
    files.insert(second + 1, [_row(rng, late, first.plus(second), "Another service")])
    after = replace(
        facts, subscriptions=subscriptions, usage=tuple(chain.from_iterable(files)), kept=Kept()
    )
    sums = UsageSums(after.subscriptions, after.usage)
    assert sums.runs and not sums.cells
    assert _held(sums) == _counted(after)


def test_a_run_of_several_rows_a_month_out_of_order_after_one_in_order_is_put_in_row_by_row() -> (
    None
):
    """``_shape`` compares a run of several rows a month with the run of the same first and
    last month and length seen in month order: one of those months out of order is no run
    (its rows go row by row), one of the same months in order is a run again."""
    jan = Month(2024, 1)
    feb, mar = jan.plus(1), jan.plus(2)
    cell = (Workload.AZURE, "transacting")
    found_of = {sub: (cell, 0, sub.lower()) for sub in ("A", "B", "C")}
    subscriptions = ("A",) * 4 + ("B",) * 4 + ("C",) * 4
    months = (jan, jan, feb, mar, jan, mar, feb, mar, jan, feb, feb, mar)
    runs, odd, rest = cell_runs(subscriptions, months, found_of)
    assert odd == [4, 5, 6, 7]
    assert rest == len(subscriptions)
    assert runs[cell].places_of(jan, ["a", "b", "c"]) == {"a": [0, 1], "c": [8]}
