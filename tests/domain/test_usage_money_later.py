"""Usage money as the loader hands it over, converted when first read (``ConvertedColumn``):
the designation scores read only the rows they add up (``usage_scope_sums.gathered``, the
runs' slices), never the whole columns, and score as on money converted beforehand (the
subscription ids stored as numbers, as loaded, too).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from functools import partial
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mpn_desktop.domain.column_rows import ConvertedColumn
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.facts import Facts, Kept
from mpn_desktop.domain.usage_figures import usage_sums
from mpn_desktop.domain.usage_rows import UsageRows
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store.sqlite_values import money
from tests.domain.sp_organisations import DAYS, exactly
from tests.domain.test_usage_cell_runs import _LAYOUTS, _ORDERS, _facts, _partner_center

CATALOGS = shipped_scored_catalogs()
_SEEDED = st.integers(0, 2**32 - 1).map(random.Random)
_KINDS = (*_ORDERS, *(f"partner center: {layout}" for layout in sorted(_LAYOUTS)))


def _organisation(rng: random.Random, kind: str) -> Facts:
    if kind.startswith("partner center: "):
        return _partner_center(rng, kind.removeprefix("partner center: "))
    return _facts(rng, kind)


def _later(column: Sequence[Decimal], converted: list[int]) -> ConvertedColumn:
    """The column as stored text, converted when read (each conversion's length counted)."""

    def convert(values: Sequence[str]) -> list[Decimal]:
        converted.append(len(values))
        return [Decimal(value) for value in values]

    return ConvertedColumn(tuple(str(value) for value in column), convert)


def _money_later(facts: Facts, converted: list[int]) -> tuple[Facts, list[ConvertedColumn]]:
    """The usage as ``load_facts`` hands it over: money as stored text and the subscription
    ids as stored numbers, each converted when first read."""
    columns = UsageRows.of(facts.usage).columns
    money = [_later(columns.consumption_usd, converted), _later(columns.revenue_usd, converted)]
    number_of = {sub_id: at for at, sub_id in enumerate(dict.fromkeys(columns.subscription))}
    named = dict(zip(number_of.values(), number_of, strict=True))
    ids = ConvertedColumn(
        tuple(map(number_of.__getitem__, columns.subscription)), partial(map, named.__getitem__)
    )
    held = columns._replace(subscription=ids, consumption_usd=money[0], revenue_usd=money[1])
    return replace(facts, usage=UsageRows.from_sequences(list(held)), kept=Kept()), money


@settings(max_examples=12, deadline=None)
@given(rng=_SEEDED, kind=st.sampled_from(_KINDS), day=st.sampled_from(DAYS))
@example(rng=random.Random(15), kind="grouped", day=DAYS[0])  # a grid (as Random(2852) was)
@example(rng=random.Random(16), kind="grouped", day=DAYS[0])  # not a grid
def test_money_converted_when_read_scores_as_converted_and_stays_unconverted(
    rng: random.Random, kind: str, day: Any
) -> None:
    facts = _organisation(rng, kind)
    converted: list[int] = []
    later, money = _money_later(facts, converted)
    for catalog in CATALOGS:
        expected = exactly(score_designations(catalog, replace(facts, kept=Kept()), day))
        assert exactly(score_designations(catalog, later, day)) == expected
    assert not any(column.converted for column in money), "a whole column converted"
    # The ids: a grid's and the walked runs' are looked up run by run and stay as stored
    # (test_usage_cell_grid), whether the drawn organisation is a grid or not.
    assert not isinstance(usage_sums(later).columns.subscription, tuple)


def _stored_numbers(column: Sequence[Decimal]) -> tuple[float | int, ...]:
    """Money as SQLite stores it: whole amounts as integers, others as floats."""
    return tuple(int(value) if value == int(value) else float(value) for value in column)


@settings(max_examples=8, deadline=None)
@given(rng=_SEEDED, kind=st.sampled_from(_KINDS), day=st.sampled_from(DAYS))
def test_money_stored_as_numbers_scores_as_written_with_two_decimals(
    rng: random.Random, kind: str, day: Any
) -> None:
    """SQLite's money (numbers, whole amounts as integers and others as floats, written with
    two decimals when read) scores as the amounts converted beforehand."""
    facts = _organisation(rng, kind)
    columns = UsageRows.of(facts.usage).columns
    stored = [_stored_numbers(columns.consumption_usd), _stored_numbers(columns.revenue_usd)]
    later = [ConvertedColumn(each, partial(map, money)) for each in stored]
    before = columns._replace(
        consumption_usd=tuple(map(money, stored[0])), revenue_usd=tuple(map(money, stored[1]))
    )
    held = columns._replace(consumption_usd=later[0], revenue_usd=later[1])
    converted = replace(facts, usage=UsageRows.from_sequences(list(before)), kept=Kept())
    loaded = replace(facts, usage=UsageRows.from_sequences(list(held)), kept=Kept())
    for catalog in CATALOGS:
        expected = exactly(score_designations(catalog, replace(converted, kept=Kept()), day))
        assert exactly(score_designations(catalog, loaded, day)) == expected
    assert not any(column.converted for column in later), "a whole column converted"
