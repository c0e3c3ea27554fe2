"""A window's usage summed by subscription and month (``usage_pivot``), as the grid shows it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mpn_desktop.domain.dates import Month
from mpn_desktop.ui.models.usage_pivot import pivot_usage

FIRST = Month(2025, 9)


def _row(
    subscription: int, month: Month, consumption: str, *, part: bool = False
) -> dict[str, Any]:
    return {
        "subscription_id": subscription,
        "month": month,
        "part": part,
        "consumption_usd": Decimal(consumption),
        "revenue_usd": Decimal(consumption) * 2,
        "active_users": 3,
        "paid_seats": 0,
    }


def test_a_month_of_several_rows_is_their_sum_in_every_figure_and_is_split() -> None:
    usage = pivot_usage(
        [
            _row(7, FIRST.plus(1), "10.25", part=True),
            _row(7, FIRST.plus(1), "4.50", part=True),
            _row(7, FIRST.plus(3), "1.00"),
        ],
        FIRST,
        13,
    )
    consumption = usage.values_of("consumption_usd", 7)
    assert consumption[1] == Decimal("14.75")
    assert consumption[3] == Decimal("1.00")
    assert consumption[0] is None and consumption[2] is None and len(consumption) == 13
    assert usage.values_of("revenue_usd", 7)[1] == Decimal("29.50")
    assert usage.values_of("active_users", 7)[1] == 6
    assert usage.split_of(7) == {1}  # the month typed as one row stays typed into
    assert usage.total_of("consumption_usd", 7) == Decimal("15.75")
    assert usage.total_of("active_users", 7) == 9


def test_rows_outside_the_window_are_left_out() -> None:
    usage = pivot_usage(
        [_row(7, FIRST.plus(-1), "5"), _row(7, FIRST.plus(12), "2"), _row(8, FIRST.plus(13), "9")],
        FIRST,
        13,
    )
    assert usage.values_of("consumption_usd", 7) == [None] * 12 + [Decimal(2)]
    assert usage.total_of("consumption_usd", 7) == Decimal(2)
    assert usage.values_of("consumption_usd", 8) == [None] * 13
    assert usage.total_of("consumption_usd", 8) == Decimal(0)


def test_a_subscription_s_months_are_its_own_list_each_time() -> None:
    usage = pivot_usage([_row(7, FIRST, "5")], FIRST, 12)
    shown = usage.values_of("consumption_usd", 7)
    shown[0] = Decimal(99)
    usage.split_of(7).add(4)
    assert usage.values_of("consumption_usd", 7)[0] == Decimal(5)
    assert usage.split_of(7) == set()
