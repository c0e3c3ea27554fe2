"""A scope's usage sums: per customer or per (customer, service), a month or a run of them.

``PricedSums`` adds up the rows of the cells' months of
``usage_figures.UsageSums`` (``usage_cell_runs.CellMonth``: places in the
columns, their values gathered in C by ``itemgetter``) for the scopes the
metric parts name (workloads, association types, services), with a
catalogue's rate card for the monthly consumption value: a figure per
customer over every service in C (each customer's first row, then its others
added), a scope naming services or a figure per service from the cell's rows
with their services (walked once per cell and month), one figure at a time
where a part reads one, and keeps each result (none depends on the as-of
day). A figure over months that follow one another (twelve-month windows) is
added up from slices of the runs' rows (``usage_cell_runs.Slices``: a run's
rows are consecutive), where no row of those months was put in row by row: the
window's rows read once per column for all its readers
(``usage_window_rows.WindowRows``), each run's figure added up in C.
``PricedSums.within`` finds the keys within a condition's bounds by one pass
over a figure's values.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from decimal import Decimal
from itertools import chain, compress, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, TypeVar

from mpn_desktop.domain import usage_window_rows
from mpn_desktop.domain.column_rows import ConvertedColumn
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import Quantity, Scope
from mpn_desktop.domain.usage_cell_runs import Cell, CellMonth, Slices, joined
from mpn_desktop.domain.usage_rows import UsageColumns
from mpn_desktop.domain.usage_window_rows import WindowRows
from mpn_desktop.domain.vocabulary import language

if TYPE_CHECKING:
    from mpn_desktop.domain.usage_figures import UsageSums

_ZERO = Decimal(0)

Key = tuple[str, str]
"""A customer and a case-folded service ("" for a subscription's monthly total)."""

Sums = list[Decimal | int]
"""Consumption, revenue, active users, paid seats, monthly consumption value."""

_Rows = tuple[list[str], list[str], list[int]]
"""Rows as three lists: each one's customer, case-folded service and place."""

_K = TypeVar("_K", str, Key)
_V = TypeVar("_V")


def _column(columns: UsageColumns, index: int) -> Sequence[Decimal | int]:
    """The column of the field added up in the ``index``-th of the first four sums."""
    return (
        columns.consumption_usd,
        columns.revenue_usd,
        columns.active_users,
        columns.paid_seats,
    )[index]


_VALUE = operator.attrgetter("value")
"""A workload's value: the key the scope's cells are sorted by."""


_NO_SERVICE = frozenset({""})
"""The service of a subscription's monthly total: never excluded."""


def _picks_services(scope: Scope) -> bool:
    """Whether the scope counts only some services: it names some, or excludes one other
    than "" (never excluded)."""
    return bool(scope.services) or not scope.excluded_services <= _NO_SERVICE


_MCV = 4
"""The place of the monthly consumption value in ``Sums``."""

_QUANTITY_INDEX = {
    Quantity.CONSUMPTION_USD: 0,
    Quantity.REVENUE_USD: 1,
    Quantity.ACTIVE_USERS: 2,
    Quantity.PAID_SEATS: 3,
    Quantity.MCV: 4,
}


class ServiceKeys(dict[str, str]):
    """Services as written, each case-folded and stripped on first look-up (kept)."""

    def __missing__(self, service: str) -> str:
        key = self[service] = service.strip().casefold()
        return key


def _whole_units(rate: Decimal) -> bool:
    """A finite rate written without an exponent above 0 (adding 0 to a multiple of it
    changes no digit)."""
    exponent = rate.as_tuple().exponent
    return isinstance(exponent, int) and exponent <= 0


def gathered(column: Sequence[_V], places: Sequence[int]) -> Sequence[_V]:
    """The column's values at ``places``, in C (``itemgetter``: a tuple's ``__getitem__``
    through ``map`` costs several times more per value). Of a column the loader left to be
    converted when first read (money: ``ConvertedColumn``), only those values are converted
    (the column as stored read at the places, then converted, in C)."""
    if isinstance(column, ConvertedColumn):
        stored, convert = column.parts()
        return tuple(convert(gathered(stored, places)))
    if len(places) > 1:
        return itemgetter(*places)(column)  # type: ignore[no-any-return]
    return [column[place] for place in places]


stored_column = usage_window_rows.stored_column
"""(Read from here by ``usage_figures``.)"""


def _add_into(found: dict[_K, Decimal | int], pairs: Iterable[tuple[_K, Decimal | int]]) -> None:
    """Adds each value of ``pairs`` to its key's total in ``found`` (a key not there yet
    starts at the value itself)."""
    get = found.get
    for key, value in pairs:
        total = get(key)
        found[key] = value if total is None else total + value


def _mcv_into(
    found: dict[_K, Decimal | int],
    keys: Iterable[_K],
    users: Iterable[int],
    rates: Iterable[Decimal | None],
    adds_zero: bool,
) -> None:
    """Adds each row's monthly consumption value (its active users times its service's rate)
    to its key's total in ``found``. A row of a service without a rate adds 0: a key's first
    value is then a Decimal 0, and a later one is added only when adding 0 can change a digit
    (``adds_zero``: a rate written with an exponent above 0, see ``PricedSums``)."""
    get = found.get
    for key, count, rate in zip(keys, users, rates, strict=True):
        total = get(key)
        if rate is not None:
            value = count * rate
            found[key] = value if total is None else total + value
        elif total is None:
            found[key] = _ZERO
        elif adds_zero:
            found[key] = total + _ZERO


def add_sums(total: Sums, more: Sums) -> None:
    """Adds ``more`` into ``total``."""
    for index, value in enumerate(more):
        total[index] += value


def _sums_over(monthly: Iterable[Mapping[_K, Sums]]) -> dict[_K, Sums]:
    """Each key's sums added up over several months' (copies: the months' own are kept)."""
    found: dict[_K, Sums] = {}
    for sums_of in monthly:
        for key, sums in sums_of.items():
            total = found.get(key)
            if total is None:
                found[key] = list(sums)
            else:
                add_sums(total, sums)
    return found


def quantity_of(sums: Sums, quantity: Quantity) -> Decimal:
    """One quantity of some sums (a share is active users over paid seats)."""
    if quantity is Quantity.ACTIVE_SHARE:
        return Decimal(sums[2]) / Decimal(sums[3]) if sums[3] else _ZERO
    return Decimal(sums[_QUANTITY_INDEX[quantity]])


Months = tuple[Month, ...]

_WithinKey = tuple[Scope, Months, Quantity, Decimal, Decimal | None, bool, bool]
"""A scope, months, a quantity, its bounds (least, most or None), per service or per
customer, and whether the keys are handed out as their customers'."""

_SMALL = 10**12
"""Seats below this, and a share bound's numerator and denominator below 10**6: the share's
quotient (28 digits) is on the same side of the bound as the exact fraction, so the integers
are compared instead (a quotient a hair under the bound cannot round onto it)."""


def _ratio(bound: Decimal | None) -> tuple[int, int] | None:
    """A share bound as a small fraction (numerator, denominator), None if it is not one."""
    if bound is None or not bound.is_finite():
        return None
    numerator, denominator = bound.as_integer_ratio()
    if abs(numerator) >= 10**6 or denominator >= 10**6:
        return None
    return numerator, denominator


def _following(months: Months) -> tuple[Month, Month] | None:
    """The first and last of months that follow one another, each once (in any order);
    None for other months (a gap, a month twice): no slice of a run holds them."""
    first, last = min(months), max(months)
    if last - first != len(months) - 1 or len(set(months)) != len(months):
        return None
    return first, last


class _ServicesKept(dict[str, bool]):
    """Whether a scope counts a service, by the service as written (on first look-up: its
    case-folded key among the scope's services and not excluded; "" is never excluded)."""

    def __init__(self, scope: Scope, service_keys: ServiceKeys) -> None:
        super().__init__()
        self._wanted = scope.services
        self._excluded = scope.excluded_services - _NO_SERVICE
        self._service_keys = service_keys

    def __missing__(self, service: str) -> bool:
        key = self._service_keys[service]
        kept = self[service] = (not self._wanted or key in self._wanted) and (
            key not in self._excluded
        )
        return kept


class PricedSums:
    """The usage sums of one scope (workloads, association types, services) by month and
    over runs of months, with a rate card's monthly consumption value; each worked out on
    first use and kept (none depends on the as-of day). Everything handed out is read only.
    """

    def __init__(self, sums: UsageSums, rates: dict[str, Decimal]) -> None:
        self._cell_months = sums.cell_months
        self._kept_of: dict[Scope, _ServicesKept] = {}
        self._cells_of: dict[Scope, tuple[Cell, ...]] = {}
        self._columns = sums.columns
        self._tenants = sums.tenants
        self._service_keys = sums.service_keys
        self._rates = rates
        # A service without a rate adds a monthly consumption value of 0, which changes no
        # sum of rates of whole units (1000, 200, 0.2: none written with an exponent above
        # 0, as 1E+3): the sums then skip adding it (the same Decimal, digit for digit).
        self._adds_zero = not all(_whole_units(rate) for rate in rates.values())
        self._walks: dict[tuple[Scope, Month], _Rows] = {}
        self._cells_walked: dict[int, tuple[CellMonth, _Rows]] = {}
        self._totals: dict[tuple[Scope, Month], dict[Key, Sums]] = {}
        self._customers: dict[tuple[Scope, Month], dict[str, Sums]] = {}
        self._month_quantities: dict[tuple[Scope, Month, int], dict[str, Decimal | int]] = {}
        self._sums_total: dict[tuple[Scope, Quantity, Months], Decimal] = {}
        self._some_customers: dict[
            tuple[Scope, Month, int], tuple[set[str], dict[str, Decimal | int]]
        ] = {}
        self._consumed: dict[tuple[Scope, Months], frozenset[str]] = {}
        self._some_windows: dict[
            tuple[Scope, Months, int], tuple[set[str], dict[str, Decimal | int]]
        ] = {}
        self._summed: dict[tuple[Scope, Months, bool], dict[Key, Sums]] = {}
        self._quantities: dict[tuple[Scope, Months, int], dict[str, Decimal | int]] = {}
        self._per_customer: dict[tuple[Scope, Quantity, Months], dict[str, Decimal]] = {}
        self._within: dict[_WithinKey, list[Key]] = {}
        self._key_figures: dict[tuple[Scope, Months, Quantity], Mapping[Key, Decimal | int]] = {}
        self._memos: dict[tuple[Month, Month, str], dict[object, object]] = {}
        self._windows: dict[tuple[int, int, tuple[Cell, ...]], WindowRows] = {}

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
        # Not the rows walked (``_walks``): they hold places, which rows put in or taken
        # out move; the sums are figures, kept wherever no month of ``months`` went in.
        new._totals = {k: v for k, v in self._totals.items() if k[1] not in months}
        new._customers = {k: v for k, v in self._customers.items() if k[1] not in months}
        new._month_quantities = {
            k: v for k, v in self._month_quantities.items() if k[1] not in months
        }
        new._some_customers = {k: v for k, v in self._some_customers.items() if k[1] not in months}
        new._sums_total = {k: v for k, v in self._sums_total.items() if months.isdisjoint(k[2])}
        new._summed = {k: v for k, v in self._summed.items() if months.isdisjoint(k[1])}
        new._consumed = {k: v for k, v in self._consumed.items() if months.isdisjoint(k[1])}
        new._some_windows = {k: v for k, v in self._some_windows.items() if months.isdisjoint(k[1])}
        new._quantities = {k: v for k, v in self._quantities.items() if months.isdisjoint(k[1])}
        new._per_customer = {k: v for k, v in self._per_customer.items() if months.isdisjoint(k[2])}
        new._within = {k: v for k, v in self._within.items() if months.isdisjoint(k[1])}
        new._key_figures = {k: v for k, v in self._key_figures.items() if months.isdisjoint(k[1])}
        new._memos = {
            k: v for k, v in self._memos.items() if not any(k[0] <= m <= k[1] for m in months)
        }
        return new

    def _cells(self, scope: Scope) -> tuple[Cell, ...]:
        """The scope's cells (workload, association type) in a fixed order, by the
        workload's value then the association's: not the frozensets' order, which hangs on
        PYTHONHASHSEED, since a total of shares adds inexact quotients in the customers'
        order and its last digit would differ from one run to the next (kept per scope)."""
        found = self._cells_of.get(scope)
        if found is None:
            found = self._cells_of[scope] = tuple(
                (workload, association)
                for workload in sorted(scope.workloads, key=_VALUE)
                for association in sorted(scope.associations)
            )
        return found

    def _scope_cells(self, scope: Scope, month: Month) -> list[CellMonth]:
        """The month's cells of the scope's workloads and association types (``_cells``)."""
        cell_month = self._cell_months.at
        found: list[CellMonth] = []
        for cell in self._cells(scope):
            each = cell_month(cell, month)
            if each is not None:
                found.append(each)
        return found

    def _cell_rows(self, cell: CellMonth) -> _Rows:
        """A cell's rows in a month: each one's customer, case-folded service and place, in
        three lists (kept: the scopes of several parts pick from the same cells)."""
        found = self._cells_walked.get(id(cell))
        if found is not None and found[0] is cell:
            return found[1]
        # In C: the first rows, then the others; each row's service (as written, then its
        # key).
        customers, places, other_customers, other_places = cell
        if other_customers:
            customers = customers + other_customers
            places = places + other_places
        column = self._columns.service
        services = list(map(self._service_keys.__getitem__, gathered(column, places)))
        rows = (customers, services, places)
        self._cells_walked[id(cell)] = (cell, rows)  # the cell kept: its id stays its own
        return rows

    def _rows(self, scope: Scope, month: Month) -> _Rows:
        """The month's rows the scope counts (its services only): each one's customer,
        case-folded service and place, in three lists (kept: several figures read them)."""
        found = self._walks.get((scope, month))
        if found is not None:
            return found
        walked = [self._cell_rows(cell) for cell in self._scope_cells(scope, month)]
        if len(walked) == 1:
            customers, services, places = walked[0]
        else:
            customers = [c for rows in walked for c in rows[0]]
            services = [s for rows in walked for s in rows[1]]
            places = [p for rows in walked for p in rows[2]]
        if _picks_services(scope):
            # The rows of the scope's services (a service "" is never excluded).
            wanted, excluded = scope.services, scope.excluded_services - _NO_SERVICE
            keep: list[bool]
            if wanted and excluded:
                keep = [service in wanted and service not in excluded for service in services]
            elif wanted:
                keep = list(map(wanted.__contains__, services))
            else:
                keep = list(map(operator.not_, map(excluded.__contains__, services)))
            customers = list(compress(customers, keep))
            services = list(compress(services, keep))
            places = list(compress(places, keep))
        found = self._walks[(scope, month)] = (customers, services, places)
        return found

    def _added_up(self, rows: _Rows, keys: Sequence[_K]) -> dict[_K, Sums]:
        """The five sums of the rows per key (``keys``: one beside each row): the first four
        added up here, the monthly consumption value by ``_mcv_into``."""
        columns, places = self._columns, rows[2]
        # The rows' figures gathered in C (money converted for these rows alone).
        users = gathered(columns.active_users, places)
        merged: dict[_K, Sums] = {}
        for key, consumption, revenue, count, seats in zip(
            keys,
            gathered(columns.consumption_usd, places),
            gathered(columns.revenue_usd, places),
            users,
            gathered(columns.paid_seats, places),
            strict=True,
        ):
            total = merged.get(key)
            if total is None:
                merged[key] = [consumption, revenue, count, seats, _ZERO]
            else:
                total[0] += consumption
                total[1] += revenue
                total[2] += count
                total[3] += seats
        mcv: dict[_K, Decimal | int] = {}
        _mcv_into(mcv, keys, users, map(self._rates.get, rows[1]), self._adds_zero)
        for key, value in mcv.items():
            merged[key][_MCV] = value
        return merged

    def totals(self, scope: Scope, month: Month) -> dict[Key, Sums]:
        """The month's sums per (customer, service) over the scope's subscriptions.

        The fifth sum, the monthly consumption value, is each service's active
        users times its rate.
        """
        found = self._totals.get((scope, month))
        if found is None:
            rows = self._rows(scope, month)
            keys = list(zip(rows[0], rows[1], strict=True))
            found = self._totals[(scope, month)] = self._added_up(rows, keys)
        return found

    def customers(self, scope: Scope, month: Month) -> dict[str, Sums]:
        """The month's sums per customer over the scope, added up straight from the rows
        (not through ``totals``: most parts never ask per service). Exact sums, so the
        same figures whatever the order they are added up in."""
        found = self._customers.get((scope, month))
        if found is None:
            rows = self._rows(scope, month)
            found = self._customers[(scope, month)] = self._added_up(rows, rows[0])
        return found

    def month_quantity(self, scope: Scope, month: Month, index: int) -> dict[str, Decimal | int]:
        """One of the month's sums (by its place in ``Sums``) per customer over the scope,
        from that figure's column alone (exact sums, as ``customers``'). A scope of every
        service reads a customer's places straight from the cells."""
        key = (scope, month, index)
        found = self._month_quantities.get(key)
        if found is not None:
            return found
        if index != _MCV and not _picks_services(scope):
            column = _column(self._columns, index)
            found = {}
            for customers, places, other_customers, other_places in self._scope_cells(scope, month):
                # In C: each customer's first row's figure; then the other rows' added.
                figures = dict(zip(customers, gathered(column, places), strict=True))
                if other_customers:
                    others = gathered(column, other_places)
                    _add_into(figures, zip(other_customers, others, strict=True))
                if not found:
                    found = figures
                    continue
                _add_into(found, figures.items())
        else:
            customers, services, places = self._rows(scope, month)
            found = {}
            if index == _MCV:
                users = gathered(self._columns.active_users, places)
                rates_of = map(self._rates.get, services)
                _mcv_into(found, customers, users, rates_of, self._adds_zero)
            else:
                values = gathered(_column(self._columns, index), places)
                _add_into(found, zip(customers, values, strict=True))
        self._month_quantities[key] = found
        return found

    def total(self, scope: Scope, quantity: Quantity, months: Months) -> Decimal:
        """One quantity added up over every customer and the months, as the sum of
        ``per_customer``'s values from a Decimal 0 gives it (shares in the customers' sorted
        order): from the rows' figures in C, no figure per customer made (exact sums: the
        same whatever the grouping)."""
        key = (scope, quantity, months)
        found = self._sums_total.get(key)
        if found is not None:
            return found
        if quantity is Quantity.ACTIVE_SHARE:
            # Inexact quotients, added up in the customers' sorted order: ``per_customer``'s
            # order hangs on the way the months were read (a window's slices, or month by
            # month once an edit reached one), and the last digit with it.
            shares = self.per_customer(scope, quantity, months)
            found = Decimal(sum(map(shares.__getitem__, sorted(shares)), _ZERO))
        else:
            index = _QUANTITY_INDEX[quantity]
            kept = (
                self._quantities.get((scope, months, index))
                if len(months) > 1
                else self._month_quantities.get((scope, months[0], index))
            )
            if kept is None and len(months) > 1:
                window = self._window_total(scope, months, index)
                if window is not None:
                    self._sums_total[key] = window
                    return window
                kept = self._window_quantities(scope, months, index)
            if kept is not None:
                found = Decimal(sum(kept.values(), _ZERO))
            else:
                total: Decimal | int = _ZERO
                for month in months:
                    total = self._month_total(scope, month, index, total)
                found = Decimal(total)
        self._sums_total[key] = found
        return found

    def _window_total(self, scope: Scope, months: Months, index: int) -> Decimal | None:
        """``total`` over months that follow one another, from the window's rows
        (``_window_rows``) added up in C, no figure per customer made (exact sums: the same
        whatever the grouping); None when the months cannot be read so, and of the monthly
        consumption value."""
        if index == _MCV:
            return None
        window = self._window_rows(scope, months)
        if window is None:
            return None
        column = _column(self._columns, index)
        return Decimal(window.total(column, _ZERO, self._window_kept(scope, window)))

    def _month_total(
        self, scope: Scope, month: Month, index: int, total: Decimal | int
    ) -> Decimal | int:
        """``total`` with one of the month's sums (by its place) over the scope added."""
        kept = self._month_quantities.get((scope, month, index))
        if kept is not None:
            return sum(kept.values(), total)
        if index != _MCV and not _picks_services(scope):
            column = _column(self._columns, index)
            for _customers, places, _other_customers, other_places in self._scope_cells(
                scope, month
            ):
                total = sum(gathered(column, places), total)
                if other_places:
                    total = sum(gathered(column, other_places), total)
            return total
        _customers, services, places = self._rows(scope, month)
        if index != _MCV:
            return sum(gathered(_column(self._columns, index), places), total)
        # A row of a service without a rate adds 0: no digit of a total begun at a
        # Decimal 0 changes (its exponent is 0, no sum's is above it), so only the rows
        # with a rate are added (in C), not through ``_mcv_into``'s per-key rule.
        rates_of = list(map(self._rates.get, services))
        rated = list(map(operator.is_not, rates_of, repeat(None)))
        users = compress(gathered(self._columns.active_users, places), rated)
        return sum(map(operator.mul, users, compress(rates_of, rated)), total)

    def customer_month_quantity(
        self, scope: Scope, month: Month, index: int, customers: Collection[str]
    ) -> Mapping[str, Decimal | int]:
        """One of the month's sums (by its place) over the scope of those of ``customers``
        with rows there, as ``month_quantity`` gives them: read from the runs for these
        customers alone (a measure asking about the few associated in a month), or the whole
        month's (holding others too) when worked out already or when rows of the month were
        put in row by row. Not kept as the month's (``month_quantity``'s: other customers'
        figures are not known) but apart, with who was asked: customers asked again are read
        there, others added to it (it may hold customers not asked)."""
        key = (scope, month, index)
        found = self._month_quantities.get(key)
        if found is not None:
            return found
        # The customers asked about before, with their figures (kept: a later evaluation
        # asks about the same few).
        some = self._some_customers.get(key)
        if some is not None:
            if some[0].issuperset(customers):
                return some[1]
            customers = [customer for customer in customers if customer not in some[0]]
        places: dict[str, list[int]] = {}
        places_of = self._cell_months.places_of
        # The scope's cells in ``_scope_cells``' order, each customer's places in each
        # cell's order (the same additions as the whole month's).
        for cell in self._cells(scope):
            cell_places = places_of(cell, month, customers)
            if cell_places is None:
                return self.month_quantity(scope, month, index)
            for customer, each in cell_places.items():
                earlier = places.get(customer)
                if earlier is None:
                    places[customer] = each
                else:
                    earlier += each
        figures = self._customer_figures(scope, places, index)
        if some is None:
            self._some_customers[key] = (set(customers), figures)
        else:
            some[0].update(customers)
            some[1].update(figures)
            figures = some[1]
        return figures

    def _customer_figures(
        self, scope: Scope, places: Mapping[str, list[int]], index: int
    ) -> dict[str, Decimal | int]:
        """One of the sums (by its place) of each customer's rows at ``places`` the scope
        counts (its services only), added up as ``month_quantity`` adds them."""
        columns = self._columns
        keys = [customer for customer, each in places.items() for _ in each]
        at = [place for each in places.values() for place in each]
        mcv = index == _MCV
        if _picks_services(scope):
            # Only the rows of the scope's services.
            kept = map(self._service_kept(scope).__getitem__, gathered(columns.service, at))
            picked = list(kept)
            keys, at = list(compress(keys, picked)), list(compress(at, picked))
        found: dict[str, Decimal | int] = {}
        if mcv:
            services = map(self._service_keys.__getitem__, gathered(columns.service, at))
            users = gathered(columns.active_users, at)
            _mcv_into(found, keys, users, map(self._rates.get, services), self._adds_zero)
        else:
            _add_into(found, zip(keys, gathered(_column(columns, index), at), strict=True))
        return found

    def customer_quantities(
        self, scope: Scope, quantity: Quantity, months: Months, customers: Collection[str]
    ) -> Mapping[str, Decimal | int]:
        """One quantity over several months of those of ``customers`` (each named once) with
        rows there, as ``per_customer`` gives it (it may hold other customers too): the
        months' figures of these customers alone (``customer_month_quantity``) unless worked
        out already."""
        if quantity is not Quantity.ACTIVE_SHARE:
            return self._customer_sums(scope, months, _QUANTITY_INDEX[quantity], customers)
        kept = self._per_customer.get((scope, quantity, months))
        if kept is not None:
            return kept
        users_of = self._customer_sums(scope, months, 2, customers)
        seats = self._customer_sums(scope, months, 3, customers)
        shares: dict[str, Decimal | int] = {}
        for customer in customers:
            users = users_of.get(customer)
            if users is not None:
                paid = seats[customer]
                shares[customer] = Decimal(users) / paid if paid else _ZERO
        return shares

    def _customer_sums(
        self, scope: Scope, months: Months, index: int, customers: Collection[str]
    ) -> Mapping[str, Decimal | int]:
        """``quantities`` for those of ``customers`` with rows in the months (it may hold
        others), the months added up in the same order."""
        if len(months) == 1:
            return self.customer_month_quantity(scope, months[0], index, customers)
        kept = self._quantities.get((scope, months, index))
        if kept is not None:
            return kept
        window = self._customer_window(scope, months, index, customers)
        if window is not None:
            return window
        found: dict[str, Decimal | int] = {}
        for month in months:
            figures = self.customer_month_quantity(scope, month, index, customers)
            for customer in customers:
                value = figures.get(customer)
                if value is not None:
                    total = found.get(customer)
                    found[customer] = value if total is None else total + value
        return found

    def _customer_window(
        self, scope: Scope, months: Months, index: int, customers: Collection[str]
    ) -> Mapping[str, Decimal | int] | None:
        """``_customer_sums`` over months that follow one another, from these customers'
        runs alone (``CellRuns.customer_slices``), as ``_window_quantities`` adds them up;
        kept with who was asked, as ``customer_month_quantity`` keeps a month's. None where
        ``_window_quantities`` gives none (then the months are read one by one)."""
        if index == _MCV or len(months) < 2:
            return None
        key = (scope, months, index)
        some = self._some_windows.get(key)
        if some is not None:
            if some[0].issuperset(customers):
                return some[1]
            customers = [customer for customer in customers if customer not in some[0]]
        bounds = _following(months)
        if bounds is None:
            return None
        first, last = bounds
        cell_months = self._cell_months
        found = self._each_cell(
            scope, lambda cell: cell_months.customer_slices(cell, customers, first, last)
        )
        if found is None:
            return None
        window = WindowRows(joined(found), ([], [], []))
        figures: dict[str, Decimal | int] = {}
        column = _column(self._columns, index)
        named, values, _ = window.figures(column, self._window_kept(scope, window))
        _add_into(figures, zip(named, values, strict=True))
        if some is None:
            self._some_windows[key] = (set(customers), figures)
            return figures
        some[0].update(customers)
        some[1].update(figures)
        return some[1]

    def consumed_services(self, scope: Scope, months: Months) -> frozenset[str]:
        """The services (case-folded, not "") of which some customer's consumption over the
        months adds up to more than 0: consumption alone added up per (customer, service)."""
        found = self._consumed.get((scope, months))
        if found is not None:
            return found
        consumption_of = self._columns.consumption_usd
        found = self._consumed_in_slices(scope, months)
        if found is not None:
            self._consumed[(scope, months)] = found
            return found
        walked = [self._rows(scope, month) for month in months]
        values = [gathered(consumption_of, rows[2]) for rows in walked]
        if all(min(each, default=0) >= 0 for each in values):
            # No consumption below 0: a (customer, service)'s total is above 0 exactly when
            # one of its rows is, so the services of the rows above 0 are the answer (in C).
            consumed: set[str] = set()
            for rows, each in zip(walked, values, strict=True):
                consumed.update(compress(rows[1], map(operator.gt, each, repeat(0))))
            consumed.discard("")
            found = self._consumed[(scope, months)] = frozenset(consumed)
            return found
        per_key: dict[Key, Decimal | int] = {}
        for month in months:
            customers, services, places = self._rows(scope, month)
            keys = zip(customers, services, strict=True)
            _add_into(per_key, zip(keys, gathered(consumption_of, places), strict=True))
        found = self._consumed[(scope, months)] = frozenset(
            service for (_, service), value in per_key.items() if service and value > 0
        )
        return found

    def _consumed_in_slices(self, scope: Scope, months: Months) -> frozenset[str] | None:
        """``consumed_services`` from the window's rows (``_window_rows``), when no
        consumption there is below 0 (a (customer, service)'s total is then above 0 exactly
        when one of its rows is): the services as written of the rows above 0, in C, then
        those the scope keeps case-folded (a handful). None otherwise (the months read one
        by one, or a row below 0)."""
        window = self._window_rows(scope, months)
        if window is None:
            return None
        written = window.above_0(self._columns.consumption_usd, self._columns.service)
        if written is None:
            return None
        kept, key = self._service_kept(scope), self._service_keys
        consumed = {key[service] for service in written if kept[service]}
        consumed.discard("")
        return frozenset(consumed)

    def key_quantities(
        self, scope: Scope, months: Months, quantity: Quantity
    ) -> dict[Key, Decimal | int]:
        """One of the first four sums per (customer, service) over the months, from its column
        alone (``summed``'s per service, without the other four sums)."""
        return self._key_quantities(scope, months, _QUANTITY_INDEX[quantity])

    def _key_quantities(self, scope: Scope, months: Months, index: int) -> dict[Key, Decimal | int]:
        """One of the first four sums per (customer, service) over several months, from its
        column (as ``summed``'s, without the other four)."""
        column = _column(self._columns, index)
        found: dict[Key, Decimal | int] = {}
        for month in months:
            customers, services, places = self._rows(scope, month)
            keys = zip(customers, services, strict=True)
            _add_into(found, zip(keys, gathered(column, places), strict=True))
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
                found = _sums_over(self.totals(scope, month) for month in months)
        else:
            by_customer = _sums_over(self.customers(scope, month) for month in months)
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
            found = self._window_quantities(scope, months, index)
        if found is None:
            # The first month's figures copied in C, the others added to them.
            found = dict(self.month_quantity(scope, months[0], index))
            for month in months[1:]:
                _add_into(found, self.month_quantity(scope, month, index).items())
            self._quantities[key] = found
        return found

    def _scope_slices(self, scope: Scope, months: Months) -> tuple[Slices, Slices] | None:
        """The rows of the scope's cells in ``months`` as slices of the columns, one per run
        (``CellMonths.slices``), when the months follow one another and no row of them was
        put in row by row; else None (the months are read one by one). First the runs of
        the first tier (each customer once) of the first cell with runs there, then every
        other run."""
        bounds = _following(months)
        if bounds is None:
            return None
        first, last = bounds
        cell_months = self._cell_months
        found = self._each_cell(scope, lambda cell: cell_months.slices(cell, first, last))
        if found is None:
            return None
        # The cells with runs there, so that scopes of the same cells with runs read the same
        # slices (the Azure scopes of several association types: no DPOR subscription).
        found = [each for each in found if each[0][0] or each[1][0]]
        if not found:
            return ([], [], []), ([], [], [])
        # The first cell's first tier alone; its other tier and every other cell's after it.
        return found[0][0], joined(chain((found[0][1],), chain.from_iterable(found[1:])))

    def _window_rows(self, scope: Scope, months: Months) -> WindowRows | None:
        """The rows of the scope's cells in ``months`` (``_scope_slices``) read column by
        column, None where the months are read one by one. Kept per the scope's cells with
        rows and months: the readers of a twelve-month window (a total, the customers over a
        bound, the services consumed; scopes of the same cells, such as Azure's of several
        association types with no DPOR subscription) read its rows once."""
        bounds = _following(months)
        if bounds is None:
            return None
        cell_months = self._cell_months
        # The scope's cells with rows (a cell with none gives no slice, and cannot make the
        # months read one by one): those of the scopes that read the same slices.
        held = (cell_months.runs, cell_months.cells, cell_months.more)
        cells = tuple(cell for cell in self._cells(scope) if any(cell in each for each in held))
        key = (bounds[0], bounds[1], cells)
        found = self._windows.get(key)
        if found is None:
            slices = self._scope_slices(scope, months)
            if slices is None:
                return None
            if len(self._windows) >= 64:
                self._windows.clear()  # a bound on what scrolling through the years keeps
            found = self._windows[key] = WindowRows(*slices)
        return found

    def _each_cell(self, scope: Scope, read: Callable[[Cell], _V | None]) -> list[_V] | None:
        """What ``read`` gives for each of the scope's cells, in ``_cells``' order; None as
        soon as a cell gives None (rows of its months put in row by row: the months are then
        read one by one)."""
        found: list[_V] = []
        for cell in self._cells(scope):
            each = read(cell)
            if each is None:
                return None
            found.append(each)
        return found

    def _service_kept(self, scope: Scope) -> dict[str, bool]:
        """Whether the scope counts a service, by the service as the rows write it (kept:
        a handful of spellings, each case-folded once)."""
        found = self._kept_of.get(scope)
        if found is None:
            found = self._kept_of[scope] = _ServicesKept(scope, self._service_keys)
        return found

    def _window_kept(self, scope: Scope, window: WindowRows) -> list[bool] | None:
        """Whether the scope counts each of the window's rows (None: it counts every
        service)."""
        if not _picks_services(scope):
            return None
        return window.kept(self._service_kept(scope), self._columns.service)

    def _window_quantities(
        self, scope: Scope, months: Months, index: int
    ) -> dict[str, Decimal | int] | None:
        """``quantities`` over months that follow one another, from the window's rows
        (``_window_rows``): each run's figure its slice's values added up in C; not the
        monthly consumption value (a rate per row). None when the months cannot be read so;
        kept."""
        if index == _MCV:
            return None
        window = self._window_rows(scope, months)
        if window is None:
            return None
        column = _column(self._columns, index)
        customers, figures, unique = window.figures(column, self._window_kept(scope, window))
        # The first tier's customers once each: a dictionary made in C; the others added.
        found = dict(zip(customers[:unique], figures[:unique], strict=True))
        if len(customers) > unique:
            _add_into(found, zip(customers[unique:], figures[unique:], strict=True))
        self._quantities[(scope, months, index)] = found
        return found

    def per_customer(
        self, scope: Scope, quantity: Quantity, months: Months
    ) -> Mapping[str, Decimal | int]:
        """One quantity of each customer's sums over several months: money and monthly
        consumption values as the Decimals they add up to, users and seats as whole numbers
        (no Decimal made of each: added to a Decimal they give the same sum), shares as
        Decimals."""
        if quantity is not Quantity.ACTIVE_SHARE:
            return self.quantities(scope, months, _QUANTITY_INDEX[quantity])
        key = (scope, quantity, months)
        found = self._per_customer.get(key)
        if found is None:
            found = self._per_customer[key] = self._customer_shares(scope, months)
        return found

    def _service_shares(self, scope: Scope, months: Months) -> dict[Key, Decimal]:
        """Active users as a share of paid seats per (customer, service) over the months (0
        without seats)."""
        return {
            each: quantity_of(sums, Quantity.ACTIVE_SHARE)
            for each, sums in self.summed(scope, months, True).items()
        }

    def _customer_shares(self, scope: Scope, months: Months) -> dict[str, Decimal]:
        """Each customer's active users as a share of its paid seats (0 without seats)."""
        seats = self.quantities(scope, months, 3)
        shares: dict[str, Decimal] = {}
        for customer, users in self.quantities(scope, months, 2).items():
            paid = seats[customer]
            # Seats are whole numbers: divided by as they are (the same quotient as by
            # their Decimal, without making one).
            shares[customer] = Decimal(users) / paid if paid else _ZERO
        return shares

    def within(
        self,
        scope: Scope,
        months: Months,
        quantity: Quantity,
        *,
        per_service: bool,
        bounds: tuple[Decimal, Decimal | None],
        tenants: bool,
    ) -> list[Key]:
        """The keys of ``summed`` whose quantity is within ``bounds`` (least, most or None),
        in no particular order; ``tenants``: each as its customer's key. Per customer, one
        pass over the customers' figures (kept per bounds), not a sort: a first evaluation
        asks each figure with one or two bounds; a share compared in integers (users against
        the bound times seats), not divided."""
        low, high = bounds
        key = (scope, months, quantity, low, high, per_service, tenants)
        found = self._within.get(key)
        if found is not None:
            return found
        tenant = self._tenants
        if per_service:
            found = self._keys_within(scope, months, quantity, key)
            self._within[key] = found
            return found
        least, most = _ratio(low), _ratio(high)
        shares_kept = (scope, quantity, months) in self._per_customer
        if (
            quantity is Quantity.ACTIVE_SHARE
            and not shares_kept
            and least is not None
            and (high is None or most is not None)
        ):
            seats_of = self.quantities(scope, months, 3)
            # Without seats a share is 0 (``_customer_shares``).
            zero_within = low <= 0 and (high is None or high >= 0)
            least_numerator, least_denominator = least
            found = []
            for customer, users in self.quantities(scope, months, 2).items():
                seats = seats_of[customer]
                if not seats:
                    meets = zero_within
                elif 0 < seats < _SMALL:
                    # Cross-multiplying keeps the inequality's direction only for positive
                    # seats; negative ones (a correction row) take the quotient below.
                    meets = users * least_denominator >= least_numerator * seats and (
                        most is None or users * most[1] <= most[0] * seats
                    )
                else:
                    share = Decimal(users) / seats
                    meets = low <= share and (high is None or share <= high)
                if meets:
                    found.append(tenant[customer])
        else:
            values = (
                self.per_customer(scope, quantity, months)
                if quantity is Quantity.ACTIVE_SHARE
                else self.quantities(scope, months, _QUANTITY_INDEX[quantity])
            )
            if high is None:
                found = [tenant[customer] for customer, value in values.items() if low <= value]
            else:
                found = [
                    tenant[customer] for customer, value in values.items() if low <= value <= high
                ]
        self._within[key] = found
        return found

    def _keys_within(
        self, scope: Scope, months: Months, quantity: Quantity, key: _WithinKey
    ) -> list[Key]:
        """``within`` per (customer, service) (``key``: the bounds and whether the keys are
        handed out as their customers'): one pass over the keys' figures (the monthly
        consumption value alone added up per key, not all five sums)."""
        low, high, tenants = key[3], key[4], key[6]
        # The keys' figures kept per (scope, months, quantity): a first evaluation asks the
        # same figure with several bounds (bands, the promoted part without its maximum).
        values = self._key_figures.get((scope, months, quantity))
        if values is None:
            if quantity is Quantity.ACTIVE_SHARE:
                values = self._service_shares(scope, months)
            elif quantity is Quantity.MCV:
                values = self._key_values(scope, months)
            else:
                values = self._key_quantities(scope, months, _QUANTITY_INDEX[quantity])
            self._key_figures[(scope, months, quantity)] = values
        keys = [
            each
            for each, value in values.items()
            if low <= value and (high is None or value <= high)
        ]
        if not tenants:
            return keys
        tenant = self._tenants
        return [tenant[customer] for customer, _ in keys]

    def _key_values(self, scope: Scope, months: Months) -> dict[Key, Decimal | int]:
        """The monthly consumption value per (customer, service) over the months: the value
        of ``summed``'s fifth sum, to compare with bounds (a service without a rate adds 0)."""
        summed = self._summed.get((scope, months, True))
        if summed is not None:
            return {each: sums[_MCV] for each, sums in summed.items()}
        found: dict[Key, Decimal | int] = {}
        for month in months:
            customers, services, places = self._rows(scope, month)
            keys = zip(customers, services, strict=True)
            users = gathered(self._columns.active_users, places)
            rates_of = map(self._rates.get, services)
            _mcv_into(found, keys, users, rates_of, self._adds_zero)
        return found
