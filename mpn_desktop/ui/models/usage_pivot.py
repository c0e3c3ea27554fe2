"""A window's usage rows summed by subscription and month, for every figure the grid shows.

Made where the rows are read (the window's reader runs it on its worker), so that
a redraw of the Sales tab's usage grid (another figure chosen, an evaluation come
in) takes a list per subscription instead of adding up every row again on the GUI
thread: 29,000 rows of usage by service on the large organisation took 15-50 ms
of it at each redraw. Holds no Qt: a worker thread runs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from mpn_desktop.domain.dates import Month

FIGURE_KEYS = ("consumption_usd", "revenue_usd", "active_users", "paid_seats")
"""The figures summed: every one the grid can show (``usage_grid.FIGURES``)."""


@dataclass(frozen=True)
class WindowUsage:
    """The months from ``first`` (``count`` of them) of each subscription that has usage."""

    first: Month
    count: int
    figures: dict[str, dict[int, list[Any]]]
    """Figure -> subscription id -> its value per month (None: no row that month): a
    month of several rows (by service, or imported) is their sum."""
    split: dict[int, frozenset[int]]
    """Subscription id -> the months (as positions) made of rows by service or imported:
    shown as their sum, changed where they come from."""
    totals: dict[str, dict[int, Any]]
    """Figure -> subscription id -> the sum of its months (the grid's total column)."""

    def values_of(self, figure: str, subscription_id: int) -> list[Any]:
        """A subscription's months of ``figure``, a list of its own (None where no row)."""
        values = self.figures[figure].get(subscription_id)
        return [None] * self.count if values is None else list(values)

    def total_of(self, figure: str, subscription_id: int) -> Any:
        """A subscription's sum of ``figure`` over the months (0 where it has no row)."""
        return self.totals[figure].get(subscription_id, Decimal(0))

    def split_of(self, subscription_id: int) -> set[int]:
        """A subscription's months made of several rows (a set of its own)."""
        return set(self.split.get(subscription_id, ()))


def pivot_usage(usage: Iterable[dict[str, Any]], first: Month, count: int) -> WindowUsage:
    """Sums ``usage`` (the store's window rows: ``subscription_id``, ``month`` (a ``Month``),
    ``part`` and the figures) into ``WindowUsage``; rows outside the months are left out.

    Each month's rows are added in the order they come, as the grid added them."""
    column_of = {first.plus(offset).index: offset for offset in range(count)}
    places: list[tuple[int, int, dict[str, Any]]] = []
    split: dict[int, set[int]] = {}
    for item in usage:
        column = column_of.get(item["month"])
        if column is not None:
            subscription = item["subscription_id"]
            places.append((subscription, column, item))
            if item.get("part"):
                split.setdefault(subscription, set()).add(column)
    # A figure at a time: a third faster than the four figures of each row in an inner loop.
    figures: dict[str, dict[int, list[Any]]] = {}
    for key in FIGURE_KEYS:
        months = figures[key] = {}
        for subscription, column, item in places:
            values = months.get(subscription)
            if values is None:
                values = months[subscription] = [None] * count
            before = values[column]
            values[column] = item[key] if before is None else before + item[key]
    return WindowUsage(
        first,
        count,
        figures,
        {subscription: frozenset(columns) for subscription, columns in split.items()},
        {
            # No month (None) and a month of 0 add nothing (a sum from Decimal(0) keeps its
            # exponent): filtered in C, a fifth of the time of a generator's ``value or 0``.
            key: {
                subscription: sum(filter(None, values), Decimal(0))
                for subscription, values in months.items()
            }
            for key, months in figures.items()
        },
    )
