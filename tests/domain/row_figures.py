"""The designation metrics' figures read straight from the fact rows: the reference.

``RowFigures`` answers every question the measures ask (``UsageFigures``'s)
by walking all usage rows again, adding each row's monthly consumption value
on its own, nothing kept; ``RowCertified`` answers who holds what by walking
all exam results and people again. Scores worked out through them are what
the kept sums must give.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal

from mpn_desktop.domain.catalog import normalize_code
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import Certification, Listed, Quantity, Scope
from mpn_desktop.domain.facts import Facts, Usage
from mpn_desktop.domain.skilling_holders import Holder

_ZERO = Decimal(0)
_INDEX = {
    Quantity.CONSUMPTION_USD: 0,
    Quantity.REVENUE_USD: 1,
    Quantity.ACTIVE_USERS: 2,
    Quantity.PAID_SEATS: 3,
    Quantity.MCV: 4,
}

Key = tuple[str, str]
Sums = list[Decimal | int]


def _quantity(sums: Sums, quantity: Quantity) -> Decimal:
    if quantity is Quantity.ACTIVE_SHARE:
        return Decimal(sums[2]) / Decimal(sums[3]) if sums[3] else _ZERO
    return Decimal(sums[_INDEX[quantity]])


class RowFigures:
    """Usage figures from the rows, for one evaluation (same questions as ``UsageFigures``)."""

    def __init__(
        self, facts: Facts, rates: dict[str, Decimal], months: tuple[Month, Month] | None = None
    ) -> None:
        self._facts = facts
        self._rates = rates
        self._first, self._last = months if months is not None else (Month(1, 1), Month(9999, 12))
        self.memo: dict[object, object] = {}
        self.services: dict[str, str] = {}
        for _customer, service, row in self._rows(None, None):
            if service:
                self.services.setdefault(service, row.service.strip())

    def service_name(self, service: str) -> str:
        """A service's name as the first row of the months writes it."""
        return self.services.get(service, service)

    def _rows(
        self, scope: Scope | None, months: set[Month] | None
    ) -> Iterator[tuple[str, str, Usage]]:
        """(customer, case-folded service, row) of every row counted, in the rows' order."""
        subscriptions = {s.id: s for s in self._facts.subscriptions if not s.trial}
        for row in self._facts.usage:
            sub = subscriptions.get(row.subscription)
            if sub is None or not self._first <= row.month <= self._last:
                continue
            if months is not None and row.month not in months:
                continue
            if Month.of(sub.associated_on) > row.month:
                continue
            service = row.service.strip().casefold()
            if scope is not None:
                if sub.workload not in scope.workloads:
                    continue
                if sub.association.value not in scope.associations:
                    continue
                if scope.services and service not in scope.services:
                    continue
                if service and service in scope.excluded_services:
                    continue
            yield sub.customer, service, row

    def summed(self, scope: Scope, months: Iterable[Month], per_service: bool) -> dict[Key, Sums]:
        """Sums over the months per (customer, service) or per customer (service "")."""
        found: dict[Key, Sums] = {}
        for customer, service, row in self._rows(scope, set(months)):
            rate = self._rates.get(service)
            values: Sums = [
                row.consumption_usd,
                row.revenue_usd,
                row.active_users,
                row.paid_seats,
                row.active_users * rate if rate is not None else _ZERO,
            ]
            key = (customer, service if per_service else "")
            total = found.get(key)
            if total is None:
                found[key] = values
            else:
                for index, value in enumerate(values):
                    total[index] += value
        return found

    def consumed_services(self, scope: Scope, months: Iterable[Month]) -> frozenset[str]:
        """The services of which some customer consumed more than 0 over the months."""
        return frozenset(
            service
            for (_, service), sums in self.summed(scope, months, True).items()
            if service and sums[0] > 0
        )

    def key_quantities(
        self, scope: Scope, quantity: Quantity, month: Month
    ) -> dict[Key, Decimal | int]:
        """One of the month's sums per (customer, service)."""
        return {
            key: sums[_INDEX[quantity]] for key, sums in self.summed(scope, [month], True).items()
        }

    def per_customer(
        self, scope: Scope, quantity: Quantity, months: Iterable[Month]
    ) -> dict[str, Decimal]:
        """One quantity of each customer's sums over the months."""
        return {
            customer: _quantity(sums, quantity)
            for (customer, _), sums in self.summed(scope, months, False).items()
        }

    def total(self, scope: Scope, quantity: Quantity, months: Iterable[Month]) -> Decimal:
        """``per_customer``'s values added up from a Decimal 0, in the customers' sorted
        order (shares are inexact: their last digit hangs on the order)."""
        values = self.per_customer(scope, quantity, months)
        return Decimal(sum(map(values.__getitem__, sorted(values)), Decimal(0)))

    def customer_quantities(
        self, scope: Scope, quantity: Quantity, months: Iterable[Month], customers: Iterable[str]
    ) -> dict[str, Decimal]:
        """``per_customer`` of the customers named alone."""
        every = self.per_customer(scope, quantity, months)
        return {customer: every[customer] for customer in customers if customer in every}

    def within(
        self,
        scope: Scope,
        months: Iterable[Month],
        *,
        per_service: bool,
        quantity: Quantity,
        bounds: tuple[Decimal, Decimal | None],
        tenants: bool,
    ) -> list[Key]:
        """The keys whose quantity is within the bounds."""
        low, high = bounds
        return [
            (key[0], "") if tenants else key
            for key, sums in self.summed(scope, months, per_service).items()
            if low <= _quantity(sums, quantity)
            and (high is None or _quantity(sums, quantity) <= high)
        ]

    def first_months(self, scope: Scope) -> dict[str, Month]:
        """Each customer's first month with a subscription of the scope."""
        found: dict[str, Month] = {}
        subscriptions = {s.id: s for s in self._facts.subscriptions if not s.trial}
        for sub in subscriptions.values():
            if sub.workload in scope.workloads and sub.association.value in scope.associations:
                month = Month.of(sub.associated_on)
                found[sub.customer] = min(found.get(sub.customer, month), month)
        return found


