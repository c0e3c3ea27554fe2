"""A cell's usage rows of a month, from runs of months: a subscription's rows one place a month.

Usage is mostly stored grouped by subscription, its months in order, one row
a month: such a run's rows lie at consecutive places, so the row of month
``m`` is at ``base + m`` (``base``: the run's first place minus its first
month). ``CellRuns`` keeps the runs of one cell (workload, association) and
gives a month's rows by customer from them with a few calls in C (a bisection
over the runs' first months, slices, ``map``), instead of a step per row, and
a run's rows of several months as one slice of the columns (``Slices``: a
window's figures are then one ``sum`` per run); ``cell_runs`` finds the runs
in the rows' columns. A subscription's rows of several a month (its
services), months in order, are a run too (``Span``: a month's rows found by
bisection in the months column), and so are a month's rows of one subscription in
a month's file (``MonthRuns``: the file's rows cut where the subscription changes,
in C). Rows out of order are not held here: ``usage_figures.UsageSums`` puts them
in row by row.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import chain, compress, count, repeat, takewhile
from operator import add, and_, eq, ge, itemgetter, lt, ne, not_, sub
from typing import Any, TypeVar

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Workload

_T = TypeVar("_T")

Cell = tuple[Workload, str]
"""A workload and an association type (its value): the subscriptions a scope picks from."""

More = tuple[list[str], list[int]]
"""The rows of a cell's month after each customer's first: their customers and places."""

CellMonth = tuple[list[str], list[int], list[str], list[int]]
"""A cell's rows in a month: the customers of the first rows (each customer once) and
those rows' places, then the customers and places of the other rows (a customer with
several subscriptions in the cell; these may name a customer the first rows do not)."""

Run = tuple[int, int, str, int]
"""A run's first counted month, its last month (as month indexes), customer and base (its
first place minus its first month: the row of month ``m`` is at ``base + m``)."""


_LAST = itemgetter(1)
"""A run's last month."""

Slices = tuple[list[str], list[int], list[int]]
"""Runs' rows in some months, one slice of the columns per run: each run's customer and
where its rows there begin and end (``columns[start:stop]``)."""


def _slices(
    firsts: Sequence[int],
    lasts: Sequence[int],
    customers: Sequence[str],
    bases: Sequence[int],
    *,
    first: int,
    last: int,
) -> Slices:
    """Runs begun by the month ``last`` (``firsts``; the other lists may run on: only as
    many are read) as slices of the columns over the months ``first`` to ``last``: those
    going on to ``first``, each one's months clamped to the window (a run's row of a month
    at its base plus the month)."""
    found_customers: list[str] = []
    starts: list[int] = []
    stops: list[int] = []
    # ``strict=False``: the runs begun later are not looked at.
    for start, stop, customer, base in zip(firsts, lasts, customers, bases, strict=False):
        if stop >= first:
            found_customers.append(customer)
            starts.append(base + (start if start > first else first))
            stops.append(base + (stop if stop < last else last) + 1)
    return found_customers, starts, stops


class _Tier:
    """Runs of a cell by first month (in four lists): ``CellRuns``' first tier holds at most
    one per customer, its second a customer's other runs (several for one customer)."""

    __slots__ = ("bases", "customers", "firsts", "lasts", "least_last")

    def __init__(self, runs: list[Run]) -> None:
        self.firsts = [run[0] for run in runs]
        self.lasts = [run[1] for run in runs]
        self.customers = [run[2] for run in runs]
        self.bases = [run[3] for run in runs]
        self.least_last = min(self.lasts, default=0)
        """Every run goes on to this month at least: up to it, a month's runs are those
        begun by then."""

    def slices(self, first: int, last: int) -> Slices:
        """The customers of the runs with rows in the months ``first`` to ``last``, and
        where those rows begin and end in the columns."""
        begun = bisect_right(self.firsts, last)  # runs begun by the last month
        return _slices(
            self.firsts[:begun], self.lasts, self.customers, self.bases, first=first, last=last
        )

    def at(self, month: int) -> tuple[list[str], list[int]]:
        """The customers and places of the runs' rows of ``month``."""
        begun = bisect_right(self.firsts, month)
        if not begun:
            return [], []
        if month <= self.least_last:
            customers = self.customers[:begun]
            bases = self.bases[:begun]
        else:
            # Some runs ended before the month: only those going on to it (in C).
            going = list(map(ge, self.lasts[:begun], repeat(month)))
            customers = list(compress(self.customers, going))
            bases = list(compress(self.bases, going))
        return customers, list(map(add, bases, repeat(month)))


Span = tuple[int, int, str, int, int]
"""A run of several rows a month (a subscription's services), its months in order: its first
counted month, its last month, customer, and where its rows of those months begin and end
(a month's rows are found by bisection in the months column, between the two)."""

MonthRuns = dict[int, Slices]
"""Runs of one month each (a month's file: its rows grouped by subscription), by month (an
index): each run's customer and where its rows begin and end."""


