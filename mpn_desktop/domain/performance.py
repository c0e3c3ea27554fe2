"""Step 1, sales performance: usage credited through accepted associations, in whole-month windows.

``UsageTotals`` makes one pass over the usage of an organisation and keeps,
per subscription, what the windows of the as-of day hold; each measure of
each option then only walks the subscriptions.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial
from itertools import compress, groupby, repeat
from operator import eq
from typing import Any

from mpn_desktop.domain.catalog import Measure, MeasureKind, Performance, Window
from mpn_desktop.domain.column_rows import ConvertedColumn
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Association, Level, Market, StepKind, Workload
from mpn_desktop.domain.evidence import Evidence, LazyEvidence
from mpn_desktop.domain.facts import Facts, Subscription, SubscriptionRows
from mpn_desktop.domain.progress import StepProgress
from mpn_desktop.domain.usage_rows import UsageRows
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import (
    associations,
    counted,
    day,
    figure,
    money,
    month_and_year,
    number,
    with_source,
)

_ZERO = Decimal(0)
_NOTHING: frozenset[MeasureKind] = frozenset()


def usage_window_start(as_of: date) -> Month:
    """The first month of usage any rule reads on ``as_of``: a loader may skip older months."""
    return Month.of(as_of).plus(-12)


@dataclass(slots=True)
class UsageTotals:
    """Per subscription: its usage over the 12-month window, and users of the latest month.

    Only months in which the subscription's association was in force on the
    first day count; trial subscriptions never do. Each figure is added up
    only for the workloads some measure of the catalogue reads it of; each
    measure then adds up the figures of its subscriptions.
    """

    as_of: date
    window: tuple[Month, Month]
    latest: Month
    usage: UsageRows
    """The usage rows these totals were worked out from."""
    needed: Mapping[Workload, set[MeasureKind]]
    subscriptions: SubscriptionRows = field(default_factory=SubscriptionRows)
    """The subscriptions these totals were worked out for (read by column)."""
    by_workload: dict[Workload, list[int]] = field(default_factory=dict)
    """Per workload, the positions (in ``subscriptions``) of its paid subscriptions (the last
    listed of an id)."""
    credited: dict[str, Sequence[int]] = field(default_factory=dict)
    """Per subscription with usage in the window: the positions (in ``usage``) of its rows
    of the months its association counts, in order."""
    consumption: dict[str, Decimal] = field(default_factory=dict)
    revenue: dict[str, Decimal] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)
    """Per credited subscription of a workload whose figure some measure reads."""

    @classmethod
    def of(
        cls,
        facts: Facts,
        as_of: date,
        needed: Mapping[Workload, set[MeasureKind]],
        read_by: Mapping[Workload, AbstractSet[Association]] | None = None,
    ) -> UsageTotals:
        """One pass over the usage of ``facts`` for the windows of ``as_of``.

        ``needed`` names, per workload, the measures the catalogue reads;
        ``read_by``, per workload, the associations through which some measure
        reads its subscriptions' usage (None: every association): the usage of
        other subscriptions is neither credited nor added up, as no figure reads it.
        """
        current = Month.of(as_of).index
        first, last = current - 12, current - 1
        by_workload: dict[Workload, list[int]] = {workload: [] for workload in Workload}
        usage = facts.usage
        # As held: the subscription ids are grouped as stored and only each run's looked up,
        # the money converted when first read, of the rows added up only.
        usage_columns = usage.held_columns
        months = usage_columns.month
        # The window's rows grouped by subscription (as an organisation's usage mostly is
        # stored): each subscription's rows are one run, credited as the loop meets it.
        inside = usage.positions_in(first, last)
        runs = None if inside is not None else _runs_by_subscription(usage_columns.subscription)
        credited: dict[str, Sequence[int]] = {}
        # Otherwise, per subscription (not a trial): the first and last month index of the
        # window in which its association was in force, to find its credited rows after.
        spans: dict[str, tuple[int, int]] = {}
        # Read by column: no Subscription is made (the evidence makes those it names).
        columns = facts.subscriptions.columns
        ids, workloads = columns.id, columns.workload
        made_on, ended_on = columns.associated_on, columns.ended_on
        paid = {
            sub_id: at
            for at, sub_id, trial in zip(range(len(ids)), ids, columns.trial, strict=True)
            if not trial
        }
        association_of = columns.association
        for sub_id, at in paid.items():
            workload = workloads[at]
            by_workload[workload].append(at)
            # (Azure's consumption, say, is read through DPOR and transacting only.)
            if read_by is not None and association_of[at] not in read_by.get(workload, ()):
                continue
            rows = None if runs is None else runs.get(sub_id)
            if rows is None and runs is not None:
                continue  # no usage in the window
            made, ended = made_on[at], ended_on[at]
            # Month indexes by hand: this runs once per subscription of the organisation.
            # (and no min/max calls: a conditional is a third of the cost).
            begin = made.year * 12 + made.month - (1 if made.day == 1 else 0)
            begin = first if begin < first else begin
            stop = last if ended is None else ended.year * 12 + ended.month - 1
            stop = last if stop > last else stop
            if begin > stop:
                continue
            if rows is None:
                spans[sub_id] = (begin, stop)
            elif begin > first or stop < last:
                # Associated during the window, or ended in it: only the months in force.
                in_force = [row for row in rows if begin <= months[row] <= stop]
                # Mostly one stretch of the run (its months in order): kept as a range, no
                # list kept per subscription for the collector to count (and summed as a slice).
                credited[sub_id] = (
                    range(in_force[0], in_force[-1] + 1)
                    if in_force and in_force[-1] - in_force[0] == len(in_force) - 1
                    else in_force
                )
            else:
                credited[sub_id] = rows
        totals = cls(
            as_of=as_of,
            window=(Month.from_index(first), Month.from_index(last)),
            latest=Month.from_index(last),
            usage=usage,
            needed=needed,
            subscriptions=facts.subscriptions,
            by_workload=by_workload,
        )
        totals.credited = (
            credited if runs is not None else _credited_positions(usage, inside, spans, first, last)
        )
        totals._add_up(None)
        return totals

    def _add_up(self, only: set[str] | None) -> None:
        """The figures of the credited subscriptions (``only`` those), from their rows: each
        figure for the subscriptions of the workloads whose measures read it."""
        columns, credited = self.usage.held_columns, self.credited
        months, last = columns.month, self.latest
        ids = self.subscriptions.columns.id
        for workload, subs in self.by_workload.items():
            kinds = self.needed.get(workload, _NOTHING)
            keys = [ids[at] for at in subs if ids[at] in credited]
            if only is not None:
                keys = [key for key in keys if key in only]
            if MeasureKind.CONSUMPTION_USD in kinds:
                self._add_money(columns.consumption_usd, keys, self.consumption)
            if MeasureKind.REVENUE_USD in kinds:
                self._add_money(columns.revenue_usd, keys, self.revenue)
            if MeasureKind.ACTIVE_USERS in kinds:
                users = columns.active_users
                for key in keys:
                    rows = credited[key]
                    self.users[key] = (
                        _run_users(users, months, rows, last)
                        if type(rows) is range
                        else sum([users[at] for at in rows if months[at] == last])
                    )

    def _add_money(
        self, figures: Sequence[Decimal], keys: list[str], into: dict[str, Decimal]
    ) -> None:
        """Each subscription's sum of ``figures`` (consumption or revenue) over its credited
        rows, into ``into``: one sum in C per subscription, over a slice of its run (only
        those values converted, when the loader left the column to be converted when first
        read), else over its positions (the column converted whole)."""
        credited = self.credited
        stored, convert = (
            figures.parts() if isinstance(figures, ConvertedColumn) else (figures, iter)
        )
        get: Callable[[int], Decimal] | None = None
        for key in keys:
            rows = credited[key]
            if type(rows) is range:
                into[key] = sum(convert(stored[rows.start : rows.stop]), _ZERO)
                continue
            if get is None:
                whole = figures.values() if isinstance(figures, ConvertedColumn) else figures
                get = whole.__getitem__
            into[key] = sum(map(get, rows), _ZERO)

    def with_rows_replaced(self, usage: UsageRows, changed: list[int]) -> UsageTotals | None:
        """These totals for ``usage``, whose rows at the ``changed`` positions replace these
        totals' rows there (an edit of their figures), equal to ``of`` over the changed facts;
        None when a row moved to another subscription or month: compute them anew."""
        before, after = self.usage.held_columns, usage.held_columns
        if len(usage) != len(self.usage):
            return None
        keys = set()
        for at in changed:
            key = before.subscription[at]
            if after.subscription[at] != key or after.month[at] != before.month[at]:
                return None
            if key in self.credited:
                keys.add(key)
        updated = copy.copy(self)
        updated.usage = usage
        updated.consumption = dict(self.consumption)
        updated.revenue = dict(self.revenue)
        updated.users = dict(self.users)
        # The same subscription keeps the same months: the same rows count, with new figures.
        updated._add_up(keys)
        return updated


def _credited_positions(
    usage: UsageRows,
    inside: Sequence[int] | None,
    spans: Mapping[str, tuple[int, int]],
    first: int,
    last: int,
) -> dict[str, Sequence[int]]:
    """Per subscription of ``spans`` with rows in the months ``first`` to ``last`` (at the
    positions ``inside``; None: every row): the positions of its rows in the months of its
    span, for rows not grouped by subscription or some outside the window
    (``UsageTotals.of`` credits grouped ones run by run)."""
    columns = usage.columns  # each row's subscription read by position
    months = columns.month
    positions: Iterable[int] = range(len(months))
    keys: Iterable[str] = columns.subscription
    if inside is not None:
        # Rows outside the window (facts not loaded for the day): the window's rows alone.
        positions, keys = inside, map(columns.subscription.__getitem__, inside)
    found: dict[str, list[int]] = {key: [] for key in spans}
    # One appending function per subscription, looked up by the row's subscription;
    # rows of others (trials, unknown, outside their span entirely) go to a list dropped.
    append = {key: rows.append for key, rows in found.items()}.get
    dropped: list[int] = []
    drop = dropped.append
    for at, key in zip(positions, keys, strict=True):
        append(key, drop)(at)
    credited: dict[str, Sequence[int]] = {}
    for key, rows in found.items():
        if not rows:
            continue
        begin, stop = spans[key]
        # Associated during the window, or ended in it: only the months in force.
        partial = begin > first or stop < last
        credited[key] = [at for at in rows if begin <= months[at] <= stop] if partial else rows
    return credited


def _run_users(users: Sequence[int], months: Sequence[int], rows: range, last: int) -> int:
    """The active users of the month ``last`` in a run of rows ``rows``."""
    start, stop = rows.start, rows.stop
    in_run = months[start:stop]
    # Mostly one row a month: that row found in C, without a test per row.
    found = in_run.count(last)
    if found == 1:
        return users[start + in_run.index(last)]
    if not found:
        return 0
    return sum(compress(users[start:stop], map(eq, in_run, repeat(last))))


def _runs_by_subscription(keys: Sequence[str]) -> dict[str, range] | None:
    """Each subscription's rows as one run of positions, when the rows come grouped by
    subscription (as an organisation's usage is mostly stored: a subscription's months
    together); None when some subscription's rows lie in several runs.

    ``groupby`` compares neighbours in C, so grouping 12,000 rows takes a step per
    subscription instead of one per row. Ids a loader looks up when first read
    (``ConvertedColumn``) are grouped as stored (one stored id, one external id) and
    only each run's looked up.
    """
    stored, named = keys.parts() if isinstance(keys, ConvertedColumn) else (keys, None)
    grouped: dict[Any, range] = {}
    start = 0
    for key, rows in groupby(stored):
        if key in grouped:
            return None  # met again in a later run: the rows are not grouped
        stop = start + len(list(rows))
        grouped[key] = range(start, stop)
        start = stop
    if named is None:
        return grouped
    runs = dict(zip(named(tuple(grouped)), grouped.values(), strict=True))
    # Two stored ids of one external id (each run one id): its rows in several runs.
    return runs if len(runs) == len(grouped) else None


@dataclass(frozen=True, slots=True)
class MeasureResult:
    """What one measure found: the figure and the facts behind it (the same at every level)."""

    measure: Measure
    have: Decimal
    evidence: Sequence[Evidence]


def measure_result(measure: Measure, performance: Performance, usage: UsageTotals) -> MeasureResult:
    """The figure of one measure for the as-of day of ``usage``."""
    # A tuple, not the frozenset: membership by identity skips hashing enum members.
    accepted = tuple(performance.associations)
    # The subscriptions by position, read by column (a record only for the evidence).
    rows = usage.subscriptions
    columns = rows.columns
    ids, association_of = columns.id, columns.association
    subscriptions = [
        at for at in usage.by_workload.get(measure.workload, ()) if association_of[at] in accepted
    ]
    if measure.kind is MeasureKind.NEW_CUSTOMERS:
        return _new_customers(measure, subscriptions, usage)
    unit = measure.unit
    # The figure is added up in C over the subscriptions' ids (one without a figure adds
    # nothing); the (position, share) pairs are made only for the evidence, when read.
    keys = list(map(ids.__getitem__, subscriptions))
    # The evidence is a partial of a module function, not a closure: one object kept with
    # the result instead of a function and a cell per name it reads (fewer objects for the
    # collector to count and walk while the facts are young).
    if measure.kind is MeasureKind.ACTIVE_USERS:
        users = usage.users
        # Whole numbers: their sum as one Decimal is the sum of their Decimals, exactly.
        have = Decimal(sum(map(users.get, keys, repeat(0))))
        build = partial(_figure_evidence, rows, subscriptions, keys, users, unit)
    else:
        sums = usage.consumption if measure.kind is MeasureKind.CONSUMPTION_USD else usage.revenue
        # Each subscription's figure added up once (``UsageTotals``): the same sum as over
        # every row, exactly (Decimal; a 0 added for one without usage changes no digit).
        have = sum(map(sums.get, keys, repeat(_ZERO)), _ZERO)
        build = partial(_figure_evidence, rows, subscriptions, keys, sums, unit)
    return MeasureResult(measure, have, LazyEvidence(build))


def _figure_evidence(
    rows: SubscriptionRows,
    subscriptions: list[int],
    keys: list[str],
    figures: Mapping[str, int | Decimal],
    unit: str,
) -> list[Evidence]:
    """The evidence of an active-users, consumption or revenue figure: each subscription (at
    its position, with its id in ``keys``) with a figure (users as a Decimal; a Decimal share
    kept as it is)."""
    shares = [
        (at, Decimal(figures[key]))
        for at, key in zip(subscriptions, keys, strict=True)
        if figures.get(key)
    ]
    return _subscription_evidence(rows, shares, unit)


def _subscription_evidence(
    rows: SubscriptionRows, shares: list[tuple[int, Decimal]], unit: str
) -> list[Evidence]:
    """Each subscription's share of a figure (by its position in ``rows``), the largest first."""
    amounts: list[tuple[Subscription, Decimal]] = [(rows[at], amount) for at, amount in shares]
    items = [
        Evidence(
            subject=f"{sub.id} ({sub.customer})",
            detail=f"{figure(amount, unit)} ({sub.association.value})",
            amount=amount,
            subscription=sub.id,
            customer=sub.customer,
            association=sub.association,
        )
        for sub, amount in amounts
    ]
    items.sort(key=_largest_first)
    return items


