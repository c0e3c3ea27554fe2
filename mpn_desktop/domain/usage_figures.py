"""Monthly usage per customer tenant and service, as the Solutions Partner metrics read it.

Built once per evaluation from the facts: each usage row is kept under its
customer (the tenant), its service and its month, with the subscription's
workload and association, so that a metric part can ask "this quantity of this
tenant in that month, for these workloads and association types" without
walking the 36,000 rows again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import Quantity, Scope
from mpn_desktop.domain.facts import Facts, Subscription

_ZERO = Decimal(0)


@dataclass(slots=True)
class UsageRow:
    """One usage row with the subscription a scope asks about."""

    customer: str
    service: str
    month: Month
    subscription: Subscription
    consumption_usd: Decimal
    revenue_usd: Decimal
    active_users: int
    paid_seats: int


def month_end(month: Month) -> date:
    """The last day of a month."""
    return date.fromordinal(month.plus(1).first_day.toordinal() - 1)


def _associated_in(subscription: Subscription, month: Month) -> bool:
    """The association is in force in the month (made on or before its last day)."""
    return subscription.associated_on <= month_end(month)


class UsageFigures:
    """The usage rows of one organisation, grouped for the scored metrics."""

    def __init__(self, facts: Facts) -> None:
        subscriptions = {s.id: s for s in facts.subscriptions}
        self._rows: dict[Month, list[UsageRow]] = defaultdict(list)
        for usage in facts.usage:
            subscription = subscriptions.get(usage.subscription)
            if subscription is None or subscription.trial:
                continue
            row = UsageRow(
                customer=subscription.customer,
                service=usage.service.strip().casefold(),
                month=usage.month,
                subscription=subscription,
                consumption_usd=usage.consumption_usd,
                revenue_usd=usage.revenue_usd,
                active_users=usage.active_users,
                paid_seats=usage.paid_seats,
            )
            self._rows[usage.month].append(row)
        self.services: dict[str, str] = {}
        """Each service's name as first written, by its case-folded key."""
        for usage in facts.usage:
            if usage.service:
                self.services.setdefault(usage.service.strip().casefold(), usage.service.strip())
        self._first_associated: dict[tuple[str, frozenset[str]], Month] = {}
        self._subscriptions = tuple(subscriptions.values())

    def rows(self, scope: Scope, month: Month) -> Iterator[UsageRow]:
        """The month's rows that the scope counts: its workloads, associations and services."""
        for row in self._rows.get(month, ()):
            sub = row.subscription
            if sub.workload not in scope.workloads:
                continue
            if sub.association.value not in scope.associations:
                continue
            if not _associated_in(sub, month):
                continue
            if scope.services and row.service not in scope.services:
                continue
            if row.service and row.service in scope.excluded_services:
                continue
            yield row

    def first_associated(self, customer: str, scope: Scope) -> Month | None:
        """The first month in which the customer had a subscription the scope counts."""
        key = (customer, scope.associations)
        if key not in self._first_associated:
            months = [
                Month.of(s.associated_on)
                for s in self._subscriptions
                if s.customer == customer
                and not s.trial
                and s.workload in scope.workloads
                and s.association.value in scope.associations
            ]
            self._first_associated[key] = min(months) if months else None  # type: ignore[assignment]
        return self._first_associated.get(key)


def quantity_of(rows: Iterable[UsageRow], quantity: Quantity, rates: dict[str, Decimal]) -> Decimal:
    """The quantity over some rows (a share is worked out over their sums)."""
    if quantity is Quantity.ACTIVE_SHARE:
        users = seats = 0
        for row in rows:
            users += row.active_users
            seats += row.paid_seats
        return Decimal(users) / Decimal(seats) if seats else _ZERO
    total = _ZERO
    for row in rows:
        total += _row_quantity(row, quantity, rates)
    return total


def _row_quantity(row: UsageRow, quantity: Quantity, rates: dict[str, Decimal]) -> Decimal:
    if quantity is Quantity.CONSUMPTION_USD:
        return row.consumption_usd
    if quantity is Quantity.REVENUE_USD:
        return row.revenue_usd
    if quantity is Quantity.ACTIVE_USERS:
        return Decimal(row.active_users)
    if quantity is Quantity.PAID_SEATS:
        return Decimal(row.paid_seats)
    return Decimal(row.active_users) * rates.get(row.service, _ZERO)
