"""Step 1, sales performance: usage credited through accepted associations, in whole-month windows.

``UsageTotals`` makes one pass over the usage of an organisation and keeps,
per subscription, what the windows of the as-of day hold; each measure of
each option then only walks the subscriptions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from mpn_desktop.domain.catalog import Measure, MeasureKind, Performance, Window
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Level, Market, StepKind, Workload
from mpn_desktop.domain.facts import Facts, Subscription
from mpn_desktop.domain.progress import Evidence, StepProgress
from mpn_desktop.domain.wording import associations, figure, money, number, with_source

_ZERO = Decimal(0)


def usage_window_start(as_of: date) -> Month:
    """The first month of usage any rule reads on ``as_of``: a loader may skip older months."""
    return Month.of(as_of).plus(-12)


def _first_month_in_force(day: date) -> int:
    """The first month whose first day is on or after the day the association was made."""
    month = Month.of(day).index
    return month if day.day == 1 else month + 1


@dataclass(slots=True)
class UsageTotals:
    """Per subscription: consumption and revenue of the 12-month window, users of the latest month.

    Only months in which the subscription's association was in force on the
    first day count; trial subscriptions never do. Only the figures some
    measure of the catalogue reads are added up (Azure consumption, CRM
    revenue, ...), which keeps the one pass over the usage short.
    """

    as_of: date
    window: tuple[Month, Month]
    latest: Month
    subscriptions: dict[str, Subscription]
    consumption: dict[str, Decimal] = field(default_factory=dict)
    revenue: dict[str, Decimal] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)
    by_workload: dict[Workload, list[Subscription]] = field(default_factory=dict)

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
        by_workload: dict[Workload, list[Subscription]] = {}
        for item in paid.values():
            by_workload.setdefault(item.workload, []).append(item)
        spans: dict[str, tuple[int, int, bool, bool, bool]] = {}
        for sub in paid.values():
            kinds = needed.get(sub.workload, set())
            end = Month.of(sub.ended_on).index if sub.ended_on is not None else last
            spans[sub.id] = (
                max(first, _first_month_in_force(sub.associated_on)),
                min(last, end),
                MeasureKind.CONSUMPTION_USD in kinds,
                MeasureKind.REVENUE_USD in kinds,
                MeasureKind.ACTIVE_USERS in kinds,
            )
        consumption: dict[str, Decimal] = {}
        revenue: dict[str, Decimal] = {}
        users: dict[str, int] = {}
        # The hot loop of the engine: the window test first, as it drops most rows.
        for usage in facts.usage:
            month = usage.month
            index = month.year * 12 + month.month - 1
            if index < first or index > last:
                continue
            key = usage.subscription
            span = spans.get(key)
            if span is None or index < span[0] or index > span[1]:
                continue
            if span[2]:
                consumption[key] = consumption.get(key, _ZERO) + usage.consumption_usd
            if span[3]:
                revenue[key] = revenue.get(key, _ZERO) + usage.revenue_usd
            if span[4] and index == last:
                users[key] = users.get(key, 0) + usage.active_users
        return cls(
            as_of=as_of,
            window=(Month.from_index(first), Month.from_index(last)),
            latest=Month.from_index(last),
            subscriptions=paid,
            consumption=consumption,
            revenue=revenue,
            users=users,
            by_workload=by_workload,
        )


@dataclass(frozen=True, slots=True)
class MeasureResult:
    """What one measure found: the figure and the facts behind it (the same at every level)."""

    measure: Measure
    have: Decimal
    evidence: tuple[Evidence, ...]


def measure_result(measure: Measure, performance: Performance, usage: UsageTotals) -> MeasureResult:
    """The figure of one measure for the as-of day of ``usage``."""
    # A tuple, not the frozenset: membership by identity skips hashing enum members.
    accepted = tuple(performance.associations)
    subscriptions = [
        sub for sub in usage.by_workload.get(measure.workload, ()) if sub.association in accepted
    ]
    if measure.kind is MeasureKind.NEW_CUSTOMERS:
        return _new_customers(measure, subscriptions, usage)
    evidence: list[Evidence] = []
    have = _ZERO
    if measure.kind is MeasureKind.CONSUMPTION_USD:
        totals: Mapping[str, Decimal | int] = usage.consumption
    elif measure.kind is MeasureKind.REVENUE_USD:
        totals = usage.revenue
    else:
        totals = usage.users
    unit = measure.unit
    for sub in subscriptions:
        amount = Decimal(totals.get(sub.id, 0))
        if amount:
            have += amount
            evidence.append(
                Evidence(
                    subject=f"{sub.id} ({sub.customer})",
                    detail=f"{figure(amount, unit)} ({sub.association.value})",
                    amount=amount,
                )
            )
    evidence.sort(key=_largest_first)
    return MeasureResult(measure, have, tuple(evidence))


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
    evidence = [
        Evidence(
            subject=customer,
            detail=f"first subscription {sub.id} started {sub.started_on.isoformat()}",
            amount=Decimal(1),
        )
        for customer, sub in sorted(first_of.items())
        if begin <= sub.started_on < stop
    ]
    return MeasureResult(measure, Decimal(len(evidence)), tuple(evidence))


def _window_text(measure: Measure, usage: UsageTotals) -> str:
    if measure.window is Window.LATEST_MONTH:
        return f"in {usage.latest}"
    return f"in the 12 months to {usage.window[1]}"


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

    where = f"with {through} association {_window_text(measure, usage)}"
    description = f"{amount(need)} {measure.description} {where}"
    missing: tuple[str, ...] = ()
    if not met:
        missing = (f"{amount(short)} more {measure.description} {where}",)
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
        description=" and ".join(part.description for part in parts),
        evidence=tuple(item for part in parts for item in part.evidence),
        missing=tuple(sentence for part in parts for sentence in part.missing),
        parts=parts,
        notes=tuple(dict.fromkeys(note for part in parts for note in part.notes)),
    )
