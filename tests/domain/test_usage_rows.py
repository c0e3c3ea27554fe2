"""Usage held by column (``UsageRows``) reads, compares and changes as its tuple of Usage."""

from __future__ import annotations

import copy
import gc
import operator
import pickle
import random
import weakref
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import partial

from domain_builders import AS_OF, PLATFORM, SILVER, facts, have, subscription, usage
from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain.catalog import MeasureKind
from mpn_desktop.domain.column_rows import ConvertedColumn
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import StepKind, Workload
from mpn_desktop.domain.facts import Usage
from mpn_desktop.domain.performance import UsageTotals, _runs_by_subscription
from mpn_desktop.domain.usage_rows import UsageRows

_ROWS = (
    usage("sub-1", "2017-05", consumption=100),
    usage("sub-2", "2017-06", consumption="12.50", revenue=3, users=4),
    Usage("sub-1", Month(2017, 7), Decimal("0.01"), Decimal(0), 2, "Virtual Machines", 9),
)


def _by_column(rows: tuple[Usage, ...], *, money_later: list[int] | None = None) -> UsageRows:
    """The rows as a loader makes them: columns only, no Usage object (``money_later``: the
    money as stored text, converted when first read, each conversion's length counted, and
    the subscriptions as stored ids looked up when first read, "sub-1" under two ids)."""
    subscriptions: Sequence[str] = tuple(row.subscription for row in rows)
    consumption: Sequence[Decimal] = tuple(row.consumption_usd for row in rows)
    revenue: Sequence[Decimal] = tuple(row.revenue_usd for row in rows)
    if money_later is not None:
        consumption, revenue = (
            _money_later([str(value) for value in column], money_later)
            for column in (consumption, revenue)
        )
        ids = {name: number for number, name in enumerate(sorted(set(subscriptions)))}
        # The rows of "sub-1" from 2017-09 on under a second id: one external id, two ids.
        stored = tuple(
            ids[row.subscription]
            + (100 if row.subscription == "sub-1" and row.month >= _SEPT else 0)
            for row in rows
        )
        names = {number: name for name, number in ids.items()}
        if "sub-1" in ids:
            names[ids["sub-1"] + 100] = "sub-1"
        subscriptions = ConvertedColumn(stored, partial(map, names.__getitem__))
    return UsageRows.from_sequences(
        [
            subscriptions,
            tuple(row.month for row in rows),
            consumption,
            revenue,
            tuple(row.active_users for row in rows),
            tuple(row.service for row in rows),
            tuple(row.paid_seats for row in rows),
        ]
    )


_SEPT = Month(2017, 9)


def _money_later(stored: list[str], calls: list[int]) -> ConvertedColumn:
    def convert(values: Sequence[str]) -> list[Decimal]:
        calls.append(len(values))
        return [Decimal(value) for value in values]

    return ConvertedColumn(tuple(stored), convert)


def test_rows_by_column_read_as_the_tuple_of_usage() -> None:
    rows = _by_column(_ROWS)
    assert len(rows) == 3
    assert rows == _ROWS and operator.eq(_ROWS, rows) and operator.ne(rows, _ROWS) is False
    assert rows[1] == _ROWS[1] and rows[-1] == _ROWS[-1]
    assert rows[1:] == _ROWS[1:]
    assert tuple(rows) == _ROWS and list(reversed(rows)) == list(reversed(_ROWS))
    assert _ROWS[2] in rows and rows.index(_ROWS[2]) == 2
    assert hash(rows) == hash(_ROWS)
    assert rows != _ROWS[:2] and rows != (*_ROWS[:2], replace(_ROWS[2], paid_seats=8))
    assert rows.columns.service == ("", "", "Virtual Machines")


def test_rows_given_as_objects_are_handed_out_again_and_read_by_column() -> None:
    rows = UsageRows.of(_ROWS)
    assert rows[0] is _ROWS[0] and all(a is b for a, b in zip(rows, _ROWS, strict=True))
    assert rows.columns == _by_column(_ROWS).columns
    assert rows == _by_column(_ROWS)


