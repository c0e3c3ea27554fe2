"""A window's rows (``usage_window_rows.WindowRows``) are read once for the scopes of the
same cells with rows, and never for a scope with a cell whose rows there were put in row
by row: every figure equals the rows' (``row_figures.RowFigures``), digit for digit.
"""

from __future__ import annotations

import gc
import random
from dataclasses import replace
from datetime import date
from decimal import Decimal

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import Quantity, Scope
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.facts import Facts, Kept
from mpn_desktop.domain.subscription_rows import Subscription
from mpn_desktop.domain.usage_figures import usage_sums
from mpn_desktop.domain.usage_rows import Usage
from mpn_desktop.domain.usage_window_rows import WindowRows
from tests.domain.row_figures import RowFigures
from tests.domain.sp_organisations import sp_organisation

_FIRST = Month(2024, 1)
_TWELVE = tuple(_FIRST.plus(back) for back in range(11, -1, -1))
_AZURE = frozenset({Workload.AZURE})


def _facts(runs: dict[str, tuple[Association, list[Month]]]) -> Facts:
    """One Azure subscription per entry (its customer the entry's first letter), of that
    association type, with a row for each of its months (in the order given) of two
    services, amounts written with an exponent now and then."""
    rng = random.Random(7)
    subscriptions = tuple(
        Subscription(
            id=sub_id,
            customer=f"Customer {sub_id[0]}",
            workload=Workload.AZURE,
            association=association,
            associated_on=date(2020, 1, 1),
            started_on=date(2020, 1, 1),
        )
        for sub_id, (association, _months) in runs.items()
    )
    usage = tuple(
        Usage(
            subscription=sub_id,
            month=month,
            consumption_usd=Decimal(rng.choice(("1E+2", "2.50", "-0.75", "3"))),
            revenue_usd=Decimal(1),
            active_users=rng.randint(0, 9),
            service=service,
            paid_seats=10,
        )
        for sub_id, (_association, months) in runs.items()
        for month in months
        for service in ("Storage", "Sentinel")
    )
    base = sp_organisation(random.Random(0), clean=True)
    return replace(base, subscriptions=subscriptions, usage=usage, kept=Kept())


def _exact(values: dict[str, Decimal | int]) -> dict[str, str]:
    return {customer: repr(Decimal(value)) for customer, value in values.items()}


def _same_as_the_rows(facts: Facts, scope: Scope) -> None:
    priced = usage_sums(facts).priced({})
    reference = RowFigures(facts, {})
    for quantity in (Quantity.CONSUMPTION_USD, Quantity.ACTIVE_USERS):
        found = priced.per_customer(scope, quantity, _TWELVE)
        assert _exact(dict(found)) == _exact(dict(reference.per_customer(scope, quantity, _TWELVE)))
        total = priced.total(scope, quantity, _TWELVE)
        assert repr(total) == repr(reference.total(scope, quantity, _TWELVE))


def test_scopes_of_the_same_cells_with_rows_read_the_window_once() -> None:
    """Azure of two association types, one with no subscription, and a scope of the other
    alone picking a service: one window read for the three figures, each the rows'."""
    months = [_FIRST.plus(offset) for offset in range(14)]
    facts = _facts(
        {"a1": (Association.TRANSACTING, months), "b1": (Association.TRANSACTING, months[2:])}
    )
    wide = Scope(_AZURE, frozenset({"transacting", "dpor"}))
    picking = Scope(_AZURE, frozenset({"transacting"}), services=frozenset({"sentinel"}))
    for scope in (wide, picking):
        _same_as_the_rows(facts, scope)
    priced = usage_sums(facts).priced({})
    assert priced.consumed_services(wide, _TWELVE) == RowFigures(facts, {}).consumed_services(
        wide, _TWELVE
    )
    windows = list(priced._windows.values())
    assert len(windows) == 1
    assert isinstance(windows[0], WindowRows)


def test_a_cell_with_rows_put_in_row_by_row_does_not_read_another_scopes_window() -> None:
    """A scope with a further cell whose rows in the months were put in row by row (a
    subscription's months out of order) reads its months one by one, not the window of the
    scope without that cell read before: its figures count that cell's rows."""
    months = [_FIRST.plus(offset) for offset in range(14)]
    facts = _facts(
        {
            "a1": (Association.TRANSACTING, months),
            "c1": (Association.PAL, [months[5], months[3], months[4]]),
        }
    )
    sums = usage_sums(facts)
    assert (Workload.AZURE, "pal") in sums.cell_months.cells, "put in row by row"
    narrow = Scope(_AZURE, frozenset({"transacting"}))
    wide = Scope(_AZURE, frozenset({"transacting", "pal"}))
    _same_as_the_rows(facts, narrow)
    _same_as_the_rows(facts, wide)
    assert len(sums.priced({})._windows) == 1


def test_short_slices_keep_no_slice_objects() -> None:
    """A window of short slices (a months' file's subscriptions of a few rows) holds no
    ``slice`` per slice, objects the collector tracks, and reads the same rows in order."""
    starts = list(range(0, 300, 3))
    stops = [start + 2 for start in starts]
    names = [f"Customer {at}" for at in range(len(starts))]
    window = WindowRows(([], [], []), (names, starts, stops))
    held = [each for each in gc.get_referents(window) if isinstance(each, list)]
    assert not any(isinstance(item, slice) for each in held for item in each)
    column = tuple(range(300))
    assert window.values(column) == [row for start in starts for row in (start, start + 1)]
