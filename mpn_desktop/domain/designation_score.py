"""The partner capability score of each designation, with what is still missing.

``score_designations`` measures every metric of every track of every
designation on the as-of day, adds the points up exactly (fractions, no
rounding before the comparison with the qualifying score), keeps the better
track, and says what is missing in sentences beside the figures and the
tenants, services and people behind them (as data, never parsed back). The records it
hands out are ``designation_results``'; a designation's missing list is worded by
``designation_missing``, the cheapest way to the qualifying score by ``designation_way``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_measures import measure, part_points
from mpn_desktop.domain.designation_missing import (
    capitalised,
    missing_with_leads,
    more_text,
    part_short,
    points_text,
)
from mpn_desktop.domain.designation_results import (
    Alternatives,
    CategoryScore,
    DesignationScore,
    MetricScore,
    PartScore,
    TrackScore,
    usage_lead,
)
from mpn_desktop.domain.designation_skilling import (
    CatalogueList,
    Certified,
    catalogue_list,
    count_skilling,
    fraction_sum,
    skilling_points,
)
from mpn_desktop.domain.designation_way import cheapest_way
from mpn_desktop.domain.designations import (
    Certification,
    Classification,
    Designation,
    Listed,
    Metric,
    Part,
    Quantity,
    ScoredCatalog,
    Track,
    track_title,
)
from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.fraction_pairs import fraction_below
from mpn_desktop.domain.identity_memo import IdentityMemo
from mpn_desktop.domain.missing_lead import (
    Lead,
    LeadKind,
)
from mpn_desktop.domain.qualification_window import (
    WindowPlan,
    catalogue_end_days,
    days_to_score,
    designation_end_days,
    plan_window,
)
from mpn_desktop.domain.skilling_holders import certifications_of
from mpn_desktop.domain.usage_figures import UsageFigures
from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.domain.way_levers import people_gain
from mpn_desktop.domain.wording import PARTS_IN_POINTS, month_and_year, number, or_list

_ZERO = Fraction(0)
_DAY = timedelta(days=1)


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
    # The day's holders of every skilling list first, while the exam index a first
    # evaluation has just made is in the processor's caches: picked after the usage
    # measures, each holder's look cost ~2.5x (1.5 -> 0.9 ms). Every designation is
    # scored below, each skilling metric counting its lists' holders: the same work.
    for listed in _skilling_lists(catalog):
        scorer.certified.holders(listed)
    # Every usage metric's parts measured next, a workload family's one after another: the
    # rows of one family's months are read by its parts while still in the processor's
    # caches (in the catalogue's order, Security's Azure parts came after Business
    # Applications' and Modern Work's). Every part is measured below anyway: the same work.
    for part in _usage_parts(catalog):
        measure(part, scorer.figures, scorer.last)
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
        self._changes: dict[tuple[date, date], tuple[date, ...]] = {}
        self._months: dict[tuple[date, date], tuple[tuple[date, date], ...]] = {}
        self._on_days: dict[date, ScoredCatalog | None] = {}
        """``catalog_on`` of each earlier day of the window asked so far."""
        self._ends_in_order = _end_days(catalog)
        """Per designation: the days after which a certification, a list entry or a step
        minimum of its skilling metrics ends, in order."""

    def days(self, start: date, end: date) -> list[date]:
        """``days_to_score`` of the window's days, latest first (worked out once), with the
        last day of each catalogue in force on one of them."""
        found = self._days.get((start, end))
        if found is None:
            found = self._days[(start, end)] = days_to_score(
                start, end, self.facts, self.catalog, self.catalogue_changes(start, end)
            )
        return found

    def months(self, start: date, end: date) -> tuple[tuple[date, date], ...]:
        """The first and last day of each month of the window inside it, latest first
        (worked out once: every designation's search walks them)."""
        found = self._months.get((start, end))
        if found is None:
            months = []
            month = Month.of(end)
            while month.plus(1).first_day > start:
                after = month.plus(1).first_day
                months.append((max(start, month.first_day), min(end, after - _DAY)))
                month = month.plus(-1)
            found = self._months[(start, end)] = tuple(months)
        return found

    def catalogue_changes(self, start: date, end: date) -> tuple[date, ...]:
        """The days from ``start`` to ``end`` after which the catalogue an earlier day is
        scored with changes (its last day), or something of an earlier catalogue ends (a
        certification, a list entry, a step minimum), latest first; none without
        ``catalog_on``.

        A score changes with the catalogue whatever day it changes on: such a day is scored
        like a month's last, and no bound made under one catalogue answers for a month
        another one shares (the shipped ones change on a month's first day, a catalogue
        given by the user need not). The window search's bounds read the end days of the
        as-of day's catalogue only: a month in which an earlier one's end inside it is
        scored day by day."""
        if self.catalog_on is None:
            return ()
        found = self._changes.get((start, end))
        if found is not None:
            return found
        changes: set[date] = set()
        day, seen = end, set()
        while day >= start:
            catalog = self._catalogue_on(day)
            if catalog is None or id(catalog) in seen:
                break
            seen.add(id(catalog))
            if catalog is not self.catalog:
                changes |= catalogue_end_days(catalog)
            if catalog.effective_until is not None and start <= catalog.effective_until < end:
                changes.add(catalog.effective_until)
            day = catalog.effective_from - _DAY
            if day < end:
                changes.add(day)
        found = self._changes[(start, end)] = tuple(
            sorted((d for d in changes if start <= d <= end), reverse=True)
        )
        return found

    def ends_between(self, designation_id: str, first: date, last: date) -> tuple[date, ...]:
        """The days from ``first`` to ``last`` that a certification, a list entry or a step
        minimum of the designation ends on, latest first (``days_to_score`` holds them all)."""
        ends = self._ends_in_order.get(designation_id, ())
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
        ends = self._ends_in_order.get(designation_id, ())
        found = bisect_left(ends, last)
        upto = ends[found] if found < len(ends) and ends[found] < until else until
        # The bound is scored with the as-of day's catalogue: it answers only for days scored
        # with it too (the catalogue's days are one span, so its two ends tell).
        if not (self._scored_with_own(first) and self._scored_with_own(upto)):
            return None
        bound = self.on(upto, present_from=start)
        return upto if bound is not None and bound.skilling_rules_out(designation_id) else None

    def _scored_with_own(self, day: date) -> bool:
        """Whether an earlier day of the window is scored with the as-of day's catalogue: the
        designations had opened, and it is in force then (any day without ``catalog_on``)."""
        return self._opened(day) and (self.catalog_on is None or self.catalog.in_force_on(day))

    def _catalogue_on(self, day: date) -> ScoredCatalog | None:
        """The catalogue an earlier day of the window is scored with (None: not scored, before
        the designations opened or under no catalogue of the program)."""
        if self._scored_with_own(day):
            return self.catalog
        if self.catalog_on is None or not self._opened(day):
            return None
        # Asked once per day: the window search asks each earlier day's catalogue again for
        # every designation (the command line's look-up reads the catalogue files' folder).
        on_days = self._on_days
        if day in on_days:
            return on_days[day]
        found = on_days[day] = self.catalog_on(day)
        return found

    def _opened(self, day: date) -> bool:
        """Whether the designations had opened on the day (the catalogue's first window)."""
        windows = self.catalog.windows
        return not windows or day >= windows[0].effective_from

    def on(
        self, day: date, *, earlier: bool = True, present_from: date | None = None
    ) -> _Scorer | None:
        """The scorer of a day; None for an earlier day of the window before the designations
        opened or under no catalogue of the program (the as-of day is always scored)."""
        found = self._catalogue_on(day) if earlier else self.catalog
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
        scorer = _Scorer(catalog, figures, certified, last)
        self._scorers[(id(catalog), day, present_from)] = scorer
        return scorer


_T = TypeVar("_T")

_PerCatalogue = IdentityMemo[tuple[ScoredCatalog], _T]
"""Catalogue data worked out once per catalogue, by its identity (a handful are in use: at
most 16 kept)."""

_SHARED: _PerCatalogue[dict[int, Metric]] = IdentityMemo(16)
"""Per catalogue: each metric's first equal one."""


def _shared_metrics(catalog: ScoredCatalog) -> dict[int, Metric]:
    """The first of the catalogue's equal metrics for each metric, by the metric's id."""
    return _SHARED.kept((catalog,), lambda: _first_equal_metrics(catalog))


def _first_equal_metrics(catalog: ScoredCatalog) -> dict[int, Metric]:
    first: dict[Metric, Metric] = {}
    return {
        id(metric): first.setdefault(metric, metric)
        for designation in catalog.designations
        for track in designation.tracks
        for metric in track.metrics
    }


_MOST: _PerCatalogue[dict[tuple[int, str], Fraction]] = IdentityMemo(16)
"""Per catalogue: each track's categories' maximum points (catalogue data), which every
evaluation added up again for each category's score."""


def _category_most(catalog: ScoredCatalog) -> dict[tuple[int, str], Fraction]:
    """The maximum points of each category of each track, by the track's id and the
    category's id (the sum of its metrics' maximums)."""
    return _MOST.kept(
        (catalog,),
        lambda: {
            (id(track), category.id): fraction_sum(
                m.max_points for m in track.metrics if m.category == category.id
            )
            for designation in catalog.designations
            for track in designation.tracks
            for category in catalog.categories
        },
    )


_SKILLING_LISTS: _PerCatalogue[tuple[tuple[Listed, ...], ...]] = IdentityMemo(16)
"""Per catalogue: every skilling metric's lists of certifications (its prerequisite steps',
then its own), each list value once, in the catalogue's order."""


def _skilling_lists(catalog: ScoredCatalog) -> tuple[tuple[Listed, ...], ...]:
    """The lists whose holders the catalogue's skilling metrics count (catalogue data)."""
    return _SKILLING_LISTS.kept(
        (catalog,),
        lambda: tuple(
            dict.fromkeys(
                listed
                for designation in catalog.designations
                for track in designation.tracks
                for metric in track.metrics
                if metric.skilling is not None
                for listed in (
                    *(step.certifications for step in metric.skilling.prerequisites),
                    metric.skilling.certifications,
                )
            )
        ),
    )


_USAGE_PARTS: _PerCatalogue[tuple[Part, ...]] = IdentityMemo(16)
"""Per catalogue: every usage metric's parts (each part value once), a workload family's
together."""


def _usage_parts(catalog: ScoredCatalog) -> tuple[Part, ...]:
    """The parts the catalogue's usage metrics measure, those of the same workloads one after
    another (the catalogue's order among them), each part value once (catalogue data)."""
    return _USAGE_PARTS.kept((catalog,), lambda: _by_workloads(catalog))


def _by_workloads(catalog: ScoredCatalog) -> tuple[Part, ...]:
    return tuple(
        sorted(
            catalog.parts(),
            key=lambda part: sorted(workload.value for workload in part.scope.workloads),
        )
    )


_SearchOrder = tuple[list[tuple[Metric, int, int]], tuple[int, int]]
"""A track's metrics of the catalogue's categories in the order the window search measures
them (skilling first), each with its maximum points as a numerator and a denominator, and
those maximums added up (a numerator over a positive denominator)."""

_ORDER: _PerCatalogue[dict[int, _SearchOrder]] = IdentityMemo(16)
"""Per catalogue: each track's ``_SearchOrder`` by the track's id (catalogue data, which
every evaluation sorted and added up again for each track the window search looked at)."""


def _search_order(catalog: ScoredCatalog) -> dict[int, _SearchOrder]:
    """Each track's ``_SearchOrder``, by the track's id (the catalogue holds its tracks)."""
    return _ORDER.kept((catalog,), lambda: _tracks_in_search_order(catalog))


def _tracks_in_search_order(catalog: ScoredCatalog) -> dict[int, _SearchOrder]:
    known = {category.id for category in catalog.categories}
    found: dict[int, _SearchOrder] = {}
    for designation in catalog.designations:
        for track in designation.tracks:
            chosen = sorted(
                (m for m in track.metrics if m.category in known), key=lambda m: m.skilling is None
            )
            total = fraction_sum(m.max_points for m in chosen)
            found[id(track)] = (
                [(m, m.max_points.numerator, m.max_points.denominator) for m in chosen],
                (total.numerator, total.denominator),
            )
    return found


_ENDS: _PerCatalogue[dict[str, tuple[date, ...]]] = IdentityMemo(16)
"""Per catalogue: each designation's ``designation_end_days`` in order, a walk of every list
of its metrics that each evaluation asked again (and sorted)."""


def _end_days(catalog: ScoredCatalog) -> dict[str, tuple[date, ...]]:
    """Each designation's end days in order: a certification another designation lists
    ending inside a month does not keep one bound from answering for this one's months."""
    return _ENDS.kept(
        (catalog,),
        lambda: {
            d.id: tuple(sorted(designation_end_days(catalog, d))) for d in catalog.designations
        },
    )


class _Scorer:
    def __init__(
        self,
        catalog: ScoredCatalog,
        figures: UsageFigures,
        certified: Certified,
        last: Month,
    ) -> None:
        self.catalog = catalog
        self.figures = figures
        self.certified = certified
        self.last = last
        self._skilled: dict[object, object] = {}
        self._ordered = _search_order(catalog)
        self._ruled_out: dict[str, bool] = {}
        self._named: dict[CatalogueList, str] = {}
        self._first_exams: dict[CatalogueList, tuple[str, str] | None] = {}
        self._shared = _shared_metrics(catalog)
        """Each metric's first equal one (looked up once per scorer, not per metric)."""
        self._most = _category_most(catalog)
        """Each track's categories' maximum points (looked up once per scorer, not per track)."""
        self._known = {category.id for category in catalog.categories}
        """The catalogue's categories: a metric of another one does not count."""

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
        known = self._known
        # Whatever track counts must qualify itself: when none can, no usage of the month
        # past the first metric that rules a track out needs measuring.
        if not any(self._may_qualify(track, at) for track in item.tracks):
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
            found = self._ruled_out[designation_id] = item is None or not any(
                self._may_qualify(track, at, skilling_only=True) for track in item.tracks
            )
        return found

    def _may_qualify(self, track: Track, at: Fraction, *, skilling_only: bool = False) -> bool:
        """False when the track cannot qualify on this day: a metric scores nothing, or the
        points found so far with every other metric at its maximum fall short (with
        ``skilling_only``, the usage metrics at their maximum, not measured).

        The day's skilling metrics come first (a few people to count), then the usage ones
        (the month's figures to walk), each stopping the search once the track is ruled out.
        """
        metrics, (bound, below) = self._ordered[id(track)]
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
        metric = self._shared.get(id(metric), metric)
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
        missing, missing_leads = ((), ()) if qualified else missing_with_leads(best, at)
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
        most = self._most
        for category in self.catalog.categories:
            chosen = tuple(m for m in metrics if m.category == category.id)
            if chosen:
                categories.append(
                    CategoryScore(
                        category.id,
                        category.name,
                        fraction_sum(m.points for m in chosen),
                        # A score's maximum is its metric's (catalogue data): added up once.
                        most[(id(track), category.id)],
                        chosen,
                    )
                )
        return TrackScore(track.id, fraction_sum(c.points for c in categories), tuple(categories))

    def metric(self, metric: Metric) -> MetricScore:
        # Designations and tracks share metrics (equal ones written out in each): each is
        # scored once per day, and one measured from usage once per month (its figures'
        # memo), whatever day of the month asks.
        metric = self._shared.get(id(metric), metric)
        memo = self.figures.memo if metric.skilling is None else self._skilled
        found = memo.get(("metric", id(metric)))
        if isinstance(found, tuple) and found[0] is metric:
            return found[1]  # type: ignore[no-any-return]
        if metric.skilling is not None:
            scored = self._skilling(metric)
        else:
            measured = [self._option_parts(metric, parts) for parts in metric.options]
            # The option giving the most points counts (the first of equals).
            best = max(range(len(measured)), key=lambda index: measured[index][1])
            parts, points = measured[best]
            # What is missing said for the option that counts only (the others are dropped),
            # worked out before its score is made: one record per metric.
            sentences, leads = self._usage_missing(metric, parts, points, best)
            alternatives = None
            if (sentences or leads) and len(measured) > 1:
                # The way prices every option of a metric short.
                alternatives = Alternatives(
                    tuple(self._option(metric, i, *option) for i, option in enumerate(measured)),
                    metric,
                )
            scored = self._option(
                metric,
                best,
                parts,
                points,
                missing=sentences,
                leads=leads,
                alternatives=alternatives,
            )
        memo[("metric", id(metric))] = (metric, scored)
        return scored

    def _option_parts(
        self, metric: Metric, parts: tuple[Part, ...]
    ) -> tuple[tuple[PartScore, ...], Fraction]:
        """An option's parts measured, and its points (up to the metric's maximum)."""
        scored = []
        for part in parts:
            measured = measure(part, self.figures, self.last)
            points = part_points(part, measured, metric.max_points)
            need = Decimal(part.threshold.numerator) / Decimal(part.threshold.denominator)
            scored.append(
                PartScore(
                    part.label,
                    part.unit,
                    measured.value,
                    need,
                    points,
                    measured,
                    part.max_points,
                    part=part,
                )
            )
        # min(most, total): the maximum unless the total is below it.
        total, most = fraction_sum(p.points for p in scored), metric.max_points
        return tuple(scored), total if fraction_below(total, most) else most

    def _option(
        self,
        metric: Metric,
        index: int,
        parts: tuple[PartScore, ...],
        points: Fraction,
        *,
        missing: tuple[str, ...] = (),
        leads: tuple[Lead | None, ...] = (),
        alternatives: Alternatives | None = None,
    ) -> MetricScore:
        """The score of the metric's option ``index`` from its parts, with what it misses."""
        have, need, unit = _figures(parts, points, metric.max_points)
        return MetricScore(
            id=metric.id,
            name=metric.name,
            category=metric.category,
            have=have,
            need=need,
            unit=unit,
            points=points,
            max_points=metric.max_points,
            missing=missing,
            parts=parts,
            option=index,
            note=metric.note,
            leads=leads,
            alternatives=alternatives,
        )

    def _usage_missing(
        self, metric: Metric, scored: tuple[PartScore, ...], points: Fraction, option: int
    ) -> tuple[tuple[str, ...], tuple[Lead | None, ...]]:
        """The missing sentences of a usage metric's option (``scored``: its parts, ``points``
        its points) and where each leads."""
        if not fraction_below(points, metric.max_points):
            return (), ()
        sentences = []
        leads: list[Lead | None] = []
        parts = zip(scored, metric.options[option], strict=False)
        for index, (part, measured_part) in enumerate(parts):
            lead = usage_lead(metric, measured_part)
            if part.measured.note:
                sentences.append(capitalised(part.measured.note))
                leads.append(lead)
                continue
            priced = part_short(scored[index], points, metric.max_points)
            if priced is None:
                continue
            short, gain = priced
            label = f" ({part.label})" if part.label else ""
            # German's verb follows the count ("1 weiterer Kunde brächte").
            would_add = ngettext(
                "{more}{label} would add {points}", "{more}{label} would add {points}", short
            )
            more = more_text(short, part.unit, labelled=bool(part.label))
            sentences.append(
                capitalised(would_add.format(more=more, label=label, points=points_text(gain)))
            )
            leads.append(lead)
        return tuple(sentences), tuple(leads)

    def _skilling(self, metric: Metric) -> MetricScore:
        rule = metric.skilling
        assert rule is not None
        counted = count_skilling(rule, self.certified, metric.max_points)
        # Each read once: points is a Fraction made per read, gated a look at every step,
        # the holders' length a call of theirs.
        holding, points, full, gated = (
            len(counted.holders),
            counted.points,
            counted.full,
            counted.gated,
        )
        names = self.catalog.certifications
        steps = tuple(
            (
                self._listed_names(s.step.certifications),
                s.people,
                s.minimum,
                s.met,
            )
            for s in counted.steps
        )
        # The points the short steps give once met (SMB steps), nothing when all are met.
        opened = fraction_sum(s.step.points for s in counted.steps if not s.met)
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
                    ).format(count=number(need - have), certifications=step_names)
                )
        short = counted.need_people - holding
        if short > 0 and not full:
            # Priced by the cheapest way's people lever: with a step short, meeting it opens
            # its own points and the people already on the final list too.
            gain = people_gain(
                rule.points_per_person,
                holding,
                points,
                opened,
                most=metric.max_points,
                gated=gated,
                more=short,
            )
            listed = self._listed_names(rule.certifications)
            leads.append(self._certification_lead(metric, rule.certifications))
            missing.append(
                ngettext(
                    "{count} more person with {certifications} would add {points}",
                    "{count} more people with {certifications} would add {points}",
                    short,
                ).format(count=number(short), certifications=listed, points=points_text(gain))
                + (_(" (once the steps above are met)") if gated else "")
            )
        return MetricScore(
            id=metric.id,
            name=metric.name,
            category=metric.category,
            have=Decimal(holding),
            need=Decimal(counted.need_people),
            unit="people",
            points=points,
            max_points=metric.max_points,
            missing=() if full else tuple(missing),
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
            step_points=tuple(s.step.points for s in counted.steps),
            note=metric.note,
            leads=() if full else tuple(leads),
            per_person=rule.points_per_person,
            opened_by_steps=opened,
        )

    def _listed_names(self, listed: tuple[Listed, ...]) -> str:
        """The certifications a list holds on the day, named (``_names``), once per list value:
        a designation's tracks, and designations, hold equal lists of their own."""
        names = self.catalog.certifications
        kind = catalogue_list(listed, names)
        found = self._named.get(kind)
        if found is None:
            found = self._named[kind] = _names(names, listed, self.certified.day)
        return found

    def _certification_lead(self, metric: Metric, listed: tuple[Listed, ...]) -> Lead:
        """Add exam with the first exam of the first certification the list holds on the day."""
        names = self.catalog.certifications
        kind = catalogue_list(listed, names)
        # Once per list value and day: designations and tracks hold equal lists of their own.
        if kind in self._first_exams:
            first = self._first_exams[kind]
        else:
            first = self._first_exams[kind] = _first_exam(names, listed, self.certified.day)
        if first is None:
            return Lead(LeadKind.CERTIFICATION, metric.id, metric.name)
        code, certification = first
        return Lead(
            LeadKind.CERTIFICATION, metric.id, metric.name, code=code, certification=certification
        )