def test_facts_take_a_tuple_of_usage_as_rows_by_column() -> None:
    made = facts(usage_rows=list(_ROWS))
    assert isinstance(made.usage, UsageRows)
    assert made.usage == _ROWS
    assert replace(made, usage=_ROWS[:1]).usage.columns.subscription == ("sub-1",)
    assert made == replace(made, usage=_by_column(_ROWS))


def test_rows_copy_and_pickle_as_their_values() -> None:
    rows = _by_column(_ROWS)
    assert copy.deepcopy(rows) == _ROWS
    assert pickle.loads(pickle.dumps(rows)) == rows


def test_an_edit_changes_the_columns_and_says_which_rows_it_replaced() -> None:
    rows = _by_column(_ROWS)
    changed = replace(_ROWS[1], consumption_usd=Decimal(7))
    edited = rows.edited([(1, changed, False)])
    assert edited == (_ROWS[0], changed, _ROWS[2])
    assert edited.changed_since(rows) == [1]
    assert rows == _ROWS, "the rows edited are not changed"
    assert rows.changed_since(rows) == []
    # Rows put in or taken out: positions count as the earlier changes left them.
    added = Usage("sub-3", Month(2017, 8))
    fresh = _by_column(_ROWS)
    moved = fresh.edited([(0, None, False), (1, added, True)])
    assert moved == (_ROWS[1], added, _ROWS[2])
    assert moved.changed_since(fresh) is None, "rows came or went"
    assert _by_column(_ROWS).changed_since(rows) is None, "no way to tell: computed anew"


def test_an_edit_copies_only_the_columns_it_changes() -> None:
    rows = _by_column(_ROWS)
    changed = replace(_ROWS[1], consumption_usd=Decimal(7))
    again = replace(_ROWS[0], active_users=5)
    edited = rows.edited([(1, changed, False), (0, again, False), (1, _ROWS[1], False)])
    expected = (again, _ROWS[1], _ROWS[2])
    assert edited == expected and edited.columns == UsageRows.of(expected).columns
    assert edited.changed_since(rows) == [0, 1]
    kept = [
        name
        for name, before, after in zip(rows.fields, rows.columns, edited.columns, strict=True)
        if before is after
    ]
    assert kept == [name for name in rows.fields if name != "active_users"]
    # An equal value of another type is a change: the column holds what the rows hold.
    as_int = replace(_ROWS[2], consumption_usd=0.01, revenue_usd=0)  # type: ignore[arg-type]
    typed = rows.edited([(2, as_int, False)])
    assert type(typed.columns.revenue_usd[2]) is int
    assert typed.columns.consumption_usd[2] == 0.01 and typed[2] == as_int
    # Rows already made are kept where nothing was replaced, the new row where it was.
    made = UsageRows.of(_ROWS)
    over = made.edited([(1, changed, False)])
    assert over[0] is _ROWS[0] and over[1] is changed and over == (_ROWS[0], changed, _ROWS[2])
    assert over.columns == UsageRows.of((_ROWS[0], changed, _ROWS[2])).columns


def test_edited_rows_do_not_keep_the_rows_they_came_from() -> None:
    # Each edit's rows kept the ones before: every version since loading stayed alive.
    rows = _by_column(_ROWS)
    first = rows.edited([(1, replace(_ROWS[1], active_users=8), False)])
    second = first.edited([(0, replace(_ROWS[0], active_users=9), False)])
    assert second.changed_since(first) == [0] and first.changed_since(rows) == [1]
    gone = weakref.ref(first)
    del first
    gc.collect()
    assert gone() is None
    assert second.changed_since(rows) is None, "not its parent: cannot tell"


def test_rows_made_by_hand_tell_the_rows_that_are_other_objects() -> None:
    before = UsageRows.of(_ROWS)
    after = UsageRows.of((_ROWS[0], replace(_ROWS[1]), _ROWS[2]))
    assert after.changed_since(before) == [1]