def _expanded(slices: Slices) -> tuple[list[str], list[int]]:
    """Every row of some slices: each one's customer and place (in C)."""
    customers, starts, stops = slices
    lengths = map(sub, stops, starts)
    return (
        list(chain.from_iterable(map(repeat, customers, lengths))),
        list(chain.from_iterable(map(range, starts, stops))),
    )


def _tails(slices: Slices) -> tuple[list[str], list[int]]:
    """The rows of some slices after each one's first: their customers and places."""
    customers, starts, stops = slices
    return _expanded((customers, list(map(add, starts, repeat(1))), stops))


def _no_slices() -> Slices:
    return [], [], []


def joined(pieces: Iterable[Slices]) -> Slices:
    """Runs' slices of several cells or tiers as one, in their order."""
    customers: list[str] = []
    starts: list[int] = []
    stops: list[int] = []
    for each in pieces:
        customers.extend(each[0])
        starts.extend(each[1])
        stops.extend(each[2])
    return customers, starts, stops


class _SpanTier:
    """Runs of several rows a month by first month (``Span``s, in five lists): a month's or a
    window's rows of each run found by bisection in the months column, in C."""

    __slots__ = ("customers", "firsts", "lasts", "months", "starts", "stops")

    def __init__(self, runs: list[Span], months: Sequence[Month]) -> None:
        self.firsts = [run[0] for run in runs]
        self.lasts = [run[1] for run in runs]
        self.customers = [run[2] for run in runs]
        self.starts = [run[3] for run in runs]
        self.stops = [run[4] for run in runs]
        self.months = months

    def slices(self, first: int, last: int) -> Slices:
        """The customers of the runs with rows in the months ``first`` to ``last``, and where
        those rows begin and end in the columns."""
        begun = bisect_right(self.firsts, last)
        going = list(map(ge, self.lasts[:begun], repeat(first)))
        customers = list(compress(self.customers, going))
        starts = list(compress(self.starts, going))
        stops = list(compress(self.stops, going))
        months = repeat(self.months)
        lows = list(map(bisect_left, months, repeat(first), starts, stops))
        highs = list(map(bisect_right, months, repeat(last), starts, stops))
        held = list(map(lt, lows, highs))  # a month left out inside a run: no row there
        if all(held):
            return customers, lows, highs
        return (
            list(compress(customers, held)),
            list(compress(lows, held)),
            list(compress(highs, held)),
        )

    def of(self, at: int, first: int, last: int) -> tuple[int, int]:
        """Where the ``at``-th run's rows of the months ``first`` to ``last`` begin and end."""
        start, stop = self.starts[at], self.stops[at]
        return (
            bisect_left(self.months, first, start, stop),
            bisect_right(self.months, last, start, stop),
        )


def _split_once(slices: Slices, taken: set[str]) -> tuple[Slices, Slices]:
    """Some runs' slices as a first tier (each customer once, none of ``taken``) and the
    others, in C (a month's file holds a customer's several subscriptions of a cell)."""
    customers, starts, stops = slices
    if len(set(customers)) == len(customers) and taken.isdisjoint(customers):
        return slices, _no_slices()
    length = len(customers)
    # Each customer's first run: the pairs put in a dictionary backwards keep the first.
    first_of = dict(zip(reversed(customers), range(length - 1, -1, -1), strict=True))
    once = list(map(eq, map(first_of.__getitem__, customers), range(length)))
    if taken:
        once = list(map(and_, once, map(not_, map(taken.__contains__, customers))))
    again = list(map(not_, once))
    return (
        (
            list(compress(customers, once)),
            list(compress(starts, once)),
            list(compress(stops, once)),
        ),
        (
            list(compress(customers, again)),
            list(compress(starts, again)),
            list(compress(stops, again)),
        ),
    )


