"""Usage rows of every subscription over the same months (a grid) are cut into runs by whole
columns (usage_cell_runs._grid), not run by run: the runs must hold the rows counted, as
the walk's do; a row that breaks the grid (another subscription's row inside a run, months
out of order, a run of another length) sends the rows back to the walk.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from mpn_desktop.domain import usage_cell_runs
from mpn_desktop.domain.column_rows import ConvertedColumn
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.enums import Workload
from mpn_desktop.domain.facts import Facts, Kept, Usage
from mpn_desktop.domain.usage_cell_runs import cell_runs
from mpn_desktop.domain.usage_figures import UsageSums
from mpn_desktop.domain.usage_rows import UsageRows
from mpn_desktop.programs import shipped_scored_catalogs
from tests.domain.sp_organisations import DAYS, SERVICES, exactly
from tests.domain.test_usage_cell_runs import _counted, _facts, _held, _row

_SEEDED = st.integers(0, 2**32 - 1).map(random.Random)
_BREAKS = ("none", "another's row inside", "months swapped", "twice in a row", "one row short")


def _grid_facts(rng: random.Random, broken: str) -> Facts:
    """Every subscription's rows over the same months (4 to 30 from a month of 2021-2025),
    grouped by subscription, one a month in order; then one break of the grid."""
    facts = _facts(rng, "grouped")
    first = Month(2021, 1).plus(rng.randrange(0, 60))
    months = [first.plus(offset) for offset in range(rng.randint(4, 30))]
    runs = [
        [_row(rng, sub.id, month, rng.choice(SERVICES)) for month in months]
        for sub in facts.subscriptions
    ]
    rng.shuffle(runs)
    if broken != "none" and len(runs) >= 2:
        at = rng.randrange(len(runs) - 1)
        run, after = runs[at], runs[at + 1]
        offset = rng.randrange(1, len(months) - 1)
        if broken == "another's row inside":
            run[offset] = replace(run[offset], subscription=after[0].subscription)
        elif broken == "months swapped":
            run[offset], run[offset + 1] = run[offset + 1], run[offset]
        elif broken == "twice in a row":
            runs[at + 1] = [replace(row, subscription=run[0].subscription) for row in after]
        else:
            del run[offset]
    rows = tuple(row for run in runs for row in run)
    # As loaded: by column.
    usage = UsageRows.from_columns(UsageRows.of(rows).columns)
    return replace(facts, usage=usage, kept=Kept())


def _walked(facts: Facts) -> UsageSums:
    """The same rows' sums with the grid not looked for (every run walked)."""
    with mock.patch.object(usage_cell_runs, "_grid", return_value=None):
        return UsageSums(facts.subscriptions, facts.usage)


@settings(max_examples=40, deadline=None)
@given(rng=_SEEDED, broken=st.sampled_from(_BREAKS))
def test_rows_of_a_grid_or_a_grid_broken_hold_the_rows_counted(
    rng: random.Random, broken: str
) -> None:
    facts = _grid_facts(rng, broken)
    sums = UsageSums(facts.subscriptions, facts.usage)
    assert _held(sums) == _counted(facts)
    assert _held(sums) == _held(_walked(facts))


@settings(max_examples=6, deadline=None)
@given(rng=_SEEDED, broken=st.sampled_from(_BREAKS), day=st.sampled_from(DAYS))
def test_scores_of_a_grid_equal_scores_of_its_runs_walked(
    rng: random.Random, broken: str, day: Any
) -> None:
    facts = _grid_facts(rng, broken)
    catalog = shipped_scored_catalogs()[-1]
    walked = replace(facts, kept=Kept())
    walked.kept.put(UsageSums, (walked.subscriptions, walked.usage), _walked(walked))
    assert exactly(score_designations(catalog, facts, day)) == exactly(
        score_designations(catalog, walked, day)
    )