_MONTHS = [f"2017-{month:02d}" for month in range(1, 13)] + ["2018-01", "2018-02", "2018-03"]
_SUBSCRIPTIONS = (
    # Associated during the window (from 2017-07), ended in it (last month 2017-11), a trial.
    subscription("sub-1", associated_on=date(2017, 6, 2)),
    subscription("sub-2", ended_on=date(2017, 11, 20)),
    subscription("trial", trial=True),
)
_CREDITED = {
    "sub-1": (Month(2017, 7), Month(2018, 2)),
    "sub-2": (Month(2017, 3), Month(2017, 11)),
}


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["sub-1", "sub-2", "trial", "unknown"]),
            st.sampled_from(_MONTHS),
            st.decimals(min_value=0, max_value=10_000, places=2),
        ),
        max_size=40,
    ),
    st.sampled_from(["records", "columns", "money later"]),
)
def test_the_rules_add_up_the_credited_rows_held_by_column(
    drawn: list[tuple[str, str, Decimal]], held: str
) -> None:
    rows = tuple(usage(sub, month, consumption=str(amount)) for sub, month, amount in drawn)
    given_rows = facts(subscriptions=_SUBSCRIPTIONS, usage_rows=rows)
    made = given_rows
    if held != "records":
        later = [] if held == "money later" else None
        made = replace(given_rows, usage=_by_column(rows, money_later=later))
    expected = sum(
        (
            row.consumption_usd
            for row in rows
            if row.subscription in _CREDITED
            and _CREDITED[row.subscription][0] <= row.month <= _CREDITED[row.subscription][1]
        ),
        Decimal(0),
    )
    found = have(load_catalog(), made, PLATFORM, SILVER, StepKind.PERFORMANCE)
    assert found == expected


def test_money_converted_when_first_read_is_converted_for_the_rows_added_up_only() -> None:
    """A loader hands the money over as stored: the rules' totals convert the slices they
    add up (runs of a subscription's months), readers of ``columns`` get it all converted."""
    calls: list[int] = []
    window = _MONTHS[2:14]  # 2017-03 to 2018-02, the window of AS_OF: the rows as loaded
    rows = tuple(usage("sub-2", month, consumption=f"{n}.25") for n, month in enumerate(window))
    loaded = _by_column(rows, money_later=calls)
    consumption = loaded.held_columns.consumption_usd
    assert isinstance(consumption, ConvertedColumn)
    assert consumption[2:5] == (Decimal("2.25"), Decimal("3.25"), Decimal("4.25"))
    assert calls == [3] and not consumption.converted, "the slice alone"
    made = facts(subscriptions=_SUBSCRIPTIONS, usage_rows=rows)
    found = have(
        load_catalog(), replace(made, usage=loaded), PLATFORM, SILVER, StepKind.PERFORMANCE
    )
    # sub-2 counts from 2017-03 (the window's first month) to 2017-11: nine of its months.
    assert found == sum((Decimal(f"{n}.25") for n in range(9)), Decimal(0))
    assert calls == [3, 9] and not consumption.converted
    columns = loaded.columns
    assert type(columns.consumption_usd) is tuple and type(columns.revenue_usd) is tuple
    assert columns.consumption_usd[1] == Decimal("1.25") and consumption.converted
    assert loaded.held_columns == columns and loaded == rows


