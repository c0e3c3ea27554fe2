"""The partner capability score of each designation, with what is still missing.

``score_designations`` measures every metric of every track of every
designation on the as-of day, adds the points up exactly (fractions, no
rounding before the comparison with the qualifying score), keeps the better
track, and says what is missing in sentences beside the figures and the
tenants, services and people behind them (as data, never parsed back).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_measures import Measured, measure, part_points
from mpn_desktop.domain.designation_skilling import (
    Certified,
    count_skilling,
    fraction_sum,
    skilling_points,
)
from mpn_desktop.domain.designation_usage_months import figure_of
from mpn_desktop.domain.designations import (
    Certification,
    Designation,
    Listed,
    Metric,
    Part,
    ScoredCatalog,
    Track,
    track_title,
)
from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.missing_lead import (
    Lead,
    LeadKind,
    first_association,
    first_workload,
)
from mpn_desktop.domain.qualification_window import (
    QualificationWindow,
    WindowPlan,
    catalogue_end_days,
    days_to_score,
    plan_window,
)
from mpn_desktop.domain.skilling_holders import Holder, certifications_of
from mpn_desktop.domain.usage_figures import UsageFigures
from mpn_desktop.domain.vocabulary import Nn_, _, ngettext, npgettext
from mpn_desktop.domain.wording import PARTS_IN_POINTS, Figures, number, unit_of

_ZERO = Fraction(0)


@dataclass(frozen=True, slots=True)
class PartScore:
    """One measured part of a metric."""

    label: str
    unit: str
    have: Decimal
    need: Decimal
    points: Fraction
    measured: Measured
    max_points: Fraction | None = None


@dataclass(frozen=True, slots=True)
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
        return self.points >= self.max_points

    @property
    def gated(self) -> bool:
        """A prerequisite step is short: the final list's holders (``have``) score nothing yet."""
        return any(not met for *_rest, met in self.steps)


@dataclass(frozen=True, slots=True)
class Alternatives:
    """A metric's options (one association type counts): each one's score, by option, and the
    catalogue's metric, where a step on an option leads (made only for such a step)."""

    scores: tuple[MetricScore, ...]
    metric: Metric

    def lead(self, option: int, part: int) -> Lead:
        """Where a step on the option's part leads (its association)."""
        return _usage_lead(self.metric, self.metric.options[option][part])


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """A category's metrics and their points."""

    id: str
    name: str
    points: Fraction
    max_points: Fraction
    metrics: tuple[MetricScore, ...]


@dataclass(frozen=True, slots=True)
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
        return self.score >= at and all(m.points > 0 for m in self.metrics)


@dataclass(frozen=True, slots=True)
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


def last_month(as_of: date) -> Month:
    """The latest month the metrics count: the calendar month before the as-of day's."""
    return Month.of(as_of).plus(-1)


def usage_start(as_of: date) -> Month:
    """The first month of usage a scoring on the as-of day reads: twelve months against the
    twelve before, from the last month of the window's earliest day (six months back)."""
    return Month.of(as_of).plus(-31)


CatalogOn = Callable[[date], "ScoredCatalog | None"]
"""The catalogue in force on a day (None: none of this program), for a window's earlier days."""


def score_designations(
    catalog: ScoredCatalog,
    facts: Facts,
    as_of: date,
    targets: frozenset[str] = frozenset(),
    catalog_on: CatalogOn | None = None,
) -> tuple[DesignationScore, ...]:
    """Every designation of the catalogue scored on the as-of day, and whether it qualified on
    a day of its qualification window (earlier days scored with ``catalog_on``'s catalogue,
    else this one)."""
    scorers = _Scorers(facts, catalog, catalog_on)
    scorer = scorers.on(as_of, earlier=False)
    assert scorer is not None
    plan = plan_window(catalog, facts, as_of)
    return tuple(
        scorer.designation(d, d.id in targets, plan, scorers) for d in catalog.designations
    )


class _Scorers:
    """Scorers for the days of a window, sharing usage figures month by month."""

    def __init__(self, facts: Facts, catalog: ScoredCatalog, catalog_on: CatalogOn | None) -> None:
        self.facts = facts
        self.catalog = catalog
        self.catalog_on = catalog_on
        self._figures: dict[tuple[int, Month], UsageFigures] = {}
        self._catalogs: dict[int, ScoredCatalog] = {}
        # Every designation looks at the same days of the window: one scorer per day, and
        # the days worked out once.
        self._scorers: dict[tuple[int, date, date | None], _Scorer] = {}
        self._days: dict[tuple[date, date], list[date]] = {}
        self.ordered: dict[int, tuple[Track, list[tuple[Metric, int, int]], tuple[int, int]]] = {}
        """Each track's metrics in the order the window search measures them, and their
        maximum points added up."""
        self._ends_in_order = _end_days(catalog)
        """The days after which a certification, a list entry or a step minimum ends, in
        order."""

    def days(self, start: date, end: date) -> list[date]:
        """``days_to_score`` of the window's days, latest first (worked out once)."""
        found = self._days.get((start, end))
        if found is None:
            found = self._days[(start, end)] = days_to_score(start, end, self.facts, self.catalog)
        return found

    def ends_between(self, first: date, last: date) -> tuple[date, ...]:
        """The days from ``first`` to ``last`` that a certification, a list entry or a step
        minimum ends on, latest first (``days_to_score`` holds them all)."""
        ends = self._ends_in_order
        return ends[bisect_left(ends, first) : bisect_right(ends, last)][::-1]

    def hopeless_until(
        self, designation_id: str, first: date, last: date, start: date, until: date
    ) -> date | None:
        """A day from ``last`` on whose bound shows that no day from ``first`` to ``last`` (a
        month of the window from ``start`` to ``until``) after the last one a certification,
        a list entry or a step minimum ends on inside it can qualify; None when not shown
        this way.

        The bound counts everyone there on the window's first day and the certifications
        held on the first day from ``last`` on that something ends on (else ``until``): no
        skilling count of those days is higher (holders only come, nothing listed goes
        before then), and each usage metric is taken at its maximum. When it rules every
        track out, so would the month's own bound: one scorer answers for all the months up
        to an ending day, instead of one scorer per month (their usage not measured)."""
        ends = self._ends_in_order
        found = bisect_left(ends, last)
        upto = ends[found] if found < len(ends) and ends[found] < until else until
        catalog = self.catalog
        if catalog.windows and first < catalog.windows[0].effective_from:
            return None
        if self.catalog_on is not None and not (
            catalog.in_force_on(first) and catalog.in_force_on(upto)
        ):
            return None
        bound = self.on(upto, present_from=start)
        return upto if bound is not None and bound.skilling_rules_out(designation_id) else None

    def on(
        self, day: date, *, earlier: bool = True, present_from: date | None = None
    ) -> _Scorer | None:
        """The scorer of a day; None for an earlier day of the window before the designations
        opened or under no catalogue of the program (the as-of day is always scored)."""
        catalog = self.catalog
        if earlier and catalog.windows and day < catalog.windows[0].effective_from:
            return None
        if earlier and self.catalog_on is not None and not catalog.in_force_on(day):
            found = self.catalog_on(day)
            if found is None:
                return None
            catalog = found
        kept = self._scorers.get((id(catalog), day, present_from))
        if kept is not None:
            return kept
        last = last_month(day)
        key = (id(catalog), last)
        self._catalogs[id(catalog)] = catalog  # keeps the id valid while the key is used
        figures = self._figures.get(key)
        if figures is None:
            # Twelve months against the twelve before, from last month back: 24 months.
            figures = UsageFigures(self.facts, catalog.rate_card, (last.plus(-24), last))
            self._figures[key] = figures
        certified = Certified(self.facts, catalog.certifications, day, present_from)
        scorer = _Scorer(catalog, figures, certified, last, ordered=self.ordered)
        self._scorers[(id(catalog), day, present_from)] = scorer
        return scorer


