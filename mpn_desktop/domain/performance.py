"""Step 1, sales performance: usage credited through accepted associations, in whole-month windows.

``UsageTotals`` makes one pass over the usage of an organisation and keeps,
per subscription, what the windows of the as-of day hold; each measure of
each option then only walks the subscriptions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import chain
from operator import attrgetter, itemgetter

from mpn_desktop.domain.catalog import Measure, MeasureKind, Performance, Window
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Level, Market, StepKind, Workload
from mpn_desktop.domain.evidence import Evidence, LazyEvidence
from mpn_desktop.domain.facts import Facts, Subscription, Usage
from mpn_desktop.domain.progress import StepProgress
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
_CONSUMPTION = attrgetter("consumption_usd")
_REVENUE = attrgetter("revenue_usd")
_AMOUNT = itemgetter(1)


def usage_window_start(as_of: date) -> Month:
    """The first month of usage any rule reads on ``as_of``: a loader may skip older months."""
    return Month.of(as_of).plus(-12)


@dataclass(slots=True)
class UsageTotals:
    """Per subscription: its usage months of the 12-month window, and users of the latest month.

    Only months in which the subscription's association was in force on the
    first day count; trial subscriptions never do. Users are added up only for
    the workloads some measure of the catalogue counts users of; amounts are
    added up by each measure over all of its subscriptions at once.
    """

    as_of: date
    window: tuple[Month, Month]
    latest: Month
    rows: dict[str, list[Usage]] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)
    by_workload: dict[Workload, list[Subscription]] = field(default_factory=dict)
    months: dict[str, list[Usage]] = field(default_factory=dict)
    """Per subscription (not a trial): every usage row of the window's months, in order."""
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per subscription: the first and last month index in which its association counts."""

    @classmethod
    def of(
        cls, facts: Facts, as_of: date, needed: Mapping[Workload, set[MeasureKind]]
    ) -> UsageTotals:
        """One pass over the usage of ``facts`` for the windows of ``as_of``.

        ``needed`` names, per workload, the measures the catalogue reads.
        """
        current = Month.of(as_of).index
        first, last = current - 12, current - 1
        paid = {item.id: item for item in facts.subscriptions if not item.trial}
        by_workload: dict[Workload, list[Subscription]] = {workload: [] for workload in Workload}
        # Per subscription: the months of the window in which its association was in force.
        spans: dict[str, tuple[int, int]] = {}
        for sub in paid.values():
            by_workload[sub.workload].append(sub)
            made, ended = sub.associated_on, sub.ended_on
            # Month indexes by hand: this runs once per subscription of the organisation.
            # (and no min/max calls: a conditional is a third of the cost).
            begin = made.year * 12 + made.month - (1 if made.day == 1 else 0)
            begin = first if begin < first else begin
            stop = last if ended is None else ended.year * 12 + ended.month - 1
            stop = last if stop > last else stop
            if begin <= stop:
                spans[sub.id] = (begin, stop)
        # The hot loop of the engine: only the window test (a month is an int), which
        # drops most rows; the rest is done per subscription below.
        months = frozenset(range(first, last + 1))
        window: defaultdict[str, list[Usage]] = defaultdict(list)
        for usage in facts.usage:
            if usage.month in months:
                window[usage.subscription].append(usage)
        in_force: dict[str, list[Usage]] = {}
        users: dict[str, int] = {}
        for workload, subs in by_workload.items():
            adds_users = MeasureKind.ACTIVE_USERS in needed.get(workload, _NOTHING)
            for sub in subs:
                key = sub.id
                span = spans.get(key)
                rows = window.get(key)
                if span is None or not rows:
                    continue
                begin, stop = span
                if begin > first or stop < last:
                    # Associated during the window, or ended in it: only the months in force.
                    rows = [row for row in rows if begin <= row.month <= stop]
                in_force[key] = rows
                if adds_users:
                    users[key] = sum([row.active_users for row in rows if row.month == last])
        return cls(
            as_of=as_of,
            window=(Month.from_index(first), Month.from_index(last)),
            latest=Month.from_index(last),
            rows=in_force,
            users=users,
            by_workload=by_workload,
            months=window,
            spans=spans,
        )

    def with_row_replaced(self, old: Usage, new: Usage) -> UsageTotals | None:
        """These totals after the usage row ``old`` became ``new`` (an edit of its figures),
        equal to ``of`` over the changed facts; None when the row moved to another
        subscription or month, or is not one of these totals' rows: compute them anew."""
        key = old.subscription
        if new.subscription != key or new.month != old.month:
            return None
        first, last = self.window[0].index, self.window[1].index
        if not first <= old.month.index <= last:
            return self  # outside the window: no figure reads it
        rows = self.months.get(key, [])
        at = next((position for position, row in enumerate(rows) if row is old), None)
        if at is None:
            return None
        changed = [*rows[:at], new, *rows[at + 1 :]]
        in_force, users = self.rows, self.users
        # The same subscription keeps the same months: it stays in (or out of) ``rows`` and
        # ``users``, at the same place, with its figures taken anew.
        if key in in_force:
            in_force = dict(in_force)
            kept = changed
            begin, stop = self.spans[key]
            if begin > first or stop < last:
                kept = [row for row in changed if begin <= row.month <= stop]
            in_force[key] = kept
            if key in users:
                users = {**users, key: sum([row.active_users for row in kept if row.month == last])}
        return UsageTotals(
            as_of=self.as_of,
            window=self.window,
            latest=self.latest,
            rows=in_force,
            users=users,
            by_workload=self.by_workload,
            months={**self.months, key: changed},
            spans=self.spans,
        )


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
    subscriptions = [
        sub for sub in usage.by_workload.get(measure.workload, ()) if sub.association in accepted
    ]
    if measure.kind is MeasureKind.NEW_CUSTOMERS:
        return _new_customers(measure, subscriptions, usage)
    unit = measure.unit
    if measure.kind is MeasureKind.ACTIVE_USERS:
        users = usage.users
        counts = [(sub, Decimal(users[sub.id])) for sub in subscriptions if users.get(sub.id)]
        have = sum(map(_AMOUNT, counts), _ZERO)

        def build() -> list[Evidence]:
            return _subscription_evidence(counts, unit)

    else:
        amount_of = _CONSUMPTION if measure.kind is MeasureKind.CONSUMPTION_USD else _REVENUE
        rows_of = usage.rows
        found = [rows_of[sub.id] for sub in subscriptions if sub.id in rows_of]
        # One sum over every month of every subscription: adding per subscription
        # is left to the evidence, which is written only when read.
        have = sum(map(amount_of, chain.from_iterable(found)), _ZERO)

        def build() -> list[Evidence]:
            amounts = (
                (sub, sum(map(amount_of, rows_of[sub.id]), _ZERO))
                for sub in subscriptions
                if sub.id in rows_of
            )
            return _subscription_evidence([pair for pair in amounts if pair[1]], unit)

    return MeasureResult(measure, have, LazyEvidence(build))


def _subscription_evidence(
    amounts: list[tuple[Subscription, Decimal]], unit: str
) -> list[Evidence]:
    """Each subscription's share of a figure, the largest first."""
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


def _new_customers(
    measure: Measure, subscriptions: list[Subscription], usage: UsageTotals
) -> MeasureResult:
    start, end = usage.window
    begin, stop = start.first_day, end.plus(1).first_day
    first_of: dict[str, Subscription] = {}
    for sub in subscriptions:
        # Not retroactive: an association made after the window earns nothing in it.
        if sub.associated_on >= stop:
            continue
        known = first_of.get(sub.customer)
        if known is None or sub.started_on < known.started_on:
            first_of[sub.customer] = sub
    new = sorted(
        (customer, sub) for customer, sub in first_of.items() if begin <= sub.started_on < stop
    )

    def build() -> list[Evidence]:
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

    return MeasureResult(measure, Decimal(len(new)), LazyEvidence(build))


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
