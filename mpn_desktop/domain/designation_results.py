"""A designation's score as the scoring hands it out: parts, metrics, categories, tracks.

Plain records (``designation_score`` makes them, ``designation_missing`` and
``designation_way`` word what they miss, the tree, the JSON document, the panel and the
checklist read them).

Not ``frozen``: a frozen dataclass sets each field through ``object.__setattr__``, and one
evaluation makes about 130 of these (a ``MetricScore`` 2.7 against 6.9 µs); they hash and
compare by value all the same (``unsafe_hash``), and nothing may assign to one once made
(as ``designation_skilling.StepCount``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from mpn_desktop.domain.designation_measures import Measured
from mpn_desktop.domain.designation_usage_months import figure_of
from mpn_desktop.domain.designations import (
    Measure,
    Metric,
    Part,
    Quantity,
)
from mpn_desktop.domain.fraction_pairs import fraction_below
from mpn_desktop.domain.identity_memo import IdentityMemo
from mpn_desktop.domain.missing_lead import (
    Lead,
    LeadKind,
    first_association,
    first_workload,
)
from mpn_desktop.domain.qualification_window import (
    QualificationWindow,
)
from mpn_desktop.domain.skilling_holders import Holder

_ZERO = Fraction(0)


@dataclass(slots=True, unsafe_hash=True)
class PartScore:
    """One measured part of a metric."""

    label: str
    unit: str
    have: Decimal
    need: Decimal
    points: Fraction
    measured: Measured
    max_points: Fraction | None = None
    part: Part = field(kw_only=True)
    """The catalogue's part measured: what it measures (its kind), not only the unit's text."""

    @property
    def growth_in_percent(self) -> bool:
        """A growth in percent of the year-ago figure (``usage-growth-percent``): the
        cheapest way prices it through that base."""
        return self.part.measure is Measure.USAGE_GROWTH_PERCENT

    @property
    def in_amounts(self) -> bool:
        """Measured in amounts (percentage points of growth, US$), which the way states as
        exactly as the missing sentence does, not in whole things (customers, workloads,
        deployments, services, users), which it rounds up."""
        part = self.part
        if part.measure is Measure.USAGE_GROWTH_PERCENT:
            return True
        return part.measure is Measure.USAGE_GROWTH and part.quantity in _AMOUNTS


_AMOUNTS = frozenset({Quantity.CONSUMPTION_USD, Quantity.REVENUE_USD, Quantity.MCV})
"""The quantities a growth is an amount of, not a count: US$ of consumption or revenue, and
monthly consumption value (active users or capacity times the rate card's rate: "not a
dollar amount", SOLUTIONS-PARTNER.md § 1.5, but no whole thing either)."""


@dataclass(slots=True, unsafe_hash=True)
class MetricScore:
    """A metric's points with its figures, its evidence and what is missing."""

    id: str
    name: str
    category: str
    have: Decimal
    need: Decimal
    unit: str
    points: Fraction
    max_points: Fraction
    missing: tuple[str, ...]
    parts: tuple[PartScore, ...] = ()
    option: int = 0
    """Which alternative (association option) gave the points."""
    holders: Sequence[Holder] = ()
    """The people counted (skilling metrics): a tuple of ``Holder`` in behaviour, made only
    when read (``skilling_holders.Holders``)."""
    certification_names: tuple[tuple[str, str], ...] = ()
    """The holders' certifications by id and name, for people to read."""
    steps: tuple[tuple[str, int, int, bool], ...] = ()
    """Each prerequisite step: its certifications' names, holders, people needed, met."""
    step_points: tuple[Fraction, ...] = ()
    """What each prerequisite step is worth once met (the catalogue's: 4 on the SMB tracks,
    0 on Enterprise), in ``steps``' order."""
    note: str = ""
    leads: tuple[Lead | None, ...] = ()
    """Where each of ``missing`` leads (the form that adds it), in the same order."""
    per_person: Fraction = _ZERO
    """Points each person on the final list adds (skilling; 0: the metric counts no people)."""
    opened_by_steps: Fraction = _ZERO
    """Points the short prerequisite steps give once met (SMB tracks: 4 each; 0 on Enterprise)."""
    alternatives: Alternatives | None = None
    """Each option's score where one of several counts (association types) and the metric is
    short: the cheapest way prices every one (``cheapest_steps``)."""

    @property
    def lead(self) -> Lead | None:
        """Where the metric's first missing item leads (None: nowhere known)."""
        return next((lead for lead in self.leads if lead is not None), None)

    @property
    def met(self) -> bool:
        """Full points."""
        return not fraction_below(self.points, self.max_points)

    @property
    def gated(self) -> bool:
        """A prerequisite step is short: the final list's holders (``have``) score nothing yet."""
        return any(not met for *_rest, met in self.steps)


@dataclass(slots=True, unsafe_hash=True)
class Alternatives:
    """A metric's options (one association type counts): each one's score, by option, and the
    catalogue's metric, where a step on an option leads (made only for such a step)."""

    scores: tuple[MetricScore, ...]
    metric: Metric

    def lead(self, option: int, part: int) -> Lead:
        """Where a step on the option's part leads (its association)."""
        return usage_lead(self.metric, self.metric.options[option][part])


@dataclass(slots=True, unsafe_hash=True)
class CategoryScore:
    """A category's metrics and their points."""

    id: str
    name: str
    points: Fraction
    max_points: Fraction
    metrics: tuple[MetricScore, ...]


@dataclass(slots=True, unsafe_hash=True)
class TrackScore:
    """A designation scored on one track."""

    track: str | None
    score: Fraction
    categories: tuple[CategoryScore, ...]

    @property
    def metrics(self) -> tuple[MetricScore, ...]:
        """Every metric, category by category."""
        return tuple(m for c in self.categories for m in c.metrics)

    def qualifies(self, at: Fraction) -> bool:
        """At least the qualifying score, and every metric above zero (PCS22, PCS23)."""
        # A Fraction's sign is its numerator's (compared with 0 it goes through numbers'
        # abstract classes, for every metric of every track looked at).
        return not fraction_below(self.score, at) and all(
            m.points.numerator > 0 for m in self.metrics
        )


@dataclass(slots=True, unsafe_hash=True)
class DesignationScore:
    """A designation's score on the better track, whether it qualifies, what is missing."""

    id: str
    name: str
    target: bool
    best: TrackScore
    tracks: tuple[TrackScore, ...]
    qualifies_at: Fraction
    qualified: bool
    missing: tuple[str, ...]
    suggestion: tuple[str, ...]
    """The cheapest way to the qualifying score: one step after another."""
    window: QualificationWindow
    """The days on which a qualification counts (SOLUTIONS-PARTNER.md § 1.3) and whether
    one of them, up to the as-of day, qualified."""
    classified: str = ""
    """Why the better track is the one scored, where Partner Center picks it (the
    catalogue's classification, with the count it found); '' where the higher counts."""
    missing_leads: tuple[Lead | None, ...] = ()
    """Where each of ``missing`` leads, in the same order (the metric it is about)."""
    suggestion_leads: tuple[Lead | None, ...] = ()
    """Where each step of ``suggestion`` leads, in the same order."""

    @property
    def score(self) -> Fraction:
        """The better track's score."""
        return self.best.score


_LEADS: IdentityMemo[tuple[Metric, Part], Lead] = IdentityMemo(1024)
"""``usage_lead`` by the catalogue's metric and part (by identity; the catalogues in use are
few: at most 1,024 kept)."""


def usage_lead(metric: Metric, part: Part) -> Lead:
    """A performance metric counts new customers: Add customer, with the subscription's
    workload and association that count; the others count usage: its months, and what counts.

    Catalogue data alone: made once per metric and part (a frozen record, shared)."""
    return _LEADS.kept((metric, part), lambda: _usage_lead(metric, part))


def _usage_lead(metric: Metric, part: Part) -> Lead:
    kind = LeadKind.CUSTOMER if metric.category == "performance" else LeadKind.USAGE
    return Lead(
        kind,
        metric.id,
        metric.name,
        workload=first_workload(part.scope.workloads),
        association=first_association(part.scope.associations),
        note=part.label,
        figure=figure_of(part),
    )