_T = TypeVar("_T")


def _per_catalogue(
    kept: dict[int, tuple[ScoredCatalog, _T]],
    catalog: ScoredCatalog,
    make: Callable[[ScoredCatalog], _T],
) -> _T:
    """``make(catalog)``, kept in ``kept`` by the catalogue's identity (with the catalogue, so
    that its id stays its own; a handful are in use, at most 16 kept)."""
    found = kept.get(id(catalog))
    if found is None or found[0] is not catalog:
        if len(kept) >= 16:
            kept.clear()
        found = kept[id(catalog)] = (catalog, make(catalog))
    return found[1]


_SHARED: dict[int, tuple[ScoredCatalog, dict[int, Metric]]] = {}
"""Per catalogue: each metric's first equal one."""


def _shared_metrics(catalog: ScoredCatalog) -> dict[int, Metric]:
    """The first of the catalogue's equal metrics for each metric, by the metric's id."""
    return _per_catalogue(_SHARED, catalog, _first_equal_metrics)


def _first_equal_metrics(catalog: ScoredCatalog) -> dict[int, Metric]:
    first: dict[Metric, Metric] = {}
    return {
        id(metric): first.setdefault(metric, metric)
        for designation in catalog.designations
        for track in designation.tracks
        for metric in track.metrics
    }


_ENDS: dict[int, tuple[ScoredCatalog, tuple[date, ...]]] = {}
"""Per catalogue: ``catalogue_end_days`` in order, a walk of every list of every metric that
each evaluation asked again (and sorted)."""


def _end_days(catalog: ScoredCatalog) -> tuple[date, ...]:
    return _per_catalogue(_ENDS, catalog, lambda c: tuple(sorted(catalogue_end_days(c))))


