"""Step 1 month by month: what a measure credits in each month of its window, for a chart.

The figure of the performance step is one number for 12 months; a person
looks at it month by month. These are the same credited rows the step adds up
(``UsageTotals``: accepted associations in force, no trials), split by month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from mpn_desktop.domain.catalog import Catalog, Measure, MeasureKind, Option
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import Level, Market, StepKind
from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.performance import UsageTotals
from mpn_desktop.domain.progress import Progress

_FIELDS = {
    MeasureKind.CONSUMPTION_USD: "consumption_usd",
    MeasureKind.REVENUE_USD: "revenue_usd",
    MeasureKind.ACTIVE_USERS: "active_users",
}


@dataclass(frozen=True, slots=True)
class MonthlyFigures:
    """One measure's credited figure per month of the window, and what each level needs."""

    measure: Measure
    months: tuple[Month, ...]
    amounts: tuple[Decimal, ...]
    needs: tuple[tuple[Level, Decimal], ...]
    """Per level, what the measure needs: over the whole window for amounts, in the
    latest month for users (``per_month``)."""

    @property
    def usage_field(self) -> str:
        """The usage field the measure reads (consumption_usd, revenue_usd, active_users)."""
        return usage_field(self.measure)

    @property
    def per_month(self) -> bool:
        """Whether the need is a month's figure (users) rather than the window's sum."""
        return self.measure.kind is MeasureKind.ACTIVE_USERS


def usage_field(measure: Measure) -> str:
    """The usage field a monthly measure reads (consumption_usd, revenue_usd, active_users)."""
    return _FIELDS[measure.kind]


def measured_by_month(measure: Measure) -> bool:
    """Whether ``measure`` reads a usage figure that can be shown month by month."""
    return measure.kind in _FIELDS


def monthly_figures(
    facts: Facts, option: Option, measure: Measure, as_of: date, market: Market
) -> MonthlyFigures:
    """The credited figure of ``measure`` (of ``option``) in each of the 12 months before
    ``as_of``'s month."""
    usage = UsageTotals.of(facts, as_of, {measure.workload: {measure.kind}})
    first = Month.of(as_of).plus(-12)
    months = tuple(first.plus(offset) for offset in range(12))
    sums = dict.fromkeys(months, Decimal(0))
    accepted = option.performance.associations
    name = _FIELDS[measure.kind]
    columns = usage.usage.columns
    months_of, figures = columns.month, getattr(columns, name)
    # The workload's subscriptions by position (``UsageTotals`` reads them by column).
    subscriptions = usage.subscriptions.columns
    ids, association_of = subscriptions.id, subscriptions.association
    for sub in usage.by_workload.get(measure.workload, ()):
        if association_of[sub] not in accepted:
            continue
        for at in usage.credited.get(ids[sub], ()):
            month = months_of[at]
            if month in sums:
                sums[month] += Decimal(figures[at])
    needs = tuple(
        (level, measure.need(level, market))
        for level in (Level.SILVER, Level.GOLD)
        if level in measure.thresholds
    )
    return MonthlyFigures(measure, months, tuple(sums[month] for month in months), needs)


@dataclass(frozen=True, slots=True)
class ChartSubject:
    """What the usage chart is about: a targeted competency's option and its monthly measure,
    and at each level what its performance step still misses."""

    competency: str
    option: Option
    measure: Measure
    missing: tuple[tuple[Level, tuple[str, ...]], ...]
    credited: frozenset[str]
    """The subscriptions (ids) whose usage the step counts."""


def chart_subject(catalog: Catalog, progress: Progress) -> ChartSubject | None:
    """The first targeted competency whose option at its target level has a measure read
    month by month (consumption, revenue, users); None when none has."""
    for item in progress.targeted:
        if item.retired or item.target is None:
            continue
        target = item.level(item.target)
        competency = catalog.competency(item.id)
        option = next(
            (found for found in competency.options if found.id == target.option.option_id), None
        )
        if option is None:
            continue
        for position, measure in enumerate(option.performance.measures):
            if not measured_by_month(measure):
                continue
            missing = []
            credited: set[str] = set()
            for level in item.levels:
                step = level.option.step(StepKind.PERFORMANCE)
                if step is None:
                    continue
                # A step of several measures has a part per measure, in the option's order;
                # a level reached another way (its own option) is taken whole.
                same_option = level.option.option_id == option.id
                part = step.parts[position] if step.parts and same_option else step
                missing.append((level.level, part.missing))
                credited.update(
                    evidence.subscription for evidence in part.evidence if evidence.subscription
                )
                if level.level is item.target:
                    break
            return ChartSubject(item.name, option, measure, tuple(missing), frozenset(credited))
    return None
