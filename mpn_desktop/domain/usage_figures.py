"""Monthly usage per customer tenant and service, as the Solutions Partner metrics read it.

``UsageSums`` adds every usage row of a subscription associated by the end of
its month into a cell per (workload, association) and month and, inside it,
per (customer, service): one pass over the rows' columns (no ``Usage`` made
for a row of facts loaded by column; an entry of one row is its place in the
columns), done once per facts and kept with them (``Facts.kept``), since it
does not depend on the as-of day; an edit adds the rows up again by column
and keeps what was worked out on the months it does not reach. A
metric part then asks for the totals of its scope (workloads, association
types, services) in a month, per customer (most parts) or per service; those
are merged from the cells on first use and kept too, as the six designations'
parts share a handful of scopes and every as-of day looks at the same months;
a part reading one figure over twelve months adds up only that figure. ``UsageFigures`` is one
evaluation's view: the months it may read, the catalogue's rate card, and
the sums over several months it has asked for; what the measures work out on
its months (``memo``) is kept too, per language, and dropped with the months
an edit of the usage reaches.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from operator import itemgetter

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import Quantity, Scope
from mpn_desktop.domain.enums import Workload
from mpn_desktop.domain.facts import Facts, Subscription
from mpn_desktop.domain.usage_rows import Usage, UsageColumns, UsageRows
from mpn_desktop.domain.vocabulary import language

_ZERO = Decimal(0)

Key = tuple[str, str]
"""A customer and a case-folded service ("" for a subscription's monthly total)."""

Cell = tuple[Workload, str]
"""A workload and an association type (its value): the subscriptions a scope picks from."""

Sums = list[Decimal | int]
"""Consumption, revenue, active users, paid seats, monthly consumption value."""

Entry = int | Sums
"""A cell's (customer, service) in a month: the place of its one row in the columns (most
are a single row: no list made for it) or the first four sums of its rows."""

RateKey = tuple[tuple[str, Decimal], ...]
"""A rate card as a dictionary key (its items, sorted)."""


def _column(columns: UsageColumns, index: int) -> Sequence[Decimal | int]:
    """The column of the field added up in the ``index``-th of the first four sums."""
    return (
        columns.consumption_usd,
        columns.revenue_usd,
        columns.active_users,
        columns.paid_seats,
    )[index]


_MCV = 4
"""The place of the monthly consumption value in ``Sums``."""

_QUANTITY_INDEX = {
    Quantity.CONSUMPTION_USD: 0,
    Quantity.REVENUE_USD: 1,
    Quantity.ACTIVE_USERS: 2,
    Quantity.PAID_SEATS: 3,
    Quantity.MCV: 4,
}


def _whole_units(rate: Decimal) -> bool:
    """A finite rate written without an exponent above 0 (adding 0 to a multiple of it
    changes no digit)."""
    exponent = rate.as_tuple().exponent
    return isinstance(exponent, int) and exponent <= 0


def add_sums(total: Sums, more: Sums) -> None:
    """Adds ``more`` into ``total``."""
    for index, value in enumerate(more):
        total[index] += value


def quantity_of(sums: Sums, quantity: Quantity) -> Decimal:
    """One quantity of some sums (a share is active users over paid seats)."""
    if quantity is Quantity.ACTIVE_SHARE:
        return Decimal(sums[2]) / Decimal(sums[3]) if sums[3] else _ZERO
    return Decimal(sums[_QUANTITY_INDEX[quantity]])


class Ranked:
    """Keys (customer, service) in the order of one quantity, with the quantity beside them."""

    __slots__ = ("_keys", "_tenants", "_values")

    def __init__(self, values: list[Decimal | int], keys: list[Key], tenants: list[Key]) -> None:
        """The quantities in order, their keys and each key's customer key (service "")."""
        self._values = values
        self._keys = keys
        self._tenants = tenants

    @classmethod
    def by_key(cls, values: Mapping[Key, Decimal | int], tenants: Mapping[str, Key]) -> Ranked:
        """``values`` by (customer, service); ``tenants``: each customer's key, made once per
        facts and shared."""
        ordered = sorted(values.items(), key=itemgetter(1))
        keys = [key for key, _ in ordered]
        return cls([value for _, value in ordered], keys, [tenants[key[0]] for key in keys])

    @classmethod
    def by_customer(cls, values: Mapping[str, Decimal | int], tenants: Mapping[str, Key]) -> Ranked:
        """``values`` by customer, each keyed by its customer key (``tenants``)."""
        ordered = sorted(values.items(), key=itemgetter(1))
        keys = [tenants[customer] for customer, _ in ordered]
        return cls([value for _, value in ordered], keys, keys)

    def within(self, low: Decimal, high: Decimal | None, tenants: bool) -> list[Key]:
        """The keys whose quantity is at least ``low`` and at most ``high`` (None: no most);
        ``tenants``: each as its customer's key (service "")."""
        start = bisect_left(self._values, low)
        end = len(self._values) if high is None else bisect_right(self._values, high)
        return (self._tenants if tenants else self._keys)[start:end]


def carry_usage_sums(
    before: Facts, after: Facts, removed: Iterable[Usage], added: Iterable[Usage]
) -> None:
    """Keeps ``after``'s usage sums as ``before``'s updated by the rows that left and came
    (``after`` having the same subscriptions): an edit of one row then adds up that row's
    entries again instead of every row. Nothing is done when ``before`` has none kept."""
    if after.subscriptions is not before.subscriptions:
        return
    kept = before.kept.find(UsageSums, (before.subscriptions, before.usage))
    if kept is None:
        return
    updated = kept.updated(after.usage, tuple(removed), tuple(added))
    after.kept.put(UsageSums, (after.subscriptions, after.usage), updated)


def usage_sums(facts: Facts) -> UsageSums:
    """The facts' usage added up, worked out once and kept with the facts."""
    subscriptions, usage = facts.subscriptions, facts.usage
    return facts.kept.get(
        UsageSums, (subscriptions, usage), lambda: UsageSums(subscriptions, usage)
    )


class UsageSums:
    """Every usage row added up per (month, workload, association) and (customer, service).

    Rows of trial subscriptions, of unknown subscriptions and of months before
    their subscription's association are left out (no credit before the
    association). Nothing here depends on the as-of day, so every evaluation
    on the same facts shares it; ``priced`` adds the cells up per scope and
    month for a catalogue's rate card, once.
    """

    def __init__(self, subscriptions: Iterable[Subscription], usage: Sequence[Usage]) -> None:
        self._subscriptions = tuple(subscriptions)
        kept = {s.id: s for s in self._subscriptions if not s.trial}
        # Per subscription once: its cell key's parts and the month its association began.
        subs = {
            s.id: (s.workload, s.association.value, s.customer, Month.of(s.associated_on))
            for s in kept.values()
        }
        cells: dict[Cell, dict[Month, dict[Key, Entry]]] = {}
        # Per subscription, looked up once per row: its cell's months, its customer's keys
        # by service as written (one Key per customer and service, not one per row), the
        # month its association began and the customer.
        customer_keys: dict[str, dict[str, Key]] = {}
        rows_of: dict[str, tuple[dict[Month, dict[Key, Entry]], dict[str, Key], Month, str]] = {
            sub_id: (
                cells.setdefault((workload, association), {}),
                customer_keys.setdefault(customer, {}),
                associated,
                customer,
            )
            for sub_id, (workload, association, customer, associated) in subs.items()
        }
        # The rows' fields by column (as loaded: no Usage object made for a row).
        columns = self.columns = UsageRows.of(usage).columns
        """Every row's fields, one tuple per field: a cell entry of one row is its place."""
        consumption, revenue = columns.consumption_usd, columns.revenue_usd
        users, seats = columns.active_users, columns.paid_seats
        # The first row of each service in each month, with the service's name as written
        # there: an evaluation names a service as the first row of its months writes it.
        first_rows: dict[Month, dict[str, tuple[int, str]]] = {}
        service_keys: dict[str, str] = {}
        for index, subscription, month, service in zip(
            range(len(columns.subscription)),
            columns.subscription,
            columns.month,
            columns.service,
            strict=True,
        ):
            found = rows_of.get(subscription)
            if found is None:
                continue
            months, keys, associated, customer = found
            if associated > month:
                continue  # no credit before the association
            key = keys.get(service)
            if key is None:
                key_service = service_keys.get(service)
                if key_service is None:
                    key_service = service_keys[service] = service.strip().casefold()
                key = keys[service] = (customer, key_service)
            cell = months.get(month)
            if cell is None:
                cell = months[month] = {}
            entry = cell.get(key)
            if entry is None:
                # A row that opens a (customer, service) entry is the first of its
                # service in the month whenever any is: only these need looking at.
                if key[1]:
                    firsts = first_rows.get(month)
                    if firsts is None:
                        firsts = first_rows[month] = {}
                    if key[1] not in firsts:
                        firsts[key[1]] = (index, service.strip())
                cell[key] = index
            elif isinstance(entry, int):
                # A second row: the entry becomes its sums, the first row's added first.
                cell[key] = [
                    consumption[entry] + consumption[index],
                    revenue[entry] + revenue[index],
                    users[entry] + users[index],
                    seats[entry] + seats[index],
                ]
            else:
                entry[0] += consumption[index]
                entry[1] += revenue[index]
                entry[2] += users[index]
                entry[3] += seats[index]
        self._subs = subs
        self._service_keys = service_keys
        self.cells: dict[Cell, dict[Month, dict[Key, Entry]]] = {
            cell: months for cell, months in cells.items() if months
        }
        """Consumption, revenue, active users and paid seats per (workload, association),
        month and (customer, service): the place of its one row in ``columns``, or the sums
        of its rows."""
        self._first_rows = first_rows
        self.tenants: dict[str, Key] = {customer: (customer, "") for customer in customer_keys}
        """Each customer's key for its sums (service ""), one tuple shared by every figure."""
        self._first: dict[Scope, dict[str, Month]] = {}
        self._priced: dict[RateKey, PricedSums] = {}
        self._services: dict[tuple[Month, Month], dict[str, str]] = {}

    def _counted_month(self, row: Usage) -> Month | None:
        """The month a row is added up in (None: it is not: trial, unknown, before its
        subscription's association)."""
        found = self._subs.get(row.subscription)
        if found is None or found[3] > row.month:
            return None
        return row.month

    def updated(
        self, usage: Sequence[Usage], removed: Iterable[Usage], added: Iterable[Usage]
    ) -> UsageSums:
        """These sums after ``removed`` rows left and ``added`` ones came (``usage`` is every
        row now, in order): the rows are added up again by column (one pass, no ``Usage``
        made), and the sums per scope worked out before are kept for every month no
        changed row is in (and each customer's first months, which only the subscriptions
        give)."""
        months = {
            month for row in (*removed, *added) if (month := self._counted_month(row)) is not None
        }
        new = UsageSums(self._subscriptions, usage)
        new._first = self._first
        new._priced = {key: priced.without(new, months) for key, priced in self._priced.items()}
        return new

    def priced(self, rates: Mapping[str, Decimal]) -> PricedSums:
        """The sums per scope with the monthly consumption value of a rate card (kept)."""
        key: RateKey = tuple(sorted(rates.items()))
        found = self._priced.get(key)
        if found is None:
            found = self._priced[key] = PricedSums(self, dict(rates))
        return found

    def services(self, first: Month, last: Month) -> dict[str, str]:
        """Each service's name as the first row of the months ``first`` to ``last`` writes it
        (kept: every day of a month asks for the same months; read only)."""
        kept = self._services.get((first, last))
        if kept is not None:
            return kept
        chosen: dict[str, tuple[int, str]] = {}
        for month, firsts in self._first_rows.items():
            if first <= month <= last:
                for key, found in firsts.items():
                    earlier = chosen.get(key)
                    if earlier is None or found[0] < earlier[0]:
                        chosen[key] = found
        if len(self._services) >= 64:
            self._services.clear()  # a bound on what scrolling through the years keeps
        # In the order the rows first write them.
        ordered = sorted(chosen.items(), key=lambda item: item[1][0])
        kept = self._services[(first, last)] = {key: name for key, (_, name) in ordered}
        return kept

    def first_months(self, scope: Scope) -> dict[str, Month]:
        """Each customer's first month with a subscription the scope counts (if any)."""
        found = self._first.get(scope)
        if found is None:
            found = {}
            workloads, associations = scope.workloads, scope.associations
            for workload, association, customer, month in self._subs.values():
                if workload in workloads and association in associations:
                    earlier = found.get(customer)
                    if earlier is None or month < earlier:
                        found[customer] = month
            self._first[scope] = found
        return found


Months = tuple[Month, ...]


class PricedSums:
    """The usage sums of one scope (workloads, association types, services) by month and
    over runs of months, with a rate card's monthly consumption value; each worked out on
    first use and kept (none depends on the as-of day). Everything handed out is read only.
    """

    def __init__(self, sums: UsageSums, rates: dict[str, Decimal]) -> None:
        self._cells = sums.cells
        self._columns = sums.columns
        self._tenants = sums.tenants
        self._rates = rates
        # A service without a rate adds a monthly consumption value of 0, which changes no
        # sum of rates of whole units (1000, 200, 0.2: none written with an exponent above
        # 0, as 1E+3): the sums then skip adding it (the same Decimal, digit for digit).
        self._adds_zero = not all(_whole_units(rate) for rate in rates.values())
        self._totals: dict[tuple[Scope, Month], dict[Key, Sums]] = {}
        self._customers: dict[tuple[Scope, Month], dict[str, Sums]] = {}
        self._month_quantities: dict[tuple[Scope, Month, int], dict[str, Decimal | int]] = {}
        self._consumed: dict[tuple[Scope, Months], frozenset[str]] = {}
        self._summed: dict[tuple[Scope, Months, bool], dict[Key, Sums]] = {}
        self._quantities: dict[tuple[Scope, Months, int], dict[str, Decimal | int]] = {}
        self._per_customer: dict[tuple[Scope, Quantity, Months], dict[str, Decimal]] = {}
        self._shares: dict[tuple[Scope, Months, bool], dict[Key, Decimal]] = {}
        self._ranked: dict[tuple[Scope, Months, bool, Quantity], Ranked] = {}
        self._memos: dict[tuple[Month, Month, str], dict[object, object]] = {}

    def memo(self, first: Month, last: Month) -> dict[object, object]:
        """What the measures worked out on the months ``first`` to ``last``, in the language
        of the sentences: every evaluation reading those months (any day of a month, any
        as-of day whose window holds it) measures from the same figures, so once is enough."""
        key = (first, last, language())
        found = self._memos.get(key)
        if found is None:
            if len(self._memos) >= 64:
                self._memos.clear()  # a bound on what scrolling through the years keeps
            found = self._memos[key] = {}
        return found

    def without(self, sums: UsageSums, months: set[Month]) -> PricedSums:
        """The same for ``sums``, keeping only what no month of ``months`` went into."""
        new = PricedSums(sums, self._rates)
        new._totals = {k: v for k, v in self._totals.items() if k[1] not in months}
        new._customers = {k: v for k, v in self._customers.items() if k[1] not in months}
        new._month_quantities = {
            k: v for k, v in self._month_quantities.items() if k[1] not in months
        }
        new._summed = {k: v for k, v in self._summed.items() if months.isdisjoint(k[1])}
        new._consumed = {k: v for k, v in self._consumed.items() if months.isdisjoint(k[1])}
        new._quantities = {k: v for k, v in self._quantities.items() if months.isdisjoint(k[1])}
        new._per_customer = {k: v for k, v in self._per_customer.items() if months.isdisjoint(k[2])}
        new._shares = {k: v for k, v in self._shares.items() if months.isdisjoint(k[1])}
        new._ranked = {k: v for k, v in self._ranked.items() if months.isdisjoint(k[1])}
        new._memos = {
            k: v for k, v in self._memos.items() if not any(k[0] <= m <= k[1] for m in months)
        }
        return new

    def _scope_cells(self, scope: Scope, month: Month) -> list[dict[Key, Entry]]:
        """The month's cells of the scope's workloads and association types, in that order."""
        cells = self._cells
        found = []
        for workload in scope.workloads:
            for association in scope.associations:
                months = cells.get((workload, association))
                if months:
                    cell = months.get(month)
                    if cell:
                        found.append(cell)
        return found

    def totals(self, scope: Scope, month: Month) -> dict[Key, Sums]:
        """The month's sums per (customer, service) over the scope's subscriptions.

        The fifth sum, the monthly consumption value, is each service's active
        users times its rate.
        """
        found = self._totals.get((scope, month))
        if found is not None:
            return found
        filtered = bool(scope.services or scope.excluded_services)
        rates, adds_zero = self._rates, self._adds_zero
        columns = self._columns
        consumption_of, revenue_of = columns.consumption_usd, columns.revenue_usd
        users_of, seats_of = columns.active_users, columns.paid_seats
        merged: dict[Key, Sums] = {}
        for cell in self._scope_cells(scope, month):
            for key, entry in cell.items():
                service = key[1]
                if filtered and (
                    (scope.services and service not in scope.services)
                    or (service and service in scope.excluded_services)
                ):
                    continue
                consumption: Decimal | int
                revenue: Decimal | int
                users: Decimal | int
                seats: Decimal | int
                if isinstance(entry, int):
                    consumption, revenue = consumption_of[entry], revenue_of[entry]
                    users, seats = users_of[entry], seats_of[entry]
                else:
                    consumption, revenue, users, seats = entry
                rate = rates.get(service)
                total = merged.get(key)
                if total is None:
                    mcv = users * rate if rate is not None else _ZERO
                    merged[key] = [consumption, revenue, users, seats, mcv]
                else:
                    total[0] += consumption
                    total[1] += revenue
                    total[2] += users
                    total[3] += seats
                    if rate is not None:
                        total[4] += users * rate
                    elif adds_zero:
                        total[4] += _ZERO
        self._totals[(scope, month)] = merged
        return merged

    def customers(self, scope: Scope, month: Month) -> dict[str, Sums]:
        """The month's sums per customer over the scope, added up straight from the cells
        (not through ``totals``: most parts never ask per service). Exact sums, so the
        same figures whatever the order they are added up in."""
        found = self._customers.get((scope, month))
        if found is not None:
            return found
        filtered = bool(scope.services or scope.excluded_services)
        rates, adds_zero = self._rates, self._adds_zero
        columns = self._columns
        consumption_of, revenue_of = columns.consumption_usd, columns.revenue_usd
        users_of, seats_of = columns.active_users, columns.paid_seats
        merged: dict[str, Sums] = {}
        for cell in self._scope_cells(scope, month):
            for (customer, service), entry in cell.items():
                if filtered and (
                    (scope.services and service not in scope.services)
                    or (service and service in scope.excluded_services)
                ):
                    continue
                consumption: Decimal | int
                revenue: Decimal | int
                users: Decimal | int
                seats: Decimal | int
                if isinstance(entry, int):
                    consumption, revenue = consumption_of[entry], revenue_of[entry]
                    users, seats = users_of[entry], seats_of[entry]
                else:
                    consumption, revenue, users, seats = entry
                rate = rates.get(service)
                total = merged.get(customer)
                if total is None:
                    mcv = users * rate if rate is not None else _ZERO
                    merged[customer] = [consumption, revenue, users, seats, mcv]
                else:
                    total[0] += consumption
                    total[1] += revenue
                    total[2] += users
                    total[3] += seats
                    if rate is not None:
                        total[4] += users * rate
                    elif adds_zero:
                        total[4] += _ZERO
        self._customers[(scope, month)] = merged
        return merged

    def month_quantity(self, scope: Scope, month: Month, index: int) -> dict[str, Decimal | int]:
        """One of the month's sums (by its place in ``Sums``) per customer over the scope,
        straight from the cells: a part reads one figure, and one figure per customer is
        added up without a list of five for each (exact sums, as ``customers``')."""
        key = (scope, month, index)
        found = self._month_quantities.get(key)
        if found is not None:
            return found
        filtered = bool(scope.services or scope.excluded_services)
        found = {}
        if index == _MCV:
            rates, adds_zero = self._rates, self._adds_zero
            users_of = self._columns.active_users
            for cell in self._scope_cells(scope, month):
                for (customer, service), entry in cell.items():
                    if filtered and (
                        (scope.services and service not in scope.services)
                        or (service and service in scope.excluded_services)
                    ):
                        continue
                    users = users_of[entry] if isinstance(entry, int) else entry[2]
                    rate = rates.get(service)
                    total = found.get(customer)
                    if total is None:
                        found[customer] = users * rate if rate is not None else _ZERO
                    elif rate is not None:
                        found[customer] = total + users * rate
                    elif adds_zero:
                        found[customer] = total + _ZERO
        else:
            column = _column(self._columns, index)
            for cell in self._scope_cells(scope, month):
                for (customer, service), entry in cell.items():
                    if filtered and (
                        (scope.services and service not in scope.services)
                        or (service and service in scope.excluded_services)
                    ):
                        continue
                    value = column[entry] if isinstance(entry, int) else entry[index]
                    total = found.get(customer)
                    found[customer] = value if total is None else total + value
        self._month_quantities[key] = found
        return found

    def consumed_services(self, scope: Scope, months: Months) -> frozenset[str]:
        """The services (case-folded, not "") of which some customer's consumption over the
        months adds up to more than 0: consumption alone added up per (customer, service)."""
        found = self._consumed.get((scope, months))
        if found is not None:
            return found
        filtered = bool(scope.services or scope.excluded_services)
        consumption_of = self._columns.consumption_usd
        per_key: dict[Key, Decimal | int] = {}
        for month in months:
            for cell in self._scope_cells(scope, month):
                for key, entry in cell.items():
                    service = key[1]
                    if not service or (
                        filtered
                        and (
                            (scope.services and service not in scope.services)
                            or service in scope.excluded_services
                        )
                    ):
                        continue
                    value = consumption_of[entry] if isinstance(entry, int) else entry[0]
                    total = per_key.get(key)
                    per_key[key] = value if total is None else total + value
        found = self._consumed[(scope, months)] = frozenset(
            service for (_, service), value in per_key.items() if value > 0
        )
        return found

    def _key_quantities(self, scope: Scope, months: Months, index: int) -> dict[Key, Decimal | int]:
        """One of the first four sums per (customer, service) over several months, straight
        from the cells (as ``summed``'s, without the other four)."""
        filtered = bool(scope.services or scope.excluded_services)
        column = _column(self._columns, index)
        found: dict[Key, Decimal | int] = {}
        for month in months:
            for cell in self._scope_cells(scope, month):
                for key, entry in cell.items():
                    service = key[1]
                    if filtered and (
                        (scope.services and service not in scope.services)
                        or (service and service in scope.excluded_services)
                    ):
                        continue
                    value = column[entry] if isinstance(entry, int) else entry[index]
                    total = found.get(key)
                    found[key] = value if total is None else total + value
        return found

    def summed(self, scope: Scope, months: Months, per_service: bool) -> dict[Key, Sums]:
        """Sums over several months, per (customer, service) or per customer (service "")."""
        key = (scope, months, per_service)
        found = self._summed.get(key)
        if found is not None:
            return found
        if per_service:
            if len(months) == 1:
                found = self.totals(scope, months[0])  # nothing to add up
            else:
                found = {}
                for month in months:
                    for each, sums in self.totals(scope, month).items():
                        total = found.get(each)
                        if total is None:
                            found[each] = list(sums)
                        else:
                            add_sums(total, sums)
        else:
            by_customer: dict[str, Sums] = {}
            for month in months:
                for customer, sums in self.customers(scope, month).items():
                    total = by_customer.get(customer)
                    if total is None:
                        by_customer[customer] = list(sums)
                    else:
                        add_sums(total, sums)
            tenant = self._tenants
            found = {tenant[customer]: sums for customer, sums in by_customer.items()}
        self._summed[key] = found
        return found

    def quantities(self, scope: Scope, months: Months, index: int) -> dict[str, Decimal | int]:
        """One of the sums (by its place) of each customer over several months: only that
        figure added up, not all five (exact, as ``summed``'s)."""
        if len(months) == 1:
            return self.month_quantity(scope, months[0], index)  # nothing to add up
        key = (scope, months, index)
        found = self._quantities.get(key)
        if found is None:
            found = {}
            for month in months:
                for customer, value in self.month_quantity(scope, month, index).items():
                    total = found.get(customer)
                    found[customer] = value if total is None else total + value
            self._quantities[key] = found
        return found

    def per_customer(self, scope: Scope, quantity: Quantity, months: Months) -> dict[str, Decimal]:
        """One quantity of each customer's sums over several months."""
        key = (scope, quantity, months)
        found = self._per_customer.get(key)
        if found is None:
            if quantity is Quantity.ACTIVE_SHARE:
                found = self._customer_shares(scope, months)
            else:
                values = self.quantities(scope, months, _QUANTITY_INDEX[quantity])
                found = dict(zip(values, map(Decimal, values.values()), strict=True))
            self._per_customer[key] = found
        return found

    def shares(self, scope: Scope, months: Months, per_service: bool) -> dict[Key, Decimal]:
        """Active users as a share of paid seats per key of ``summed`` (0 without seats)."""
        key = (scope, months, per_service)
        found = self._shares.get(key)
        if found is None:
            if per_service:
                found = {
                    each: quantity_of(sums, Quantity.ACTIVE_SHARE)
                    for each, sums in self.summed(scope, months, per_service).items()
                }
            else:
                tenant = self._tenants
                found = {
                    tenant[customer]: share
                    for customer, share in self._customer_shares(scope, months).items()
                }
            self._shares[key] = found
        return found

    def _customer_shares(self, scope: Scope, months: Months) -> dict[str, Decimal]:
        """Each customer's active users as a share of its paid seats (0 without seats)."""
        seats = self.quantities(scope, months, 3)
        return {
            customer: Decimal(users) / Decimal(seats[customer]) if seats[customer] else _ZERO
            for customer, users in self.quantities(scope, months, 2).items()
        }

    def ranked(self, scope: Scope, months: Months, per_service: bool, quantity: Quantity) -> Ranked:
        """The keys of ``summed`` in the order of one quantity, to find those within bounds."""
        key = (scope, months, per_service, quantity)
        found = self._ranked.get(key)
        if found is None:
            values: Mapping[Key, Decimal | int]
            if quantity is Quantity.ACTIVE_SHARE:
                values = self.shares(scope, months, per_service)
            elif per_service and quantity is not Quantity.MCV:
                values = self._key_quantities(scope, months, _QUANTITY_INDEX[quantity])
            elif per_service:
                index = _QUANTITY_INDEX[quantity]
                summed = self.summed(scope, months, per_service)
                values = {each: sums[index] for each, sums in summed.items()}
            else:
                found = Ranked.by_customer(
                    self.quantities(scope, months, _QUANTITY_INDEX[quantity]), self._tenants
                )
                self._ranked[key] = found
                return found
            found = self._ranked[key] = Ranked.by_key(values, self._tenants)
        return found


class UsageFigures:
    """The usage of one organisation as one evaluation's scored metrics read it.

    Reads the sums kept with the facts (``usage_sums``), priced with the
    catalogue's rate card and limited to the months the evaluation may look at
    (a month outside them has no usage here). ``memo`` keeps what the measures
    work out during the evaluation.
    """

    def __init__(
        self, facts: Facts, rates: dict[str, Decimal], months: tuple[Month, Month] | None = None
    ) -> None:
        """``months``: the first and last month any metric reads (None: every month)."""
        sums = usage_sums(facts)
        self._sums = sums
        self._priced = sums.priced(rates)
        self._first, self._last = months if months is not None else (Month(1, 1), Month(9999, 12))
        self.services = sums.services(self._first, self._last)
        """Each service's name as first written, by its case-folded key."""
        self.memo: dict[object, object] = (
            self._priced.memo(self._first, self._last) if months is not None else {}
        )
        """What the measures worked out on these months, by their own keys: kept with the
        sums for later evaluations when the months are given."""

    def _inside(self, months: Iterable[Month]) -> Months:
        months = tuple(months)
        first, last = self._first, self._last
        if not months or (first <= min(months) and max(months) <= last):
            return months
        return tuple(month for month in months if first <= month <= last)

    def totals(self, scope: Scope, month: Month) -> dict[Key, Sums]:
        """The month's sums per (customer, service) over the scope's subscriptions (read only)."""
        if not self._first <= month <= self._last:
            return {}
        return self._priced.totals(scope, month)

    def summed(self, scope: Scope, months: Iterable[Month], per_service: bool) -> dict[Key, Sums]:
        """Sums over several months, per (customer, service) or per customer (read only)."""
        inside = self._inside(months)
        return self._priced.summed(scope, inside, per_service) if inside else {}

    def consumed_services(self, scope: Scope, months: Iterable[Month]) -> frozenset[str]:
        """The services (case-folded) of which some customer consumed more than 0 over the
        months, added up per customer and service."""
        inside = self._inside(months)
        return self._priced.consumed_services(scope, inside) if inside else frozenset()

    def per_customer(
        self, scope: Scope, quantity: Quantity, months: Iterable[Month]
    ) -> dict[str, Decimal]:
        """One quantity of each customer's sums over several months (read only)."""
        inside = self._inside(months)
        return self._priced.per_customer(scope, quantity, inside) if inside else {}

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
        """The keys of ``summed`` whose quantity is within ``bounds`` (least, most or None);
        ``tenants``: each as its customer's key (service "")."""
        inside = self._inside(months)
        if not inside:
            return []
        return self._priced.ranked(scope, inside, per_service, quantity).within(*bounds, tenants)

    def first_months(self, scope: Scope) -> dict[str, Month]:
        """Each customer's first month with a subscription the scope counts (read only)."""
        return self._sums.first_months(scope)