def _first_exam(
    certifications: dict[str, Certification], listed: tuple[Listed, ...], day: date
) -> tuple[str, str] | None:
    """The first exam of the first certification the list holds on the day, and its name."""
    for entry in listed:
        cert = certifications.get(entry.certification)
        if entry.on(day) and cert is not None and cert.exams and cert.exams[0]:
            return cert.exams[0][0], cert.name
    return None


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
    changes = scorers.catalogue_changes(start, until)
    for first, last in scorers.months(start, until):
        # Scored with everyone there on any day of the month: when even that falls short,
        # no day of the month after the last one something ends on inside it can qualify
        # (nor the bound's own day: scored with more people). The bound's day no longer
        # counts what ended before it, so the days up to that ending are scored one by one
        # (someone who leaves before a certification retires counts with it only then), as
        # are all the days on which a score can change in a month not ruled out.
        bounded = scorers.hopeless_until(designation_id, first, last, start, until)
        # The month's bound is scored under the catalogue of its last day: it answers for the
        # month only when no other catalogue holds on a day of it.
        if bounded is None and not any(first <= d < last for d in changes):
            bound = scorers.on(last, present_from=first)
            hopeless = bound is None or not bound.qualifies(designation_id)
            bounded = last if hopeless else None
        ends = scorers.ends_between(designation_id, first, last)
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
    # Kept with the month's figures, as a metric's score is: every evaluation of a day of
    # the month (the window's days, each edit of a person, an exam or a reference) asked
    # again, and the revenue per (customer, service) is read anew by each asking. The rule
    # is kept beside its answer, so that its id is not another's while the memo holds it.
    key = ("classified", id(rule), last)
    kept = figures.memo.get(key)
    if isinstance(kept, tuple) and kept[0] is rule:
        return kept[1]  # type: ignore[no-any-return]
    found = _classified(rule, figures, last)
    figures.memo[key] = (rule, found)
    return found


