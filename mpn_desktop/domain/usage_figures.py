"""Monthly usage per customer tenant and service, as the Solutions Partner metrics read it.

``UsageSums`` finds every usage row of a subscription associated by the end
of its month in a cell per (workload, association) and month, by customer:
each customer's first row's place in the rows' columns, its other rows' places
beside. Rows that come grouped by subscription, one a month in order (most),
are kept as runs (``usage_cell_runs``: a run's row of a month is found by
arithmetic, a cell's month read from its runs in C when first asked for); the
others are placed row by row. It adds nothing up (no ``Usage`` made for a row
of facts loaded by column), is done once per facts and kept with them
(``Facts.kept``), since it does not depend on the as-of day; an edit of rows'
figures keeps every row where it was, an edit moving a row to another month
or subscription puts the rows of the months it reaches in again, row by row,
and keeps the other months' cells. A metric part then asks for the figures of its
scope (workloads, association types, services) in a month, per customer (most
parts) or per service; those are added up from the columns on first use
(``usage_scope_sums.PricedSums``: a scope of every service per customer in C)
and kept too, as the six designations' parts share a handful of scopes and
every as-of day looks at the same months; a part reading one figure over
twelve months adds up only that figure. ``UsageFigures`` is one evaluation's
view: the months it may read, the catalogue's rate card, and the sums over
several months it has asked for; what the measures work out on its months
(``memo``) is kept too, per language, and dropped with the months an edit of
the usage reaches.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from operator import itemgetter

from mpn_desktop.domain.column_rows import ConvertedColumn
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import Quantity, Scope
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.facts import Facts, Subscription, SubscriptionRows
from mpn_desktop.domain.usage_cell_runs import (
    Cell,
    CellMonth,
    CellMonths,
    CellRuns,
    More,
    grid_runs,
    walked_runs,
)
from mpn_desktop.domain.usage_rows import Usage, UsageColumns, UsageRows
from mpn_desktop.domain.usage_scope_sums import (
    Key,
    Months,
    PricedSums,
    ServiceKeys,
    Sums,
    gathered,
    stored_column,
)

__all__ = [
    "Cell",
    "Key",
    "PricedSums",
    "RateKey",
    "Sums",
    "UsageFigures",
    "UsageSums",
    "carry_usage_sums",
    "usage_sums",
]

_ASSOCIATION_VALUES = {association: association.value for association in Association}
"""Each association type's value (an enum's ``value`` is a Python-level property)."""

Found = tuple[Cell, int, str]
"""A subscription's cell, the month its association began (an index) and its customer."""

_ASSOCIATED = itemgetter(1)
_CUSTOMER = itemgetter(2)

RateKey = tuple[tuple[str, Decimal], ...]
"""A rate card as a dictionary key (its items, sorted)."""


def _money_held(rows: UsageRows, *, ids_held: bool = False) -> UsageColumns:
    """The rows' columns with the money as the loader hands it over (converted when first
    read: the sums convert the rows they add up), the other fields converted (the
    subscription ids are read row by row: runs, rows put in one by one), but for the ids
    when ``ids_held`` (rows that are a grid: only its runs' ids are read)."""
    held = rows.held_columns
    converted = _CONVERTED_IDS_HELD if ids_held else _CONVERTED
    return UsageColumns._make(
        column.values() if at in converted and isinstance(column, ConvertedColumn) else column
        for at, column in enumerate(held)
    )


_CONVERTED = frozenset(
    at
    for at, name in enumerate(UsageColumns._fields)
    if name not in ("consumption_usd", "revenue_usd")
)
"""The places of the usage fields other than money in ``UsageColumns``."""

_CONVERTED_IDS_HELD = _CONVERTED - {UsageColumns._fields.index("subscription")}
"""The same without the subscription ids'."""


def carry_usage_sums(
    before: Facts, after: Facts, removed: Iterable[Usage], added: Iterable[Usage]
) -> None:
    """Keeps ``after``'s usage sums as ``before``'s updated by the rows that left and came
    (``after`` having the same subscriptions): the rows are added up again by column, and
    the sums per scope of the months no changed row is in are kept (an edit of one row
    works out again only its months' figures). Nothing is done when ``before`` has none
    kept."""
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