class _Scorer:
    def __init__(
        self,
        catalog: ScoredCatalog,
        figures: UsageFigures,
        certified: Certified,
        last: Month,
        *,
        ordered: dict[int, tuple[Track, list[tuple[Metric, int, int]], tuple[int, int]]],
    ) -> None:
        """``ordered``: the window's ``_Scorers.ordered`` (the dict, not the scorers holding
        this scorer: no reference cycle, so that an evaluation's figures are freed as soon
        as it is done, not by the garbage collector)."""
        self.catalog = catalog
        self.figures = figures
        self.certified = certified
        self.last = last
        self._skilled: dict[object, object] = {}
        self._ordered = ordered
        self._ruled_out: dict[str, bool] = {}

    def scored_tracks(self, item: Designation) -> tuple[tuple[TrackScore, ...], TrackScore, str]:
        """Every track's score, the one that counts and why (where Partner Center picks it)."""
        tracks = tuple(self.track(t) for t in item.tracks)
        classified = ""
        if item.classification is not None:
            chosen, classified = classify(item, self.figures, self.last)
            picked = next((t for t in tracks if t.track == chosen), None)
            if picked is not None:
                return tracks, picked, classified
        # The higher area total counts, not metric by metric (MW26, SEC26, PCS23).
        best = max(tracks, key=lambda t: (t.score, _qualifies(t, self.catalog.qualifies_at)))
        return tracks, best, classified

    def qualifies(self, designation_id: str) -> bool:
        """Whether the designation qualifies on this scorer's day.

        Works out the points only (``scored_tracks`` picks the same track from the
        same points): an earlier day of the window needs no sentences or holders.
        """
        item = self.catalog.designation(designation_id)
        if item is None:
            return False
        at = self.catalog.qualifies_at
        known = {category.id for category in self.catalog.categories}
        # Whatever track counts must qualify itself: when none can, no usage of the month
        # past the first metric that rules a track out needs measuring.
        if not any(self._may_qualify(track, known, at) for track in item.tracks):
            return False
        scored = []
        for track in item.tracks:
            points = [self._points(m) for m in track.metrics if m.category in known]
            total = fraction_sum(points)
            scored.append((track.id, total, total >= at and all(p > 0 for p in points)))
        if item.classification is not None:
            chosen, _why = classify(item, self.figures, self.last)
            picked = next((t for t in scored if t[0] == chosen), None)
            if picked is not None:
                return picked[2]
        return max(scored, key=lambda t: (t[1], t[2]))[2]

    def skilling_rules_out(self, designation_id: str) -> bool:
        """Whether the day's skilling metrics alone keep every track from qualifying, each
        usage metric taken at its maximum (none measured; kept per designation)."""
        found = self._ruled_out.get(designation_id)
        if found is None:
            item = self.catalog.designation(designation_id)
            at = self.catalog.qualifies_at
            known = {category.id for category in self.catalog.categories}
            found = self._ruled_out[designation_id] = item is None or not any(
                self._may_qualify(track, known, at, skilling_only=True) for track in item.tracks
            )
        return found

    def _may_qualify(
        self, track: Track, known: set[str], at: Fraction, *, skilling_only: bool = False
    ) -> bool:
        """False when the track cannot qualify on this day: a metric scores nothing, or the
        points found so far with every other metric at its maximum fall short (with
        ``skilling_only``, the usage metrics at their maximum, not measured).

        The day's skilling metrics come first (a few people to count), then the usage ones
        (the month's figures to walk), each stopping the search once the track is ruled out.
        """
        ordered = self._ordered.get(id(track))
        if ordered is None or ordered[0] is not track:
            chosen = sorted(
                (m for m in track.metrics if m.category in known), key=lambda m: m.skilling is None
            )
            total = fraction_sum(m.max_points for m in chosen)
            ordered = self._ordered[id(track)] = (
                track,
                [(m, m.max_points.numerator, m.max_points.denominator) for m in chosen],
                (total.numerator, total.denominator),
            )
        _track, metrics, (bound, below) = ordered
        # The bound as a numerator over a positive denominator, compared with the qualifying
        # score by cross-multiplying: exact, without a Fraction (and its gcd) per metric.
        at_numerator, at_denominator = at.numerator, at.denominator
        for metric, most, most_below in metrics:
            if skilling_only and metric.skilling is None:
                break  # the usage metrics come last: at their maximum they lower no bound
            points = self._points(metric)
            numerator, denominator = points.numerator, points.denominator
            if numerator <= 0:
                return False
            # bound - (most / most_below - numerator / denominator)
            bound = (
                bound * most_below * denominator
                - most * below * denominator
                + numerator * below * most_below
            )
            below *= most_below * denominator
            if bound * at_denominator < at_numerator * below:
                return False
        return True

    def _points(self, metric: Metric) -> Fraction:
        if metric.skilling is None:
            return self._usage_points(metric)
        found = self._skilled.get(("points", id(metric)))
        if isinstance(found, tuple) and found[0] is metric:
            return found[1]  # type: ignore[no-any-return]
        points = skilling_points(metric.skilling, self.certified, metric.max_points)
        self._skilled[("points", id(metric))] = (metric, points)
        return points

    def _usage_points(self, metric: Metric) -> Fraction:
        """A usage metric's points alone, as ``metric`` works them out: the window's earlier
        days need no have/need figures or sentences (kept with the month's figures too)."""
        metric = _shared_metrics(self.catalog).get(id(metric), metric)
        memo = self.figures.memo
        found = memo.get(("metric", id(metric)))
        if isinstance(found, tuple) and found[0] is metric:
            return found[1].points  # type: ignore[no-any-return]
        found = memo.get(("points", id(metric)))
        if isinstance(found, tuple) and found[0] is metric:
            return found[1]  # type: ignore[no-any-return]
        most = metric.max_points
        points = max(
            min(
                most,
                fraction_sum(
                    part_points(part, measure(part, self.figures, self.last), most)
                    for part in parts
                ),
            )
            for parts in metric.options
        )
        memo[("points", id(metric))] = (metric, points)
        return points

    def designation(
        self, item: Designation, target: bool, plan: WindowPlan, scorers: _Scorers
    ) -> DesignationScore:
        tracks, best, classified = self.scored_tracks(item)
        at = self.catalog.qualifies_at
        qualified = _qualifies(best, at)
        as_of = self.certified.day
        missing, missing_leads = ((), ()) if qualified else _missing_with_leads(best, at)
        suggestion, suggestion_leads = ((), ()) if qualified else cheapest_way(best, at)
        return DesignationScore(
            id=item.id,
            name=item.name,
            target=target,
            best=best,
            tracks=tracks,
            qualifies_at=self.catalog.qualifies_at,
            qualified=qualified,
            missing=missing,
            suggestion=suggestion,
            window=plan.result(as_of, _qualified_on(item.id, qualified, plan, scorers)),
            classified=classified,
            missing_leads=missing_leads,
            suggestion_leads=suggestion_leads,
        )

    def track(self, track: Track) -> TrackScore:
        metrics = [self.metric(m) for m in track.metrics]
        categories = []
        for category in self.catalog.categories:
            chosen = tuple(m for m in metrics if m.category == category.id)
            if chosen:
                categories.append(
                    CategoryScore(
                        category.id,
                        category.name,
                        fraction_sum(m.points for m in chosen),
                        fraction_sum(m.max_points for m in chosen),
                        chosen,
                    )
                )
        return TrackScore(track.id, fraction_sum(c.points for c in categories), tuple(categories))

    def metric(self, metric: Metric) -> MetricScore:
        # Designations and tracks share metrics (equal ones written out in each): each is
        # scored once per day, and one measured from usage once per month (its figures'
        # memo), whatever day of the month asks.
        metric = _shared_metrics(self.catalog).get(id(metric), metric)
        memo = self.figures.memo if metric.skilling is None else self._skilled
        found = memo.get(("metric", id(metric)))
        if isinstance(found, tuple) and found[0] is metric:
            return found[1]  # type: ignore[no-any-return]
        if metric.skilling is not None:
            scored = self._skilling(metric)
        else:
            options = [self._option(metric, parts, i) for i, parts in enumerate(metric.options)]
            scored = max(options, key=lambda m: m.points)
            # What is missing said for the option that counts only (the others are dropped).
            sentences, leads = self._usage_missing(metric, scored)
            if sentences or leads:
                # The way prices every option of a metric short (one replace for both).
                alternatives = Alternatives(tuple(options), metric) if len(options) > 1 else None
                scored = replace(scored, missing=sentences, leads=leads, alternatives=alternatives)
        memo[("metric", id(metric))] = (metric, scored)
        return scored

    def _option(self, metric: Metric, parts: tuple[Part, ...], index: int) -> MetricScore:
        scored = []
        for part in parts:
            measured = measure(part, self.figures, self.last)
            points = part_points(part, measured, metric.max_points)
            need = Decimal(part.threshold.numerator) / Decimal(part.threshold.denominator)
            scored.append(
                PartScore(
                    part.label, part.unit, measured.value, need, points, measured, part.max_points
                )
            )
        points = min(metric.max_points, fraction_sum(p.points for p in scored))
        have, need, unit = _figures(scored, points, metric.max_points)
        return MetricScore(
            id=metric.id,
            name=metric.name,
            category=metric.category,
            have=have,
            need=need,
            unit=unit,
            points=points,
            max_points=metric.max_points,
            missing=(),
            parts=tuple(scored),
            option=index,
            note=metric.note,
        )

    def _usage_missing(
        self, metric: Metric, result: MetricScore
    ) -> tuple[tuple[str, ...], tuple[Lead | None, ...]]:
        if result.met:
            return (), ()
        sentences = []
        leads: list[Lead | None] = []
        parts = zip(result.parts, metric.options[result.option], strict=False)
        for index, (part, measured_part) in enumerate(parts):
            lead = _usage_lead(metric, measured_part)
            if part.measured.note:
                sentences.append(_capital(part.measured.note))
                leads.append(lead)
                continue
            priced = part_to_full(result, index)
            if priced is None:
                continue
            short, gain = priced
            label = f" ({part.label})" if part.label else ""
            # German's verb follows the count ("1 weiterer Kunde brächte").
            would_add = ngettext(
                "{more}{label} would add {points}", "{more}{label} would add {points}", short
            )
            more = _more(short, part.unit, labelled=bool(part.label))
            sentences.append(
                _capital(would_add.format(more=more, label=label, points=_points(gain)))
            )
            leads.append(lead)
        return tuple(sentences), tuple(leads)

    def _skilling(self, metric: Metric) -> MetricScore:
        rule = metric.skilling
        assert rule is not None
        counted = count_skilling(rule, self.certified, metric.max_points)
        names = self.catalog.certifications
        steps = tuple(
            (
                _names(names, s.step.certifications, self.certified.day),
                s.people,
                s.minimum,
                s.met,
            )
            for s in counted.steps
        )
        missing = []
        leads: list[Lead | None] = []
        for (step_names, have, need, met), step in zip(steps, counted.steps, strict=True):
            if not met:
                leads.append(self._certification_lead(metric, step.step.certifications))
                missing.append(
                    ngettext(
                        "{count} more person with {certifications} before the final step counts",
                        "{count} more people with {certifications} before the final step counts",
                        need - have,
                    ).format(count=need - have, certifications=step_names)
                )
        short = counted.need_people - len(counted.holders)
        if short > 0 and counted.points < metric.max_points:
            gain = min(metric.max_points - counted.points, rule.points_per_person * short)
            listed = _names(names, rule.certifications, self.certified.day)
            leads.append(self._certification_lead(metric, rule.certifications))
            missing.append(
                ngettext(
                    "{count} more person with {certifications} would add {points}",
                    "{count} more people with {certifications} would add {points}",
                    short,
                ).format(count=short, certifications=listed, points=_points(gain))
                + (_(" (once the steps above are met)") if counted.gated else "")
            )
        return MetricScore(
            id=metric.id,
            name=metric.name,
            category=metric.category,
            have=Decimal(len(counted.holders)),
            need=Decimal(counted.need_people),
            unit="people",
            points=counted.points,
            max_points=metric.max_points,
            missing=() if counted.points >= metric.max_points else tuple(missing),
            holders=counted.holders,
            certification_names=tuple(
                sorted(
                    (certification, names[certification].name)
                    # The few certifications first (thousands of holders hold them).
                    for certification in certifications_of(counted.holders)
                    if certification in names
                )
            ),
            steps=steps,
            note=metric.note,
            leads=() if counted.points >= metric.max_points else tuple(leads),
            per_person=rule.points_per_person,
            opened_by_steps=fraction_sum(s.step.points for s in counted.steps if not s.met),
        )

    def _certification_lead(self, metric: Metric, listed: tuple[Listed, ...]) -> Lead:
        """Add exam with the first exam of the first certification the list holds on the day."""
        day = self.certified.day
        for entry in listed:
            cert = self.catalog.certifications.get(entry.certification)
            if entry.on(day) and cert is not None and cert.exams and cert.exams[0]:
                return Lead(
                    LeadKind.CERTIFICATION,
                    metric.id,
                    metric.name,
                    code=cert.exams[0][0],
                    certification=cert.name,
                )
        return Lead(LeadKind.CERTIFICATION, metric.id, metric.name)