def _classified(rule: Classification, figures: UsageFigures, last: Month) -> tuple[str, str]:
    """``classify``'s answer worked out."""

    def pairs(month: Month) -> set[tuple[str, str]]:
        # The revenue alone per (customer, service), not all five sums of each.
        revenue = figures.key_quantities(rule.scope, Quantity.REVENUE_USD, month)
        return {key for key, value in revenue.items() if key[1] and value > rule.minimum_usd}

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
        count=number(count),
        floor=number(rule.minimum_usd),
        # As every sentence names a month: "2026-09" in English, "September 2026" in German
        # (it read "sowohl im 2026-09 als auch im 2025-09").
        month=month_and_year(last),
        year_ago=month_and_year(last.plus(-12)),
        pairs=number(rule.pairs),
    )


def _figures(
    parts: tuple[PartScore, ...], points: Fraction, max_points: Fraction
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


def _qualifies(track: TrackScore, at: Fraction) -> bool:
    return track.qualifies(at)


def _with_exams(cert: Certification) -> str:
    """ "Azure Administrator Associate (AZ-104)": the exam codes people search for."""
    if not cert.exams:
        return cert.name
    return f"{cert.name} ({' + '.join(cert.exams[0])})"


def _names(certifications: dict[str, Certification], listed: tuple[Listed, ...], day: date) -> str:
    ids = [entry.certification for entry in listed if entry.on(day)]
    names = [_with_exams(certifications[i]) if i in certifications else i for i in ids]
    # Three named at most, as one list of alternatives: "A or B", "A, B or C", "A, B, C or 2
    # other certifications" (three read "A or B or C" where more put commas between them).
    if len(names) <= 3:
        return or_list(names)
    others = len(names) - 3
    return ngettext(
        "{names} or {count} other certification",
        "{names} or {count} other certifications",
        others,
    ).format(names=", ".join(names[:3]), count=number(others))


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