_LOOKED_AT = 2048
"""Rows looked at, in order, for a service's first before its other ways are used."""


class UsageSums:
    """Every usage row's place per (workload, association), month and customer: from the
    runs of rows grouped by subscription, or placed row by row (``cell_month``).

    Rows of trial subscriptions, of unknown subscriptions and of months before
    their subscription's association are left out (no credit before the
    association). Nothing here depends on the as-of day, so every evaluation
    on the same facts shares it; ``priced`` adds the places up per scope and
    month for a catalogue's rate card, once, each figure from its column.
    """

    def __init__(self, subscriptions: Iterable[Subscription], usage: Sequence[Usage]) -> None:
        # Read by column (as the facts hold them: no Subscription made for a row).
        self._subscriptions = SubscriptionRows.of(subscriptions)
        held = self._subscriptions.columns
        # Per subscription (no trial) once, in one dictionary: its cell, the month its
        # association began (as a month's index: no Month, a tracked object, made for each)
        # and its customer (the cells shared: the collector has few new objects to look at).
        found_of: dict[str, Found] = {}
        cells_made: dict[Cell, Cell] = {}
        for sub_id, customer, workload, association, day, trial in zip(
            held.id,
            held.customer,
            held.workload,
            held.association,
            held.associated_on,
            held.trial,
            strict=True,
        ):
            if not trial:
                cell = (workload, _ASSOCIATION_VALUES[association])
                cell = cells_made.setdefault(cell, cell)
                found_of[sub_id] = (cell, day.year * 12 + day.month - 1, customer)
        self._found_of = found_of
        self._rows = UsageRows.of(usage)
        # The rows' fields by column (as loaded: no Usage object made for a row).
        columns = _money_held(self._rows, ids_held=True)
        # The rows are cut into runs on the subscriptions as stored, only the runs' ids
        # looked up, not every row's (31,000 look-ups, ~1 ms, per first evaluation).
        stored, names = stored_column(columns.subscription)
        grid = grid_runs(stored, columns.month, found_of, names)
        if grid is None:
            runs, odd, rest = walked_runs(stored, columns.month, found_of, names)
        else:
            runs, odd, rest = grid, [], len(columns.month)
        self.columns = columns
        """Every row's fields, one tuple per field (money as the loader hands it over:
        converted when first read, ``usage_scope_sums.gathered``; so are the subscription
        ids, read only for the rows put in row by row and by an edit): a cell entry holds
        places in them."""
        self.service_keys = ServiceKeys()
        """Each service as written, case-folded and stripped (filled as services are read)."""
        self.cell_months = CellMonths(runs, {}, {}, {})
        """Each cell's rows of a month, from the runs and the rows put in row by row (kept;
        no reference back to these sums: the priced sums read it, and these keep them)."""
        if odd:
            self._add(odd, gathered(columns.subscription, odd), gathered(columns.month, odd))
        if rest < len(columns.month):
            # The rows after the first short runs, by slices (no list of places made).
            self._add(
                range(rest, len(columns.month)), columns.subscription[rest:], columns.month[rest:]
            )
        self.tenants: dict[str, Key] = {
            customer: (customer, "") for customer in set(map(_CUSTOMER, found_of.values()))
        }
        """Each customer's key for its sums (service ""), one tuple shared by every figure."""
        self._first: dict[tuple[frozenset[Workload], frozenset[str]], dict[str, Month]] = {}
        self._cell_firsts: dict[Cell, dict[str, Month]] | None = None
        self._priced: dict[RateKey, PricedSums] = {}
        self._services: dict[tuple[Month, Month], dict[str, str]] = {}
        self._spelt: dict[str, set[str]] | None = None

    @property
    def runs(self) -> dict[Cell, CellRuns]:
        """Per cell, the subscriptions' rows that come one a month in order (most)."""
        return self.cell_months.runs

    @property
    def cells(self) -> dict[Cell, dict[Month, dict[str, int]]]:
        """The rows counted per (workload, association) and month that no run of ``runs``
        holds (put in row by row): each customer's first row's place in ``columns``, by
        customer (most customers have one row there)."""
        return self.cell_months.cells

    @property
    def more(self) -> dict[Cell, dict[Month, More]]:
        """The other rows of those of a customer having several in a cell's month (put in
        row by row): their customers and places, in two lists."""
        return self.cell_months.more

    def cell_month(self, cell: Cell, month: Month) -> CellMonth | None:
        """A cell's rows counted in a month, by customer (None: none; kept)."""
        return self.cell_months.at(cell, month)

    def every_cell_month(self) -> Iterator[tuple[Cell, Month, CellMonth]]:
        """Every cell's rows of every month that has some."""
        return self.cell_months.every()

    def _add(
        self, places: Iterable[int], subscriptions: Iterable[str], months_of: Iterable[Month]
    ) -> None:
        """Puts the rows at ``places`` (in increasing order; their subscriptions and months
        beside them) into the cells, by customer: no figure is added up here, so a row
        costs a few look-ups (the sums are made per scope and figure, from the columns)."""
        cells, more = self.cells, self.more
        # Per subscription, looked up once per row (in C, by map): its cell's months (first
        # rows and other rows), the month its association began and the customer.
        rows_of: dict[str, tuple[dict[Month, dict[str, int]], dict[Month, More], int, str]] = {
            sub_id: (cells.setdefault(cell, {}), more.setdefault(cell, {}), associated, customer)
            for sub_id, (cell, associated, customer) in self._found_of.items()
        }
        for index, found, month in zip(
            places, map(rows_of.get, subscriptions), months_of, strict=True
        ):
            if found is None:
                continue
            months, more_months, associated, customer = found
            if associated > month:
                continue  # no credit before the association
            cell = months.get(month)
            if cell is None:
                cell = months[month] = {}
            # The row's place, unless the customer has a row there already (setdefault
            # hands back the very int given when it put it in: no other entry holds it).
            if cell.setdefault(customer, index) is not index:
                others = more_months.get(month)
                if others is None:
                    others = more_months[month] = ([], [])
                others[0].append(customer)
                others[1].append(index)
        # No cell without a month.
        for cell_key in [cell_key for cell_key, months in cells.items() if not months]:
            del cells[cell_key]
        for cell_key in [cell_key for cell_key, months in more.items() if not months]:
            del more[cell_key]

    def _counted_month(self, row: Usage) -> Month | None:
        """The month a row is added up in (None: it is not: trial, unknown, before its
        subscription's association)."""
        found = self._found_of.get(row.subscription)
        if found is None or found[1] > row.month:
            return None
        return row.month

    def updated(
        self, usage: Sequence[Usage], removed: Iterable[Usage], added: Iterable[Usage]
    ) -> UsageSums:
        """These sums after ``removed`` rows left and ``added`` ones came (``usage`` is every
        row now, in order). When rows were only replaced (every other row at its place),
        each in the month and subscription it was, every cell's rows stay where they were;
        when a replaced row moved to another month or subscription, the rows counted in the
        months it left and reached are put in again and the other months' cells kept; when
        rows came or went, every row is put in again (by column).
        Either way the sums per scope worked out before are kept for every month no changed
        row is in, and each customer's first months (which only the subscriptions give)."""
        removed, added = tuple(removed), tuple(added)
        months = {
            month for row in (*removed, *added) if (month := self._counted_month(row)) is not None
        }
        rows = UsageRows.of(usage)
        changed = rows.changed_since(self._rows)
        if changed is None or 8 * len(changed) > len(rows):
            new = UsageSums(self._subscriptions, rows)
        else:
            # Every row at a changed place is added up again: the months it was in and is in
            # now (a row moved by others coming and going has another place, whatever its
            # month), so that no entry kept holds a place whose row changed.
            before, now = self._rows.held_columns, rows.held_columns
            months.update(before.month[at] for at in changed)
            months.update(now.month[at] for at in changed)
            new = copy.copy(self)
            new._rows = rows
            new.columns = _money_held(rows)
            moved = now.subscription is not before.subscription or now.month is not before.month
            if moved or now.service is not before.service:
                # The services' names as the months' first rows write them looked for again
                # (else kept: an edit of figures alone changes no row's service or place).
                new._services = {}
            if moved:
                # A row moved to another month or subscription: the months' rows are put in
                # row by row again (the runs kept, not read there), the cells' months worked
                # out so far kept for the others.
                places = sorted({*self._counted_places(months), *changed})
                new.cell_months = self.cell_months.without(months)
                columns = new.columns
                new._add(
                    places, gathered(columns.subscription, places), gathered(columns.month, places)
                )
            # Else every row is in the month and subscription it was (the columns are the very
            # same: ``ColumnRows.edited`` keeps a column no replacement changes), so each
            # cell's rows of a month are at the places they were: only their figures changed,
            # which the priced sums of those months are worked out again from.
        new._first, new._cell_firsts = self._first, self._cell_firsts
        if self._spelt is not None:
            # The spellings known and the added rows': a spelling no row writes any more only
            # makes its service look for its first row (exact either way), so none is lost.
            spelt = {key: set(names) for key, names in self._spelt.items()}
            for row in added:
                spelt.setdefault(self.service_key(row.service), set()).add(row.service.strip())
            new._spelt = spelt
        new._priced = {key: priced.without(new, months) for key, priced in self._priced.items()}
        return new

    def _counted_places(self, months: Iterable[Month]) -> list[int]:
        """The places of every row counted in ``months`` (from each cell's rows of the month:
        its runs' and those put in row by row), in no particular order: only these rows of
        the months are put in again after an edit, not every row looked at for its month."""
        found: list[int] = []
        cell_month = self.cell_months.at
        for cell in {*self.runs, *self.cells, *self.more}:
            for month in months:
                rows = cell_month(cell, month)
                if rows is not None:
                    found += rows[1]
                    found += rows[3]
        return found

    def priced(self, rates: Mapping[str, Decimal]) -> PricedSums:
        """The sums per scope with the monthly consumption value of a rate card (kept)."""
        key: RateKey = tuple(sorted(rates.items()))
        found = self._priced.get(key)
        if found is None:
            found = self._priced[key] = PricedSums(self, dict(rates))
        return found

    def service_key(self, service: str) -> str:
        """A service as written, stripped and case-folded (kept per spelling)."""
        return self.service_keys[service]

    def _spellings(self) -> dict[str, set[str]]:
        """Each service key's names as the rows write them, stripped (kept; a handful)."""
        found = self._spelt
        if found is None:
            found = self._spelt = {}
            for service in set(self.columns.service):
                found.setdefault(self.service_key(service), set()).add(service.strip())
        return found

    def service_name(self, key: str, first: Month, last: Month) -> str:
        """A service's name as the first row counted in the months ``first`` to ``last``
        writes it (``key``: a service of those rows, case-folded): looked for among the
        first rows (``_first_row_name``: most services are met within a few), else a service
        the rows write one way (most) is named so, else its first row is looked for in the
        cells. (Gathering every row's spelling first read all the loaded rows' services:
        ~0.2 ms of a first evaluation, 0.6-0.9 ms where each row's is a string of its own.)"""
        if self._spelt is not None:
            spelt = self._spelt.get(key, ())
            if len(spelt) == 1:
                return next(iter(spelt))
        found = self._services.get((first, last))
        if found is None:
            if len(self._services) >= 64:
                self._services.clear()  # a bound on what scrolling through the years keeps
            found = self._services[(first, last)] = {}
        name = found.get(key)
        if name is None:
            name = self._first_row_name(key, first, last)
            if name is None:
                spelt = self._spellings().get(key, ())
                name = (
                    next(iter(spelt)) if len(spelt) == 1 else self._first_written(key, first, last)
                )
            found[key] = name
        return name

    def _first_row_name(self, key: str, first: Month, last: Month) -> str | None:
        """The name the first row counted in the months ``first`` to ``last`` of a service
        writes, found by looking at the rows in order (the first ``_LOOKED_AT`` of them: a
        service met further on, or never, is None)."""
        columns = self.columns
        services, months = columns.service, columns.month
        stored, names = stored_column(columns.subscription)
        service_key, found_of = self.service_keys.__getitem__, self._found_of
        for place in range(min(len(services), _LOOKED_AT)):
            service = services[place]
            if service_key(service) != key:
                continue
            month = months[place]
            if not first <= month <= last:
                continue
            # Counted: a subscription known, no trial, associated by the row's month.
            found = found_of.get(next(iter(names((stored[place],)))))
            if found is not None and found[1] <= month:
                return service.strip()
        return None

    def _first_written(self, key: str, first: Month, last: Month) -> str:
        """The name the first row counted in the months ``first`` to ``last`` of a service
        written several ways writes (the key itself when none is counted there)."""
        column = self.columns.service
        at: int | None = None
        for _cell, month, (_, places, _others, other_places) in self.every_cell_month():
            if not first <= month <= last:
                continue
            for place in (*places, *other_places):
                if (at is None or place < at) and self.service_key(column[place]) == key:
                    at = place
        return key if at is None else column[at].strip()

    def first_months(self, scope: Scope) -> dict[str, Month]:
        """Each customer's first month with a subscription the scope counts (if any; kept
        per workloads and association types, read only)."""
        key = (scope.workloads, scope.associations)
        found = self._first.get(key)
        if found is None:
            if self._cell_firsts is None:
                # Each cell's once (a pass over the subscriptions): a scope merges its cells'.
                earliest: dict[Cell, dict[str, int]] = {}
                for cell, index, customer in self._found_of.values():
                    indexes = earliest.setdefault(cell, {})
                    earlier = indexes.get(customer)
                    if earlier is None or index < earlier:
                        indexes[customer] = index
                # One Month per month (a few dozen), not one per customer.
                made = {
                    index: Month.from_index(index)
                    for index in set(map(_ASSOCIATED, self._found_of.values()))
                }
                self._cell_firsts = {
                    cell: {customer: made[index] for customer, index in indexes.items()}
                    for cell, indexes in earliest.items()
                }
            cells = [
                firsts
                for (workload, association), firsts in self._cell_firsts.items()
                if workload in scope.workloads and association in scope.associations
            ]
            if len(cells) == 1:
                found = cells[0]
            else:
                found = {}
                for firsts in cells:
                    for customer, month in firsts.items():
                        earlier = found.get(customer)
                        if earlier is None or month < earlier:
                            found[customer] = month
            self._first[key] = found
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

    def key_quantities(
        self, scope: Scope, quantity: Quantity, month: Month
    ) -> Mapping[Key, Decimal | int]:
        """One of the month's first four sums per (customer, service) over the scope's
        subscriptions (the figure alone, not all five sums)."""
        if not self._first <= month <= self._last:
            return {}
        return self._priced.key_quantities(scope, (month,), quantity)

    def consumed_services(self, scope: Scope, months: Iterable[Month]) -> frozenset[str]:
        """The services (case-folded) of which some customer consumed more than 0 over the
        months, added up per customer and service."""
        inside = self._inside(months)
        return self._priced.consumed_services(scope, inside) if inside else frozenset()

    def total(self, scope: Scope, quantity: Quantity, months: Iterable[Month]) -> Decimal:
        """One quantity of every customer's sums over several months, added up (a Decimal:
        the sum of ``PricedSums.per_customer``'s values from a Decimal 0, shares in the
        customers' sorted order)."""
        inside = self._inside(months)
        return self._priced.total(scope, quantity, inside) if inside else Decimal(0)

    def customer_quantities(
        self, scope: Scope, quantity: Quantity, months: Iterable[Month], customers: Iterable[str]
    ) -> Mapping[str, Decimal | int]:
        """``PricedSums.per_customer`` of some customers: those with rows in the months (it may hold
        other customers; read only)."""
        inside = self._inside(months)
        if not inside:
            return {}
        # Each customer once (a customer named twice is not added up twice).
        return self._priced.customer_quantities(
            scope, quantity, inside, tuple(dict.fromkeys(customers))
        )

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
        return self._priced.within(
            scope, inside, quantity, per_service=per_service, bounds=bounds, tenants=tenants
        )

    def first_months(self, scope: Scope) -> dict[str, Month]:
        """Each customer's first month with a subscription the scope counts (read only)."""
        return self._sums.first_months(scope)

    def service_name(self, key: str) -> str:
        """A service's name as the first row of the months writes it (``key``: a service
        of their rows, case-folded)."""
        return self._sums.service_name(key, self._first, self._last)