def _largest_first(item: Evidence) -> tuple[Decimal, str]:
    return -(item.amount or _ZERO), item.subject


def _new_customers(measure: Measure, subscriptions: list[int], usage: UsageTotals) -> MeasureResult:
    start, end = usage.window
    begin, stop = start.first_day, end.plus(1).first_day
    rows = usage.subscriptions
    columns = rows.columns
    customers, started_on, associated_on = (
        columns.customer,
        columns.started_on,
        columns.associated_on,
    )
    first_of: dict[str, int] = {}
    for at in subscriptions:
        # Not retroactive: an association made after the window earns nothing in it.
        if associated_on[at] >= stop:
            continue
        customer = customers[at]
        known = first_of.get(customer)
        if known is None or started_on[at] < started_on[known]:
            first_of[customer] = at
    # By customer (one subscription each): positions never compared.
    found = sorted(
        (customer, at) for customer, at in first_of.items() if begin <= started_on[at] < stop
    )

    def build() -> list[Evidence]:
        new = [(customer, rows[at]) for customer, at in found]
        return [
            Evidence(
                subject=customer,
                detail=_("first subscription {subscription} started {day}").format(
                    subscription=sub.id, day=day(sub.started_on)
                ),
                amount=Decimal(1),
                subscription=sub.id,
                customer=customer,
                association=sub.association,
                on=sub.started_on,
            )
            for customer, sub in new
        ]

    return MeasureResult(measure, Decimal(len(found)), LazyEvidence(build))


