"""Usage as real databases hold it (usage_cell_runs): a row per subscription, month and
service; a first import of several months grouped by subscription (several rows a month:
runs found by bisection), each later month's file appended after it, grouped by
subscription within the month (a month's runs, cut in C), now and then a second file for a
month imported already. Held so, a cell's months must hold the rows counted, and score as
the rows themselves, before and after an edit.
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.facts import Facts, Kept, Usage
from mpn_desktop.domain.usage_figures import UsageSums, carry_usage_sums, usage_sums
from tests.domain.sp_organisations import DAYS, SERVICES, exactly
from tests.domain.test_usage_cell_runs import (
    _FIRST,
    CATALOGS,
    _counted,
    _facts,
    _from_rows,
    _held,
    _row,
    _scores,
)

_SEEDED = st.integers(0, 2**32 - 1).map(random.Random)


def _by_file(rng: random.Random, rows: list[Usage], rank: dict[str, int] | None) -> list[Usage]:
    """A month's rows as its file gives them: grouped by subscription, the subscriptions in
    ``rank``'s order (every file's) or in an order of the file's own, each one's services
    as they came."""
    if rank is None:
        order = list(dict.fromkeys(row.subscription for row in rows))
        rng.shuffle(order)
        rank = {sub_id: at for at, sub_id in enumerate(order)}
    return sorted(rows, key=lambda row: rank[row.subscription])


def _imported(rng: random.Random, same_order: bool = False) -> Facts:
    """Every subscription's (and an unknown one's) services, one to four, some months
    fewer (services taken up and given up), now and then a month left out (its
    subscription comes back in a later month's file); the first ``at_once`` months
    imported grouped by subscription, each later month in a file of its own
    (``same_order``: every file lists the subscriptions in the same order, as a
    partner's exports mostly do, so that a file's runs are picked as the file before's;
    associations begin between the files)."""
    facts = _facts(rng, "grouped")
    ids = [sub.id for sub in facts.subscriptions] + ["sub-unknown"]
    at_once = rng.randint(0, 40)
    early: list[Usage] = []
    later: dict[Month, list[Usage]] = {}
    for sub_id in ids:
        first = _FIRST.plus(rng.randrange(0, 50))
        length = rng.randint(1, 30)
        services = rng.sample(SERVICES, rng.randint(1, 4))
        left_out = rng.randrange(length) if rng.random() < 0.3 else None
        for offset in range(length):
            if offset == left_out:
                continue
            month = first.plus(offset)
            taken = rng.sample(services, rng.randint(1, len(services)))
            rows = [_row(rng, sub_id, month, service) for service in taken]
            if month - _FIRST < at_once:
                early.extend(rows)
            else:
                later.setdefault(month, []).extend(rows)
    rank = {sub_id: at for at, sub_id in enumerate(rng.sample(ids, len(ids)))}
    files = [_by_file(rng, later[month], rank if same_order else None) for month in sorted(later)]
    if early and rng.random() < 0.4:
        # A second file for a month of the first import: its subscriptions' rows of that
        # month then lie in two places (a customer's run there and a month's run).
        month = rng.choice(early).month
        again = [
            _row(rng, sub_id, month, rng.choice(SERVICES))
            for sub_id in rng.sample(ids, min(4, len(ids)))
        ]
        files.append(_by_file(rng, again, None))
    usage = tuple(early) + tuple(row for rows in files for row in rows)
    return replace(facts, usage=usage, kept=Kept())


@settings(max_examples=40, deadline=None)
@given(rng=_SEEDED, same_order=st.booleans())
def test_a_cells_months_of_rows_by_service_and_by_file_hold_the_rows_counted(
    rng: random.Random, same_order: bool
) -> None:
    facts = _imported(rng, same_order)
    sums = UsageSums(facts.subscriptions, facts.usage)
    assert _held(sums) == _counted(facts)


def test_rows_by_service_and_by_file_are_held_as_runs() -> None:
    """The comparison above reaches the runs of several rows a month and the months' runs:
    no row put in row by row."""
    facts = _imported(random.Random(7))
    sums = UsageSums(facts.subscriptions, facts.usage)
    assert len(facts.usage) > 200 and not sums.cells and not sums.more
    assert any(runs.by_month_in(0, 10**6) for runs in sums.runs.values())
    assert _held(sums) == _counted(facts)


@settings(max_examples=6, deadline=None)
@given(rng=_SEEDED, same_order=st.booleans(), day=st.sampled_from(DAYS))
def test_scores_of_rows_by_service_and_by_file_equal_scores_from_the_rows(
    rng: random.Random, same_order: bool, day: Any
) -> None:
    facts = _imported(rng, same_order)
    scores = _scores(facts, day)
    with _from_rows():
        assert scores == _scores(facts, day)


@settings(max_examples=10, deadline=None)
@given(rng=_SEEDED, day=st.sampled_from(DAYS))
def test_rows_by_service_and_by_file_edited_in_place_hold_the_rows_counted_after(
    rng: random.Random, day: Any
) -> None:
    """An edit replacing rows in place (a row moved to another month, figures changed)
    after an evaluation: the months it reaches are put in row by row, the runs kept for the
    others; the scores are the rows' own."""
    facts = _imported(rng)
    if not facts.usage:
        return
    score_designations(CATALOGS[-1], facts, day)  # months worked out before the edit
    usage = list(facts.usage)
    removed, added = [], []
    for at in rng.sample(range(len(usage)), min(3, len(usage))):
        old = usage[at]
        new = replace(
            old,
            month=old.month.plus(rng.choice((-1, 0, 2))),
            active_users=old.active_users + 3,
            consumption_usd=old.consumption_usd + Decimal("0.25"),
        )
        usage[at] = new
        removed.append(old)
        added.append(new)
    after = replace(facts, usage=tuple(usage))
    carry_usage_sums(facts, after, removed, added)
    sums = usage_sums(after)
    assert sums is not usage_sums(facts)
    assert _held(sums) == _counted(after)
    assert exactly(score_designations(CATALOGS[-1], after, day)) == exactly(
        score_designations(CATALOGS[-1], replace(after, kept=Kept()), day)
    )
