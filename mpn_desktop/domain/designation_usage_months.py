"""The usage a designation measures, month by month, for the Sales tab's chart and grid.

On a day under the Solutions Partner program the usage that counts is the
usage growth's: last month against the same month a year earlier, so the
window is the 13 months from the year-ago month to last month; where the
metric compares twelve months with the twelve before (Security's Azure part),
the window is those 24 months. The figure is
the one a designation's missing usage leads to (Azure consumption for the
Azure designations, active users for Modern Work, MCV's users for Business
Applications), read from the catalogue's usage-growth metric.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import (
    Designation,
    Measure,
    Metric,
    Part,
    Quantity,
    ScoredCatalog,
)
from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.requirement_tree import RequirementNode, RequirementTree
from mpn_desktop.domain.usage_figures import UsageFigures

WINDOW_MONTHS = 13
"""Last month and the twelve before it: the year-ago month growth compares against."""

Period = tuple[Month, Month]
"""The first and last month of a run of months (the same month for one month)."""

_GROWTH = (Measure.USAGE_GROWTH, Measure.USAGE_GROWTH_PERCENT)

_FIGURE_READ = {Quantity.MCV: "active_users", Quantity.ACTIVE_SHARE: "active_users"}
"""The monthly figure a computed quantity is made of (as a missing usage's lead reads it)."""


def figure_of(part: Part) -> str:
    """The usage figure a metric's part reads ("consumption_usd", "active_users")."""
    quantity = part.conditions[0].quantity if part.conditions else part.quantity
    return _FIGURE_READ.get(quantity, quantity.value)


@dataclass(frozen=True, slots=True)
class DesignationUsage:
    """A designation's usage figure over the months it measures, and the two compared."""

    designation_id: str
    designation: str
    """The designation's name."""
    metric_id: str
    metric: str
    """The metric's name ("Usage growth")."""
    figure: str
    months: tuple[Month, ...]
    amounts: tuple[Decimal, ...]
    compared: tuple[Period, Period]
    """The periods usage growth compares: the year-ago month and last month, or the
    twelve months before and the twelve ending last month."""
    credited: frozenset[str]
    """The subscriptions (ids) whose usage the metric counts."""

    def compared_months(self) -> tuple[Month, ...]:
        """Every month of the two compared periods, in order."""
        return tuple(
            month
            for first, last in self.compared
            for month in self.months
            if first <= month <= last
        )


def window_months(last: Month, count: int = WINDOW_MONTHS) -> tuple[Month, ...]:
    """The ``count`` months up to ``last``: 13 from the same month a year before, or 24."""
    return tuple(last.plus(offset - count + 1) for offset in range(count))


def compared_periods(part: Part, last: Month) -> tuple[Period, Period]:
    """The periods a usage-growth part compares, as the score reads them (``span``)."""
    span = 12 if part.compare_twelve_months else 1
    return (last.plus(-11 - span), last.plus(-12)), (last.plus(1 - span), last)


def _growth(designation: Designation, figure: str = "") -> tuple[Metric, Part] | None:
    """The designation's usage-growth metric and the part the chart draws: the first that
    reads ``figure`` (Security's protected users: "active_users"), else its first."""
    found: tuple[Metric, Part] | None = None
    for track in designation.tracks:
        for metric in track.metrics:
            for option in metric.options:
                for part in option:
                    if part.measure not in _GROWTH or (found and found[0] is not metric):
                        continue
                    if figure and figure_of(part) == figure:
                        return metric, part
                    found = found or (metric, part)
    return found


def charted_designations(
    catalog: ScoredCatalog, targeted: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    """The targeted designations whose usage growth can be charted: (id, name), in order."""
    found = (catalog.designation(designation_id) for designation_id in targeted)
    return tuple(
        (designation.id, designation.name)
        for designation in found
        if designation is not None and _growth(designation) is not None
    )


def designation_usage(
    catalog: ScoredCatalog,
    targeted: tuple[str, ...],
    facts: Facts | None,
    last: Month,
    figure: str = "",
) -> DesignationUsage | None:
    """The usage growth of the first targeted designation that measures one (None when
    none does), of its part that reads ``figure`` where it has one (else its first part);
    amounts are the figure month by month as the score counts it (zero without facts)."""
    for designation_id in targeted:
        designation = catalog.designation(designation_id)
        growth = _growth(designation, figure) if designation is not None else None
        if designation is None or growth is None:
            continue
        metric, part = growth
        compared = compared_periods(part, last)
        months = window_months(last, last.index - compared[0][0].index + 1)
        return DesignationUsage(
            designation.id,
            designation.name,
            metric.id,
            metric.name,
            figure_of(part),
            months,
            _amounts(part, catalog, facts, months),
            compared,
            _counted(part, facts),
        )
    return None


def growth_parts(
    catalog: ScoredCatalog, designation_id: str, facts: Facts | None, last: Month
) -> tuple[DesignationUsage, ...]:
    """Every part of the designation's usage growth, each as ``designation_usage`` gives it,
    in the catalogue's order (Security: its Azure consumption, then its protected users;
    their points are added up); () when it measures none."""
    designation = catalog.designation(designation_id)
    growth = _growth(designation) if designation is not None else None
    if growth is None:
        return ()
    metric = growth[0]
    figures = dict.fromkeys(
        figure_of(part) for option in metric.options for part in option if part.measure in _GROWTH
    )
    found = (designation_usage(catalog, (designation_id,), facts, last, f) for f in figures)
    return tuple(usage for usage in found if usage is not None)


def growth_missing(tree: RequirementTree | None, usage: DesignationUsage) -> tuple[str, ...]:
    """What the charted usage-growth metric still misses, in the scoring's words: the
    sentences about the figure charted first (Security's protected users, or its Azure
    consumption; a sentence that names no figure goes with them), then the others."""
    metric = _metric_node(tree, usage)
    if metric is None:
        return ()
    leads = metric.missing_leads or (None,) * len(metric.missing)
    charted = tuple(
        text
        for text, lead in zip(metric.missing, leads, strict=False)
        if lead is None or lead.figure == usage.figure
    )
    return charted + tuple(text for text in metric.missing if text not in charted)


def _metric_node(tree: RequirementTree | None, usage: DesignationUsage) -> RequirementNode | None:
    """The scored metric ``usage`` charts, as the evaluation found it (None: not scored)."""
    node = tree.requirement(usage.designation_id) if tree is not None else None
    if node is None:
        return None
    return next((found for found in node.walk() if found.id == usage.metric_id), None)


def part_missing(tree: RequirementTree | None, usage: DesignationUsage) -> tuple[str, ...]:
    """What the metric still misses of the figure ``usage`` charts alone (Security's
    protected users), in the scoring's words: its sentences that lead to that figure."""
    metric = _metric_node(tree, usage)
    if metric is None:
        return ()
    return tuple(
        text
        for text, lead in zip(metric.missing, metric.missing_leads, strict=False)
        if lead is not None and lead.figure == usage.figure
    )


def _counted(part: Part, facts: Facts | None) -> frozenset[str]:
    """The subscriptions of a workload and association the part counts, no trials (the
    grid marks their rows; which of their months count is ``_amounts``'s)."""
    if facts is None:
        return frozenset()
    return frozenset(
        sub.id
        for sub in facts.subscriptions
        if not sub.trial
        and sub.workload in part.scope.workloads
        and sub.association.value in part.scope.associations
    )


def _amounts(
    part: Part, catalog: ScoredCatalog, facts: Facts | None, months: tuple[Month, ...]
) -> tuple[Decimal, ...]:
    """The part's figure month by month as the metric reads it (``UsageFigures``, the
    score's own sums): no trials, no month before a subscription's association, only the
    services the part names."""
    if facts is None:
        return (Decimal(0),) * len(months)
    figures = UsageFigures(facts, catalog.rate_card)
    quantity = Quantity(figure_of(part))
    return tuple(figures.total(part.scope, quantity, (month,)) for month in months)