def _window_text(measure: Measure, usage: UsageTotals) -> str:
    if measure.window is Window.LATEST_MONTH:
        return _("in {month}").format(month=month_and_year(usage.latest))
    return _("in the 12 months to {month}").format(month=month_and_year(usage.window[1]))


def _part(
    result: MeasureResult,
    performance: Performance,
    level: Level,
    market: Market,
    usage: UsageTotals,
) -> StepProgress:
    measure = result.measure
    need = measure.need(level, market)
    met = result.have >= need
    short = need - result.have
    through = associations(performance.associations)

    def amount(value: Decimal) -> str:
        # Money carries its unit; counts read better with the measure's own words.
        return money(value) if measure.unit == "USD" else number(value)

    where = _("with {associations} association {window}").format(
        associations=through, window=_window_text(measure, usage)
    )
    description = f"{amount(need)} {measure.description} {where}"
    missing: tuple[str, ...] = ()
    if not met:
        missing = (
            _("{amount} more {measure} {where}").format(
                amount=amount(short), measure=counted(short, measure.description), where=where
            ),
        )
    notes = tuple(
        with_source(note, source)
        for note, source in ((measure.note, measure.source), (performance.note, performance.source))
        if note
    )
    return StepProgress(
        step=StepKind.PERFORMANCE,
        met=met,
        have=result.have,
        need=need,
        unit=measure.unit,
        description=description,
        evidence=result.evidence,
        missing=missing,
        notes=notes,
    )


def performance_step(
    results: tuple[MeasureResult, ...],
    performance: Performance,
    level: Level,
    market: Market,
    usage: UsageTotals,
) -> StepProgress:
    """Step 1 at one level: one measure as it is, several as parts that must all be met."""
    parts = tuple(_part(result, performance, level, market, usage) for result in results)
    if len(parts) == 1:
        return parts[0]
    met_count = sum(1 for part in parts if part.met)
    return StepProgress(
        step=StepKind.PERFORMANCE,
        met=met_count == len(parts),
        have=Decimal(met_count),
        need=Decimal(len(parts)),
        unit="measures",
        description=_(" and ").join(part.description for part in parts),
        evidence=LazyEvidence(lambda: [item for part in parts for item in part.evidence]),
        missing=tuple(sentence for part in parts for sentence in part.missing),
        parts=parts,
        notes=tuple(dict.fromkeys(note for part in parts for note in part.notes)),
    )