class CellRuns:
    """The runs of one cell: a month's rows by customer, found without a step per row. Runs
    of one row a month (``Run``: a row of a month found by arithmetic), of several rows a
    month (``Span``: a subscription's services, a month's rows found by bisection) and of
    one month (``MonthRuns``: a month's file grouped by subscription)."""

    __slots__ = (
        "_by_month",
        "_more",
        "_more_of",
        "_one",
        "_one_of",
        "_span_more",
        "_span_of",
        "_span_one",
        "first_month",
        "last_month",
    )

    def __init__(
        self,
        runs: list[Run],
        spans: list[Span] | None = None,
        by_month: MonthRuns | None = None,
        months: Sequence[Month] = (),
    ) -> None:
        """``runs``: each run's first counted month, last month, customer and base;
        ``spans``: runs of several rows a month in ``months`` (the months column);
        ``by_month``: runs of one month each."""
        runs = sorted(runs, key=itemgetter(0))  # stable: runs of one month as they came
        spans = sorted(spans or (), key=itemgetter(0))
        seen: set[str] = set()
        one: list[Run] = []
        more: list[Run] = []
        for run in runs:
            # A customer's first run in the first tier, its others (several subscriptions
            # in the cell) in the second.
            (more if run[2] in seen else one).append(run)
            seen.add(run[2])
        span_one: list[Span] = []
        span_more: list[Span] = []
        for span in spans:
            (span_more if span[2] in seen else span_one).append(span)
            seen.add(span[2])
        self._one = _Tier(one)
        self._more = _Tier(more) if more else None
        self._span_one = _SpanTier(span_one, months) if span_one else None
        self._span_more = _SpanTier(span_more, months) if span_more else None
        self._by_month: MonthRuns = dict(sorted((by_month or {}).items()))
        bounds = [*map(itemgetter(0), runs), *map(itemgetter(0), spans), *(by_month or ())]
        self.first_month = min(bounds)
        self.last_month = max(*map(_LAST, runs), *map(_LAST, spans), *(by_month or ()), 0)
        self._one_of: dict[str, int] | None = None
        self._more_of: dict[str, tuple[int, ...]] = {}
        self._span_of: dict[str, tuple[tuple[_SpanTier, int], ...]] | None = None

    def _first_customers(self, month: int) -> set[str]:
        """The customers of the longer runs' first tiers with rows in ``month``."""
        found = set(self._one.at(month)[0])
        if self._span_one is not None:
            found.update(self._span_one.slices(month, month)[0])
        return found

    def at(self, month: int) -> CellMonth:
        """The rows of ``month``: first rows (each customer once) and the others."""
        customers, places = self._one.at(month)
        if (
            self._more is None
            and self._span_one is None
            and self._span_more is None
            and not self._by_month
        ):
            return customers, places, [], []
        other_customers: list[str] = []
        other_places: list[int] = []
        if self._more is not None:
            other_customers, other_places = self._more.at(month)
        firsts = []
        if self._span_one is not None:
            firsts.append(self._span_one.slices(month, month))
        once, twice = self._split_month(month)
        if once is not None:
            firsts.append(once)
        for slices in firsts:
            # A run's first row of the month with the first rows, its others after.
            customers = customers + slices[0]
            places = places + slices[1]
            tail_customers, tail_places = _tails(slices)
            other_customers = other_customers + tail_customers
            other_places = other_places + tail_places
        mores = []
        if self._span_more is not None:
            mores.append(self._span_more.slices(month, month))
        if twice is not None:
            mores.append(twice)
        for slices in mores:
            more_customers, more_places = _expanded(slices)
            other_customers = other_customers + more_customers
            other_places = other_places + more_places
        return customers, places, other_customers, other_places

    def _split_month(self, month: int) -> tuple[Slices | None, Slices | None]:
        """The runs of one month of ``month`` as a first tier (each customer once, none the
        longer runs' first tiers have there) and the others (None: none), split when asked
        for: only reading a whole month's rows by customer (``at``, whose result
        ``CellMonths`` keeps) needs it; a window's slices and a few customers' rows do not
        (``slices``, ``_month_runs_of``)."""
        slices = self._by_month.get(month)
        if slices is None:
            return None, None
        once, others = _split_once(slices, self._first_customers(month))
        return once if once[0] else None, others if others[0] else None

    def by_month_in(self, first: int, last: int) -> bool:
        """Whether runs of one month hold rows of the months ``first`` to ``last``."""
        return any(first <= month <= last for month in self._by_month)

    def slices(self, first: int, last: int) -> tuple[Slices, Slices]:
        """Each run's rows in the months ``first`` to ``last`` as slices of the columns (a
        run's rows are consecutive): the first tier's runs (each customer once), then the
        others'; runs with no row there left out. A run of one month (a month's file) is a
        slice of its own among the others (a customer has one a month)."""
        one = self._one.slices(first, last)
        more = self._more.slices(first, last) if self._more is not None else _no_slices()
        if self._span_one is not None:
            one = joined((one, self._span_one.slices(first, last)))
        if self._span_more is not None:
            more = joined((more, self._span_more.slices(first, last)))
        if self._by_month:
            more = joined((more, *self._month_slices(first, last)))
        return one, more

    def _month_slices(self, first: int, last: int) -> list[Slices]:
        """The runs of one month each of the months ``first`` to ``last``, month by month, as
        the rows give them (not split: a window's readers add each customer's runs up in
        their order, which the split keeps, and meet the customers in the same order)."""
        found: list[Slices] = []
        for month in range(max(first, self.first_month), min(last, self.last_month) + 1):
            each = self._by_month.get(month)
            if each is not None:
                found.append(each)
        return found

    def _indexed(self) -> dict[str, int]:
        """Each customer's run in the first tier by its index (made in C when first asked
        for), the second tier's few by customer (``_more_of``)."""
        one_of = self._one_of
        if one_of is None:
            one = self._one
            one_of = self._one_of = dict(zip(one.customers, range(len(one.customers)), strict=True))
            if self._more is not None:
                more_of = self._more_of
                for other, customer in enumerate(self._more.customers):
                    # A tuple (mostly of one run), not a list: the tuples' free list gives
                    # them, so they do not count towards the collector's next pass.
                    more_of[customer] = (*more_of.get(customer, ()), other)
        return one_of

    def _spans_of(self) -> dict[str, tuple[tuple[_SpanTier, int], ...]]:
        """Each customer's runs of several rows a month: their tier and index (made when
        first asked for; the first tier's in C, a customer once there)."""
        found = self._span_of
        if found is None:
            one, more = self._span_one, self._span_more
            found = self._span_of = (
                dict(zip(one.customers, zip(zip(repeat(one), count())), strict=False))
                if one is not None
                else {}
            )
            if more is not None:
                for at, customer in enumerate(more.customers):
                    found[customer] = (*found.get(customer, ()), (more, at))
        return found

    def _month_runs_of(self, month: int, asked: Container[str]) -> dict[str, list[range]]:
        """The runs of one month of ``month`` of the customers ``asked``: the places of each
        one's rows, in the rows' order, picked in C from the month's runs (a handful of
        customers asked: a dictionary of every customer's runs, made and split for each
        month a growth measure's few customers were asked about, cost ~1.5 ms of a first
        evaluation, meas15)."""
        found: dict[str, list[range]] = {}
        slices = self._by_month.get(month)
        if slices is not None:
            names, starts, stops = slices
            for at in compress(count(), map(asked.__contains__, names)):
                found.setdefault(names[at], []).append(range(starts[at], stops[at]))
        return found

    def customer_slices(self, customers: Iterable[str], first: int, last: int) -> Slices:
        """``slices`` of some customers' runs alone (a customer with no row in the months
        left out): for a handful of customers, without the whole cell's slices made."""
        customers = tuple(customers)
        one_of = self._indexed()
        spans_of = self._spans_of() if self._span_one or self._span_more else {}
        # Each asked customer's runs begun by the last month, clamped by ``_slices``.
        firsts: list[int] = []
        lasts: list[int] = []
        named: list[str] = []
        bases: list[int] = []
        spanned = _no_slices()
        # The months' runs of one month each (a month's file) of the customers, by customer.
        asked = set(customers)
        months = [
            self._month_runs_of(month, asked)
            for month in range(max(first, self.first_month), min(last, self.last_month) + 1)
            if month in self._by_month
        ]
        for customer in customers:
            for month_of in months:
                for rows in month_of.get(customer, ()):
                    spanned[0].append(customer)
                    spanned[1].append(rows.start)
                    spanned[2].append(rows.stop)
            for spanned_in, index in spans_of.get(customer, ()):
                if spanned_in.firsts[index] <= last and spanned_in.lasts[index] >= first:
                    start, stop = spanned_in.of(index, first, last)
                    if start < stop:
                        spanned[0].append(customer)
                        spanned[1].append(start)
                        spanned[2].append(stop)
            at = one_of.get(customer)
            if at is None:
                continue  # no run of one row a month in the cell
            tiers = [(self._one, at)]
            if self._more is not None:
                tiers += [(self._more, other) for other in self._more_of.get(customer, ())]
            for tier, index in tiers:
                start = tier.firsts[index]
                if start <= last:
                    firsts.append(start)
                    lasts.append(tier.lasts[index])
                    named.append(customer)
                    bases.append(tier.bases[index])
        found = _slices(firsts, lasts, named, bases, first=first, last=last)
        return joined((found, spanned)) if spanned[0] else found

    def places_of(self, month: int, customers: Iterable[str]) -> dict[str, list[int]]:
        """The places of some customers' rows of ``month`` (a customer with none there left
        out): for a handful of customers, without a month's lists made for every customer
        of the cell."""
        customers = tuple(customers)
        one_of = self._indexed()
        one, more, more_of = self._one, self._more, self._more_of
        spans_of = self._spans_of() if self._span_one or self._span_more else {}
        month_of = self._month_runs_of(month, set(customers)) if month in self._by_month else {}
        found: dict[str, list[int]] = {}
        for customer in customers:
            places: list[int] = []
            at = one_of.get(customer)
            if at is not None:
                if one.firsts[at] <= month <= one.lasts[at]:
                    places.append(one.bases[at] + month)
                if more is not None:
                    for other in more_of.get(customer, ()):
                        if more.firsts[other] <= month <= more.lasts[other]:
                            places.append(more.bases[other] + month)
            for tier, index in spans_of.get(customer, ()):
                if tier.firsts[index] <= month <= tier.lasts[index]:
                    places.extend(range(*tier.of(index, month, month)))
            for rows in month_of.get(customer, ()):
                places.extend(rows)
            if places:
                found[customer] = places
        return found