class RowCertified:
    """Who holds which certification on a day, from the exam results each time."""

    def __init__(
        self,
        facts: Facts,
        certifications: dict[str, Certification],
        day: date,
        present_from: date | None = None,
    ) -> None:
        self._facts = facts
        self._certifications = certifications
        self.day = day
        self._present = day if present_from is None else present_from

    def _people(self) -> dict[str, str]:
        return {
            p.mcp_id: p.name
            for p in self._facts.people
            if p.associated and (p.left_on is None or p.left_on > self._present)
        }

    def _passed(self, code: str) -> set[str]:
        people = self._people()
        return {
            e.mcp_id
            for e in self._facts.exams
            if e.passed_on <= self.day
            and e.mcp_id in people
            and normalize_code(e.exam_code) == normalize_code(code)
        }

    def _holding(self, certification: str) -> set[str]:
        cert = self._certifications.get(certification)
        if cert is None or not cert.eligible_on(self.day):
            return set()
        found = self._passed(cert.id) | self._passed(cert.name)
        for alternative in cert.exams:
            found |= set.intersection(*(self._passed(code) for code in alternative))
        return found

    def holders(self, listed: tuple[Listed, ...]) -> tuple[Holder, ...]:
        """Each person holding a listed certification once, with the first one listed."""
        people = self._people()
        seen: dict[str, Holder] = {}
        for entry in listed:
            if entry.on(self.day):
                for mcp_id in sorted(self._holding(entry.certification)):
                    seen.setdefault(mcp_id, Holder(people[mcp_id], mcp_id, entry.certification))
        return tuple(sorted(seen.values(), key=lambda h: (h.name.casefold(), h.mcp_id)))

    def count(self, listed: tuple[Listed, ...]) -> int:
        """How many people hold a listed certification."""
        return len(self.holders(listed))

    def at_least(self, listed: tuple[Listed, ...], wanted: int) -> int:
        """``count`` up to ``wanted``."""
        return min(self.count(listed), wanted)