def _qualified_on(
    designation_id: str, qualified: bool, plan: WindowPlan, scorers: _Scorers
) -> date | None:
    """The latest day of the window, up to the as-of day, on which the designation qualified
    (the as-of day itself when it does; None when no day did, or the window opens later)."""
    as_of, start, until = plan.as_of, plan.start, plan.looked_until
    if start > until:
        return None
    if qualified and start <= as_of <= plan.end:
        return as_of
    month = Month.of(until)
    while month.plus(1).first_day > start:
        first = max(start, month.first_day)
        last = min(until, month.plus(1).first_day - timedelta(days=1))
        month = month.plus(-1)
        # Scored with everyone there on any day of the month: when even that falls short,
        # no day of the month after the last one something ends on inside it can qualify
        # (nor the bound's own day: scored with more people). The bound's day no longer
        # counts what ended before it, so the days up to that ending are scored one by one
        # (someone who leaves before a certification retires counts with it only then), as
        # are all the days on which a score can change in a month not ruled out.
        bounded = scorers.hopeless_until(designation_id, first, last, start, until)
        if bounded is None:
            bound = scorers.on(last, present_from=first)
            hopeless = bound is None or not bound.qualifies(designation_id)
            bounded = last if hopeless else None
        ends = scorers.ends_between(first, last)
        cut = last if bounded is None else next((d for d in ends if d != bounded), None)
        if cut is None:
            continue  # ruled out, and nothing ends inside the month
        # The days are worked out (a pass over the people) only for such a month.
        for day in (d for d in scorers.days(start, until) if first <= d <= cut):
            if day == as_of:
                continue
            scorer = scorers.on(day)
            if scorer is not None and scorer.qualifies(designation_id):
                return day
    return None