def cell_runs(
    subscriptions: Sequence[str],
    months: Sequence[Month],
    found_of: Mapping[str, tuple[Cell, int, str]],
) -> tuple[dict[Cell, CellRuns], list[int], int]:
    """The rows (their subscriptions and months, by column) that come grouped by
    subscription, one a month in order, as runs per cell: each subscription's run is found
    in C (``_run_end``), and a run's months are checked with one comparison, so a row
    costs no step of its own. ``found_of``: each subscription counted (no trial), its cell,
    the month its association began (an index) and its customer. Hands back the runs, the
    places of the other rows, in order, to be put in row by row (runs out of order or of
    several rows a month), and where the rows not looked at begin: after the first short
    runs (rows stored by month: grouping would cost a step per row there). Rows of every
    subscription over the same months (``_grid``) are cut into runs without a look at each
    run's rows."""
    found = grid_runs(subscriptions, months, found_of)
    if found is not None:
        return found, [], len(subscriptions)
    return walked_runs(subscriptions, months, found_of)


def grid_runs(
    subscriptions: Sequence[Any],
    months: Sequence[Month],
    found_of: Mapping[str, tuple[Cell, int, str]],
    names: Callable[[Sequence[Any]], Iterable[str]] = iter,
) -> dict[Cell, CellRuns] | None:
    """``cell_runs``' runs when the rows are a grid (``_grid``), else None. ``names``: the
    subscriptions' ids of the values of ``subscriptions`` (stored values the loader looks
    up when first read: one id is one stored value, both being unique), looked up for the
    runs' first rows alone: a grid needs no id of every row."""
    grid = _grid(subscriptions, months)
    if grid is None:
        return None
    ids, first, last = grid
    return _grid_runs((tuple(names(ids)), first, last), found_of)