def _columns(rows: list[Usage]) -> tuple[tuple[str, ...], tuple[Month, ...]]:
    columns = UsageRows.of(tuple(rows)).columns
    return columns.subscription, columns.month


def test_a_grid_is_cut_by_columns_and_a_broken_one_walked() -> None:
    """The grid is found (the runs made without the walk); each break sends it back."""
    jan = Month(2024, 1)
    months = [jan.plus(offset) for offset in range(5)]
    rows = [Usage(sub, month) for sub in ("A", "B", "C") for month in months]
    cell = (Workload.AZURE, "transacting")
    found_of = {sub: (cell, 0, sub.lower()) for sub in ("A", "B", "C")}
    assert usage_cell_runs._grid(*_columns(rows)) is not None
    runs, odd, rest = cell_runs(*_columns(rows), found_of)
    assert (odd, rest) == ([], 15)
    assert runs[cell].places_of(months[2], ["a", "b", "c"]) == {"a": [2], "b": [7], "c": [12]}
    inside = [*rows[:7], replace(rows[7], subscription="C"), *rows[8:]]
    swapped = [*rows[:6], rows[7], rows[6], *rows[8:]]
    twice = rows[:5] + [replace(row, subscription="A") for row in rows[5:10]] + rows[10:]
    short = rows[:14]
    three_months = [row for row in rows if row.month < jan.plus(3)]
    for broken in (inside, swapped, twice, short, three_months):
        assert usage_cell_runs._grid(*_columns(broken)) is None
    runs, odd, rest = cell_runs(*_columns(inside), found_of)
    assert odd == []  # B's run cut in two by C's row, each piece a run
    assert runs[cell].places_of(months[2], ["b", "c"]) == {"c": [12, 7]}


def _ids_stored(facts: Facts, looked_up: list[int]) -> Facts:
    """The usage's subscription ids as the loader hands them over: stored numbers looked up
    when first read (``ConvertedColumn``), each look-up's length counted."""
    columns = UsageRows.of(facts.usage).columns
    number_of = {sub_id: at for at, sub_id in enumerate(dict.fromkeys(columns.subscription))}
    named = dict(zip(number_of.values(), number_of, strict=True))

    def look_up(values: Sequence[int]) -> list[str]:
        looked_up.append(len(values))
        return [named[value] for value in values]

    ids = ConvertedColumn(tuple(map(number_of.__getitem__, columns.subscription)), look_up)
    usage = UsageRows.from_sequences(list(columns._replace(subscription=ids)))
    return replace(facts, usage=usage, kept=Kept())


@settings(max_examples=12, deadline=None)
@given(rng=_SEEDED, broken=st.sampled_from(_BREAKS), day=st.sampled_from(DAYS))
def test_a_grid_of_stored_ids_looks_up_the_runs_ids_alone(
    rng: random.Random, broken: str, day: Any
) -> None:
    """A grid is cut into runs on the ids as stored, only each run's id looked up (the
    column stays unconverted); so is a broken grid by the walk (each run's id and the rows
    put in row by row looked up, runs of four rows or more: fewer ids than rows). Both
    hold the rows counted and score as the ids converted beforehand."""
    facts = _grid_facts(rng, broken)
    looked_up: list[int] = []
    stored = _ids_stored(facts, looked_up)
    sums = UsageSums(stored.subscriptions, stored.usage)
    assert _held(sums) == _counted(facts)
    grid = usage_cell_runs._grid(*_columns(list(facts.usage)))
    if grid is not None:  # (a subscription's two runs next to each other are a grid too)
        assert looked_up == [len(grid[0])] and len(grid[0]) < len(facts.usage)
    else:  # (or no rows at all: none looked up)
        assert sum(looked_up) < len(facts.usage) or not looked_up
    assert not stored.usage.held_columns.subscription.converted
    catalog = shipped_scored_catalogs()[-1]
    assert exactly(score_designations(catalog, stored, day)) == exactly(
        score_designations(catalog, replace(facts, kept=Kept()), day)
    )