def classify(item: Designation, figures: UsageFigures, last: Month) -> tuple[str, str]:
    """The track Partner Center puts the partner in by its workloads (BA23, BA26): the count
    of tenant-workload pairs with more than the floor of revenue in last month and in the
    same month a year earlier, and the sentence saying so."""
    rule = item.classification
    assert rule is not None

    def pairs(month: Month) -> set[tuple[str, str]]:
        return {
            key
            for key, sums in figures.totals(rule.scope, month).items()
            if key[1] and Decimal(sums[1]) > rule.minimum_usd
        }

    count = len(pairs(last) & pairs(last.plus(-12)))
    track = rule.at_least if count >= rule.pairs else rule.otherwise
    return track, ngettext(
        "{track} track by Partner Center's classification: {count} workload with more than "
        "US$ {floor} of revenue in a customer tenant both in {month} and in {year_ago} "
        "({pairs} or more make Enterprise)",
        "{track} track by Partner Center's classification: {count} workloads with more than "
        "US$ {floor} of revenue in a customer tenant both in {month} and in {year_ago} "
        "({pairs} or more make Enterprise)",
        count,
    ).format(
        track=track_title(track),
        count=count,
        floor=number(rule.minimum_usd),
        month=last,
        year_ago=last.plus(-12),
        pairs=rule.pairs,
    )


def _figures(
    parts: list[PartScore], points: Fraction, max_points: Fraction
) -> tuple[Decimal, Decimal, str]:
    """A metric's have/need: its parts' figures added up when they share a unit (customers
    from Azure and Microsoft 365 alike, the fewest of them giving full points), else points."""
    units = {p.unit for p in parts}
    if len(units) == 1:
        have = sum(
            (max(p.have, Decimal(0)) if len(parts) > 1 else p.have for p in parts), Decimal(0)
        )
        return have, min(p.need for p in parts), units.pop()
    return _decimal(points), _decimal(max_points), PARTS_IN_POINTS


def _decimal(value: Fraction) -> Decimal:
    return round(Decimal(value.numerator) / Decimal(value.denominator), 2)


def _usage_lead(metric: Metric, part: Part) -> Lead:
    """A performance metric counts new customers: Add customer, with the subscription's
    workload and association that count; the others count usage: its months, and what counts."""
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


def _qualifies(track: TrackScore, at: Fraction) -> bool:
    return track.qualifies(at)


def _missing_with_leads(
    track: TrackScore, at: Fraction
) -> tuple[tuple[str, ...], tuple[Lead | None, ...]]:
    """The missing sentences (the metrics at zero first, each must score, then the others,
    largest gain first) and, for each, where it leads: a metric's sentence to that
    metric's form; the points still short to the metric that can give the most."""
    zero = [m for m in track.metrics if m.points <= 0]
    rest = sorted(
        (m for m in track.metrics if 0 < m.points < m.max_points),
        key=lambda m: m.points - m.max_points,
    )
    sentences: list[str] = []
    leads: list[Lead | None] = []
    if track.score < at:
        leads.append(_most_to_give(track))
        short, score = _short_and_score(track.score, at)
        sentences.append(
            _("{more} to reach {target} (the score is {score})").format(
                more=_more(short, "points"), target=shown_points(at), score=score
            )
        )
    # A metric's sentences are about it; the designation's list names the metric.
    for metric in (*zero, *rest):
        said = metric.missing or ((_("scores nothing yet"),) if metric in zero else ())
        sentences += [f"{metric.name}: {s}" for s in said]
        leads += [_lead_of(metric, index) for index in range(len(said))]
    return tuple(sentences), tuple(leads)