def walked_runs(
    subscriptions: Sequence[Any],
    months: Sequence[Month],
    found_of: Mapping[str, tuple[Cell, int, str]],
    names: Callable[[Sequence[Any]], Iterable[str]] = iter,
) -> tuple[dict[Cell, CellRuns], list[int], int]:
    """``cell_runs``' walk, run by run, of rows that are not a grid (``grid_runs``): runs of
    one row a month, of several rows a month in month order (a subscription's services),
    and a month's rows of several subscriptions (a month's file: cut into runs in C,
    ``_month_block``). ``subscriptions`` may be the values as stored and ``names`` their
    ids (as ``grid_runs``'): the runs are found on the stored values, and only the runs'
    first rows named, in one call (converting every row's id cost ~1.2 ms of a first
    evaluation over 69,000 rows, and its tuple a pass of the collector)."""
    runs: dict[Cell, list[Run]] = {}
    spans: dict[Cell, list[Span]] = {}
    by_month: dict[Cell, MonthRuns] = {}
    odd: list[int] = []
    consecutive: dict[tuple[int, ...], Sequence[Month]] = {}
    # Each run of one subscription: where it begins and ends, and its shape.
    starts: list[int] = []
    stops: list[int] = []
    shapes: list[int] = []
    start = count = length = block = 0
    picked: _Picked | None = None
    rows = len(subscriptions)
    while start < rows:
        count += 1
        sub_id = subscriptions[start]
        stop = _run_end(subscriptions, start, sub_id, length)
        first, last = months[start], months[stop - 1]
        if first == last:
            # The rows of this month from here: several subscriptions' (a month's file, as
            # the imports after the first append them) are one block, cut in C.
            end = _run_end(months, start, first, block)
            if end > stop:
                picked = _month_block(
                    subscriptions[start:end],
                    start,
                    first,
                    found_of,
                    by_month,
                    before=picked,
                    names=names,
                )
                block = end - start
                start = end
                continue
        length = stop - start
        starts.append(start)
        stops.append(stop)
        shapes.append(_shape(months, start, stop, consecutive))
        start = stop
        if count >= 64 and 4 * count > stop:
            break  # short runs: not grouped by subscription
    get = found_of.get
    for found, run_start, run_stop, shape in zip(
        map(get, names(_at(subscriptions, starts))) if starts else (),
        starts,
        stops,
        shapes,
        strict=True,
    ):
        if found is None:
            continue
        if shape == _ODD:
            odd.extend(range(run_start, run_stop))
            continue
        cell, associated, customer = found
        first, last = months[run_start], months[run_stop - 1]
        counted = first if first >= associated else associated
        if counted > last:
            continue  # no credit before the association
        if shape == _IN_ORDER:
            runs.setdefault(cell, []).append((counted, last, customer, run_start - first))
        else:
            # Its rows from the first counted month on (bisection: months in order).
            at = bisect_left(months, counted, run_start, run_stop) if counted > first else run_start
            spans.setdefault(cell, []).append((counted, last, customer, at, run_stop))
    return (
        {
            cell: CellRuns(runs.get(cell, []), spans.get(cell), by_month.get(cell), months)
            # The cells in a fixed order (the runs', the spans', the months' files', each as
            # the rows first name them), not a set's: a workload hashes by its object's
            # address, so a set's order would change from one run of the program to the next.
            for cell in dict.fromkeys(chain(runs, spans, by_month))
        },
        odd,
        start,
    )


_IN_ORDER, _SPAN, _ODD = 0, 1, 2
"""A run's shapes: one row a month in order (``Run``), several a month in month order
(``Span``), neither (its rows put in row by row)."""


