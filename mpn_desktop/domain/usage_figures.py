"""Monthly usage per customer tenant and service, as the Solutions Partner metrics read it.

Built once per evaluation: every usage row of a subscription associated by the
end of its month is added into a cell per (month, workload, association) and,
inside it, per (customer, service). A metric part then asks for the totals of
its scope (workloads, association types, services) in a month; those are
merged from the cells once and kept, since the six designations' parts share
a handful of scopes and look at the same 25 months.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import Quantity, Scope
from mpn_desktop.domain.enums import Workload
from mpn_desktop.domain.facts import Facts, Subscription

_ZERO = Decimal(0)

Key = tuple[str, str]
"""A customer and a case-folded service ("" for a subscription's monthly total)."""

Sums = list[Decimal | int]
"""Consumption, revenue, active users, paid seats, monthly consumption value."""

_QUANTITY_INDEX = {
    Quantity.CONSUMPTION_USD: 0,
    Quantity.REVENUE_USD: 1,
    Quantity.ACTIVE_USERS: 2,
    Quantity.PAID_SEATS: 3,
    Quantity.MCV: 4,
}


def month_end(month: Month) -> date:
    """The last day of a month."""
    return date.fromordinal(month.plus(1).first_day.toordinal() - 1)


def add_sums(total: Sums, more: Sums) -> None:
    """Adds ``more`` into ``total``."""
    for index, value in enumerate(more):
        total[index] += value


def quantity_index(quantity: Quantity) -> int | None:
    """Where a quantity sits in the sums (None for a share, which divides two of them)."""
    return _QUANTITY_INDEX.get(quantity)


def quantity_of(sums: Sums, quantity: Quantity) -> Decimal:
    """One quantity of some sums (a share is active users over paid seats)."""
    if quantity is Quantity.ACTIVE_SHARE:
        return Decimal(sums[2]) / Decimal(sums[3]) if sums[3] else _ZERO
    return Decimal(sums[_QUANTITY_INDEX[quantity]])


class UsageFigures:
    """The usage of one organisation, added up for the scored metrics."""

    def __init__(
        self, facts: Facts, rates: dict[str, Decimal], months: tuple[Month, Month] | None = None
    ) -> None:
        """``months``: the first and last month any metric reads (None: every month)."""
        subscriptions = {s.id: s for s in facts.subscriptions if not s.trial}
        self._cells: dict[tuple[Month, Workload, str], dict[Key, Sums]] = defaultdict(dict)
        self.services: dict[str, str] = {}
        """Each service's name as first written, by its case-folded key."""
        first, last = months if months is not None else (Month(1, 1), Month(9999, 12))
        # Per subscription once: its cell key's parts and the month its association began.
        subs = {
            s.id: (s.workload, s.association.value, s.customer, Month.of(s.associated_on))
            for s in subscriptions.values()
        }
        service_keys: dict[str, str] = {}
        cells = self._cells
        for usage in facts.usage:
            found = subs.get(usage.subscription)
            if found is None:
                continue
            month = usage.month
            if not first <= month <= last:
                continue
            workload, association, customer, associated = found
            if associated > month:
                continue  # no credit before the association
            service = usage.service
            key_service = service_keys.get(service)
            if key_service is None:
                key_service = service_keys[service] = service.strip().casefold()
                if key_service:
                    self.services.setdefault(key_service, service.strip())
            cell = cells[(month, workload, association)]
            rate = rates.get(key_service)
            mcv = usage.active_users * rate if rate is not None else _ZERO
            sums = cell.get((customer, key_service))
            if sums is None:
                cell[(customer, key_service)] = [
                    usage.consumption_usd,
                    usage.revenue_usd,
                    usage.active_users,
                    usage.paid_seats,
                    mcv,
                ]
            else:
                sums[0] += usage.consumption_usd
                sums[1] += usage.revenue_usd
                sums[2] += usage.active_users
                sums[3] += usage.paid_seats
                sums[4] += mcv
        self._totals: dict[tuple[Scope, Month], dict[Key, Sums]] = {}
        self._summed: dict[tuple[Scope, tuple[Month, ...], bool], dict[Key, Sums]] = {}
        by_customer: dict[str, list[Subscription]] = defaultdict(list)
        for sub in subscriptions.values():
            by_customer[sub.customer].append(sub)
        self._subscriptions = by_customer
        self._first: dict[tuple[str, Scope], Month | None] = {}

    def totals(self, scope: Scope, month: Month) -> dict[Key, Sums]:
        """The month's sums per (customer, service) over the scope's subscriptions (read only)."""
        found = self._totals.get((scope, month))
        if found is not None:
            return found
        cells = [
            cell
            for workload in scope.workloads
            for association in scope.associations
            if (cell := self._cells.get((month, workload, association)))
        ]
        filtered = bool(scope.services or scope.excluded_services)
        merged: dict[Key, Sums]
        if len(cells) == 1 and not filtered:
            merged = cells[0]  # nothing to add up: the cell itself, never written to
        else:
            merged = {}
            for cell in cells:
                for key, sums in cell.items():
                    service = key[1]
                    if filtered and (
                        (scope.services and service not in scope.services)
                        or (service and service in scope.excluded_services)
                    ):
                        continue
                    total = merged.get(key)
                    if total is None:
                        merged[key] = list(sums)
                    else:
                        add_sums(total, sums)
        self._totals[(scope, month)] = merged
        return merged

    def summed(self, scope: Scope, months: Iterable[Month], per_service: bool) -> dict[Key, Sums]:
        """Sums over several months, per (customer, service) or per customer (service "")."""
        months = tuple(months)
        cached = self._summed.get((scope, months, per_service))
        if cached is not None:
            return cached
        result: dict[Key, Sums] = {}
        for month in months:
            for (customer, service), sums in self.totals(scope, month).items():
                key = (customer, service if per_service else "")
                total = result.get(key)
                if total is None:
                    result[key] = list(sums)
                else:
                    add_sums(total, sums)
        self._summed[(scope, months, per_service)] = result
        return result

    def first_associated(self, customer: str, scope: Scope) -> Month | None:
        """The first month in which the customer had a subscription the scope counts."""
        key = (customer, scope)
        if key not in self._first:
            months = [
                Month.of(s.associated_on)
                for s in self._subscriptions.get(customer, ())
                if s.workload in scope.workloads and s.association.value in scope.associations
            ]
            self._first[key] = min(months) if months else None
        return self._first[key]