def _short_and_score(score: Fraction, at: Fraction) -> tuple[Decimal, str]:
    """The points still short of ``at`` and the score, written so that they add up to it: a
    score of one decimal as it is shown elsewhere, else both to two decimals, the score
    rounded down (the points short rounded up: they always reach ``at``). "7.04 more points
    (the score is 63)" read as 70.04."""
    target = Decimal(at.numerator) / Decimal(at.denominator)
    if (score * 10).denominator == 1:
        return target - Decimal(score.numerator) / Decimal(score.denominator), shown_points(score)
    floored = Decimal(score.numerator * 100 // score.denominator) / 100
    return target - floored, number(floored, 2)


def _lead_of(metric: MetricScore, index: int) -> Lead | None:
    """Where the metric's ``index``-th missing sentence leads (its first lead for another)."""
    return metric.leads[index] if index < len(metric.leads) else metric.lead


def _most_to_give(track: TrackScore) -> Lead | None:
    """The lead of the metric with the most points still to give (the first of equals)."""
    open_metrics = [m for m in track.metrics if m.points < m.max_points and m.lead is not None]
    if not open_metrics:
        return None
    return max(open_metrics, key=lambda m: m.max_points - m.points).lead


@dataclass(frozen=True, slots=True)
class WayStep:
    """One step of the cheapest way: what to add for one metric (or one part of it), in the
    unit the step counts, and the points it gives; as data (the test applies it to the facts)."""

    metric: str
    part: int
    """Which of the metric's parts the step adds to; -1: the metric's people (skilling)."""
    units: Decimal
    unit: str
    """``unit`` of the part, or "USD" where consumption must first reach a minimum."""
    gain: Fraction
    text: str
    lead: Lead | None
    step_people: tuple[int, ...] = ()
    """Skilling: the people each short prerequisite step still needs (0 for a met one)."""
    option: int = 0
    """Which of the metric's options (association types) ``part`` is of."""
    level: Decimal | None = None
    """The percentage growth to reach, where the step says it so (customers won in the way
    lower the growth by what they bring); None: ``units`` more."""


@dataclass(frozen=True, slots=True)
class Way:
    """The steps of the cheapest way and whether they bring the track to qualifying."""

    steps: tuple[WayStep, ...]
    reaches: bool
    """The steps give at least the qualifying score with every metric above zero."""


def cheapest_way(
    track: TrackScore, at: Fraction
) -> tuple[tuple[str, ...], tuple[Lead | None, ...]]:
    """The sentences of ``cheapest_steps`` and, for each, where it leads (its metric's form)."""
    way = cheapest_steps(track, at)
    return tuple(step.text for step in way.steps), tuple(step.lead for step in way.steps)


def cheapest_steps(track: TrackScore, at: Fraction) -> Way:
    """A way to qualify: first the least that lifts each metric at zero above it, then the
    most points per unit added, each priced as its rule gives it (SOLUTIONS-PARTNER.md
    § 1.2-1.7), never more than the step would give.

    A part below zero (more customers lost than added) needs the lost ones back before a
    point comes; usage growth under its twelve-month minimum is priced in consumption that
    reaches the minimum; a gate more usage now cannot lift (the year-ago month's, or no usage
    to grow from) is said with its missing sentence's reason and its metric left out. A metric
    gated by a short prerequisite step (§ 1.7) is opened by that step's people first: the final
    list's holders already counted give their points then, and only people beyond them are
    "more"."""
    metrics = track.metrics
    levers = [lever for metric in metrics for lever in _levers(metric)]
    blocked = [
        m for m in metrics if m.points <= 0 and not any(lever.metric is m for lever in levers)
    ]
    raw = {m.id: _raw_points(m) for m in metrics}
    score = track.score

    def take(lever: _Lever, wanted: Fraction) -> None:
        nonlocal score
        metric = lever.metric
        before = min(metric.max_points, raw[metric.id])
        raw[metric.id] += lever.add(wanted)
        score += min(metric.max_points, raw[metric.id]) - before

    def room(lever: _Lever) -> Fraction:
        metric = lever.metric
        return min(metric.max_points - min(metric.max_points, raw[metric.id]), lever.room())

    for metric in metrics:
        own = [lever for lever in levers if lever.metric is metric and room(lever) > 0]
        if metric.points <= 0 and own:
            # Any progress lifts a metric above zero; one point is the least worth naming.
            best = max(own, key=lambda lever: lever.worth(min(room(lever), lever.least())))
            take(best, min(room(best), best.least()))
    while score < at:
        open_levers = [lever for lever in levers if room(lever) > 0]
        if not open_levers:
            break
        best = max(open_levers, key=lambda lever: lever.worth(min(room(lever), at - score)))
        take(best, min(room(best), at - score))
    steps = [
        WayStep(
            m.id,
            -1,
            Decimal(0),
            m.unit,
            _ZERO,
            f"{m.name}: " + _blocked_text(m),
            m.lead,
        )
        for m in blocked
    ]
    # Customers won last month bring their usage into their own baseline (the reading
    # baseline-after-association), which lowers a percentage growth by what they bring, not
    # known here: with them in the way, a percentage growth step names the growth to reach.
    won = any(
        lever.taken and lever.metric.category == "performance" and lever.unit in _COUNTED_UNITS
        for lever in levers
    )
    for lever in levers:
        if lever.taken:
            steps.append(lever.step(won))
    qualifies = not blocked and all(min(m.max_points, raw[m.id]) > 0 for m in metrics)
    return Way(tuple(steps), qualifies and score >= at)


def _blocked_text(metric: MetricScore) -> str:
    """Why nothing added now lifts the metric: the reason its missing sentence gives (the
    gate a part's note names that more usage now cannot lift)."""
    for part in metric.parts:
        if part.measured.note and part.measured.short_of_minimum <= 0:
            return _(
                "nothing added now lifts it above zero ({reason}), so the designation cannot"
                " qualify this month, even with the other steps"
            ).format(reason=part.measured.note)
    return _(
        "nothing added now lifts it above zero (the month a year earlier falls short),"
        " so the designation cannot qualify this month, even with the other steps"
    )


def _raw_points(metric: MetricScore) -> Fraction:
    """The metric's points before its cap: its parts' added up (a metric without parts: its own)."""
    if metric.parts and metric.unit != "people":
        return fraction_sum(p.points for p in metric.parts)
    return metric.points


def part_to_full(metric: MetricScore, index: int) -> tuple[Decimal, Fraction] | None:
    """What the part ``index`` still needs for its full points, priced as the cheapest way
    prices it: the units to add (from its value, below zero too: customers lost come back
    first) and the points they add within what the metric can still take. None: nothing to
    add (the part is full, or a gate stops it: its note says which)."""
    lever = _part_lever(metric, index)
    if lever is None or lever.gate:
        return None
    units = lever.exact_units(lever.room())
    if units <= 0:
        return None
    gain = min(metric.max_points - metric.points, lever.points_at(units) - lever.held)
    return Decimal(units.numerator) / Decimal(units.denominator), gain


def _part_lead(metric: MetricScore, index: int) -> Lead | None:
    """Where the part's missing sentence leads: the scoring says one for each part that is
    short or gated, in order (``_Scorer._usage_missing``)."""
    said = sum(
        1
        for part in metric.parts[:index]
        if part.measured.note or part.need - max(part.have, Decimal(0)) > 0
    )
    return _lead_of(metric, said)


class _Lever:
    """What one more unit of one part (or one more person) of a metric gives, as its rule
    gives it: nothing until a gate is passed (the lost customers back, the twelve months'
    minimum, a prerequisite step), then ``per`` points a unit up to the part's maximum."""

    def __init__(
        self,
        metric: MetricScore,
        part: int,
        unit: str,
        *,
        start: Fraction,
        per: Fraction,
        cap: Fraction,
        held: Fraction,
        gate: Fraction = _ZERO,
        scale: Fraction = Fraction(1),
        opens: int = 0,
        option: MetricScore | None = None,
    ) -> None:
        self.metric = metric
        self.option = option or metric
        """The option (association type) whose part this is: the metric's own unless
        another option is cheaper (its points count only above the metric's)."""
        self.part = part
        self.unit = unit
        self.start = start
        """The value (in the part's own units) before anything is added."""
        self.per = per
        """Points per unit of the part's value above zero."""
        self.cap = cap
        self.held = held
        """The points the part gives now."""
        self.gate = gate
        """Units to add before anything counts."""
        self.scale = scale
        """Part units one added unit gives (percentage points per US$ of consumption)."""
        self.opens = opens
        """People the short prerequisite steps need before the metric counts anyone."""
        self.units = Fraction(0)
        self.taken = False
        self.now = held
        """The points the part gives with the units taken so far."""

    def points_at(self, units: Fraction) -> Fraction:
        if units < self.gate:
            return self.held
        value = self.start + self.scale * units
        # Another option's part gives nothing until it passes the points the metric has.
        return max(self.held, min(self.cap, self.per * max(_ZERO, value)))

    def given(self) -> Fraction:
        """The points added so far (beyond ``held``)."""
        return self.now - self.held

    def room(self) -> Fraction:
        return self.cap - self.now

    def least(self) -> Fraction:
        """The least worth naming for a metric at zero: one unit's points, at least 1."""
        return max(self.per * self.scale, Fraction(1))

    def exact_units(self, wanted: Fraction) -> Fraction:
        """The units (any fraction of one) that give ``wanted`` more points than now."""
        goal = min(self.cap, self.now + wanted)
        return (goal / self.per - self.start) / self.scale

    def units_for(self, wanted: Fraction) -> Fraction:
        """The fewest units (whole ones) that give ``wanted`` more points than now."""
        needed = self.exact_units(wanted)
        whole = Fraction(-(-needed.numerator // needed.denominator))
        return max(self.units, self.gate, whole)

    def worth(self, wanted: Fraction) -> Fraction:
        """Points per unit the next ``wanted`` points cost (the steps' people count too)."""
        target = self.units_for(wanted)
        opening = 0 if self.taken else self.opens
        gained = self.points_at(target) - self.now
        return gained / max(target - self.units + opening, Fraction(1))

    def add(self, wanted: Fraction) -> Fraction:
        """Takes the units for ``wanted`` more points; the points they add."""
        self.units = self.units_for(wanted)
        self.taken = True
        before, self.now = self.now, self.points_at(self.units)
        return self.now - before

    def step(self, won: bool = False) -> WayStep:
        """The step of the units taken; ``won``: the way wins customers too (a percentage
        growth then says the level to reach, which holds whatever usage they bring)."""
        metric = self.metric
        gain = min(metric.max_points - metric.points, self.given())
        units = Decimal(int(self.units))
        if self.part < 0:
            text = _way_of(metric, units, gain)
            needed = tuple(max(0, need - have) for _names_, have, need, _met in metric.steps)
            return WayStep(
                metric.id, -1, units, "people", gain, f"{metric.name}: {text}", metric.lead, needed
            )
        option = self.option
        part = option.parts[self.part]
        if option is metric or metric.alternatives is None:
            lead = _part_lead(metric, self.part)
        else:
            lead = metric.alternatives.lead(option.option, self.part)
        level = None
        if won and part.unit == "percent":
            # Rounded up to the cent of a percent: reaching it gives the points said.
            exact = self.now / self.per * 100
            level = Decimal(-(-exact.numerator // exact.denominator)) / 100
            words = (
                _(
                    "growth of {level} % over the same month a year earlier, and the twelve"
                    " months at the minimum needed to score, the customers won counted in"
                    " both (+{points})"
                )
                if self.unit != part.unit
                else _(
                    "growth of {level} % over the same month a year earlier, the customers"
                    " won counted in it (+{points})"
                )
            )
            text = words.format(level=number(level), points=_points(gain))
        elif self.unit != part.unit:
            # Consumption first reaches the twelve months' minimum (the metric's missing
            # sentence names it); the growth it brings gives the points.
            text = _(
                "US$ {amount} more consumption in the last month, which brings the twelve"
                " months to the minimum needed to score (+{points})"
            ).format(amount=number(units), points=_points(gain))
        elif part.label and (
            len(metric.parts) > 1 or part.unit in _COUNTED_UNITS or metric.alternatives is not None
        ):
            # Which customers (users, US$) the units are: those above the part's floor
            # (US$ 1,000 of consumption, 40 % of seats active), the services that count.
            text = _("{more} ({label}; +{points})").format(
                more=_more(units, part.unit, labelled=True), label=part.label, points=_points(gain)
            )
        else:
            text = _("{more} (+{points})").format(
                more=_more(units, part.unit), points=_points(gain)
            )
        return WayStep(
            metric.id,
            self.part,
            units,
            self.unit,
            gain,
            f"{metric.name}: {text}",
            lead,
            option=option.option,
            level=level,
        )


_COUNTED_UNITS = frozenset({"customers", "workloads", "services"})
"""Units a part counts only when each meets the part's conditions (its label says which)."""


def _levers(metric: MetricScore) -> list[_Lever]:
    """What can be added to the metric, each part by its own rule (none: it is full)."""
    if metric.points >= metric.max_points or metric.need <= 0:
        return []
    if not metric.parts:
        # People: each adds ``per_person`` (or the maximum over the people needed).
        per = metric.per_person or metric.max_points / Fraction(metric.need)
        if metric.gated:
            opens = sum(max(0, need - have) for _names_, have, need, _met in metric.steps)
            start = Fraction(metric.have) + (metric.points + metric.opened_by_steps) / per
            held = metric.points
        else:
            opens, start, held = 0, metric.points / per, metric.points
        return [
            _Lever(
                metric,
                -1,
                "people",
                start=start,
                per=per,
                cap=metric.max_points,
                held=held,
                opens=opens,
            )
        ]
    levers = (_part_lever(metric, index) for index in range(len(metric.parts)))
    own = [lever for lever in levers if lever is not None]
    options = metric.alternatives.scores if metric.alternatives is not None else ()
    if not options or len(own) > 1 or any(len(option.parts) != 1 for option in options):
        return own
    # Points for one association type only (SOLUTIONS-PARTNER.md § 1.2): each option priced
    # for the metric's full points, the one giving most a unit taken (the counting one on a
    # tie; another where the counting one has a gate nothing added now lifts).
    wanted = metric.max_points - metric.points
    best = own[0] if own else None
    for option in options:
        lever = _part_lever(metric, 0, option) if option.option != metric.option else None
        if lever is not None and (best is None or lever.worth(wanted) > best.worth(wanted)):
            best = lever
    return [best] if best is not None else []


def _part_lever(
    metric: MetricScore, index: int, option: MetricScore | None = None
) -> _Lever | None:
    """What can be added to one part of a usage metric, by its rule (None: nothing);
    ``option``: of another option than the one counting (its points above the metric's)."""
    part = (option or metric).parts[index]
    part_max = metric.max_points if part.max_points is None else part.max_points
    if part.points >= part_max or part.need <= 0:
        return None
    per = part_max / Fraction(part.need)
    measured = part.measured
    held = part.points if option is None else max(part.points, metric.points)
    if not measured.note:
        return _Lever(
            metric,
            index,
            part.unit,
            start=Fraction(part.have),
            per=per,
            cap=part_max,
            held=held,
            option=option,
        )
    if measured.short_of_minimum <= 0:
        return None  # a gate more usage now cannot lift (the year-ago month's)
    base, last = Fraction(measured.baseline), Fraction(measured.last)
    if part.unit == "percent":
        if base <= 0:
            return None
        start, scale = (last - base) * 100 / base, 100 / base
    else:
        start, scale = last - base, Fraction(1)
    return _Lever(
        metric,
        index,
        "USD" if part.unit == "percent" else part.unit,
        start=start,
        per=per,
        cap=part_max,
        held=held,
        gate=Fraction(measured.short_of_minimum),
        scale=scale,
        option=option,
    )


def _way_of(metric: MetricScore, units: Decimal, gain: Fraction) -> str:
    """One metric's part of the cheapest way: "2 more people (+8 points)"; for a metric a
    short step gates, that step's people first, then the final list's, then what it opens."""
    gain_text = _points(gain)
    if not metric.gated:
        return _("{more} (+{points})").format(more=_more(units, metric.unit), points=gain_text)
    first = _(" and ").join(
        ngettext(
            "{count} more person with {certifications} for step {step}",
            "{count} more people with {certifications} for step {step}",
            need - have,
        ).format(count=need - have, certifications=names, step=index)
        for index, (names, have, need, met) in enumerate(metric.steps, start=1)
        if not met
    )
    if units > 0:
        return _("{first}, then {more} on the final list (+{points})").format(
            first=first, more=_more(units, metric.unit), points=gain_text
        )
    held = int(metric.have)
    if not held:
        # Nobody on the final list yet: what meeting the step opens is its own points (an SMB
        # track's, 4 a step), not people "already on the final list".
        return _("{more} (+{points})").format(more=first, points=gain_text)
    return ngettext(
        "{first}, which counts the {count} person already on the final list (+{points})",
        "{first}, which counts the {count} people already on the final list (+{points})",
        held,
    ).format(first=first, count=held, points=gain_text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def shown_points(value: Fraction, figures: Figures | None = None) -> str:
    """Points as people read them: one decimal ("13.3", "13,3" in German), whole ones without.

    ``figures``: the separators to write them with (the window's locale), else the language's.
    """
    rounded = rounded_points(value)
    return number(rounded, 0 if rounded == rounded.to_integral_value() else 1, figures)


def rounded_points(value: Fraction) -> Decimal:
    """Points (or a catalogue figure) to the one decimal they are shown with: 20/3 -> 6.7."""
    return round(Decimal(value.numerator) / Decimal(value.denominator), 1)


def _more(value: Decimal, unit: str, labelled: bool = False) -> str:
    """ "3 more customers", "US$ 1,250 more", "5 more percentage points of growth".

    ``labelled``: the catalogue's label of what grows follows in brackets, so
    German leaves out its "Wachstum" ("5 weitere Prozentpunkte (Wachstum des ...)").
    """
    count = number(value)
    if unit == "USD":
        return _("US$ {amount} more").format(amount=count)
    if unit == "percent" and labelled:
        return npgettext(
            "before what grows",
            "{count} more percentage point of growth",
            "{count} more percentage points of growth",
            value,
        ).format(count=count)
    words = _MORE_OF_UNIT.get(unit)
    if words:
        return ngettext(*words, value).format(count=count)
    # A unit the catalogue adds later: its words from wording's unit tables ("1 more seat").
    return _("{count} more {unit}").format(count=count, unit=unit_of(value, unit))


_MORE_OF_UNIT = {
    "percent": Nn_(
        "{count} more percentage point of growth", "{count} more percentage points of growth"
    ),
    "customers": Nn_("{count} more customer", "{count} more customers"),
    "users": Nn_("{count} more user", "{count} more users"),
    "services": Nn_("{count} more service", "{count} more services"),
    "workloads": Nn_("{count} more workload", "{count} more workloads"),
    "points": Nn_("{count} more point", "{count} more points"),
    "people": Nn_("{count} more person", "{count} more people"),
}
"""The "{count} more ..." message of each unit the catalogues use (German: "1 weiterer Kunde")."""


def _points(value: Fraction) -> str:
    text = shown_points(value)
    # "1 point" only for a figure that reads exactly 1 ("0.5 points", "1.5 points").
    return ngettext("{points} point", "{points} points", 1 if text == "1" else 2).format(
        points=text
    )


def _with_exams(cert: Certification) -> str:
    """ "Azure Administrator Associate (AZ-104)": the exam codes people search for."""
    if not cert.exams:
        return cert.name
    return f"{cert.name} ({' + '.join(cert.exams[0])})"


def _names(certifications: dict[str, Certification], listed: tuple[Listed, ...], day: date) -> str:
    ids = [entry.certification for entry in listed if entry.on(day)]
    names = [_with_exams(certifications[i]) if i in certifications else i for i in ids]
    if len(names) <= 3:
        return _(" or ").join(names)
    others = len(names) - 3
    return ngettext(
        "{names} or {count} other certification",
        "{names} or {count} other certifications",
        others,
    ).format(names=", ".join(names[:3]), count=others)


def aimed_designations(
    catalog: ScoredCatalog, facts: Facts, names: Mapping[str, str] | None = None
) -> tuple[frozenset[str], tuple[str, ...]]:
    """The designations aimed for: those the organisation names, else those its competency
    targets carry over to by Microsoft's mapping (SOLUTIONS-PARTNER.md § 1.1).

    Returns the designation ids and, for carried-over targets, one note naming
    each competency (by ``names`` where given) and its designation.
    """
    if facts.designation_targets:
        return frozenset(facts.designation_targets), ()
    carried: dict[str, list[str]] = {}
    for target in facts.targets:
        for designation in catalog.designations:
            if target.competency in designation.legacy_competencies:
                carried.setdefault(designation.id, []).append(target.competency)
    pairs = []
    for designation in catalog.designations:
        if designation.id in carried:
            competencies = _(" and ").join((names or {}).get(c, c) for c in carried[designation.id])
            pairs.append(
                _("{competencies} to {designation}").format(
                    competencies=competencies, designation=designation.name
                )
            )
    notes = (
        [
            _("Competency targets carried over by Microsoft's 2022 mapping: {pairs}.").format(
                pairs="; ".join(pairs)
            )
        ]
        if pairs
        else []
    )
    return frozenset(carried), tuple(notes)