def _shape(
    months: Sequence[Month],
    start: int,
    stop: int,
    consecutive: dict[tuple[int, ...], Sequence[Month]],
) -> int:
    """The shape of a subscription's rows from ``start`` to ``stop`` by their months
    (``consecutive``: months of runs of one row a month seen before, by first month and
    length; of runs of several rows a month in month order, by first and last month and
    length)."""
    first, last = months[start], months[stop - 1]
    length = stop - start
    in_order = last - first == length - 1
    if in_order and length >= 3:
        window = months[start:stop]
        known = consecutive.get((first, length))
        if known is None:
            in_order = window == tuple(range(first, last + 1))
            if in_order:
                # Kept as the column's own months: the next run of these months is
                # compared with it, where the column shares one object per month
                # (as loaded) by identity in C, not value by value.
                consecutive[(first, length)] = window
        else:
            in_order = window == known
    if in_order:
        return _IN_ORDER
    window = months[start:stop]
    # Subscriptions with as many services month after month share their months: compared
    # with a run's seen in month order (by identity in C), not sorted again.
    key = (first, last, length)
    known = consecutive.get(key)
    if known is not None and window == known:
        return _SPAN
    if _in_month_order(window):
        consecutive[key] = window
        return _SPAN
    return _ODD


def _in_month_order(months: Sequence[Month]) -> bool:
    """Whether a run's months never go back (several rows a month: its services)."""
    return list(months) == sorted(months)


class _Picked:
    """A month's file's runs of known subscriptions, per cell (their customers, places among
    the file's runs and the months their associations began), for the next file of the
    same subscriptions in the same order (``heads``)."""

    __slots__ = ("heads", "per_cell")

    def __init__(
        self,
        heads: tuple[Any, ...],
        found_of: Mapping[str, tuple[Cell, int, str]],
        names: Callable[[Sequence[Any]], Iterable[str]] = iter,
    ) -> None:
        """``heads``: the runs' subscriptions (as stored: ``names`` gives their ids)."""
        self.heads = heads
        self.per_cell: dict[Cell, tuple[list[str], list[int], list[int]]] = {}
        for at, found in enumerate(map(found_of.get, names(heads))):
            if found is None:
                continue
            cell, associated, customer = found
            picked = self.per_cell.get(cell)
            if picked is None:
                picked = self.per_cell[cell] = ([], [], [])
            picked[0].append(customer)
            picked[1].append(at)
            picked[2].append(associated)

    def counted(self, month: int) -> Iterator[tuple[Cell, list[str], list[int]]]:
        """Each cell's runs counted in ``month`` (none before its association): their
        customers and places among the file's runs (in C)."""
        for cell, (customers, places, associated) in self.per_cell.items():
            if max(associated) <= month:
                yield cell, customers, places
            else:
                counted = list(map(ge, repeat(month), associated))
                yield cell, list(compress(customers, counted)), list(compress(places, counted))


def _at(values: Sequence[_T], places: list[int]) -> list[_T]:
    """The values at ``places`` (in C)."""
    if len(places) == 1:
        return [values[places[0]]]
    return list(itemgetter(*places)(values))


def _month_block(
    subscriptions: Sequence[Any],
    start: int,
    month: int,
    found_of: Mapping[str, tuple[Cell, int, str]],
    by_month: dict[Cell, MonthRuns],
    *,
    before: _Picked | None,
    names: Callable[[Sequence[Any]], Iterable[str]] = iter,
) -> _Picked:
    """A month's rows (``subscriptions``: theirs, the first at ``start``) cut into runs of a
    subscription where the subscription changes (found in C, not run by run), each run
    counted put with its cell's runs of the month. The runs' cells are looked up run by
    run (``names``: the ids of the subscriptions as stored, as ``walked_runs``'), unless
    the file before listed the same subscriptions in the same order (``before``: as a
    month's file mostly does): then its picks are taken again, those counted in the month
    picked in C. Hands back the picks, for the next file."""
    rows = len(subscriptions)
    # Where the subscription changes (the month's runs' first rows), as places in the block.
    cuts = list(compress(range(1, rows), map(ne, subscriptions[1:], subscriptions)))
    heads = itemgetter(0, *cuts)(subscriptions) if cuts else (subscriptions[0],)
    picked = (
        before if before is not None and before.heads == heads else _Picked(heads, found_of, names)
    )
    starts = [start, *map(add, cuts, repeat(start))]
    stops = [*starts[1:], start + rows]
    for cell, customers, places in picked.counted(month):
        if not places:
            continue
        cell_months = by_month.get(cell)
        if cell_months is None:
            cell_months = by_month[cell] = {}
        slices = cell_months.get(month)
        if slices is None:
            cell_months[month] = (list(customers), _at(starts, places), _at(stops, places))
        else:  # a second file of the month
            slices[0].extend(customers)
            slices[1].extend(_at(starts, places))
            slices[2].extend(_at(stops, places))
    return picked


Grid = tuple[tuple[Any, ...], Month, Month]
"""Rows of every subscription over the same months: each run's subscription, in order, and
the runs' first and last month (the column's own)."""