def test_subscriptions_looked_up_when_first_read_are_grouped_as_stored() -> None:
    """The rules group a loaded window's rows by the stored subscription ids and look up
    each run's: the same totals, the column left as stored; one external id under two
    stored ids is not taken for one run."""
    window = _MONTHS[2:14]  # the window of AS_OF: the rows as loaded for the day
    crm = [usage("sub-2", month, consumption=f"{n}.50") for n, month in enumerate(window)]
    azure = [usage("sub-1", month, consumption=f"{n}") for n, month in enumerate(window)]
    made = facts(subscriptions=_SUBSCRIPTIONS, usage_rows=[*crm, *azure])
    for rows, runs in (
        (tuple(crm), {"sub-2": range(12)}),
        (tuple(crm + azure), None),  # "sub-1" under two stored ids: two runs of one name
    ):
        loaded = _by_column(rows, money_later=[])
        subscriptions = loaded.held_columns.subscription
        assert isinstance(subscriptions, ConvertedColumn)
        assert _runs_by_subscription(subscriptions) == runs
        expected = have(
            load_catalog(), replace(made, usage=rows), PLATFORM, SILVER, StepKind.PERFORMANCE
        )
        found = have(
            load_catalog(), replace(made, usage=loaded), PLATFORM, SILVER, StepKind.PERFORMANCE
        )
        # Not grouped: each row's external id read by position (the column converted).
        assert found == expected and subscriptions.converted is (runs is None)
        assert loaded.columns.subscription == tuple(row.subscription for row in rows)


def test_the_rows_of_a_window_of_months_are_found_by_month() -> None:
    rows = _by_column(_ROWS)
    may, july = Month(2017, 5).index, Month(2017, 7).index
    assert rows.positions_in(may, july) is None, "every row is in those months"
    assert rows.positions_in(may + 1, july) == [1, 2]
    assert rows.positions_in(may, may) == [0]
    assert rows.positions_in(july + 1, july + 5) == []


_WINDOW = ["2017-03", "2017-06", "2017-07", "2017-11", "2017-12", "2018-02"]
"""Months of the window of ``AS_OF`` (rows of these alone are read as runs): its first and
latest, and those on either side of sub-1's and sub-2's months in force."""
_WHOLE = subscription("sub-3")
"""Associated long ago, never ended: every month of the window counts."""
_RUN_CREDITED = {**_CREDITED, "sub-3": (Month(2017, 3), Month(2018, 2))}


@settings(max_examples=150)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["sub-1", "sub-2", "sub-3", "trial", "unknown"]),
            st.sampled_from(_WINDOW),
            st.integers(min_value=0, max_value=900),
            st.integers(min_value=0, max_value=40),
        ),
        max_size=40,
    ),
    st.randoms(use_true_random=False),
)
def test_rows_grouped_by_subscription_add_up_as_the_same_rows_in_any_order(
    drawn: list[tuple[str, str, int, int]], shuffler: random.Random
) -> None:
    rows = [
        usage(sub, month, consumption=amount, revenue=amount * 2, users=users)
        for sub, month, amount, users in drawn
    ]
    # Grouped by subscription (the months of each in any order): read run by run.
    grouped = sorted(rows, key=lambda row: row.subscription)
    shuffled = list(rows)
    shuffler.shuffle(shuffled)
    needed = {Workload.AZURE: {MeasureKind.CONSUMPTION_USD, MeasureKind.REVENUE_USD}}
    needed[Workload.AZURE].add(MeasureKind.ACTIVE_USERS)  # every figure of every row
    found = []
    for order in (grouped, shuffled):
        given_rows = facts(subscriptions=(*_SUBSCRIPTIONS, _WHOLE), usage_rows=tuple(order))
        totals = UsageTotals.of(replace(given_rows, usage=_by_column(tuple(order))), AS_OF, needed)
        credited = {
            key: Counter(order[at] for at in positions)
            for key, positions in totals.credited.items()
        }
        found.append((totals.consumption, totals.revenue, totals.users, credited))
    assert found[0] == found[1]
    consumption, _revenue, users, credited = found[0]
    expected = Counter(
        row
        for row in rows
        if row.subscription in _RUN_CREDITED
        and _RUN_CREDITED[row.subscription][0] <= row.month <= _RUN_CREDITED[row.subscription][1]
    )
    assert sum(credited.values(), Counter()) == expected
    assert sum(consumption.values(), Decimal(0)) == sum(
        (row.consumption_usd for row in expected.elements()), Decimal(0)
    )
    latest = Month(2018, 2)
    assert sum(users.values()) == sum(
        row.active_users for row in expected.elements() if row.month == latest
    )