def _grid(subscriptions: Sequence[Any], months: Sequence[Month]) -> Grid | None:
    """The runs when the rows are a grid: every subscription's rows the same four months or
    more, one a month in order, grouped by subscription (as an export of one window, or
    usage kept since the same month for every subscription); None otherwise. Checked in C
    (the months against the first run's repeated, as whole columns; each run's rows
    counted, run after run). (A subscription's two runs next to each other, where the walk
    finds one run of its months twice and puts its rows in row by row, are two runs here:
    the same rows held.)"""
    rows = len(subscriptions)
    if not rows or not isinstance(subscriptions, tuple) or not isinstance(months, tuple):
        return None
    length = _run_end(subscriptions, 0, subscriptions[0], 0)
    if length < 4 or rows % length:
        return None  # (short runs: the walk does not group them either)
    first_run = months[:length]
    first = first_run[0]
    if first_run != tuple(range(first, first + length)) or months != first_run * (rows // length):
        return None
    ids = subscriptions[::length]
    # Every row of a run is its first row's subscription: each run's rows counted in C, run
    # after run, so the ids are read in the order the driver made them (comparing the
    # runs' n-th rows column by column read 31,000 fresh ints scattered: ~0.2 ms slower).
    for start, sub_id in zip(range(0, rows, length), ids, strict=True):
        if subscriptions[start : start + length].count(sub_id) != length:
            return None
    return ids, first, first_run[-1]


def _grid_runs(grid: Grid, found_of: Mapping[str, tuple[Cell, int, str]]) -> dict[Cell, CellRuns]:
    """The runs of a grid per cell, as ``cell_runs``' walk makes them (in the rows' order)."""
    ids, first, last = grid
    length = last - first + 1
    runs: dict[Cell, list[Run]] = {}
    get = found_of.get
    for start, sub_id in zip(range(0, length * len(ids), length), ids, strict=True):
        found = get(sub_id)
        if found is not None:
            cell, associated, customer = found
            counted = first if first >= associated else associated
            if counted <= last:  # no credit before the association
                each = runs.get(cell)
                if each is None:
                    each = runs[cell] = []
                each.append((counted, last, customer, start - first))
    return {cell: CellRuns(each) for cell, each in runs.items()}


def _run_end(subscriptions: Sequence[_T], start: int, sub_id: _T, guess: int) -> int:
    """Where the run of ``sub_id``'s rows beginning at ``start`` ends: first tried as long as
    the run before (most subscriptions have as many months), the subscription's rows
    counted in that slice in C; else slices twice as long each time, counted in C, and in
    the last one the rows found there checked to be its first ones (counted again, in C:
    the rows of a subscription together, as stored), else compared one by one (a step in
    Python per row took 0.3-1 ms of a first evaluation over 69,000 rows by service). Grouping
    every row (``groupby``, a list of each group) took about twice as long over 36,000
    rows; ``islice`` from ``start`` stepped over every row before it, quadratic where runs
    differ in length (rows by service: 86 ms of a first evaluation over 69,000 rows)."""
    stop = start + guess
    end, size = start, max(guess, 8)
    if guess and stop <= len(subscriptions):
        guessed = subscriptions[start:stop]
        found = guessed.count(sub_id)
        if found == guess:
            if stop == len(subscriptions) or subscriptions[stop] != sub_id:
                return stop
            end = stop  # longer: on from the guess's rows, all its own
        elif sub_id not in guessed[found:]:
            # Shorter (a run of fewer services): every one of its rows there is among the
            # first ``found``, so those are its rows, all of them (no third count).
            return start + found
    while True:
        chunk = subscriptions[end : end + size]
        found = chunk.count(sub_id)
        if found < len(chunk):
            if chunk[:found].count(sub_id) == found:
                return end + found  # the chunk's first rows, and only those
            return end + len(list(takewhile(partial(eq, sub_id), chunk)))
        if end + size >= len(subscriptions):
            return end + len(chunk)
        end, size = end + size, 2 * size


_M = TypeVar("_M", bound=int)
_V = TypeVar("_V")


def _other_months(
    by_cell: dict[Cell, dict[_M, _V]], months: set[Month]
) -> dict[Cell, dict[_M, _V]]:
    """Each cell's entries of the months not in ``months`` (new dictionaries)."""
    return {
        cell: {month: found for month, found in cell_months.items() if month not in months}
        for cell, cell_months in by_cell.items()
    }


_UNSEEN = object()
"""A cell's month not looked at yet (None: looked at, no rows)."""


class CellMonths:
    """Each cell's rows of a month, from its runs and from the rows put in one by one (kept
    once worked out; it holds no reference to the sums that keep it, so no cycle)."""

    __slots__ = ("_months", "cells", "more", "row_by_row", "runs")

    def __init__(
        self,
        runs: dict[Cell, CellRuns],
        cells: dict[Cell, dict[Month, dict[str, int]]],
        more: dict[Cell, dict[Month, More]],
        months: dict[Cell, dict[int, CellMonth | None]] | None = None,
        row_by_row: frozenset[int] = frozenset(),
    ) -> None:
        """``cells`` and ``more``: the rows put in row by row (filled by their owner);
        ``months``: cells' months worked out already; ``row_by_row``: months whose rows
        are all put in row by row (the runs not read there)."""
        self.runs = runs
        self.cells = cells
        self.more = more
        self._months = months if months is not None else {}
        self.row_by_row = row_by_row

    def without(self, months: set[Month]) -> CellMonths:
        """The same runs, their rows of ``months`` to be put in row by row (into the new
        ``cells`` and ``more``, which hold none of those months): the rows put in row by row
        and the cells' months worked out already kept for the other months (an edit
        replacing rows in place leaves every other row at its place)."""
        return CellMonths(
            self.runs,
            _other_months(self.cells, months),
            _other_months(self.more, months),
            _other_months(self._months, months),
            self.row_by_row | months,
        )

    def places_of(
        self, cell: Cell, month: Month, customers: Iterable[str]
    ) -> dict[str, list[int]] | None:
        """The places of some customers' rows counted in a cell's month, from the runs (a
        customer with none left out; each one's in ``at``'s order). None when rows of the
        month were put in row by row: the month is then read whole (``at``)."""
        if month in self.row_by_row:
            return None
        row_months = self.cells.get(cell)
        if row_months and month in row_months:
            return None
        more_months = self.more.get(cell)
        if more_months and month in more_months:
            return None
        runs = self.runs.get(cell)
        if runs is None or not runs.first_month <= month <= runs.last_month:
            return {}
        return runs.places_of(month, customers)

    def slices(self, cell: Cell, first: int, last: int) -> tuple[Slices, Slices] | None:
        """A cell's rows counted in the months ``first`` to ``last`` as slices of the
        columns, one per run (``CellRuns.slices``: the first tier's, then the others').
        None when rows of those months were put in row by row: the months are then read one
        by one (``at``)."""
        held, runs = self._window_runs(cell, first, last)
        if not held:
            return None
        if runs is None:
            return ([], [], []), ([], [], [])
        return runs.slices(first, last)

    def _window_runs(self, cell: Cell, first: int, last: int) -> tuple[bool, CellRuns | None]:
        """Whether the runs hold every row of the cell's months ``first`` to ``last``
        (``_runs_only``), and if so the cell's runs when some have rows there (else None)."""
        if not self._runs_only(cell, first, last):
            return False, None
        runs = self.runs.get(cell)
        if runs is None or runs.last_month < first or runs.first_month > last:
            return True, None
        return True, runs

    def _runs_only(self, cell: Cell, first: int, last: int) -> bool:
        """Whether no row of the cell's months ``first`` to ``last`` was put in row by row
        (the runs then hold every row counted there)."""
        if any(first <= month <= last for month in self.row_by_row):
            return False
        for by_cell in (self.cells, self.more):
            months = by_cell.get(cell)
            if months and any(first <= month <= last for month in months):
                return False
        return True

    def customer_slices(
        self, cell: Cell, customers: Iterable[str], first: int, last: int
    ) -> Slices | None:
        """``slices`` of some customers' runs alone (``CellRuns.customer_slices``); None when
        rows of those months were put in row by row."""
        held, runs = self._window_runs(cell, first, last)
        if not held:
            return None
        if runs is None:
            return [], [], []
        return runs.customer_slices(customers, first, last)

    def at(self, cell: Cell, month: Month) -> CellMonth | None:
        """A cell's rows counted in a month, by customer (None: none)."""
        months = self._months.get(cell)
        if months is None:
            months = self._months[cell] = {}
        found = months.get(month, _UNSEEN)
        if found is _UNSEEN:
            found = months[month] = self._rows_at(cell, month)
        return found  # type: ignore[return-value]

    def _rows_at(self, cell: Cell, month: Month) -> CellMonth | None:
        runs = self.runs.get(cell)
        row_months = self.cells.get(cell)
        first = row_months.get(month) if row_months else None
        more_months = self.more.get(cell)
        others = more_months.get(month) if more_months else None
        if (
            runs is None
            or not runs.first_month <= month <= runs.last_month
            or month in self.row_by_row
        ):
            if first is None:
                return None
            return (list(first), list(first.values()), *(others or ([], [])))
        customers, places, other_customers, other_places = runs.at(month)
        if first is not None:
            # Rows put in row by row in a month of runs (a rare mix): a customer the runs
            # have already goes with the other rows (``first``'s customers are its keys, each
            # once, so only the runs' need looking up).
            seen = set(customers)
            other_customers, other_places = list(other_customers), list(other_places)
            for customer, place in first.items():
                if customer in seen:
                    other_customers.append(customer)
                    other_places.append(place)
                else:
                    customers.append(customer)
                    places.append(place)
            if others is not None:
                other_customers += others[0]
                other_places += others[1]
        if not customers and not other_customers:
            return None
        return customers, places, other_customers, other_places

    def every(self) -> Iterator[tuple[Cell, Month, CellMonth]]:
        """Every cell's rows of every month that has some (each kept from then on)."""
        for cell in {*self.runs, *self.cells, *self._months}:
            runs = self.runs.get(cell)
            bounds = [*self.cells.get(cell, ()), *self._months.get(cell, ())]
            if runs is not None:
                bounds += (runs.first_month, runs.last_month)
            if not bounds:
                continue  # an edit took every row of the cell out
            for index in range(min(bounds), max(bounds) + 1):
                month = Month.from_index(index)
                found = self.at(cell, month)
                if found is not None:
                    yield cell, month, found
